import { cutDendrogram, wardDendrogram, wardLabels } from '../../src/cluster/ward';

describe('Ward clustering', () => {
  // Points and merge heights from scipy.cluster.hierarchy.linkage(X, 'ward'); scipy's height h
  // is √(2·cost) in our terms, so cost = h² / 2.
  const points = [
    [0.551, 0.708, 0.291], [0.511, 0.893, 0.896], [0.126, 0.207, 0.051], [0.441, 0.03, 0.457],
    [0.649, 0.278, 0.676], [0.591, 0.024, 0.559], [0.259, 0.415, 0.284], [0.693, 0.44, 0.157],
    [0.545, 0.78, 0.306], [0.222, 0.388, 0.936], [0.976, 0.672, 0.903], [0.846, 0.378, 0.092],
  ];
  const scipyCosts = [0.0027225, 0.015739, 0.01647, 0.057621, 0.0726093333, 0.1325575, 0.19156325, 0.2473254167, 0.3864204167, 0.6580034167, 0.9239054167];

  it('builds the same tree as scipy', () => {
    const merges = wardDendrogram(points);
    expect(merges).toHaveLength(points.length - 1);
    merges.forEach((m, i) => expect(m.cost).toBeCloseTo(scipyCosts[i], 8));
  });

  it('cuts into k groups, from singletons to one group', () => {
    const merges = wardDendrogram(points);
    expect(cutDendrogram(merges, points.length, points.length)).toEqual(points.map((_, i) => i));
    expect(new Set(cutDendrogram(merges, points.length, 1))).toEqual(new Set([0]));
    expect(new Set(cutDendrogram(merges, points.length, 4)).size).toBe(4);
  });

  it('separates two far-apart blobs, deterministically', () => {
    const blobs = [[0, 0], [0.1, 0], [0, 0.1], [5, 5], [5.1, 5], [5, 5.1]];
    expect(wardLabels(blobs, 2)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(wardLabels(blobs, 2)).toEqual(wardLabels(blobs, 2));
  });

  it('handles duplicates and a single point', () => {
    expect(wardLabels([[1, 1], [1, 1], [1, 1]], 2)).toHaveLength(3);
    expect(wardLabels([[1, 2]], 1)).toEqual([0]);
  });
});
