import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ITU, rapporteur } from './cli';
import { Report } from '../../src/report/report';

const ituRows = parse(fs.readFileSync(ITU), { columns: true }) as Record<string, string>[];

describe('rapporteur on the ITU notes', () => {
  const json = rapporteur([ITU, '--format', 'json']);
  const report = JSON.parse(json.stdout) as Report;

  it('exits 0 and writes nothing to stderr', () => {
    expect(json.status).toBe(0);
    expect(json.stderr).toBe('');
  });

  it('lists every idea exactly once with its data row and unchanged text', () => {
    const listed = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas));
    expect(listed).toHaveLength(ituRows.length);
    expect(new Set(listed.map((i) => i.row)).size).toBe(ituRows.length);
    for (const idea of listed) {
      expect(idea.text).toBe(ituRows[idea.row - 1].idea.trim());
      expect(idea.id).toBe(ituRows[idea.row - 1].id);
      expect(idea.file).toBe(ITU);
    }
    expect(report.totals).toMatchObject({ ideas: 108, skipped: 0, groups: 3 });
  });

  it('groups by round, carries each round question, and counts agree', () => {
    expect(report.options).toEqual({ k: 'auto', seed: 42, merge: 0.8, by: 'round', text: 'idea' });
    expect(report.groups.map((g) => [g.name, g.ideas])).toEqual([
      ['1', 46],
      ['2', 39],
      ['3', 23],
    ]);
    expect(report.groups[2].question).toBe('How can governments improve their interaction with other stakeholders?');
    for (const group of report.groups) {
      for (const theme of group.themes) {
        expect(theme.size).toBe(theme.ideas.length);
        expect(theme.representative).toBe(theme.ideas[0].text);
        expect(theme.label).toMatch(/^\S+( \S+){0,3}$/);
      }
      expect(new Set(group.themes.map((t) => t.label.toLowerCase())).size).toBe(group.themes.length);
    }
  });

  it('never counts "Other ideas" as a theme, and counts its ideas apart', () => {
    const real = report.groups.flatMap((g) => g.themes.filter((t) => !t.other));
    const other = report.groups.flatMap((g) => g.themes.filter((t) => t.other));
    expect(report.totals.themes).toBe(real.length);
    expect(report.totals.otherIdeas).toBe(other.reduce((s, t) => s + t.size, 0));
    for (const group of report.groups) expect(group.otherIdeas).toBe(group.themes.filter((t) => t.other).reduce((s, t) => s + t.size, 0));
  });

  it('gives byte-identical output for the same seed, in every format', () => {
    for (const format of ['json', 'markdown', 'csv', 'text']) {
      const a = rapporteur([ITU, '--format', format, '--seed', '7']);
      const b = rapporteur([ITU, '--format', format, '--seed', '7']);
      expect(a.status).toBe(0);
      expect(a.stdout).toBe(b.stdout);
    }
  });

  it('honours -k per group', () => {
    const fixed = JSON.parse(rapporteur([ITU, '-k', '4', '--format', 'json']).stdout) as Report;
    expect(fixed.options.k).toBe(4);
    for (const group of fixed.groups) expect(group.themes.filter((t) => !t.other).length).toBeLessThanOrEqual(4);
  });
});

