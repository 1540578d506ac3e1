import { clusterRows } from '../../src/cluster/clusterRows';
import { cosineNeighbourLists, similarityNeighbourLists } from '../../src/cluster/spectral';
import { similarityMatrix } from '../../src/cluster/silhouette';
import { noisyBlobs, randomUnitRows } from './synthetic';
import { dot } from '../../src/vectors/dense';
import { seededRandom } from '../../src/random';

/** The neighbour lists by dense dot products of every pair, in the order the lists are offered them. */
function denseNeighbourLists(rows: number[][], neighbours: number) {
  const n = rows.length;
  const count = Math.min(neighbours, n - 1);
  const norms = rows.map((r) => Math.sqrt(dot(r, r)));
  const lists = rows.map(() => [] as { j: number; s: number }[]);
  const offer = (i: number, j: number, s: number) => {
    const list = lists[i];
    if (list.length === count && s <= list[count - 1].s) return;
    if (list.length === count) list.pop();
    let p = list.length;
    while (p > 0 && list[p - 1].s < s) p--;
    list.splice(p, 0, { j, s });
  };
  for (let i = 0; i < n; i++)
    for (let j = i + 1; j < n; j++) {
      const s = norms[i] === 0 || norms[j] === 0 ? 0 : dot(rows[i], rows[j]) / (norms[i] * norms[j]);
      offer(i, j, s);
      offer(j, i, s);
    }
  return lists;
}

const options = { seed: 1, algorithm: 'spectral' as const, chooseK: 'silhouette' as const, start: 'ward' as const, restarts: 5 };

describe('cosineNeighbourLists', () => {
  it('gives the dense dot products bit for bit on mostly-zero rows, with ties, negative values and empty rows', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const columns = 5 + Math.floor(random() * 40);
      const rows = Array.from({ length: 2 + Math.floor(random() * 60) }, () =>
        Array.from({ length: columns }, () => (random() < 0.8 ? 0 : random() < 0.3 ? 0.5 : random() * 2 - 1)),
      );
      rows.push(rows[0].slice(), new Array(columns).fill(0));
      const lists = cosineNeighbourLists(rows, 1 + Math.floor(random() * 8));
      const expected = denseNeighbourLists(rows, lists.indices[0].length);
      expect(lists.indices.map((a) => Array.from(a))).toEqual(expected.map((l) => l.map((e) => e.j)));
      expect(lists.weights.map((a) => Array.from(a))).toEqual(expected.map((l) => l.map((e) => Math.max(e.s, 1e-4))));
    }
  });
});

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
