import { RapporteurError } from '../../src/errors';
import { assignIdeas, BAD_THRESHOLD, DEFAULT_ASSIGN_THRESHOLD, MODEL_NEEDS_WORD_VECTORS, MODEL_WORD_VECTORS_MISMATCH, UNMATCHED_LABEL } from '../../src/model/assign';
import { parseThemeModel, serialiseThemeModel, ThemeModel } from '../../src/model/themeModel';
import { buildReport } from '../../src/report/buildReport';
import { render } from '../../src/report/render';
import { defaultCacheDir, loadWordVectors, WordVectors } from '../../src/vectors/wordVectorCache';
import { cleanIdeas, ideasOf, modelOf, themeOfEach } from './fixture';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });

/** Build, write and read back, as a model reaches `assign` from its file. */
function savedModel(...args: Parameters<typeof modelOf>): { model: ThemeModel; analyses: ReturnType<typeof modelOf>['analyses'] } {
  const { model, analyses } = modelOf(...args);
  return { model: parseThemeModel(serialiseThemeModel(model), 'themes.json'), analyses };
}

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof RapporteurError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('assignIdeas', () => {
  describe.each([
    ['shared words only', undefined],
    ['with word meaning', wordVectors],
  ] as [string, WordVectors | undefined][])('round trip (%s)', (_, vectors) => {
    const ideas = cleanIdeas();
    const { model, analyses } = savedModel([{ name: 'all', ideas }], { k: 3, seed: 42, wordVectors: vectors });
    const assigned = assignIdeas(model, ideas, { threshold: DEFAULT_ASSIGN_THRESHOLD, wordVectors: vectors });

    it('puts each idea back into the theme it was found in', () => {
      const found = analyses[0].analysis.themes;
      expect(found.some((t) => t.other)).toBe(false);
      expect(assigned).toHaveLength(1);
      expect(assigned[0].themes.some((t) => t.other)).toBe(false);
      expect(themeOfEach(assigned[0].themes)).toEqual(themeOfEach(found));
    });

    it('gives each idea its cosine with the saved centre, as the analysis did', () => {
      const similarity = new Map(analyses[0].analysis.themes.flatMap((t) => t.members.map((m) => [m.idea, m.similarity])));
      for (const theme of assigned[0].themes) for (const m of theme.members) expect(m.similarity).toBeCloseTo(similarity.get(m.idea)!, 5);
    });

    it('places new wordings of the same topics', () => {
      const fresh = ideasOf(['Cybercrime attacks on networks', 'Freedom of expression', 'Digital skills in schools'], 'all', 100);
      const themes = assignIdeas(model, fresh, { threshold: DEFAULT_ASSIGN_THRESHOLD, wordVectors: vectors })[0].themes;
      const placed = themeOfEach(themes);
      expect(placed.get('Cybercrime attacks on networks')).toBe(themeOfEach(assigned[0].themes).get('Cybercrime and network security'));
      expect(placed.get('Freedom of expression')).toBe(themeOfEach(assigned[0].themes).get('Human rights and freedom of expression'));
      expect(placed.get('Digital skills in schools')).toBe(themeOfEach(assigned[0].themes).get('Digital skills education in schools'));
    });
  });

  const ideas = cleanIdeas();
  const { model } = savedModel([{ name: 'all', ideas }], { k: 3, seed: 42, wordVectors });
  const assign = (list = ideas, threshold = DEFAULT_ASSIGN_THRESHOLD) => assignIdeas(model, list, { threshold, wordVectors })[0].themes;

  describe('threshold', () => {
    const similarities = assign(ideas, -1).flatMap((t) => t.members.map((m) => m.similarity)).sort((a, b) => a - b);

    it('keeps ideas at or above it and sends the others to "Unmatched", listed last', () => {
      const threshold = similarities[5];
      const themes = assign(ideas, threshold);
      const unmatched = themes[themes.length - 1];
      expect(unmatched).toMatchObject({ label: UNMATCHED_LABEL, keywords: [], other: true });
      expect(unmatched.members).toHaveLength(5);
      expect(unmatched.members.every((m) => m.similarity === 0)).toBe(true);
      expect(unmatched.members.map((m) => m.idea.row)).toEqual([...unmatched.members.map((m) => m.idea.row)].sort((a, b) => a - b));
      const matched = themes.filter((t) => !t.other).flatMap((t) => t.members);
      expect(matched).toHaveLength(7);
      expect(matched.every((m) => m.similarity >= threshold)).toBe(true);
    });

    it('places everything at -1 and nothing above every similarity', () => {
      expect(assign(ideas, -1).some((t) => t.other)).toBe(false);
      const none = assign(ideas, Math.min(1, similarities[similarities.length - 1] + 1e-9));
      expect(none).toHaveLength(1);
      expect(none[0].members).toHaveLength(12);
    });

    it('sends ideas without a content word or without a known word to "Unmatched" even at -1', () => {
      const odd = ideasOf(['The and of', 'Xqzt wubbalub'], 'all', 50);
      expect(assign(odd, -1)).toEqual([{ label: UNMATCHED_LABEL, keywords: [], other: true, members: odd.map((idea) => ({ idea, similarity: 0 })) }]);
    });

    it('must be a number from -1 to 1', () => {
      for (const threshold of [1.5, -2, NaN]) expect(codeOf(() => assign(ideas, threshold))).toBe(BAD_THRESHOLD);
    });
  });

  describe('determinism', () => {
    it('gives the same themes, in the same order, whatever the input order', () => {
      const first = assign();
      expect(assign()).toEqual(first);
      expect(assign([...ideas].reverse())).toEqual(first);
    });

    it('lists members most similar first, then by row', () => {
      const twice = [...ideas, ...ideas.map((i) => ({ ...i, row: i.row + 100 }))];
      for (const theme of assign(twice)) {
        for (let i = 1; i < theme.members.length; i++) {
          const [a, b] = [theme.members[i - 1], theme.members[i]];
          expect(a.similarity > b.similarity || (a.similarity === b.similarity && a.idea.row < b.idea.row)).toBe(true);
        }
      }
    });

    it('marks near-duplicates for the reader, as the analysis does', () => {
      const repeated = ideasOf(['Cybercrime and network security', 'cybercrime and network security!'], 'all', 200);
      const [theme] = assign(repeated);
      expect(theme.members[1].duplicateOf).toBe(theme.members[0].idea);
      expect(assignIdeas(model, repeated, { threshold: 0.2, wordVectors, mergeThreshold: Infinity })[0].themes[0].members[1].duplicateOf).toBeUndefined();
    });
  });

  describe('groups', () => {
    const rounds = savedModel(
      [
        { name: '1', ideas: cleanIdeas('1') },
        { name: '2', ideas: cleanIdeas('2').slice(0, 8) },
      ],
      { k: 2, seed: 42, wordVectors },
    ).model;

    it('matches each group with the saved group of the same name', () => {
      const groups = assignIdeas(rounds, [...cleanIdeas('2'), ...cleanIdeas('1')], { threshold: 0.2, wordVectors });
      expect(groups.map((g) => g.name)).toEqual(['1', '2']);
      expect(groups[0].themes.filter((t) => !t.other).map((t) => t.label)).toEqual(rounds.groups[0].themes.map((t) => t.label));
    });

    it('sends a group the model does not have to "Unmatched" when the model has several', () => {
      const [group] = assignIdeas(rounds, cleanIdeas('3'), { threshold: 0.2, wordVectors });
      expect(group.name).toBe('3');
      expect(group.themes).toHaveLength(1);
      expect(group.themes[0]).toMatchObject({ label: UNMATCHED_LABEL, other: true });
    });

    it('uses the only group of a one-group model for every group', () => {
      const groups = assignIdeas(model, [...cleanIdeas('1'), ...cleanIdeas('2')], { threshold: 0.2, wordVectors });
      expect(groups.map((g) => g.name)).toEqual(['1', '2']);
      for (const g of groups) expect(themeOfEach(g.themes)).toEqual(themeOfEach(assign()));
    });

    it('keeps the question of the new ideas, else the saved one', () => {
      const asked = { ...model, groups: [{ ...model.groups[0], question: 'What matters?' }] };
      expect(assignIdeas(asked, ideas, { threshold: 0.2, wordVectors })[0].question).toBe('What matters?');
      const own = ideas.map((i) => ({ ...i, question: 'What now?' }));
      expect(assignIdeas(asked, own, { threshold: 0.2, wordVectors })[0].question).toBe('What now?');
    });
  });

  describe('word vectors', () => {
    it('are needed when the model was made with word meaning', () => {
      expect(codeOf(() => assignIdeas(model, ideas, { threshold: 0.2 }))).toBe(MODEL_NEEDS_WORD_VECTORS);
    });

    it('must have the size the model was made with', () => {
      const small: WordVectors = { dimensions: 4, size: 0, indexOf: () => -1, copyVector: () => undefined, rank: () => 0 };
      expect(codeOf(() => assignIdeas(model, ideas, { threshold: 0.2, wordVectors: small }))).toBe(MODEL_WORD_VECTORS_MISMATCH);
    });

    it('are not needed by a model of shared words only', () => {
      const plain = savedModel([{ name: 'all', ideas }]).model;
      expect(assignIdeas(plain, ideas, { threshold: 0.2 })[0].themes).toHaveLength(3);
    });
  });

  it('gives themes every report format can show', () => {
    const extra = ideasOf(['Weather forecasts'], 'all', 300);
    const groups = assignIdeas(model, [...ideas, ...extra], { threshold: 0.2, wordVectors });
    const report = buildReport({
      version: '0.1.0',
      title: 'notes',
      inputs: ['notes.csv'],
      options: { k: 'auto', seed: 42, by: null, text: 'idea' },
      groups,
      skipped: [],
    });
    expect(report.totals).toMatchObject({ ideas: 13, themes: 3, otherIdeas: 1 });
    expect(report.groups[0].themes[3]).toMatchObject({ label: UNMATCHED_LABEL, other: true, size: 1 });
    expect(render(report, 'markdown', { color: false })).toContain('Unmatched');
  });
});
