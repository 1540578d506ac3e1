import { LargeRows } from '../vectors/largeRows';
import { WordVectors } from '../vectors/wordVectorCache';

/**
 * k dense centres in the space of LargeRows (TF-IDF columns ⊕ word-meaning columns), with the
 * per-word tables that make a row's dot product with every centre cost O(words of the row · k):
 * stemDot[s·k + c] = idf_s · centre_c[column of s], wordDot[w·k + c] = a_w · (v_w · meaning part
 * of centre_c), commonDot[c] = u · meaning part of centre_c. Making the tables costs
 * O(k · (V + W · d)) for W known words, independent of the number of ideas.
 */
export class LargeCentres {
  readonly k: number;
  /** TF-IDF part, k × V, and meaning part, k × d. */
  readonly text: Float64Array;
  readonly meaning: Float64Array;
  readonly squaredNorm: Float64Array;
  private stemDot: Float64Array;
  private wordDot: Float64Array;
  private commonDot: Float64Array;

  constructor(
    readonly space: LargeSpace,
    k: number,
  ) {
    this.k = k;
    this.text = new Float64Array(k * space.columns);
    this.meaning = new Float64Array(k * space.dimensions);
    this.squaredNorm = new Float64Array(k);
    this.stemDot = new Float64Array(space.rows.bags.stems.length * k);
    this.wordDot = new Float64Array(space.rows.bags.words.length * k);
    this.commonDot = new Float64Array(k);
  }

  /** Recompute the norms and tables after the centres changed. */
  prepare(): this {
    const { k } = this;
    const { rows, columns, dimensions: d, wordVectors, common } = this.space;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = c * columns; j < (c + 1) * columns; j++) s += this.text[j] * this.text[j];
      for (let j = c * d; j < (c + 1) * d; j++) s += this.meaning[j] * this.meaning[j];
      this.squaredNorm[c] = s;
    }
    const stems = rows.bags.stems.length;
    for (let s = 0; s < stems; s++) {
      const column = rows.column[s];
      for (let c = 0; c < k; c++) this.stemDot[s * k + c] = column < 0 ? 0 : rows.idf[s] * this.text[c * columns + column];
    }
    if (d === 0) return this;
    const words = rows.bags.words.length;
    const { meaning } = this;
    for (let w = 0; w < words; w++) {
      const base = w * d;
      for (let c = 0; c < k; c++) {
        const centre = c * d;
        // Unrolled by four, the terms added in the same order.
        let s = 0;
        let j = 0;
        for (; j + 4 <= d; j += 4) {
          s += wordVectors[base + j] * meaning[centre + j];
          s += wordVectors[base + j + 1] * meaning[centre + j + 1];
          s += wordVectors[base + j + 2] * meaning[centre + j + 2];
          s += wordVectors[base + j + 3] * meaning[centre + j + 3];
        }
        for (; j < d; j++) s += wordVectors[base + j] * meaning[centre + j];
        this.wordDot[w * k + c] = rows.sifWeight[w] * s;
      }
    }
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += common[j] * this.meaning[c * d + j];
      this.commonDot[c] = s;
    }
    return this;
  }

  /**
   * x_i · centre_c for one c: the terms added in the order `dots` adds them, so the same number
   * as dots(i)[c], at 1/k of the work.
   */
  dotWith(i: number, c: number): number {
    const { k } = this;
    const { bags, alpha, beta, gamma } = this.space.rows;
    let out = 0;
    const a = alpha[i];
    if (a !== 0) {
      for (let p = bags.stemStart[i]; p < bags.stemStart[i + 1]; p++) out += a * bags.stemTf[p] * this.stemDot[bags.stemIds[p] * k + c];
    }
    const b = beta[i];
    if (b !== 0) {
      for (let p = bags.wordStart[i]; p < bags.wordStart[i + 1]; p++) out += b * this.wordDot[bags.wordIds[p] * k + c];
      out -= gamma[i] * this.commonDot[c];
    }
    return out;
  }

  /** out[c] = x_i · centre_c for every c. */
  dots(i: number, out: Float64Array): void {
    const { k } = this;
    const { bags, alpha, beta, gamma } = this.space.rows;
    out.fill(0);
    const a = alpha[i];
    if (a !== 0) {
      for (let p = bags.stemStart[i]; p < bags.stemStart[i + 1]; p++) {
        const weight = a * bags.stemTf[p];
        const base = bags.stemIds[p] * k;
        for (let c = 0; c < k; c++) out[c] += weight * this.stemDot[base + c];
      }
    }
    const b = beta[i];
    if (b !== 0) {
      for (let p = bags.wordStart[i]; p < bags.wordStart[i + 1]; p++) {
        const base = bags.wordIds[p] * k;
        for (let c = 0; c < k; c++) out[c] += b * this.wordDot[base + c];
      }
      const g = gamma[i];
      for (let c = 0; c < k; c++) out[c] -= g * this.commonDot[c];
    }
  }

  /** The centres as plain dense rows (TF-IDF columns, then meaning columns), L2-normalised. */
  toDenseUnitRows(): number[][] {
    const { columns, dimensions: d } = this.space;
    return Array.from({ length: this.k }, (_, c) => {
      const row = [...this.text.subarray(c * columns, (c + 1) * columns), ...this.meaning.subarray(c * d, (c + 1) * d)];
      const norm = Math.sqrt(row.reduce((s, x) => s + x * x, 0));
      return norm > 0 ? row.map((x) => x / norm) : row;
    });
  }
}

