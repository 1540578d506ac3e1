import { inputError, quoteForMessage } from '../errors';
import { chooseColumns, ColumnChoice, ColumnRequest, listColumns, TEXT_COLUMN_NAMES, textColumnByName } from './columns';
import { CsvRecord } from './csvRecords';
import { Delimiter } from './dialect';
import { Idea, IngestNotice, NotesTable, SkippedRow } from './idea';
import { fieldTooLarge, formatCount, ReadLimits, tooManyRows } from './limits';

/** The group name used when ideas are not split by any column. */
export const ALL_IDEAS = 'all';

/** Rows read before the text column is chosen by content, when no header names it. */
export const SAMPLE_ROWS = 1000;

/** Notices of one kind shown one by one; past that, counted. */
const NOTICES_SHOWN = 3;

export interface TableOptions extends ColumnRequest {
  /** False when the first line is data, not column names (--no-header). */
  header: boolean;
  limits: ReadLimits;
}

interface DataRecord extends CsvRecord {
  row: number;
}

/**
 * Records → ideas, one record at a time. Row numbers count data records from 1, so that a row
 * number matches the line a person sees in a spreadsheet, less the header: a blank line is a
 * row ("empty row" in `skipped`), the file's final line break is not. Blank lines before the
 * header are not rows. Rows without text are returned in `skipped`, never dropped.
 *
 * Too few fields: the missing ones are empty. Too many: empty fields at the end are dropped
 * (ragged spreadsheet exports); any others are taken to be the text's own commas (or
 * semicolons, or tabs), written without quotes — by far the commonest cause in typed or pasted
 * notes — and joined back into the text column, so the idea is kept whole and the columns after
 * it keep their values. The row is reported in a warning on stderr, because when the stray
 * delimiter is in another column the guess is wrong; quoting the field is the fix.
 */
export class TableBuilder {
  private header: string[] | undefined;
  private headerLine = 0;
  private columns: ColumnChoice | undefined;
  private sample: DataRecord[] = [];
  private rows = 0;
  private readonly ideas: Idea[] = [];
  private readonly skipped: SkippedRow[] = [];
  private readonly notices: IngestNotice[] = [];
  private extraFields = { count: 0, examples: [] as IngestNotice[] };
  private nonBlankLines = 0;
  /** The delimiter, once the dialect is known; used to join stray fields back together. */
  delimiter: Delimiter = ',';

  constructor(
    private readonly file: string,
    private readonly options: TableOptions,
    /** Told the number of columns once the header is read. */
    private readonly onColumns: (count: number) => void = () => undefined,
  ) {}

  /** Ideas read so far. */
  get ideaCount(): number {
    return this.ideas.length;
  }

  add(record: CsvRecord): void {
    const { fields, line } = record;
    this.checkFieldSizes(fields, line, this.header === undefined && this.options.header ? 0 : this.rows + 1);
    if (this.header === undefined) {
      if (isBlank(fields)) return; // blank lines before the header
      this.nonBlankLines++;
      if (this.options.header) {
        this.setHeader(
          fields.map((h) => h.trim()),
          line,
        );
        return;
      }
      this.setHeader(
        fields.map((_, i) => `column ${i + 1}`),
        0,
      );
    }
    const row = ++this.rows;
    if (row > this.options.limits.maxRows) throw tooManyRows(this.file, line, this.options.limits.maxRows);
    const data = { fields, line, row };
    if (this.columns === undefined) {
      this.sample.push(data);
      if (this.sample.length >= SAMPLE_ROWS) this.chooseColumnsFromSample();
    } else this.addRow(data);
  }

