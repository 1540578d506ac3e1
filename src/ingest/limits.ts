import { inputError, RapporteurError } from '../errors';

/**
 * Limits that stop a broken or hostile file from eating the machine: a quote that is never
 * closed swallows the rest of a file into one field, and a runaway export can hold millions of
 * rows. Both defaults are far above any real set of notes (an idea is a sentence or a paragraph;
 * a large consultation has tens of thousands of ideas) and allow a million ideas.
 */
export interface ReadLimits {
  /** The largest field, in bytes of UTF-8. */
  maxFieldBytes: number;
  /** The most data rows (blank rows included). */
  maxRows: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxFieldBytes: 1_000_000, maxRows: 2_000_000 };

const UNITS: ReadonlyMap<string, number> = new Map(Object.entries({ '': 1, b: 1, byte: 1, bytes: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9, kib: 1024, mib: 1024 ** 2, gib: 1024 ** 3 }));

/** "5MB", "500kB", "1048576", "2MiB" → bytes; undefined when it is not a size. */
export function parseSize(value: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(value);
  if (!match) return undefined;
  const unit = UNITS.get(match[2].toLowerCase());
  if (unit === undefined) return undefined;
  const bytes = Math.round(Number(match[1]) * unit);
  return bytes >= 1 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** 1000000 → "1MB", 1500 → "1.5kB", 999 → "999 bytes": how messages show a size. */
export function formatSize(bytes: number): string {
  for (const [unit, size] of [
    ['GB', 1e9],
    ['MB', 1e6],
    ['kB', 1e3],
  ] as const) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(bytes % size === 0 ? 0 : 1))}${unit}`;
  }
  return `${bytes} bytes`;
}

/** 2000000 → "2,000,000". */
/**
 * 1234567 → "1,234,567". Written out because the first toLocaleString of a run sets up ICU's
 * number formatting, about 40 ms, and the option help shows a count on every start.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let out = '';
  for (let end = digits.length; end > 0; end -= 3) out = digits.slice(Math.max(0, end - 3), end) + (out ? `,${out}` : '');
  return n < 0 ? `-${out}` : out;
}

export function fieldTooLarge(file: string, line: number, maxFieldBytes: number, what: string): RapporteurError {
  return inputError(
    'FIELD_TOO_LARGE',
    `${what} is larger than the field size limit of ${formatSize(maxFieldBytes)}`,
    { file, line },
    `if it is meant to be that long, raise the limit, e.g. --max-field-size ${formatSize(maxFieldBytes * 10)}; else look for a quote that is never closed`,
  );
}

export function tooManyRows(file: string, line: number, maxRows: number): RapporteurError {
  return inputError(
    'TOO_MANY_ROWS',
    `more than ${formatCount(maxRows)} rows, the row limit`,
    { file, line },
    `raise it with --max-rows, e.g. --max-rows ${formatCount(maxRows * 2).replace(/,/g, '')}, or split the file`,
  );
}
