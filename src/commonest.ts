/**
 * The value given most often (empty and missing values aside), ties to the first in code-point
 * order, with its count and the count of all values given; undefined when none is. The event
 * that titles a report and the question of a group are both chosen so.
 */
export function commonest(values: Iterable<string | undefined>): { value: string; count: number; total: number } | undefined {
  const counts = new Map<string, number>();
  let total = 0;
  for (const value of values) {
    if (!value) continue;
    counts.set(value, (counts.get(value) ?? 0) + 1);
    total++;
  }
  let best: string | undefined;
  for (const [value, n] of counts) if (best === undefined || n > counts.get(best)! || (n === counts.get(best)! && value < best)) best = value;
  return best === undefined ? undefined : { value: best, count: counts.get(best)!, total };
}
