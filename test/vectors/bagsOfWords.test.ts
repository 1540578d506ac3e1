import fc from 'fast-check';
import { analyseText } from '../../src/text/analyseText';
import { asciiNorm, asciiWords, tokenize } from '../../src/text/tokenize';
import { bagsOfWords } from '../../src/vectors/bagsOfWords';
import { fakeVectors } from './fakeVectors';

const vectors = fakeVectors({ water: [1, 0], river: [0.5, 0.5], "don't": [0, 1], 'u.s': [0.2, 0.8], the: [0.3, 0.3], '3.5': [1, 1] });

/** The words of each idea as bagsOfWords records them, by name: known words in order, stems with their counts. */
function wordsOf(texts: string[]) {
  const bags = bagsOfWords(texts, vectors);
  return texts.map((_, i) => ({
    known: Array.from(bags.wordIds.subarray(bags.wordStart[i], bags.wordStart[i + 1]), (w) => bags.words[w]),
    stems: Array.from(bags.stemIds.subarray(bags.stemStart[i], bags.stemStart[i + 1]), (s, p) => [bags.stems[s], Math.round(Math.exp(bags.stemTf[bags.stemStart[i] + p] - 1))]),
  }));
}

/** The same, from the words `tokenize` gives (the reference). */
function expectedWordsOf(text: string) {
  const norms = (asciiWords(text) ?? tokenize(text).map((t) => t.norm)).map((w) => (asciiWords(text) ? asciiNorm(w) : w));
  const stems = new Map<string, number>();
  for (const term of analyseText(text).terms) stems.set(term.stem, (stems.get(term.stem) ?? 0) + 1);
  return { known: norms.filter((w) => vectors.indexOf(w) >= 0), stems: [...stems] };
}

describe('bagsOfWords', () => {
  it('finds the words tokenize finds, ASCII or not, with their counts in order of first appearance', () => {
    const texts = ["The river's water, the RIVER'S water", "Don't panic: U.S. rates 3.5% (1,000 people; 2;3)", 'Protección del río y agua', 'e.g. water_works x:y a.b.c', "it's 'quoted' S's", ''];
    expect(wordsOf(texts)).toEqual(texts.map(expectedWordsOf));
  });

  it('agrees with tokenize on any short ASCII text', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'aAbsS19 .,;:\'"_-\t\n!xyzWater'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(fc.array(ascii, { maxLength: 8 }), (texts) => {
        expect(wordsOf(texts)).toEqual(texts.map(expectedWordsOf));
      }),
      { numRuns: 500 },
    );
  });
});
