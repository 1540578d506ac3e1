import { batched } from './chunks';
import { itemReader } from './lazyArray';
import { Report } from './report';
import { csvField, csvText } from './safeText';

/** Excel and LibreOffice read a CSV file as the system's code page unless it starts with this. */
export const UTF8_BOM = '\ufeff';

const COLUMNS = ['file', 'row', 'id', 'group', 'theme', 'label', 'similarity', 'duplicate_of', 'text'];

/** One row per idea (duplicates included, for the record), in report order, for spreadsheets. */
export function renderCsv(report: Report, options: { bom?: boolean } = {}): string {
  return [...renderCsvChunks(report, options)].join('');
}

/** `renderCsv` in pieces of about 64 kB, never the whole table as one string; joined, the same bytes. */
export function renderCsvChunks(report: Report, options: { bom?: boolean } = {}): Iterable<string> {
  return batched(csvLines(report, options.bom === true));
}

function* csvLines(report: Report, bom: boolean): Generator<string> {
  yield `${bom ? UTF8_BOM : ''}${COLUMNS.join(',')}\r\n`;
  for (const group of report.groups) {
    for (const [t, theme] of group.themes.entries()) {
      // A large theme's ideas are made one by one as they are written (see lazyArray).
      const { length, at } = itemReader(theme.ideas);
      for (let i = 0; i < length; i++) {
        const idea = at(i);
        yield `${
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
          ].join(',')}\r\n`;
      }
    }
  }
}
