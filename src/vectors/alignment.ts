import { AnalysedText } from '../text/analyseText';
import { sifWeight } from './sif';
import { WordVectors } from './wordVectorCache';

/**
 * How well the content words of two ideas align, for every pair of ideas: each word of one idea
 * is matched with its most similar word of the other (the same stem counts 1, two known words
 * their cosine, floored at 0), the matches averaged with SIF weights, and the two directions
 * averaged. It is the greedy relaxation of the Word Mover's Distance (Kusner et al., 2015)
 * with static vectors. Unlike the cosine of two averaged vectors, a word that two ideas share
 * (or nearly share) counts in full however many other words each idea has. The diagonal is 1.
 *
 * The similarities of the group's distinct words are computed once (u² / 2 dot products for u
 * distinct words), so each pair of ideas costs only look-ups; see WORD_ALIGNMENT_LIMIT for
 * where the caller stops using it.
 */
export function alignmentSimilarity(texts: readonly AnalysedText[], vectors: WordVectors): Float64Array[] {
  const words = distinctWords(texts, vectors);
  const wordSimilarity = similarityOfWords(words, vectors.dimensions);
  const u = words.stems.length;
  const n = texts.length;
  const totalWeight = words.ofIdea.map((ids) => ids.reduce((sum, id) => sum + words.weights[id], 0));
  const directed = (from: number, to: number): number => {
    if (totalWeight[from] === 0) return 0;
    let total = 0;
    for (const a of words.ofIdea[from]) {
      let best = 0;
      for (const b of words.ofIdea[to]) best = Math.max(best, wordSimilarity[a * u + b]);
      total += words.weights[a] * best;
    }
    return total / totalWeight[from];
  };
  const similarity = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    similarity[i][i] = 1;
    for (let j = i + 1; j < n; j++) {
      const s = (directed(i, j) + directed(j, i)) / 2;
      similarity[i][j] = s;
      similarity[j][i] = s;
    }
  }
  return similarity;
}

interface DistinctWords {
  /** Per distinct word (a stem as written one way): its stem. */
  stems: string[];
  /** SIF weight: rare words count for more than common ones; 1 for a word the vectors do not know. */
  weights: number[];
  /** Unit vectors, `dimensions` numbers per word; all zero for an unknown word. */
  vectors: Float32Array;
  known: boolean[];
  /** Each idea's content words, as indices into the above, in order and with repeats. */
  ofIdea: number[][];
}

/** Number of distinct content words (stem and written form) in a set of ideas. */
export function distinctWordCount(texts: readonly AnalysedText[]): number {
  return new Set(texts.flatMap((t) => t.terms.map(wordKey))).size;
}

function wordKey(term: { stem: string; surface: string }): string {
  return `${term.stem}\u0000${term.surface.toLowerCase()}`;
}

function distinctWords(texts: readonly AnalysedText[], vectors: WordVectors): DistinctWords {
  const ids = new Map<string, number>();
  const stems: string[] = [];
  const weights: number[] = [];
  const known: boolean[] = [];
  const indices: number[] = [];
  const ofIdea = texts.map((t) =>
    t.terms.map((term) => {
      const key = wordKey(term);
      let id = ids.get(key);
      if (id === undefined) {
        id = stems.length;
        ids.set(key, id);
        const index = vectors.indexOf(term.surface);
        stems.push(term.stem);
        known.push(index >= 0);
        weights.push(index >= 0 ? sifWeight(vectors, index) : 1);
        indices.push(index);
      }
      return id;
    }),
  );
  const d = vectors.dimensions;
  const unitVectors = new Float32Array(stems.length * d);
  const word = new Float32Array(d);
  indices.forEach((index, id) => {
    if (index < 0) return;
    vectors.copyVector(index, word);
    let norm = 0;
    for (let k = 0; k < d; k++) norm += word[k] * word[k];
    norm = Math.sqrt(norm);
    if (norm > 0) for (let k = 0; k < d; k++) unitVectors[id * d + k] = word[k] / norm;
  });
  return { stems, weights, vectors: unitVectors, known, ofIdea };
}

/** u × u: 1 for the same stem, else the cosine of two known words floored at 0, else 0. */
function similarityOfWords(words: DistinctWords, d: number): Float32Array {
  const u = words.stems.length;
  const result = new Float32Array(u * u);
  for (let a = 0; a < u; a++) {
    result[a * u + a] = 1;
    for (let b = a + 1; b < u; b++) {
      let s = 0;
      if (words.stems[a] === words.stems[b]) s = 1;
      else if (words.known[a] && words.known[b]) {
        let dot = 0;
        for (let k = 0; k < d; k++) dot += words.vectors[a * d + k] * words.vectors[b * d + k];
        s = Math.max(0, dot);
      }
      result[a * u + b] = s;
      result[b * u + a] = s;
    }
  }
  return result;
}
