/**
 * Mean silhouette with cosine distance (1 − cosine similarity), given the similarity matrix.
 * Singletons score 0, as in scikit-learn; one cluster only has no silhouette (returns -1 so it
 * never wins a comparison).
 */
export function silhouette(similarity: readonly Float64Array[], labels: readonly number[]): number {
  const values = silhouetteValues(similarity, labels);
  return values.length === 0 ? -1 : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Each idea's silhouette (b − a) / max(a, b), cosine distance; 0 for an idea alone in its
 * cluster. Empty when there is no silhouette (one cluster, or as many clusters as ideas).
 */
export function silhouetteValues(similarity: readonly Float64Array[], labels: readonly number[]): number[] {
  const n = labels.length;
  const k = Math.max(...labels) + 1;
  if (k < 2 || n <= k) return [];
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]++;
  const values = new Array<number>(n).fill(0);
  const sums = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = similarity[i];
    for (let j = 0; j < n; j++) if (j !== i) sums[labels[j]] += 1 - row[j];
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[c] / sizes[c]);
    const denominator = Math.max(a, b);
    values[i] = denominator > 0 ? (b - a) / denominator : 0;
  }
  return values;
}

/** Cosine similarity matrix of L2-normalised rows. */
export function similarityMatrix(rows: readonly number[][]): Float64Array[] {
  const n = rows.length;
  const result = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    result[i][i] = 1;
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      const a = rows[i];
      const b = rows[j];
      for (let d = 0; d < a.length; d++) s += a[d] * b[d];
      result[i][j] = s;
      result[j][i] = s;
    }
  }
  return result;
}
