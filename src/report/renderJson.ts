import { batched } from './chunks';
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
      for (let i = 0; i < value.length; i++) {
        yield `${i > 0 ? ',' : ''}\n${inner}`;
        const item = value[i];
        if (item === undefined || typeof item === 'function' || typeof item === 'symbol') yield 'null';
        else yield* jsonPieces(item, inner, false);
      }
      yield `\n${indent}]`;
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
