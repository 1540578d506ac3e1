import * as fs from 'node:fs';
import * as path from 'node:path';
import { LABELLED_SETS } from '../../bench/labelledSets';
import { groupIdeas } from '../../src/groupIdeas';
import { parseNotes } from '../../src/ingest/parseNotes';
import { analyseText, AnalysedText } from '../../src/text/analyseText';
import {
  autoTextWeight,
  fitRepresentation,
  RepresentationOptions,
  transformRepresentation,
  transformRepresentationSparse,
} from '../../src/vectors/represent';
import { represent } from './representOnce';
import { sifCommonComponent, sifEmbeddings, sifTransform } from '../../src/vectors/sif';
import { fitTfidf, toDense, transformTfidf } from '../../src/vectors/tfidf';
import { defaultCacheDir, loadWordVectors, WordVectors } from '../../src/vectors/wordVectorCache';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });

/**
 * represent() and sifEmbeddings() as they were written before they were split into fit and
 * transform: the reference their output must keep to the bit.
 */
function representAsBefore(texts: readonly AnalysedText[], options: RepresentationOptions, vectors?: WordVectors): number[][] {
  const documents = texts.map((t) => t.terms.map((term) => term.stem));
  const model = fitTfidf(documents, { maxFeatures: 5000 });
  const tfidf = toDense(transformTfidf(model, documents), model.vocabulary.length);
  const w = !vectors ? 1 : options.textWeight === 'auto' ? autoTextWeight(texts, vectors) : options.textWeight;
  if (w >= 1) return tfidf;
  const meaning = sifAsBefore(texts.map((t) => t.tokens.map((token) => token.norm)), vectors!);
  return tfidf.map((a, i) => {
    const b = meaning[i];
    const row = [...a.map((x) => x * Math.sqrt(w)), ...b.map((x) => x * Math.sqrt(1 - w))];
    let s = 0;
    for (const x of row) s += x * x;
    const n = Math.sqrt(s);
    return n > 0 ? row.map((x) => x / n) : row;
  });
}

function sifAsBefore(documents: readonly string[][], vectors: WordVectors): number[][] {
  const d = vectors.dimensions;
  const harmonic = Math.log(341_479) + 0.5772156649;
  const word = new Float32Array(d);
  const rows = documents.map((words) => {
    const sum = new Array<number>(d).fill(0);
    let known = 0;
    for (const w of words) {
      const i = vectors.indexOf(w);
      if (i < 0) continue;
      vectors.copyVector(i, word);
      const weight = 1e-3 / (1e-3 + 1 / ((vectors.rank(i) + 1) * harmonic));
      for (let j = 0; j < d; j++) sum[j] += weight * word[j];
      known++;
    }
    return known > 0 ? sum.map((v) => v / known) : sum;
  });
  const unit = (v: number[]) => {
    let s = 0;
    for (const x of v) s += x * x;
    const n = Math.sqrt(s);
    return n > 0 ? v.map((x) => x / n) : v;
  };
  let u = unit(new Array<number>(d).fill(1));
  const next = new Array<number>(d);
  for (let iteration = 0; iteration < 100; iteration++) {
    next.fill(0);
    for (const row of rows) {
      let p = 0;
      for (let j = 0; j < d; j++) p += row[j] * u[j];
      for (let j = 0; j < d; j++) next[j] += p * row[j];
    }
    const n = unit(next);
    let change = 0;
    for (let j = 0; j < d; j++) change += Math.abs(n[j] - u[j]);
    u = n;
    if (change < 1e-9) break;
  }
  for (const row of rows) {
    let p = 0;
    for (let j = 0; j < d; j++) p += row[j] * u[j];
    for (let j = 0; j < d; j++) row[j] -= p * u[j];
  }
  return rows.map(unit);
}

/** The exact bits of a matrix, −0 and +0 told apart. */
const bits = (rows: number[][]) => Buffer.from(new Float64Array(rows.flat()).buffer).toString('base64');

/** Every group of every labelled set, as the analysis sees it: the ideas with a content word. */
const groups = LABELLED_SETS.flatMap((set) => {
  const table = parseNotes(fs.readFileSync(path.join(__dirname, '../../fixtures', set.file), 'utf8'), set.file, { text: set.text, by: set.by ?? 'none' });
  return groupIdeas(table.ideas).map((g) => ({
    name: `${set.file} ${g.name}`,
    texts: g.ideas.map((i) => analyseText(i.text)).filter((t) => t.terms.length > 0),
  }));
});

