import { BagsOfWords } from './bagsOfWords';
import { AUTO_TEXT_WEIGHT, MAX_FEATURES, RepresentationModel, RepresentationOptions, textWeightForUnknownShare } from './represent';
import { sifCommonComponent, sifWeight } from './sif';
import { WordVectors } from './wordVectorCache';

/**
 * The rows of `transformRepresentation` for a large group, never written out: row i is
 *
 *   x_i = α_i · Σ_s tf_is · idf_s · e_s  ⊕  β_i · Σ_{word occurrences} a_w · v_w − γ_i · u
 *
 * (TF-IDF columns ⊕ word-meaning columns, u the SIF common component, a_w the SIF weight), the
 * same numbers as the dense row, held as three scalars per idea plus its bag of words: O(n)
 * floats instead of O(n · V). A dot product with a dense centre then costs O(words of the idea)
 * once per-word tables are made for that centre (see LargeCentres).
 */
export interface LargeRows {
  bags: BagsOfWords;
  model: RepresentationModel;
  /** Vocabulary column of each stem id, or −1 when the stem is outside the TF-IDF vocabulary. */
  column: Int32Array;
  /** idf of each stem id (0 outside the vocabulary). */
  idf: Float64Array;
  /** SIF weight a_w of each known word id. */
  sifWeight: Float64Array;
  alpha: Float32Array;
  beta: Float32Array;
  gamma: Float32Array;
  /** Whether idea i has a content word (the ideas without one are not clustered). */
  clustered: Uint8Array;
}

/**
 * Fit the representation on the ideas with a content word, as `fitRepresentation` does on
 * their analysed texts: the same vocabulary, idf and blend weight; the SIF common component
 * from at most COMMON_COMPONENT_SAMPLE ideas spread evenly over the group (its power
 * iteration would otherwise pass over every idea a hundred times). O(total words · d).
 */
