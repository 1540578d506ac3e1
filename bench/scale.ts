/**
 * Scale benchmark: rapporteur on one group of 1,000 to 1,000,000 ideas (`--by none -k 4`, JSON
 * to a file, as a user runs it) beside a scikit-learn reference (TF-IDF + k-means, the same
 * file, bench/sklearn_reference.py), whole processes measured with /usr/bin/time: wall time,
 * CPU time (user + system) and peak memory. The two tools run alternately on each size, so
 * both see the same load. Sets are made by ../shared/data/make_scale_set.py from the AG News
 * titles, into a temporary folder.
 *
 *   npm run bench:scale                           # prints the table
 *   npm run bench:scale -- --write                # and writes bench/SCALE.md and bench/scale.svg
 *   npm run bench:scale -- --sizes 1000,20000 --runs 3   # default: all four sizes, 5 runs each
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const data = path.join(root, '..', 'shared', 'data');
const source = path.join(data, 'dev-agnews-titles-7600.csv');
const maker = path.join(data, 'make_scale_set.py');
const bin = path.join(root, 'bin', 'rapporteur.js');
const reference = path.join(root, 'bench', 'sklearn_reference.py');
const python = '/usr/bin/python3';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const sizes = (flag('--sizes') ?? '1000,20000,100000,1000000').split(',').map(Number);
/** Runs per size, a million ideas included (the median is kept). */
const runs = Number(flag('--runs') ?? 5);

if (!fs.existsSync(source) || !fs.existsSync(maker)) {
  process.stdout.write(`bench:scale: skipped, ${path.relative(root, source)} or ${path.relative(root, maker)} is missing\n`);
  process.exit(0);
}
if (!fs.existsSync('/usr/bin/time')) {
  process.stderr.write('bench:scale: needs /usr/bin/time (Debian package "time")\n');
  process.exit(2);
}
const withSklearn = spawnSync(python, ['-c', 'import sklearn'], { stdio: 'ignore' }).status === 0;
if (!withSklearn) process.stdout.write('bench:scale: scikit-learn not found (apt-get install -y python3-sklearn); rapporteur only\n');

interface Measure {
  wall: number;
  cpu: number;
  mb: number;
}

