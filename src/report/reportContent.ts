import { CrossEventView } from '../events/crossEvent';
import { DisplayEntry, moreIdeasLine, themeDisplay } from './display';
import { groupColumnTitle, groupTitle, plural, themeLetter } from './groupTitle';
import { realThemes } from './otherIdeas';
import { Report, ReportGroup, ReportTheme } from './report';
import { sharedColumns, sharedThemeRows } from './sharedTable';

/**
 * What a written report says, in the order it says it, before any format: the Markdown, Word and
 * HTML renderers all lay out this one outline, so they cannot drift apart in content or order.
 * Texts are raw (from the notes); each renderer escapes them for its own format.
 */
export interface ReportContent {
  title: string;
  /** `--keep`: what the rapporteur wrote under the title (Markdown source, carried as written). */
  paragraphs: string[];
  figures: FiguresTable;
  /** `--shared`: one table of the themes × the groups, so a theme can be followed from one round to the next. */
  sharedThemes?: { columns: string[]; rows: { label: string; counts: number[]; total: number }[] };
  groups: GroupContent[];
  events?: EventsContent;
  /** "notes.csv, row 4: empty idea", one per skipped row. */
  skipped: { file: string; row: number; reason: string }[];
}

export interface FiguresTable {
  /** Column headings; the last `numbers` of them (ideas, themes, and "Other ideas" when any) are numbers. */
  header: string[];
  numbers: number;
  rows: string[][];
  /** The total row, with several groups. */
  total?: string[];
  /** "108 ideas in 3 groups and 25 themes (4 in "Other ideas"); no rows skipped." */
  summary: string;
}

export interface GroupContent {
  /** "Round 1". */
  title: string;
  question?: string;
  ideas: number;
  /** "46 ideas in 8 themes, 2 in "Other ideas"." */
  summary: string;
  /** When more than a quarter of the group fits no theme. */
  warning?: string;
  /** `--keep`: what the rapporteur wrote under the group heading. */
  paragraphs: string[];
  themes: ThemeContent[];
}

export interface ThemeContent {
  /** "a", "b", …: the enumeration of themes under a question; none for "Other ideas", which is no theme. */
  letter?: string;
  /** `--keep`: a theme the draft did not have. */
  new: boolean;
  /** `--keep`: what the rapporteur wrote under the theme heading. */
  paragraphs: string[];
  label: string;
  size: number;
  /** "6 ideas". */
  count: string;
  keywords: string[];
  representative: string;
  other: boolean;
  /** The bullets: ideas with near-duplicates folded in, cut by --top. */
  entries: DisplayEntry[];
  /** Ideas left out by --top, or of a very large theme. */
  moreIdeas: number;
  /** "… and 12 more", saying why when it was not --top. */
  moreLine: string;
  /** The theme as reported, for renderers that show every idea whatever --top says. */
  theme: ReportTheme;
}

