import { bestByScore, candidateKs } from './chooseK';
import { kmeansWithRestarts } from './kmeansRestarts';
import { silhouette, similarityMatrix } from './silhouette';
import { clusterSpectralEmbedding, DENSE_EIGEN_LIMIT, eigengapK, spectralEmbedding } from './spectral';

export type Algorithm = 'spectral' | 'kmeans';
export type KChoice = 'silhouette' | 'eigengap' | 'sqrt';

export interface ClusterOptions {
  /** Fixed number of clusters, or undefined to choose it. */
  k?: number;
  seed: number;
  algorithm: Algorithm;
  chooseK: KChoice;
  /** Nearest neighbours in the spectral graph; undefined for clip(√n, 5, 15). */
  neighbours?: number;
  maxK?: number;
  /** k-means runs from different seeds, the best kept. */
  restarts?: number;
  /** How k-means on a spectral embedding starts (see SpectralOptions.start). */
  start?: 'ward' | 'kmeans++';
}

/** Labels 0..k−1 for L2-normalised rows. */
export function clusterRows(rows: number[][], options: ClusterOptions): number[] {
  const n = rows.length;
  if (n === 0) return [];
  const ks = options.k !== undefined ? [Math.min(options.k, n)] : candidateKs(n, options.maxK);
  if (ks.length === 0) return rows.map(() => 0);
  const spectral = options.algorithm === 'spectral' && n <= DENSE_EIGEN_LIMIT;
  const embedding = spectral ? spectralEmbedding(rows, Math.max(...ks), options.neighbours) : undefined;
  const fit = (k: number) =>
    embedding
      ? clusterSpectralEmbedding(rows, embedding, { k, seed: options.seed, restarts: options.restarts, start: options.start }).labels
      : kmeansWithRestarts(rows, { k, seed: options.seed, restarts: options.restarts }).labels;

  if (ks.length === 1) return fit(ks[0]);
  if (options.chooseK === 'sqrt') return fit(Math.max(2, Math.round(Math.sqrt(n / 2))));
  if (options.chooseK === 'eigengap' && embedding) return fit(eigengapK(embedding.eigenvalues, ks[0], ks[ks.length - 1]));
  const similarity = similarityMatrix(rows);
  const tried = ks.map((k) => {
    const labels = fit(k);
    return { k, labels, score: silhouette(similarity, labels) };
  });
  return bestByScore(tried)!.labels;
}
