import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroup } from '../../src/analyseGroup';
import { evaluate, EvaluationReport } from '../../src/evaluate/evaluate';
import { agreementPerGroup } from '../../bench/agreementPerGroup';
import { EvaluationSetting, renderEvaluation } from '../../src/evaluate/renderEvaluation';
import { groupIdeas } from '../../src/groupIdeas';
import { Idea } from '../../src/ingest/idea';
import { parseNotes } from '../../src/ingest/parseNotes';

function idea(row: number, text: string, truth: string | undefined, group = 'all'): Idea {
  return { file: 'notes.csv', row, id: String(row), text, group, ...(truth !== undefined ? { truth } : {}) };
}

// Two unmistakable topics: identical texts cluster together whatever the seed, without word vectors.
const SOLAR = 'Solar panels on school roofs';
const BUS = 'Cheaper bus tickets for students';
const texts = [SOLAR, SOLAR, SOLAR, SOLAR, BUS, BUS, BUS, BUS];
const ideasWith = (truth: readonly string[], group = 'all', firstRow = 1) => texts.map((t, i) => idea(firstRow + i, t, truth[i], group));
const scoresOf = (report: EvaluationReport, g = 0) => report.groups[g].scores!;

describe('evaluate', () => {
  it('scores a grouping that matches the humans 1 on every measure', () => {
    for (const k of [undefined, 2]) {
      const report = evaluate(ideasWith(['energy', 'energy', 'energy', 'energy', 'transport', 'transport', 'transport', 'transport']), { seed: 3, k });
      expect(scoresOf(report)).toEqual({ ami: 1, ari: 1, nmi: 1, vMeasure: 1, homogeneity: 1, completeness: 1, purity: 1, themes: 2, humanThemes: 2 });
      expect(report.mean).toEqual(scoresOf(report));
    }
  });

  it('gives the known AMI and ARI of a 3+1 / 1+3 split, and shows where each human theme went', () => {
    // Contingency [[3, 1], [1, 3]]: ARI = (6 − 144/28) / (12 − 144/28) = 1/8 by hand; the AMI was
    // computed independently from the hypergeometric model (Vinh, Epps & Bailey 2010).
    const report = evaluate(ideasWith(['a', 'a', 'a', 'b', 'b', 'b', 'b', 'a']), { seed: 3 });
    const scores = scoresOf(report);
    expect(scores.ari).toBeCloseTo(0.125, 12);
    expect(scores.ami).toBeCloseTo(0.0834628172282443, 12);
    expect(scores.purity).toBe(0.75);
    expect(scores.homogeneity).toBeCloseTo(scores.completeness, 12);
    const [busTheme, solarTheme] = report.groups[0].themes;
    expect(busTheme).toMatchObject({ number: 1, size: 4 });
    expect(solarTheme).toMatchObject({ number: 2, size: 4 });
    expect(report.groups[0].confusion).toEqual([
      { truth: 'a', size: 4, themes: [{ number: 2, label: solarTheme.label, count: 3 }, { number: 1, label: busTheme.label, count: 1 }] },
      { truth: 'b', size: 4, themes: [{ number: 1, label: busTheme.label, count: 3 }, { number: 2, label: solarTheme.label, count: 1 }] },
    ]);
  });

  it('counts "Other ideas" as one cluster but not as a theme, its ideas as moves, and leaves ideas without a human theme out of the scores', () => {
    const ideas = [
      ...ideasWith(['a', 'a', 'a', 'b', 'b', 'b', 'b', 'a']),
      idea(9, 'and the', 'c'), // no content word: "Other ideas"
      idea(10, 'it is', 'c'),
      idea(11, SOLAR, ''), // clustered, not scored
    ];
    const report = evaluate(ideas, { seed: 3 });
    const group = report.groups[0];
    // Contingency [[3, 1, 0], [1, 3, 0], [0, 0, 2]]: ARI = (7 − 169/45) / (13 − 169/45) by hand.
    expect(group.scores!.ari).toBeCloseTo((7 - 169 / 45) / (13 - 169 / 45), 12);
    expect(group.scores!.ami).toBeCloseTo(0.4170948909822291, 12);
    expect(group.scores!.themes).toBe(2);
    // One stray idea in each theme and both c ideas in Other: 4 moves; c has no theme: 1 new theme.
    expect(group.edits).toEqual({ moves: 4, merges: 0, newThemes: 1, edits: 5, ideas: 10, per100Ideas: 50 });
    expect(report.edits).toEqual(group.edits);
    expect(group.themes.map((t) => t.size)).toEqual([5, 4, 2]);
    expect(group.themes[2]).toEqual({ number: 3, label: 'Other ideas', size: 2, other: true });
    expect(group.confusion[2]).toEqual({ truth: 'c', size: 2, themes: [{ number: 3, label: 'Other ideas', count: 2, other: true }] });
    expect(group).toMatchObject({ ideas: 11, evaluated: 10, notEvaluated: 1 });
    expect(report.totals).toEqual({ ideas: 11, evaluated: 10, notEvaluated: 1, groups: 1, scoredGroups: 1 });
    expect(report.notEvaluated).toEqual([{ file: 'notes.csv', row: 11 }]);
  });

  it('scores a single human theme split in two as no agreement', () => {
    const scores = scoresOf(evaluate(ideasWith(new Array(8).fill('all the same')), { seed: 3 }));
    expect(scores).toMatchObject({ ami: 0, ari: 0, homogeneity: 1, completeness: 0, purity: 1, themes: 2, humanThemes: 1 });
  });

  it('averages over the groups it could score, and scores none where no idea has a human theme', () => {
    const report = evaluate(
      [
        ...ideasWith(['x', 'x', 'x', 'x', 'y', 'y', 'y', 'y'], '1', 1),
        ...ideasWith(['x', 'x', 'x', 'y', 'y', 'y', 'y', 'x'], '2', 9),
        ...ideasWith(new Array(8).fill(''), '3', 17),
      ],
      { seed: 3 },
    );
    expect(report.groups.map((g) => g.name)).toEqual(['1', '2', '3']);
    expect(report.groups[2].scores).toBeNull();
    expect(report.groups[2].confusion).toEqual([]);
    expect(report.totals).toEqual({ ideas: 24, evaluated: 16, notEvaluated: 8, groups: 3, scoredGroups: 2 });
    expect(report.mean!.ami).toBeCloseTo((1 + 0.0834628172282443) / 2, 12);
    expect(report.mean!.ari).toBeCloseTo((1 + 0.125) / 2, 12);
  });

  describe('on the ITU notes, without word vectors', () => {
    const file = path.resolve(__dirname, '..', '..', 'fixtures', 'itu-world-cafe-2013.csv');
    const table = parseNotes(fs.readFileSync(file, 'utf8'), 'itu.csv', { truth: 'theme' });
    const report = evaluate(table.ideas, { seed: 42 });

    it("shows the report's own theme labels, in the report's order", () => {
      groupIdeas(table.ideas).forEach((group, g) => {
        const themes = analyseGroup(group.ideas, { seed: 42 });
        expect(report.groups[g].themes.map((t) => t.label).sort()).toEqual(themes.map((t) => t.label).sort());
        const sizes = report.groups[g].themes.map((t) => (t.other ? -1 : t.size));
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      });
    });

    it('agrees with the scores of the quality benchmark', () => {
      const bench = agreementPerGroup(table.ideas, { seed: 42 });
      // The same partitions; only the names of the clusters differ, which reorders the sums.
      expect(report.groups).toHaveLength(bench.length);
      bench.forEach(({ agreement }, g) => {
        expect(report.groups[g].scores!.ami).toBeCloseTo(agreement.ami, 12);
        expect(report.groups[g].scores!.ari).toBeCloseTo(agreement.ari, 12);
        expect(report.groups[g].scores!.themes).toBe(agreement.found);
      });
    });

    it('spreads every idea of every human theme over the themes', () => {
      for (const group of report.groups) {
        expect(group.confusion.reduce((s, h) => s + h.size, 0)).toBe(group.evaluated);
        for (const human of group.confusion) expect(human.themes.reduce((s, t) => s + t.count, 0)).toBe(human.size);
        const sizes = group.confusion.map((h) => h.size);
        expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      }
    });

    const setting: EvaluationSetting = {
      version: '9.9.9',
      input: 'itu.csv',
      options: { truth: 'theme', text: 'idea', by: 'round', k: 'auto', seed: 42, vectors: false },
      skipped: [],
    };

    it('renders an aligned text table with a mean row, and one line per human theme', () => {
      const text = renderEvaluation(report, setting, 'text');
      const lines = text.split('\n');
      const header = lines.findIndex((l) => l.startsWith('group '));
      const tableLines = lines.slice(header, header + 5);
      expect(tableLines.map((l) => l.split(/\s{2,}/)[0])).toEqual(['group', 'Round 1', 'Round 2', 'Round 3', 'mean']);
      expect(new Set(tableLines.map((l) => l.length)).size).toBe(1);
      expect(tableLines[4]).toContain(report.mean!.ami.toFixed(3));
      const ami = (l: string) => l.split(/\s+/)[l.startsWith('mean') ? 5 : 7];
      expect(ami(tableLines[1])).toBe(report.groups[0].scores!.ami.toFixed(3));
      const first = report.groups[0].confusion[0];
      expect(text).toContain(`\n  ${first.truth} (${first.size}): ${first.themes.map((t) => `${t.label} ${t.count}`).join(', ')}\n`);
    });

    it('renders JSON with a schema version and the setting', () => {
      const json = JSON.parse(renderEvaluation(report, setting, 'json'));
      expect(json).toMatchObject({ schemaVersion: 1, generator: { name: 'rapporteur', version: '9.9.9' }, inputs: ['itu.csv'], options: setting.options });
      expect(json.totals).toEqual({ ...report.totals, skipped: 0 });
      expect(json.groups).toEqual(report.groups);
    });
  });
});
