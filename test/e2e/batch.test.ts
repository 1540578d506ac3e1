import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { ITU, rapporteur } from './cli';
import { Report } from '../../src/report/report';

/** Three events made from the ITU notes: every third idea each, so their themes overlap. */
function makeEvents(dir: string): string[] {
  const rows = parse(fs.readFileSync(ITU), { columns: true }) as Record<string, string>[];
  return ['geneva', 'lima', 'nairobi'].map((name, offset) => {
    const file = path.join(dir, `${name}.csv`);
    const lines = ['round,question,idea', ...rows.filter((_, i) => i % 3 === offset).map((r) => [r.round, r.question, r.idea].map((f) => `"${f.replace(/"/g, '""')}"`).join(','))];
    fs.writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  });
}

describe('several events at once', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-batch-'));
  const events = makeEvents(path.join(dir));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes one report per input and an index of the shared themes', () => {
    const out = path.join(dir, 'reports');
    const result = rapporteur([...events, '--out-dir', out, '--format', 'markdown']);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('');
    expect(fs.readdirSync(out).sort()).toEqual(['geneva.md', 'index.md', 'lima.md', 'nairobi.md']);
    const index = fs.readFileSync(path.join(out, 'index.md'), 'utf8');
    expect(index).toMatch(/^# Themes across 3 events\n/);
    expect(index).toContain('E1: geneva; E2: lima; E3: nairobi.\n\n| Theme | E1 | E2 | E3 | Total |');
    expect(index).toMatch(/^\| \*\*.+\*\* \| \d* \| \d* \| \d* \| \d+ \|$/m);
    expect(index).toContain('## [geneva](geneva.md) — 36 ideas');
    expect(fs.readFileSync(path.join(out, 'lima.md'), 'utf8')).toMatch(/^# lima\n/);
  });

  it('never overwrites a report without --force, and says so before writing anything', () => {
    const out = path.join(dir, 'again');
    expect(rapporteur([...events, '--out-dir', out]).status).toBe(0);
    const before = fs.readFileSync(path.join(out, 'index.txt'));
    fs.writeFileSync(path.join(out, 'lima.txt'), 'mine');
    const refused = rapporteur([...events, '--out-dir', out]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^rapporteur: error: .*geneva\.txt already exists \(use --force/);
    expect(fs.readFileSync(path.join(out, 'lima.txt'), 'utf8')).toBe('mine');
    expect(rapporteur([...events, '--out-dir', out, '--force']).status).toBe(0);
    expect(fs.readFileSync(path.join(out, 'lima.txt'), 'utf8')).not.toBe('mine');
    expect(fs.readFileSync(path.join(out, 'index.txt'))).toEqual(before);
  });

  it('reads a folder as its .csv files, into one JSON with every idea once and the events view', () => {
    const result = rapporteur([dir, '--format', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.inputs.map((i) => path.basename(i))).toEqual(['geneva.csv', 'lima.csv', 'nairobi.csv']);
    const ideas = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas));
    expect(ideas).toHaveLength(108);
    expect(new Set(ideas.map((i) => `${i.file}:${i.row}`)).size).toBe(108);
    expect(report.events!.events).toEqual(['geneva', 'lima', 'nairobi']);
    const counted = report.events!.themes.reduce((s, t) => s + t.size, 0);
    expect(counted).toBe(108);
    expect(report.events!.themes.filter((t) => t.shared).length).toBeGreaterThan(0);
  });

  it('gives the same bytes twice', () => {
    const a = rapporteur([...events, '--format', 'json']);
    const b = rapporteur([...events, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
  });

  it('with --keep-going reports a broken file and keeps the others, exit 1; without it stops first', () => {
    const broken = path.join(dir, 'broken.bin');
    fs.writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1]));
    const out = path.join(dir, 'kept');
    const kept = rapporteur([events[0], broken, events[1], '--out-dir', out, '--keep-going']);
    expect(kept.status).toBe(1);
    expect(kept.stderr).toMatch(/rapporteur: error: .*broken\.bin: .*binary/);
    expect(fs.readdirSync(out).sort()).toEqual(['geneva.txt', 'index.txt', 'lima.txt']);
    const stopped = path.join(dir, 'stopped');
    const result = rapporteur([events[0], broken, events[1], '--out-dir', stopped]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(stopped) ? fs.readdirSync(stopped) : []).toEqual([]);
  });

  it('saves the themes of the series and sorts a new event into them', () => {
    const model = path.join(dir, 'series.json');
    expect(rapporteur([events[0], events[1], '--save-model', model, '--format', 'json']).status).toBe(0);
    const assigned = rapporteur(['assign', '--model', model, events[2], '--format', 'json']);
    expect(assigned.status).toBe(0);
    const report = JSON.parse(assigned.stdout) as Report;
    const ideas = report.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas));
    expect(ideas).toHaveLength(36);
    expect(report.groups.flatMap((g) => g.themes).some((t) => !t.other && t.ideas.length > 0)).toBe(true);
  });
});
