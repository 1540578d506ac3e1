import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyseGroupWithModel } from '../../src/analyseGroup';
import { LARGE_GROUP } from '../../src/analyseLargeGroup';
import { GroupK, parseGroupK } from '../../src/groupK';
import { Idea } from '../../src/ingest/idea';
import { describeStep, ProgressStep } from '../../src/progress/progress';
import { terminalProgress } from '../../src/progress/terminalProgress';
import { run, RunContext } from '../../src/run';
import { spawnSync } from 'node:child_process';
import { BIN } from '../e2e/cli';

const SUBJECTS = ['clean water for the river', 'more teachers in school', 'bus lanes and safe cycling', 'parks and trees in every street'];

function csvOf(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => `${i + 1},${SUBJECTS[i % SUBJECTS.length]} ${i + 1}`);
  return `id,text\n${rows.join('\n')}\n`;
}

function ideas(n: number): Idea[] {
  return Array.from({ length: n }, (_, i) => ({ file: 'f.csv', row: i + 1, id: String(i + 1), text: `${SUBJECTS[i % SUBJECTS.length]} ${i + 1}`, group: 'all' }));
}

/**
 * A shell command writing 3,000 notes with a pause of 1.5 s after the first 1,000: past the
 * display's quiet first second, so the run is long however fast the machine.
 */
function pausedFeed(dir: string): string {
  const [header, ...rows] = csvOf(3000).trimEnd().split('\n');
  fs.writeFileSync(path.join(dir, 'first.csv'), `${header}\n${rows.slice(0, 1000).join('\n')}\n`);
  fs.writeFileSync(path.join(dir, 'rest.csv'), `${rows.slice(1000).join('\n')}\n`);
  return `{ cat '${dir}/first.csv'; sleep 1.5; cat '${dir}/rest.csv'; }`;
}

/** Each stage once, in the order first told. */
const stagesOf = (steps: ProgressStep[]) => [...new Set(steps.map((s) => s.stage))];

