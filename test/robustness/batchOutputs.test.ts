import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, ITU, rapporteur } from '../e2e/cli';
import { Report } from '../../src/report/report';

/**
 * Batch runs are all or nothing, event names are data (never code, never merged), and the
 * failures that used to end in "internal error" or a silent exit 0 get one clear line.
 */
let folder: string;
beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-batch-outputs-'))));
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const inFolder = (args: string[]) => rapporteur(args, { cwd: folder });
const notes = (ideas: string[], columns = 'idea') => `${columns}\n${ideas.join('\n')}\n`;
const IDEAS = ['Open data for all', 'Open government data', 'Learn to listen', 'Listen to citizens', 'Protect human rights online', 'Human rights on the Internet'];

function write(name: string, content: string): void {
  fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
  fs.writeFileSync(path.join(folder, name), content);
}

function expectOneErrorLine(result: { status: number | null; stderr: string }, status: number, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.status).toBe(status);
}

const canMount = process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

/** A small tmpfs at `at` for the length of `body`: a real full disk (needs root). */
function withSmallDisk(at: string, kilobytes: number, body: () => void, readOnly = false): void {
  fs.mkdirSync(at, { recursive: true });
  const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', `size=${kilobytes}k${readOnly ? ',ro' : ''}`, 'tmpfs', at]);
  if (mounted.status !== 0) throw new Error(`mount failed: ${mounted.stderr}`);
  try {
    body();
  } finally {
    spawnSync('umount', [at]);
  }
}

(canMount ? describe : describe.skip)('a full disk (a small tmpfs; run as root)', () => {
  it('-o: one line, exit 1, nothing left on the disk', () => {
    const disk = path.join(folder, 'disk');
    withSmallDisk(disk, 16, () => {
      expectOneErrorLine(rapporteur([ITU, '-f', 'json', '-o', path.join(disk, 'r.json')]), 1, /cannot write .*r\.json: the disk is full \(ENOSPC\); nothing was written/);
      expect(fs.readdirSync(disk)).toEqual([]);
    });
  });

  it('standard output redirected to it: one line, exit 1', () => {
    const disk = path.join(folder, 'disk');
    withSmallDisk(disk, 16, () => {
      const result = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" "${ITU}" -f json > "${disk}/r.json"`], { encoding: 'utf8' });
      expectOneErrorLine({ status: result.status, stderr: result.stderr }, 1, /cannot write the report to standard output: the disk is full \(ENOSPC\); it is incomplete/);
    });
  });

  it('--out-dir: no report and no index, and the line says none was written', () => {
    write('one.csv', notes(IDEAS));
    write('two.csv', notes(IDEAS.slice(0, 4)));
    const disk = path.join(folder, 'disk');
    withSmallDisk(disk, 8, () => {
      const result = inFolder([ITU, 'one.csv', 'two.csv', '-f', 'json', '--out-dir', disk]);
      expectOneErrorLine(result, 1, /the disk is full \(ENOSPC\); none of the outputs was written/);
      expect(fs.readdirSync(disk)).toEqual([]);
    });
  });

  it('--out-dir under a read-only file system: one line, not an internal error', () => {
    write('one.csv', notes(IDEAS));
    write('two.csv', notes(IDEAS.slice(0, 4)));
    const disk = path.join(folder, 'disk');
    withSmallDisk(disk, 8, () => expectOneErrorLine(inFolder(['one.csv', 'two.csv', '--out-dir', path.join(disk, 'reports')]), 1, /cannot create the folder --out-dir .*reports: the file system is read-only/), true);
  });
});

