import { Parser } from 'csv-parse';
import { inputError, RapporteurError } from '../errors';
import { Delimiter } from './dialect';
import { fieldTooLarge } from './limits';
import { HELD_BACK, RegularCsvScanner } from './regularCsv';

/**
 * csv-parse's parsing core, fed chunk by chunk and synchronously. csv-parse/sync runs this
 * core on one whole buffer and its stream class on chunks as they come; we do what the stream
 * class does without the stream, so a large file is never one string and the command stays
 * synchronous. The core is reached through the stream class, as csv-parse/sync reaches it.
 */
interface CsvCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: unknown) => void, close: () => void): Error | undefined;
  options: { max_record_size: number };
  /** `lines`: the line being read; `bytes`: bytes read up to the last record or field handed over. */
  info: { lines: number; bytes: number };
}

export interface CsvRecordsOptions {
  /**
   * Read the regular records with the fast reader of regularCsv.ts, and hand over to csv-parse
   * at the first record it leaves to it (default). False: csv-parse reads everything, as the
   * reference the fast reader is tested against.
   */
  fastPath?: boolean;
}

/** A record and the lines it spans in the file (a quoted field may hold line breaks). */
export interface CsvRecord {
  fields: string[];
  /** 1-based line where the record starts. */
  line: number;
}

/**
 * Records out of UTF-8 bytes given chunk by chunk. The fast reader (regularCsv.ts) reads the
 * regular records; each record it leaves is read by csv-parse alone, afresh from the record's
 * first byte and line, and the fast reader goes on after it. So every error is csv-parse's, and
 * every odd record is read as csv-parse reads it. Both give the same records on the same lines,
 * after the same chunk, as csv-parse reading the whole input (test/ingest/csvRecords.test.ts).
 *
 * An odd record whose end is not in the chunk yet waits for the next, as a regular one does;
 * csv-parse reads the rest of the input (as it reads all of it with `fastPath: false`) once an
 * odd record grows past ODD_RECORD_WAITS bytes without an end (a quote never closed, say), or
 * after ODD_RECORDS_READ_ALONE odd records: a new csv-parse reader for each costs about 0.2 ms.
 */
export class CsvRecords {
  /** The csv-parse reader reading now, or last. */
  private core: CsvCore;
  /** The last line of the last record read: the next record starts after it. */
  private lastLine = 0;
  /** Records read so far. */
  private records = 0;
  private readonly push: (record: unknown) => void;
  private readonly parserOptions: Record<string, unknown>;
  private maxRecordBytes: number;
  /** The fast reader, until csv-parse reads the rest of the input. */
  private fast: RegularCsvScanner | undefined;
  /** The odd records read alone by csv-parse so far. */
  private oddRecords = 0;
  /** The start of a record the fast reader has not seen the end of: read again with the next chunk. */
  private carry: Buffer | undefined;
  /** Where a carried record and the next chunk are put together, kept from chunk to chunk. */
  private joined = Buffer.alloc(0);

  constructor(
    delimiter: Delimiter,
    private readonly maxFieldBytes: number,
    private readonly file: string,
    onRecord: (record: CsvRecord) => void,
    options: CsvRecordsOptions = {},
  ) {
    this.parserOptions = {
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Columns may vary per row and quotes inside an unquoted field are kept as written
      // (`He said "no"`): what a spreadsheet does with the same line, and nothing is lost.
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    };
    this.maxRecordBytes = recordLimit(maxFieldBytes, 0);
    this.core = this.newCore(1);
    // The core's own line count when it hands over a record is the record's last line: the
    // same number its `info` option copies into every record, at half the parsing cost.
    this.push = (record) => {
      const line = this.lastLine + 1;
      this.lastLine = this.core.info.lines;
      this.records++;
      onRecord({ fields: record as string[], line });
    };
    if (options.fastPath ?? true) {
      this.fast = new RegularCsvScanner(delimiter, this.maxRecordBytes, (fields, line, lastLine) => {
        this.lastLine = lastLine;
        this.records++;
        onRecord({ fields, line });
      });
    }
  }

  /** A csv-parse reader that starts at `line`, as if it had read the lines before. */
  private newCore(line: number): CsvCore {
    const parser = new Parser({ ...this.parserOptions, max_record_size: this.maxRecordBytes });
    const core = (parser as unknown as { api?: CsvCore }).api;
    if (!core || typeof core.parse !== 'function' || typeof core.info?.lines !== 'number') throw new Error('csv-parse no longer exposes its parsing core (Parser.api)');
    core.info.lines = line;
    return core;
  }

  /**
   * csv-parse can only cap a whole record while it reads, and each field is checked once its
   * record is complete; so a record may hold its columns' worth of fields at the limit.
   */
  set columns(count: number) {
    this.maxRecordBytes = recordLimit(this.maxFieldBytes, count);
    this.core.options.max_record_size = this.maxRecordBytes;
    if (this.fast) this.fast.maxRecordBytes = this.maxRecordBytes;
  }

