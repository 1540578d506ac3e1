import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { moreIdeasLine, themeDisplay } from './display';
import { groupTitle, plural } from './groupTitle';
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
  for (const group of report.groups) out.push(...groupView(report, group, options, c));
  if (report.events) out.push(...textEventsSection(report.events, c));
  const skipped = report.totals.skipped > 0 ? `, ${plural(report.totals.skipped, 'row')} skipped` : '';
  out.push(c.dim(`${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.themes, 'theme')}${skipped}.`));
  for (const s of report.skipped) out.push(c.dim(`  skipped ${terminalSafe(s.file)} row ${s.row}: ${s.reason}`));
  return `${out.join('\n')}\n`;
}

function groupView(report: Report, group: ReportGroup, options: TextOptions, c: InstanceType<typeof Chalk>): string[] {
  const out: string[] = [];
  out.push(c.bold(terminalSafe(groupTitle(report, group))) + c.dim(` — ${plural(group.ideas, 'idea')}, ${plural(group.themes.length, 'theme')}`));
  if (group.question) out.push(c.italic(terminalSafe(group.question)));
  out.push('');

  const labels = group.themes.map((t) => terminalSafe(t.label));
  const numberWidth = String(group.themes.length).length;
  const labelWidth = Math.max(...labels.map((l) => stringWidth(l)));
  const countWidth = Math.max(...group.themes.map((t) => String(t.size).length));
  const largest = Math.max(...group.themes.map((t) => t.size));
  group.themes.forEach((theme, t) => {
    const cells = [
      String(t + 1).padStart(numberWidth),
      padToWidth(labels[t], labelWidth),
      String(theme.size).padStart(countWidth),
      c.cyan(bar(theme.size, largest)),
    ];
    out.push(`  ${cells.join('  ')}`);
  });
  out.push('');

  group.themes.forEach((theme, t) => {
    const number = `${String(t + 1).padStart(numberWidth)}.`;
    const keywords = theme.keywords.length > 0 ? c.dim(`  ${theme.keywords.map(terminalSafe).join(', ')}`) : '';
    out.push(`${number} ${c.bold.cyan(labels[t])} ${c.yellow(`(${theme.size})`)}${keywords}`);
    const indent = ' '.repeat(number.length + 1);
    const display = themeDisplay(theme, options.top);
    for (const entry of display.shown) out.push(`${indent}• ${terminalSafe(entry.text)}${entry.copies > 1 ? c.dim(` (×${entry.copies})`) : ''}`);
    if (display.moreIdeas > 0) out.push(c.dim(`${indent}${moreIdeasLine(display)}`));
    out.push('');
  });
  return out;
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
