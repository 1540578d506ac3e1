import { batched } from './chunks';
import { Columns, itemReader } from './lazyArray';
import { Report } from './report';

export function renderJson(report: Report | object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * `renderJson` in pieces of about 64 kB, never the whole document as one string: for writing
 * the report of a million ideas. Joined, the pieces are exactly renderJson's bytes. The items
 * of an array that comes as columns are pieces of UTF-8 bytes, each valid until the next piece
 * is asked for (one buffer, filled again): write each before the next, or copy it.
 */
export function renderJsonChunks(report: Report | object): Iterable<string | Uint8Array> {
  return batched(jsonPieces(report, '', true));
}

/** Characters of items gathered before they are handed on. */
const PIECE = 1 << 14;

/**
 * JSON.stringify(value, null, 2) piece by piece. Arrays and objects holding arrays or objects
 * are walked; anything else is stringified whole and indented to its depth (JSON.stringify
 * escapes line breaks inside strings, so every line break it writes is its own indentation).
 */
function* jsonPieces(value: unknown, indent: string, last: boolean): Generator<string | Uint8Array> {
  if (isWalked(value)) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      yield '[';
      // A large theme's ideas are made one by one as they are written (see lazyArray), or
      // written from their columns without being made.
      const { length, at, columns } = itemReader<unknown>(value);
      // Dotted keys name fields of fields (a theme's members, mapped to flat ideas before writing).
      if (columns && Object.keys(columns).every((key) => !key.includes('.'))) {
        yield* columnPieces(length, columns, inner);
        yield `\n${indent}]`;
        if (last) yield '\n';
        return;
      }
      // Items written whole are gathered into one piece: a piece per idea would cost more than the idea.
      let run = '';
      for (let i = 0; i < length; i++) {
        run += `${i > 0 ? ',' : ''}\n${inner}`;
        const item = at(i);
        const flat = item === undefined || typeof item === 'function' || typeof item === 'symbol' ? 'null' : flatObjectJson(item, inner);
        if (flat !== undefined) {
          run += flat;
          if (run.length < PIECE) continue;
          yield run;
          run = '';
          continue;
        }
        yield run;
        run = '';
        yield* jsonPieces(item, inner, false);
      }
      yield `${run}\n${indent}]`;
    } else {
      let first = true;
      yield '{';
      for (const [key, item] of Object.entries(value as object)) {
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
        yield `${first ? '' : ','}\n${inner}${JSON.stringify(key)}: `;
        first = false;
        yield* jsonPieces(item, inner, false);
      }
      yield `\n${indent}}`;
    }
  } else {
    const text = JSON.stringify(value, null, 2);
    yield indent === '' ? text : text.replace(/\n/g, `\n${indent}`);
  }
  if (last) yield '\n';
}

/** A non-empty array, or a plain object with at least one array or object inside: walked rather than stringified whole. */
function isWalked(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || typeof (value as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(value)) return value.length > 0;
  const values = Object.values(value);
  return values.some((v) => v !== null && typeof v === 'object') && values.some((v) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
}

/**
 * JSON.stringify(value, null, 2) indented by `indent`, for a plain object whose values are all
 * strings, numbers, booleans or null (a report's idea), written directly: about five times
 * faster than stringifying it and indenting the result. Undefined for any other value.
 */
function flatObjectJson(value: unknown, indent: string): string | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const prototype = Object.getPrototypeOf(value);
  if ((prototype !== Object.prototype && prototype !== null) || typeof (value as { toJSON?: unknown }).toJSON === 'function') return undefined;
  let text = '{';
  let first = true;
  const keys = Object.keys(value);
  const prefixes = keyPrefixes(indent);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    const item = (value as Record<string, unknown>)[key];
    const kind = typeof item;
    if (item === undefined || kind === 'function' || kind === 'symbol') continue;
    if (item !== null && kind === 'object') return undefined;
    text += (first ? '' : ',') + prefixOf(prefixes, indent, key) + primitiveJson(item);
    first = false;
  }
  return first ? '{}' : `${text}\n${indent}}`;
}

/**
 * `\n${indent}  "key": ` for each key at one depth, made once: the few keys a report repeats a
 * million times at the same depth. Keyed by the last depth asked for, which is the ideas' depth
 * while they are written.
 */
let lastIndent: string | undefined;
let lastPrefixes = new Map<string, string>();

function keyPrefixes(indent: string): Map<string, string> {
  if (indent !== lastIndent) {
    lastIndent = indent;
    lastPrefixes = new Map();
  }
  return lastPrefixes;
}

