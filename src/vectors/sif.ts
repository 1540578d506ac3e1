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
  removeComponent(rows, commonComponent);
  return rows.map(unit);
}

/** Each document's SIF-weighted mean of its known words' vectors; a zero row when none is known. */
function sifAverages(documents: readonly string[][], vectors: WordVectors): number[][] {
  const d = vectors.dimensions;
  const word = new Float32Array(d);
  return documents.map((words) => {
    const sum = new Array<number>(d).fill(0);
    let known = 0;
    for (const w of words) {
      const i = vectors.indexOf(w);
      if (i < 0) continue;
      vectors.copyVector(i, word);
      const weight = sifWeight(vectors, i);
      for (let j = 0; j < d; j++) sum[j] += weight * word[j];
      known++;
    }
    return known > 0 ? sum.map((v) => v / known) : sum;
  });
}

/** SIF's weight a/(a + p(w)) of word index i, p(w) estimated from its frequency rank by Zipf's law. */
export function sifWeight(vectors: WordVectors, i: number): number {
  const p = 1 / ((vectors.rank(i) + 1) * HARMONIC);
  return SIF_A / (SIF_A + p);
}

function removeComponent(rows: number[][], u: readonly number[]): void {
  const d = u.length;
  for (const row of rows) {
    let projection = 0;
    for (let j = 0; j < d; j++) projection += row[j] * u[j];
    for (let j = 0; j < d; j++) row[j] -= projection * u[j];
  }
}

/**
 * Leading right singular vector of the rows by power iteration, v ← Xᵀ(Xv), from a fixed
 * start. Working through X rather than the d × d matrix XᵀX keeps a run over a few dozen
 * ideas to a few thousand multiplications per step.
 */
function firstSingularVector(rows: readonly number[][], d: number): number[] {
  let v = unit(new Array<number>(d).fill(1));
  const next = new Array<number>(d);
  for (let iteration = 0; iteration < 100; iteration++) {
    next.fill(0);
    for (const row of rows) {
      let projection = 0;
      for (let j = 0; j < d; j++) projection += row[j] * v[j];
      for (let j = 0; j < d; j++) next[j] += projection * row[j];
    }
    const n = unit(next);
    let change = 0;
    for (let j = 0; j < d; j++) change += Math.abs(n[j] - v[j]);
    v = n;
    if (change < 1e-9) break;
  }
  return v;
}

function unit(v: number[]): number[] {
  let s = 0;
  for (const x of v) s += x * x;
  const n = Math.sqrt(s);
  return n > 0 ? v.map((x) => x / n) : v;
}
