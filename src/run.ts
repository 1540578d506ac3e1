import * as fs from 'node:fs';
import { findThemes } from './api/findThemes';
import { inputError } from './errors';
import { inputValues, OptionsOf } from './options';
import { ReadOptions } from './ingest/parseNotes';
import { InputContext, readNotes } from './input';
import { Format, Rendered, RenderOptions, renderForWriting } from './report/render';
import { Report } from './report/report';
import { serialiseThemeModel } from './model/themeModel';
import { planOutputs } from './output/planOutputs';
import { writeOutputs } from './output/writeOutputs';

/** The report's options (src/options.ts) as the command resolved them: the format chosen, colour decided, merge as a number. */
export interface RunOptions extends Partial<Omit<OptionsOf<'report'>, 'format' | 'color' | 'merge' | 'seed' | 'vectors' | 'outDir' | 'force' | 'keepGoing' | 'quiet' | 'debug'>> {
  input: string;
  seed: number;
  format: Format;
  color: boolean;
  /** Compare ideas by word meaning as well as shared words (the default). */
  vectors: boolean;
  /** Merge near-duplicates for the reader at this similarity; undefined for the default, Infinity for never. */
  merge?: number;
  /** Reading settings no option gives (the tests' small chunks). */
  read?: ReadOptions;
}

export interface RunContext extends InputContext {
  version: string;
}

/** read → analyse → render → write. Returns the report for callers that want it. */
export async function run(options: RunOptions, context: RunContext): Promise<Draft> {
  const planned = planOutputs([
    { file: options.saveModel, flag: '--save-model' },
    { file: options.output, flag: '-o' },
  ], [options.input]);
  const draft = draftReport(options, context);
  if (planned.length > 0) context.stageProgress?.({ stage: 'writing' });
  await writeOutputs(planned.map((target) => ({ target, overwrite: true, content: target.flag === '--save-model' ? draft.model! : draft.rendered })));
  return draft;
}

export interface Draft {
  report: Report;
  rendered: Rendered;
  /** The saved themes, when --save-model asked for them. */
  model?: string;
}

/** read → analyse → render, writing nothing: the library's findThemes between the reading and the rendering. */
export function draftReport(options: RunOptions, context: RunContext): Draft {
  // The draft is read before anything is written: `-o draft.md --keep draft.md` refreshes it in place.
  const keep = options.keep !== undefined ? { file: options.keep, text: readDraftFile(options.keep) } : undefined;
  // Only --keep and --shared tell ideas apart by object; otherwise each is made when read.
  const lazyIdeas = keep === undefined && !options.shared;
  const { notes, wordVectors } = readNotes({ ...options.read, ...inputValues(options), lazyIdeas, input: options.input, text: options.text, by: options.by, event: options.event, vectors: options.vectors }, context);
  const { keep: _, ...analysis } = options;
  const { report, model } = findThemes(notes, { ...analysis, wordVectors, keep, onNotice: context.notice, progress: context.stageProgress });
  const rendered = renderFor(report, options);
  if (!options.saveModel) return { report, rendered };
  return { report, rendered, model: serialiseThemeModel(model) };
}

/** The report in the format asked for; colour only when it goes to the terminal. */
export function renderFor(report: Report, options: Pick<RunOptions, 'format' | 'color' | 'output' | 'bom'> & Partial<RenderOptions>): Rendered {
  // Every rendering option passes as given; only colour and the byte-order mark depend on where the report goes.
  return renderForWriting(report, options.format, { ...options, color: options.color && !options.output, bom: options.bom ?? options.output !== undefined });
}

function readDraftFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError('DRAFT_NOT_FOUND', `cannot read the draft to keep (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file }, 'give the report you edited, e.g. --keep draft.md');
  }
}