function prefixOf(prefixes: Map<string, string>, indent: string, key: string): string {
  let prefix = prefixes.get(key);
  if (prefix === undefined) {
    prefix = `\n${indent}  ${JSON.stringify(key)}: `;
    if (prefixes.size < 1000) prefixes.set(key, prefix);
  }
  return prefix;
}

/**
 * The items of a lazy array that come as columns (see LazySource.columns), as flatObjectJson
 * writes each item made, as UTF-8 bytes about BYTES at a time, in one buffer filled again for
 * each piece; no item is made, and no string but the values the columns give.
 */
function* columnPieces(length: number, columns: Columns, indent: string): Generator<Uint8Array> {
  const writer = new ColumnWriter(columns, indent);
  for (let i = 0; i < length; ) {
    i = writer.fill(i, length);
    yield writer.take();
  }
}

/** Bytes gathered before they are handed on. */
const BYTES = 1 << 16;

/** Writes items from columns into a buffer of bytes (a plain loop: no generator or closure state in the way). */
class ColumnWriter {
  private readonly readers: ((i: number) => unknown)[];
  private readonly prefixes: Uint8Array[];
  private readonly open: Uint8Array;
  private readonly close: Uint8Array;
  private bytes = Buffer.allocUnsafe(BYTES);
  private at = 0;

  constructor(columns: Columns, indent: string) {
    const keys = Object.keys(columns);
    this.readers = keys.map((key) => columns[key]);
    this.prefixes = keys.map((key) => Buffer.from(`\n${indent}  ${JSON.stringify(key)}: `));
    this.open = Buffer.from(`\n${indent}{`);
    this.close = Buffer.from(`\n${indent}}`);
  }

  /** Write items from `from` on until about BYTES are written or `to` is reached; returns the next item. */
  fill(from: number, to: number): number {
    let i = from;
    for (; i < to && this.at < BYTES; i++) {
      if (i > 0) this.ascii(',');
      this.put(this.open);
      let fields = 0;
      for (let k = 0; k < this.readers.length; k++) {
        const value = this.readers[k](i);
        if (value === undefined) continue;
        if (fields++ > 0) this.ascii(',');
        this.put(this.prefixes[k]);
        this.value(value);
      }
      if (fields > 0) this.put(this.close);
      else this.ascii('}');
    }
    return i;
  }

  /** The bytes written since the last take; the buffer is filled again by the next fill. */
  take(): Uint8Array {
    const taken = this.bytes.subarray(0, this.at);
    this.at = 0;
    return taken;
  }

  private value(value: unknown): void {
    if (typeof value === 'string') return this.string(value);
    if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 0x80000000) return this.integer(value);
    this.ascii(primitiveJson(value));
  }

  /** JSON.stringify(text): ASCII text that needs no escape byte by byte, anything else encoded. */
  private string(text: string): void {
    this.reserve(text.length * 3 + 2);
    const bytes = this.bytes;
    const start = this.at;
    let at = start;
    bytes[at++] = 0x22;
    for (let j = 0; j < text.length; j++) {
      const c = text.charCodeAt(j);
      if (c < 0x20 || c === 0x22 || c === 0x5c || c > 0x7e) {
        this.at = start;
        const escaped = jsonString(text);
        this.reserve(escaped.length * 3);
        this.at += this.bytes.write(escaped, this.at, 'utf8');
        return;
      }
      bytes[at++] = c;
    }
    bytes[at++] = 0x22;
    this.at = at;
  }

  /** A non-negative integer below 2³¹ in decimal, as String writes it. */
  private integer(n: number): void {
    this.reserve(10);
    let digits = 1;
    for (let rest = n; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    do {
      this.bytes[--at] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
  }

  private ascii(text: string): void {
    this.reserve(text.length);
    for (let j = 0; j < text.length; j++) this.bytes[this.at++] = text.charCodeAt(j);
  }

  private put(piece: Uint8Array): void {
    this.reserve(piece.length);
    for (let j = 0; j < piece.length; j++) this.bytes[this.at++] = piece[j];
  }

  /** Room for n more bytes: a larger buffer for an item larger than the rest of this one. */
  private reserve(n: number): void {
    if (this.at + n <= this.bytes.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.at + n));
    larger.set(this.bytes.subarray(0, this.at));
    this.bytes = larger;
  }
}

/** A string, number, boolean or null as JSON.stringify writes it; an object is refused (it would need indenting). */
function primitiveJson(value: unknown): string {
  if (typeof value === 'string') return jsonString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (value !== null && typeof value === 'object') throw new TypeError('an object where a string, number, boolean or null was expected');
  return JSON.stringify(value);
}

/**
 * JSON.stringify(text), without its call for the usual text that needs no escape: no quote,
 * backslash, control character or surrogate (which it writes as escapes when lone).
 */
function jsonString(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return `"${text}"`;
}
