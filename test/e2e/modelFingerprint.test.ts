import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ITU, rapporteur } from './cli';

describe('saved themes record what their vectors were made with', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-fingerprint-'));
  const saved = path.join(dir, 'themes.json');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const made = rapporteur([ITU, '--by', 'none', '-k', '5', '--save-model', saved, '-q']);
  const model = () => JSON.parse(fs.readFileSync(saved, 'utf8'));
  const notes = 'idea\nFighting cybercrime online\n';
  const edited = (name: string, edit: (m: any) => void): string => {
    const m = model();
    edit(m);
    const file = path.join(dir, name);
    fs.writeFileSync(file, JSON.stringify(m));
    return file;
  };

  it('names the representation and the word vectors in the file', () => {
    expect(made.status).toBe(0);
    expect(model().fingerprint).toEqual({ representation: 'tfidf-sif-blend/1', wordVectors: expect.stringMatching(/^100d:[0-9a-f]{8}$/) });
  });

  it('refuses, in one line and with exit 2, themes made with other word vectors', () => {
    const other = edited('other-vectors.json', (m) => (m.fingerprint.wordVectors = '100d:00000000'));
    const result = rapporteur(['assign', '--model', other, '-'], { input: notes });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^rapporteur: error: the saved themes were made with other word vectors \(100d:00000000\) than these \(100d:[0-9a-f]{8}\) \(.*\)\n$/);
  });

  it('refuses, in one line and with exit 2, themes made in another representation', () => {
    const other = edited('other-representation.json', (m) => (m.fingerprint.representation = 'sentence-embedding/3'));
    const result = rapporteur(['assign', '--model', other, '-'], { input: notes });
    expect(result.status).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(result.stderr).toContain('the saved themes were made with the representation sentence-embedding/3');
  });

  it('still reads themes saved before fingerprints were recorded, as before', () => {
    const older = edited('older.json', (m) => delete m.fingerprint);
    const withFingerprint = rapporteur(['assign', '--model', saved, '-', '--format', 'csv'], { input: notes });
    const without = rapporteur(['assign', '--model', older, '-', '--format', 'csv'], { input: notes });
    expect(without.status).toBe(0);
    expect(without.stdout).toBe(withFingerprint.stdout);
  });
});

describe('assign and evaluate read odd files as the report does', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-encoding-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const windows1252 = path.join(dir, 'late.csv');
  fs.writeFileSync(windows1252, Buffer.from('idea;round\nCaf\xe9 with free wifi for every citizen;1\nFighting cybercrime;2\n', 'latin1'));
  // Themes saved without groups, so that the new notes' groups always meet them.
  const saved = path.join(dir, 'themes.json');
  rapporteur([ITU, '--by', 'none', '-k', '5', '--save-model', saved, '-q', '--format', 'json']);

  it('assign follows its own hint: --encoding windows-1252 reads the file it stopped at', () => {
    const refused = rapporteur(['assign', '--model', saved, windows1252]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('run again with --encoding windows-1252');
    const read = rapporteur(['assign', '--model', saved, windows1252, '--encoding', 'windows-1252', '--format', 'csv']);
    expect(read.stderr).toBe('');
    expect(read.status).toBe(0);
    expect(read.stdout).toContain('Café with free wifi for every citizen');
  });

  it('assign and evaluate take --no-header: the first line is read as an idea', () => {
    const ideas = (args: string[]) => JSON.parse(rapporteur([...args, '--encoding', 'windows-1252', '--no-header', '--by', 'none', '--format', 'json']).stdout).totals.ideas;
    expect(ideas([windows1252])).toBe(3);
    expect(ideas(['assign', '--model', saved, windows1252])).toBe(3);
    expect(ideas(['evaluate', windows1252, '--truth', '2'])).toBe(3);
  });

  it('assign and evaluate stop at --max-rows as the report does', () => {
    const run = (args: string[]) => rapporteur([...args, '--encoding', 'windows-1252', '--max-rows', '1']);
    for (const result of [run([windows1252]), run(['assign', '--model', saved, windows1252]), run(['evaluate', windows1252, '--truth', 'round'])]) {
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/more than 1 rows, the row limit/);
    }
  });
});
