/**
 * The edit-and-refresh cycle on the ITU notes, as a rapporteur would go through it: a first
 * draft, edited toward the rapporteurs' own themes (the `theme` column: every bullet of a round
 * regrouped under the human theme of its idea, the headings named as they named them), then two
 * late notes, and a refresh with --keep. Prints what the refresh said on stderr, where the late
 * notes went, and how many ideas sit under their human theme before and after.
 *
 *   npm run build && npx tsx bench/keep-itu.ts
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { Report } from '../src/report/report';

const root = path.resolve(__dirname, '..');
const bin = path.join(root, 'bin', 'rapporteur.js');
const itu = path.join(root, 'fixtures', 'itu-world-cafe-2013.csv');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-keep-itu-'));

function rapporteur(args: string[]): { stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0) throw new Error(`rapporteur ${args.join(' ')}: ${result.stderr}`);
  return { stdout: result.stdout, stderr: result.stderr };
}

const source = fs.readFileSync(itu, 'utf8');
const rows = parse(source, { columns: true }) as Record<string, string>[];
const humanTheme = new Map(rows.map((r) => [`${r.round}\u0000${r.idea.trim()}`, r.theme]));
const notes = path.join(folder, 'notes.csv');
fs.writeFileSync(notes, source);
const draft = path.join(folder, 'draft.md');
rapporteur([notes, '--format', 'markdown', '-o', draft]);

/** Ideas under a heading named as their human theme, in a report. */
function underHumanTheme(report: Report): number {
  return report.groups.reduce((s, g) => s + g.themes.reduce((t, theme) => t + theme.ideas.filter((i) => humanTheme.get(`${g.name}\u0000${i.text}`) === theme.label).length, 0), 0);
}
const before = JSON.parse(rapporteur([notes, '--format', 'json']).stdout) as Report;

// The rapporteur's edit: per round, the human themes as headings (in the order the notes first
// name them), each bullet of the draft moved under the human theme of its idea.
const lines = fs.readFileSync(draft, 'utf8').split('\n');
const out: string[] = [];
let round: string | undefined;
let bullets: string[] = [];
const unescape = (t: string) => t.replace(/\\([!-/:-@[-`{-~])/g, '$1');
const flushRound = () => {
  if (round === undefined) return;
  const order = [...new Set(rows.filter((r) => r.round === round).map((r) => r.theme))];
  const under = new Map(order.map((t) => [t, [] as string[]]));
  for (const b of bullets) under.get(humanTheme.get(`${round}\u0000${unescape(b.replace(/^- /, '').replace(/ \(×\d+\)$/, ''))}`)!)!.push(b);
  order.forEach((theme, i) => {
    out.push(`### ${theme}`, '');
    if (round === '1' && i === 0) out.push('Every table came back to rights: the rapporteurs heard this first.', '');
    out.push(...under.get(theme)!, '');
  });
  round = undefined;
  bullets = [];
};
for (const line of lines) {
  const group = /^## Round (\d+):/.exec(line);
  if (line.startsWith('## ')) {
    flushRound();
    out.push(line, '');
    if (group) round = group[1];
    continue;
  }
  if (round === undefined) out.push(line);
  else if (line.startsWith('- ')) bullets.push(line);
}
flushRound();
fs.writeFileSync(draft, out.join('\n'));
const edited = JSON.parse(rapporteur([notes, '--keep', draft, '--format', 'json']).stdout) as Report;

// Two late notes.
const late = [
  { round: '2', idea: 'Protect children from online abuse and exploitation' },
  { round: '3', idea: 'Hold open consultations with civil society and the technical community before deciding' },
];
const template = (r: string) => rows.find((row) => row.round === r)!;
const extra = late.map((n, i) => {
  const t = template(n.round);
  return [String(rows.length + i + 1), t.event, n.round, `"${t.question}"`, '', `"${n.idea}"`].join(',');
});
fs.writeFileSync(notes, `${source.replace(/\n$/, '')}\n${extra.join('\n')}\n`);
const refresh = rapporteur([notes, '--keep', draft, '--format', 'markdown', '-o', draft]);
const after = JSON.parse(rapporteur([notes, '--keep', draft, '--format', 'json']).stdout) as Report;

console.log('$ rapporteur notes.csv --keep draft.md --format markdown -o draft.md');
process.stdout.write(refresh.stderr);
console.log();
for (const n of late) {
  const group = after.groups.find((g) => g.name === n.round)!;
  const theme = group.themes.find((t) => t.ideas.some((i) => i.text === n.idea))!;
  console.log(`round ${n.round}: "${n.idea}" → ${theme.label}${theme.new ? ' (new)' : ''}`);
}
const count = (r: Report) => r.groups.flatMap((g) => g.themes.flatMap((t) => t.ideas)).length;
console.log();
console.log('| draft | ideas | under their human theme | themes |');
console.log('|---|--:|--:|--:|');
for (const [name, r] of [['first draft', before], ['edited', edited], ['refreshed, 2 late notes', after]] as const) {
  console.log(`| ${name} | ${count(r)} | ${underHumanTheme(r)} | ${r.groups.map((g) => g.themes.filter((t) => !t.other).length).join(' + ')} |`);
}
for (const g of edited.groups) {
  for (const theme of g.themes) {
    for (const i of theme.ideas) {
      const human = humanTheme.get(`${g.name}\u0000${i.text}`);
      if (human !== theme.label) console.log(`not under its human theme: round ${g.name}, "${i.text}" (${human}) under "${theme.label}"`);
    }
  }
}
console.log();
const md = fs.readFileSync(draft, 'utf8').split('\n');
const start = md.findIndex((l) => l.startsWith('## Round 1:'));
console.log(md.slice(start, start + 16).join('\n'));
fs.rmSync(folder, { recursive: true, force: true });
