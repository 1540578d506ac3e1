import { AnalysedText } from '../text/analyseText';
import { alignmentSimilarity, distinctWordCount } from './alignment';
import { dot } from './dense';
import { meaningRows, RepresentationModel } from './represent';
import { WordVectors } from './wordVectorCache';

export interface SimilarityOptions {
  /**
   * Share of the word-meaning similarity taken by word alignment rather than by the cosine of
   * averaged word vectors (see clusteringSimilarity); 0 for the cosine alone.
   */
  wordAlignment: number;
}

/**
 * Word alignment is used for groups up to this size. It compares the group's distinct words
 * pairwise, then every pair of ideas word by word: measured on the labelled sets (Node 20),
 * 100 short notes take 10–40 ms, 100 web snippets (about 1,000 distinct words) 180 ms. Above
 * either limit the cosine of the rows alone is used, as it is for --no-vectors.
 */
export const WORD_ALIGNMENT_LIMIT = { ideas: 200, distinctWords: 1500 };

/**
 * Similarity of every pair of ideas for clustering: the cosine of their rows, w·cos(TF-IDF) +
 * (1 − w)·cos(meaning), with `share` of the word-meaning part taken by word alignment instead
 * of the cosine of averaged vectors (see alignmentSimilarity):
 *
 *   w·cos(TF-IDF) + (1 − w)·((1 − share)·cos(SIF) + share·alignment).
 *
 * Null when the model has no word meaning, share is 0 or the group is beyond
 * WORD_ALIGNMENT_LIMIT: the rows' cosine is then the whole of it.
 */
export function clusteringSimilarity(
  model: RepresentationModel,
  rows: readonly number[][],
  texts: readonly AnalysedText[],
  vectors: WordVectors | undefined,
  share: number,
): Float64Array[] | null {
  if (!vectors || share <= 0) return null;
  if (texts.length > WORD_ALIGNMENT_LIMIT.ideas || distinctWordCount(texts) > WORD_ALIGNMENT_LIMIT.distinctWords) return null;
  const meaning = meaningRows(model, texts, vectors);
  if (meaning === null) return null;
  const alignment = alignmentSimilarity(texts, vectors);
  const weight = (1 - model.textWeight) * share;
  const n = rows.length;
  const similarity = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    similarity[i][i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = dot(rows[i], rows[j]) + weight * (alignment[i][j] - dot(meaning[i], meaning[j]));
      similarity[i][j] = s;
      similarity[j][i] = s;
    }
  }
  return similarity;
}