describe('signals during a batch', () => {
  it.each<[NodeJS.Signals, number]>([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s stops it with exit %d and leaves the folder as it was: no report, no temporary file, no lock', async (signal, status) => {
    const inputs = Array.from({ length: 8 }, (_, i) => {
      write(`event-${i}.csv`, fs.readFileSync(ITU, 'utf8'));
      return `event-${i}.csv`;
    });
    const reports = path.join(folder, 'reports');
    const outcome = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, ...inputs, '--no-vectors', '--out-dir', 'reports'], { cwd: folder, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      // The lock appears when the batch starts; the eight inputs take a second or more to analyse.
      const poll = setInterval(() => {
        if (fs.existsSync(path.join(reports, '.rapporteur.lock'))) {
          clearInterval(poll);
          child.kill(signal);
        }
      }, 5);
      child.on('error', reject);
      child.on('exit', (code) => {
        clearInterval(poll);
        resolve({ code, stderr });
      });
    });
    expect(outcome.code).toBe(status);
    expect(outcome.stderr).toMatch(new RegExp(`^rapporteur: interrupted by ${signal}; no output was written\\n$`));
    expect(fs.readdirSync(reports)).toEqual([]);
  }, 60_000);
});

describe('event names are data', () => {
  it('inputs a/X.csv, b/X.csv and "X (2).csv" stay three events with their own counts', () => {
    write('a/X.csv', notes(IDEAS));
    write('b/X.csv', notes(IDEAS.slice(0, 4)));
    write('X (2).csv', notes(IDEAS.slice(2)));
    const result = inFolder(['a/X.csv', 'b/X.csv', 'X (2).csv', '-f', 'json', '--no-vectors']);
    expect(result.status).toBe(0);
    const view = (JSON.parse(result.stdout) as Report).events!;
    expect(new Set(view.events).size).toBe(3);
    expect(view.perEvent.map((e) => [e.event, e.ideas])).toEqual([
      ['X', 6],
      [view.events[1], 4],
      ['X (2)', 4],
    ]);
    for (const theme of view.themes) expect(Object.values(theme.counts).reduce((a, b) => a + b, 0)).toBe(theme.size);
  });

  it.each(['__proto__', 'constructor', 'toString'])('an event named %s is counted like any other', (name) => {
    write('one.csv', notes(IDEAS.map((i) => `${name},${i}`), 'event,idea'));
    write('two.csv', notes(IDEAS.map((i) => `Other event,${i}`), 'event,idea'));
    const result = inFolder(['one.csv', 'two.csv', '-f', 'json', '--no-vectors']);
    expect(result.status).toBe(0);
    const view = (JSON.parse(result.stdout) as Report).events!;
    expect(view.events).toEqual([name, 'Other event']);
    const counted = view.themes.reduce((sum, t) => sum + (Object.prototype.hasOwnProperty.call(t.counts, name) ? t.counts[name] : 0), 0);
    expect(counted).toBe(IDEAS.length);
    const markdown = inFolder(['one.csv', 'two.csv', '-f', 'markdown', '--no-vectors']).stdout;
    expect(markdown).not.toMatch(/\[object Object\]|function/);
  });

  it('the same file given twice (also through a folder) is refused: its ideas would count twice', () => {
    write('notes/one.csv', notes(IDEAS));
    expectOneErrorLine(inFolder(['notes/one.csv', 'notes/one.csv']), 2, /notes\/one\.csv is given twice; its ideas would be counted twice/);
    expectOneErrorLine(inFolder(['notes', './notes/one.csv']), 2, /notes\/one\.csv and \.\/notes\/one\.csv are the same file/);
  });
});

describe('--out-dir that cannot be a folder: one line, never an internal error', () => {
  it.each([
    ['a file', () => write('taken', 'x'), 'taken', 2, /--out-dir taken is a file, not a folder/],
    ['a dangling link', () => fs.symlinkSync('nowhere', path.join(folder, 'dangling')), 'dangling', 2, /--out-dir dangling is a link to a folder that does not exist/],
    ['a path through a file', () => write('taken', 'x'), 'taken/reports', 2, /--out-dir taken\/reports: a part of that path is a file/],
  ])('%s', (_, make, outDir, status, message) => {
    make();
    write('one.csv', notes(IDEAS));
    expectOneErrorLine(inFolder(['one.csv', '--out-dir', outDir]), status, message);
  });
});

