/**
 * Sentence vectors by smooth inverse frequency (Arora, Liang & Ma, 2017) are the weighted mean
 * of the ideas' word vectors, with the set's first principal component removed (it carries what
 * all ideas share, mostly syntax), L2-normalised; ideas without a known word get a zero row.
 * Fitting gives that component, transforming removes it from any documents.
 */
import { WordVectors } from './wordVectorCache';

/** SIF's smoothing constant (Arora, Liang & Ma, 2017): frequent words weigh a/(a + p(w)). */
const SIF_A = 1e-3;
/** Words in the vectors' source vocabulary, for Zipf's estimate p(rank) = 1 / ((rank + 1) · H). */
const SOURCE_VOCABULARY = 341_479;
const HARMONIC = Math.log(SOURCE_VOCABULARY) + 0.5772156649;

/**
 * The fitted part of SIF: the first principal component of the documents' weighted means,
 * which `sifTransform` removes from any later documents. Plain numbers, so it can be saved.
 */
export function sifCommonComponent(documents: readonly string[][], vectors: WordVectors): number[] {
  return firstSingularVector(sifAverages(documents, vectors), vectors.dimensions);
}

/** SIF vectors of any documents with a common component fitted earlier (on these or others). */
export function sifTransform(documents: readonly string[][], vectors: WordVectors, commonComponent: readonly number[]): number[][] {
  const rows = sifAverages(documents, vectors);
  const d = vectors.dimensions;
  removeComponent(rows, d, commonComponent);
  return documents.map((_, r) => Array.from(unit(rows.subarray(r * d, (r + 1) * d))));
}

/**
 * Each document's SIF-weighted mean of its known words' vectors, a zero row when none is
 * known: row r at r·d of one flat array (thousands of small arrays, and the numbers boxed
 * while the loops warm up, cost more than the sums).
 */
function sifAverages(documents: readonly string[][], vectors: WordVectors): Float64Array {
  const d = vectors.dimensions;
  const word = new Float32Array(d);
  const rows = new Float64Array(documents.length * d);
  for (let r = 0; r < documents.length; r++) {
    const base = r * d;
    let known = 0;
    for (const w of documents[r]) {
      const i = vectors.indexOf(w);
      if (i < 0) continue;
      vectors.copyVector(i, word);
      const weight = sifWeight(vectors, i);
      for (let j = 0; j < d; j++) rows[base + j] += weight * word[j];
      known++;
    }
    if (known > 0) for (let j = 0; j < d; j++) rows[base + j] /= known;
  }
  return rows;
}

/** SIF's weight a/(a + p(w)) of word index i, p(w) estimated from its frequency rank by Zipf's law. */
export function sifWeight(vectors: WordVectors, i: number): number {
  const p = 1 / ((vectors.rank(i) + 1) * HARMONIC);
  return SIF_A / (SIF_A + p);
}

function removeComponent(rows: Float64Array, d: number, u: readonly number[]): void {
  for (let base = 0; base < rows.length; base += d) {
    let projection = 0;
    for (let j = 0; j < d; j++) projection += rows[base + j] * u[j];
    for (let j = 0; j < d; j++) rows[base + j] -= projection * u[j];
  }
}

/**
 * Leading right singular vector of the rows (d numbers each, flat) by power iteration,
 * v ← Xᵀ(Xv), from a fixed start. Working through X rather than the d × d matrix XᵀX keeps a
 * run over a few dozen ideas to a few thousand multiplications per step.
 */
function firstSingularVector(rows: Float64Array, d: number): number[] {
  // Typed arrays throughout: the loops are optimised from their first passes, where arrays whose
  // elements change kind (integers, then fractions) kept them in slower code for most of a run.
  let v = unit(new Float64Array(d).fill(1));
  const next = new Float64Array(d);
  for (let iteration = 0; iteration < 100; iteration++) {
    next.fill(0);
    for (let base = 0; base < rows.length; base += d) {
      let projection = 0;
      for (let j = 0; j < d; j++) projection += rows[base + j] * v[j];
      for (let j = 0; j < d; j++) next[j] += projection * rows[base + j];
    }
    const n = unit(next);
    let change = 0;
    for (let j = 0; j < d; j++) change += Math.abs(n[j] - v[j]);
    v = n;
    if (change < 1e-9) break;
  }
  return Array.from(v);
}

/** v at unit length, as a new row (a zero row stays zero). */
function unit(v: Float64Array): Float64Array {
  let s = 0;
  for (let j = 0; j < v.length; j++) s += v[j] * v[j];
  const n = Math.sqrt(s);
  return n > 0 ? v.map((x) => x / n) : v.slice();
}
