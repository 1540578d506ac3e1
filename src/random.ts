/**
 * A small seeded pseudo-random generator (mulberry32), so that every random choice the
 * pipeline makes is reproducible from `--seed` and never depends on Math.random.
 */
export type Random = () => number;

export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An integer seed in [0, 2^31) derived from a base seed and a run number. */
export function deriveSeed(seed: number, run: number): number {
  const next = seededRandom((seed ^ Math.imul(run + 1, 0x9e3779b1)) >>> 0);
  return Math.floor(next() * 2147483647);
}
