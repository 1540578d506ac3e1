/**
 * A fast reader for the regular part of a CSV: what almost every exported file is made of.
 * csv-parse looks at each byte through several function calls; on a million ideas that is the
 * largest single stage of a run. This reads the same records from the same bytes with one tight
 * loop per field, and stops at the first record it is not sure csv-parse reads the same way, for
 * csv-parse to read (see csvRecords.ts). It never reports an error: every error is csv-parse's.
 *
 * Regular means: fields separated by the delimiter; a field either unquoted, without quotes in
 * it, or quoted (RFC 4180: it starts with a quote, holds "" for a quote and may hold line
 * breaks, and its closing quote is followed by the delimiter, a line break or the end of the
 * input); records ending at CR LF, LF or CR, or at the end of the input.
 *
 * Line numbers follow csv-parse's own count, which is not always the file's: a CR, a LF and an
 * unquoted CR LF each count one line, but a CR LF inside a quoted field counts two.
 */

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

const PLAIN = 0;
const DELIMITER = 1;
const LINE_BREAK = 2;
const QUOTE_MARK = 3;

/**
 * csv-parse keeps the last bytes of each chunk back until the next one comes (to tell CR from
 * CR LF, or "" from a closing quote); a record is handed on when csv-parse would hand it on, so
 * that both give the caller the same records after each chunk.
 */
export const HELD_BACK = 3;

/** What scanning a buffer ended on. */
export interface RegularScan {
  /** Offset of the first record not read: incomplete in the bytes given, or irregular. */
  stop: number;
  /** True when the record at `stop` is one to leave to csv-parse. */
  irregular: boolean;
}

const INCOMPLETE = -1;
const IRREGULAR = -2;

export class RegularCsvScanner {
  /** The 1-based line where the next record starts, as csv-parse counts lines. */
  line = 1;
  private readonly classes = new Uint8Array(256);

  constructor(
    delimiter: string,
    /**
     * A record longer than this, in bytes, is left to csv-parse, which enforces its own limit
     * on records (and counts them differently). May be changed between records.
     */
    public maxRecordBytes: number,
    /** Told each record with the lines it starts and ends on. */
    private readonly onRecord: (fields: string[], line: number, lastLine: number) => void,
  ) {
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) >= 0x80) throw new Error(`the fast CSV reader takes a one-byte delimiter, not ${JSON.stringify(delimiter)}`);
    this.classes[delimiter.charCodeAt(0)] = DELIMITER;
    this.classes[CR] = LINE_BREAK;
    this.classes[LF] = LINE_BREAK;
    this.classes[QUOTE] = QUOTE_MARK;
  }

  /**
   * Read the records of `bytes` from `from` (a record's start) up to the first that is
   * incomplete (its end not yet read, or among the bytes csv-parse would hold back) or
   * irregular. `end`: no more bytes will come.
   */
  scan(bytes: Buffer, from: number, end: boolean): RegularScan {
    let start = from;
    while (start < bytes.length) {
      const next = this.record(bytes, start, end);
      if (next === IRREGULAR) return { stop: start, irregular: true };
      if (next === INCOMPLETE) {
        // At the end nothing is incomplete; a record growing past the limit is csv-parse's to judge.
        return { stop: start, irregular: end || bytes.length - start > this.maxRecordBytes };
      }
      start = next;
    }
    return { stop: start, irregular: false };
  }

  /** Read the record at `start`; returns where the next one starts, or INCOMPLETE, or IRREGULAR. */
  private record(bytes: Buffer, start: number, end: boolean): number {
    const length = bytes.length;
    const classes = this.classes;
    const fields: string[] = [];
    /** Line breaks inside quoted fields. */
    let breaks = 0;
    let pos = start;
    for (;;) {
      if (pos < length && bytes[pos] === QUOTE) {
        let escaped = false;
        let i = pos + 1;
        for (;;) {
          while (i < length && bytes[i] !== QUOTE) {
            const b = bytes[i++];
            if (b === LF || b === CR) breaks++;
          }
          // A quote never closed is csv-parse's error to report.
          if (i === length) return end ? IRREGULAR : INCOMPLETE;
          // A quote that is the last byte read so far may be the first of "".
          if (i + 1 === length) {
            if (end) break;
            return INCOMPLETE;
          }
          if (bytes[i + 1] !== QUOTE) break;
          escaped = true;
          i += 2;
        }
        const text = bytes.toString('utf8', pos + 1, i);
        fields.push(escaped ? text.replaceAll('""', '"') : text);
        pos = i + 1;
        if (pos === length) return this.emit(bytes, fields, breaks, start, pos, end);
        const after = classes[bytes[pos]];
        if (after === DELIMITER) {
          pos++;
          continue;
        }
        if (after !== LINE_BREAK) return IRREGULAR;
      } else {
        let i = pos;
        let kind = PLAIN;
        while (i < length && (kind = classes[bytes[i]]) === PLAIN) i++;
        if (i === length) {
          if (!end) return INCOMPLETE;
          fields.push(i === pos ? '' : bytes.toString('utf8', pos, i));
          return this.emit(bytes, fields, breaks, start, i, end);
        }
        // A quote inside an unquoted field: csv-parse keeps it as written, but leave it the choice.
        if (kind === QUOTE_MARK) return IRREGULAR;
        fields.push(i === pos ? '' : bytes.toString('utf8', pos, i));
        pos = i;
        if (kind === DELIMITER) {
          pos++;
          continue;
        }
      }
      return this.emit(bytes, fields, breaks, start, pos, end);
    }
  }

  /** Hand on the record whose line break (or the input's end) is at `stop`; returns where the next starts. */
  private emit(bytes: Buffer, fields: string[], breaks: number, start: number, stop: number, end: boolean): number {
    const length = bytes.length;
    if (stop - start > this.maxRecordBytes) return IRREGULAR;
    let next = stop;
    if (stop < length) {
      if (!end && stop >= length - HELD_BACK) return INCOMPLETE;
      next = bytes[stop] === CR && bytes[stop + 1] === LF ? stop + 2 : stop + 1;
    }
    const line = this.line;
    this.line = line + breaks + 1;
    this.onRecord(fields, line, line + breaks);
    return next;
  }
}
