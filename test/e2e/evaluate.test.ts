import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ITU, ROOT, rapporteur } from './cli';
import { EvaluationDocument } from '../../src/evaluate/renderEvaluation';
import { Report } from '../../src/report/report';

const ITU_RELATIVE = path.relative(ROOT, ITU);
const ituRows = parse(fs.readFileSync(ITU), { columns: true }) as Record<string, string>[];
/** Human themes of each round, and their sizes, read straight from the CSV. */
const humanThemes = new Map<string, Map<string, number>>();
for (const row of ituRows) {
  const round = humanThemes.get(row.round) ?? new Map<string, number>();
  round.set(row.theme, (round.get(row.theme) ?? 0) + 1);
  humanThemes.set(row.round, round);
}

describe('rapporteur evaluate on the ITU notes', () => {
  const json = rapporteur(['evaluate', ITU_RELATIVE, '--truth', 'theme', '--format', 'json']);
  const doc = JSON.parse(json.stdout) as EvaluationDocument;

  it('exits 0 and writes JSON with a schema version and the settings of the main command', () => {
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
    expect(doc.schemaVersion).toBe(1);
    expect(doc.options).toEqual({ truth: 'theme', text: 'idea', by: 'round', k: 'auto', seed: 42, vectors: true });
    expect(doc.totals).toEqual({ ideas: 108, evaluated: 108, notEvaluated: 0, groups: 3, scoredGroups: 3, skipped: 0 });
  });

  it('scores 3 groups, every measure in [−1, 1], the mean being the mean of the groups', () => {
    expect(doc.groups.map((g) => [g.name, g.evaluated])).toEqual([
      ['1', 46],
      ['2', 39],
      ['3', 23],
    ]);
    const keys = ['ami', 'ari', 'nmi', 'vMeasure', 'homogeneity', 'completeness', 'purity'] as const;
    for (const group of doc.groups) {
      for (const key of keys) {
        expect(group.scores![key]).toBeGreaterThanOrEqual(-1);
        expect(group.scores![key]).toBeLessThanOrEqual(1);
      }
      expect(group.scores!.humanThemes).toBe(humanThemes.get(group.name)!.size);
      expect(group.scores!.themes).toBe(group.themes.filter((t) => !t.other).length);
    }
    for (const key of [...keys, 'themes', 'humanThemes'] as const) {
      expect(doc.mean![key]).toBeCloseTo(doc.groups.reduce((s, g) => s + g.scores![key], 0) / 3, 12);
    }
  });

  it('spreads every human theme, with its size, over the themes, the counts summing to the ideas', () => {
    for (const group of doc.groups) {
      // Every human theme with its size, largest first.
      expect(new Map(group.confusion.map((h) => [h.truth, h.size]))).toEqual(humanThemes.get(group.name));
      expect(group.confusion).toHaveLength(humanThemes.get(group.name)!.size);
      const sizes = group.confusion.map((h) => h.size);
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      expect(group.confusion.reduce((s, h) => s + h.themes.reduce((t, x) => t + x.count, 0), 0)).toBe(group.evaluated);
      const themeSizes = new Map(group.themes.map((t) => [t.number, t.size]));
      for (const human of group.confusion) {
        for (const t of human.themes) expect(t.count).toBeLessThanOrEqual(themeSizes.get(t.number)!);
      }
    }
  });

  it("names the themes exactly as the main command's report does", () => {
    const report = JSON.parse(rapporteur([ITU_RELATIVE, '--format', 'json']).stdout) as Report;
    expect(doc.groups.map((g) => g.themes.map((t) => [t.label, t.size]))).toEqual(report.groups.map((g) => g.themes.map((t) => [t.label, t.size])));
  });

  it('prints an aligned table and a line per human theme in text', () => {
    const text = rapporteur(['evaluate', ITU_RELATIVE, '--truth', 'theme']);
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    const lines = text.stdout.split('\n');
    expect(lines[0]).toBe(`Themes of ${ITU_RELATIVE} against the human grouping in "theme" (k auto, seed 42, word vectors)`);
    const table = lines.slice(2, 7);
    expect(table[0]).toMatch(/^group +ideas +themes +human +edits +edits\/100 +AMI +ARI +NMI +V-measure +homogeneity +completeness +purity$/);
    expect(table.map((l) => l.split(/ {2,}/)[0])).toEqual(['group', 'Round 1', 'Round 2', 'Round 3', 'mean']);
    expect(new Set(table.map((l) => l.length)).size).toBe(1);
    // The same scores as the JSON, to three places.
    doc.groups.forEach((g, i) => expect(table[i + 1].split(/ +/).slice(5, 9)).toEqual([String(g.edits!.edits), g.edits!.per100Ideas.toFixed(1), g.scores!.ami.toFixed(3), g.scores!.ari.toFixed(3)]));
    expect(table[4].split(/ +/).slice(3, 6)).toEqual([String(doc.edits!.edits), doc.edits!.per100Ideas.toFixed(1), doc.mean!.ami.toFixed(3)]);
    expect(doc.edits!.edits).toBe(doc.groups.reduce((s, g) => s + g.edits!.edits, 0));
    for (const group of doc.groups) {
      for (const human of group.confusion) {
        expect(lines).toContain(`  ${human.truth} (${human.size}): ${human.themes.map((t) => `${t.label} ${t.count}`).join(', ')}`);
      }
    }
    expect(text.stdout).toMatch(/^ {2}Protecting Human Rights \(6\): .+ \d+$/m);
  });
});