export function largeRows(bags: BagsOfWords, options: RepresentationOptions, vectors?: WordVectors): LargeRows {
  const n = bags.ideas;
  const clustered = new Uint8Array(n);
  let documents = 0;
  for (let i = 0; i < n; i++) if (bags.stemStart[i + 1] > bags.stemStart[i]) (clustered[i] = 1), documents++;

  const order = bags.stems.map((_, id) => id).filter((id) => bags.documentFrequency[id] > 0);
  const maxFeatures = options.maxFeatures ?? MAX_FEATURES;
  const byFrequency = (a: number, b: number) => bags.documentFrequency[b] - bags.documentFrequency[a] || compare(bags.stems[a], bags.stems[b]);
  const kept = order.length > maxFeatures ? [...order].sort(byFrequency).slice(0, maxFeatures) : order;
  kept.sort((a, b) => compare(bags.stems[a], bags.stems[b]));
  const column = new Int32Array(bags.stems.length).fill(-1);
  const idf = new Float64Array(bags.stems.length);
  kept.forEach((id, c) => {
    column[id] = c;
    idf[id] = Math.log((1 + documents) / (1 + bags.documentFrequency[id])) + 1;
  });
  const tfidf = { vocabulary: kept.map((id) => bags.stems[id]), idf: kept.map((id) => idf[id]) };

  const unknownShare = bags.contentWords === 0 ? 1 : 1 - bags.knownContentWords / bags.contentWords;
  const textWeight = !vectors ? 1 : options.textWeight === 'auto' ? (bags.contentWords === 0 ? AUTO_TEXT_WEIGHT.low : textWeightForUnknownShare(unknownShare)) : options.textWeight;
  const sample = evenlySpread(n, COMMON_COMPONENT_SAMPLE).filter((i) => clustered[i]);
  const meaning =
    textWeight >= 1 || !vectors ? null : { dimensions: vectors.dimensions, commonComponent: sifCommonComponent(sample.map((i) => wordsOfIdea(bags, i)), vectors) };
  const model: RepresentationModel = { tfidf, textWeight: meaning ? textWeight : 1, meaning };

  const sif = new Float64Array(bags.words.length);
  if (vectors) bags.wordVectorIndex.forEach((index, w) => (sif[w] = sifWeight(vectors, index)));
  const alpha = new Float32Array(n);
  const beta = new Float32Array(n);
  const gamma = new Float32Array(n);
  const w = model.textWeight;
  const d = meaning?.dimensions ?? 0;
  const u = Float64Array.from(meaning?.commonComponent ?? []);
  // Each distinct word's vector once, SIF weight applied: W × d floats, W ≤ the vectors' size.
  const weighted = new Float32Array(meaning ? bags.words.length * d : 0);
  if (meaning) {
    bags.wordVectorIndex.forEach((index, word) => {
      vectors!.copyVector(index, weighted, word * d);
      for (let j = word * d; j < (word + 1) * d; j++) weighted[j] *= sif[word];
    });
  }
  const average = new Float64Array(d);
  const { wordIds, wordStart } = bags;
  for (let i = 0; i < n; i++) {
    if (!clustered[i]) continue;
    let tfNorm = 0;
    for (let p = bags.stemStart[i]; p < bags.stemStart[i + 1]; p++) {
      const value = bags.stemTf[p] * idf[bags.stemIds[p]];
      tfNorm += value * value;
    }
    tfNorm = Math.sqrt(tfNorm);
    let sifNorm = 0;
    let projection = 0;
    const known = bags.wordStart[i + 1] - bags.wordStart[i];
    if (meaning && known > 0) {
      // The first word's vector is copied rather than added to zeros, and the mean and its
      // projection are taken in one pass: the same sums, in the same order, in fewer passes.
      const first = wordIds[wordStart[i]] * d;
      for (let j = 0; j < d; j++) average[j] = weighted[first + j];
      const end = wordStart[i + 1];
      for (let p = wordStart[i] + 1; p < end; p++) {
        const base = wordIds[p] * d;
        let j = 0;
        for (; j + 4 <= d; j += 4) {
          average[j] += weighted[base + j];
          average[j + 1] += weighted[base + j + 1];
          average[j + 2] += weighted[base + j + 2];
          average[j + 3] += weighted[base + j + 3];
        }
        for (; j < d; j++) average[j] += weighted[base + j];
      }
      for (let j = 0; j < d; j++) {
        average[j] /= known;
        projection += average[j] * u[j];
      }
      for (let j = 0; j < d; j++) {
        const r = average[j] - projection * u[j];
        sifNorm += r * r;
      }
      sifNorm = Math.sqrt(sifNorm);
    }
    // The blend of a unit TF-IDF part and a unit meaning part is unit already; when one part is
    // zero the other is scaled back to unit length, as `blend` normalises.
    const squared = (tfNorm > 0 ? w : 0) + (sifNorm > 0 ? 1 - w : 0);
    const scale = squared > 0 ? 1 / Math.sqrt(squared) : 0;
    alpha[i] = tfNorm > 0 ? (scale * Math.sqrt(w)) / tfNorm : 0;
    beta[i] = sifNorm > 0 ? (scale * Math.sqrt(1 - w)) / (known * sifNorm) : 0;
    gamma[i] = sifNorm > 0 ? (scale * Math.sqrt(1 - w) * projection) / sifNorm : 0;
  }
  return { bags, model, column, idf, sifWeight: sif, alpha, beta, gamma, clustered };
}

/** Ideas the SIF common component is fitted on, at most. */
const COMMON_COMPONENT_SAMPLE = 5000;

/** The known words of idea i, in order, as `sifCommonComponent` takes them. */
function wordsOfIdea(bags: BagsOfWords, i: number): string[] {
  const words: string[] = [];
  for (let p = bags.wordStart[i]; p < bags.wordStart[i + 1]; p++) words.push(bags.words[bags.wordIds[p]]);
  return words;
}

/** Every ⌈n/size⌉-th index: deterministic and spread over the input. */
export function evenlySpread(n: number, size: number): number[] {
  const step = Math.max(1, Math.ceil(n / size));
  const indices: number[] = [];
  for (let i = 0; i < n; i += step) indices.push(i);
  return indices;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

