/**
 * Spectral clustering (Ng, Jordan & Weiss 2002) on a k-nearest-neighbour cosine graph.
 *
 * k-means on the raw vectors can only cut the sphere with hyperplanes; themes whose ideas
 * form elongated or curved chains are split wrongly. Clustering the leading eigenvectors
 * of the normalised graph affinity follows connectivity instead of distance to a centre.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { Clustering, firstCopyOfEachRow, kmeansWithRestarts, summariseClustering } from './kmeansRestarts';
import { wardLabels } from './ward';

export interface SpectralOptions {
  k: number;
  seed: number;
  /** Nearest neighbours per row. Default clip(round(sqrt(n)), 5, 15), always < n. */
  neighbours?: number;
  /** k-means restarts on the embedding (default that of kmeansWithRestarts). */
  restarts?: number;
  /**
   * How k-means on the embedding starts: 'ward' refines Ward's agglomerative clusters (one
   * deterministic run, the seed does not matter); 'kmeans++' keeps the best of `restarts`.
   */
  start?: 'ward' | 'kmeans++';
}

export interface SpectralEmbedding {
  /** n × min(maxK, n): leading eigenvectors of D^-1/2 W D^-1/2, each row scaled to unit length. */
  vectors: number[][];
  /** All n eigenvalues of the normalised Laplacian I - D^-1/2 W D^-1/2, ascending. */
  eigenvalues: number[];
}

/**
 * Above this many rows spectralClustering falls back to kmeansWithRestarts on the rows:
 * ml-matrix's dense eigen-decomposition is O(n³). Measured with 100-d rows on Node 20:
 * about 0.1 s at n = 120, 1.5 s at 500, 15 s at 1,000 and 140 s at 2,000, so 2,000 would
 * stall the CLI.
 */
export const DENSE_EIGEN_LIMIT = 1000;

/**
 * Edge weight given to a chosen neighbour whose cosine is zero or negative, instead of
 * max(cosine, 0). Every row keeps its `neighbours` edges, so an idea unlike all others (or
 * an all-zero row) is still attached to its least dissimilar ideas rather than becoming a
 * degree-0 node with a zero embedding row and an arbitrary cluster. Since the Laplacian is
 * degree-normalised, a row attached only by floor-weight edges is not cheap to cut off, so
 * the floor does not create one-idea outlier clusters either.
 */
export const SIMILARITY_FLOOR = 1e-4;

/** Embedding rows shorter than this carry only rounding noise and are left at zero. */
const ROW_NORM_EPSILON = 1e-10;

/** The default neighbour count: clip(round(sqrt(n)), 5, 15), and fewer than n. */
export function defaultNeighbours(n: number): number {
  const wanted = Math.min(15, Math.max(5, Math.round(Math.sqrt(n))));
  return Math.max(0, Math.min(wanted, n - 1));
}

/**
 * Computes the spectral embedding once so it can be reused for many k (see eigengapK).
 * Columns are the eigenvectors of the largest affinity eigenvalues (the smallest Laplacian
 * ones), each with its largest-magnitude entry made positive so the output is deterministic.
 */
export function spectralEmbedding(rows: number[][], maxK: number, neighbours?: number): SpectralEmbedding {
  const n = rows.length;
  if (n === 0) return { vectors: [], eigenvalues: [] };
  const weights = symmetrise(cosineKnnWeights(rows, clipNeighbours(neighbours ?? defaultNeighbours(n), n)));
  const decomposition = new EigenvalueDecomposition(normalisedAffinity(weights), { assumeSymmetric: true });
  const affinityEigenvalues = decomposition.realEigenvalues;
  const order = indicesByDescendingValue(affinityEigenvalues);
  const eigenvalues = order.map((i) => Math.max(0, 1 - affinityEigenvalues[i]));
  const columns = order
    .slice(0, Math.max(1, Math.min(maxK, n)))
    .map((i) => withDeterministicSign(decomposition.eigenvectorMatrix.getColumn(i)));
  return { vectors: normaliseRows(transpose(columns, n)), eigenvalues };
}

