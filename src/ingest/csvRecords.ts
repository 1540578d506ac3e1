import { Parser } from 'csv-parse';
import { inputError, RapporteurError } from '../errors';
import { Delimiter } from './dialect';
import { fieldTooLarge } from './limits';
import { RegularCsvScanner } from './regularCsv';

/**
 * csv-parse's parsing core, fed chunk by chunk and synchronously. csv-parse/sync runs this
 * core on one whole buffer and its stream class on chunks as they come; we do what the stream
 * class does without the stream, so a large file is never one string and the command stays
 * synchronous. The core is reached through the stream class, as csv-parse/sync reaches it.
 */
interface CsvCore {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: unknown) => void, close: () => void): Error | undefined;
  options: { max_record_size: number };
  info: { lines: number };
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
 * Records out of UTF-8 bytes given chunk by chunk: read by the fast reader while they are
 * regular, then by csv-parse from the start of the first record the fast reader leaves to it
 * to the end of the input, so that every error, and every record after an odd one, is
 * csv-parse's. Both give the same records with the same lines (test/ingest/csvRecords.test.ts).
 */
export class CsvRecords {
  private readonly core: CsvCore;
  /** The last line of the last record read: the next record starts after it. */
  private lastLine = 0;
  private readonly push: (record: unknown) => void;
  /** The fast reader, until it hands over to csv-parse. */
  private fast: RegularCsvScanner | undefined;
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
    const parser = new Parser({
      delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      // Columns may vary per row and quotes inside an unquoted field are kept as written
      // (`He said "no"`): what a spreadsheet does with the same line, and nothing is lost.
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: recordLimit(maxFieldBytes, 0),
    });
    const core = (parser as unknown as { api?: CsvCore }).api;
    if (!core || typeof core.parse !== 'function') throw new Error('csv-parse no longer exposes its parsing core (Parser.api)');
    this.core = core;
    // The core's own line count when it hands over a record is the record's last line: the
    // same number its `info` option copies into every record, at half the parsing cost.
    this.push = (record) => {
      const line = this.lastLine + 1;
      this.lastLine = this.core.info.lines;
      onRecord({ fields: record as string[], line });
    };
    if (options.fastPath ?? true) {
      this.fast = new RegularCsvScanner(delimiter, recordLimit(maxFieldBytes, 0), (fields, line, lastLine) => {
        this.lastLine = lastLine;
        onRecord({ fields, line });
      });
    }
  }

  /**
   * csv-parse can only cap a whole record while it reads, and each field is checked once its
   * record is complete; so a record may hold its columns' worth of fields at the limit.
   */
  set columns(count: number) {
    this.core.options.max_record_size = recordLimit(this.maxFieldBytes, count);
    if (this.fast) this.fast.maxRecordBytes = this.core.options.max_record_size;
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
    const { stop, irregular } = fast.scan(bytes, end);
    if (irregular) {
      // csv-parse starts afresh at the record's first line, as if it had read all before it.
      this.fast = undefined;
      this.core.info.lines = fast.line;
      this.check(this.core.parse(bytes.subarray(stop), false, this.push, () => undefined));
    } else if (stop < bytes.length) {
      // A copy, so that the chunk it came from is not kept for it.
      this.carry = Buffer.from(bytes.subarray(stop));
    }
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

const recordLimit = (maxFieldBytes: number, columns: number): number => maxFieldBytes * Math.max(8, columns);
