import * as fs from 'node:fs';
import { DEFAULT_MERGE_THRESHOLD } from '../analyse';
import { inputError } from '../errors';
import { readNotes } from '../input';
import { buildReport } from '../report/buildReport';
import { Report } from '../report/report';
import { checkOutputPath, renderFor, RunContext, RunOptions, titleOf, writeAtomically } from '../run';
import { assignIdeas, DEFAULT_ASSIGN_THRESHOLD } from './assign';
import { parseThemeModel, ThemeModel } from './themeModel';

export interface AssignRunOptions extends Pick<RunOptions, 'input' | 'text' | 'by' | 'format' | 'output' | 'color' | 'vectors' | 'merge' | 'top' | 'keywords' | 'bom'> {
  model: string;
  /** Least similarity to a saved theme; below it an idea is "Unmatched". */
  threshold?: number;
}

/** `rapporteur assign`: read the saved themes and the new notes, place each idea, report as usual. */
export function runAssign(options: AssignRunOptions, context: RunContext): { report: Report; rendered: string | Uint8Array } {
  if (options.output) checkOutputPath(options.output, options.input, '-o');
  const model = readModel(options.model);
  const { name, table, wordVectors } = readNotes(
    // Columns are found in the new notes as in any run; their groups meet the saved groups by name.
    { input: options.input, text: options.text, by: options.by, vectors: options.vectors && model.options.vectors },
    context,
  );
  const threshold = options.threshold ?? DEFAULT_ASSIGN_THRESHOLD;
  const mergeThreshold = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  const groups = assignIdeas(model, table.ideas, { threshold, wordVectors, mergeThreshold });
  const report = buildReport({
    version: context.version,
    title: titleOf(name),
    inputs: [name],
    options: {
      k: model.options.k,
      seed: model.options.seed,
      ...(Number.isFinite(mergeThreshold) ? { merge: mergeThreshold } : {}),
      by: table.columns.by ?? null,
      text: table.columns.text,
      model: options.model,
      threshold,
    },
    groups,
    skipped: table.skipped,
  });
  const rendered = renderFor(report, options);
  if (options.output) writeAtomically(options.output, rendered);
  return { report, rendered };
}

function readModel(file: string): ThemeModel {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`;
    throw inputError('MODEL_NOT_READABLE', what, { file }, 'give the file written by --save-model');
  }
  return parseThemeModel(text, file);
}
