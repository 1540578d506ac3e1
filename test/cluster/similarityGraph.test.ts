import { clusterRows } from '../../src/cluster/clusterRows';
import { cosineNeighbourLists, similarityNeighbourLists } from '../../src/cluster/spectral';
import { similarityMatrix } from '../../src/cluster/silhouette';
import { noisyBlobs, randomUnitRows } from './synthetic';

const options = { seed: 1, algorithm: 'spectral' as const, chooseK: 'silhouette' as const, start: 'ward' as const, restarts: 5 };

describe('similarityNeighbourLists', () => {
  it('chooses what cosineNeighbourLists chooses when given the rows cosine', () => {
    const rows = noisyBlobs(3, 40, 20, 2, 5);
    const fromRows = cosineNeighbourLists(rows, 7);
    const fromMatrix = similarityNeighbourLists(similarityMatrix(rows), 7);
    expect(fromMatrix.indices.map((a) => Array.from(a))).toEqual(fromRows.indices.map((a) => Array.from(a)));
    fromMatrix.weights.forEach((w, i) => Array.from(w).forEach((x, m) => expect(x).toBeCloseTo(fromRows.weights[i][m], 12)));
  });

  it('breaks ties to the lower index and floors weights', () => {
    const s = [new Float64Array([1, 0.5, 0.5, -1]), new Float64Array([0.5, 1, 0, 0]), new Float64Array([0.5, 0, 1, 0]), new Float64Array([-1, 0, 0, 1])];
    const { indices, weights } = similarityNeighbourLists(s, 2);
    expect(Array.from(indices[0])).toEqual([1, 2]);
    expect(Array.from(indices[3])).toEqual([1, 2]);
    expect(Array.from(weights[3])).toEqual([1e-4, 1e-4]);
  });
});

describe('clusterRows with a similarity matrix', () => {
  // Rows with no structure of their own, and a similarity that says there are three groups.
  const rows = randomUnitRows(30, 8, 3);
  const group = (i: number) => Math.floor(i / 10);
  const similarity = rows.map((_, i) => Float64Array.from(rows, (__, j) => (i === j ? 1 : group(i) === group(j) ? 0.8 : 0.05)));

  it('follows the similarity in the graph and in the choice of k', () => {
    const labels = clusterRows(rows, { ...options, maxK: 6 }, similarity);
    expect(new Set(labels.slice(0, 10)).size).toBe(1);
    expect(new Set(labels.slice(10, 20)).size).toBe(1);
    expect(new Set(labels.slice(20, 30)).size).toBe(1);
    expect(new Set(labels).size).toBe(3);
  });

  it('is the same as without it when the similarity is the rows cosine', () => {
    const blobs = noisyBlobs(4, 60, 30, 2.5, 9);
    expect(clusterRows(blobs, { ...options, maxK: 8 }, similarityMatrix(blobs))).toEqual(clusterRows(blobs, { ...options, maxK: 8 }));
  });
});
