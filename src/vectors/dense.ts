/** Small dense-vector helpers shared by the clustering and theme stages. */
export function dot(a: readonly number[], b: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

export function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

export function normalise(a: readonly number[]): number[] {
  const n = norm(a);
  return n > 0 ? a.map((v) => v / n) : a.slice();
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  const n = norm(a) * norm(b);
  return n > 0 ? dot(a, b) / n : 0;
}

export function mean(rows: readonly (readonly number[])[], dimensions: number): number[] {
  const m = new Array<number>(dimensions).fill(0);
  for (const r of rows) for (let i = 0; i < dimensions; i++) m[i] += r[i];
  return rows.length > 0 ? m.map((v) => v / rows.length) : m;
}