describe('represent() is fit then transform, bit for bit as before', () => {
  const cases: [string, RepresentationOptions, WordVectors | undefined][] = [
    ['automatic weight', { textWeight: 'auto' }, wordVectors],
    ['weight 0.5', { textWeight: 0.5 }, wordVectors],
    ['TF-IDF only', { textWeight: 1 }, wordVectors],
    ['without word vectors', { textWeight: 'auto' }, undefined],
  ];
  it.each(cases)('%s', (_, options, vectors) => {
    for (const group of groups) {
      const before = bits(representAsBefore(group.texts, options, vectors));
      expect(bits(represent(group.texts, options, vectors))).toBe(before);
      const model = fitRepresentation(group.texts, options, vectors);
      expect(bits(transformRepresentation(model, group.texts, vectors))).toBe(before);
    }
  });

  it('keeps the same numbers through JSON', () => {
    const texts = groups[0].texts;
    const model = fitRepresentation(texts, { textWeight: 'auto' }, wordVectors);
    const reread = JSON.parse(JSON.stringify(model));
    expect(reread).toEqual(model);
    expect(bits(transformRepresentation(reread, texts, wordVectors))).toBe(bits(represent(texts, { textWeight: 'auto' }, wordVectors)));
  });
});

describe('fitRepresentation', () => {
  const texts = ['Cybercrime and hacking', 'Human rights online', 'Hacking of networks'].map(analyseText);

  it('keeps the vocabulary, idf, resolved weight and SIF common component as plain data', () => {
    const model = fitRepresentation(texts, { textWeight: 'auto' }, wordVectors);
    expect(model.tfidf.vocabulary).toEqual(['cybercrim', 'hack', 'human', 'network', 'onlin', 'right']);
    expect(model.tfidf.idf).toHaveLength(6);
    expect(model.textWeight).toBe(autoTextWeight(texts, wordVectors));
    expect(model.meaning?.dimensions).toBe(wordVectors.dimensions);
    expect(Math.hypot(...model.meaning!.commonComponent)).toBeCloseTo(1, 9);
  });

  it('has no word-meaning part without word vectors or with a weight of 1', () => {
    expect(fitRepresentation(texts, { textWeight: 'auto' })).toMatchObject({ textWeight: 1, meaning: null });
    expect(fitRepresentation(texts, { textWeight: 1 }, wordVectors)).toMatchObject({ textWeight: 1, meaning: null });
  });
});

describe('transformRepresentation', () => {
  const fitted = ['Cybercrime and hacking', 'Human rights online', 'Hacking of networks'].map(analyseText);
  const model = fitRepresentation(fitted, { textWeight: 0.5 }, wordVectors);

  it('places new ideas in the fitted space: unknown stems count for nothing, word meaning still works', () => {
    const [known, unseen] = transformRepresentation(model, ['hacking', 'Malware'].map(analyseText), wordVectors);
    const [hacking, rights] = transformRepresentation(model, ['Cybercrime and hacking', 'Human rights online'].map(analyseText), wordVectors);
    const vocabulary = model.tfidf.vocabulary.length;
    expect(known).toHaveLength(vocabulary + wordVectors.dimensions);
    expect(unseen.slice(0, vocabulary).every((x) => x === 0)).toBe(true);
    const cos = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    expect(cos(unseen, hacking)).toBeGreaterThan(cos(unseen, rights));
    expect(Math.hypot(...known)).toBeCloseTo(1, 12);
  });

  it('gives a zero row to an idea with no word the model knows', () => {
    const tfidfOnly = fitRepresentation(fitted, { textWeight: 1 });
    expect(transformRepresentation(tfidfOnly, [analyseText('Malware')])[0].every((x) => x === 0)).toBe(true);
  });

  it('is the dense form of transformRepresentationSparse', () => {
    const texts = ['hacking rights', 'Malware', 'online networks'].map(analyseText);
    const sparse = transformRepresentationSparse(model, texts, wordVectors);
    expect(bits(toDense(sparse, model.tfidf.vocabulary.length + wordVectors.dimensions))).toBe(bits(transformRepresentation(model, texts, wordVectors)));
  });

  it('refuses a word-meaning model without the word vectors, or with others of another size', () => {
    expect(() => transformRepresentation(model, fitted)).toThrow(/needs the word vectors/);
    const small: WordVectors = { dimensions: 4, size: 0, indexOf: () => -1, copyVector: () => undefined, rank: () => 0 };
    expect(() => transformRepresentation(model, fitted, small)).toThrow(/4 dimensions/);
  });
});

describe('sifTransform', () => {
  it('gives sifEmbeddings, as before, on the documents the component was fitted on', () => {
    for (const group of groups) {
      const documents = group.texts.map((t) => t.tokens.map((token) => token.norm));
      const before = bits(sifAsBefore(documents, wordVectors));
      expect(bits(sifEmbeddings(documents, wordVectors))).toBe(before);
      expect(bits(sifTransform(documents, wordVectors, sifCommonComponent(documents, wordVectors)))).toBe(before);
    }
  });
});