  finish(): NotesTable {
    if (this.header === undefined) {
      throw inputError(
        'EMPTY_INPUT',
        this.nonBlankLines === 0 ? 'holds only blank lines: no header row and no notes' : 'has no header row and no notes',
        { file: this.file },
        'give a CSV whose first line names the columns and whose next lines hold the ideas',
      );
    }
    if (this.columns === undefined) this.chooseColumnsFromSample();
    const columns = this.columns!;
    const header = this.header;
    if (this.rows === 0) {
      throw inputError(
        'NO_ROWS',
        `has column names (${listColumns(header)}) but no rows of notes below them`,
        { file: this.file, line: this.headerLine },
        'add the ideas, one per line, below the header; if that line is itself an idea, run again with --no-header',
      );
    }
    if (this.ideas.length === 0) {
      throw inputError(
        'NO_IDEAS',
        `none of the ${formatCount(this.rows)} rows has text in column ${quoteForMessage(header[columns.text])}`,
        { file: this.file },
        `fill in the ideas, or name the column that holds them with --text; the columns are ${listColumns(header)}`,
      );
    }
    const extra = this.extraFields;
    this.notices.push(...extra.examples);
    if (extra.count > extra.examples.length) {
      this.notices.push({
        level: 'warning',
        file: this.file,
        message: `${formatCount(extra.count - extra.examples.length)} more rows had more fields than the header; their extra fields were read as part of the idea`,
      });
    }
    const name = (column: number | undefined) => (column === undefined ? undefined : header[column]);
    return {
      ideas: this.ideas,
      skipped: this.skipped,
      notices: this.notices,
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

  private setHeader(header: string[], line: number): void {
    this.header = header;
    this.headerLine = line;
    this.onColumns(header.length);
    // A column named on the command line that does not exist is reported before reading on.
    if (textColumnByName(header, this.options, this.file) !== undefined) this.columns = chooseColumns(header, [], this.options, this.file);
  }

  private chooseColumnsFromSample(): void {
    const header = this.header!;
    this.columns = chooseColumns(
      header,
      this.sample.map((r) => r.fields),
      this.options,
      this.file,
    );
    if (this.columns.textFoundBy === 'content' && this.options.header) {
      this.notices.push({
        level: 'note',
        file: this.file,
        line: this.headerLine,
        message:
          `no column is named ${TEXT_COLUMN_NAMES.join(', ')}: read line ${this.headerLine} as the column names and the ideas from ` +
          `column ${quoteForMessage(header[this.columns.text], 40)}, which has the longest texts ` +
          `(if line ${this.headerLine} is itself an idea, run again with --no-header; --text chooses another column)`,
      });
    }
    for (const record of this.sample) this.addRow(record);
    this.sample = [];
  }

  private addRow({ fields: raw, line, row }: DataRecord): void {
    const columns = this.columns!;
    const header = this.header!;
    const fields = this.fitToHeader(raw, line, row);
    const field = (column: number | undefined): string | undefined => (column === undefined ? undefined : (fields[column] ?? '').trim());
    const text = field(columns.text) ?? '';
    if (text === '') {
      this.skipped.push({ file: this.file, row, reason: isBlank(fields) ? 'empty row' : `empty ${header[columns.text] || 'text'}` });
      return;
    }
    const question = field(columns.question);
    const truth = field(columns.truth);
    const event = field(columns.event);
    this.ideas.push({
      file: this.file,
      row,
      id: field(columns.id) || String(row),
      text,
      group: columns.by === undefined ? ALL_IDEAS : field(columns.by) || '(none)',
      ...(question ? { question } : {}),
      ...(truth !== undefined ? { truth } : {}),
      ...(event ? { event } : {}),
    });
  }

  private fitToHeader(fields: string[], line: number, row: number): string[] {
    const width = this.header!.length;
    if (fields.length <= width) return fields;
    let end = fields.length;
    while (end > width && fields[end - 1].trim() === '') end--;
    if (end === width) return fields.slice(0, width);
    const extra = end - width;
    const text = this.columns!.text;
    const joined = fields.slice(text, text + extra + 1).join(this.delimiter);
    if (width > 1) {
      this.extraFields.count++;
      if (this.extraFields.examples.length < NOTICES_SHOWN) {
        this.extraFields.examples.push({
          level: 'warning',
          file: this.file,
          line,
          message:
            `row ${row} has ${end} fields but the header ${width}: read the extra ${describeDelimiter(this.delimiter)} as part of the idea ` +
            `${quoteForMessage(joined.trim(), 60)} (quote a field that contains ${describeDelimiter(this.delimiter)})`,
        });
      }
    }
    return [...fields.slice(0, text), joined, ...fields.slice(text + extra + 1, end)];
  }

  private checkFieldSizes(fields: string[], line: number, row: number): void {
    const max = this.options.limits.maxFieldBytes;
    for (let i = 0; i < fields.length; i++) {
      // A UTF-16 code unit is at most 3 bytes of UTF-8: only long strings need counting.
      if (fields[i].length * 3 > max && Buffer.byteLength(fields[i]) > max) {
        const where = row === 0 ? `field ${i + 1} of the header` : `field ${i + 1}${this.header?.[i] ? ` (${quoteForMessage(this.header[i], 40)})` : ''} of row ${row}`;
        throw fieldTooLarge(this.file, line, max, where);
      }
    }
  }
}

const isBlank = (fields: readonly string[]): boolean => fields.every((f) => f.trim() === '');

const describeDelimiter = (d: Delimiter): string => (d === ',' ? 'commas' : d === ';' ? 'semicolons' : 'tabs');
