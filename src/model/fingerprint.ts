import { DEFAULT_REPRESENTATION_ID, Representation } from '../vectors/representation';
import { WordVectors } from '../vectors/wordVectorCache';

/**
 * What a saved model's vectors were made with, so that `assign` never places ideas with other
 * word vectors or another representation than the themes were found in: the numbers would be
 * comparable in size but not in meaning, and every placement silently wrong.
 */
export interface ModelFingerprint {
  /** The representation's method and version; changes whenever its rows would change for the same fitted state. */
  representation: string;
  /** The word vectors' fingerprint (see `wordVectorsFingerprint`), or null when none were used. */
  wordVectors: string | null;
}

/** Words whose vectors are hashed: the most frequent, the same in a cache of any size. */
const PROBED_WORDS = 256;

const fingerprints = new WeakMap<WordVectors, string>();

/**
 * "100d:" and 8 hex digits: FNV-1a over the dimensions and the vectors of the 256 most frequent
 * words (components to 3 decimals, so the hash does not depend on float printing). Two sets of
 * vectors that agree on those words are taken as the same; any retrained or other vectors
 * differ there. The same cache always gives the same fingerprint.
 */
export function wordVectorsFingerprint(vectors: WordVectors): string {
  const known = fingerprints.get(vectors);
  if (known) return known;
  let hash = 0x811c9dc5;
  const mix = (value: number) => {
    hash ^= value & 0xffff;
    hash = Math.imul(hash, 0x01000193) >>> 0;
    hash ^= value >>> 16;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  };
  mix(vectors.dimensions);
  const vector = new Float32Array(vectors.dimensions);
  for (let i = 0; i < Math.min(PROBED_WORDS, vectors.size); i++) {
    vectors.copyVector(i, vector, 0);
    for (const x of vector) mix(Math.round(x * 1000) | 0);
  }
  const fingerprint = `${vectors.dimensions}d:${hash.toString(16).padStart(8, '0')}`;
  fingerprints.set(vectors, fingerprint);
  return fingerprint;
}

/** The fingerprint of a model made now, in this representation (default: the default's) with these word vectors (or none). */
export function modelFingerprint(wordVectors: WordVectors | undefined, representation?: Representation): ModelFingerprint {
  return { representation: representation?.id ?? DEFAULT_REPRESENTATION_ID, wordVectors: wordVectors ? wordVectorsFingerprint(wordVectors) : null };
}
