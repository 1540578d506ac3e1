import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ITU, ROOT } from '../e2e/cli';

/**
 * Ctrl-C while the report is being written stops the run with exit 130 (SIGTERM: 143) and
 * leaves the earlier file as it was, never a half-written one and no temporary file. The write is made long (50 MB, a few hundred milliseconds) and the
 * signal is sent as soon as the temporary file appears, so it lands during the write.
 */
const WRITER = path.join(__dirname, 'writeUnderSignal.ts');

interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  /** The folder's files when the signal was sent, and at the end. */
  atSignal: string[];
  after: string[];
}

function interrupt(args: string[], folder: string, signal: NodeJS.Signals, when: (files: string[]) => boolean): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (d) => (stdout += d));
    let atSignal: string[] = [];
    const poll = setInterval(() => {
      const files = fs.readdirSync(folder);
      if (when(files)) {
        clearInterval(poll);
        atSignal = files;
        child.kill(signal);
      }
    }, 2);
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ code, signal: sig, stdout, atSignal, after: fs.readdirSync(folder) });
    });
  });
}

const isTemporary = (files: string[]) => files.some((f) => f.endsWith('.tmp'));

describe('interrupted runs', () => {
  let folder: string;
  beforeEach(() => (folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-interrupt-'))));
  afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

  it.each<[NodeJS.Signals, number]>([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ])('%s during the write stops the run with exit %d: no temporary file is left, the report is not half-written', async (signal, status) => {
    const out = path.join(folder, 'report.txt');
    fs.writeFileSync(out, 'the report of an earlier run\n');
    const outcome = await interrupt(['--import', 'tsx', WRITER, out, '50'], folder, signal, isTemporary);
    expect(outcome.atSignal.sort()).toEqual([expect.stringMatching(/^\.report\.txt\.\d+\.tmp$/), 'report.txt']);
    expect(outcome.after).toEqual(['report.txt']);
    expect(outcome.code).toBe(status);
    const [length, when] = outcome.stdout.trim().split(' ');
    // The signal lands while the new report is still being written (the usual case): the earlier
    // report stays as it was. Should it land after the new one is complete, that one is whole.
    if (when === 'before') expect(fs.readFileSync(out, 'utf8')).toBe('the report of an earlier run\n');
    else expect(fs.statSync(out).size).toBe(Number(length));
  }, 60_000);

  it('control: without that protection the same signal leaves a half-written temporary file', async () => {
    const outcome = await interrupt(['--import', 'tsx', WRITER, path.join(folder, 'report.txt'), '50', 'unprotected'], folder, 'SIGINT', isTemporary);
    expect(outcome.signal).toBe('SIGINT');
    expect(outcome.after).toEqual([expect.stringMatching(/\.tmp$/)]);
  }, 60_000);

  it('Ctrl-C before the write (while clustering) leaves nothing behind', async () => {
    const out = path.join(folder, 'themes.md');
    const start = Date.now();
    const outcome = await interrupt([path.join(ROOT, 'bin', 'rapporteur.js'), ITU, '-o', out], folder, 'SIGINT', () => Date.now() - start > 150);
    // On a machine fast enough to finish within 150 ms, the report is simply there, whole.
    if (outcome.signal === null) expect([outcome.code, outcome.after]).toEqual([0, ['themes.md']]);
    else expect([outcome.signal, outcome.after]).toEqual(['SIGINT', []]);
  }, 60_000);
});