export interface EventsContent {
  /** "Themes across 3 events". */
  heading: string;
  /** "2 themes came up in more than one event." */
  summary: string;
  /** Column headings for the events, E1, E2, …, with `legend` saying which is which (whole event names make a table too wide to read). */
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

export function reportContent(report: Report, options: ContentOptions = {}): ReportContent {
  return {
    title: report.title,
    paragraphs: report.paragraphs ?? [],
    figures: figuresTable(report),
    ...(report.options.shared && report.groups.length > 1 ? { sharedThemes: { columns: sharedColumns(report), rows: sharedThemeRows(report) } } : {}),
    groups: report.groups.map((g) => groupContent(report, g, options)),
    ...(report.events ? { events: eventsContent(report.events) } : {}),
    skipped: report.skipped,
  };
}

function figuresTable(report: Report): FiguresTable {
  const hasQuestions = report.groups.some((g) => g.question);
  const hasOther = report.totals.otherIdeas > 0;
  const numbers = hasOther ? ['Ideas', 'Themes', 'Other ideas'] : ['Ideas', 'Themes'];
  const header = [groupColumnTitle(report), ...(hasQuestions ? ['Question'] : []), ...numbers];
  const rows = report.groups.map((g) => [
    groupTitle(report, g),
    ...(hasQuestions ? [g.question ?? ''] : []),
    String(g.ideas),
    String(realThemes(g).length),
    ...(hasOther ? [String(g.otherIdeas)] : []),
  ]);
  const totals = [report.totals.ideas, report.totals.themes, ...(hasOther ? [report.totals.otherIdeas] : [])].map(String);
  const total = report.groups.length > 1 ? ['Total', ...(hasQuestions ? [''] : []), ...totals] : undefined;
  const skipped = report.totals.skipped === 0 ? 'no rows skipped' : `${plural(report.totals.skipped, 'row')} skipped (listed at the end)`;
  const other = hasOther ? ` (${report.totals.otherIdeas} in "Other ideas")` : '';
  const summary = `${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.groups, 'group')} and ${plural(report.totals.themes, 'theme')}${other}; ${skipped}.`;
  return { header, numbers: numbers.length, rows, ...(total ? { total } : {}), summary };
}

function groupContent(report: Report, group: ReportGroup, options: ContentOptions): GroupContent {
  const other = group.otherIdeas > 0 ? `, ${group.otherIdeas} in "Other ideas"` : '';
  return {
    title: groupTitle(report, group),
    ...(group.question ? { question: group.question } : {}),
    ideas: group.ideas,
    summary: `${plural(group.ideas, 'idea')} in ${plural(realThemes(group).length, 'theme')}${other}.`,
    ...(group.warning ? { warning: group.warning } : {}),
    paragraphs: group.paragraphs ?? [],
    themes: group.themes.map((theme, t) => {
      const display = themeDisplay(theme, options.top);
      const { shown, moreIdeas } = display;
      return {
        ...(theme.other ? {} : { letter: themeLetter(t) }),
        new: theme.new === true,
        paragraphs: theme.paragraphs ?? [],
        label: theme.label,
        size: theme.size,
        count: plural(theme.size, 'idea'),
        keywords: options.keywords === false ? [] : theme.keywords,
        representative: theme.representative,
        other: theme.other === true,
        entries: shown,
        moreIdeas,
        moreLine: moreIdeasLine(display),
        theme,
      };
    }),
  };
}

export function eventsContent(view: CrossEventView): EventsContent {
  // Event names are often long (file names, "2013-10-08 World Cafe ITU Geneva"): the columns
  // carry short codes, and the legend names each event once.
  const columns = view.events.map((_, i) => eventCode(i));
  return {
    heading: `Themes across ${plural(view.events.length, 'event')}`,
    summary: `${plural(view.themes.filter((t) => t.shared).length, 'theme')} came up in more than one event.`,
    columns,
    legend: view.events.map((event, i) => ({ short: columns[i], event })),
    view,
    perEvent: view.perEvent.map((e) => ({
      event: e.event,
      count: plural(e.ideas, 'idea'),
      themes: e.themes.filter((t) => !t.other).map((t) => ({ label: t.label, size: t.size, shared: t.shared })),
      unthemed: e.themes.filter((t) => t.other).reduce((s, t) => s + t.size, 0),
    })),
  };
}

/** "a) Label — 6 ideas", "a) Label (new) — 2 ideas", "Other ideas — 2 ideas": the heading of a theme, with its label as the renderer wrote it. */
export function themeHeading(theme: ThemeContent, label: string = theme.label): string {
  const name = theme.letter === undefined ? label : `${theme.letter}) ${label}${theme.new ? ' (new)' : ''}`;
  return `${name} — ${theme.count}`;
}

/** E1, E2, …: the short column heading of the i-th event. */
export function eventCode(index: number): string {
  return `E${index + 1}`;
}

/** "Round 1: What is …?": the heading of a group, parts as the renderer wrote them. */
export function groupHeading(title: string, question: string | undefined): string {
  return question ? `${title}: ${question}` : title;
}

/** "Protect human rights (×2)": the count of a merged idea after it. */
export function copiesSuffix(entry: DisplayEntry): string {
  return entry.copies > 1 ? ` (×${entry.copies})` : '';
}
