import { AnalysedText } from '../text/analyse';
import { sifEmbeddings } from './sif';
import { fitTfidf, toDense, transformTfidf } from './tfidf';
import { WordVectors } from './wordVectorCache';

export interface RepresentationOptions {
  /**
   * Share of exact shared words in the similarity of two ideas: cosine = w·cos(TF-IDF) +
   * (1 − w)·cos(word meaning). 1 uses TF-IDF alone; without word vectors it is always 1.
   * 'auto' reads it from the data (see `autoTextWeight`).
   */
  textWeight: number | 'auto';
}

/** Blend weights at the ends of the automatic rule, and the unknown-word shares they apply at. */
const AUTO_WEIGHT = { low: 0.4, high: 0.9, fromUnknown: 0.03, toUnknown: 0.15 };

/**
 * How much to trust exact shared words over word meaning, from the share of content words the
 * word vectors do not know. Everyday language (notes, opinions, news) is almost all known, and
 * meaning links ideas that share no word. Jargon, product names and technical terms are where
 * the vectors are silent, and they are exactly the words that tell such ideas apart, so the
 * weight moves to TF-IDF as that share grows: linearly from `low` to `high` between the two
 * shares, clipped.
 */
export function autoTextWeight(texts: readonly AnalysedText[], vectors: WordVectors): number {
  let known = 0;
  let total = 0;
  for (const t of texts) {
    for (const term of t.terms) {
      total++;
      if (vectors.indexOf(term.surface) >= 0) known++;
    }
  }
  if (total === 0) return AUTO_WEIGHT.low;
  const unknown = 1 - known / total;
  const { low, high, fromUnknown, toUnknown } = AUTO_WEIGHT;
  const position = Math.min(1, Math.max(0, (unknown - fromUnknown) / (toUnknown - fromUnknown)));
  return low + position * (high - low);
}

/** Upper bound on TF-IDF features, so memory stays bounded on very large groups. */
const MAX_FEATURES = 5000;

/** One L2-normalised dense row per idea. */
export function represent(texts: readonly AnalysedText[], options: RepresentationOptions, vectors?: WordVectors): number[][] {
  const documents = texts.map((t) => t.terms.map((term) => term.stem));
  const model = fitTfidf(documents, { maxFeatures: MAX_FEATURES });
  const tfidf = toDense(transformTfidf(model, documents), model.vocabulary.length);
  const w = !vectors ? 1 : options.textWeight === 'auto' ? autoTextWeight(texts, vectors) : options.textWeight;
  if (w >= 1) return tfidf;
  const meaning = sifEmbeddings(texts.map((t) => t.tokens.map((token) => token.norm)), vectors!);
  return tfidf.map((row, i) => blend(row, meaning[i], w));
}

/** Concatenate √w·a and √(1−w)·b, so the dot product of two blends is w·a·a' + (1−w)·b·b'. */
function blend(a: readonly number[], b: readonly number[], w: number): number[] {
  const sa = Math.sqrt(w);
  const sb = Math.sqrt(1 - w);
  const row = [...a.map((x) => x * sa), ...b.map((x) => x * sb)];
  let s = 0;
  for (const x of row) s += x * x;
  const n = Math.sqrt(s);
  return n > 0 ? row.map((x) => x / n) : row;
}
