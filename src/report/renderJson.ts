import { batched } from './chunks';
import { itemReader } from './lazyArray';
import { Report } from './report';

export function renderJson(report: Report | object): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * `renderJson` in pieces of about 64 kB, never the whole document as one string: for writing
 * the report of a million ideas. Joined, the pieces are exactly renderJson's bytes.
 */
export function renderJsonChunks(report: Report | object): Iterable<string> {
  return batched(jsonPieces(report, '', true));
}

/** Characters of items gathered before they are handed on. */
const PIECE = 1 << 14;

/**
 * JSON.stringify(value, null, 2) piece by piece. Arrays and objects holding arrays or objects
 * are walked; anything else is stringified whole and indented to its depth (JSON.stringify
 * escapes line breaks inside strings, so every line break it writes is its own indentation).
 */
function* jsonPieces(value: unknown, indent: string, last: boolean): Generator<string> {
  if (isWalked(value)) {
    const inner = `${indent}  `;
    if (Array.isArray(value)) {
      yield '[';
      // A large theme's ideas are made one by one as they are written (see lazyArray).
      const { length, at } = itemReader<unknown>(value);
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
    text += (first ? '' : ',') + prefixOf(prefixes, indent, key) + (kind === 'number' && Number.isFinite(item) ? String(item) : JSON.stringify(item));
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
