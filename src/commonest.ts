import { fieldReader } from './report/lazyArray';

/**
 * The value of `key` given most often among the items (empty and missing values aside), ties
 * to the first in code-point order, with its count and the count of all values given;
 * undefined when none is. The event that titles a report and the question of a group are
 * both chosen so.
 */
export function commonestField<T, K extends keyof T>(items: readonly T[], key: K): Commonest | undefined {
  // Each field read without making the items of a lazy array, in a plain loop (a generator costs more than the work at a million).
  const field = fieldReader(items);
  const counts = new Map<string, number>();
  let total = 0;
  const length = items.length;
  for (let i = 0; i < length; i++) {
    const value = field(i, key) as string | undefined;
    if (!value) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    total++;
  }
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && value < best)) best = value;
  return best === undefined ? undefined : { value: best, count: counts.get(best)!, total };
}

export interface Commonest {
  value: string;
  count: number;
  total: number;
}
