import { RowThread, runRows, sharedFloat64, sharedInt32 } from '../parallel/rowThread';
import { bagArrays, BagArrays } from '../vectors/bagsOfWords';
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
    // The tables row kernels read, shared with a second thread (see src/parallel/rowThread.ts).
    this.squaredNorm = sharedFloat64(k);
    this.stemDot = sharedFloat64(space.rows.bags.stems.length * k);
    this.wordDot = sharedFloat64(space.rows.bags.words.length * k);
    this.commonDot = sharedFloat64(k);
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
   * For the rows i = ideas[p] (i = p when `ideas` is null), p < rows:
   *   'nearest':  labels[p] = the centre of greatest cosine with row i (the lower index on a tie),
   *               and the number of labels that changed is returned;
   *   'at label': values[p] = row i's dot product with centre labels[p] (0 when labels[p] < 0).
   * On both threads when there are two; `labels` and `values` must then be shared.
   */
  rowDots(mode: 'nearest' | 'at label', ideas: Int32Array | null, rows: number, labels: Int32Array, values: Float64Array | null, thread?: RowThread): number {
    const { alpha, beta, gamma } = this.space.rows;
    const args: RowDotArgs = {
      ...bagArrays(this.space.rows.bags),
      alpha,
      beta,
      gamma,
      k: this.k,
      stemDot: this.stemDot,
      wordDot: this.wordDot,
      commonDot: this.commonDot,
      squaredNorm: this.squaredNorm,
      ideas: ideas ?? new Int32Array(0),
      identity: ideas ? 0 : 1,
      nearest: mode === 'nearest' ? 1 : 0,
      labels,
      values: values ?? new Float64Array(0),
      changed: sharedInt32(1),
    };
    runRows(thread, rowDots, args, rows);
    return args.changed[0];
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

interface RowDotArgs extends BagArrays {
  alpha: Float32Array;
  beta: Float32Array;
  gamma: Float32Array;
  k: number;
  stemDot: Float64Array;
  wordDot: Float64Array;
  commonDot: Float64Array;
  squaredNorm: Float64Array;
  ideas: Int32Array;
  /** 1: row p is row i = p, and `ideas` is empty. */
  identity: number;
  /** 1: find each row's nearest centre; 0: the dot product with the centre in `labels`. */
  nearest: number;
  labels: Int32Array;
  values: Float64Array;
  /** Labels changed, counted by both threads. */
  changed: Int32Array;
}

/**
 * A row kernel (see src/parallel/rowThread.ts): x_i · centre_c from the per-word tables, in
 * O(words of the row) per centre. The terms are added in one order whether one centre's dot
 * product is taken or all k, so both give the same numbers.
 */
function rowDots(a: RowDotArgs, from: number, to: number): void {
  const { stemStart, stemIds, stemTf, wordStart, wordIds, alpha, beta, gamma, k, stemDot, wordDot, commonDot, squaredNorm, ideas, labels, values } = a;
  const out = new Float64Array(k);
  let changed = 0;
  for (let p = from; p < to; p++) {
    const i = a.identity ? p : ideas[p];
    const only = a.nearest ? -1 : labels[p];
    if (only < 0 && !a.nearest) {
      values[p] = 0;
      continue;
    }
    const first = only < 0 ? 0 : only;
    const last = only < 0 ? k : only + 1;
    for (let c = first; c < last; c++) out[c] = 0;
    const x = alpha[i];
    if (x !== 0) {
      for (let q = stemStart[i]; q < stemStart[i + 1]; q++) {
        const weight = x * stemTf[q];
        const base = stemIds[q] * k;
        for (let c = first; c < last; c++) out[c] += weight * stemDot[base + c];
      }
    }
    const b = beta[i];
    if (b !== 0) {
      for (let q = wordStart[i]; q < wordStart[i + 1]; q++) {
        const base = wordIds[q] * k;
        for (let c = first; c < last; c++) out[c] += b * wordDot[base + c];
      }
      const g = gamma[i];
      for (let c = first; c < last; c++) out[c] -= g * commonDot[c];
    }
    if (only >= 0) {
      values[p] = out[only];
      continue;
    }
    let best = 0;
    let distance = Infinity; // minus the cosine
    for (let c = 0; c < k; c++) {
      const d = squaredNorm[c] > 0 ? -out[c] / Math.sqrt(squaredNorm[c]) : 0;
      if (d < distance - 1e-12) (distance = d), (best = c);
    }
    if (labels[p] !== best) changed++;
    labels[p] = best;
  }
  Atomics.add(a.changed, 0, changed);
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
