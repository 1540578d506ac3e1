/**
 * Spectral clustering (Ng, Jordan & Weiss 2002) on a k-nearest-neighbour cosine graph.
 *
 * k-means on the raw vectors can only cut the sphere with hyperplanes; themes whose ideas
 * form elongated or curved chains are split wrongly. Clustering the leading eigenvectors
 * of the normalised graph affinity follows connectivity instead of distance to a centre.
 */
import { EigenvalueDecomposition } from 'ml-matrix';
import { Clustering, firstCopyOfEachRow, kmeansWithRestarts, summariseClustering } from './kmeansRestarts';
import { SparseSymmetricMatrix, toDense, topEigenpairs } from './sparseEigen';
import { wardLabels } from './ward';
import { dot } from '../vectors/dense';
import { clusterMeans } from './clusterMeans';

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
  /**
   * The smallest eigenvalues of the normalised Laplacian I - D^-1/2 W D^-1/2, ascending: all n
   * of them from the dense solver, the min(maxK + 1, n) smallest from the sparse one (enough
   * for eigengapK up to maxK).
   */
  eigenvalues: number[];
}

export interface SpectralEmbeddingOptions {
  /**
   * 'dense': ml-matrix's full eigen-decomposition, O(n³) time and O(n²) memory. 'sparse':
   * the leading maxK + 1 eigenpairs only, by Chebyshev-filtered subspace iteration on the
   * sparse affinity (sparseEigen.ts), O(n·maxK) memory. Default: dense up to
   * SPARSE_EIGEN_FROM rows, sparse above.
   */
  solver?: 'dense' | 'sparse';
  /**
   * Similarity of every pair of rows (n × n) to build the neighbour graph from, instead of the
   * rows' cosine; see clusteringSimilarity.
   */
  similarity?: readonly Float64Array[];
}

/**
 * Above this many rows spectralEmbedding uses the sparse eigen-solver instead of the dense
 * eigen-decomposition. Measured with bench/spectral-scaling.ts (maxK = 10, noisy blobs of
 * 100- and 300-d unit vectors, Node 20): the two cost the same near 150 rows (0.05 s); dense
 * then grows as n³: 0.11 s at 200 rows against 0.035 s, 0.35 s at 300 against 0.06 s, 1.9 s
 * at 500 against 0.1 s, 19 s at 1,000 against 0.25 s. 200 leaves a margin above the
 * crossing and keeps every group of the labelled benchmark sets (at most 120 ideas) on the
 * dense solver, bit for bit as before.
 */
export const SPARSE_EIGEN_FROM = 200;

/**
 * Above this many rows spectralClustering (and clusterRows) fall back to kmeansWithRestarts
 * on the rows. The eigen-solver no longer sets it: at 5,000 rows the sparse one takes 1–2.5 s,
 * while the kNN graph, O(n²·d), takes 2–3 s for 100-d rows and 5–12 s for 300-d ones (Node 20
 * on a shared 2-core machine) and grows with n². Ward's start (start: 'ward') in
 * clusterSpectralEmbedding also holds an n × n matrix: 200 MB at 5,000 rows.
 */
export const SPECTRAL_ROW_LIMIT = 5000;

/**
 * Edge weight given to a chosen neighbour whose cosine is zero or negative, instead of
 * max(cosine, 0). Every row keeps its `neighbours` edges, so an idea unlike all others (or
 * an all-zero row) is still attached to its least dissimilar ideas rather than becoming a
 * degree-0 node with a zero embedding row and an arbitrary cluster. Since the Laplacian is
 * degree-normalised, a row attached only by floor-weight edges is not cheap to cut off, so
 * the floor does not create one-idea outlier clusters either.
 */
export const SIMILARITY_FLOOR = 1e-4;

/** Every eigenvalue of D^-1/2 W D^-1/2 lies in [-1, 1] (it is similar to the random walk D^-1 W). */
const AFFINITY_SPECTRUM: [number, number] = [-1, 1];

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
 * The graph is kept as neighbour lists, so on the sparse path nothing n × n is stored.
 */
