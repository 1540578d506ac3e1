import { themeDisplay } from './display';
import { groupColumnTitle, groupTitle, plural, themeLetter } from './groupTitle';
import { realThemes } from './otherIdeas';
import { sharedColumns, sharedThemeRows } from './sharedTable';
import { Report, ReportGroup } from './report';
import { markdownEventsSection } from './renderEvents';
import { escapeMarkdown } from './safeText';

export interface MarkdownOptions {
  /** Show only this many most central ideas per theme. */
  top?: number;
}

/**
 * A report draft in the shape rapporteurs write: title, overall figures, then per group its
 * question and lettered themes ("### a) Label — N ideas") with keywords and bullets.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const out: string[] = [`# ${escapeMarkdown(report.title)}`, ''];
  for (const paragraph of report.paragraphs ?? []) out.push(paragraph, '');
  out.push(...overallFigures(report));
  if (report.options.shared && report.groups.length > 1) out.push(...sharedThemesTable(report));
  for (const group of report.groups) out.push(...groupSection(report, group, options));
  if (report.events) out.push(...markdownEventsSection(report.events));
  if (report.skipped.length > 0) {
    out.push('## Skipped rows', '');
    for (const s of report.skipped) out.push(`- ${escapeMarkdown(s.file)}, row ${s.row}: ${escapeMarkdown(s.reason)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function overallFigures(report: Report): string[] {
  const lines = ['## Overall figures', ''];
  const hasQuestions = report.groups.some((g) => g.question);
  const hasOther = report.totals.otherIdeas > 0;
  const numbers = hasOther ? ['Ideas', 'Themes', 'Other ideas'] : ['Ideas', 'Themes'];
  const header = [escapeMarkdown(groupColumnTitle(report)), ...(hasQuestions ? ['Question'] : []), ...numbers];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i >= header.length - numbers.length ? '--:' : '---')).join('|')}|`);
  for (const g of report.groups) {
    const counts = [String(g.ideas), String(realThemes(g).length), ...(hasOther ? [String(g.otherIdeas)] : [])];
    const cells = [escapeMarkdown(groupTitle(report, g)), ...(hasQuestions ? [escapeMarkdown(g.question ?? '')] : []), ...counts];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (report.groups.length > 1) {
    const totals = [report.totals.ideas, report.totals.themes, ...(hasOther ? [report.totals.otherIdeas] : [])].map((n) => `**${n}**`);
    lines.push(`| ${['**Total**', ...(hasQuestions ? [''] : []), ...totals].join(' | ')} |`);
  }
  const skipped = report.totals.skipped === 0 ? 'no rows skipped' : `${plural(report.totals.skipped, 'row')} skipped (listed at the end)`;
  const other = hasOther ? ` (${report.totals.otherIdeas} in "Other ideas")` : '';
  lines.push('', `${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.groups, 'group')} and ${plural(report.totals.themes, 'theme')}${other}; ${skipped}.`, '');
  return lines;
}

/** With --shared: one table of the themes × the groups, so a theme can be followed from one round to the next. */
function sharedThemesTable(report: Report): string[] {
  const columns = sharedColumns(report);
  const lines = ['## Themes across the groups', '', `| ${['Theme', ...columns.map(escapeMarkdown), 'Total'].join(' | ')} |`, `|---|${columns.map(() => '--:').join('|')}|--:|`];
  for (const row of sharedThemeRows(report)) lines.push(`| ${[escapeMarkdown(row.label), ...row.counts.map((n) => (n > 0 ? String(n) : '')), String(row.total)].join(' | ')} |`);
  lines.push('');
  return lines;
}

function groupSection(report: Report, group: ReportGroup, options: MarkdownOptions): string[] {
  const title = escapeMarkdown(groupTitle(report, group));
  const lines = [`## ${group.question ? `${title}: ${escapeMarkdown(group.question)}` : title}`, ''];
  const other = group.otherIdeas > 0 ? `, ${group.otherIdeas} in "Other ideas"` : '';
  lines.push(`${plural(group.ideas, 'idea')} in ${plural(realThemes(group).length, 'theme')}${other}.`, '');
  if (group.warning) lines.push(`> **Warning:** ${escapeMarkdown(group.warning)}.`, '');
  // The rapporteur's own paragraphs (--keep) are Markdown already: carried as written.
  for (const paragraph of group.paragraphs ?? []) lines.push(paragraph, '');
  group.themes.forEach((theme, t) => {
    // "Other ideas" is no theme: it gets no letter.
    const heading = theme.other ? escapeMarkdown(theme.label) : `${themeLetter(t)}) ${escapeMarkdown(theme.label)}${theme.new ? ' (new)' : ''}`;
    lines.push(`### ${heading} — ${plural(theme.size, 'idea')}`, '');
    if (theme.keywords.length > 0) lines.push(`*${theme.keywords.map(escapeMarkdown).join(', ')}*`, '');
    for (const paragraph of theme.paragraphs ?? []) lines.push(paragraph, '');
    const { shown, moreIdeas } = themeDisplay(theme, options.top);
    for (const entry of shown) lines.push(`- ${escapeMarkdown(entry.text)}${entry.copies > 1 ? ` (×${entry.copies})` : ''}`);
    if (moreIdeas > 0) lines.push(`- … and ${moreIdeas} more`);
    lines.push('');
  });
  return lines;
}
