import { AnalysedText, Representation } from '../../src/index';

/** What a fit learns: the number of buckets and each bucket's inverse document frequency. */
export interface HashedStemsState {
  buckets: number;
  idf: number[];
}

/**
 * A representation added by writing this one file: each stem is hashed into one of `buckets`
 * columns (no vocabulary is kept, so unseen words still land somewhere), counts are weighed by
 * the columns' idf on the fitted ideas, and rows are L2-normalised. Not the default's answer
 * (no word meaning, collisions between words), which is what the tests need to see it used.
 */
export function hashedStemsRepresentation(buckets = 64): Representation<HashedStemsState> {
  const counts = (text: AnalysedText): number[] => {
    const row = new Array<number>(buckets).fill(0);
    for (const term of text.terms) row[bucketOf(term.stem, buckets)]++;
    return row;
  };
  return {
    id: `hashed-stems-${buckets}/1`,
    fit(texts) {
      const ideasWith = new Array<number>(buckets).fill(0);
      for (const text of texts) counts(text).forEach((c, j) => c > 0 && ideasWith[j]++);
      return { buckets, idf: ideasWith.map((n) => Math.log((1 + texts.length) / (1 + n)) + 1) };
    },
    transform(state, texts) {
      return texts.map((text) => {
        const row = counts(text).map((c, j) => c * state.idf[j]);
        const length = Math.hypot(...row);
        return length > 0 ? row.map((x) => x / length) : row;
      });
    },
  };
}

/** FNV-1a of the stem, modulo the buckets. */
function bucketOf(stem: string, buckets: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < stem.length; i++) hash = Math.imul(hash ^ stem.charCodeAt(i), 0x01000193) >>> 0;
  return hash % buckets;
}
