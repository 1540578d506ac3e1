import { groupIdeas } from '../groupIdeas';
import { GroupK, recordK } from '../groupK';
import { evaluateThemes } from '../api/evaluateThemes';
import { ReadOptions } from '../ingest/parseNotes';
import { readNotes } from '../input';
import { RunContext } from '../run';
import { EvaluationReport } from './evaluate';
import { EvaluationFormat, renderEvaluation } from './renderEvaluation';

export interface EvaluateOptions {
  input: string;
  /** The column holding the human grouping. */
  truth: string;
  text?: string;
  by?: string;
  /** Themes per group (`-k`); undefined chooses them from the data. */
  k?: GroupK;
  seed: number;
  format: EvaluationFormat;
  vectors: boolean;
  /** How to read the input: encoding, header, limits. */
  read?: ReadOptions;
}

/** read → cluster as the report does → compare with the human grouping → render. */
export function runEvaluation(options: EvaluateOptions, context: RunContext): { report: EvaluationReport; rendered: string } {
  const { notes: table, wordVectors } = readNotes(
    { ...options.read, input: options.input, text: options.text, by: options.by, truth: options.truth, vectors: options.vectors },
    context,
  );
  const { name } = table;
  const groups = groupIdeas(table.ideas).map((g) => g.name);
  const report = evaluateThemes(table, { k: options.k, seed: options.seed, wordVectors });
  const rendered = renderEvaluation(
    report,
    {
      version: context.version,
      input: name,
      options: {
        truth: table.columns.truth ?? options.truth,
        text: table.columns.text,
        by: table.columns.by ?? null,
        k: recordK(options.k, groups),
        seed: options.seed,
        vectors: wordVectors !== undefined,
      },
      skipped: table.skipped,
    },
    options.format,
  );
  return { report, rendered };
}