/**
 * Spectral clustering: k-means with restarts on the first k embedding columns, rows
 * re-normalised. Centroids and inertia are reported in the space of `rows`, so results
 * compare with kmeansWithRestarts. Identical rows always share a label. Falls back to
 * kmeansWithRestarts on the rows themselves above DENSE_EIGEN_LIMIT rows, or when k is at
 * least the number of distinct rows (then every distinct row is its own cluster anyway).
 */
export function spectralClustering(rows: number[][], options: SpectralOptions): Clustering {
  const { k, seed, restarts } = options;
  // Checked here too so a bad k fails before, not after, the eigen-decomposition.
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const firstCopy = firstCopyOfEachRow(rows);
  const distinctRows = firstCopy.filter((first, i) => first === i).length;
  if (rows.length > DENSE_EIGEN_LIMIT || k >= distinctRows) {
    return kmeansWithRestarts(rows, { k, seed, restarts });
  }
  return clusterSpectralEmbedding(rows, spectralEmbedding(rows, k, options.neighbours), options);
}

/**
 * The clustering step of spectralClustering on an embedding already computed with
 * maxK >= k, so that trying several k costs one eigen-decomposition. Row normalisation
 * is scale-free, so re-normalising the first k columns of the stored (normalised) rows
 * equals normalising the first k eigenvector entries directly. No fallbacks here.
 */
export function clusterSpectralEmbedding(
  rows: number[][],
  embedding: SpectralEmbedding,
  options: SpectralOptions,
): Clustering {
  const { k, seed, restarts } = options;
  const firstColumns = normaliseRows(embedding.vectors.map((vector) => vector.slice(0, k)));
  const initialCentres = options.start === 'ward' ? centresOf(firstColumns, wardLabels(firstColumns, k)) : undefined;
  const clustering = kmeansWithRestarts(firstColumns, { k, seed, restarts, initialCentres });
  // Copies of one idea get slightly different graph rows (neither picks itself as a
  // neighbour), so give every copy the label of its first occurrence.
  const labels = firstCopyOfEachRow(rows).map((first) => clustering.labels[first]);
  return summariseClustering(rows, labels);
}

/**
 * The k in [minK, maxK] with the largest gap eigenvalues[k] - eigenvalues[k-1] between the
 * k-th and (k+1)-th smallest Laplacian eigenvalues; the smallest such k on ties.
 * maxK is clipped to eigenvalues.length - 1 because the gap needs the (k+1)-th value.
 */
function centresOf(rows: number[][], labels: number[]): number[][] {
  const k = Math.max(...labels) + 1;
  const d = rows[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(d).fill(0));
  const counts = new Array<number>(k).fill(0);
  labels.forEach((l, i) => {
    counts[l]++;
    for (let j = 0; j < d; j++) sums[l][j] += rows[i][j];
  });
  return sums.map((s, l) => s.map((x) => x / counts[l]));
}

export function eigengapK(eigenvalues: number[], minK: number, maxK: number): number {
  const lowest = Math.max(1, minK);
  const highest = Math.min(maxK, eigenvalues.length - 1);
  if (highest < lowest) return Math.max(1, Math.min(lowest, eigenvalues.length));
  let bestK = lowest;
  let bestGap = -Infinity;
  for (let k = lowest; k <= highest; k++) {
    const gap = eigenvalues[k] - eigenvalues[k - 1];
    if (gap > bestGap) {
      bestK = k;
      bestGap = gap;
    }
  }
  return bestK;
}

function clipNeighbours(neighbours: number, n: number): number {
  if (!Number.isInteger(neighbours) || neighbours < 0) {
    throw new RangeError(`neighbours must be a non-negative integer, got ${neighbours}`);
  }
  return Math.min(neighbours, n - 1);
}

/**
 * Row i holds weights to its `neighbours` most cosine-similar other rows (ties to the lower
 * index), weight max(cosine, SIMILARITY_FLOOR). Cosines are computed with the norms so that
 * rows not quite unit length (or all-zero rows, cosine 0) still behave.
 */
