import { chooseKBySilhouette } from '../../src/cluster/chooseK';
import { silhouetteValues, silhouette } from '../../src/cluster/silhouette';

describe('chooseKBySilhouette', () => {
  // k = 4 is best on average but no better than k = 2 within the noise of its ideas.
  const trials = [
    { k: 2, values: [0.36, 0.56, 0.46, 0.66, 0.26, 0.46] },
    { k: 3, values: [0.1, 0.2, 0.1, 0.2, 0.1, 0.2] },
    { k: 4, values: [0.4, 0.6, 0.5, 0.7, 0.3, 0.5] },
  ];

  it('"best" takes the highest mean silhouette', () => {
    expect(chooseKBySilhouette(trials, 'best')).toBe(4);
  });

  it('"oneStandardError" takes the smallest k within one standard error of the best', () => {
    expect(chooseKBySilhouette(trials, 'oneStandardError')).toBe(2);
  });
});

describe('silhouetteValues', () => {
  it('averages to the mean silhouette', () => {
    const similarity = [
      [1, 0.9, 0.1, 0.2],
      [0.9, 1, 0.2, 0.1],
      [0.1, 0.2, 1, 0.8],
      [0.2, 0.1, 0.8, 1],
    ].map((r) => Float64Array.from(r));
    const values = silhouetteValues(similarity, [0, 0, 1, 1]);
    expect(values).toHaveLength(4);
    expect(values.reduce((s, v) => s + v, 0) / 4).toBeCloseTo(silhouette(similarity, [0, 0, 1, 1]), 12);
    expect(silhouetteValues(similarity, [0, 0, 0, 0])).toEqual([]);
  });
});
