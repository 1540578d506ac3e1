import { analyseText } from '../../src/text/analyseText';
import { alignmentSimilarity } from '../../src/vectors/alignment';
import { clusteringSimilarity, WORD_ALIGNMENT_LIMIT } from '../../src/vectors/clusteringSimilarity';
import { fitRepresentation, transformRepresentation } from '../../src/vectors/represent';
import { fakeVectors } from './fakeVectors';

// Unit vectors with cos(alpha, beta) = 0.6, cos(alpha, gamma) = 0, cos(beta, gamma) = 0.8; all
// words equally frequent, so their SIF weights are equal.
const vectors = fakeVectors({ alpha: [1, 0], beta: [0.6, 0.8], gamma: [0, 1] }, () => 5000);
const texts = (ideas: string[]) => ideas.map(analyseText);

describe('alignmentSimilarity', () => {
  it('matches each word with its closest word of the other idea, both ways, as worked by hand', () => {
    const s = alignmentSimilarity(texts(['alpha', 'beta', 'alpha gamma']), vectors);
    expect(s[0][1]).toBeCloseTo(0.6, 6); // alpha→beta 0.6, beta→alpha 0.6
    // alpha→{alpha, gamma}: 1; {alpha, gamma}→alpha: (1 + 0) / 2; mean 0.75
    expect(s[0][2]).toBeCloseTo(0.75, 6);
    // beta→{alpha, gamma}: max(0.6, 0.8) = 0.8; {alpha, gamma}→beta: (0.6 + 0.8) / 2 = 0.7; mean 0.75
    expect(s[1][2]).toBeCloseTo(0.75, 6);
  });

  it('is symmetric with 1 on the diagonal', () => {
    const s = alignmentSimilarity(texts(['alpha beta', 'gamma', 'beta gamma alpha']), vectors);
    for (let i = 0; i < 3; i++) {
      expect(s[i][i]).toBe(1);
      for (let j = 0; j < 3; j++) expect(s[i][j]).toBe(s[j][i]);
    }
  });

  it('matches words the vectors do not know by their stem only', () => {
    const s = alignmentSimilarity(texts(['zorblax', 'zorblaxes', 'alpha']), vectors);
    expect(s[0][1]).toBe(1);
    expect(s[0][2]).toBe(0);
  });

  it('weighs rare words above common ones (SIF)', () => {
    const ranked = fakeVectors({ alpha: [1, 0], beta: [0.6, 0.8], gamma: [0, 1] }, (i) => [100_000, 10, 100_000][i]);
    // "alpha beta" → "alpha": alpha matches 1, beta 0.6; beta is common, so it weighs little and the mean nears 1.
    const s = alignmentSimilarity(texts(['alpha beta', 'alpha']), ranked);
    const equal = alignmentSimilarity(texts(['alpha beta', 'alpha']), vectors);
    expect(s[0][1]).toBeGreaterThan(equal[0][1]);
  });
});

describe('clusteringSimilarity', () => {
  const ideas = texts(['alpha beta', 'gamma', 'alpha gamma', 'beta']);

  it('is the word alignment itself when word meaning is all and alignment takes all of it', () => {
    const model = fitRepresentation(ideas, { textWeight: 0 }, vectors);
    const rows = transformRepresentation(model, ideas, vectors);
    const s = clusteringSimilarity(model, rows, ideas, vectors, 1)!;
    const alignment = alignmentSimilarity(ideas, vectors);
    for (let i = 0; i < ideas.length; i++) for (let j = 0; j < ideas.length; j++) expect(s[i][j]).toBeCloseTo(alignment[i][j], 9);
  });

  it('blends the rows cosine with alignment by the share of word meaning', () => {
    const model = fitRepresentation(ideas, { textWeight: 0.5 }, vectors);
    const rows = transformRepresentation(model, ideas, vectors);
    const s = clusteringSimilarity(model, rows, ideas, vectors, 0.4)!;
    const alignment = alignmentSimilarity(ideas, vectors);
    const tfidfOnly = transformRepresentation(fitRepresentation(ideas, { textWeight: 1 }, vectors), ideas, vectors);
    const meaningOnly = transformRepresentation(fitRepresentation(ideas, { textWeight: 0 }, vectors), ideas, vectors);
    const cos = (a: number[], b: number[]) => a.reduce((t, x, d) => t + x * b[d], 0);
    const expected = 0.5 * cos(tfidfOnly[0], tfidfOnly[2]) + 0.5 * (0.6 * cos(meaningOnly[0], meaningOnly[2]) + 0.4 * alignment[0][2]);
    expect(s[0][2]).toBeCloseTo(expected, 9);
  });

  it('leaves the rows cosine alone without word meaning or with no share for alignment', () => {
    const model = fitRepresentation(ideas, { textWeight: 0.5 }, vectors);
    const rows = transformRepresentation(model, ideas, vectors);
    expect(clusteringSimilarity(model, rows, ideas, vectors, 0)).toBeNull();
    expect(clusteringSimilarity(model, rows, ideas, undefined, 0.3)).toBeNull();
    const tfidf = fitRepresentation(ideas, { textWeight: 1 }, vectors);
    expect(clusteringSimilarity(tfidf, transformRepresentation(tfidf, ideas, vectors), ideas, vectors, 0.3)).toBeNull();
  });

  it('is not used beyond its limits on ideas and distinct words, where it would cost too much', () => {
    const letters = (i: number) => Array.from({ length: 3 }, (_, p) => String.fromCharCode(97 + (Math.floor(i / 26 ** p) % 26))).join('');
    const many = texts(Array.from({ length: WORD_ALIGNMENT_LIMIT.ideas + 1 }, (_, i) => `alpha q${letters(i)}`));
    const wordy = texts(Array.from({ length: 100 }, (_, i) => Array.from({ length: 16 }, (_, w) => `q${letters(16 * i + w)}`).join(' ')));
    for (const group of [many, wordy]) {
      const model = fitRepresentation(group, { textWeight: 0.5 }, vectors);
      expect(clusteringSimilarity(model, transformRepresentation(model, group, vectors), group, vectors, 0.3)).toBeNull();
    }
    const few = many.slice(0, WORD_ALIGNMENT_LIMIT.ideas);
    const model = fitRepresentation(few, { textWeight: 0.5 }, vectors);
    expect(clusteringSimilarity(model, transformRepresentation(model, few, vectors), few, vectors, 0.3)).not.toBeNull();
  });
});