export function spectralEmbedding(
  rows: number[][],
  maxK: number,
  neighbours?: number,
  options: SpectralEmbeddingOptions = {},
): SpectralEmbedding {
  const n = rows.length;
  if (n === 0) return { vectors: [], eigenvalues: [] };
  const count = clipNeighbours(neighbours ?? defaultNeighbours(n), n);
  const lists = options.similarity ? similarityNeighbourLists(options.similarity, count) : cosineNeighbourLists(rows, count);
  const affinity = sparseNormalisedAffinity(symmetricNeighbourGraph(lists));
  const columnCount = Math.max(1, Math.min(maxK, n));
  const solver = options.solver ?? (n > SPARSE_EIGEN_FROM ? 'sparse' : 'dense');
  if (solver === 'sparse') {
    // maxK + 1 eigenvalues: eigengapK up to maxK needs the gap after the maxK-th.
    const { values, vectors } = topEigenpairs(affinity, Math.min(columnCount + 1, n), { bounds: AFFINITY_SPECTRUM });
    const columns = vectors.slice(0, columnCount).map((vector) => withDeterministicSign(Array.from(vector)));
    return { vectors: normaliseRows(transpose(columns, n)), eigenvalues: values.map((value) => Math.max(0, 1 - value)) };
  }
  const decomposition = new EigenvalueDecomposition(toDense(affinity), { assumeSymmetric: true });
  const affinityEigenvalues = decomposition.realEigenvalues;
  const order = indicesByDescendingValue(affinityEigenvalues);
  const eigenvalues = order.map((i) => Math.max(0, 1 - affinityEigenvalues[i]));
  const columns = order.slice(0, columnCount).map((i) => withDeterministicSign(decomposition.eigenvectorMatrix.getColumn(i)));
  return { vectors: normaliseRows(transpose(columns, n)), eigenvalues };
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
  const initialCentres = options.start === 'ward' ? clusterMeans(firstColumns, wardLabels(firstColumns, k)) : undefined;
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

/** The k-nearest-neighbour graph before symmetrising: row i's chosen neighbours and edge weights. */
export interface NeighbourLists {
  /** indices[i]: the rows row i chose, most similar first (ties to the lower index). */
  indices: Int32Array[];
  /** weights[i][m]: max(cosine, SIMILARITY_FLOOR) of row i and indices[i][m]. */
  weights: Float64Array[];
}

/**
 * Row i's `neighbours` most cosine-similar other rows (ties to the lower index), weight
 * max(cosine, SIMILARITY_FLOOR). Cosines are computed with the norms so that rows not quite
 * unit length (or all-zero rows, cosine 0) still behave. Each pair's cosine is computed once
 * and offered to both rows; every row still sees its candidates in increasing index order,
 * so the choice is the same as scanning each row on its own. The products come from each
 * column's list of rows (rows are mostly zeros: one column per word of the vocabulary), so the
 * time is O(n² + Σ_columns (rows holding it)²) rather than O(n²·d); O(n·neighbours + non-zeros)
 * memory.
 */
export function cosineNeighbourLists(rows: number[][], neighbours: number): NeighbourLists {
  const n = rows.length;
  const count = Math.max(0, Math.min(neighbours, n - 1));
  const norms = rows.map((row) => Math.sqrt(dot(row, row)));
  const indices = Array.from({ length: n }, () => new Int32Array(count));
  const similarities = Array.from({ length: n }, () => new Float64Array(count));
  const sizes = new Int32Array(n);
  const offer = (row: number, candidate: number, similarity: number): void => {
    const chosen = indices[row];
    const values = similarities[row];
    let size = sizes[row];
    if (size === count) {
      if (similarity <= values[count - 1]) return;
      size--;
    }
    // A bounded insertion sort: an entry moves only past strictly smaller values.
    let position = size;
    while (position > 0 && values[position - 1] < similarity) {
      chosen[position] = chosen[position - 1];
      values[position] = values[position - 1];
      position--;
    }
    chosen[position] = candidate;
    values[position] = similarity;
    sizes[row] = size + 1;
  };
  const offerPair = (i: number, j: number, product: number): void => {
    const similarity = norms[i] === 0 || norms[j] === 0 ? 0 : product / (norms[i] * norms[j]);
    offer(i, j, similarity);
    offer(j, i, similarity);
  };
  if (count > 0) {
    const columns = postingLists(rows);
    const products = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      // Row i's dot product with every later row, from the rows holding each of its non-zero
      // columns: the terms of a pair are added in increasing column order, as dot() adds them,
      // and only its zero terms are left out, which never changes a sum (see postingLists).
      products.fill(0, i + 1);
      const a = rows[i];
      for (let c = 0; c < a.length; c++) {
        const x = a[c];
        if (x === 0) continue;
        const { rows: holding, values } = columns[c];
        for (let p = columns[c].after(i); p < holding.length; p++) products[holding[p]] += x * values[p];
      }
      for (let j = i + 1; j < n; j++) offerPair(i, j, products[j]);
    }
  }
  const weights = similarities.map((values) => values.map((value) => Math.max(value, SIMILARITY_FLOOR)));
  return { indices, weights };
}

