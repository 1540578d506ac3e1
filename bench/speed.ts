/**
 * Speed and memory of the command as a user runs it: wall time and peak memory of whole
 * processes (`/usr/bin/time -f`), median of several runs, on the ITU notes and on larger files
 * made by repeating its ideas with a running number (so no two ideas are identical).
 *
 *   npm run bench:speed            # needs /usr/bin/time (Debian package "time")
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'rapporteur.js');
const itu = path.join(root, 'fixtures', 'itu-world-cafe-2013.csv');
const runsFlag = process.argv.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(process.argv[runsFlag + 1]) : 5;

function syntheticFile(ideas: number, dir: string): string {
  const rows = parse(fs.readFileSync(itu), { columns: true }) as Record<string, string>[];
  const lines = ['idea'];
  for (let i = 0; i < ideas; i++) lines.push(`"${rows[i % rows.length].idea.replace(/"/g, '""')} ${Math.floor(i / rows.length) + 1}"`);
  const file = path.join(dir, `synthetic-${ideas}.csv`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function measure(args: string[]): { wall: number; rssMb: number } {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (result.status !== 0) throw new Error(`rapporteur ${args.join(' ')} failed: ${result.stderr}`);
  const [wall, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, rssMb: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-speed-'));
const cases: [string, string[]][] = [
  ['--help (start-up only)', ['--help']],
  ['ITU notes, 108 ideas in 3 rounds', [itu]],
  ['ITU notes, --no-vectors', [itu, '--no-vectors']],
  ['ITU notes, --format json', [itu, '--format', 'json']],
  ['500 ideas, one group', [syntheticFile(500, dir)]],
  ['1,000 ideas, one group', [syntheticFile(1000, dir)]],
];
console.log(`| case | median wall (s) | min–max (s) | median peak memory (MB) |`);
console.log(`|---|--:|--:|--:|`);
measure([itu]); // warm-up: builds the word-vector cache if it is missing
for (const [name, args] of cases) {
  const samples = Array.from({ length: runs }, () => measure(args));
  const walls = samples.map((s) => s.wall);
  console.log(`| ${name} | ${median(walls).toFixed(2)} | ${Math.min(...walls).toFixed(2)}–${Math.max(...walls).toFixed(2)} | ${median(samples.map((s) => s.rssMb)).toFixed(0)} |`);
}
console.log(`\n${runs} runs each, Node ${process.version}, ${os.cpus().length} cores.`);
fs.rmSync(dir, { recursive: true, force: true });
