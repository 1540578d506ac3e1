import { usageError } from '../errors';
import { GroupK, parseGroupK } from '../groupK';

/** Themes per group as a program gives it: a number, "auto", `-k`'s text ("1=7,2=5", "6,3=4"), or `-k` parsed. */
export type KOption = number | 'auto' | string | GroupK;

/** The k of every group, checked as `-k` is; undefined when not given (every group chooses). */
export function toGroupK(k: KOption | undefined): GroupK | undefined {
  if (k === undefined) return undefined;
  if (typeof k === 'object') return k;
  const spec = parseGroupK(String(k));
  if (typeof spec === 'string') throw usageError('BAD_K', `k: ${spec}`);
  return spec;
}
