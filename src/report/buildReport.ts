import { CrossEventView } from '../events/crossEvent';
import { compareText, compareThemes } from './themeOrder';
import { SkippedRow } from '../ingest/idea';
import { Theme, ThemeMember } from '../themes/theme';
import { Columns, lazyArray, lazySource, mapLazily } from './lazyArray';
import { otherIdeasOf, otherIdeasWarning, realThemes } from './otherIdeas';
import { Report, ReportGroup, ReportIdea, ReportOptions, ReportTheme, SCHEMA_VERSION } from './report';

export interface AnalysedGroup {
  name: string;
  event?: string;
  question?: string;
  themes: Theme[];
  /** `--keep`: the themes are in the rapporteur's order, which the report keeps. */
  ordered?: boolean;
  paragraphs?: string[];
}

export interface ReportInput {
  version: string;
  /** What the report is about: the event, else the input's name. */
  title: string;
  inputs: string[];
  options: ReportOptions;
  groups: AnalysedGroup[];
  skipped: SkippedRow[];
  events?: CrossEventView;
}

/** Assemble the report; everything is sorted so that the same analysis prints the same bytes. */
export function buildReport(input: ReportInput): Report {
  const groups = input.groups.map(toReportGroup);
  return {
    schemaVersion: SCHEMA_VERSION,
    generator: { name: 'rapporteur', version: input.version },
    title: input.title,
    inputs: input.inputs,
    options: input.options,
    totals: {
      ideas: groups.reduce((s, g) => s + g.ideas, 0),
      skipped: input.skipped.length,
      groups: groups.length,
      // With one set of themes for all groups (--shared) a theme found in three groups is one theme.
      themes: input.options.shared
        ? new Set(groups.flatMap((g) => realThemes(g).map((t) => t.label))).size
        : groups.reduce((s, g) => s + realThemes(g).length, 0),
      otherIdeas: groups.reduce((s, g) => s + g.otherIdeas, 0),
    },
    skipped: [...input.skipped].sort((a, b) => compareText(a.file, b.file) || a.row - b.row),
    groups,
    ...(input.events ? { events: input.events } : {}),
  };
}

function toReportGroup(group: AnalysedGroup): ReportGroup {
  const themes = group.themes.map(toReportTheme);
  if (!group.ordered) themes.sort(compareThemes);
  const ideas = themes.reduce((s, t) => s + t.size, 0);
  const otherIdeas = otherIdeasOf(themes);
  const warning = otherIdeasWarning(ideas, otherIdeas, themes.find((t) => t.other)?.label);
  return {
    name: group.name,
    ...(group.event !== undefined ? { event: group.event } : {}),
    ...(group.question !== undefined ? { question: group.question } : {}),
    ...(group.paragraphs?.length ? { paragraphs: group.paragraphs } : {}),
    ideas,
    otherIdeas,
    ...(warning ? { warning } : {}),
    themes,
  };
}

function toReportTheme(theme: Theme): ReportTheme {
  return {
    label: theme.label,
    keywords: theme.keywords,
    size: theme.members.length,
    representative: theme.members[0]?.idea.text ?? '',
    ...(theme.other ? { other: true } : {}),
    ...(theme.kept ? { kept: true } : {}),
    ...(theme.paragraphs?.length ? { paragraphs: theme.paragraphs } : {}),
    ...(theme.new ? { new: true } : {}),
    ideas: reportIdeas(theme.members),
  };
}

/**
 * The members as the report's ideas. Lazy for a large group's themes: each idea's object is
 * made as it is read (see lazyArray), and when the members come as columns so do the ideas,
 * which the JSON writer then writes without making them.
 */
function reportIdeas(members: readonly ThemeMember[]): ReportIdea[] {
  const toIdea = ({ idea, similarity, duplicateOf, kept }: ThemeMember): ReportIdea => {
    const written: ReportIdea = { file: idea.file, row: idea.row, id: idea.id, text: idea.text, similarity: roundedSimilarity(similarity) };
    if (duplicateOf) written.duplicateOf = duplicateOf.row;
    if (kept) written.kept = true;
    return written;
  };
  const source = lazySource(members);
  const from = source?.columns;
  if (!source || !from || !MEMBER_COLUMNS.every((key) => key in from)) return mapLazily(members, toIdea);
  const similarity = from.similarity as (i: number) => number;
  const kept = from.kept;
  const columns: Columns = {
    file: from['idea.file'],
    row: from['idea.row'],
    id: from['idea.id'],
    text: from['idea.text'],
    similarity: (i) => roundedSimilarity(similarity(i)),
    duplicateOf: from['duplicateOf.row'],
    ...(kept ? { kept: (i: number) => (kept(i) ? true : undefined) } : {}),
  };
  return lazyArray(source.length, (i) => toIdea(source.at(i)), undefined, columns);
}

/** The member columns a report idea is made of (see LazySource.columns); `kept` may be missing. */
const MEMBER_COLUMNS = ['idea.file', 'idea.row', 'idea.id', 'idea.text', 'similarity', 'duplicateOf.row'];

const roundedSimilarity = (similarity: number): number => Math.round(similarity * 1000) / 1000;