/** Sums of rows per centre, turned into centres (their means) by `finish`. O(words) per row added. */
export class CentreSums {
  private readonly text: Float64Array;
  private readonly wordWeight: Float64Array;
  private readonly common: Float64Array;
  readonly counts: Float64Array;

  constructor(
    readonly space: LargeSpace,
    readonly k: number,
  ) {
    this.text = new Float64Array(k * space.columns);
    this.wordWeight = new Float64Array(space.rows.bags.words.length * k);
    this.common = new Float64Array(k);
    this.counts = new Float64Array(k);
  }

  add(i: number, c: number, sign = 1): void {
    const { bags, alpha, beta, gamma, column, idf } = this.space.rows;
    const { columns } = this.space;
    const { k } = this;
    const a = alpha[i] * sign;
    for (let p = bags.stemStart[i]; p < bags.stemStart[i + 1]; p++) {
      const s = bags.stemIds[p];
      if (column[s] >= 0) this.text[c * columns + column[s]] += a * bags.stemTf[p] * idf[s];
    }
    const b = beta[i] * sign;
    if (b !== 0) {
      for (let p = bags.wordStart[i]; p < bags.wordStart[i + 1]; p++) this.wordWeight[bags.wordIds[p] * k + c] += b;
      this.common[c] += gamma[i] * sign;
    }
    this.counts[c] += sign;
  }

  /**
   * Write sum / count (or the sum itself, `mean` false) into `centres`; a centre with no rows
   * keeps what it held. O(k · (V + W · d)).
   */
  finish(centres: LargeCentres, mean = true): LargeCentres {
    const { columns, dimensions: d, wordVectors, common } = this.space;
    const { k } = this;
    const words = this.space.rows.bags.words.length;
    const meaning = new Float64Array(d);
    for (let c = 0; c < k; c++) {
      if (this.counts[c] <= 0) continue;
      const scale = mean ? 1 / this.counts[c] : 1;
      for (let j = 0; j < columns; j++) centres.text[c * columns + j] = this.text[c * columns + j] * scale;
      meaning.fill(0);
      for (let w = 0; w < words; w++) {
        const weight = this.wordWeight[w * k + c] * this.space.rows.sifWeight[w];
        if (weight === 0) continue;
        const base = w * d;
        let j = 0;
        for (; j + 4 <= d; j += 4) {
          meaning[j] += weight * wordVectors[base + j];
          meaning[j + 1] += weight * wordVectors[base + j + 1];
          meaning[j + 2] += weight * wordVectors[base + j + 2];
          meaning[j + 3] += weight * wordVectors[base + j + 3];
        }
        for (; j < d; j++) meaning[j] += weight * wordVectors[base + j];
      }
      for (let j = 0; j < d; j++) centres.meaning[c * d + j] = (meaning[j] - this.common[c] * common[j]) * scale;
    }
    return centres.prepare();
  }
}

/** LargeRows with the word vectors of its known words gathered into one flat array (W × d). */
export interface LargeSpace {
  rows: LargeRows;
  columns: number;
  dimensions: number;
  wordVectors: Float32Array;
  common: Float64Array;
  /** Where the word vectors came from, for spaces of samples of the same rows. */
  vectors?: WordVectors;
}

export function largeSpace(rows: LargeRows, vectors?: WordVectors): LargeSpace {
  const d = rows.model.meaning?.dimensions ?? 0;
  const words = rows.bags.words.length;
  const wordVectors = new Float32Array(d > 0 ? words * d : 0);
  if (d > 0) for (let w = 0; w < words; w++) vectors!.copyVector(rows.bags.wordVectorIndex[w], wordVectors, w * d);
  return { rows, columns: rows.model.tfidf.vocabulary.length, dimensions: d, wordVectors, common: Float64Array.from(rows.model.meaning?.commonComponent ?? []), vectors };
}

/** Squared length of row i: 1 for a row with a TF-IDF or a meaning part, 0 for an empty row. */
export function squaredLength(rows: LargeRows, i: number): number {
  return rows.alpha[i] !== 0 || rows.beta[i] !== 0 ? 1 : 0;
}
