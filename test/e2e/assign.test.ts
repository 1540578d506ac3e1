import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ITU, rapporteur } from './cli';
import { Report } from '../../src/report/report';

describe('saved themes: --save-model, then assign', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-model-'));
  const model = path.join(dir, 'themes.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const saved = rapporteur([ITU, '--format', 'json', '--save-model', model]);
  const report = JSON.parse(saved.stdout) as Report;

  it('writes a readable, versioned model beside the usual report', () => {
    expect(saved.status).toBe(0);
    const file = JSON.parse(fs.readFileSync(model, 'utf8'));
    expect(file).toMatchObject({ format: 'rapporteur-themes', schemaVersion: 1, generator: { name: 'rapporteur' } });
    expect(file.groups.map((g: { name: string }) => g.name)).toEqual(['1', '2', '3']);
  });

  it('puts every old idea back into the theme it came from, and the same bytes twice', () => {
    const first = rapporteur(['assign', '--model', model, ITU, '--format', 'json']);
    expect(first.status).toBe(0);
    expect(rapporteur(['assign', '--model', model, ITU, '--format', 'json']).stdout).toBe(first.stdout);
    const assigned = JSON.parse(first.stdout) as Report;
    const themeOf = (r: Report) =>
      new Map(r.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas.map((i) => [i.row, t.other ? 'other' : t.label] as const))));
    const before = themeOf(report);
    const after = themeOf(assigned);
    expect(after.size).toBe(108);
    for (const [row, label] of before) if (label !== 'other') expect(after.get(row)).toBe(label);
  });

  it('sends ideas far from every saved theme to "Unmatched"', () => {
    const notes = 'idea,round\nFighting cybercrime online,2\nXqzv blorptang,2\n';
    const assigned = JSON.parse(rapporteur(['assign', '--model', model, '-', '--format', 'json'], { input: notes }).stdout) as Report;
    const themeOf = (r: Report, text: string) => r.groups[0].themes.find((t) => t.ideas.some((i) => i.text === text))?.label;
    expect(themeOf(assigned, 'Fighting cybercrime online')).toMatch(/Cyber/);
    expect(themeOf(assigned, 'Xqzv blorptang')).toBe('Unmatched');
    expect(assigned.options).toMatchObject({ model, threshold: 0.2 });
    const strict = JSON.parse(rapporteur(['assign', '--model', model, '-', '--format', 'json', '--threshold', '0.99'], { input: notes }).stdout) as Report;
    expect(themeOf(strict, 'Fighting cybercrime online')).toBe('Unmatched');
  });

  it('names a damaged or newer model in one line, exit 1', () => {
    const newer = path.join(dir, 'newer.json');
    fs.writeFileSync(newer, JSON.stringify({ format: 'rapporteur-themes', schemaVersion: 99 }));
    const damaged = path.join(dir, 'damaged.json');
    fs.writeFileSync(damaged, fs.readFileSync(model, 'utf8').slice(0, 500));
    for (const [file, message] of [
      [newer, /newer rapporteur/],
      [damaged, /damaged\.json/],
    ] as const) {
      const result = rapporteur(['assign', '--model', file, ITU]);
      expect(result.status).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});
