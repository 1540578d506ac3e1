import { RowThread, sharedInt32 } from '../parallel/rowThread';
import { CentreSums, LargeCentres } from './largeCentres';

/**
 * Lloyd's iterations over every idea of `ideas` from the given centres, until at most one idea
 * in 200 changes theme or after `maxPasses`: O(passes · n · k · words per idea). Each pass finds
 * the nearest centres on both threads when there are two (`ideas` then shared), and sums the
 * centres on this one, in the ideas' order.
 * Returns each idea's label (in the order of `ideas`).
 */
export function refine(centres: LargeCentres, ideas: Int32Array, maxPasses: number, onPass?: (passesDone: number) => void, thread?: RowThread): Int32Array {
  const labels = (thread ? sharedInt32(ideas.length) : new Int32Array(ideas.length)).fill(-1);
  for (let pass = 0; pass < maxPasses; pass++) {
    onPass?.(pass);
    const changed = centres.rowDots('nearest', ideas, ideas.length, labels, null, thread);
    const sums = new CentreSums(centres.space, centres.k);
    for (let p = 0; p < ideas.length; p++) sums.add(ideas[p], labels[p]);
    sums.finish(centres);
    if (pass > 0 && changed <= ideas.length / 200) break;
  }
  return labels;
}
