import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroupWithModel, DEFAULT_MERGE_THRESHOLD, GroupAnalysis } from './analyse';
import { inputError, usageError } from './errors';
import { groupIdeas } from './groupIdeas';
import { NotesTable } from './ingest/idea';
import { ReadOptions } from './ingest/parseNotes';
import { InputContext, readNotes } from './input';
import { buildReport } from './report/buildReport';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { buildThemeModel, serialiseThemeModel } from './model/themeModel';
import { WordVectors } from './vectors/wordVectorCache';

export interface RunOptions {
  input: string;
  text?: string;
  by?: string;
  k?: number;
  seed: number;
  format: Format;
  output?: string;
  color: boolean;
  /** Compare ideas by word meaning as well as shared words (the default). */
  vectors: boolean;
  /** Merge near-duplicates for the reader at this similarity; undefined for the default, Infinity for never. */
  merge?: number;
  /** Show only this many most central ideas per theme in text and Markdown. */
  top?: number;
  /** Also save the themes found to this file, to sort new ideas into them later (`assign`). */
  saveModel?: string;
  /** The column naming the event (default: a column named "event"). */
  event?: string;
  /** How to read the input: encoding, header, limits. */
  read?: ReadOptions;
}

export interface RunContext extends InputContext {
  version: string;
}

/** read → analyse → render → write. Returns the report for callers that want it. */
export function run(options: RunOptions, context: RunContext): { report: Report; rendered: string } {
  if (options.output) checkOutputPath(options.output, options.input, '-o');
  if (options.saveModel) checkOutputPath(options.saveModel, options.input, '--save-model');
  const { name, table, wordVectors } = readNotes({ ...options.read, input: options.input, text: options.text, by: options.by, event: options.event, vectors: options.vectors }, context);
  const groups = analyseTable(table, { ...options, wordVectors });
  const report = reportOf(table, name, groups, options, context.version);
  const rendered = render(report, options.format, { color: options.color && !options.output, top: options.top });
  if (options.saveModel) {
    const model = buildThemeModel({ version: context.version, inputs: [name], options: { ...report.options, vectors: wordVectors !== undefined }, groups });
    writeAtomically(options.saveModel, serialiseThemeModel(model));
  }
  if (options.output) writeAtomically(options.output, rendered);
  return { report, rendered };
}

export interface AnalysedTableGroup {
  name: string;
  question?: string;
  analysis: GroupAnalysis;
}

/** Each group of the notes clustered into themes. */
export function analyseTable(
  table: NotesTable,
  options: Pick<RunOptions, 'k' | 'seed' | 'merge'> & { wordVectors?: WordVectors },
): AnalysedTableGroup[] {
  const mergeThreshold = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  return groupIdeas(table.ideas).map((g) => ({
    name: g.name,
    ...(g.question !== undefined ? { question: g.question } : {}),
    analysis: analyseGroupWithModel(g.ideas, { k: options.k, seed: options.seed, wordVectors: options.wordVectors, mergeThreshold }),
  }));
}

export function analyse(
  table: NotesTable,
  name: string,
  options: Pick<RunOptions, 'k' | 'seed' | 'merge'> & { wordVectors?: WordVectors },
  version: string,
): Report {
  return reportOf(table, name, analyseTable(table, options), options, version);
}

export function reportOf(table: NotesTable, name: string, groups: AnalysedTableGroup[], options: Pick<RunOptions, 'k' | 'seed' | 'merge'>, version: string): Report {
  const merge = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  return buildReport({
    version,
    title: eventOf(table) ?? titleOf(name),
    inputs: [name],
    options: { k: options.k ?? 'auto', seed: options.seed, ...(Number.isFinite(merge) ? { merge } : {}), by: table.columns.by ?? null, text: table.columns.text },
    groups: groups.map((g) => ({ name: g.name, question: g.question, themes: g.analysis.themes })),
    skipped: table.skipped,
  });
}

/** The event the notes name most often, if they name one. */
export function eventOf(table: NotesTable): string | undefined {
  const counts = new Map<string, number>();
  for (const idea of table.ideas) if (idea.event) counts.set(idea.event, (counts.get(idea.event) ?? 0) + 1);
  let best: string | undefined;
  for (const [event, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && event < best)) best = event;
  return best;
}

/** What a report is about when the notes do not say: the input's file name. */
export function titleOf(name: string): string {
  return name === 'stdin' ? 'Notes' : path.basename(name).replace(/\.[^.]+$/, '');
}

export function checkOutputPath(output: string, input: string, flag: string): void {
  if (input !== '-' && path.resolve(output) === path.resolve(input)) {
    throw usageError('OUTPUT_IS_INPUT', `${flag} ${output} would overwrite the input`, 'choose another output file');
  }
  const folder = path.dirname(path.resolve(output));
  if (!fs.existsSync(folder)) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${output} does not exist`, 'create it first');
}

/** Write next to the target and rename, so an interrupted run never leaves half a report. */
export function writeAtomically(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  }
}
