import { analyseGroupWithModel, AnalysisOptions, DEFAULT_MERGE_THRESHOLD, GroupAnalysis } from '../analyseGroup';
import { quoteForMessage } from '../errors';
import { groupIdeas, IdeaGroup } from '../groupIdeas';
import { checkGroupK, GroupK, kForGroup, recordK } from '../groupK';
import { KeptDraft } from '../keep/draft';
import { describeOutcome } from '../keep/describeOutcome';
import { keepDraft } from '../keep/keepDraft';
import { parseDraft } from '../keep/parseDraft';
import { modelFingerprint } from '../model/fingerprint';
import { buildThemeModel, ThemeModel } from '../model/themeModel';
import { buildReport } from '../report/buildReport';
import { groupTitle } from '../report/groupTitle';
import { Report, ReportOptions } from '../report/report';
import { splitByGroup } from '../themes/sharedThemes';
import { recordOptions } from '../options';
import { VERSION } from '../version';
import { commonestField } from '../commonest';
import { KOption, toGroupK } from './kOption';
import { asNotes, Notes, NotesInput } from './notes';
import { titleOf } from './titleOf';

/**
 * What `findThemes` takes besides the notes; every field has the command line's default. The
 * analysis's own options (src/analyseGroup.ts: `wordVectors`, `clusterer`, `pipeline`, `progress`, …)
 * pass through as they are, so an option added there reaches the library and the command alike.
 */
export interface FindThemesOptions extends Omit<Partial<AnalysisOptions>, 'k' | 'seed' | 'mergeThreshold'> {
  /** Themes per group: a number, "auto" (default), or per group as `-k` takes it ("1=7,2=5", "6,3=4"). */
  k?: KOption;
  /** Random seed (default 42): the same notes and seed give the same themes. */
  seed?: number;
  /** Show near-duplicate ideas once from this similarity (0–1, default 0.8); false lists every idea. */
  merge?: number | false;
  /** One set of themes over all groups, each group's ideas counted under them (`--shared`). */
  shared?: boolean;
  /** An edited report whose headings, bullets and paragraphs to keep (`--keep`): its text and its name. */
  keep?: { text: string; file: string };
  /** Told about what the caller may want to know (small groups, a refreshed draft's changes, groups mostly unthemed): one line each. */
  onNotice?: (message: string) => void;
}

/** The themes found: the report (the JSON contract every format is rendered from) and the themes as a model for `assignIdeas`. */
export interface FoundThemes {
  report: Report;
  model: ThemeModel;
  /** Each group's analysis: themes, representation and centres. */
  groups: AnalysedTableGroup[];
}

export interface AnalysedTableGroup {
  name: string;
  question?: string;
  analysis: GroupAnalysis;
  /** `--keep`: themes in the draft's order, and the paragraphs under the group heading. */
  ordered?: boolean;
  paragraphs?: string[];
}

export const DEFAULT_SEED = 42;

/**
 * Cluster the notes into named, counted themes: each group (`--by`) apart, or together with
 * `shared`. Pure: reads and writes nothing, and the same notes and options give the same report.
 */
export function findThemes(input: NotesInput, options: FindThemesOptions = {}): FoundThemes {
  const notes = asNotes(input);
  const notice = options.onNotice ?? (() => undefined);
  const settings = analysisSettings(options);
  const kept = options.keep ? parseDraft(options.keep.text, options.keep.file) : undefined;
  const groupsOfNotes = groupIdeas(notes.ideas);
  checkGroupK(settings.k, groupsOfNotes.map((g) => g.name));
  noteSmallGroups(groupsOfNotes, notes.columns.by, settings, notice);
  const groups = kept ? keptGroups(notes, kept, settings, notice) : analyseTable(notes, settings);
  const report = withDraft(reportOf(notes, notes.name, groups, settings), kept);
  for (const group of report.groups) if (group.warning) notice(`rapporteur: warning: ${groupTitle(report, group)}: ${group.warning}`);
  const model = buildThemeModel({ version: VERSION, inputs: [notes.name], options: { ...report.options, vectors: options.wordVectors !== undefined }, fingerprint: modelFingerprint(options.wordVectors, options.representation), groups });
  return { report, model, groups };
}

/** The analysis options resolved: k per group, the seed, merge as a number (Infinity: never). */
export type AnalysisSettings = Omit<FindThemesOptions, 'k' | 'seed' | 'merge' | 'keep' | 'onNotice'> & { k?: GroupK; seed: number; merge: number };

