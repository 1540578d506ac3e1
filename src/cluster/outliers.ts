import { renumberLabels } from './renumberLabels';

export interface OutlierOptions {
  /** Below this cosine to the centre of the rest of its theme, an idea fits no theme. */
  minSimilarity: number;
  /** A theme smaller than this is no theme: its ideas are "other". */
  minThemeSize: number;
}

/**
 * Send ideas that fit no theme to "other" (label −1) instead of forcing them into the nearest
 * theme, as rapporteurs do. An idea is compared with the centre of its theme's *other* ideas,
 * so it cannot vouch for itself; the survivors keep their labels, renumbered 0..k'−1.
 */
export function markOutliers(rows: readonly number[][], labels: readonly number[], options: OutlierOptions): number[] {
  const k = Math.max(-1, ...labels) + 1;
  const d = rows[0]?.length ?? 0;
  const sums = Array.from({ length: k }, () => new Float64Array(d));
  const sizes = new Array<number>(k).fill(0);
  labels.forEach((l, i) => {
    if (l < 0) return;
    sizes[l]++;
    for (let j = 0; j < d; j++) sums[l][j] += rows[i][j];
  });
  const marked = labels.map((l, i) => {
    if (l < 0 || sizes[l] < options.minThemeSize) return -1;
    return similarityToRest(rows[i], sums[l]) < options.minSimilarity ? -1 : l;
  });
  return renumberLabels(marked);
}

function similarityToRest(row: readonly number[], themeSum: Float64Array): number {
  let dot = 0;
  let norm = 0;
  for (let j = 0; j < row.length; j++) {
    const rest = themeSum[j] - row[j];
    dot += row[j] * rest;
    norm += rest * rest;
  }
  return norm > 0 ? dot / Math.sqrt(norm) : 0;
}
