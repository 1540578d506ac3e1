import { groupIdeas } from '../groupIdeas';
import { recordK } from '../groupK';
import { evaluateThemes } from '../api/evaluateThemes';
import { inputValues, OptionsOf, recordOptions } from '../options';
import { readNotes } from '../input';
import { RunContext } from '../run';
import { EvaluationReport } from './evaluate';
import { EvaluationFormat, EvaluationSetting, renderEvaluation } from './renderEvaluation';

/** `evaluate`'s options (src/options.ts) as the command parsed them. */
export interface EvaluateOptions extends Partial<Omit<OptionsOf<'evaluate'>, 'truth' | 'seed' | 'vectors' | 'evaluationFormat' | 'debug'>> {
  input: string;
  /** The column holding the human grouping. */
  truth: string;
  seed: number;
  format: EvaluationFormat;
  vectors: boolean;
}

/** read → cluster as the report does → compare with the human grouping → render. */
export function runEvaluation(options: EvaluateOptions, context: RunContext): { report: EvaluationReport; rendered: string } {
  const { notes: table, wordVectors } = readNotes(
    { ...inputValues(options), input: options.input, text: options.text, by: options.by, truth: options.truth, vectors: options.vectors },
    context,
  );
  const { name } = table;
  const groups = groupIdeas(table.ideas).map((g) => g.name);
  const report = evaluateThemes(table, { ...options, wordVectors });
  const rendered = renderEvaluation(
    report,
    {
      version: context.version,
      input: name,
      options: recordOptions('evaluation', {
        ...options,
        truth: table.columns.truth ?? options.truth,
        text: table.columns.text,
        by: table.columns.by ?? null,
        k: recordK(options.k, groups),
        seed: options.seed,
        vectors: wordVectors !== undefined,
      }) as EvaluationSetting['options'],
      skipped: table.skipped,
    },
    options.format,
  );
  return { report, rendered };
}
