import { Chalk } from 'chalk';
import { groupTitle, plural } from './groupTitle';
import { Report } from './report';

export interface TextStyle {
  /** Colour the output; the caller decides (a TTY, no NO_COLOR, no --no-color). */
  color: boolean;
}

/** The terminal view: per group its themes, counted and named, each with its ideas as bullets. */
export function renderText(report: Report, style: TextStyle): string {
  const c = new Chalk({ level: style.color ? 1 : 0 });
  const out: string[] = [];
  for (const group of report.groups) {
    out.push(c.bold(groupTitle(report, group)) + c.dim(` — ${plural(group.ideas, 'idea')}, ${plural(group.themes.length, 'theme')}`));
    if (group.question) out.push(c.italic(group.question));
    out.push('');
    const width = String(group.themes.length).length;
    group.themes.forEach((theme, t) => {
      const number = `${String(t + 1).padStart(width)}.`;
      const keywords = theme.keywords.length > 0 ? c.dim(`  ${theme.keywords.join(', ')}`) : '';
      out.push(`${number} ${c.bold.cyan(theme.label)} ${c.yellow(`(${theme.size})`)}${keywords}`);
      const indent = ' '.repeat(number.length + 1);
      for (const idea of theme.ideas) out.push(`${indent}• ${idea.text.replace(/\s*[\r\n]+\s*/g, ' ')}`);
      out.push('');
    });
  }
  const skipped = report.totals.skipped > 0 ? `, ${plural(report.totals.skipped, 'row')} skipped` : '';
  out.push(c.dim(`${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.themes, 'theme')}${skipped}.`));
  for (const s of report.skipped) out.push(c.dim(`  skipped ${s.file} row ${s.row}: ${s.reason}`));
  return `${out.join('\n')}\n`;
}
