import { firstCopyOfEachRow, kmeansWithRestarts } from '../../src/cluster/kmeansRestarts';
import {
  SPECTRAL_ROW_LIMIT,
  clusterSpectralEmbedding,
  defaultNeighbours,
  eigengapK,
  spectralEmbedding,
} from '../../src/cluster/spectral';
import { cosineKnnWeights, normalisedAffinity, spectralClustering } from './spectralReference';
import { seededRandom } from '../../src/random';
import { axisBlobs as blobs, randomUnitRows, unit } from './synthetic';

/**
 * Two interleaved half-circles ("moons") in the plane, lifted onto the unit sphere by the
 * central projection (x, y) -> unit(x, y, 3). That projection maps lines to great circles,
 * so k-means' hyperplane cuts act like straight lines on the moons, and the moons' convex
 * hulls overlap: no line separates them. Row i is on moon i % 2. The gap between the moons
 * (0.75) exceeds the reach of a tip point's nearest neighbours, so the kNN graph is two chains.
 */
function moonsOnSphere(perMoon: number, noise: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: 2 * perMoon }, (_, i) => {
    const t = (Math.PI * Math.floor(i / 2)) / (perMoon - 1);
    const [x, y] = i % 2 === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.25 - Math.sin(t)];
    return unit([x - 0.5 + noise * (random() * 2 - 1), y - 0.1 + noise * (random() * 2 - 1), 3]);
  });
}

/** Fraction of rows misassigned under the best matching of two 2-cluster labellings. */
function twoClusterError(labels: number[], truth: number[]): number {
  const mismatches = labels.filter((label, i) => label !== truth[i]).length;
  return Math.min(mismatches, labels.length - mismatches) / labels.length;
}

function expectAllFinite(values: number[]): void {
  expect(values.filter((value) => !Number.isFinite(value))).toEqual([]);
}

describe('spectralClustering', () => {
  it('recovers well-separated blobs exactly', () => {
    const rows = blobs(3, 20, 10, 0.2, 1);
    const result = spectralClustering(rows, { k: 3, seed: 42 });
    expect(result.labels).toEqual(rows.map((_, i) => i % 3));
    expectAllFinite([...result.centroids.flat(), result.inertia]);
  });

  it('separates two interleaved moons that k-means splits wrongly', () => {
    const rows = moonsOnSphere(60, 0.03, 3);
    const truth = rows.map((_, i) => i % 2);
    expect(spectralClustering(rows, { k: 2, seed: 1 }).labels).toEqual(truth);
    expect(twoClusterError(kmeansWithRestarts(rows, { k: 2, seed: 1 }).labels, truth)).toBeGreaterThan(0.1);
  });

  it('is deterministic: same seed, same result, on every call', () => {
    const rows = randomUnitRows(120, 100, 8);
    const first = spectralClustering(rows, { k: 6, seed: 5 });
    for (let call = 0; call < 3; call++) {
      expect(spectralClustering(rows, { k: 6, seed: 5 })).toEqual(first);
    }
    expect(new Set(first.labels).size).toBe(6);
    expectAllFinite([...first.centroids.flat(), first.inertia]);
  });

  it('gives each row its own cluster when k >= n', () => {
    const rows = randomUnitRows(5, 4, 2);
    expect(spectralClustering(rows, { k: 5, seed: 1 }).labels).toEqual([0, 1, 2, 3, 4]);
    expect(spectralClustering(rows, { k: 9, seed: 1 }).labels).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps duplicate rows together and still recovers the blobs', () => {
    const distinct = blobs(3, 10, 8, 0.2, 4);
    const rows = Array.from({ length: 90 }, (_, i) => distinct[i % 30]);
    const result = spectralClustering(rows, { k: 3, seed: 2 });
    expect(result.labels).toEqual(rows.map((_, i) => i % 3));
    const firstCopy = firstCopyOfEachRow(rows);
    rows.forEach((_, i) => expect(result.labels[i]).toBe(result.labels[firstCopy[i]]));
  });

  it('clips k to the number of distinct rows', () => {
    const [a, b] = randomUnitRows(2, 3, 6);
    const result = spectralClustering([a, b, a, b, a], { k: 3, seed: 1 });
    expect(result.labels).toEqual([0, 1, 0, 1, 0]);
  });

  it('clusters the components of a disconnected graph', () => {
    // Orthogonal blobs larger than the neighbour count: every kNN edge stays inside a blob.
    const rows = blobs(3, 12, 6, 0.05, 9);
    const result = spectralClustering(rows, { k: 3, seed: 3, neighbours: 5 });
    expect(result.labels).toEqual(rows.map((_, i) => i % 3));
  });

  it('survives an all-zero row (an idea with no known words)', () => {
    const rows = [...blobs(3, 15, 10, 0.2, 2), new Array<number>(10).fill(0)];
    const result = spectralClustering(rows, { k: 3, seed: 1 });
    expect(result.labels.slice(0, 45)).toEqual(rows.slice(0, 45).map((_, i) => i % 3));
    expectAllFinite([...result.centroids.flat(), result.inertia]);
  });

  it('falls back to k-means on the rows above the dense eigen-decomposition limit', () => {
    const rows = blobs(3, Math.ceil((SPECTRAL_ROW_LIMIT + 1) / 3), 10, 0.2, 5);
    expect(spectralClustering(rows, { k: 3, seed: 1, restarts: 2 })).toEqual(
      kmeansWithRestarts(rows, { k: 3, seed: 1, restarts: 2 }),
    );
  });

  it('rejects a k that is not a positive integer before any work', () => {
    expect(() => spectralClustering(randomUnitRows(4, 2, 1), { k: 0, seed: 1 })).toThrow(RangeError);
  });

  it('can reuse one embedding for several k', () => {
    const rows = blobs(3, 20, 10, 0.2, 1);
    const embedding = spectralEmbedding(rows, 6);
    expect(clusterSpectralEmbedding(rows, embedding, { k: 3, seed: 42 }).labels).toEqual(
      spectralClustering(rows, { k: 3, seed: 42 }).labels,
    );
    expect(new Set(clusterSpectralEmbedding(rows, embedding, { k: 5, seed: 42 }).labels).size).toBe(5);
  });
});

