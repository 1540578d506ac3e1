/**
 * The mean of each cluster's rows, for labels 0..k−1 (k defaults to the largest label + 1);
 * rows labelled −1 count for none, and an empty cluster's mean is all zeros. Sums run over the
 * rows in order, so the result is the same to the bit wherever it is computed.
 */
export function clusterMeans(rows: readonly (readonly number[])[], labels: readonly number[], k = labels.reduce((m, l) => Math.max(m, l + 1), 0)): number[][] {
  const dimensions = rows.length === 0 ? 0 : rows[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(dimensions).fill(0));
  const sizes = new Array<number>(k).fill(0);
  rows.forEach((row, i) => {
    const label = labels[i];
    if (label < 0) return;
    const sum = sums[label];
    for (let d = 0; d < dimensions; d++) sum[d] += row[d];
    sizes[label]++;
  });
  return sums.map((sum, c) => (sizes[c] === 0 ? sum : sum.map((value) => value / sizes[c])));
}
