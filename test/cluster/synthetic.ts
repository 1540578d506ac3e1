import { seededRandom } from '../../src/random';

/** Synthetic unit vectors for the clustering tests, reproducible from a seed. */
export function unit(vector: number[]): number[] {
  const norm = Math.hypot(...vector);
  return vector.map((value) => value / norm);
}

/** `perBlob` noisy points around each of `blobCount` orthogonal axes, interleaved so row i is in blob i % blobCount. */
export function axisBlobs(blobCount: number, perBlob: number, dimension: number, noise: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: blobCount * perBlob }, (_, i) =>
    unit(Array.from({ length: dimension }, (_, d) => (d === i % blobCount ? 1 : 0) + noise * (random() * 2 - 1))),
  );
}

export function randomUnitRows(n: number, dimension: number, seed: number): number[][] {
  const random = seededRandom(seed);
  return Array.from({ length: n }, () => unit(Array.from({ length: dimension }, () => random() * 2 - 1)));
}

/** Points around random centres with Gaussian noise of norm about `noise`: noise 3 in 100-d gives a connected but clustered graph. */
export function noisyBlobs(blobCount: number, n: number, dimension: number, noise: number, seed: number): number[][] {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const centres = Array.from({ length: blobCount }, () => unit(Array.from({ length: dimension }, gaussian)));
  return Array.from({ length: n }, (_, i) => unit(centres[i % blobCount].map((x) => x + (noise / Math.sqrt(dimension)) * gaussian())));
}
