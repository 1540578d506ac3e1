import { analyseText } from '../../src/text/analyseText';
import { autoTextWeight } from '../../src/vectors/represent';
import { represent, sifEmbeddings } from './representOnce';
import { fakeVectors } from './fakeVectors';

// A tiny vocabulary in 4 dimensions: two related words, one unrelated, all sharing a large
// common component (the last), which SIF removes as the first principal component.
const vectors = fakeVectors({ cybercrime: [1, 0.1, 0, 3], hacking: [0.9, 0.2, 0, 3], rights: [0, 0.1, 1, 3], the: [0.3, 0.3, 0.3, 3] });

describe('sifEmbeddings', () => {
  it('makes ideas with related words similar although they share none', () => {
    const rows = sifEmbeddings([['cybercrime'], ['hacking'], ['rights']], vectors);
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(cos(rows[0], rows[1])).toBeGreaterThan(cos(rows[0], rows[2]));
    for (const r of rows) expect(Math.hypot(...r)).toBeCloseTo(1, 9);
  });

  it('gives a zero row to an idea without a known word', () => {
    expect(sifEmbeddings([['unknownword'], ['rights']], vectors)[0]).toEqual([0, 0, 0, 0]);
  });
});

describe('autoTextWeight', () => {
  it('leans on word meaning when the vectors know the words, on shared words when they do not', () => {
    const known = ['cybercrime hacking', 'rights'].map(analyseText);
    const jargon = ['cybercrime xqzt', 'rights wubbalub', 'hacking'].map(analyseText);
    expect(autoTextWeight(known, vectors)).toBeCloseTo(0.4, 9);
    expect(autoTextWeight(jargon, vectors)).toBeCloseTo(0.9, 9);
  });
});

describe('represent', () => {
  const texts = ['Cybercrime', 'Hacking', 'Rights'].map(analyseText);

  it('uses TF-IDF alone without word vectors', () => {
    const rows = represent(texts, { textWeight: 'auto' });
    expect(rows[0]).toHaveLength(3);
    expect(rows[0].reduce((s, x, i) => s + x * rows[1][i], 0)).toBe(0);
  });

  it('blends so that the cosine is the weighted sum of both cosines', () => {
    const rows = represent(texts, { textWeight: 0.5 }, vectors);
    const meaning = sifEmbeddings([['cybercrime'], ['hacking'], ['rights']], vectors);
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(cos(rows[0], rows[1])).toBeCloseTo(0.5 * 0 + 0.5 * cos(meaning[0], meaning[1]), 9);
  });
});