describe('assign never finds nothing in silence', () => {
  beforeEach(() => {
    expect(rapporteur([ITU, '--by', 'question', '--save-model', path.join(folder, 'by-question.json'), '-o', path.join(folder, 'q.txt')]).status).toBe(0);
    expect(rapporteur([ITU, '--save-model', path.join(folder, 'by-round.json'), '-o', path.join(folder, 'r.txt')]).status).toBe(0);
  });

  it('uses the column the themes were saved with by default', () => {
    const result = rapporteur(['assign', '--model', path.join(folder, 'by-question.json'), ITU, '-f', 'json']);
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as Report;
    expect(report.options.by).toBe('question');
    const unmatched = report.groups.flatMap((g) => g.themes.filter((t) => t.other)).reduce((s, t) => s + t.size, 0);
    expect(unmatched).toBeLessThan(report.totals.ideas / 2);
  });

  it('groups that meet none of the saved groups: one line, exit 1; --allow-unmatched goes on with a warning', () => {
    const model = path.join(folder, 'by-question.json');
    expectOneErrorLine(rapporteur(['assign', '--model', model, ITU, '--by', 'none']), 1, /no group of the notes \("all"\) is a group of the saved themes .* every idea would be Unmatched .*--allow-unmatched/);
    const allowed = rapporteur(['assign', '--model', model, ITU, '--by', 'none', '--allow-unmatched', '-f', 'json']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toMatch(/^rapporteur: warning: the groups "all" of the notes are not groups of the saved themes/);
    expect((JSON.parse(allowed.stdout) as Report).groups[0].themes.map((t) => t.label)).toEqual(['Unmatched']);
  });

  it('new notes without the column the themes were saved with: one line, exit 2', () => {
    write('no-round.csv', notes(IDEAS));
    expectOneErrorLine(rapporteur(['assign', '--model', path.join(folder, 'by-round.json'), path.join(folder, 'no-round.csv')]), 2, /were saved with --by round, but .*no-round\.csv has no column "round"/);
  });

  it.each([
    ['a centre that is not a unit vector', (m: any) => (m.groups[0].themes[0].centre[0] = 1e308), /centre must have length 1/],
    ['a negated idf', (m: any) => (m.groups[0].representation.tfidf.idf = m.groups[0].representation.tfidf.idf.map((x: number) => -x)), /idf\[0\] must be a positive weight/],
  ])('a model with %s is refused', (_, edit, message) => {
    const model = JSON.parse(fs.readFileSync(path.join(folder, 'by-round.json'), 'utf8'));
    edit(model);
    fs.writeFileSync(path.join(folder, 'edited.json'), JSON.stringify(model));
    expectOneErrorLine(rapporteur(['assign', '--model', path.join(folder, 'edited.json'), ITU]), 1, message);
  });

  it('a model file that never ends (/dev/zero) is refused at the size limit', () => {
    expectOneErrorLine(rapporteur(['assign', '--model', '/dev/zero', ITU]), 1, /\/dev\/zero: is larger than 256 MB/);
  }, 60_000);

  it('takes the input options of the main command, as its own hint says', () => {
    write('cp1252.csv', '');
    fs.writeFileSync(path.join(folder, 'cp1252.csv'), Buffer.from('idea,round\nCaf\xe9 citoyen,1\nOpen data,1\n', 'latin1'));
    const hinted = rapporteur(['assign', '--model', path.join(folder, 'by-round.json'), path.join(folder, 'cp1252.csv')]);
    expect(hinted.stderr).toMatch(/--encoding windows-1252/);
    const result = rapporteur(['assign', '--model', path.join(folder, 'by-round.json'), path.join(folder, 'cp1252.csv'), '--encoding', 'windows-1252', '-f', 'json']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Café citoyen');
  });
});