export function cosineKnnWeights(rows: number[][], neighbours: number): Float64Array[] {
  const n = rows.length;
  const norms = rows.map((row) => Math.sqrt(dot(row, row)));
  const weights = Array.from({ length: n }, () => new Float64Array(n));
  const similarities = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) similarities[j] = cosine(rows[i], rows[j], norms[i], norms[j]);
    for (const j of mostSimilarOthers(similarities, i, neighbours)) {
      weights[i][j] = Math.max(similarities[j], SIMILARITY_FLOOR);
    }
  }
  return weights;
}

function cosine(a: number[], b: number[], normA: number, normB: number): number {
  return normA === 0 || normB === 0 ? 0 : dot(a, b) / (normA * normB);
}

function dot(a: number[], b: number[]): number {
  let total = 0;
  for (let d = 0; d < a.length; d++) total += a[d] * b[d];
  return total;
}

/**
 * Indices of the `count` largest similarities excluding `self`, by a bounded insertion
 * sort (O(n·count) rather than sorting all n). Scanning j upwards and moving an entry
 * only past strictly smaller values breaks ties towards the lower index.
 */
function mostSimilarOthers(similarities: Float64Array, self: number, count: number): number[] {
  const chosen: number[] = [];
  if (count === 0) return chosen;
  for (let j = 0; j < similarities.length; j++) {
    if (j === self) continue;
    const full = chosen.length === count;
    if (full && similarities[j] <= similarities[chosen[count - 1]]) continue;
    if (full) chosen.pop();
    let position = chosen.length;
    while (position > 0 && similarities[chosen[position - 1]] < similarities[j]) position--;
    chosen.splice(position, 0, j);
  }
  return chosen;
}

/**
 * W = max(W, Wᵀ): an edge exists if either end picked the other. Unlike (W + Wᵀ)/2 this
 * does not halve one-sided edges, which are typically how a peripheral idea is attached.
 */
function symmetrise(weights: Float64Array[]): Float64Array[] {
  const n = weights.length;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const larger = Math.max(weights[i][j], weights[j][i]);
      weights[i][j] = larger;
      weights[j][i] = larger;
    }
  }
  return weights;
}

/**
 * D^-1/2 W D^-1/2. A node of degree 0 gets D^-1/2 = 0 instead of Infinity, so its row and
 * column are zero: its affinity eigenvalue is 0 (Laplacian 1), it never claims one of the
 * leading eigenvectors, and its embedding row is zero rather than NaN.
 */
export function normalisedAffinity(weights: Float64Array[]): Matrix {
  const n = weights.length;
  const scale = weights.map((row) => {
    const degree = row.reduce((sum, w) => sum + w, 0);
    return degree > 0 ? 1 / Math.sqrt(degree) : 0;
  });
  const affinity = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) affinity.set(i, j, weights[i][j] * scale[i] * scale[j]);
  }
  return affinity;
}

/** Indices sorted by value, largest first; ties to the lower index. */
function indicesByDescendingValue(values: number[]): number[] {
  return values.map((_, i) => i).sort((a, b) => values[b] - values[a] || a - b);
}

/**
 * An eigenvector is only defined up to sign; flip it so its largest-magnitude entry (the
 * first such on ties) is positive, making the embedding independent of solver sign choices.
 */
function withDeterministicSign(vector: number[]): number[] {
  let largest = 0;
  for (let i = 1; i < vector.length; i++) {
    if (Math.abs(vector[i]) > Math.abs(vector[largest])) largest = i;
  }
  return vector[largest] < 0 ? vector.map((value) => -value) : vector;
}

function transpose(columns: number[][], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => columns.map((column) => column[i]));
}

/** Ng-Jordan-Weiss row normalisation; near-zero rows (isolated nodes) stay zero, never NaN. */
export function normaliseRows(rows: number[][]): number[][] {
  return rows.map((row) => {
    const norm = Math.sqrt(dot(row, row));
    return norm < ROW_NORM_EPSILON ? row.map(() => 0) : row.map((value) => value / norm);
  });
}