/** Defaults filled in and values checked, as the command line does: every other option passes as given. */
export function analysisSettings(options: Omit<FindThemesOptions, 'keep'> & { keep?: unknown }): AnalysisSettings {
  const { k, seed, merge, onNotice: _, keep: __, ...rest } = options;
  return { ...rest, k: toGroupK(k), seed: seed ?? DEFAULT_SEED, merge: merge === false ? Infinity : (merge ?? DEFAULT_MERGE_THRESHOLD) };
}

/** Each group of the notes clustered into themes. */
export function analyseTable(table: Pick<Notes, 'ideas'>, options: AnalysisSettings): AnalysedTableGroup[] {
  const groups = groupIdeas(table.ideas);
  const analysisOptions = { ...options, mergeThreshold: options.merge };
  if (options.shared) {
    // One set of themes over every group: -k gives its number (a value per group has no meaning here).
    const k = options.k?.rest === 'auto' ? undefined : options.k?.rest;
    const whole = analyseGroupWithModel(table.ideas, { ...analysisOptions, k });
    const parts = splitByGroup(whole, groups.map((g) => g.ideas));
    return groups.map((g, i) => ({ name: g.name, ...(g.question !== undefined ? { question: g.question } : {}), analysis: parts[i] }));
  }
  return groups.map((g, i) => {
    if (groups.length > 1) options.progress?.({ stage: 'finding themes', done: i, total: groups.length, unit: 'groups' });
    return {
      name: g.name,
      ...(g.question !== undefined ? { question: g.question } : {}),
      analysis: analyseGroupWithModel(g.ideas, { ...analysisOptions, k: kForGroup(options.k, g.name) }),
    };
  });
}

/** The report of analysed groups, titled by the notes' event, else by the input's name. */
export function reportOf(table: Pick<Notes, 'ideas' | 'columns' | 'skipped'>, name: string, groups: AnalysedTableGroup[], options: AnalysisSettings, version = VERSION): Report {
  const merge = options.merge;
  return buildReport({
    version,
    title: eventOf(table) ?? titleOf(name),
    inputs: [name],
    options: recordOptions('report', {
      ...options,
      k: recordK(options.k, groups.map((g) => g.name)),
      merge: Number.isFinite(merge) ? merge : undefined,
      by: table.columns.by ?? null,
      text: table.columns.text,
      shared: options.shared ? true : undefined,
    }) as ReportOptions,
    groups: groups.map((g) => ({ name: g.name, question: g.question, themes: g.analysis.themes, ordered: g.ordered, paragraphs: g.paragraphs })),
    skipped: table.skipped,
  });
}

/** The event the notes name most often, if they name one. */
export function eventOf(table: Pick<Notes, 'ideas'>): string | undefined {
  return commonestField(table.ideas, 'event')?.value;
}

/** The groups in the shape of the rapporteur's draft; what was kept, placed and dropped is told. */
function keptGroups(notes: Notes, draft: KeptDraft, options: AnalysisSettings, notice: (message: string) => void): AnalysedTableGroup[] {
  const { k, seed, wordVectors, representation, clusterer, namer } = options;
  const { groups, outcome } = keepDraft(groupIdeas(notes.ideas), draft, { k, seed, wordVectors, representation, clusterer, namer, by: notes.columns.by ?? null, mergeThreshold: options.merge });
  for (const line of describeOutcome(outcome, draft.file)) notice(line);
  return groups.map((g) => ({ ...g, ordered: true }));
}

/** The report of a refresh records the draft it kept, and carries the text under the draft's title. */
function withDraft(report: Report, draft: KeptDraft | undefined): Report {
  if (!draft) return report;
  return { ...report, options: recordOptions('report', { ...report.options, keep: draft.file }) as ReportOptions, ...(draft.preface ? { paragraphs: draft.preface } : {}) };
}

/** -k larger than a group: the group gets fewer themes; say so rather than leave the user wondering. */
function noteSmallGroups(groups: readonly IdeaGroup[], by: string | undefined, options: AnalysisSettings, notice: (message: string) => void): void {
  for (const group of groups) {
    const k = kForGroup(options.k, group.name);
    if (k !== undefined && group.ideas.length < k) {
      const name = group.name === 'all' && by === undefined ? 'the notes have' : `group ${quoteForMessage(group.name, 40)} has`;
      notice(`rapporteur: note: -k ${k}: ${name} only ${group.ideas.length} idea${group.ideas.length === 1 ? '' : 's'}, so fewer themes`);
    }
  }
}
