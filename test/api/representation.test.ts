import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { assignIdeas, DEFAULT_REPRESENTATION_ID, defaultRepresentation, evaluateThemes, findThemes, parseModel, RapporteurError, readNotes, renderReport, Representation, serialiseModel } from '../../src/index';
import { defaultCacheDir, loadWordVectors } from '../../src/vectors/wordVectorCache';
import { rapporteur } from '../e2e/cli';
import { hashedStemsRepresentation, HashedStemsState } from './hashedStemsRepresentation';
import { THREE_TOPICS } from './threeTopics';

const ideas = THREE_TOPICS;
const topics = [0, 1, 2].map((t) => ideas.filter((_, i) => i % 3 === t).sort()).sort();

/** The ideas of each theme but "Other ideas"/"Unmatched", each list sorted, the lists sorted. */
function themesOf(report: ReturnType<typeof findThemes>['report']): string[][] {
  return report.groups[0].themes.filter((t) => !t.other).map((t) => t.ideas.map((i) => i.text).sort()).sort();
}

/** The one line a RapporteurError thrown by `run` gives on stderr, and its exit status. */
function refusal(run: () => unknown): { code: string; exit: number; line: string } {
  try {
    run();
  } catch (error) {
    if (!(error instanceof RapporteurError)) throw error;
    return { code: error.code, exit: error.exitCode, line: error.describe() };
  }
  throw new Error('expected a refusal');
}

describe('a representation passed in through the library', () => {
  const hashed = hashedStemsRepresentation();
  const found = findThemes(ideas, { representation: hashed, k: 3 });

  it('is what the ideas are clustered in: the themes are found in its rows, and its state is saved as plain data', () => {
    expect(themesOf(found.report)).toEqual(topics);
    expect(found.model.fingerprint).toEqual({ representation: 'hashed-stems-64/1', wordVectors: null });
    const state = found.model.groups[0].representation as HashedStemsState;
    expect(state.buckets).toBe(64);
    expect(state.idf).toHaveLength(64);
    for (const theme of found.model.groups[0].themes) expect(theme.centre).toHaveLength(64);
  });

  it('places new ideas through a saved and re-read model, by the same representation', () => {
    const parsed = parseModel(serialiseModel(found.model), 'themes.json');
    expect(parsed.groups[0].representation).toEqual(found.model.groups[0].representation);
    const late = assignIdeas(parsed, ['Cybercrime courts', 'Water for hospitals', 'Teacher pensions'], { representation: hashed });
    const placed = new Map(late.groups[0].themes.flatMap((t) => t.ideas.map((i) => [i.text, t.label] as const)));
    const labelOf = (idea: string) => found.report.groups[0].themes.find((t) => t.ideas.some((i) => i.text === idea))!.label;
    expect(placed.get('Cybercrime courts')).toBe(labelOf(ideas[0]));
    expect(placed.get('Water for hospitals')).toBe(labelOf(ideas[1]));
    expect(placed.get('Teacher pensions')).toBe(labelOf(ideas[2]));
  });

  it('is the space of a refreshed draft (--keep): new ideas join kept themes by its rows, and the model records it', () => {
    const draft = renderReport(found.report, 'markdown') as string;
    const refreshed = findThemes([...ideas, 'Cybercrime courts'], { representation: hashed, keep: { text: draft, file: 'draft.md' } });
    const courts = refreshed.report.groups[0].themes.find((t) => t.ideas.some((i) => i.text === 'Cybercrime courts'))!;
    expect(courts.ideas.map((i) => i.text).sort()).toEqual(['Cybercrime courts', ...topics[0]].sort());
    expect(refreshed.model.fingerprint!.representation).toBe('hashed-stems-64/1');
    for (const theme of refreshed.model.groups[0].themes) expect(theme.centre).toHaveLength(64);
  });

  it('is used by evaluateThemes too', () => {
    const scored = evaluateThemes(ideas.map((text, i) => ({ text, truth: String(i % 3) })), { representation: hashed, k: 3 });
    expect(scored.mean!.ami).toBeCloseTo(1, 9);
  });

  it('must return plain data from fit, or the model could not be saved as it is', () => {
    const typed: Representation<{ idf: Float64Array }> = {
      id: 'typed/1',
      fit: () => ({ idf: new Float64Array(2) }),
      transform: (_, texts) => texts.map((_t, i) => (i % 2 === 0 ? [1, 0] : [0, 1])),
    };
    expect(() => findThemes(ideas, { representation: typed, k: 2 })).toThrow('the representation typed/1 returned a state that is not plain data: groups[0].representation.idf is a Float64Array');
  });

  it('refuses a group above 1,000 ideas in one line, with exit 2: only the default has a linear method', () => {
    const many = Array.from({ length: 1001 }, (_, i) => `Idea number ${i} about water`);
    const refused = refusal(() => findThemes(many, { representation: hashed }));
    expect(refused).toMatchObject({ code: 'REPRESENTATION_TOO_LARGE', exit: 2 });
    expect(refused.line).toContain('the representation hashed-stems-64/1 applies to groups of up to 1000 ideas, and a group has 1001');
  });
});