describe('spectralEmbedding', () => {
  it('returns n × maxK unit rows and n ascending eigenvalues in [0, 2]', () => {
    const rows = randomUnitRows(60, 20, 3);
    const { vectors, eigenvalues } = spectralEmbedding(rows, 4);
    expect(vectors).toHaveLength(60);
    vectors.forEach((vector) => {
      expect(vector).toHaveLength(4);
      expect(Math.hypot(...vector)).toBeCloseTo(1, 10);
    });
    expect(eigenvalues).toHaveLength(60);
    expect(eigenvalues[0]).toBeCloseTo(0, 10);
    eigenvalues.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(i === 0 ? 0 : eigenvalues[i - 1]);
      expect(value).toBeLessThanOrEqual(2);
    });
  });

  it('is identical across calls', () => {
    const rows = randomUnitRows(50, 10, 4);
    expect(spectralEmbedding(rows, 5)).toEqual(spectralEmbedding(rows, 5));
  });

  it('has one zero Laplacian eigenvalue per connected component', () => {
    const { eigenvalues, vectors } = spectralEmbedding(blobs(3, 12, 6, 0.05, 9), 3, 5);
    eigenvalues.slice(0, 3).forEach((value) => expect(value).toBeLessThan(1e-10));
    expect(eigenvalues[3]).toBeGreaterThan(0.05);
    expectAllFinite(vectors.flat());
  });

  it('never produces NaN for isolated nodes, tiny inputs or zero rows', () => {
    const cases: Array<[number[][], number, number | undefined]> = [
      [[[1, 0]], 3, undefined],
      [[[1, 0], [0, 1]], 3, undefined],
      [randomUnitRows(6, 3, 1), 3, 0],
      [[[0, 0, 0], [0, 0, 0], [1, 0, 0], [0, 1, 0]], 2, undefined],
    ];
    for (const [rows, maxK, neighbours] of cases) {
      const { vectors, eigenvalues } = spectralEmbedding(rows, maxK, neighbours);
      expect(vectors).toHaveLength(rows.length);
      expectAllFinite([...vectors.flat(), ...eigenvalues]);
    }
    expect(spectralEmbedding([], 3)).toEqual({ vectors: [], eigenvalues: [] });
  });

  it('handles 120 random 100-d rows without NaN', () => {
    const { vectors, eigenvalues } = spectralEmbedding(randomUnitRows(120, 100, 12), 10);
    expectAllFinite([...vectors.flat(), ...eigenvalues]);
  });
});

describe('graph construction', () => {
  it('defaults to clip(round(sqrt(n)), 5, 15) neighbours, fewer than n', () => {
    expect([1, 2, 4, 20, 49, 100, 400, 5000].map(defaultNeighbours)).toEqual([0, 1, 3, 5, 7, 10, 15, 15]);
  });

  it('picks the most similar other rows, ties to the lower index, with a floor on the weight', () => {
    const rows = [
      [1, 0],
      [0, 1],
      [0, 1],
      [-1, 0],
    ];
    const weights = cosineKnnWeights(rows, 2);
    // Row 0 is orthogonal to rows 1 and 2 and opposite to row 3: it keeps 1 and 2 at the floor.
    expect(Array.from(weights[0])).toEqual([0, 1e-4, 1e-4, 0]);
    expect(Array.from(weights[1])).toEqual([1e-4, 0, 1, 0]);
  });

  it('gives a degree-0 node a zero row in the normalised affinity', () => {
    const weights = [new Float64Array([0, 1, 0]), new Float64Array([1, 0, 0]), new Float64Array([0, 0, 0])];
    const affinity = normalisedAffinity(weights).to2DArray();
    expect(affinity).toEqual([
      [0, 1, 0],
      [1, 0, 0],
      [0, 0, 0],
    ]);
  });

  it('fixes each eigenvector sign so its largest entry is positive', () => {
    // On a connected graph the top eigenvector is D^1/2·1 up to sign, all of one sign; once
    // fixed positive, the one-column row-normalised embedding is exactly 1 everywhere.
    const { vectors } = spectralEmbedding(randomUnitRows(30, 5, 2), 1);
    expect(vectors.map(([value]) => value)).toEqual(new Array(30).fill(1));
  });
});

describe('eigengapK', () => {
  it('picks 3 for three blobs', () => {
    const { eigenvalues } = spectralEmbedding(blobs(3, 20, 10, 0.2, 1), 3);
    expect(eigengapK(eigenvalues, 2, 10)).toBe(3);
  });

  it('finds the largest gap after the k-th eigenvalue, smallest k on ties', () => {
    expect(eigengapK([0, 0.1, 0.2, 0.8, 0.9], 1, 4)).toBe(3);
    expect(eigengapK([0, 0.5, 1, 1.5], 1, 3)).toBe(1);
    expect(eigengapK([0, 0.5, 1, 1.5], 2, 3)).toBe(2);
  });

  it('clips maxK to the available eigenvalues', () => {
    expect(eigengapK([0, 0, 0.9], 1, 10)).toBe(2);
    expect(eigengapK([0], 2, 10)).toBe(1);
    expect(eigengapK([], 2, 10)).toBe(1);
  });
});
