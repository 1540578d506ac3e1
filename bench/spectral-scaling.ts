/**
 * Scaling of the spectral embedding: wall time of spectralEmbedding with the dense and the
 * sparse eigen-solver, and of its two parts on the sparse path (the O(n²·d) kNN graph and
 * the eigen-solver alone), on unit vectors in noisy blobs. Also checks that the two solvers
 * agree where both run.
 *
 *   npx tsx bench/spectral-scaling.ts                    # n = 120 … 5,000; d = 100 and 300
 *   npx tsx bench/spectral-scaling.ts --sizes 150,200,250 --dims 300 --dense-up-to 2000
 *   options: --max-k 10  --noise 3  --runs 3  --dense-up-to 1000
 *
 * Each time is the median of --runs runs, after a warm-up run up to 1,000 rows.
 */
import { performance } from 'node:perf_hooks';
import {
  cosineNeighbourLists,
  defaultNeighbours,
  SPARSE_EIGEN_FROM,
  sparseNormalisedAffinity,
  spectralEmbedding,
  SpectralEmbedding,
  SPECTRAL_ROW_LIMIT,
  symmetricNeighbourGraph,
} from '../src/cluster/spectral';
import { topEigenpairs } from '../src/cluster/sparseEigen';
import { seededRandom } from '../src/random';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const list = (value: string) => value.split(',').map(Number);
const sizes = list(flag('--sizes') ?? '120,500,1000,2000,5000');
const dims = list(flag('--dims') ?? '100,300');
const denseUpTo = Number(flag('--dense-up-to') ?? 1000);
const maxK = Number(flag('--max-k') ?? 10);
const noise = Number(flag('--noise') ?? 3);
const runs = Number(flag('--runs') ?? 3);

/**
 * n unit vectors, row i near centre i mod `blobs` (random unit centres), plus Gaussian
 * noise of norm about `noise`. With noise 3 in 100–400 dimensions the kNN graph is
 * connected but clustered: the top affinity eigenvalues are 1, then one per further blob
 * near 0.6–0.9, then a dense bulk.
 */
function blobRows(n: number, dimension: number, blobs: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const unit = (v: number[]) => {
    const norm = Math.hypot(...v);
    return v.map((x) => x / norm);
  };
  const centres = Array.from({ length: blobs }, () => unit(Array.from({ length: dimension }, gaussian)));
  return Array.from({ length: n }, (_, i) =>
    unit(centres[i % blobs].map((x) => x + (noise / Math.sqrt(dimension)) * gaussian())),
  );
}

function time<T>(work: () => T, warmUp: boolean): { seconds: number; result: T } {
  let result = warmUp ? work() : (undefined as T);
  const samples: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    result = work();
    samples.push((performance.now() - start) / 1000);
  }
  samples.sort((a, b) => a - b);
  return { seconds: samples[Math.floor(samples.length / 2)], result };
}

/** Largest difference of the leading maxK + 1 Laplacian eigenvalues. */
function eigenvalueDifference(a: SpectralEmbedding, b: SpectralEmbedding): number {
  const count = Math.min(a.eigenvalues.length, b.eigenvalues.length, maxK + 1);
  let largest = 0;
  for (let i = 0; i < count; i++) largest = Math.max(largest, Math.abs(a.eigenvalues[i] - b.eigenvalues[i]));
  return largest;
}

const seconds = (s: number | undefined) => (s === undefined ? '—' : s < 10 ? s.toFixed(3) : s.toFixed(1));
console.log(
  `spectralEmbedding(rows, ${maxK}): default neighbours, unit vectors in max(4, n/100) blobs (noise ${noise}), ` +
    `median of ${runs} runs, Node ${process.versions.node}. Default solver: dense up to ${SPARSE_EIGEN_FROM} rows, ` +
    `sparse above; spectral clustering up to ${SPECTRAL_ROW_LIMIT.toLocaleString('en')} rows.`,
);
console.log('');
console.log('| n | d | kNN graph (s) | sparse eigen-solver alone (s) | products with A | embedding, sparse (s) | embedding, dense (s) | max Δ eigenvalue |');
console.log('|--:|--:|--:|--:|--:|--:|--:|--:|');
for (const n of sizes) {
  for (const d of dims) {
    const warmUp = n <= 1000;
    const rows = blobRows(n, d, Math.max(4, Math.round(n / 100)), n + d);
    const knn = time(() => cosineNeighbourLists(rows, defaultNeighbours(n)), warmUp);
    const affinity = sparseNormalisedAffinity(symmetricNeighbourGraph(knn.result));
    const eigen = time(() => topEigenpairs(affinity, Math.min(maxK + 1, n), { bounds: [-1, 1] }), warmUp);
    const sparse = time(() => spectralEmbedding(rows, maxK, undefined, { solver: 'sparse' }), warmUp);
    const dense = n <= denseUpTo ? time(() => spectralEmbedding(rows, maxK, undefined, { solver: 'dense' }), warmUp) : undefined;
    const difference = dense ? eigenvalueDifference(sparse.result, dense.result).toExponential(1) : '—';
    const products = eigen.result.products > 0 ? String(eigen.result.products) : 'dense (small n)';
    console.log(
      `| ${n.toLocaleString('en')} | ${d} | ${seconds(knn.seconds)} | ${seconds(eigen.seconds)} | ${products} | ` +
        `${seconds(sparse.seconds)} | ${seconds(dense?.seconds)} | ${difference} |`,
    );
  }
}
