import * as path from 'node:path';
import { analyseGroupWithModel, DEFAULT_MERGE_THRESHOLD, GroupAnalysis } from './analyse';
import { quoteForMessage } from './errors';
import { groupIdeas } from './groupIdeas';
import { NotesTable } from './ingest/idea';
import { ReadOptions } from './ingest/parseNotes';
import { InputContext, readNotes } from './input';
import { buildReport } from './report/buildReport';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { buildThemeModel, serialiseThemeModel } from './model/themeModel';
import { WordVectors } from './vectors/wordVectorCache';
import { planOutputs } from './output/planOutputs';
import { writeOutputs } from './output/writeOutputs';

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
export async function run(options: RunOptions, context: RunContext): Promise<Draft> {
  const planned = planOutputs([
    { file: options.saveModel, flag: '--save-model' },
    { file: options.output, flag: '-o' },
  ], [options.input]);
  const draft = draftReport(options, context);
  await writeOutputs(planned.map((target) => ({ target, overwrite: true, content: target.flag === '--save-model' ? draft.model! : draft.rendered })));
  return draft;
}

export interface Draft {
  report: Report;
  rendered: string;
  /** The saved themes, when --save-model asked for them. */
  model?: string;
}

/** read → analyse → render, writing nothing. */
export function draftReport(options: RunOptions, context: RunContext): Draft {
  const { name, table, wordVectors } = readNotes({ ...options.read, input: options.input, text: options.text, by: options.by, event: options.event, vectors: options.vectors }, context);
  if (options.k !== undefined) noteSmallGroups(table, options.k, context);
  const groups = analyseTable(table, { ...options, wordVectors });
  const report = reportOf(table, name, groups, options, context.version);
  const rendered = renderFor(report, options);
  if (!options.saveModel) return { report, rendered };
  const model = buildThemeModel({ version: context.version, inputs: [name], options: { ...report.options, vectors: wordVectors !== undefined }, groups });
  return { report, rendered, model: serialiseThemeModel(model) };
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
