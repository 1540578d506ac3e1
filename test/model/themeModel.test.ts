import { RapporteurError } from '../../src/errors';
import {
  MODEL_INVALID,
  MODEL_NOT_A_MODEL,
  MODEL_NOT_JSON,
  MODEL_TOO_NEW,
  parseThemeModel,
  roundCentre,
  serialiseThemeModel,
  ThemeModel,
} from '../../src/model/themeModel';
import { RepresentationModel } from '../../src/vectors/represent';
import { defaultCacheDir, loadWordVectors } from '../../src/vectors/wordVectorCache';
import { cleanIdeas, CLEAN_TOPICS, modelOf } from './fixture';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
const { model, analyses } = modelOf([{ name: 'all', ideas: cleanIdeas() }], { k: 3, seed: 42, wordVectors });
const text = serialiseThemeModel(model);

/** The error `parseThemeModel` throws for this text. */
function errorFor(damaged: string): RapporteurError {
  try {
    parseThemeModel(damaged, 'themes.json');
  } catch (error) {
    if (error instanceof RapporteurError) return error;
    throw error;
  }
  throw new Error('parseThemeModel accepted the text');
}

/** The model's JSON with one change. */
function edited(change: (m: any) => void): string {
  const copy = JSON.parse(text);
  change(copy);
  return JSON.stringify(copy);
}

describe('buildThemeModel', () => {
  it('keeps, per group, the representation and each theme with its centre', () => {
    expect(model).toMatchObject({ format: 'rapporteur-themes', schemaVersion: 1, generator: { name: 'rapporteur', version: '0.1.0' } });
    expect(model.createdFrom).toEqual({ inputs: ['notes.csv'], ideas: 12 });
    const [group] = model.groups;
    expect(group.name).toBe('all');
    expect(group.ideas).toBe(12);
    expect(group.representation).toEqual(analyses[0].analysis.representation);
    expect(group.themes).toHaveLength(3);
    const dimensions = (group.representation as RepresentationModel).tfidf.vocabulary.length + wordVectors.dimensions;
    for (const theme of group.themes) {
      expect(theme.size).toBe(4);
      expect(theme.centre).toHaveLength(dimensions);
      expect(CLEAN_TOPICS.some((topic) => topic.includes(theme.representative))).toBe(true);
    }
  });

  it('rounds the centres to six significant digits', () => {
    const analysed = analyses[0].analysis.centres.find((c) => c !== null)!;
    const saved = model.groups[0].themes.map((t) => t.centre);
    expect(saved).toContainEqual(analysed.map(roundCentre));
    expect(roundCentre(0.123456789)).toBe(0.123457);
    expect(roundCentre(-0.000012345678)).toBe(-0.0000123457);
    expect(Object.is(roundCentre(-1e-300 * 1e-300), 0)).toBe(true);
  });

  it('leaves "Other ideas" out', () => {
    const { model: withOther } = modelOf([{ name: 'all', ideas: [...cleanIdeas(), ...cleanIdeas().slice(0, 1).map((i) => ({ ...i, row: 99, text: 'Weather' }))] }]);
    expect(withOther.groups[0].themes.map((t) => t.label)).not.toContain('Other ideas');
    expect(withOther.groups[0].ideas).toBe(13);
  });
});

describe('serialiseThemeModel and parseThemeModel', () => {
  it('round-trips: the same model, the same bytes', () => {
    const reread = parseThemeModel(text, 'themes.json');
    expect(reread).toEqual(model);
    expect(serialiseThemeModel(reread)).toBe(text);
  });

  it('writes keys in a fixed order, whatever order the object has', () => {
    const reversed = (value: unknown): unknown =>
      Array.isArray(value) ? value.map(reversed) : value !== null && typeof value === 'object' ? Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reversed(v)])) : value;
    expect(serialiseThemeModel(reversed(model) as ThemeModel)).toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'schemaVersion', 'generator', 'createdFrom', 'options', 'groups']);
  });

  it('is readable: indented, each list of numbers or words on one line', () => {
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toMatch(/\n {2}"schemaVersion": 1,\n/);
    expect(text).toMatch(/\n {10}"centre": \[[^\n]*\]\n/);
    expect(text.split('\n').length).toBeLessThan(80);
  });

  it('accepts a byte-order mark and ignores fields it does not know', () => {
    expect(parseThemeModel(`\ufeff${text}`, 'themes.json')).toEqual(model);
    expect(parseThemeModel(edited((m) => (m.groups[0].themes[0].note = 'checked by hand')), 'themes.json')).toEqual(model);
  });
});

