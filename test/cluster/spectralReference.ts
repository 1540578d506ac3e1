/**
 * Dense reference versions of the spectral stages, for tests only: the program works on the
 * sparse graph (sparseEigen.ts), and these n × n forms check it bit for bit on small inputs.
 */
import { Matrix } from 'ml-matrix';
import { Clustering, firstCopyOfEachRow, kmeansWithRestarts } from '../../src/cluster/kmeansRestarts';
import { clusterSpectralEmbedding, cosineNeighbourLists, SPECTRAL_ROW_LIMIT, spectralEmbedding, SpectralOptions } from '../../src/cluster/spectral';

/**
 * Spectral clustering: k-means with restarts on the first k embedding columns, rows
 * re-normalised. Centroids and inertia are reported in the space of `rows`, so results
 * compare with kmeansWithRestarts. Identical rows always share a label. Falls back to
 * kmeansWithRestarts on the rows themselves above SPECTRAL_ROW_LIMIT rows, or when k is at
 * least the number of distinct rows (then every distinct row is its own cluster anyway).
 */
export function spectralClustering(rows: number[][], options: SpectralOptions): Clustering {
  const { k, seed, restarts } = options;
  // Checked here too so a bad k fails before, not after, the eigen-decomposition.
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const firstCopy = firstCopyOfEachRow(rows);
  const distinctRows = firstCopy.filter((first, i) => first === i).length;
  if (rows.length > SPECTRAL_ROW_LIMIT || k >= distinctRows) {
    return kmeansWithRestarts(rows, { k, seed, restarts });
  }
  return clusterSpectralEmbedding(rows, spectralEmbedding(rows, k, options.neighbours), options);
}

/**
 * Row i holds weights to its `neighbours` most cosine-similar other rows, as an n × n dense
 * matrix (see cosineNeighbourLists).
 */
export function cosineKnnWeights(rows: number[][], neighbours: number): Float64Array[] {
  const n = rows.length;
  const { indices, weights } = cosineNeighbourLists(rows, neighbours);
  return indices.map((chosen, i) => {
    const row = new Float64Array(n);
    chosen.forEach((j, m) => (row[j] = weights[i][m]));
    return row;
  });
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

