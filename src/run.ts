import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroupWithModel, DEFAULT_MERGE_THRESHOLD, GroupAnalysis } from './analyse';
import { inputError, quoteForMessage, usageError } from './errors';
import { groupIdeas } from './groupIdeas';
import { NotesTable } from './ingest/idea';
import { ReadOptions } from './ingest/parseNotes';
import { InputContext, readNotes } from './input';
import { buildReport } from './report/buildReport';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { isLargeReport, writeLargeReport } from './report/writeLargeReport';
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
  if (options.k !== undefined) noteSmallGroups(table, options.k, context);
  const groups = analyseTable(table, { ...options, wordVectors });
  const report = reportOf(table, name, groups, options, context.version);
  // Very large JSON/CSV reports to a file are written in pieces (see writeLargeReport).
  const large = isLargeReport(report, options.format, options.output);
  const rendered = large ? '' : renderFor(report, options);
  if (options.saveModel) {
    const model = buildThemeModel({ version: context.version, inputs: [name], options: { ...report.options, vectors: wordVectors !== undefined }, groups });
    writeAtomically(options.saveModel, serialiseThemeModel(model));
  }
  if (large) writeLargeReport(options.output!, report, options.format as 'json' | 'csv');
  else if (options.output) writeAtomically(options.output, rendered);
  return { report, rendered };
}

/** The report in the format asked for; colour only when it goes to the terminal. */
export function renderFor(report: Report, options: Pick<RunOptions, 'format' | 'color' | 'output' | 'top'>): string {
  return render(report, options.format, { color: options.color && !options.output, top: options.top });
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

/** -k larger than a group: the group gets fewer themes; say so rather than leave the user wondering. */
function noteSmallGroups(table: NotesTable, k: number, context: RunContext): void {
  for (const group of groupIdeas(table.ideas)) {
    if (group.ideas.length < k) {
      const name = group.name === 'all' && table.columns.by === undefined ? 'the notes have' : `group ${quoteForMessage(group.name, 40)} has`;
      context.notice(`rapporteur: note: -k ${k}: ${name} only ${group.ideas.length} idea${group.ideas.length === 1 ? '' : 's'}, so fewer themes`);
    }
  }
}

export function checkOutputPath(output: string, input: string, flag = '-o'): void {
  const target = path.resolve(output);
  if (input !== '-' && sameFile(target, path.resolve(input))) {
    throw usageError('OUTPUT_IS_INPUT', `${flag} ${output} would overwrite the input`, 'choose another output file');
  }
  const existing = statOrUndefined(target);
  if (existing?.isDirectory()) throw usageError('OUTPUT_IS_FOLDER', `${flag} ${output} is a folder`, 'name a file, e.g. -o themes.md');
  const folder = path.dirname(target);
  const parent = statOrUndefined(folder);
  if (!parent) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${output} does not exist`, 'create it first');
  if (!parent.isDirectory()) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${output} is not a folder`, 'choose another output file');
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write the report to ${output}: permission denied on its folder`, {}, 'choose a folder you may write in');
  }
}

/** The same file under two names (a link, a relative path), or the same name. */
function sameFile(a: string, b: string): boolean {
  if (a === b) return true;
  const [x, y] = [statOrUndefined(a), statOrUndefined(b)];
  return x !== undefined && y !== undefined && x.dev === y.dev && x.ino === y.ino;
}

function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}

const INTERRUPTIONS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/**
 * Write next to the target and rename, so that the target is only ever the old file or the
 * whole new report. Ctrl-C (SIGINT), SIGTERM and SIGHUP would by default end the process at
 * once, leaving the half-written temporary file behind; while writing, listeners hold them
 * instead. Node runs a listener only between synchronous steps, so a signal that arrives during
 * the write waits for the write and the rename to finish (milliseconds), and is then dropped
 * with the listeners: the run has completed. Should the write ever yield to the event loop, the
 * listeners remove the temporary file and end the process as the signal would have.
 * Only SIGKILL or a power cut can leave the hidden `.NAME.PID.tmp` file.
 */
export function writeAtomically(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const interrupted = (signal: NodeJS.Signals) => {
    fs.rmSync(temporary, { force: true });
    process.kill(process.pid, signal);
  };
  const listeners = INTERRUPTIONS.map((signal) => {
    const listener = () => {
      removeListeners();
      interrupted(signal);
    };
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  const removeListeners = () => listeners.forEach(([signal, listener]) => process.removeListener(signal, listener));
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  } finally {
    removeListeners();
  }
}