describe('the default representation passed in', () => {
  it('is the same as passing none: same report, same saved themes, word alignment and all', () => {
    const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
    const notes = readNotes('fixtures/itu-world-cafe-2013.csv');
    const none = findThemes(notes, { wordVectors });
    const given = findThemes(notes, { wordVectors, representation: defaultRepresentation() });
    expect(renderReport(given.report, 'json')).toBe(renderReport(none.report, 'json'));
    expect(serialiseModel(given.model)).toBe(serialiseModel(none.model));
  });
});

describe('assign refuses saved themes of another representation, in one line', () => {
  const hashed = hashedStemsRepresentation();
  const ofHashed = parseModel(serialiseModel(findThemes(ideas, { representation: hashed, k: 3 }).model));
  const ofDefault = findThemes(ideas, { k: 3 }).model;

  it('a model of another representation than the one passed (default: the default)', () => {
    const refused = refusal(() => assignIdeas(ofHashed, ['Cybercrime courts']));
    expect(refused).toMatchObject({ code: 'MODEL_REPRESENTATION_MISMATCH', exit: 2 });
    expect(refused.line).toMatch(/^the saved themes were made with the representation hashed-stems-64\/1, not tfidf-sif-blend\/1 \(.+\)$/);
    expect(refusal(() => assignIdeas(ofHashed, ['Cybercrime courts'], { representation: hashedStemsRepresentation(32) })).line).toContain('made with the representation hashed-stems-64/1, not hashed-stems-32/1');
  });

  it('a model of the default, or one saved before representations were recorded, with another passed', () => {
    const { fingerprint: _, ...older } = ofDefault;
    for (const model of [ofDefault, older]) {
      const refused = refusal(() => assignIdeas(model, ['Cybercrime courts'], { representation: hashed }));
      expect(refused).toMatchObject({ code: 'MODEL_REPRESENTATION_MISMATCH', exit: 2 });
      expect(refused.line).toContain(`made with the representation ${DEFAULT_REPRESENTATION_ID}, not hashed-stems-64/1`);
    }
  });

  it('a representation of the same id whose rows do not fit the saved centres', () => {
    const narrower: Representation = { ...hashed, transform: (_, texts) => texts.map(() => [1, 0, 0]) };
    const refused = refusal(() => assignIdeas(ofHashed, ['Cybercrime courts'], { representation: narrower }));
    expect(refused).toMatchObject({ code: 'MODEL_REPRESENTATION_ROWS', exit: 1 });
    expect(refused.line).toContain('the representation hashed-stems-64/1 gives rows of 3 numbers, but the saved themes\' centres have 64');
  });

  it('on the command line: one line on stderr and exit 2', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-representation-'));
    try {
      const file = path.join(dir, 'themes.json');
      fs.writeFileSync(file, serialiseModel(ofHashed));
      const result = rapporteur(['assign', '--model', file, '-'], { input: 'idea\nCybercrime courts\n' });
      expect(result.status).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^rapporteur: error: the saved themes were made with the representation hashed-stems-64\/1, not tfidf-sif-blend\/1 \(.+\)\n$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