describe('parseThemeModel refuses damaged files with a coded error', () => {
  it('text that is not JSON', () => {
    const error = errorFor('label,keywords\nCybercrime,crime\n');
    expect(error).toMatchObject({ code: MODEL_NOT_JSON, kind: 'input', file: 'themes.json' });
    expect(error.exitCode).toBe(1);
  });

  it('a file cut short', () => {
    const error = errorFor(text.slice(0, Math.floor(text.length / 2)));
    expect(error.code).toBe(MODEL_NOT_JSON);
    expect(error.describe()).toMatch(/^themes\.json: .*ends too early.*--save-model/);
  });

  it('a syntax error, with its line', () => {
    const lines = text.split('\n');
    lines[4] = lines[4].replace(/,$/, ''); // "name": "rapporteur" without its comma
    const error = errorFor(lines.join('\n'));
    expect(error).toMatchObject({ code: MODEL_NOT_JSON, line: 6 });
  });

  it('a report or any other JSON', () => {
    expect(errorFor('{"schemaVersion":1,"totals":{},"groups":[]}')).toMatchObject({ code: MODEL_NOT_A_MODEL, message: expect.stringMatching(/report, not saved themes/) });
    expect(errorFor('[1, 2]').code).toBe(MODEL_NOT_A_MODEL);
    expect(errorFor('{}').code).toBe(MODEL_NOT_A_MODEL);
  });

  it('a newer schema', () => {
    const error = errorFor(edited((m) => ((m.schemaVersion = 2), (m.generator.version = '2.0.0'), delete m.groups)));
    expect(error).toMatchObject({ code: MODEL_TOO_NEW, hint: 'upgrade rapporteur' });
    expect(error.message).toMatch(/made by a newer rapporteur 2\.0\.0 .*schema 2.*schema 1/);
  });

  it.each([
    ['missing centres', (m: any) => delete m.groups[0].themes[1].centre, /^groups\[0\]\.themes\[1\]\.centre is missing \(expected a list\)$/],
    ['a centre of the wrong size', (m: any) => m.groups[0].themes[0].centre.pop(), /^groups\[0\]\.themes\[0\]\.centre has \d+ numbers but the group's representation has \d+ dimensions$/],
    ['a word in a centre', (m: any) => (m.groups[0].themes[0].centre[3] = 'x'), /^groups\[0\]\.themes\[0\]\.centre\[3\] must be a number, not the text "x"$/],
    ['idf not matching the vocabulary', (m: any) => m.groups[0].representation.tfidf.idf.push(1), /idf has \d+ numbers for \d+ vocabulary words/],
    ['a common component of the wrong size', (m: any) => m.groups[0].representation.meaning.commonComponent.pop(), /commonComponent has 99 numbers for 100 dimensions/],
    ['word meaning missing', (m: any) => (m.groups[0].representation.meaning = null), /meaning is needed with a textWeight below 1/],
    ['a missing label', (m: any) => delete m.groups[0].themes[2].label, /^groups\[0\]\.themes\[2\]\.label is missing/],
    ['a missing option', (m: any) => delete m.options.text, /^options\.text is missing/],
    ['a repeated group', (m: any) => m.groups.push(m.groups[0]), /^groups\[1\]\.name repeats the group "all"$/],
    ['groups not a list', (m: any) => (m.groups = {}), /^groups must be a list, not an object$/],
    ['a bad schemaVersion', (m: any) => (m.schemaVersion = '1'), /^schemaVersion must be a whole number/],
  ])('%s', (_, change, message) => {
    const error = errorFor(edited(change));
    expect(error).toMatchObject({ code: MODEL_INVALID, kind: 'input', file: 'themes.json' });
    expect(error.message).toMatch(message);
    expect(error.hint).toMatch(/save the themes again with --save-model/);
  });
});