describe('progress of a long run', () => {
  it('names the stage, its counts and the time left', () => {
    expect(describeStep({ stage: 'reading', done: 412000, unit: 'ideas' })).toBe('reading 412,000 ideas…');
    expect(describeStep({ stage: 'clustering', done: 1, total: 10, atMost: true, unit: 'pass' }, 19.6)).toBe('clustering: pass 2 of ≤10, about 20 s left');
    expect(describeStep({ stage: 'finding words', done: 16384, total: 100000, unit: 'ideas' }, 150)).toBe('finding words: 16,384 of 100,000 ideas, about 3 min left');
    expect(describeStep({ stage: 'writing' })).toBe('writing…');
  });

  it('on a terminal: nothing in the first second, then one line redrawn in place, with time left once the stage has a pace', () => {
    let now = 0;
    const written: string[] = [];
    const display = terminalProgress({ write: (t) => written.push(t), now: () => now, columns: 80 });
    display.report({ stage: 'reading', done: 100, unit: 'ideas' });
    expect(written).toEqual([]);
    now = 1500;
    display.report({ stage: 'clustering', done: 0, total: 10, atMost: true, unit: 'pass' });
    expect(written).toEqual(['\rclustering: pass 1 of ≤10\x1b[K']);
    now = 1600;
    display.report({ stage: 'clustering', done: 1, total: 10, atMost: true, unit: 'pass' });
    expect(written).toHaveLength(1); // redrawn at most every 200 ms
    now = 3500;
    display.report({ stage: 'clustering', done: 1, total: 10, atMost: true, unit: 'pass' });
    expect(written[1]).toBe('\rclustering: pass 2 of ≤10, about 18 s left\x1b[K');
    display.clear();
    expect(written[2]).toBe('\r\x1b[K');
    display.clear();
    expect(written).toHaveLength(3); // nothing to take away twice
  });

  it('never wraps: a line wider than the terminal is cut', () => {
    let now = 0;
    const written: string[] = [];
    const display = terminalProgress({ write: (t) => written.push(t), now: () => now, columns: 30 });
    now = 2000;
    display.report({ stage: 'finding words', done: 16384, total: 1000000, unit: 'ideas' });
    expect(written[0].replace('\x1b[K', '').length).toBeLessThanOrEqual(30);
    expect(written[0]).toContain('…');
  });

  it('a large group tells its stages in order, and its themes are the same told or not', () => {
    const group = ideas(LARGE_GROUP + 500);
    const steps: ProgressStep[] = [];
    const told = analyseGroupWithModel(group, { k: 4, seed: 1, progress: (s) => steps.push(s) });
    expect(stagesOf(steps)).toEqual(['finding words', 'clustering', 'naming themes']);
    const passes = steps.filter((s) => s.stage === 'clustering');
    expect(passes[0]).toEqual({ stage: 'clustering', done: 0, total: 10, atMost: true, unit: 'pass' });
    expect(passes.map((s) => s.done)).toEqual([...passes.keys()].map((p) => Math.max(0, p - 1)));
    expect(steps.filter((s) => s.stage === 'finding words').every((s) => s.total === group.length)).toBe(true);
    expect(analyseGroupWithModel(group, { k: 4, seed: 1 })).toEqual(told);
  });

  it('choosing the number of themes is a stage of its own when -k is not given', () => {
    const steps: ProgressStep[] = [];
    analyseGroupWithModel(ideas(LARGE_GROUP + 200), { seed: 1, progress: (s) => steps.push(s) });
    expect(stagesOf(steps)).toEqual(['finding words', 'choosing the number of themes', 'clustering', 'naming themes']);
  });

  it('a run tells reading, the analysis and writing, and writes what it writes without being told', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-progress-'));
    try {
      const input = path.join(dir, 'notes.csv');
      fs.writeFileSync(input, csvOf(LARGE_GROUP + 300));
      const steps: ProgressStep[] = [];
      const context = (progress?: (s: ProgressStep) => void): RunContext => ({
        version: '0.0.0', env: {}, notice: () => undefined, stdin: () => { throw new Error('no stdin'); },
        ...(progress ? { stageProgress: progress } : {}),
      });
      const options = { input, by: 'none', k: parseGroupK('4') as GroupK, seed: 1, format: 'json' as const, color: false, vectors: false, read: { chunkBytes: 4096 } };
      await run({ ...options, output: path.join(dir, 'told.json') }, context((s) => steps.push(s)));
      await run({ ...options, output: path.join(dir, 'quiet.json') }, context());
      expect(stagesOf(steps)).toEqual(['reading', 'finding words', 'clustering', 'naming themes', 'writing']);
      const read = steps.filter((s) => s.stage === 'reading').map((s) => s.done!);
      expect(read).toEqual([...read].sort((a, b) => a - b));
      expect(read[read.length - 1]).toBe(LARGE_GROUP + 300);
      expect(fs.readFileSync(path.join(dir, 'told.json'), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'quiet.json'), 'utf8'));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints nothing extra when stderr is not a terminal, even for a run long enough to show progress on one', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-progress-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.CI;
      const command = `${pausedFeed(dir)} | '${process.execPath}' '${BIN}' - --by none -k 4 --format json -o '${path.join(dir, 'out.json')}'`;
      const result = spawnSync('sh', ['-c', command], { encoding: 'utf8', env, timeout: 60_000 });
      expect(result.status).toBe(0);
      expect(result.stderr).toBe('');
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8')).totals.ideas).toBe(3000);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  /**
   * util-linux `script` runs a command on a pseudo-terminal: stderr is then a TTY, as for a person.
   */
  const haveScript = spawnSync('script', ['--version']).status === 0;
  (haveScript ? it : it.skip)('on a terminal shows the stages of a long run, and erases its line at the end; -q and CI turn it off', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-progress-'));
    try {
      const env: NodeJS.ProcessEnv = { ...process.env };
      delete env.CI;
      const onTerminal = (before: string, after = '') => {
        const command = `${pausedFeed(dir)} | ${before}'${process.execPath}' '${BIN}' - --by none -k 4 --format json -o '${path.join(dir, 'out.json')}'${after}`;
        const result = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env, timeout: 60_000 });
        expect(result.status).toBe(0);
        return result.stdout;
      };
      const shown = onTerminal('');
      expect(shown).toMatch(/\rreading [\d,]+ ideas…\x1b\[K/);
      expect(shown).toMatch(/\rwriting…\x1b\[K/);
      expect(shown.endsWith('\r\x1b[K')).toBe(true);
      expect(onTerminal('', ' -q')).toBe('');
      expect(onTerminal('CI=1 ')).toBe('');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
