import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { moreIdeasLine, themeDisplay } from './display';
import { groupTitle, plural } from './groupTitle';
import { realThemes } from './otherIdeas';
import { sharedColumns, sharedThemeRows } from './sharedTable';
import { Report, ReportGroup } from './report';
import { textEventsSection } from './renderEvents';
import { terminalSafe } from './safeText';

export interface TextOptions {
  /** Colour the output; the caller decides (a TTY, no NO_COLOR, no --no-color). */
  color: boolean;
  /** Show only this many most central ideas per theme. */
  top?: number;
}

const BAR_CELLS = 24;
const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** The terminal view: per group a table of its themes with counts and bars, then the bullets. */
export function renderText(report: Report, options: TextOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const out: string[] = [];
  for (const paragraph of report.paragraphs ?? []) out.push(...paragraphLines(paragraph, ''), '');
  if (report.options.shared && report.groups.length > 1) out.push(...sharedThemesView(report, c));
  for (const group of report.groups) out.push(...groupView(report, group, options, c));
  if (report.events) out.push(...textEventsSection(report.events, c));
  const skipped = report.totals.skipped > 0 ? `, ${plural(report.totals.skipped, 'row')} skipped` : '';
  const other = report.totals.otherIdeas > 0 ? ` (${report.totals.otherIdeas} in Other ideas)` : '';
  out.push(c.dim(`${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.themes, 'theme')}${other}${skipped}.`));
  for (const s of report.skipped) out.push(c.dim(`  skipped ${terminalSafe(s.file)} row ${s.row}: ${s.reason}`));
  return `${out.join('\n')}\n`;
}

/** With --shared: the themes × the groups, aligned. */
function sharedThemesView(report: Report, c: InstanceType<typeof Chalk>): string[] {
  const rows = sharedThemeRows(report);
  const columns = sharedColumns(report).map(terminalSafe);
  const labels = rows.map((r) => terminalSafe(r.label));
  const labelWidth = Math.max(5, ...labels.map((l) => stringWidth(l)));
  const widths = columns.map((h) => Math.max(3, stringWidth(h)));
  const cell = (text: string, width: number) => ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
  const out = [c.bold('Themes across the groups'), '', `${' '.repeat(labelWidth)}  ${columns.map((h, i) => cell(h, widths[i])).join('  ')}  total`];
  rows.forEach((row, r) => out.push(`${padToWidth(labels[r], labelWidth)}  ${row.counts.map((n, i) => cell(n > 0 ? String(n) : '·', widths[i])).join('  ')}  ${cell(String(row.total), 5)}`));
  out.push('');
  return out;
}

function groupView(report: Report, group: ReportGroup, options: TextOptions, c: InstanceType<typeof Chalk>): string[] {
  const out: string[] = [];
  const other = group.otherIdeas > 0 ? `, ${group.otherIdeas} in Other ideas` : '';
  out.push(c.bold(terminalSafe(groupTitle(report, group))) + c.dim(` — ${plural(group.ideas, 'idea')}, ${plural(realThemes(group).length, 'theme')}${other}`));
  if (group.question) out.push(c.italic(terminalSafe(group.question)));
  if (group.warning) out.push(c.yellow(`Warning: ${group.warning}.`));
  out.push('');
  for (const paragraph of group.paragraphs ?? []) out.push(...paragraphLines(paragraph, ''), '');

  const labels = group.themes.map((t) => terminalSafe(t.label) + (t.new ? ' (new)' : ''));
  const numberWidth = String(group.themes.length).length;
  const labelWidth = Math.max(...labels.map((l) => stringWidth(l)));
  const countWidth = Math.max(...group.themes.map((t) => String(t.size).length));
  const largest = Math.max(...group.themes.map((t) => t.size));
  group.themes.forEach((theme, t) => {
    // "Other ideas" is no theme: it gets no number.
    const cells = [
      (theme.other ? '' : String(t + 1)).padStart(numberWidth),
      padToWidth(labels[t], labelWidth),
      String(theme.size).padStart(countWidth),
      c.cyan(bar(theme.size, largest)),
    ];
    out.push(`  ${cells.join('  ')}`);
  });
  out.push('');

  group.themes.forEach((theme, t) => {
    const number = theme.other ? ' '.repeat(numberWidth + 1) : `${String(t + 1).padStart(numberWidth)}.`;
    const keywords = theme.keywords.length > 0 ? c.dim(`  ${theme.keywords.map(terminalSafe).join(', ')}`) : '';
    out.push(`${number} ${c.bold.cyan(labels[t])} ${c.yellow(`(${theme.size})`)}${keywords}`);
    const indent = ' '.repeat(number.length + 1);
    for (const paragraph of theme.paragraphs ?? []) out.push(...paragraphLines(paragraph, indent));
    const display = themeDisplay(theme, options.top);
    for (const entry of display.shown) out.push(`${indent}• ${terminalSafe(entry.text)}${entry.copies > 1 ? c.dim(` (×${entry.copies})`) : ''}`);
    if (display.moreIdeas > 0) out.push(c.dim(`${indent}${moreIdeasLine(display)}`));
    out.push('');
  });
  return out;
}

/** A paragraph of the rapporteur's (`--keep`), line by line, made safe for the terminal. */
function paragraphLines(paragraph: string, indent: string): string[] {
  return paragraph.split('\n').map((line) => `${indent}${terminalSafe(line)}`);
}

/** A bar of Unicode blocks, in eighths of a cell, proportional to count / largest. */
export function bar(count: number, largest: number): string {
  const eighths = largest > 0 ? Math.max(1, Math.round((count / largest) * BAR_CELLS * 8)) : 0;
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** Pad to a display width, so wide (CJK) and combining characters line up. */
export function padToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - stringWidth(text)));
}
