/**
 * Agglomerative clustering with Ward's criterion: start from single points and repeatedly
 * merge the two clusters whose union least increases the within-cluster sum of squares.
 * Deterministic (no seed; ties go to the lower index). Built with the nearest-neighbour
 * chain algorithm, O(n²) time and memory, and cut at any number of clusters afterwards.
 */
export interface Merge {
  a: number;
  b: number;
  cost: number;
}

/** The merges of the full Ward tree over the points, cheapest first. */
export function wardDendrogram(points: readonly number[][]): Merge[] {
  const n = points.length;
  const d = pairwiseHalfSquaredDistances(points);
  const size = new Array<number>(n).fill(1);
  const active = new Array<boolean>(n).fill(true);
  const merges: Merge[] = [];
  const chain: number[] = [];
  let remaining = n;
  while (remaining > 1) {
    if (chain.length === 0) chain.push(active.indexOf(true));
    const a = chain[chain.length - 1];
    const previous = chain.length >= 2 ? chain[chain.length - 2] : -1;
    // Nearest active neighbour of a; a tie with the previous link keeps the chain from cycling.
    let b = previous;
    let best = previous >= 0 ? d[a][previous] : Infinity;
    for (let m = 0; m < n; m++) {
      if (active[m] && m !== a && d[a][m] < best) {
        best = d[a][m];
        b = m;
      }
    }
    if (b !== previous) {
      chain.push(b);
      continue;
    }
    chain.length -= 2;
    const [keep, gone] = a < b ? [a, b] : [b, a];
    merges.push({ a: keep, b: gone, cost: best });
    // Lance–Williams update for Ward: the merge cost from the union to every other cluster.
    for (let m = 0; m < n; m++) {
      if (!active[m] || m === keep || m === gone) continue;
      const total = size[keep] + size[gone] + size[m];
      d[keep][m] = d[m][keep] = ((size[keep] + size[m]) * d[keep][m] + (size[gone] + size[m]) * d[gone][m] - size[m] * best) / total;
    }
    size[keep] += size[gone];
    active[gone] = false;
    remaining--;
  }
  // Ward's criterion is reducible, so sorting the chain's merges by cost gives the tree's order.
  return merges.map((m, i) => ({ ...m, i })).sort((x, y) => x.cost - y.cost || x.i - y.i).map(({ a, b, cost }) => ({ a, b, cost }));
}

/** Labels 0..k−1 (in order of first appearance) after the n − k cheapest merges. */
export function cutDendrogram(merges: readonly Merge[], n: number, k: number): number[] {
  const parent = Array.from({ length: n }, (_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  for (const m of merges.slice(0, Math.max(0, n - Math.max(1, k)))) parent[root(m.b)] = root(m.a);
  const ids = new Map<number, number>();
  return parent.map((_, i) => {
    const r = root(i);
    if (!ids.has(r)) ids.set(r, ids.size);
    return ids.get(r)!;
  });
}

export function wardLabels(points: readonly number[][], k: number): number[] {
  return cutDendrogram(wardDendrogram(points), points.length, k);
}

// Half squared distances: Lance–Williams is linear in d, and half makes a singleton pair's
// merge cost exactly the increase in the sum of squares.
function pairwiseHalfSquaredDistances(points: readonly number[][]): Float64Array[] {
  const n = points.length;
  const d = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      const a = points[i];
      const b = points[j];
      for (let t = 0; t < a.length; t++) s += (a[t] - b[t]) ** 2;
      d[i][j] = d[j][i] = s / 2;
    }
  }
  return d;
}
