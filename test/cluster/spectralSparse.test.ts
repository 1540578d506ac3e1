import {
  clusterSpectralEmbedding,
  SPARSE_EIGEN_FROM,
  spectralEmbedding,
  SPECTRAL_ROW_LIMIT,
} from '../../src/cluster/spectral';
import { spectralClustering } from './spectralReference';
import { seededRandom } from '../../src/random';
import { axisBlobs, noisyBlobs, unit } from './synthetic';

/** Share of rows whose label's most common true class is their own class. */
function majorityAgreement(labels: number[], truth: number[]): number {
  const counts = new Map<number, Map<number, number>>();
  labels.forEach((label, i) => {
    const row = counts.get(label) ?? new Map<number, number>();
    row.set(truth[i], (row.get(truth[i]) ?? 0) + 1);
    counts.set(label, row);
  });
  const agreeing = [...counts.values()].reduce((sum, row) => sum + Math.max(...row.values()), 0);
  return agreeing / labels.length;
}

const dot = (a: number[], b: number[]) => a.reduce((sum, x, i) => sum + x * b[i], 0);

describe('spectralEmbedding with the sparse solver', () => {
  it('on 8 disconnected blobs: 8 zero Laplacian eigenvalues, one embedding direction per blob, blobs recovered', () => {
    const rows = axisBlobs(8, 40, 16, 0.05, 1);
    const truth = rows.map((_, i) => i % 8);
    const sparse = spectralEmbedding(rows, 8, 10, { solver: 'sparse' });
    const dense = spectralEmbedding(rows, 8, 10, { solver: 'dense' });
    expect(sparse.eigenvalues).toHaveLength(9);
    sparse.eigenvalues.slice(0, 8).forEach((value) => expect(value).toBeLessThan(1e-10));
    expect(sparse.eigenvalues[8]).toBeGreaterThan(0.05);
    sparse.eigenvalues.forEach((value, i) => expect(Math.abs(value - dense.eigenvalues[i])).toBeLessThan(1e-6));

    // Spanning all 8 indicator directions means: rows of one blob coincide, rows of two blobs are orthogonal.
    const representative = Array.from({ length: 8 }, (_, blob) => sparse.vectors[blob]);
    sparse.vectors.forEach((row, i) => {
      representative.forEach((other, blob) => expect(Math.abs(dot(row, other) - (blob === i % 8 ? 1 : 0))).toBeLessThan(1e-8));
    });

    expect(clusterSpectralEmbedding(rows, sparse, { k: 8, seed: 1, start: 'ward' }).labels).toEqual(truth);
    expect(clusterSpectralEmbedding(rows, sparse, { k: 8, seed: 1 }).labels).toEqual(truth);
  });

  it('on ~400 connected noisy rows: the same eigenvalues and the same clustering as the dense solver', () => {
    const rows = noisyBlobs(8, 400, 100, 2.5, 2);
    const sparse = spectralEmbedding(rows, 10, undefined, { solver: 'sparse' });
    const dense = spectralEmbedding(rows, 10, undefined, { solver: 'dense' });
    expect(dense.eigenvalues[1]).toBeGreaterThan(1e-3); // connected
    expect(sparse.eigenvalues).toHaveLength(11);
    sparse.eigenvalues.forEach((value, i) => expect(Math.abs(value - dense.eigenvalues[i])).toBeLessThan(1e-6));
    const options = { k: 8, seed: 3, start: 'ward' as const };
    const labels = clusterSpectralEmbedding(rows, sparse, options).labels;
    expect(labels).toEqual(clusterSpectralEmbedding(rows, dense, options).labels);
    // Noisy enough that a few rows sit closer to another blob, but most are recovered.
    expect(majorityAgreement(labels, rows.map((_, i) => i % 8))).toBeGreaterThan(0.9);
  });

  it('is the default above SPARSE_EIGEN_FROM rows, dense up to it, and identical across calls', () => {
    const above = noisyBlobs(4, SPARSE_EIGEN_FROM + 1, 20, 2, 3);
    const embedding = spectralEmbedding(above, 5);
    expect(embedding).toEqual(spectralEmbedding(above, 5, undefined, { solver: 'sparse' }));
    expect(spectralEmbedding(above, 5)).toEqual(embedding);
    expect(embedding.eigenvalues).toHaveLength(6);
    embedding.eigenvalues.forEach((value, i) => {
      expect(value).toBeGreaterThanOrEqual(i === 0 ? 0 : embedding.eigenvalues[i - 1]);
      expect(value).toBeLessThanOrEqual(2);
    });
    embedding.vectors.forEach((row) => expect(Math.hypot(...row)).toBeCloseTo(1, 10));

    const atLimit = noisyBlobs(4, SPARSE_EIGEN_FROM, 20, 2, 3);
    const denseDefault = spectralEmbedding(atLimit, 5);
    expect(denseDefault).toEqual(spectralEmbedding(atLimit, 5, undefined, { solver: 'dense' }));
    expect(denseDefault.eigenvalues).toHaveLength(SPARSE_EIGEN_FROM);
  });

  it('keeps the sign convention: on a connected graph the one-column embedding is exactly 1', () => {
    const random = seededRandom(4);
    const rows = Array.from({ length: 300 }, () => unit(Array.from({ length: 5 }, () => random() * 2 - 1)));
    const { vectors } = spectralEmbedding(rows, 1, undefined, { solver: 'sparse' });
    expect(vectors.map(([value]) => value)).toEqual(new Array(300).fill(1));
  });

  it('never produces NaN for zero rows or no neighbours', () => {
    const rows = noisyBlobs(3, 300, 10, 2, 5);
    for (let i = 0; i < 300; i += 41) rows[i] = new Array<number>(10).fill(0);
    for (const neighbours of [0, 1, undefined]) {
      const { vectors, eigenvalues } = spectralEmbedding(rows, 4, neighbours, { solver: 'sparse' });
      expect(vectors).toHaveLength(300);
      expect([...vectors.flat(), ...eigenvalues].every(Number.isFinite)).toBe(true);
    }
  });
});

describe('spectralClustering above the dense size', () => {
  it('clusters groups of a few thousand rows spectrally', () => {
    expect(SPECTRAL_ROW_LIMIT).toBeGreaterThanOrEqual(3000);
  });

  it('recovers blobs through the sparse path', () => {
    const rows = axisBlobs(3, 100, 10, 0.2, 6);
    expect(rows.length).toBeGreaterThan(SPARSE_EIGEN_FROM);
    expect(spectralClustering(rows, { k: 3, seed: 1, start: 'ward' }).labels).toEqual(rows.map((_, i) => i % 3));
  });
});
