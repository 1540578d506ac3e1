import { markOutliers } from '../../src/cluster/outliers';
import { clusterRows } from '../../src/cluster/clusterRows';

describe('markOutliers', () => {
  const rows = [
    [1, 0, 0],
    [0.99, 0.14, 0],
    [0.98, 0, 0.2],
    [0, 0, 1], // put in theme 0 but unlike the rest of it
    [0, 1, 0],
    [0.1, 0.99, 0],
    [0, 0.7, 0.7], // alone in theme 2
  ];
  const labels = [0, 0, 0, 0, 1, 1, 2];

  it('sends ideas unlike the rest of their theme, and themes too small, to -1', () => {
    expect(markOutliers(rows, labels, { minSimilarity: 0.1, minThemeSize: 2 })).toEqual([0, 0, 0, -1, 1, 1, -1]);
  });

  it('keeps everything with no thresholds, and keeps -1 as it is', () => {
    expect(markOutliers(rows, labels, { minSimilarity: -1, minThemeSize: 1 })).toEqual(labels);
    expect(markOutliers(rows, [-1, 0, 0, 0, 1, 1, 1], { minSimilarity: -1, minThemeSize: 1 })).toEqual([-1, 0, 0, 0, 1, 1, 1]);
  });

  it('renumbers the surviving themes from 0', () => {
    expect(markOutliers(rows.slice(3), [0, 1, 1, 2], { minSimilarity: -1, minThemeSize: 2 })).toEqual([-1, 0, 0, -1]);
  });
});

describe('choosing k avoids groupings a report cannot use', () => {
  it('takes the best silhouette among the groupings the caller accepts', () => {
    // Two tight pairs and a tight triple: k = 3 separates them best, but is refused here.
    const rows = [
      [1, 0, 0],
      [0.99, 0.141, 0],
      [0, 1, 0],
      [0.141, 0.99, 0],
      [0, 0, 1],
      [0, 0.141, 0.99],
      [0.141, 0, 0.99],
      [0.1, 0.1, 0.99],
      [0, 0.2, 0.98],
    ];
    const options = { seed: 1, algorithm: 'kmeans' as const, chooseK: 'silhouette' as const, restarts: 5 };
    const count = (labels: readonly number[]) => new Set(labels).size;
    expect(count(clusterRows(rows, options))).toBe(3);
    expect(count(clusterRows(rows, { ...options, admissible: (labels) => count(labels) !== 3 }))).not.toBe(3);
    // When nothing is accepted, the best of all stands.
    expect(count(clusterRows(rows, { ...options, admissible: () => false }))).toBe(3);
  });
});
