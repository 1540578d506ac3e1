import { CentreSums, LargeCentres, squaredLength } from './largeCentres';

/**
 * Lloyd's iterations over every idea of `ideas` from the given centres, until at most one idea
 * in 200 changes theme or after `maxPasses`: O(passes · n · k · words per idea).
 * Returns each idea's label (in the order of `ideas`).
 */
export function refine(centres: LargeCentres, ideas: Int32Array, maxPasses: number, onPass?: (passesDone: number) => void): Int32Array {
  const labels = new Int32Array(ideas.length).fill(-1);
  for (let pass = 0; pass < maxPasses; pass++) {
    onPass?.(pass);
    const { changed } = lloydPass(centres, ideas, labels);
    if (pass > 0 && changed <= ideas.length / 200) break;
  }
  return labels;
}

/** Assign every idea to its nearest centre, then move each centre to its ideas' mean. */
function lloydPass(centres: LargeCentres, ideas: Int32Array, labels: Int32Array): { changed: number; inertia: number } {
  const sums = new CentreSums(centres.space, centres.k);
  const dots = new Float64Array(centres.k);
  let changed = 0;
  let inertia = 0;
  // A plain loop: a callback per idea costs more than its work at a million.
  for (let p = 0; p < ideas.length; p++) {
    const i = ideas[p];
    centres.dots(i, dots);
    const { c, distance } = closest(centres, dots);
    inertia += squaredLength(centres.space.rows, i) + distance;
    if (labels[p] !== c) changed++;
    labels[p] = c;
    sums.add(i, c);
  }
  sums.finish(centres);
  return { changed, inertia };
}

/** The centre of greatest cosine with the row (spherical k-means, as sampleKMeans); the lower index on a tie. */
function closest(centres: LargeCentres, dots: Float64Array): { c: number; distance: number } {
  let best = 0;
  let distance = Infinity;
  for (let c = 0; c < centres.k; c++) {
    const d = centres.squaredNorm[c] > 0 ? -dots[c] / Math.sqrt(centres.squaredNorm[c]) : 0;
    if (d < distance - 1e-12) (distance = d), (best = c);
  }
  return { c: best, distance };
}