describe('formats and output', () => {
  it('writes Markdown with overall figures and lettered themes', () => {
    const md = rapporteur([ITU, '--by', 'round', '-k', '6', '--format', 'markdown']);
    expect(md.status).toBe(0);
    expect(md.stdout).toMatch(/^# 2013-10-08 World Cafe ITU Geneva\n/);
    expect(md.stdout).toContain('## Overall figures');
    expect(md.stdout).toMatch(/^## Round 1: What is the role of governments/m);
    expect(md.stdout).toMatch(/^### a\) .+ — \d+ ideas?$/m);
  });

  it('reads standard input with -', () => {
    const result = rapporteur(['-', '--format', 'json'], { input: 'comment\nOpen data\nOpen data portals\nCybercrime\n' });
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.inputs).toEqual(['stdin']);
    expect(report.totals.ideas).toBe(3);
  });

  it('writes CSV to a file with -o and prints nothing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-'));
    const out = path.join(dir, 'themes.csv');
    const result = rapporteur([ITU, '--format', 'csv', '-o', out]);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    // A file for spreadsheets starts with a byte-order mark, which a CSV reader is told to expect.
    const rows = parse(fs.readFileSync(out), { columns: true, bom: true }) as Record<string, string>[];
    expect(rows).toHaveLength(108);
    expect(Object.keys(rows[0])).toEqual(['file', 'row', 'id', 'group', 'theme', 'label', 'similarity', 'duplicate_of', 'text']);
    expect(fs.readdirSync(dir)).toEqual(['themes.csv']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('colours nothing when piped', () => {
    const result = rapporteur([ITU]);
    expect(result.status).toBe(0);
    expect(result.stdout).not.toMatch(/\u001b\[/);
    expect(result.stdout).toMatch(/^Round 1 — 46 ideas, \d+ themes(, \d+ in Other ideas)?$/m);
  });

  it('reports skipped rows in the JSON and keeps the rest', () => {
    const result = rapporteur(['-', '--format', 'json'], { input: 'idea,round\nA fine idea,1\n,1\n\nAnother idea,2\n' });
    const report = JSON.parse(result.stdout) as Report;
    expect(report.skipped).toEqual([
      { file: 'stdin', row: 2, reason: 'empty idea' },
      { file: 'stdin', row: 3, reason: 'empty row' },
    ]);
    expect(report.totals).toMatchObject({ ideas: 2, skipped: 2 });
  });
});

describe('errors: one line on stderr, the right exit status, no stack trace', () => {
  const cases: [string, string[], number, RegExp, string?][] = [
    ['a missing file', ['no-such-file.csv'], 1, /^rapporteur: error: no-such-file\.csv: no such file/],
    ['a folder without notes', ['test'], 1, /^rapporteur: error: test: holds no \.csv or \.tsv file/],
    ['an unreadable CSV', ['-'], 1, /^rapporteur: error: stdin:\d+: not a readable CSV/, 'idea\n"unclosed\n'],
    ['a column that does not exist', [ITU, '--text', 'nope'], 2, /--text column "nope" does not exist/],
    ['-k 0', [ITU, '-k', '0'], 2, /^rapporteur: error: .*-k.*whole number/],
    ['an unknown format', [ITU, '--format', 'pdf'], 2, /^rapporteur: error: .*pdf/],
    ['an unknown option', [ITU, '--colour'], 2, /^rapporteur: error: unknown option/],
    ['no input', [], 2, /^rapporteur: error: missing required argument/],
    ['the input as output', [ITU, '-o', ITU], 2, /would overwrite the input/],
  ];
  it.each(cases)('%s', (...[, args, status, message, input]) => {
    const result = rapporteur(args, { input });
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('--help starts with examples and exits 0', () => {
    const result = rapporteur(['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Examples:\n {2}rapporteur notes\.csv/);
    expect(result.stdout).toMatch(/^ {2}rapporteur evaluate notes\.csv --truth theme /m);
  });
});

describe('near-duplicates and --top', () => {
  const notes = 'idea\nCybercrime\nOpen data portals for citizens\ncybercrime.\nCybercrime!\nPublish budgets as open data\nSecurity of networks\nNetwork security matters\n';

  it('keeps every idea in the JSON, the repeats pointing at the row they were merged into', () => {
    const report = JSON.parse(rapporteur(['-', '--format', 'json'], { input: notes }).stdout) as Report;
    const ideas = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas));
    expect(ideas).toHaveLength(7);
    const repeats = ideas.filter((i) => i.duplicateOf !== undefined).map((i) => [i.row, i.duplicateOf]);
    expect(repeats.sort()).toEqual([
      [3, 1],
      [4, 1],
    ]);
  });

  it('shows a repeated idea once with its count in Markdown and text, unless --no-merge', () => {
    const md = rapporteur(['-', '--format', 'markdown'], { input: notes }).stdout;
    expect(md).toContain('- Cybercrime (×3)\n');
    expect(md).not.toContain('cybercrime.');
    expect(rapporteur(['-'], { input: notes }).stdout).toContain('• Cybercrime (×3)\n');
    const all = rapporteur(['-', '--format', 'markdown', '--no-merge'], { input: notes }).stdout;
    expect(all).toContain('- cybercrime.\n');
    expect(all).not.toContain('×');
  });

  it('--top shows the most central ideas of each theme and counts the rest', () => {
    const md = rapporteur(['-', '--format', 'markdown', '--top', '1', '-k', '1'], { input: notes }).stdout;
    const bullets = md.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets[bullets.length - 1]).toMatch(/^- … and \d+ more$/);
    expect(bullets.length).toBeLessThanOrEqual(4);
  });
});

describe('--shared: one set of themes across the groups', () => {
  const json = rapporteur([ITU, '--shared', '--format', 'json']);
  const report = JSON.parse(json.stdout) as Report;

  it('finds the themes over all rounds and counts each round under them', () => {
    expect(json.status).toBe(0);
    expect(report.options.shared).toBe(true);
    const ideas = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas));
    expect(ideas).toHaveLength(108);
    expect(new Set(ideas.map((i) => i.row)).size).toBe(108);
    const labels = new Set(report.groups.flatMap((g) => g.themes.filter((t) => !t.other).map((t) => t.label)));
    expect(report.totals.themes).toBe(labels.size);
    // Some theme comes back in more than one round: that is the point of one set of themes.
    const rounds = [...labels].map((label) => report.groups.filter((g) => g.themes.some((t) => t.label === label)).length);
    expect(Math.max(...rounds)).toBeGreaterThan(1);
  });

  it('shows a table of the themes × the rounds in Markdown', () => {
    const md = rapporteur([ITU, '--shared', '--format', 'markdown']).stdout;
    expect(md).toContain('## Themes across the groups\n\n| Theme | Round 1 | Round 2 | Round 3 | Total |\n|---|--:|--:|--:|--:|\n');
  });
});