/**
 * For each column, the rows where it is not zero (increasing) and their values there. A sum
 * that starts at +0 and adds the same non-zero terms in the same order as one that also adds
 * the zero terms gives the same number: adding ±0 to a non-zero sum leaves it, and neither sum
 * is ever −0 (+0 plus ±0 is +0). So products from these lists are dot()'s, bit for bit.
 */
function postingLists(rows: readonly number[][]): PostingList[] {
  const d = rows.length > 0 ? rows[0].length : 0;
  const counts = new Int32Array(d);
  for (const row of rows) for (let c = 0; c < d; c++) if (row[c] !== 0) counts[c]++;
  const lists = Array.from(counts, (count) => new PostingList(count));
  rows.forEach((row, r) => {
    for (let c = 0; c < d; c++) if (row[c] !== 0) lists[c].add(r, row[c]);
  });
  return lists;
}

class PostingList {
  readonly rows: Int32Array;
  readonly values: Float64Array;
  private filled = 0;
  private cursor = 0;

  constructor(size: number) {
    this.rows = new Int32Array(size);
    this.values = new Float64Array(size);
  }

  add(row: number, value: number): void {
    this.rows[this.filled] = row;
    this.values[this.filled++] = value;
  }

  /** The position of the first row after i; rows are asked for in increasing i, so it only moves forward. */
  after(i: number): number {
    while (this.cursor < this.rows.length && this.rows[this.cursor] <= i) this.cursor++;
    return this.cursor;
  }
}

/**
 * Row i's `neighbours` most similar other rows by a given similarity matrix (ties to the lower
 * index), weight max(similarity, SIMILARITY_FLOOR): cosineNeighbourLists for any similarity.
 */
export function similarityNeighbourLists(similarity: readonly Float64Array[], neighbours: number): NeighbourLists {
  const n = similarity.length;
  const count = Math.max(0, Math.min(neighbours, n - 1));
  const indices: Int32Array[] = [];
  const weights: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const row = similarity[i];
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== i);
    others.sort((a, b) => row[b] - row[a] || a - b);
    const chosen = others.slice(0, count);
    indices.push(Int32Array.from(chosen));
    weights.push(Float64Array.from(chosen, (j) => Math.max(row[j], SIMILARITY_FLOOR)));
  }
  return { indices, weights };
}

/**
 * W = max(W, Wᵀ) as a sparse matrix with each row's columns increasing: an edge exists if
 * either end picked the other. Unlike (W + Wᵀ)/2 this does not halve one-sided edges, which
 * are typically how a peripheral idea is attached.
 */
export function symmetricNeighbourGraph(lists: NeighbourLists): SparseSymmetricMatrix {
  const n = lists.indices.length;
  const entries: Array<Map<number, number>> = Array.from({ length: n }, () => new Map());
  const add = (i: number, j: number, weight: number) => entries[i].set(j, Math.max(entries[i].get(j) ?? 0, weight));
  lists.indices.forEach((chosen, i) =>
    chosen.forEach((j, m) => {
      add(i, j, lists.weights[i][m]);
      add(j, i, lists.weights[i][m]);
    }),
  );
  const rowStart = new Int32Array(n + 1);
  entries.forEach((row, i) => (rowStart[i + 1] = rowStart[i] + row.size));
  const columns = new Int32Array(rowStart[n]);
  const values = new Float64Array(rowStart[n]);
  entries.forEach((row, i) => {
    const sorted = [...row.keys()].sort((a, b) => a - b);
    sorted.forEach((j, m) => {
      columns[rowStart[i] + m] = j;
      values[rowStart[i] + m] = row.get(j)!;
    });
  });
  return { size: n, rowStart, columns, values };
}

/**
 * normalisedAffinity on a sparse W. Degrees are summed in increasing column order, so the
 * entries are bit for bit those of the dense version.
 */
export function sparseNormalisedAffinity(weights: SparseSymmetricMatrix): SparseSymmetricMatrix {
  const { size, rowStart, columns, values } = weights;
  const scale = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let degree = 0;
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) degree += values[p];
    scale[i] = degree > 0 ? 1 / Math.sqrt(degree) : 0;
  }
  const scaled = new Float64Array(values.length);
  for (let i = 0; i < size; i++) {
    for (let p = rowStart[i]; p < rowStart[i + 1]; p++) scaled[p] = values[p] * scale[i] * scale[columns[p]];
  }
  return { size, rowStart, columns, values: scaled };
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
