/**
 * k-means with several k-means++ restarts on top of ml-kmeans.
 *
 * ml-kmeans runs a single initialisation, reports no inertia, may leave a cluster empty
 * (it keeps the empty cluster's previous centre, so label ids can have gaps) and throws
 * when k exceeds the number of distinct rows (its k-means++ probabilities become 0/0).
 * This module wraps it so that callers always get a compact, deterministic clustering.
 */
import { kmeans } from 'ml-kmeans';
import { deriveSeed, Random, seededRandom } from '../random';
import { clusterMeans } from './clusterMeans';
import { renumberLabels } from './renumberLabels';

export interface KMeansOptions {
  k: number;
  seed: number;
  /** Number of k-means++ initialisations; the lowest inertia wins. Default 10. */
  restarts?: number;
  /** Lloyd iterations per restart. Default 100. */
  maxIterations?: number;
  /**
   * Start from these k centres instead of k-means++ (one run, `restarts` ignored): for a
   * deterministic start such as Ward's clusters.
   */
  initialCentres?: number[][];
}

export interface Clustering {
  /** Cluster of each row, numbered 0.. in order of each cluster's lowest row index. */
  labels: number[];
  /** Mean of the rows of each cluster, indexed by label. */
  centroids: number[][];
  /** Sum over rows of the squared Euclidean distance to the row's centroid. */
  inertia: number;
}

const DEFAULT_RESTARTS = 10;
const DEFAULT_MAX_ITERATIONS = 100;

/**
 * k-means++ (ml-kmeans) several times from seeds derived from `seed`, keeping the lowest
 * inertia. Rows should be L2-normalised by the caller. Labels are renumbered
 * deterministically: the cluster containing the lowest row index is 0, and so on.
 * k is clipped to the number of distinct rows; when that many clusters are asked for,
 * each distinct row becomes its own cluster without running k-means. Identical rows
 * always share a label, and no label in the output is empty, so the output can have
 * fewer than `k` clusters only when there are fewer than `k` distinct rows.
 */
export function kmeansWithRestarts(rows: number[][], options: KMeansOptions): Clustering {
  const restarts = options.restarts ?? DEFAULT_RESTARTS;
  const maxIterations = options.maxIterations ?? DEFAULT_MAX_ITERATIONS;
  validateOptions(options.k, restarts, maxIterations);
  if (rows.length === 0) return { labels: [], centroids: [], inertia: 0 };

  const firstCopy = firstCopyOfEachRow(rows);
  const distinctRows = firstCopy.filter((first, i) => first === i).length;
  const k = Math.min(options.k, distinctRows);
  if (k === distinctRows) return summariseClustering(rows, firstCopy);

  if (options.initialCentres && options.initialCentres.length === k) {
    const result = kmeans(rows, k, { initialization: options.initialCentres.map((c) => c.slice()), seed: options.seed, maxIterations });
    return summariseClustering(rows, fillEmptyClusters(rows, Array.from(result.clusters), k, firstCopy));
  }

  let best: Clustering | undefined;
  for (let run = 0; run < restarts; run++) {
    const labels = runKMeansOnce(rows, k, deriveSeed(options.seed, run), maxIterations);
    const candidate = summariseClustering(rows, fillEmptyClusters(rows, labels, k, firstCopy));
    // Strict comparison keeps the earliest run on ties, so the result is reproducible.
    if (best === undefined || candidate.inertia < best.inertia) best = candidate;
  }
  return best as Clustering;
}

function validateOptions(k: number, restarts: number, maxIterations: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  if (!Number.isInteger(restarts) || restarts < 1) {
    throw new RangeError(`restarts must be a positive integer, got ${restarts}`);
  }
  // ml-kmeans treats maxIterations = 0 as "iterate until convergence", which may never end.
  if (!Number.isInteger(maxIterations) || maxIterations < 1) {
    throw new RangeError(`maxIterations must be a positive integer, got ${maxIterations}`);
  }
}

/**
 * One ml-kmeans run from k-means++ centres chosen here. ml-kmeans' own k-means++ tries several
 * candidates per centre over full distance matrices, which made it most of a run's time; the
 * plain D² sampling of Arthur & Vassilvitskii (2007) is as good a start at a fraction of the cost.
 */
function runKMeansOnce(rows: number[][], k: number, seed: number, maxIterations: number): number[] {
  const result = kmeans(rows, k, { initialization: kmeansPlusPlusCentres(rows, k, seededRandom(seed)), seed, maxIterations });
  // ml-kmeans reuses one array for every iteration's assignments; copy it.
  return Array.from(result.clusters);
}

