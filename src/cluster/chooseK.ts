/** The range of theme counts worth trying for n ideas: at least 2, at most 15 or n/3. */
export function candidateKs(n: number, maxK = 15): number[] {
  const upper = Math.min(maxK, Math.floor(n / 3));
  const ks: number[] = [];
  for (let k = 2; k <= upper; k++) ks.push(k);
  return ks;
}

/**
 * Pick the candidate with the best score; on a tie the smaller k, because a reader would
 * rather merge fewer themes by hand than split them.
 */
export function bestByScore<T extends { k: number; score: number }>(candidates: readonly T[]): T | undefined {
  let best: T | undefined;
  for (const c of candidates) if (!best || c.score > best.score + 1e-12 || (Math.abs(c.score - best.score) <= 1e-12 && c.k < best.k)) best = c;
  return best;
}