describe('rapporteur evaluate on a small CSV of its own', () => {
  it('finds the columns as the main command does and counts the rows without a human theme apart', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-evaluate-'));
    const file = path.join(dir, 'ideas.csv');
    fs.writeFileSync(
      file,
      [
        'session;note;Topic',
        'A;More bike lanes across the city;cycling',
        'A;Protected bike lanes on main roads;cycling',
        'A;Bike lanes to every school;cycling',
        'A;Plant more trees in the parks;parks',
        'A;Longer opening hours for the parks;parks',
        'A;New playgrounds in the parks;parks',
        'A;Cheaper bus tickets for students;',
        'A;;parks',
        'B;More night buses on weekends;buses',
        'B;Real-time bus arrival screens;buses',
        'B;A bus stop shelter at every stop;buses',
        'B;Safe bike parking at stations;cycling',
        'B;Bike racks at every station;cycling',
        '',
      ].join('\n'),
    );
    const result = rapporteur(['evaluate', file, '--truth', 'topic', '--format', 'json', '--seed', '1']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const doc = JSON.parse(result.stdout) as EvaluationDocument;
    expect(doc.options).toMatchObject({ truth: 'Topic', text: 'note', by: 'session', seed: 1 });
    expect(doc.totals).toEqual({ ideas: 12, evaluated: 11, notEvaluated: 1, groups: 2, scoredGroups: 2, skipped: 1 });
    expect(doc.notEvaluated).toEqual([{ file, row: 7 }]);
    expect(doc.skipped).toEqual([{ file, row: 8, reason: 'empty note' }]);
    expect(doc.groups.map((g) => [g.name, g.ideas, g.evaluated, g.notEvaluated])).toEqual([
      ['A', 7, 6, 1],
      ['B', 5, 5, 0],
    ]);
    expect(doc.groups[0].confusion.map((h) => [h.truth, h.size])).toEqual([
      ['cycling', 3],
      ['parks', 3],
    ]);
    expect(doc.groups[1].confusion.map((h) => [h.truth, h.size])).toEqual([
      ['buses', 3],
      ['cycling', 2],
    ]);
    // The unscored idea still belongs to a theme: the themes hold all 7 ideas of session A.
    expect(doc.groups[0].themes.reduce((s, t) => s + t.size, 0)).toBe(7);
    expect(doc.mean!.ami).toBeCloseTo((doc.groups[0].scores!.ami + doc.groups[1].scores!.ami) / 2, 12);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('rapporteur evaluate errors: one line, exit 2, nothing on stdout', () => {
  it.each([
    ['without --truth', ['evaluate', ITU_RELATIVE], /^rapporteur: error: required option '--truth <column>' not specified \(see rapporteur evaluate --help\)\n$/],
    [
      'with a --truth column that does not exist',
      ['evaluate', ITU_RELATIVE, '--truth', 'topic'],
      /^rapporteur: error: .*--truth column "topic" does not exist \(the columns are: "id", "event", "round", "question", "theme", "idea"\)\n$/,
    ],
  ])('%s', (_, args, message) => {
    const result = rapporteur(args);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  });
});
