import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroupWithModel, DEFAULT_MERGE_THRESHOLD, GroupAnalysis } from './analyse';
import { inputError, quoteForMessage } from './errors';
import { groupIdeas, IdeaGroup } from './groupIdeas';
import { checkGroupK, GroupK, kForGroup, recordK } from './groupK';
import { NotesTable } from './ingest/idea';
import { ReadOptions } from './ingest/parseNotes';
import { InputContext, readNotes } from './input';
import { buildReport } from './report/buildReport';
import { groupTitle } from './report/groupTitle';
import { Format, Rendered, renderForWriting } from './report/render';
import { Report } from './report/report';
import { buildThemeModel, serialiseThemeModel } from './model/themeModel';
import { splitByGroup } from './themes/sharedThemes';
import { WordVectors } from './vectors/wordVectorCache';
import { planOutputs } from './output/planOutputs';
import { writeOutputs } from './output/writeOutputs';
import { KeptDraft } from './keep/draft';
import { describeOutcome } from './keep/describeOutcome';
import { keepDraft } from './keep/keepDraft';
import { parseDraft } from './keep/parseDraft';
import { Progress } from './progress/progress';
import { fieldReader } from './report/lazyArray';

export interface RunOptions {
  input: string;
  text?: string;
  by?: string;
  /** Themes per group (`-k`); undefined chooses them from the data. */
  k?: GroupK;
  seed: number;
  format: Format;
  output?: string;
  color: boolean;
  /** Compare ideas by word meaning as well as shared words (the default). */
  vectors: boolean;
  /** Merge near-duplicates for the reader at this similarity; undefined for the default, Infinity for never. */
  merge?: number;
  /** Show only this many most central ideas per theme in text, Markdown and Word. */
  top?: number;
  /** Markdown, Word and HTML: show each theme's keywords (default true). */
  keywords?: boolean;
  /** CSV: start with a byte-order mark; undefined for one in a file and none on standard output. */
  bom?: boolean;
  /** Also save the themes found to this file, to sort new ideas into them later (`assign`). */
  saveModel?: string;
  /** The column naming the event (default: a column named "event"). */
  event?: string;
  /** One set of themes found over all groups together, each group's ideas counted under them. */
  shared?: boolean;
  /** How to read the input: encoding, header, limits. */
  read?: ReadOptions;
  /** The rapporteur's edited report, whose themes and edits the new report keeps (`--keep`). */
  keep?: string;
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

/** read → analyse → render, writing nothing. */
export function draftReport(options: RunOptions, context: RunContext): Draft {
  // The draft is read before anything is written: `-o draft.md --keep draft.md` refreshes it in place.
  const kept = options.keep !== undefined ? parseDraft(readDraftFile(options.keep), options.keep) : undefined;
  // Only --keep and --shared tell ideas apart by object; otherwise each is made when read.
  const lazyIdeas = !kept && !options.shared;
  const { name, table, wordVectors } = readNotes({ ...options.read, lazyIdeas, input: options.input, text: options.text, by: options.by, event: options.event, vectors: options.vectors }, context);
  const groupsOfNotes = groupIdeas(table.ideas);
  checkGroupK(options.k, groupsOfNotes.map((g) => g.name));
  noteSmallGroups(groupsOfNotes, table.columns.by, options.k, context);
  const groups = kept ? keptGroups(table, kept, { ...options, wordVectors }, context) : analyseTable(table, { ...options, wordVectors, progress: context.stageProgress });
  const report = withDraft(reportOf(table, name, groups, options, context.version), kept);
  for (const group of report.groups) if (group.warning) context.notice(`rapporteur: warning: ${groupTitle(report, group)}: ${group.warning}`);
  const rendered = renderFor(report, options);
  if (!options.saveModel) return { report, rendered };
  const model = buildThemeModel({ version: context.version, inputs: [name], options: { ...report.options, vectors: wordVectors !== undefined }, groups });
  return { report, rendered, model: serialiseThemeModel(model) };
}

/** The report in the format asked for; colour only when it goes to the terminal. */
export function renderFor(report: Report, options: Pick<RunOptions, 'format' | 'color' | 'output' | 'top' | 'keywords' | 'bom'>): Rendered {
  return renderForWriting(report, options.format, { color: options.color && !options.output, top: options.top, keywords: options.keywords, bom: options.bom ?? options.output !== undefined });
}

export interface AnalysedTableGroup {
  name: string;
  question?: string;
  analysis: GroupAnalysis;
  /** `--keep`: themes in the draft's order, and the paragraphs under the group heading. */
  ordered?: boolean;
  paragraphs?: string[];
}

/** Each group of the notes clustered into themes. */
export function analyseTable(
  table: NotesTable,
  options: Pick<RunOptions, 'k' | 'seed' | 'merge' | 'shared'> & { wordVectors?: WordVectors; progress?: Progress },
): AnalysedTableGroup[] {
  const mergeThreshold = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  const groups = groupIdeas(table.ideas);
  if (options.shared) {
    // One set of themes over every group: -k gives its number (a value per group has no meaning here).
    const k = options.k?.rest === 'auto' ? undefined : options.k?.rest;
    const whole = analyseGroupWithModel(table.ideas, { k, seed: options.seed, wordVectors: options.wordVectors, mergeThreshold, progress: options.progress });
    const parts = splitByGroup(whole, groups.map((g) => g.ideas));
    return groups.map((g, i) => ({ name: g.name, ...(g.question !== undefined ? { question: g.question } : {}), analysis: parts[i] }));
  }
  return groups.map((g, i) => {
    if (groups.length > 1) options.progress?.({ stage: 'finding themes', done: i, total: groups.length, unit: 'groups' });
    return {
      name: g.name,
      ...(g.question !== undefined ? { question: g.question } : {}),
      analysis: analyseGroupWithModel(g.ideas, { k: kForGroup(options.k, g.name), seed: options.seed, wordVectors: options.wordVectors, mergeThreshold, progress: options.progress }),
    };
  });
}

export function reportOf(table: NotesTable, name: string, groups: AnalysedTableGroup[], options: Pick<RunOptions, 'k' | 'seed' | 'merge' | 'shared'>, version: string): Report {
  const merge = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  return buildReport({
    version,
    title: eventOf(table) ?? titleOf(name),
    inputs: [name],
    options: { k: recordK(options.k, groups.map((g) => g.name)), seed: options.seed, ...(Number.isFinite(merge) ? { merge } : {}), by: table.columns.by ?? null, text: table.columns.text, ...(options.shared ? { shared: true } : {}) },
    groups: groups.map((g) => ({ name: g.name, question: g.question, themes: g.analysis.themes, ordered: g.ordered, paragraphs: g.paragraphs })),
    skipped: table.skipped,
  });
}

/** The groups in the shape of the rapporteur's draft; what was kept, placed and dropped goes to stderr. */
function keptGroups(table: NotesTable, draft: KeptDraft, options: Pick<RunOptions, 'k' | 'seed' | 'merge'> & { wordVectors?: WordVectors }, context: RunContext): AnalysedTableGroup[] {
  const { groups, outcome } = keepDraft(groupIdeas(table.ideas), draft, { ...options, by: table.columns.by ?? null, mergeThreshold: options.merge ?? DEFAULT_MERGE_THRESHOLD });
  for (const line of describeOutcome(outcome, draft.file)) context.notice(line);
  return groups.map((g) => ({ ...g, ordered: true }));
}

/** The report of a refresh records the draft it kept, and carries the text under the draft's title. */
function withDraft(report: Report, draft: KeptDraft | undefined): Report {
  if (!draft) return report;
  return { ...report, options: { ...report.options, keep: draft.file }, ...(draft.preface ? { paragraphs: draft.preface } : {}) };
}

function readDraftFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw inputError('DRAFT_NOT_FOUND', `cannot read the draft to keep (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file }, 'give the report you edited, e.g. --keep draft.md');
  }
}

/** The event the notes name most often, if they name one. */
export function eventOf(table: NotesTable): string | undefined {
  const counts = new Map<string, number>();
  const field = fieldReader(table.ideas);
  for (let i = 0; i < table.ideas.length; i++) {
    const event = field(i, 'event');
    if (event) counts.set(event, (counts.get(event) ?? 0) + 1);
  }
  let best: string | undefined;
  for (const [event, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && event < best)) best = event;
  return best;
}

/** What a report is about when the notes do not say: the input's file name. */
export function titleOf(name: string): string {
  return name === 'stdin' ? 'Notes' : path.basename(name).replace(/\.[^.]+$/, '');
}

/** -k larger than a group: the group gets fewer themes; say so rather than leave the user wondering. */
function noteSmallGroups(groups: readonly IdeaGroup[], by: string | undefined, spec: GroupK | undefined, context: RunContext): void {
  for (const group of groups) {
    const k = kForGroup(spec, group.name);
    if (k !== undefined && group.ideas.length < k) {
      const name = group.name === 'all' && by === undefined ? 'the notes have' : `group ${quoteForMessage(group.name, 40)} has`;
      context.notice(`rapporteur: note: -k ${k}: ${name} only ${group.ideas.length} idea${group.ideas.length === 1 ? '' : 's'}, so fewer themes`);
    }
  }
}
