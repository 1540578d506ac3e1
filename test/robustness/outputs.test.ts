import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { BIN, ITU, rapporteur, ROOT } from '../e2e/cli';

/**
 * What the command does to the files it writes, under attack and faults: it never overwrites an
 * input (whatever path leads there), never replaces a device or a FIFO, keeps a file's mode and
 * links, and never exits 0 after a short write.
 */
let folder: string;
beforeEach(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-outputs-'));
  fs.copyFileSync(ITU, path.join(folder, 'a.csv'));
  fs.writeFileSync(path.join(folder, 'b.csv'), 'idea,round\nOpen data for all,1\nOpen government data,1\nLearn to listen,1\nListen to citizens,1\n');
  fs.symlinkSync('.', path.join(folder, 'selfdir'));
});
afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

const inFolder = (args: string[]) => rapporteur(args, { cwd: folder });
const bytesOf = (name: string) => fs.readFileSync(path.join(folder, name));

/** A shell command line with the built command as `R`, run in the test folder. */
function shell(command: string): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('bash', ['-c', `R() { "${process.execPath}" "${BIN}" "$@"; }\n${command}`], { cwd: folder, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function expectOneErrorLine(result: { status: number | null; stderr: string }, status: number, message: RegExp): void {
  expect(result.stderr).toMatch(message);
  expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
  expect(result.status).toBe(status);
}

describe('an output never overwrites an input, whatever path names it', () => {
  it.each([
    ['-o through a linked folder, with several inputs', ['a.csv', 'b.csv', '-f', 'csv', '-o', 'selfdir/a.csv'], /-o selfdir\/a\.csv would overwrite the input a\.csv/],
    ['--save-model through a linked folder', ['a.csv', 'b.csv', '--save-model', 'selfdir/b.csv'], /--save-model selfdir\/b\.csv would overwrite the input b\.csv/],
    ['--out-dir through a linked folder, with --force', ['a.csv', 'b.csv', '-f', 'csv', '--out-dir', 'selfdir', '--force'], /--out-dir selfdir\/a\.csv would overwrite the input a\.csv/],
    ['-o a symbolic link to the input', ['a.csv', '-o', 'link-to-a.csv'], /would overwrite the input a\.csv/],
    ['-o a hard link to the input', ['a.csv', '-o', 'hard-a.csv'], /would overwrite the input a\.csv/],
    ['-o the saved model given to assign', ['assign', '--model', 'model.json', 'b.csv', '-o', 'selfdir/model.json'], /would overwrite the input model\.json/],
  ])('%s: refused before anything is written, exit 2', (_, args, message) => {
    fs.symlinkSync('a.csv', path.join(folder, 'link-to-a.csv'));
    fs.linkSync(path.join(folder, 'a.csv'), path.join(folder, 'hard-a.csv'));
    fs.writeFileSync(path.join(folder, 'model.json'), '{}');
    const before = [bytesOf('a.csv'), bytesOf('b.csv'), bytesOf('model.json')];
    expectOneErrorLine(inFolder(args), 2, message);
    expect([bytesOf('a.csv'), bytesOf('b.csv'), bytesOf('model.json')]).toEqual(before);
    expect(fs.readdirSync(folder).sort()).toEqual(['a.csv', 'b.csv', 'hard-a.csv', 'link-to-a.csv', 'model.json', 'selfdir']);
  });

  it('two outputs naming one file are a usage error', () => {
    expectOneErrorLine(inFolder(['b.csv', '-o', 'x.json', '--save-model', 'selfdir/x.json']), 2, /--save-model selfdir\/x\.json and -o x\.json name the same file/);
    expect(fs.existsSync(path.join(folder, 'x.json'))).toBe(false);
  });

  it('--out-dir with -o is a usage error: the two say where the reports go', () => {
    expectOneErrorLine(inFolder(['a.csv', 'b.csv', '--out-dir', 'reports', '-o', 'all.md']), 2, /--out-dir writes one report per input and -o one report of all inputs/);
    expect(fs.existsSync(path.join(folder, 'reports'))).toBe(false);
  });
});

describe('special files are written into, regular files keep what they are', () => {
  it('-o /dev/null leaves /dev/null a device', () => {
    const result = inFolder(['b.csv', '-o', '/dev/null']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(fs.statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('-o /dev/stdout writes the report to standard output', () => {
    const toFile = inFolder(['b.csv', '-f', 'json', '-o', 'r.json']);
    const toStdout = inFolder(['b.csv', '-f', 'json', '-o', '/dev/stdout']);
    expect(toStdout.status).toBe(0);
    expect(toStdout.stdout).toBe(bytesOf('r.json').toString('utf8'));
    expect(toFile.status).toBe(0);
  });

  it('-o a FIFO writes the whole report into it and leaves the FIFO', async () => {
    const fifo = path.join(folder, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = new Promise<string>((resolve, reject) => {
      const cat = spawn('cat', [fifo]);
      let text = '';
      cat.stdout.on('data', (d) => (text += d));
      cat.on('error', reject);
      cat.on('close', () => resolve(text));
    });
    const writer = await new Promise<number | null>((resolve) => spawn(process.execPath, [BIN, 'b.csv', '-f', 'json', '-o', fifo], { cwd: folder }).on('close', resolve));
    const received = await reader;
    expect(writer).toBe(0);
    expect(JSON.parse(received).totals.ideas).toBe(4);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  }, 60_000);

  it('an existing file keeps its mode, its hard links and its symbolic links', () => {
    const file = path.join(folder, 'draft.md');
    fs.writeFileSync(file, 'old draft\n');
    fs.chmodSync(file, 0o600);
    fs.linkSync(file, path.join(folder, 'draft-hard.md'));
    fs.symlinkSync('draft.md', path.join(folder, 'draft-link.md'));

    expect(inFolder(['b.csv', '-f', 'markdown', '-o', 'draft-link.md']).status).toBe(0);
    expect(fs.lstatSync(path.join(folder, 'draft-link.md')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# b\n/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    fs.writeFileSync(file, 'old draft\n');
    expect(inFolder(['b.csv', '-o', 'draft-hard.md']).status).toBe(0);
    expect(fs.statSync(file).nlink).toBe(2);
    expect(fs.readFileSync(file, 'utf8')).toMatch(/^# b\n/);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  });
});

describe('every write is checked', () => {
  it('standard output on a full device: one line, exit 1', () => {
    expectOneErrorLine(shell('R b.csv -f json > /dev/full'), 1, /^rapporteur: error: cannot write the report to standard output: the disk is full \(ENOSPC\); it is incomplete/);
  });

  it('-o on a full device: one line, exit 1', () => {
    expectOneErrorLine(shell('R b.csv -f json -o /dev/full'), 1, /^rapporteur: error: cannot write \/dev\/full: the disk is full \(ENOSPC\)/);
  });

  it('a closed standard output: one line, exit 1', () => {
    expectOneErrorLine(shell('R b.csv >&-'), 1, /^rapporteur: error: standard output is closed/);
  });

  it('standard output to /dev/null is fine: only a closed one is an error', () => {
    expect(shell('R b.csv > /dev/null')).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('a reader that stops early (| head) is not an error: quiet, exit 0', () => {
    const result = shell('R a.csv -f json | head -c 10 > /dev/null; echo "status ${PIPESTATUS[0]}"');
    expect(result.stdout).toBe('status 0\n');
    expect(result.stderr).toBe('');
  });

  it('help and version are checked too', () => {
    expectOneErrorLine(shell('R --help > /dev/full'), 1, /the disk is full/);
    expect(shell('R help | head -n 1')).toEqual({ status: 0, stdout: 'Examples:\n', stderr: '' });
  });
});

describe('temporary files and locks of killed runs', () => {
  /** The pid of a process that has ended. */
  function deadPid(): number {
    const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    return Number(child.stdout);
  }

  it('a stale temporary file beside -o is removed; other hidden files are left alone', () => {
    const stale = path.join(folder, `.out.md.${deadPid()}.tmp`);
    const own = path.join(folder, '.notes.swp');
    fs.writeFileSync(stale, 'half a report');
    fs.writeFileSync(own, 'an editor file');
    expect(inFolder(['b.csv', '-o', 'out.md']).status).toBe(0);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(own)).toBe(true);
  });

  it('--out-dir: stale temporary files and a stale lock are removed; a live lock refuses the run', () => {
    const reports = path.join(folder, 'reports');
    fs.mkdirSync(reports);
    fs.writeFileSync(path.join(reports, `.a.md.${deadPid()}.tmp`), 'half a report');
    fs.writeFileSync(path.join(reports, '.rapporteur.lock'), `${process.pid}\n`);
    const busy = inFolder(['a.csv', 'b.csv', '-f', 'markdown', '--out-dir', 'reports']);
    expectOneErrorLine(busy, 1, new RegExp(`another rapporteur run \\(process ${process.pid}\\) is writing into --out-dir reports`));

    fs.writeFileSync(path.join(reports, '.rapporteur.lock'), `${deadPid()}\n`);
    const result = inFolder(['a.csv', 'b.csv', '-f', 'markdown', '--out-dir', 'reports']);
    expect(result.status).toBe(0);
    expect(fs.readdirSync(reports).sort()).toEqual(['a.md', 'b.md', 'index.md']);
  });
});
