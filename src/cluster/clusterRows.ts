import { bestByScore, candidateKs } from './chooseK';
import { kmeansWithRestarts } from './kmeansRestarts';
import { silhouette, similarityMatrix } from './silhouette';
import { clusterSpectralEmbedding, SPECTRAL_ROW_LIMIT, eigengapK, spectralEmbedding } from './spectral';
import { renumberLabels } from './renumberLabels';

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
  /**
   * When choosing k: whether a grouping is one a report could use (e.g. not most ideas left
   * over); the best silhouette among those that are wins, the best of all if none is.
   */
  admissible?: (labels: readonly number[]) => boolean;
}

/**
 * Labels 0..k−1 for L2-normalised rows. `similarity` (n × n), when given, stands for the rows'
 * cosine in the neighbour graph and in the silhouette that chooses k; k-means still works on
 * the rows.
 */
export function clusterRows(rows: number[][], options: ClusterOptions, similarity?: readonly Float64Array[]): number[] {
  const n = rows.length;
  if (n === 0) return [];
  const ks = options.k !== undefined ? [Math.min(options.k, n)] : candidateKs(n, options.maxK);
  if (ks.length === 0) return rows.map(() => 0);
  const spectral = options.algorithm === 'spectral' && n <= SPECTRAL_ROW_LIMIT;
  // Ward's tree costs O(n²) per k tried; past a few hundred ideas k-means++ restarts start as well.
  const start = n <= WARD_LIMIT ? options.start : 'kmeans++';
  const embedding = spectral ? spectralEmbedding(rows, Math.max(...ks), options.neighbours, { similarity }) : undefined;
  const fit = (k: number) =>
    embedding
      ? clusterSpectralEmbedding(rows, embedding, { k, seed: options.seed, restarts: options.restarts, start }).labels
      : kmeansWithRestarts(rows, { k, seed: options.seed, restarts: options.restarts }).labels;

  if (ks.length === 1) return fit(ks[0]);
  if (options.chooseK === 'sqrt') return fit(Math.max(2, Math.round(Math.sqrt(n / 2))));
  if (options.chooseK === 'eigengap' && embedding) return fit(eigengapK(embedding.eigenvalues, ks[0], ks[ks.length - 1]));
  // On large groups the silhouette of an evenly spread sample stands for the whole (as
  // scikit-learn's sample_size does), keeping the choice of k O(sample²) rather than O(n²).
  const sample = evenSample(n, SILHOUETTE_SAMPLE);
  const sampleSimilarity = similarity ? sample.map((i) => Float64Array.from(sample, (j) => similarity[i][j])) : similarityMatrix(sample.map((i) => rows[i]));
  const tried = ks.map((k) => {
    const labels = fit(k);
    return { k, labels, score: silhouette(sampleSimilarity, renumberLabels(sample.map((i) => labels[i]))) };
  });
  const usable = options.admissible ? tried.filter((t) => options.admissible!(t.labels)) : tried;
  return bestByScore(usable.length > 0 ? usable : tried)!.labels;
}

const WARD_LIMIT = 500;
const SILHOUETTE_SAMPLE = 600;

/** Every ⌈n/size⌉-th index, or all of them for small n: deterministic, spread over the input. */
function evenSample(n: number, size: number): number[] {
  const step = Math.max(1, Math.ceil(n / size));
  const indices: number[] = [];
  for (let i = 0; i < n; i += step) indices.push(i);
  return indices;
}
