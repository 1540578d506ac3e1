import { inputError, quoteForMessage } from '../errors';
import { chooseColumns, ColumnChoice, ColumnRequest, listColumns, TEXT_COLUMN_NAMES, textColumnByName } from './columns';
import { CsvRecord } from './csvRecords';
import { Delimiter } from './dialect';
import { Idea, IngestNotice, NotesTable, SkippedRow } from './idea';
import { fieldTooLarge, formatCount, ReadLimits, tooManyRows } from './limits';
import { lazyArray } from '../report/lazyArray';
import { isDecimalOf } from './isDecimalOf';

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
  /** Make each idea when it is read rather than keep an object per idea (see ReadOptions.lazyIdeas). */
  lazyIdeas?: boolean;
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
  private readonly ideas: IdeaColumns;
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
  ) {
    this.ideas = new IdeaColumns(file);
  }

  /** Ideas read so far. */
  get ideaCount(): number {
    return this.ideas.size;
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
    if (this.ideas.size === 0) {
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
    const ideas = this.ideas;
    return {
      ideas: this.options.lazyIdeas ? lazyArray(ideas.size, (i) => ideas.at(i), (i, key) => ideas.field(i, key)) : Array.from({ length: ideas.size }, (_, i) => ideas.at(i)),
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
    this.ideas.push(row, field(columns.id) || String(row), text, columns.by === undefined ? ALL_IDEAS : field(columns.by) || '(none)', question, truth, event);
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

/**
 * The ideas read, a column per field: a million ideas take their texts and about 10 bytes
 * each, where an object per idea takes about 110 more. Repeated values (group, question,
 * truth, event) are held once; an id that is its row number is not held at all.
 */
class IdeaColumns {
  private readonly rows = new GrowableInt32();
  private readonly texts: string[] = [];
  /** Each idea's id, undefined where it is the row number; made at the first that is not. */
  private ids: (string | undefined)[] | undefined;
  private readonly groups = new ValueColumn();
  private readonly questions = new ValueColumn();
  private readonly truths = new ValueColumn();
  private readonly events = new ValueColumn();

  constructor(private readonly file: string) {}

  get size(): number {
    return this.texts.length;
  }

  push(row: number, id: string, text: string, group: string, question: string | undefined, truth: string | undefined, event: string | undefined): void {
    const i = this.texts.length;
    this.rows.push(row);
    this.texts.push(text);
    if (!isDecimalOf(id, row)) {
      this.ids ??= new Array<string | undefined>(i).fill(undefined);
      this.ids[i] = id;
    } else this.ids?.push(undefined);
    this.groups.push(group);
    this.questions.push(question || undefined);
    this.truths.push(truth);
    this.events.push(event || undefined);
  }

  /** One field of idea i, without making the idea. */
  field<K extends keyof Idea>(i: number, key: K): Idea[K] {
    const value: Idea[keyof Idea] =
      key === 'text' ? this.texts[i]
      : key === 'row' ? this.rows.data[i]
      : key === 'group' ? this.groups.at(i)!
      : key === 'question' ? this.questions.at(i)
      : key === 'event' ? this.events.at(i)
      : key === 'truth' ? this.truths.at(i)
      : key === 'file' ? this.file
      : key === 'id' ? this.ids?.[i] ?? String(this.rows.data[i])
      : this.at(i)[key];
    return value as Idea[K];
  }

  /** Idea i, as a new object with the fields in the order they have always been written. */
  at(i: number): Idea {
    const row = this.rows.data[i];
    const idea: Idea = { file: this.file, row, id: this.ids?.[i] ?? String(row), text: this.texts[i], group: this.groups.at(i)! };
    const question = this.questions.at(i);
    if (question !== undefined) idea.question = question;
    const truth = this.truths.at(i);
    if (truth !== undefined) idea.truth = truth;
    const event = this.events.at(i);
    if (event !== undefined) idea.event = event;
    return idea;
  }
}

/** Values that repeat, each held once; a column that is never given a value holds nothing per row. */
class ValueColumn {
  private readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** 1 + the value's index per row (0: none); made at the first value. */
  private codes: GrowableInt32 | undefined;
  private rows = 0;

  push(value: string | undefined): void {
    if (value !== undefined && this.codes === undefined) {
      this.codes = new GrowableInt32();
      for (let r = 0; r < this.rows; r++) this.codes.push(0);
    }
    this.rows++;
    if (this.codes === undefined) return;
    if (value === undefined) return this.codes.push(0);
    let code = this.index.get(value);
    if (code === undefined) {
      code = this.values.length;
      this.values.push(value);
      this.index.set(value, code);
    }
    this.codes.push(code + 1);
  }

  at(i: number): string | undefined {
    const code = this.codes ? this.codes.data[i] : 0;
    return code === 0 ? undefined : this.values[code - 1];
  }
}

class GrowableInt32 {
  data = new Int32Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
}
