import { fitTfidf, transformTfidf, toDense } from '../../src/vectors/tfidf';

describe('TF-IDF', () => {
  const docs = [['cyber', 'crime'], ['cyber', 'secur'], ['right', 'right', 'human']];

  it('sorts the vocabulary and weighs rarer terms higher (smooth idf)', () => {
    const model = fitTfidf(docs);
    expect(model.vocabulary).toEqual(['crime', 'cyber', 'human', 'right', 'secur']);
    // idf = ln((1 + 3) / (1 + df)) + 1
    expect(model.idf[1]).toBeCloseTo(Math.log(4 / 3) + 1, 12);
    expect(model.idf[0]).toBeCloseTo(Math.log(2) + 1, 12);
  });

  it('gives unit-length rows with sublinear term frequency', () => {
    const model = fitTfidf(docs);
    const [a, , c] = transformTfidf(model, docs);
    expect(Math.hypot(...a.values)).toBeCloseTo(1, 12);
    // "right" occurs twice: tf = 1 + ln 2, "human" once: tf = 1; both have the same idf.
    const dense = toDense([c], model.vocabulary.length)[0];
    expect(dense[3] / dense[2]).toBeCloseTo(1 + Math.log(2), 12);
  });

  it('keeps the most frequent terms when capped', () => {
    expect(fitTfidf(docs, { maxFeatures: 1 }).vocabulary).toEqual(['cyber']);
  });

  it('leaves a document without known terms as a zero vector', () => {
    const model = fitTfidf(docs);
    expect(transformTfidf(model, [['unknown']])[0]).toEqual({ indices: [], values: [] });
  });
});
