import { clustererFromLabels } from '../../src/index';

/**
 * A clustering method added by writing this one file: each idea joins the cluster of its most
 * widespread dimension, the one most ideas of the group have (in a TF-IDF representation, the
 * word it shares with the most other ideas). Crude, but not the default's answer, which is what
 * the tests need to see it used.
 */
export const commonestWordClusterer = clustererFromLabels('commonest word', (rows) => {
  const dimensions = rows[0]?.length ?? 0;
  const ideasWith = new Array<number>(dimensions).fill(0);
  for (const row of rows) for (let d = 0; d < dimensions; d++) if (row[d] !== 0) ideasWith[d]++;
  const clusterOf = new Map<number, number>();
  return rows.map((row) => {
    let widest = -1;
    for (let d = 0; d < dimensions; d++) if (row[d] !== 0 && (widest < 0 || ideasWith[d] > ideasWith[widest])) widest = d;
    if (!clusterOf.has(widest)) clusterOf.set(widest, clusterOf.size);
    return clusterOf.get(widest)!;
  });
});
