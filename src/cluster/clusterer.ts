import { dot, normalise } from '../vectors/dense';
import { clusterMeans } from './clusterMeans';
import { clusterRows, ClusterOptions } from './clusterRows';

/**
 * One clustering method, in the shape of scikit-learn's estimators: `fit` learns clusters of
 * L2-normalised rows and returns plain data (a label per row and a centre per label); `predict`
 * places other rows of the same space by that data. The analysis takes any Clusterer
 * (`findThemes(notes, { clusterer })`); the default is `defaultClusterer` below. A new method is
 * one file: write its labels function and wrap it with `clustererFromLabels`.
 */
export interface Clusterer {
  readonly name: string;
  fit(rows: readonly number[][], request: ClusterRequest): Clustering;
  /** The cluster of each row by the fitted clustering (its nearest centre, for the methods here). */
  predict(clustering: Clustering, rows: readonly number[][]): number[];
}

/** What the analysis asks of a clusterer for one group of ideas. */
export interface ClusterRequest {
  /** Number of clusters, or undefined to choose it from the data. */
  k?: number;
  seed: number;
  /**
   * The rows' similarity (n × n) as the analysis measures it (it blends in a word-by-word
   * alignment for small groups); a method may use it in place of the rows' cosine.
   */
  similarity?: readonly Float64Array[];
  /** When choosing k: whether a clustering is one a report could use (not most ideas left over). */
  admissible?: (labels: readonly number[]) => boolean;
}

/** What a fit learned: labels 0..k−1 (one per row; −1 for a row put in no cluster) and each cluster's unit centre. */
export interface Clustering {
  labels: number[];
  centres: number[][];
}

/** The normalised mean of each cluster's rows, for labels 0..k−1 (rows labelled −1 count for none). */
export function clusterCentres(rows: readonly (readonly number[])[], labels: readonly number[]): number[][] {
  return clusterMeans(rows, labels).map((mean) => normalise(mean));
}

/** The cluster of each row: the centre of highest cosine (ties to the lower label). */
export function nearestCentre(centres: readonly (readonly number[])[], rows: readonly (readonly number[])[]): number[] {
  return rows.map((row) => {
    let best = -1;
    let bestSimilarity = -Infinity;
    centres.forEach((centre, c) => {
      const s = dot(row, centre);
      if (s > bestSimilarity) {
        bestSimilarity = s;
        best = c;
      }
    });
    return best;
  });
}

/** A Clusterer from a function that only labels rows (0..k−1, −1 for none): centres are the normalised means, predict the nearest centre. */
export function clustererFromLabels(name: string, labelRows: (rows: readonly number[][], request: ClusterRequest) => readonly number[]): Clusterer {
  return {
    name,
    fit(rows, request) {
      const labels = [...labelRows(rows, request)];
      return { labels, centres: clusterCentres(rows, labels) };
    },
    predict: (clustering, rows) => nearestCentre(clustering.centres, rows),
  };
}

/** Today's method (spectral clustering on the nearest-neighbour graph, Ward start, k-means refinement; k by silhouette), configured. */
export function defaultClusterer(config: Omit<ClusterOptions, 'k' | 'seed' | 'admissible'>): Clusterer {
  return clustererFromLabels(config.algorithm, (rows, request) =>
    clusterRows(rows as number[][], { ...config, k: request.k, seed: request.seed, admissible: request.admissible }, request.similarity),
  );
}
