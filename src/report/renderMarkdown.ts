import { groupTitle, plural, themeLetter } from './groupTitle';
import { Report, ReportGroup } from './report';

/** A report draft: overall figures, then per group its question and lettered themes with bullets. */
export function renderMarkdown(report: Report): string {
  const out: string[] = [];
  out.push(`# Themes of ${report.inputs.map(escapeMarkdown).join(', ')}`, '');
  out.push(...overallFigures(report));
  for (const group of report.groups) out.push(...groupSection(report, group));
  return `${out.join('\n').replace(/\n+$/, '')}\n`;
}

function overallFigures(report: Report): string[] {
  const lines = ['## Overall figures', ''];
  const hasQuestions = report.groups.some((g) => g.question);
  lines.push(hasQuestions ? '| Group | Question | Ideas | Themes |' : '| Group | Ideas | Themes |');
  lines.push(hasQuestions ? '|---|---|--:|--:|' : '|---|--:|--:|');
  for (const g of report.groups) {
    const cells = [escapeMarkdown(groupTitle(report, g)), ...(hasQuestions ? [escapeMarkdown(g.question ?? '')] : []), String(g.ideas), String(g.themes.length)];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  const total = ['**Total**', ...(hasQuestions ? [''] : []), `**${report.totals.ideas}**`, `**${report.totals.themes}**`];
  lines.push(`| ${total.join(' | ')} |`, '');
  lines.push(`${plural(report.totals.ideas, 'idea')} in ${plural(report.totals.groups, 'group')}; ${plural(report.totals.skipped, 'row')} skipped.`, '');
  if (report.skipped.length > 0) {
    lines.push('Skipped rows:', '');
    for (const s of report.skipped) lines.push(`- ${escapeMarkdown(s.file)}, row ${s.row}: ${escapeMarkdown(s.reason)}`);
    lines.push('');
  }
  return lines;
}

function groupSection(report: Report, group: ReportGroup): string[] {
  const title = escapeMarkdown(groupTitle(report, group));
  const lines = [`## ${group.question ? `${title}: ${escapeMarkdown(group.question)}` : title}`, ''];
  lines.push(`${plural(group.ideas, 'idea')} in ${plural(group.themes.length, 'theme')}.`, '');
  group.themes.forEach((theme, t) => {
    lines.push(`### ${themeLetter(t)}) ${escapeMarkdown(theme.label)} (${plural(theme.size, 'idea')})`, '');
    if (theme.keywords.length > 0) lines.push(`*Keywords: ${theme.keywords.map(escapeMarkdown).join(', ')}*`, '');
    for (const idea of theme.ideas) lines.push(`- ${escapeMarkdown(oneLine(idea.text))}`);
    lines.push('');
  });
  return lines;
}

/** Line breaks inside a note would end the bullet; a report wants the note on one line. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** Escape what Markdown would otherwise read as emphasis, links, code, HTML, tables or headings. */
export function escapeMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/^([-+]|\d+[.)])(\s)/, '\\$1$2');
}