  write(chunk: Buffer): void {
    if (chunk.length === 0) return;
    if (this.fast) return this.readFast(this.carry ? this.join(this.carry, chunk) : chunk, false);
    this.check(this.core.parse(chunk, false, this.push, () => undefined));
  }

  end(): void {
    if (this.fast) {
      this.readFast(this.carry ?? Buffer.alloc(0), true);
      if (this.fast) return;
    }
    this.check(this.core.parse(undefined, true, this.push, () => undefined));
  }

  private join(carry: Buffer, chunk: Buffer): Buffer {
    const length = carry.length + chunk.length;
    if (this.joined.length < length) this.joined = Buffer.allocUnsafe(Math.max(length, 2 * this.joined.length));
    carry.copy(this.joined, 0);
    chunk.copy(this.joined, carry.length);
    return this.joined.subarray(0, length);
  }

  private readFast(bytes: Buffer, end: boolean): void {
    this.carry = undefined;
    const fast = this.fast!;
    for (let from = 0; ; ) {
      const { stop, irregular } = fast.scan(bytes, from, end);
      if (!irregular) {
        // A copy, so that the chunk it came from is not kept for it.
        if (stop < bytes.length) this.carry = Buffer.from(bytes.subarray(stop));
        return;
      }
      if (++this.oddRecords > ODD_RECORDS_READ_ALONE) {
        this.fast = undefined;
        this.core = this.newCore(fast.line);
        this.check(this.core.parse(bytes.subarray(stop), false, this.push, () => undefined));
        return;
      }
      const next = this.readOdd(bytes, stop, end);
      if (next === undefined) return;
      from = next;
    }
  }

  /**
   * Read the record at `start` with a new csv-parse reader, given the bytes up to 3 past each
   * line break in turn: csv-parse keeps 3 bytes back, so it reads up to that line break and
   * no further. Returns where the next record starts; undefined when the record's end is not
   * among the bytes: it waits for the next chunk, or csv-parse reads on from there.
   */
  private readOdd(bytes: Buffer, start: number, end: boolean): number | undefined {
    const fast = this.fast!;
    this.core = this.newCore(fast.line);
    const records = this.records;
    for (let fed = start; fed < bytes.length; ) {
      const lineBreak = nextLineBreak(bytes, Math.max(start, fed - HELD_BACK));
      const upTo = lineBreak === -1 ? bytes.length : Math.min(bytes.length, lineBreak + HELD_BACK + 1);
      this.check(this.core.parse(bytes.subarray(fed, upTo), false, this.push, () => undefined));
      fed = upTo;
      if (this.records > records) {
        fast.line = this.lastLine + 1;
        // The byte count csv-parse had reached when it handed over the record: past its line break.
        return start + this.core.info.bytes;
      }
    }
    if (!end && bytes.length - start <= ODD_RECORD_WAITS) {
      // Read again from its start, with a new csv-parse reader, once the next chunk is here.
      this.oddRecords--;
      this.carry = Buffer.from(bytes.subarray(start));
    } else this.fast = undefined;
    return undefined;
  }

  private check(error: Error | undefined): void {
    if (error !== undefined) throw this.describe(error);
  }

  private describe(error: Error): RapporteurError {
    const e = error as Error & { code?: string; lines?: number };
    const startLine = this.lastLine + 1;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      return inputError(
        'CSV_QUOTE_NOT_CLOSED',
        'not a readable CSV: a quoted field that starts on this line is never closed',
        { file: this.file, line: startLine },
        'close the quote; a quote inside a quoted field is written twice, ""',
      );
    }
    if (e.code === 'CSV_MAX_RECORD_SIZE') {
      return fieldTooLarge(this.file, startLine, this.maxFieldBytes, 'a field that starts on this line, or its row,');
    }
    const message = (e.message ?? String(error)).replace(/^[^:]*: /, '').replace(/ at line \d+/, '');
    return inputError(
      e.code ?? 'CSV_INVALID',
      `not a readable CSV: ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      { file: this.file, line: e.lines ?? startLine },
      'check that the file is a CSV with a header row',
    );
  }
}

/** See CsvRecords: past this many odd records, csv-parse reads the rest of the input. */
const ODD_RECORDS_READ_ALONE = 1000;

/** See CsvRecords: an odd record this long (in bytes) without an end is left to csv-parse with the rest. */
const ODD_RECORD_WAITS = 64 * 1024;

function nextLineBreak(bytes: Buffer, from: number): number {
  for (let i = from; i < bytes.length; i++) if (bytes[i] === 0x0a || bytes[i] === 0x0d) return i;
  return -1;
}

const recordLimit = (maxFieldBytes: number, columns: number): number => maxFieldBytes * Math.max(8, columns);
