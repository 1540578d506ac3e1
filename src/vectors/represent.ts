import { AnalysedText } from '../text/analyseText';
import { sifCommonComponent, sifTransform } from './sif';
import { fitTfidf, SparseVector, TfidfModel, toDense, transformTfidf } from './tfidf';
import { WordVectors } from './wordVectorCache';

export interface RepresentationOptions {
  /** Keep at most this many TF-IDF terms, the most widespread (default 5,000). */
  maxFeatures?: number;
  /**
   * Share of exact shared words in the similarity of two ideas: cosine = w·cos(TF-IDF) +
   * (1 − w)·cos(word meaning). 1 uses TF-IDF alone; without word vectors it is always 1.
   * 'auto' reads it from the data (see `autoTextWeight`).
   */
  textWeight: number | 'auto';
}

/** Blend weights at the ends of the automatic rule, and the unknown-word shares they apply at. */
export const AUTO_TEXT_WEIGHT = { low: 0.4, high: 0.9, fromUnknown: 0.03, toUnknown: 0.15 };

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
  if (total === 0) return AUTO_TEXT_WEIGHT.low;
  return textWeightForUnknownShare(1 - known / total);
}

/** The automatic blend weight for a share of content words the word vectors do not know. */
export function textWeightForUnknownShare(unknown: number): number {
  const { low, high, fromUnknown, toUnknown } = AUTO_TEXT_WEIGHT;
  const position = Math.min(1, Math.max(0, (unknown - fromUnknown) / (toUnknown - fromUnknown)));
  return low + position * (high - low);
}

/** Upper bound on TF-IDF features, so memory stays bounded on very large groups. */
export const MAX_FEATURES = 5000;

/**
 * What `transformRepresentation` needs to place any idea in the space fitted on a set of ideas:
 * plain, JSON-serialisable numbers (scikit-learn's fit → state → transform), so that a saved
 * model turns new ideas into vectors comparable with the ones its themes were found in.
 */
export interface RepresentationModel {
  /** The TF-IDF vocabulary (sorted stems) and each stem's idf. */
  tfidf: TfidfModel;
  /** The resolved share of exact shared words (see `RepresentationOptions`); 1 for TF-IDF alone. */
  textWeight: number;
  /** Word meaning, present when textWeight < 1: the word vectors' size and the SIF common component removed. */
  meaning: { dimensions: number; commonComponent: number[] } | null;
}

/** Learn the representation of a set of ideas: TF-IDF vocabulary and idf, blend weight, SIF common component. */
export function fitRepresentation(texts: readonly AnalysedText[], options: RepresentationOptions, vectors?: WordVectors): RepresentationModel {
  const tfidf = fitTfidf(stemsOf(texts), { maxFeatures: options.maxFeatures ?? MAX_FEATURES });
  const textWeight = !vectors ? 1 : options.textWeight === 'auto' ? autoTextWeight(texts, vectors) : options.textWeight;
  if (textWeight >= 1) return { tfidf, textWeight: 1, meaning: null };
  return { tfidf, textWeight, meaning: { dimensions: vectors!.dimensions, commonComponent: sifCommonComponent(wordsOf(texts), vectors!) } };
}

/**
 * One L2-normalised dense row per idea, in the space of a fitted representation: TF-IDF
 * columns first (one per vocabulary stem), then the word-meaning columns when the model has
 * them. Words outside the vocabulary count for nothing in the TF-IDF part; an idea with
 * neither a known stem nor a known word gets a zero row. A model with word meaning needs the
 * same word vectors it was fitted with.
 */
export function transformRepresentation(model: RepresentationModel, texts: readonly AnalysedText[], vectors?: WordVectors): number[][] {
  return toDense(transformRepresentationSparse(model, texts, vectors), representationDimensions(model));
}

/**
 * The rows of `transformRepresentation` without their zero TF-IDF columns (the word-meaning
 * columns are all kept): the same numbers, for callers that compare many ideas with a few
 * vectors and need not hold a vocabulary-wide row per idea.
 */
export function transformRepresentationSparse(model: RepresentationModel, texts: readonly AnalysedText[], vectors?: WordVectors): SparseVector[] {
  const tfidf = transformTfidf(model.tfidf, stemsOf(texts));
  if (model.meaning === null) return tfidf;
  if (!vectors) throw new Error('transformRepresentation: this representation blends in word meaning and needs the word vectors');
  if (vectors.dimensions !== model.meaning.dimensions) {
    throw new Error(`transformRepresentation: the word vectors have ${vectors.dimensions} dimensions, the representation ${model.meaning.dimensions}`);
  }
  const meaning = sifTransform(wordsOf(texts), vectors, model.meaning.commonComponent);
  const offset = model.tfidf.vocabulary.length;
  return tfidf.map((row, i) => blend(row, meaning[i], model.textWeight, offset));
}

/** The word-meaning part of the rows alone (unit SIF vectors), or null for a TF-IDF-only model. */
export function meaningRows(model: RepresentationModel, texts: readonly AnalysedText[], vectors: WordVectors): number[][] | null {
  return model.meaning === null ? null : sifTransform(wordsOf(texts), vectors, model.meaning.commonComponent);
}

/** Dimensions of a fitted representation's rows. */
export function representationDimensions(model: RepresentationModel): number {
  return model.tfidf.vocabulary.length + (model.meaning?.dimensions ?? 0);
}

function stemsOf(texts: readonly AnalysedText[]): string[][] {
  return texts.map((t) => t.terms.map((term) => term.stem));
}

function wordsOf(texts: readonly AnalysedText[]): string[][] {
  return texts.map((t) => t.tokens.map((token) => token.norm));
}

/**
 * Concatenate √w·a and √(1−w)·b (b's columns from `offset`), so the dot product of two blends
 * is w·a·a' + (1−w)·b·b', L2-normalised. The squares are summed column by column, a's non-zero
 * columns in order then b's, which is the dense sum less its zero terms: the same number.
 */
function blend(a: SparseVector, b: readonly number[], w: number, offset: number): SparseVector {
  const sa = Math.sqrt(w);
  const sb = Math.sqrt(1 - w);
  const indices = [...a.indices, ...b.map((_, j) => offset + j)];
  const values = [...a.values.map((x) => x * sa), ...b.map((x) => x * sb)];
  let s = 0;
  for (const x of values) s += x * x;
  const n = Math.sqrt(s);
  return { indices, values: n > 0 ? values.map((x) => x / n) : values };
}
