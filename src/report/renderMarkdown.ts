import { Report } from './report';
import { markdownEventsSection } from './renderEvents';
import { copiesSuffix, FiguresTable, GroupContent, groupHeading, ReportContent, reportContent, themeHeading } from './reportContent';
import { escapeMarkdown } from './safeText';

export interface MarkdownOptions {
  /** Show only this many most central ideas per theme. */
  top?: number;
  /** Show each theme's keywords under its heading (default true). */
  keywords?: boolean;
}

/**
 * A report draft in the shape rapporteurs write: title, overall figures, then per group its
 * question and lettered themes ("### a) Label — N ideas") with keywords and bullets.
 */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const content = reportContent(report, options);
  const out: string[] = [`# ${escapeMarkdown(content.title)}`, ''];
  // The rapporteur's own paragraphs (--keep) are Markdown already: carried as written.
  for (const paragraph of content.paragraphs) out.push(paragraph, '');
  out.push(...overallFigures(content.figures));
  if (content.sharedThemes) out.push(...sharedThemesTable(content.sharedThemes));
  for (const group of content.groups) out.push(...groupSection(group));
  if (report.events) out.push(...markdownEventsSection(report.events));
  if (content.skipped.length > 0) {
    out.push('## Skipped rows', '');
    for (const s of content.skipped) out.push(`- ${escapeMarkdown(s.file)}, row ${s.row}: ${escapeMarkdown(s.reason)}`);
    out.push('');
  }
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function overallFigures(figures: FiguresTable): string[] {
  const lines = ['## Overall figures', ''];
  const { header } = figures;
  lines.push(`| ${header.map(escapeMarkdown).join(' | ')} |`, `|${header.map((_, i) => (i >= header.length - figures.numbers ? '--:' : '---')).join('|')}|`);
  for (const row of figures.rows) lines.push(`| ${row.map(escapeMarkdown).join(' | ')} |`);
  if (figures.total) lines.push(`| ${figures.total.map((cell) => (cell === '' ? '' : `**${escapeMarkdown(cell)}**`)).join(' | ')} |`);
  lines.push('', figures.summary, '');
  return lines;
}

function sharedThemesTable({ columns, rows }: NonNullable<ReportContent['sharedThemes']>): string[] {
  const lines = ['## Themes across the groups', '', `| ${['Theme', ...columns.map(escapeMarkdown), 'Total'].join(' | ')} |`, `|---|${columns.map(() => '--:').join('|')}|--:|`];
  for (const row of rows) lines.push(`| ${[escapeMarkdown(row.label), ...row.counts.map((n) => (n > 0 ? String(n) : '')), String(row.total)].join(' | ')} |`);
  lines.push('');
  return lines;
}

function groupSection(group: GroupContent): string[] {
  const lines = [`## ${groupHeading(escapeMarkdown(group.title), group.question && escapeMarkdown(group.question))}`, ''];
  lines.push(group.summary, '');
  if (group.warning) lines.push(`> **Warning:** ${escapeMarkdown(group.warning)}.`, '');
  for (const paragraph of group.paragraphs) lines.push(paragraph, '');
  for (const theme of group.themes) {
    lines.push(`### ${themeHeading(theme, escapeMarkdown(theme.label))}`, '');
    if (theme.keywords.length > 0) lines.push(`*${theme.keywords.map(escapeMarkdown).join(', ')}*`, '');
    for (const paragraph of theme.paragraphs) lines.push(paragraph, '');
    for (const entry of theme.entries) lines.push(`- ${escapeMarkdown(entry.text)}${copiesSuffix(entry)}`);
    if (theme.moreIdeas > 0) lines.push(`- ${escapeMarkdown(theme.moreLine)}`);
    lines.push('');
  }
  return lines;
}
