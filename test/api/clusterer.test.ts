import { Clusterer, evaluateThemes, findThemes } from '../../src/index';
import { commonestWordClusterer } from './commonestWordClusterer';

const ideas = [
  'Cybercrime laws for everyone',
  'Cybercrime police cooperation',
  'Cybercrime reporting online',
  'Water pipes in villages',
  'Water supply for schools',
  'Water quality testing',
  'Teacher training programmes',
  'Teacher salaries matter',
  'Teacher exchange visits',
];

describe('a clusterer passed in through the library', () => {
  it('decides the themes: each idea with the ideas of its most widespread word', () => {
    const { report } = findThemes(ideas, { clusterer: commonestWordClusterer });
    const themes = report.groups[0].themes.filter((t) => !t.other).map((t) => t.ideas.map((i) => i.text).sort());
    expect(themes.sort()).toEqual([ideas.slice(0, 3).sort(), ideas.slice(6, 9).sort(), ideas.slice(3, 6).sort()].sort());
    expect(report.groups[0].themes.map((t) => t.label).sort()).toEqual(['Cybercrime', 'Teacher', 'Water']);
  });

  it('is given unit rows of the group, the seed and the k asked for, and its labels are used as they are', () => {
    const calls: { rows: number; lengths: number[]; k?: number; seed: number }[] = [];
    const everythingTogether: Clusterer = {
      name: 'one cluster',
      fit(rows, request) {
        calls.push({ rows: rows.length, lengths: rows.map((r) => Math.hypot(...r)), k: request.k, seed: request.seed });
        return { labels: rows.map(() => 0), centres: [] };
      },
      predict: (_, rows) => rows.map(() => 0),
    };
    const { report } = findThemes(ideas, { clusterer: everythingTogether, k: 4, seed: 7 });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({ rows: ideas.length, k: 4, seed: 7 });
    for (const length of calls[0].lengths) expect(length).toBeCloseTo(1, 9);
    expect(report.totals.themes).toBe(1);
    expect(report.groups[0].themes[0].size).toBe(ideas.length);
  });

  it('is used by evaluateThemes too, so a new method can be scored against a human grouping', () => {
    const truth = ideas.map((_, i) => ['crime', 'water', 'teachers'][Math.floor(i / 3)]);
    const scored = evaluateThemes(ideas.map((text, i) => ({ text, truth: truth[i] })), { clusterer: commonestWordClusterer });
    expect(scored.mean!.ami).toBeCloseTo(1, 9);
  });

  it('predicts the cluster of new rows by the nearest fitted centre', () => {
    const rows = [[1, 0], [0.8, 0.6], [0, 1]];
    const fitted = commonestWordClusterer.fit(rows, { seed: 1 });
    expect(fitted.labels).toEqual([0, 0, 1]);
    expect(commonestWordClusterer.predict(fitted, [[0.2, 0.98], [1, 0]])).toEqual([1, 0]);
  });
});
