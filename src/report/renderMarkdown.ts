import { moreIdeasLine, themeDisplay } from './display';
import { groupColumnTitle, groupTitle, plural, themeLetter } from './groupTitle';
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
  out.push(...overallFigures(report));
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
  const header = [escapeMarkdown(groupColumnTitle(report)), ...(hasQuestions ? ['Question'] : []), 'Ideas', 'Themes'];
  lines.push(`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i >= header.length - 2 ? '--:' : '---')).join('|')}|`);
  for (const g of report.groups) {
    const cells = [escapeMarkdown(groupTitle(report, g)), ...(hasQuestions ? [escapeMarkdown(g.question ?? '')] : []), String(g.ideas), String(g.themes.length)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  if (report.groups.length > 1) {
    lines.push(`| ${['**Total**', ...(hasQuestions ? [''] : []), `**${report.totals.ideas}**`, `**${report.totals.themes}**`].join(' | ')} |`);
  }
  const skipped = report.totals.skipped === 0 ? 'no rows skipped' : `${plural(report.totals.skipped, 'row')} skipped (listed at the end)`;
  lines.push('', `${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.groups, 'group')} and ${plural(report.totals.themes, 'theme')}; ${skipped}.`, '');
  return lines;
}

function groupSection(report: Report, group: ReportGroup, options: MarkdownOptions): string[] {
  const title = escapeMarkdown(groupTitle(report, group));
  const lines = [`## ${group.question ? `${title}: ${escapeMarkdown(group.question)}` : title}`, ''];
  lines.push(`${plural(group.ideas, 'idea')} in ${plural(group.themes.length, 'theme')}.`, '');
  group.themes.forEach((theme, t) => {
    lines.push(`### ${themeLetter(t)}) ${escapeMarkdown(theme.label)} — ${plural(theme.size, 'idea')}`, '');
    if (theme.keywords.length > 0) lines.push(`*${theme.keywords.map(escapeMarkdown).join(', ')}*`, '');
    const display = themeDisplay(theme, options.top);
    for (const entry of display.shown) lines.push(`- ${escapeMarkdown(entry.text)}${entry.copies > 1 ? ` (×${entry.copies})` : ''}`);
    if (display.moreIdeas > 0) lines.push(`- ${escapeMarkdown(moreIdeasLine(display))}`);
    lines.push('');
  });
  return lines;
}
