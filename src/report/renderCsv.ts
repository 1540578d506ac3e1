import { Report } from './report';
import { csvField, csvText } from './safeText';

/** Excel and LibreOffice read a CSV file as the system's code page unless it starts with this. */
export const UTF8_BOM = '\ufeff';

const COLUMNS = ['file', 'row', 'id', 'group', 'theme', 'label', 'similarity', 'duplicate_of', 'text'];

/** One row per idea (duplicates included, for the record), in report order, for spreadsheets. */
export function renderCsv(report: Report, options: { bom?: boolean } = {}): string {
  const lines = [COLUMNS.join(',')];
  for (const group of report.groups) {
    group.themes.forEach((theme, t) => {
      for (const idea of theme.ideas) {
        lines.push(
          [
            csvText(idea.file),
            csvField(idea.row),
            csvText(idea.id),
            csvText(group.name),
            csvField(t + 1),
            csvText(theme.label),
            csvField(idea.similarity.toFixed(3)),
            csvField(idea.duplicateOf ?? ''),
            csvText(idea.text),
          ].join(','),
        );
      }
    });
  }
  return `${options.bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
}
