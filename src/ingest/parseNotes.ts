import { parse } from 'csv-parse/sync';
import { inputError } from '../errors';
import { chooseColumns, ColumnRequest } from './columns';
import { sniffDelimiter, stripBom } from './dialect';
import { Idea, NotesTable, SkippedRow } from './idea';

/** The group name used when ideas are not split by any column. */
export const ALL_IDEAS = 'all';

interface RawRecord {
  fields: string[];
  /** 1-based line on which the record starts, for error messages. */
  line: number;
}

/**
 * Read a CSV of notes into ideas. The first record is the header; each later record is a data
 * row, numbered from 1, blank lines included, so that a row number matches the line a person
 * sees in a spreadsheet, less the header. Rows without text are returned in `skipped`.
 */
export function parseNotes(content: string, file: string, request: ColumnRequest = {}): NotesTable {
  const records = readRecords(stripBom(content), file);
  if (records.length === 0 || records[0].fields.every((f) => f.trim() === '')) {
    throw inputError('EMPTY_INPUT', 'the file has no header row and no notes', { file }, 'give a CSV whose first line names the columns');
  }
  const header = records[0].fields.map((h) => h.trim());
  const data = records.slice(1);
  const columns = chooseColumns(header, data.map((r) => r.fields), request, file);

  const ideas: Idea[] = [];
  const skipped: SkippedRow[] = [];
  data.forEach((record, index) => {
    const row = index + 1;
    const field = (column: number | undefined): string | undefined =>
      column === undefined ? undefined : (record.fields[column] ?? '').trim();
    const text = field(columns.text) ?? '';
    if (text === '') {
      const blank = record.fields.every((f) => f.trim() === '');
      skipped.push({ file, row, reason: blank ? 'empty row' : `empty ${header[columns.text]}` });
      return;
    }
    const question = field(columns.question);
    const truth = field(columns.truth);
    const event = field(columns.event);
    ideas.push({
      file,
      row,
      id: field(columns.id) || String(row),
      text,
      group: columns.by === undefined ? ALL_IDEAS : field(columns.by) || '(none)',
      ...(question ? { question } : {}),
      ...(truth !== undefined ? { truth } : {}),
      ...(event ? { event } : {}),
    });
  });

  const name = (column: number | undefined) => (column === undefined ? undefined : header[column]);
  return {
    ideas,
    skipped,
    columns: {
      text: header[columns.text],
      ...(columns.by !== undefined ? { by: name(columns.by) } : {}),
      ...(columns.question !== undefined ? { question: name(columns.question) } : {}),
      ...(columns.id !== undefined ? { id: name(columns.id) } : {}),
      ...(columns.truth !== undefined ? { truth: name(columns.truth) } : {}),
      ...(columns.event !== undefined ? { event: name(columns.event) } : {}),
    },
  };
}

function readRecords(text: string, file: string): RawRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: sniffDelimiter(text),
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    throw csvError(error, file);
  }
  // A blank last line is the file's final line break, not an empty row.
  while (parsed.length > 0 && isBlank(parsed[parsed.length - 1].record)) parsed.pop();
  let previousEnd = 0;
  return parsed.map(({ record, info }) => {
    const line = previousEnd + 1;
    previousEnd = info.lines;
    return { fields: record, line };
  });
}

const isBlank = (fields: string[]) => fields.every((f) => f.trim() === '');

function csvError(error: unknown, file: string) {
  const e = error as { code?: string; message?: string; lines?: number };
  const message = (e.message ?? String(error)).replace(/^[^:]*: /, '').replace(/ at line \d+/, '');
  const hints: Record<string, string> = {
    CSV_QUOTE_NOT_CLOSED: 'a quoted field is never closed; check the quotes around that line',
    CSV_INVALID_CLOSING_QUOTE: 'a quote inside a field must be doubled ("")',
  };
  return inputError(
    e.code ?? 'CSV_INVALID',
    `not a readable CSV: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
    { file, line: e.lines },
    hints[e.code ?? ''] ?? 'check that the file is a CSV with a header row',
  );
}
