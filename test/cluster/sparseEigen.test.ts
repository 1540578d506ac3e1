import { cosineNeighbourLists, sparseNormalisedAffinity, symmetricNeighbourGraph } from '../../src/cluster/spectral';
import { cosineKnnWeights, normalisedAffinity } from './spectralReference';
import {
  denseTopEigenpairs,
  gershgorinBounds,
  largestResidual,
  SparseSymmetricMatrix,
  toDense,
  topEigenpairs,
} from '../../src/cluster/sparseEigen';
import { axisBlobs, noisyBlobs } from './synthetic';

function affinityOf(rows: number[][], neighbours: number): SparseSymmetricMatrix {
  return sparseNormalisedAffinity(symmetricNeighbourGraph(cosineNeighbourLists(rows, neighbours)));
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

/** The largest norm of a vector of `vectors` minus its projection onto span(`basis`), basis orthonormal. */
function projectionResidual(vectors: Float64Array[], basis: Float64Array[]): number {
  return Math.max(
    ...vectors.map((vector) => {
      const rest = Float64Array.from(vector);
      for (const b of basis) {
        const c = dot(b, vector);
        for (let i = 0; i < rest.length; i++) rest[i] -= c * b[i];
      }
      return Math.sqrt(dot(rest, rest));
    }),
  );
}

function expectOrthonormal(vectors: Float64Array[], tolerance: number): void {
  vectors.forEach((a, i) =>
    vectors.forEach((b, j) => expect(Math.abs(dot(a, b) - (i === j ? 1 : 0))).toBeLessThan(tolerance)),
  );
}

describe('topEigenpairs (sparse) against the dense eigen-decomposition', () => {
  it('finds every eigenvalue 1 of 8 disconnected blobs, spanning all 8 indicator directions', () => {
    const rows = axisBlobs(8, 40, 16, 0.05, 1);
    const affinity = affinityOf(rows, 10);
    const sparse = topEigenpairs(affinity, 9);
    const dense = denseTopEigenpairs(affinity, 9);
    expect(sparse.products).toBeGreaterThan(0); // really the iterative solver, not the small-n fallback
    sparse.values.slice(0, 8).forEach((value) => expect(value).toBeCloseTo(1, 10));
    expect(sparse.values[8]).toBeLessThan(0.95);
    sparse.values.forEach((value, i) => expect(Math.abs(value - dense.values[i])).toBeLessThan(1e-6));
    expect(largestResidual(affinity, sparse.values, sparse.vectors)).toBeLessThan(1e-8);
    expectOrthonormal(sparse.vectors, 1e-10);

    // The eigenspace of 1 is spanned by D^1/2 times the indicator of each component.
    const degrees = new Float64Array(rows.length);
    const weights = symmetricNeighbourGraph(cosineNeighbourLists(rows, 10));
    for (let i = 0; i < rows.length; i++) {
      for (let p = weights.rowStart[i]; p < weights.rowStart[i + 1]; p++) degrees[i] += weights.values[p];
    }
    const indicators = Array.from({ length: 8 }, (_, blob) => {
      const v = Float64Array.from(rows, (_, i) => (i % 8 === blob ? Math.sqrt(degrees[i]) : 0));
      const norm = Math.sqrt(dot(v, v));
      return v.map((x) => x / norm);
    });
    expect(projectionResidual(indicators, sparse.vectors.slice(0, 8))).toBeLessThan(1e-8);
  });

  it('agrees on connected noisy blobs: eigenvalues to 1e-6, the leading subspace to 1e-4', () => {
    const rows = noisyBlobs(8, 400, 100, 3, 2);
    const affinity = affinityOf(rows, 15);
    const sparse = topEigenpairs(affinity, 11);
    const dense = denseTopEigenpairs(affinity, 12);
    expect(dense.values[1]).toBeLessThan(1 - 1e-3); // connected: eigenvalue 1 only once
    expect(dense.values[7] - dense.values[8]).toBeGreaterThan(0.02); // a gap after the 8 blobs
    sparse.values.forEach((value, i) => expect(Math.abs(value - dense.values[i])).toBeLessThan(1e-6));
    expect(sparse.residual).toBeLessThan(1e-8);
    expect(largestResidual(affinity, sparse.values, sparse.vectors)).toBeLessThan(1e-8);
    expectOrthonormal(sparse.vectors, 1e-10);
    expect(projectionResidual(dense.vectors.slice(0, 8), sparse.vectors.slice(0, 8))).toBeLessThan(1e-4);
    expect(projectionResidual(sparse.vectors.slice(0, 8), dense.vectors.slice(0, 8))).toBeLessThan(1e-4);
  });

  it('finds an eigenvalue whose multiplicity exceeds the number asked for', () => {
    // 20 components, 11 eigenpairs wanted: all 11 are eigenvalue 1.
    const affinity = affinityOf(axisBlobs(20, 20, 24, 0.05, 3), 5);
    const sparse = topEigenpairs(affinity, 11);
    sparse.values.forEach((value) => expect(value).toBeCloseTo(1, 10));
    expect(largestResidual(affinity, sparse.values, sparse.vectors)).toBeLessThan(1e-8);
    expectOrthonormal(sparse.vectors, 1e-10);
  });

  it('is deterministic: the same matrix gives the same bits', () => {
    const rows = noisyBlobs(5, 300, 50, 3, 4);
    const first = topEigenpairs(affinityOf(rows, 12), 6);
    const second = topEigenpairs(affinityOf(rows, 12), 6);
    expect(second.values).toEqual(first.values);
    first.vectors.forEach((vector, i) =>
      expect(Buffer.from(second.vectors[i].buffer).equals(Buffer.from(vector.buffer))).toBe(true),
    );
  });

  it('works from Gershgorin bounds when no spectrum interval is given', () => {
    const affinity = affinityOf(noisyBlobs(4, 300, 50, 3, 5), 10);
    const [lower, upper] = gershgorinBounds(affinity);
    expect(lower).toBeLessThanOrEqual(-1 + 1e-12);
    expect(upper).toBeGreaterThanOrEqual(1 - 1e-12);
    const sparse = topEigenpairs(affinity, 5);
    const dense = denseTopEigenpairs(affinity, 5);
    sparse.values.forEach((value, i) => expect(Math.abs(value - dense.values[i])).toBeLessThan(1e-6));
  });

  it('handles a zero matrix, isolated nodes, nothing wanted and small matrices', () => {
    const zero = affinityOf(noisyBlobs(3, 300, 20, 1, 6), 0);
    const fromZero = topEigenpairs(zero, 4, { bounds: [-1, 1] });
    expect(fromZero.values).toEqual([0, 0, 0, 0]);
    expectOrthonormal(fromZero.vectors, 1e-10);

    const rows = noisyBlobs(4, 300, 30, 2, 7);
    for (let i = 0; i < 300; i += 37) rows[i] = new Array<number>(30).fill(0);
    const withZeros = affinityOf(rows, 8);
    const sparse = topEigenpairs(withZeros, 6, { bounds: [-1, 1] });
    const dense = denseTopEigenpairs(withZeros, 6);
    sparse.values.forEach((value, i) => expect(Math.abs(value - dense.values[i])).toBeLessThan(1e-6));
    expect(sparse.vectors.flatMap((v) => Array.from(v)).every(Number.isFinite)).toBe(true);

    expect(topEigenpairs(withZeros, 0)).toEqual({ values: [], vectors: [], residual: 0, products: 0 });
    const small = affinityOf(noisyBlobs(3, 40, 10, 1, 8), 5);
    expect(topEigenpairs(small, 3)).toEqual(denseTopEigenpairs(small, 3));
    expect(topEigenpairs(small, 100).values).toHaveLength(40);
  });
});

describe('sparse kNN graph', () => {
  it('equals the dense max(W, Wᵀ), and its normalised affinity is bit for bit the dense one', () => {
    const rows = [...noisyBlobs(3, 60, 8, 2, 9), new Array<number>(8).fill(0)];
    rows.push(rows[5]); // a duplicate row
    const dense = cosineKnnWeights(rows, 6);
    const symmetric = dense.map((row, i) => row.map((w, j) => Math.max(w, dense[j][i])));
    const sparse = symmetricNeighbourGraph(cosineNeighbourLists(rows, 6));
    expect(toDense(sparse).to2DArray()).toEqual(symmetric.map((row) => Array.from(row)));
    for (let i = 0; i < sparse.size; i++) {
      const columns = Array.from(sparse.columns.subarray(sparse.rowStart[i], sparse.rowStart[i + 1]));
      expect(columns).toEqual([...columns].sort((a, b) => a - b));
    }
    expect(toDense(sparseNormalisedAffinity(sparse)).to2DArray()).toEqual(normalisedAffinity(symmetric).to2DArray());
  });

  it('keeps O(n·neighbours) entries', () => {
    const rows = noisyBlobs(5, 1000, 10, 2, 10);
    const lists = cosineNeighbourLists(rows, 7);
    expect(lists.indices.every((chosen) => chosen.length === 7)).toBe(true);
    expect(symmetricNeighbourGraph(lists).values.length).toBeLessThanOrEqual(2 * 7 * 1000);
  });
});