/**
 * For each row, the index of the first row with exactly the same values (itself if it
 * is the first). Rows are bucketed by a cheap numeric hash and compared value by value
 * within a bucket: turning every number into text was most of the cost of a run.
 */
export function firstCopyOfEachRow(rows: number[][]): number[] {
  const buckets = new Map<number, number[]>();
  return rows.map((row, i) => {
    const hash = rowHash(row);
    const bucket = buckets.get(hash);
    if (bucket) {
      for (const j of bucket) if (sameValues(rows[j], row)) return j;
      bucket.push(i);
    } else {
      buckets.set(hash, [i]);
    }
    return i;
  });
}

function rowHash(row: readonly number[]): number {
  let hash = row.length;
  for (let d = 0; d < row.length; d++) hash = (Math.imul(hash, 31) + Math.round(row[d] * 1e9)) | 0;
  return hash;
}

function sameValues(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let d = 0; d < a.length; d++) if (a[d] !== b[d]) return false;
  return true;
}

/**
 * Gives every empty cluster the row farthest from its centroid (together with that
 * row's identical copies), taken from a cluster that keeps at least one other row.
 * Moving a point out to a singleton never raises inertia, and this keeps the promise
 * of exactly k non-empty clusters whenever there are at least k distinct rows.
 */
export function fillEmptyClusters(rows: number[][], labels: number[], k: number, firstCopy: number[]): number[] {
  const filled = labels.slice();
  for (let empty = 0; empty < k; empty++) {
    if (filled.includes(empty)) continue;
    const farthest = farthestRowInSharedCluster(rows, filled, k);
    if (farthest < 0) break;
    const from = filled[farthest];
    for (let i = 0; i < rows.length; i++) {
      if (filled[i] === from && firstCopy[i] === firstCopy[farthest]) filled[i] = empty;
    }
  }
  return filled;
}

/** Row with the largest positive distance to its centroid (lowest index on ties), or -1. */
function farthestRowInSharedCluster(rows: number[][], labels: number[], k: number): number {
  const centroids = clusterMeans(rows, labels, k);
  let farthest = -1;
  let farthestDistance = 0;
  rows.forEach((row, i) => {
    const distance = squaredDistance(row, centroids[labels[i]]);
    if (distance > farthestDistance) {
      farthest = i;
      farthestDistance = distance;
    }
  });
  // A positive distance implies the cluster holds another, different row, so it stays non-empty.
  return farthest;
}

/**
 * Builds a Clustering from arbitrary labels: renumbers them by first occurrence (dropping
 * unused ids), and computes centroids and inertia in the space of `rows`.
 */
export function summariseClustering(rows: number[][], labels: number[]): Clustering {
  const renumbered = renumberLabels(labels);
  const clusterCount = renumbered.length === 0 ? 0 : Math.max(...renumbered) + 1;
  const centroids = clusterMeans(rows, renumbered, clusterCount);
  let inertia = 0;
  rows.forEach((row, i) => {
    inertia += squaredDistance(row, centroids[renumbered[i]]);
  });
  return { labels: renumbered, centroids, inertia };
}

function squaredDistance(a: number[], b: number[]): number {
  let total = 0;
  for (let d = 0; d < a.length; d++) {
    const difference = a[d] - b[d];
    total += difference * difference;
  }
  return total;
}

/** k-means++ seeding: each next centre drawn with probability proportional to D², the squared distance to the nearest centre so far. */
export function kmeansPlusPlusCentres(rows: readonly number[][], k: number, random: Random): number[][] {
  const n = rows.length;
  const nearest = new Float64Array(n).fill(Infinity);
  const centres: number[][] = [rows[Math.floor(random() * n)]];
  while (centres.length < k) {
    const last = centres[centres.length - 1];
    let total = 0;
    for (let i = 0; i < n; i++) {
      const row = rows[i];
      let d = 0;
      for (let j = 0; j < row.length; j++) d += (row[j] - last[j]) ** 2;
      if (d < nearest[i]) nearest[i] = d;
      total += nearest[i];
    }
    if (total === 0) break;
    let target = random() * total;
    let chosen = n - 1;
    for (let i = 0; i < n; i++) {
      target -= nearest[i];
      if (target < 0) {
        chosen = i;
        break;
      }
    }
    centres.push(rows[chosen]);
  }
  return centres.map((c) => c.slice());
}
