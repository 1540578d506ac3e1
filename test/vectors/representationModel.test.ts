import * as fs from 'node:fs';
import * as path from 'node:path';
import { LABELLED_SETS } from '../../bench/labelledSets';
import { groupIdeas } from '../../src/groupIdeas';
import { parseNotes } from '../../src/ingest/parseNotes';
import { analyseText } from '../../src/text/analyseText';
import {
  autoTextWeight,
  fitRepresentation,
  RepresentationOptions,
  transformRepresentation,
  transformRepresentationSparse,
} from '../../src/vectors/represent';
import { represent } from './representOnce';
import { sifCommonComponent, sifTransform } from '../../src/vectors/sif';
import { toDense, transformTfidf } from '../../src/vectors/tfidf';
import { defaultCacheDir, loadWordVectors, WordVectors } from '../../src/vectors/wordVectorCache';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });

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

/** Dot product of two rows (the cosine, for unit rows). */
const dot = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i], 0);

describe('the rows of a fitted representation, on every group of the labelled sets', () => {
  const cases: [string, RepresentationOptions, WordVectors | undefined][] = [
    ['automatic weight', { textWeight: 'auto' }, wordVectors],
    ['weight 0.5', { textWeight: 0.5 }, wordVectors],
    ['TF-IDF only', { textWeight: 1 }, wordVectors],
    ['without word vectors', { textWeight: 'auto' }, undefined],
  ];
  it.each(cases)('%s: unit rows whose cosine is w·cos(TF-IDF) + (1 − w)·cos(SIF), by the fitted state', (_, options, vectors) => {
    for (const group of groups) {
      const model = fitRepresentation(group.texts, options, vectors);
      const rows = represent(group.texts, options, vectors);
      const stems = group.texts.map((t) => t.terms.map((term) => term.stem));
      const tfidf = toDense(transformTfidf(model.tfidf, stems), model.tfidf.vocabulary.length);
      const w = model.textWeight;
      const meaning = model.meaning ? sifTransform(group.texts.map((t) => t.tokens.map((token) => token.norm)), vectors!, model.meaning.commonComponent) : null;
      // The blend's length before normalising: each part is a unit row (or zero).
      const length = (i: number) => Math.sqrt(w * dot(tfidf[i], tfidf[i]) + (meaning ? (1 - w) * dot(meaning[i], meaning[i]) : 0));
      for (let i = 0; i < rows.length; i++) {
        expect(Math.hypot(...rows[i])).toBeCloseTo(length(i) > 0 ? 1 : 0, 12);
        const j = (i * 7 + 3) % rows.length;
        if (length(i) === 0 || length(j) === 0) continue;
        const blended = (w * dot(tfidf[i], tfidf[j]) + (meaning ? (1 - w) * dot(meaning[i], meaning[j]) : 0)) / (length(i) * length(j));
        expect(dot(rows[i], rows[j])).toBeCloseTo(blended, 12);
      }
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
  it('removes the fitted common component from every row, and gives unit rows (zero for no known word)', () => {
    for (const group of groups) {
      const documents = group.texts.map((t) => t.tokens.map((token) => token.norm));
      const component = sifCommonComponent(documents, wordVectors);
      expect(Math.hypot(...component)).toBeCloseTo(1, 12);
      for (const row of sifTransform(documents, wordVectors, component)) {
        expect(dot(row, component)).toBeCloseTo(0, 9);
        expect([0, 1]).toContainEqual(Number(Math.hypot(...row).toFixed(12)));
      }
    }
  });
});
