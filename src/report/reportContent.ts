import { CrossEventView } from '../events/crossEvent';
import { DisplayEntry, themeDisplay } from './display';
import { groupColumnTitle, groupTitle, plural, themeLetter } from './groupTitle';
import { Report, ReportGroup, ReportTheme } from './report';

/**
 * What a written report says, in the order it says it, before any format: the Markdown, Word and
 * HTML renderers all lay out this one outline, so they cannot drift apart in content or order.
 * Texts are raw (from the notes); each renderer escapes them for its own format.
 */
export interface ReportContent {
  title: string;
  figures: FiguresTable;
  groups: GroupContent[];
  events?: EventsContent;
  /** "notes.csv, row 4: empty idea", one per skipped row. */
  skipped: { file: string; row: number; reason: string }[];
}

export interface FiguresTable {
  /** Column headings; the last two (ideas, themes) are numbers. */
  header: string[];
  rows: string[][];
  /** The total row, with several groups. */
  total?: string[];
  /** "108 ideas in 3 groups and 28 themes; no rows skipped." */
  summary: string;
}

export interface GroupContent {
  /** "Round 1". */
  title: string;
  question?: string;
  ideas: number;
  /** "46 ideas in 9 themes." */
  summary: string;
  themes: ThemeContent[];
}

export interface ThemeContent {
  /** "a", "b", …: the enumeration of themes under a question. */
  letter: string;
  label: string;
  size: number;
  /** "6 ideas". */
  count: string;
  keywords: string[];
  representative: string;
  other: boolean;
  /** The bullets: ideas with near-duplicates folded in, cut by --top. */
  entries: DisplayEntry[];
  /** Ideas left out by --top. */
  moreIdeas: number;
  /** The theme as reported, for renderers that show every idea whatever --top says. */
  theme: ReportTheme;
}

export interface EventsContent {
  /** "Themes across 3 events". */
  heading: string;
  /** "2 themes came up in more than one event." */
  summary: string;
  /**
   * Column headings for the events: the names when they are all short, else E1, E2, … with
   * `legend` saying which is which (whole event names make a table too wide to read).
   */
  columns: string[];
  legend: { short: string; event: string }[];
  view: CrossEventView;
  /** Per event: its own themes (not "Other ideas") and the shared theme each belongs to. */
  perEvent: { event: string; count: string; themes: { label: string; size: number; shared: string | null }[]; unthemed: number }[];
}

export interface ContentOptions {
  /** Only this many most central ideas per theme. */
  top?: number;
  /** Show each theme's keywords (default true). */
  keywords?: boolean;
}

/** Event names up to this many characters head their own column; longer ones get E1, E2, …. */
const SHORT_HEADER = 12;

export function reportContent(report: Report, options: ContentOptions = {}): ReportContent {
  return {
    title: report.title,
    figures: figuresTable(report),
    groups: report.groups.map((g) => groupContent(report, g, options)),
    ...(report.events ? { events: eventsContent(report.events) } : {}),
    skipped: report.skipped,
  };
}

function figuresTable(report: Report): FiguresTable {
  const hasQuestions = report.groups.some((g) => g.question);
  const header = [groupColumnTitle(report), ...(hasQuestions ? ['Question'] : []), 'Ideas', 'Themes'];
  const rows = report.groups.map((g) => [groupTitle(report, g), ...(hasQuestions ? [g.question ?? ''] : []), String(g.ideas), String(g.themes.length)]);
  const total = report.groups.length > 1 ? ['Total', ...(hasQuestions ? [''] : []), String(report.totals.ideas), String(report.totals.themes)] : undefined;
  const skipped = report.totals.skipped === 0 ? 'no rows skipped' : `${plural(report.totals.skipped, 'row')} skipped (listed at the end)`;
  const summary = `${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.groups, 'group')} and ${plural(report.totals.themes, 'theme')}; ${skipped}.`;
  return { header, rows, ...(total ? { total } : {}), summary };
}

function groupContent(report: Report, group: ReportGroup, options: ContentOptions): GroupContent {
  return {
    title: groupTitle(report, group),
    ...(group.question ? { question: group.question } : {}),
    ideas: group.ideas,
    summary: `${plural(group.ideas, 'idea')} in ${plural(group.themes.length, 'theme')}.`,
    themes: group.themes.map((theme, t) => {
      const { shown, moreIdeas } = themeDisplay(theme, options.top);
      return {
        letter: themeLetter(t),
        label: theme.label,
        size: theme.size,
        count: plural(theme.size, 'idea'),
        keywords: options.keywords === false ? [] : theme.keywords,
        representative: theme.representative,
        other: theme.other === true,
        entries: shown,
        moreIdeas,
        theme,
      };
    }),
  };
}

export function eventsContent(view: CrossEventView): EventsContent {
  const short = view.events.every((e) => [...e].length <= SHORT_HEADER);
  const columns = short ? [...view.events] : view.events.map((_, i) => `E${i + 1}`);
  return {
    heading: `Themes across ${plural(view.events.length, 'event')}`,
    summary: `${plural(view.themes.filter((t) => t.shared).length, 'theme')} came up in more than one event.`,
    columns,
    legend: short ? [] : view.events.map((event, i) => ({ short: columns[i], event })),
    view,
    perEvent: view.perEvent.map((e) => ({
      event: e.event,
      count: plural(e.ideas, 'idea'),
      themes: e.themes.filter((t) => !t.other).map((t) => ({ label: t.label, size: t.size, shared: t.shared })),
      unthemed: e.themes.filter((t) => t.other).reduce((s, t) => s + t.size, 0),
    })),
  };
}

/** "a) Label — 6 ideas": the heading of a theme, with its label as the renderer wrote it. */
export function themeHeading(theme: ThemeContent, label: string = theme.label): string {
  return `${theme.letter}) ${label} — ${theme.count}`;
}

/** "Round 1: What is …?": the heading of a group, parts as the renderer wrote them. */
export function groupHeading(title: string, question: string | undefined): string {
  return question ? `${title}: ${question}` : title;
}

/** "Protect human rights (×2)": the count of a merged idea after it. */
export function copiesSuffix(entry: DisplayEntry): string {
  return entry.copies > 1 ? ` (×${entry.copies})` : '';
}
