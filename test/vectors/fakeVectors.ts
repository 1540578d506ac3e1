import { WordVectors } from '../../src/vectors/wordVectorCache';

/** Word vectors over a tiny vocabulary, for tests: word i has frequency rank `rank(i)` (default 1000 + i). */
export function fakeVectors(words: Record<string, number[]>, rank: (i: number) => number = (i) => 1000 + i): WordVectors {
  const list = Object.keys(words);
  return {
    dimensions: words[list[0]].length,
    size: list.length,
    indexOf: (w) => list.indexOf(w.toLowerCase()),
    copyVector: (i, out, offset = 0) => out.set(words[list[i]], offset),
    rank,
  };
}
