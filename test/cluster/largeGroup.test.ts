import { analyseGroup, analyseGroupWithModel } from '../../src/analyseGroup';
import { LARGE_GROUP } from '../../src/analyseLargeGroup';
import { CentreSums, LargeCentres, largeSpace } from '../../src/cluster/largeCentres';
import { Idea } from '../../src/ingest/idea';
import { analyseText } from '../../src/text/analyseText';
import { bagsOfWords } from '../../src/vectors/bagsOfWords';
import { largeRows } from '../../src/vectors/largeRows';
import { fitRepresentation, transformRepresentation } from '../../src/vectors/represent';
import { fakeVectors } from '../vectors/fakeVectors';

const vectors = fakeVectors({
  water: [1, 0, 0, 0.1],
  river: [0.9, 0.1, 0, 0],
  rain: [0.8, 0, 0.2, 0],
  school: [0, 1, 0, 0.1],
  teacher: [0.1, 0.9, 0, 0],
  pupils: [0, 0.8, 0.2, 0],
  the: [0.3, 0.3, 0.3, 0.3],
  of: [0.2, 0.3, 0.2, 0.3],
});

const WATER = ['clean water for the river', 'rain water tanks', "the river's flooding", 'water prices rise', 'Protección del río y agua'];
const SCHOOL = ['more teachers in school', 'school meals for pupils', 'teacher training of the staff', 'pupils need books', 'Schule für alle Kinder'];

/** `n` ideas alternating between two subjects, each with a running number so no two are the same. */
function ideas(n: number): Idea[] {
  return Array.from({ length: n }, (_, i) => {
    const pool = i % 2 === 0 ? WATER : SCHOOL;
    return { file: 'f.csv', row: i + 1, id: String(i + 1), text: `${pool[Math.floor(i / 2) % pool.length]} ${i + 1}`, group: 'all' };
  });
}

describe('large groups (above LARGE_GROUP ideas)', () => {
  it('hold each row of the blended representation without writing it out: dot products equal the dense rows', () => {
    const texts = ideas(60).map((i) => i.text);
    const analysed = texts.map(analyseText);
    const rows = largeRows(bagsOfWords(texts, vectors), { textWeight: 0.5 }, vectors);
    const model = fitRepresentation(analysed, { textWeight: 0.5 }, vectors);
    expect(rows.model.tfidf).toEqual(model.tfidf);
    const dense = transformRepresentation(rows.model, analysed, vectors);
    const space = largeSpace(rows, vectors);
    const dot = new Float64Array(2);
    for (const a of [0, 1, 7, 30]) {
      const sums = new CentreSums(space, 2);
      sums.add(a, 0);
      sums.add(a, 1);
      const centre = sums.finish(new LargeCentres(space, 2));
      for (let b = 0; b < texts.length; b++) {
        centre.dots(b, dot);
        expect(dot[0]).toBeCloseTo(dense[a].reduce((s, x, j) => s + x * dense[b][j], 0), 5);
        // One centre's dot product is the same number as that centre's among all k.
        expect(centre.dotWith(b, 1)).toBe(dot[1]);
      }
    }
  });

  it('put every idea in exactly one theme, find the two subjects, and give the same themes for the same seed', () => {
    const input = ideas(LARGE_GROUP + 500);
    const themes = analyseGroup(input, { k: 2, seed: 3, wordVectors: vectors });
    const rows = themes.flatMap((t) => t.members.map((m) => m.idea.row)).sort((a, b) => a - b);
    expect(rows).toEqual(input.map((i) => i.row));
    const real = themes.filter((t) => !t.other);
    expect(real).toHaveLength(2);
    for (const theme of real) {
      // The foreign-language ideas share no word with their subject: only the English ones are told apart.
      const parities = new Set(theme.members.filter((m) => /^[\x20-\x7e]*$/.test(m.idea.text)).map((m) => m.idea.row % 2));
      expect(parities.size).toBe(1);
      const similarities = theme.members.map((m) => m.similarity);
      expect(similarities).toEqual([...similarities].sort((a, b) => b - a));
    }
    expect(analyseGroup(input, { k: 2, seed: 3, wordVectors: vectors })).toEqual(themes);
  });

  it('merge ideas of the same text, case and punctuation aside, in themes of thousands', () => {
    const input = [...ideas(LARGE_GROUP + 1000), { file: 'f.csv', row: 50000, id: 'd', text: 'Clean water, for the RIVER 1!', group: 'all' }];
    const members = analyseGroup(input, { k: 2, seed: 3, wordVectors: vectors }).flatMap((t) => t.members);
    expect(members.find((m) => m.idea.row === 50000)?.duplicateOf?.row).toBe(1);
    expect(members.filter((m) => m.duplicateOf)).toHaveLength(1);
  });

  it('choose k when it is not given, and keep ideas without a content word apart', () => {
    const input = [...ideas(LARGE_GROUP + 200), { file: 'f.csv', row: 99999, id: 'x', text: 'the of', group: 'all' }];
    const { themes, centres } = analyseGroupWithModel(input, { seed: 1, wordVectors: vectors });
    expect(themes.filter((t) => !t.other).length).toBeGreaterThanOrEqual(2);
    const other = themes.find((t) => t.other);
    expect(other?.members.map((m) => m.idea.row)).toContain(99999);
    expect(centres.filter((c) => c !== null)).toHaveLength(themes.filter((t) => !t.other).length);
  });
});
