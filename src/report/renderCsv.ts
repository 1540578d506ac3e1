import { Report } from './report';

const COLUMNS = ['file', 'row', 'id', 'group', 'theme', 'label', 'similarity', 'text'];

/** One row per idea, in report order, so a spreadsheet can re-sort or pivot the themes. */
export function renderCsv(report: Report): string {
  const lines = [COLUMNS.join(',')];
  for (const group of report.groups) {
    group.themes.forEach((theme, t) => {
      for (const idea of theme.ideas) {
        lines.push([idea.file, idea.row, idea.id, group.name, t + 1, theme.label, idea.similarity.toFixed(3), idea.text].map(csvField).join(','));
      }
    });
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
