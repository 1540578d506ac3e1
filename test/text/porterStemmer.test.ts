import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
// The reference: natural's stemmer, which src/text/porterStemmer.ts reproduces without regular expressions.
import NaturalPorterStemmer from 'natural/lib/natural/stemmers/porter_stemmer';
import { stem } from '../../src/text/porterStemmer';

const root = path.join(__dirname, '..', '..');

/** The words both stemmers give a different stem for, with both stems. */
function differences(words: Iterable<string>): string[] {
  const found: string[] = [];
  for (const word of words) {
    const expected = NaturalPorterStemmer.stem(word);
    const actual = stem(word);
    if (actual !== expected) found.push(`${word}: natural ${expected}, port ${actual}`);
  }
  return found;
}

/** Distinct lower-case a-z words of the CSV files of a folder; none when the folder is missing. */
function csvWords(folder: string): Set<string> {
  const words = new Set<string>();
  if (!fs.existsSync(folder)) return words;
  for (const file of fs.readdirSync(folder).filter((f) => f.endsWith('.csv'))) {
    for (const word of fs.readFileSync(path.join(folder, file), 'utf8').toLowerCase().match(/[a-z]+/g) ?? []) words.add(word);
  }
  return words;
}

/** For fast-check, which then reports the shortest word it finds with two different stems. */
const sameStem = (word: string): boolean => stem(word) === NaturalPorterStemmer.stem(word);

const SUFFIXES = ['ational', 'tional', 'ization', 'iveness', 'fulness', 'ousness', 'ement', 'ation', 'aliti', 'iviti', 'biliti',
  'icate', 'ative', 'alize', 'iciti', 'ical', 'ness', 'ful', 'eed', 'ed', 'ing', 'ies', 'sses', 'ss', 's', 'y', 'e', 'll', 'at', 'bl', 'iz',
  'sion', 'tion', 'ance', 'ence', 'able', 'ible', 'ment', 'ent', 'ism', 'ous', 'ive', 'ize', 'er', 'ic', 'al', 'ou', 'li', 'logi'];

describe('porterStemmer: the same stem as natural\'s Porter stemmer', () => {
  it('for every a-z word of natural\'s English lexicon', () => {
    const lexicon = require.resolve('natural/lib/natural/brill_pos_tagger/data/English/lexicon_from_posjs.json');
    const words = new Set(Object.keys(JSON.parse(fs.readFileSync(lexicon, 'utf8')) as Record<string, unknown>)
      .map((word) => word.toLowerCase())
      .filter((word) => /^[a-z]+$/.test(word)));
    expect(words.size).toBeGreaterThan(60000);
    expect(differences(words)).toEqual([]);
  });

  it('for every word of the fixtures and of the shared data sets', () => {
    const words = new Set([...csvWords(path.join(root, 'fixtures')), ...csvWords(path.join(root, '..', 'shared', 'data'))]);
    expect(words.size).toBeGreaterThan(1000);
    expect(differences(words)).toEqual([]);
  });

  it('for random strings of a to z', () => {
    const letters = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'.split('')), minLength: 1, maxLength: 14 });
    fc.assert(fc.property(letters, sameStem), { numRuns: 100000 });
  });

  it('for random stems, rich in the letters the rules look at, followed by one or two common suffixes', () => {
    const stems = fc.string({ unit: fc.constantFrom(...'aeiouybcdglstwxz'.split('')), maxLength: 8 });
    const suffix = fc.constantFrom(...SUFFIXES);
    const words = fc.tuple(stems, suffix, fc.option(suffix)).map(([start, first, second]) => start + first + (second ?? ''));
    fc.assert(fc.property(words, sameStem), { numRuns: 100000 });
  });
});
