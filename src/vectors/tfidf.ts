/**
 * Sparse TF-IDF in the form scikit-learn's TfidfVectorizer(sublinear_tf=True) computes it:
 * tf = 1 + ln(count), idf = ln((1 + n) / (1 + df)) + 1, rows L2-normalised.
 */
export interface SparseVector {
  indices: number[];
  values: number[];
}

export interface TfidfModel {
  /** Term of each feature index, sorted, so feature order never depends on input order. */
  vocabulary: string[];
  idf: number[];
}

export interface TfidfOptions {
  /** Keep at most this many terms, the most frequent across ideas (ties by term). */
  maxFeatures?: number;
  /** Drop terms found in fewer ideas than this. */
  minDocumentFrequency?: number;
}

export function fitTfidf(documents: readonly string[][], options: TfidfOptions = {}): TfidfModel {
  const df = new Map<string, number>();
  for (const doc of documents) for (const term of new Set(doc)) df.set(term, (df.get(term) ?? 0) + 1);
  let terms = [...df.keys()].filter((t) => df.get(t)! >= (options.minDocumentFrequency ?? 1));
  if (options.maxFeatures !== undefined && terms.length > options.maxFeatures) {
    terms.sort((a, b) => df.get(b)! - df.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
    terms = terms.slice(0, options.maxFeatures);
  }
  terms.sort();
  const n = documents.length;
  return { vocabulary: terms, idf: terms.map((t) => Math.log((1 + n) / (1 + df.get(t)!)) + 1) };
}

export function transformTfidf(model: TfidfModel, documents: readonly string[][]): SparseVector[] {
  const index = new Map(model.vocabulary.map((t, i) => [t, i]));
  return documents.map((doc) => {
    const counts = new Map<number, number>();
    for (const term of doc) {
      const i = index.get(term);
      if (i !== undefined) counts.set(i, (counts.get(i) ?? 0) + 1);
    }
    const indices = [...counts.keys()].sort((a, b) => a - b);
    const values = indices.map((i) => (1 + Math.log(counts.get(i)!)) * model.idf[i]);
    const norm = Math.hypot(...values);
    return { indices, values: norm > 0 ? values.map((v) => v / norm) : values };
  });
}

export function toDense(vectors: readonly SparseVector[], dimensions: number): number[][] {
  return vectors.map((v) => {
    const row = new Array<number>(dimensions).fill(0);
    v.indices.forEach((i, j) => (row[i] = v.values[j]));
    return row;
  });
}
