import {
  fillEmptyClusters,
  firstCopyOfEachRow,
  kmeansWithRestarts,
  summariseClustering,
} from '../../src/cluster/kmeansRestarts';
import { axisBlobs as blobs, randomUnitRows, unit } from './synthetic';
import { renumberLabels } from '../../src/cluster/renumberLabels';

function expectCompactLabels(labels: number[], clusterCount: number): void {
  expect(new Set(labels)).toEqual(new Set(Array.from({ length: clusterCount }, (_, c) => c)));
  expect(renumberLabels(labels)).toEqual(labels);
}

function expectNoNaN(values: number[]): void {
  expect(values.filter((value) => !Number.isFinite(value))).toEqual([]);
}

describe('kmeansWithRestarts', () => {
  it('recovers well-separated blobs exactly, labelled in order of first row', () => {
    const rows = blobs(3, 20, 10, 0.2, 1);
    const result = kmeansWithRestarts(rows, { k: 3, seed: 42 });
    expect(result.labels).toEqual(rows.map((_, i) => i % 3));
    expect(result.centroids).toHaveLength(3);
    expectNoNaN([...result.centroids.flat(), result.inertia]);
  });

  it('reports the inertia of the returned labels and centroids', () => {
    const rows = randomUnitRows(40, 5, 3);
    const result = kmeansWithRestarts(rows, { k: 4, seed: 1 });
    expect(summariseClustering(rows, result.labels).inertia).toBeCloseTo(result.inertia, 10);
  });

  it('is deterministic: same seed, same labels, on every call', () => {
    const rows = randomUnitRows(80, 8, 5);
    const first = kmeansWithRestarts(rows, { k: 5, seed: 7 });
    for (let call = 0; call < 3; call++) {
      expect(kmeansWithRestarts(rows, { k: 5, seed: 7 })).toEqual(first);
    }
  });

  it('never does worse with more restarts (the first runs are shared)', () => {
    const rows = randomUnitRows(100, 6, 11);
    const one = kmeansWithRestarts(rows, { k: 6, seed: 3, restarts: 1 });
    const ten = kmeansWithRestarts(rows, { k: 6, seed: 3, restarts: 10 });
    expect(ten.inertia).toBeLessThanOrEqual(one.inertia);
  });

  it('always returns exactly k non-empty, compactly numbered clusters when rows are distinct', () => {
    for (const k of [2, 7, 15, 29]) {
      const rows = randomUnitRows(30, 3, k);
      const result = kmeansWithRestarts(rows, { k, seed: k, restarts: 3 });
      expectCompactLabels(result.labels, k);
      expect(result.centroids).toHaveLength(k);
    }
  });

  it('gives each row its own cluster when k >= n', () => {
    const rows = randomUnitRows(5, 4, 2);
    for (const k of [5, 6, 50]) {
      const result = kmeansWithRestarts(rows, { k, seed: 1 });
      expect(result.labels).toEqual([0, 1, 2, 3, 4]);
      expect(result.centroids).toEqual(rows);
      expect(result.inertia).toBe(0);
    }
  });

  it('clips k to the number of distinct rows and keeps copies together', () => {
    const [a, b, c] = randomUnitRows(3, 4, 9);
    const rows = [a, b, a, c, b, a];
    const result = kmeansWithRestarts(rows, { k: 4, seed: 1 });
    expect(result.labels).toEqual([0, 1, 0, 2, 1, 0]);
    expect(result.inertia).toBe(0);
  });

  it('handles rows that are all identical', () => {
    const rows = Array.from({ length: 12 }, () => unit([1, 2, 3]));
    const result = kmeansWithRestarts(rows, { k: 3, seed: 1 });
    expect(result.labels).toEqual(new Array(12).fill(0));
    expect(result.centroids).toHaveLength(1);
    result.centroids[0].forEach((value, d) => expect(value).toBeCloseTo(rows[0][d], 12));
    expect(result.inertia).toBeLessThan(1e-20);
  });

  it('puts identical rows in the same cluster when there are more distinct rows than k', () => {
    const distinct = randomUnitRows(10, 3, 4);
    const rows = Array.from({ length: 60 }, (_, i) => distinct[(i * 7) % 10]);
    const result = kmeansWithRestarts(rows, { k: 4, seed: 2 });
    expectCompactLabels(result.labels, 4);
    const firstCopy = firstCopyOfEachRow(rows);
    rows.forEach((_, i) => expect(result.labels[i]).toBe(result.labels[firstCopy[i]]));
    expectNoNaN([...result.centroids.flat(), result.inertia]);
  });

  it('handles no rows, a single row and k = 1', () => {
    expect(kmeansWithRestarts([], { k: 3, seed: 1 })).toEqual({ labels: [], centroids: [], inertia: 0 });
    expect(kmeansWithRestarts([[1, 0]], { k: 3, seed: 1 })).toEqual({ labels: [0], centroids: [[1, 0]], inertia: 0 });
    const rows = randomUnitRows(10, 3, 1);
    expect(kmeansWithRestarts(rows, { k: 1, seed: 1 }).labels).toEqual(new Array(10).fill(0));
  });

  it('renumbers labels by first occurrence', () => {
    expect(renumberLabels([4, 4, 1, 7, 1])).toEqual([0, 0, 1, 2, 1]);
  });

  it('fills an empty cluster with the row farthest from its centroid, with its copies', () => {
    // ml-kmeans keeps an empty cluster's old centre and leaves a gap in the labels.
    const rows = [[0], [1], [10], [10], [10], [14], [14]];
    const labels = [0, 0, 2, 2, 2, 2, 2];
    expect(fillEmptyClusters(rows, labels, 3, firstCopyOfEachRow(rows))).toEqual([0, 0, 2, 2, 2, 1, 1]);
    // Ties go to the lowest row index; each empty cluster is filled in turn.
    expect(fillEmptyClusters([[0], [1], [2]], [0, 0, 0], 3, [0, 1, 2])).toEqual([1, 2, 0]);
  });

  it('rejects a k, restarts or maxIterations that is not a positive integer', () => {
    const rows = randomUnitRows(4, 2, 1);
    expect(() => kmeansWithRestarts(rows, { k: 0, seed: 1 })).toThrow(RangeError);
    expect(() => kmeansWithRestarts(rows, { k: 1.5, seed: 1 })).toThrow(RangeError);
    expect(() => kmeansWithRestarts(rows, { k: 2, seed: 1, restarts: 0 })).toThrow(RangeError);
    expect(() => kmeansWithRestarts(rows, { k: 2, seed: 1, maxIterations: 0 })).toThrow(RangeError);
  });
});