function measure(command: string, args: string[]): Measure {
  const result = spawnSync('/usr/bin/time', ['-f', '%e %U %S %M', command, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed: ${result.stderr}`);
  const [wall, user, system, kb] = result.stderr.trim().split('\n').pop()!.split(' ').map(Number);
  return { wall, cpu: user + system, mb: kb / 1024 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianOf = (ms: Measure[]): Measure => ({ wall: median(ms.map((m) => m.wall)), cpu: median(ms.map((m) => m.cpu)), mb: median(ms.map((m) => m.mb)) });

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-scale-'));
/** Medians of each tool's runs, and the median of the ratios of the runs made one after the other. */
const results: { n: number; rapporteur: Measure; sklearn?: Measure; ratio?: Measure }[] = [];
const started = Date.now();
try {
  measure(process.execPath, [bin, path.join(root, 'fixtures', 'itu-world-cafe-2013.csv'), '-o', path.join(dir, 'warm-up.txt')]);
  for (const n of sizes) {
    const file = path.join(dir, `ideas-${n}.csv`);
    const made = spawnSync(python, [maker, source, String(n), file], { stdio: 'inherit' });
    if (made.status !== 0) throw new Error(`make_scale_set.py ${n} failed`);
    const mine: Measure[] = [];
    const theirs: Measure[] = [];
    for (let run = 0; run < runs; run++) {
      if (withSklearn) theirs.push(measure(python, [reference, file, path.join(dir, 'labels.csv')]));
      mine.push(measure(process.execPath, [bin, file, '--by', 'none', '-k', '4', '--format', 'json', '-o', path.join(dir, 'report.json')]));
    }
    // Paired: each run of rapporteur against the scikit-learn run just before it, so that a
    // slow spell of the machine moves both sides of a ratio.
    const paired = (): Measure => medianOf(mine.map((m, r) => ({ wall: m.wall / theirs[r].wall, cpu: m.cpu / theirs[r].cpu, mb: m.mb / theirs[r].mb })));
    results.push({ n, rapporteur: medianOf(mine), ...(withSklearn ? { sklearn: medianOf(theirs), ratio: paired() } : {}) });
    process.stderr.write(`bench:scale: ${n} ideas done\n`);
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const ratio = (x?: number) => (x === undefined ? '–' : `${f2(x)}×`);
const perIdea = (m: Measure, n: number) => (m.wall / n) * 1e6;
const lines = [
  '# Scale benchmark',
  '',
  'One group of n ideas (`--by none -k 4 --format json -o FILE`), whole processes: wall time, CPU time',
  '(user + system) and peak memory (`/usr/bin/time`). Reference: scikit-learn TF-IDF + `KMeans(4, n_init=1)`',
  'up to 100,000 ideas, `MiniBatchKMeans(4, batch_size=4096, n_init=3)` above, CSV read and labels written',
  '(bench/sklearn_reference.py). Sets from `make_scale_set.py` (AG News titles spliced, seed 11).',
  '',
  '| ideas | rapporteur wall (s) | CPU (s) | memory (MB) | µs per idea | scikit-learn wall (s) | CPU (s) | memory (MB) | wall ratio | CPU ratio | memory ratio | wall, ratio of the medians |',
  '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...results.map(
    ({ n, rapporteur: r, sklearn: s, ratio: q }) =>
      `| ${n.toLocaleString('en')} | ${f2(r.wall)} | ${f2(r.cpu)} | ${r.mb.toFixed(0)} | ${perIdea(r, n).toFixed(0)} | ${s ? f2(s.wall) : '–'} | ${s ? f2(s.cpu) : '–'} | ${s ? s.mb.toFixed(0) : '–'} | ${ratio(q?.wall)} | ${ratio(q?.cpu)} | ${ratio(q?.mb)} | ${ratio(s ? r.wall / s.wall : undefined)} |`,
  ),
  '',
];
const at = (n: number) => results.find((r) => r.n === n);
const small = at(20_000);
const large = at(1_000_000);
if (small && large) lines.push(`Time per idea at 1,000,000 ÷ at 20,000: ${f2(perIdea(large.rapporteur, 1e6) / perIdea(small.rapporteur, 2e4))} (wall), ${f2(large.rapporteur.cpu / 1e6 / (small.rapporteur.cpu / 2e4))} (CPU).`, '');
const load = os.loadavg().map((l) => f1(l)).join(', ');
lines.push(
  `Medians of ${runs} runs per size, a million ideas included; Node ${process.version}, ${os.cpus().length} cores, load average at the end ${load}.`,
  'Wall times follow the machine\'s load; the two tools alternate, and each ratio is the median of the ratios of',
  'a rapporteur run to the scikit-learn run just before it, so that a slow spell of the machine moves both sides of it.',
  'The last column divides the two medians instead, for comparison: on a machine whose speed drifts, it moves more.',
  `Generated by \`npm run bench:scale\` in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
  '![Wall time against ideas, log–log](scale.svg)',
  '',
);
process.stdout.write(lines.join('\n'));
if (argv.includes('--write')) {
  fs.writeFileSync(path.join(root, 'bench', 'SCALE.md'), lines.join('\n'));
  fs.writeFileSync(path.join(root, 'bench', 'scale.svg'), chart(results));
}

/** A log–log chart of wall time against ideas for both tools, written by hand. */
function chart(rows: typeof results): string {
  const width = 640;
  const height = 400;
  const margin = { left: 70, right: 150, top: 30, bottom: 50 };
  const xs = [3, 6];
  const times = rows.flatMap((r) => [r.rapporteur.wall, ...(r.sklearn ? [r.sklearn.wall] : [])]);
  const ys = [Math.floor(Math.log10(Math.min(...times))), Math.ceil(Math.log10(Math.max(...times)))];
  if (ys[1] === ys[0]) ys[1]++;
  const x = (n: number) => margin.left + ((Math.log10(n) - xs[0]) / (xs[1] - xs[0])) * (width - margin.left - margin.right);
  const y = (t: number) => height - margin.bottom - ((Math.log10(t) - ys[0]) / (ys[1] - ys[0])) * (height - margin.top - margin.bottom);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="${width}" height="${height}" fill="white"/>`,
    `<text x="${margin.left}" y="18" font-size="14">Wall time against ideas (one group, k = 4), log–log</text>`,
  ];
  for (let e = xs[0]; e <= xs[1]; e++) {
    const px = x(10 ** e).toFixed(1);
    parts.push(`<line x1="${px}" y1="${margin.top}" x2="${px}" y2="${height - margin.bottom}" stroke="#ddd"/>`);
    parts.push(`<text x="${px}" y="${height - margin.bottom + 18}" text-anchor="middle">${(10 ** e).toLocaleString('en')}</text>`);
  }
  for (let e = ys[0]; e <= ys[1]; e++) {
    const py = y(10 ** e).toFixed(1);
    parts.push(`<line x1="${margin.left}" y1="${py}" x2="${width - margin.right}" y2="${py}" stroke="#ddd"/>`);
    parts.push(`<text x="${margin.left - 8}" y="${py}" text-anchor="end" dominant-baseline="middle">${10 ** e} s</text>`);
  }
  parts.push(`<text x="${(margin.left + width - margin.right) / 2}" y="${height - 12}" text-anchor="middle">ideas</text>`);
  const series: [string, string, (r: (typeof rows)[number]) => Measure | undefined][] = [
    ['rapporteur', '#1f77b4', (r) => r.rapporteur],
    ['scikit-learn', '#d62728', (r) => r.sklearn],
  ];
  series.forEach(([name, colour, pick], s) => {
    const points = rows.filter((r) => pick(r)).map((r) => [x(r.n), y(pick(r)!.wall)] as const);
    if (points.length === 0) return;
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}"/>`);
    for (const [px, py] of points) parts.push(`<circle cx="${px.toFixed(1)}" cy="${py.toFixed(1)}" r="3.5" fill="${colour}"/>`);
    const ly = margin.top + 20 + s * 20;
    parts.push(`<line x1="${width - margin.right + 15}" y1="${ly}" x2="${width - margin.right + 40}" y2="${ly}" stroke="${colour}" stroke-width="2"/>`);
    parts.push(`<text x="${width - margin.right + 46}" y="${ly}" dominant-baseline="middle">${name}</text>`);
  });
  parts.push('</svg>', '');
  return parts.join('\n');
}
