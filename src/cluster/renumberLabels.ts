/**
 * Labels renumbered 0..m−1 in order of first appearance (the cluster of the first row is 0,
 * the next new one 1, …), dropping unused numbers; a negative label (no cluster) becomes −1.
 * k-means, the outlier rule and the silhouette of a sample all need their labels so.
 */
export function renumberLabels(labels: ArrayLike<number>): number[] {
  const next = new Map<number, number>();
  return Array.from(labels, (label) => {
    if (label < 0) return -1;
    let id = next.get(label);
    if (id === undefined) {
      id = next.size;
      next.set(label, id);
    }
    return id;
  });
}
