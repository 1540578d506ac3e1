/**
 * Saved themes: speed of placing new ideas into them, and the choice of the default threshold.
 *
 *   npx tsx bench/assign.ts                  # speed: fit on the ITU notes, assign 10,000 new ideas
 *   npx tsx bench/assign.ts --ideas 50000    # more ideas
 *   npx tsx bench/assign.ts --thresholds     # also: fit on half of each labelled set, assign the other half
 *
 * Speed is measured in this process, step by step, as `rapporteur assign` will run them (read
 * the CSV, read the model, assign, build and render the JSON report), median of --runs runs;
 * memory is the process's resident set after the runs and its peak. The new ideas are the ITU
 * ideas with a running number appended, so none repeats another.
 *
 * The threshold experiment splits each group of every labelled set into halves (alternate
 * ideas), fits the themes on one half and assigns the other, both ways round, and reports how
 * often an assigned idea's human theme is the commonest human theme of the saved theme it
 * joined ("right"), the adjusted mutual information with the human themes (all held-out ideas,
 * "Unmatched" counting as one more theme), and the share left unmatched.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { analyseGroup, analyseGroupWithModel } from '../src/analyseGroup';
import { adjustedMutualInformation } from '../src/evaluate/metrics';
import { groupIdeas } from '../src/groupIdeas';
import { Idea } from '../src/ingest/idea';
import { parseNotes } from '../src/ingest/parseNotes';
import { assignIdeas, DEFAULT_ASSIGN_THRESHOLD } from '../src/model/assign';
import { buildThemeModel, parseThemeModel, serialiseThemeModel, ThemeModel } from '../src/model/themeModel';
import { buildReport } from '../src/report/buildReport';
import { render } from '../src/report/render';
import { defaultCacheDir, loadWordVectors, WordVectors } from '../src/vectors/wordVectorCache';
import { LABELLED_SETS } from './labelledSets';
import { readLabelledSet } from './scoreSet';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const IDEAS = Number(flag('--ideas') ?? 10_000);
const RUNS = Number(flag('--runs') ?? 5);
const root = path.resolve(__dirname, '..');
const ITU = path.join(root, 'fixtures', 'itu-world-cafe-2013.csv');
const SEED = 42;

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function time<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

function fitModel(ideas: readonly Idea[], wordVectors: WordVectors | undefined, inputs: string[], by: string | null, text: string) {
  const groups = groupIdeas(ideas).map((g) => ({
    name: g.name,
    question: g.question,
    analysis: analyseGroupWithModel(g.ideas, { seed: SEED, wordVectors }),
  }));
  const model = buildThemeModel({ version: 'bench', inputs, options: { text, by, k: 'auto', seed: SEED, merge: 0.8, vectors: !!wordVectors }, groups });
  return { model, groups };
}

function syntheticCsv(ideas: readonly Idea[], n: number): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = ['round,idea'];
  for (let i = 0; i < n; i++) {
    const idea = ideas[i % ideas.length];
    lines.push(`${quote(idea.group)},${quote(`${idea.text} ${Math.floor(i / ideas.length) + 1}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

function speed(wordVectors: WordVectors): void {
  const table = parseNotes(fs.readFileSync(ITU, 'utf8'), 'itu-world-cafe-2013.csv');
  const fit = time(() => fitModel(table.ideas, wordVectors, ['itu-world-cafe-2013.csv'], table.columns.by ?? null, table.columns.text));
  const saved = serialiseThemeModel(fit.result.model);
  const csv = syntheticCsv(table.ideas, IDEAS);

  const steps: Record<string, number[]> = { read: [], model: [], assign: [], report: [] };
  let unmatched = 0;
  for (let run = 0; run < RUNS; run++) {
    const read = time(() => parseNotes(csv, 'new.csv'));
    const model = time(() => parseThemeModel(saved, 'themes.json'));
    const assigned = time(() => assignIdeas(model.result, read.result.ideas, { threshold: DEFAULT_ASSIGN_THRESHOLD, wordVectors }));
    const report = time(() =>
      render(
        buildReport({
          version: 'bench',
          title: 'new',
          inputs: ['new.csv'],
          options: { k: 'auto', seed: SEED, merge: 0.8, by: 'round', text: 'idea' },
          groups: assigned.result,
          skipped: read.result.skipped,
        }),
        'json',
        { color: false },
      ),
    );
    steps.read.push(read.ms);
    steps.model.push(model.ms);
    steps.assign.push(assigned.ms);
    steps.report.push(report.ms);
    unmatched = assigned.result.flatMap((g) => g.themes.filter((t) => t.other)).reduce((s, t) => s + t.members.length, 0);
  }
  const total = Object.values(steps).reduce((s, xs) => s + median(xs), 0);
  const memory = process.memoryUsage();
  const peak = process.resourceUsage().maxRSS * 1024;

  const row = (step: string, ms: number, ideas = true) =>
    `| ${step} | ${ms.toFixed(0)} ms | ${ideas ? Math.round((IDEAS / ms) * 1000).toLocaleString('en') : ''} |`;
  console.log(`# Saved themes: assign speed\n`);
  console.log(
    `Model fitted on the ITU notes (${table.ideas.length} ideas, 3 rounds, ${fit.result.model.groups.reduce((s, g) => s + g.themes.length, 0)} themes) ` +
      `in ${fit.ms.toFixed(0)} ms; model file ${(Buffer.byteLength(saved) / 1024).toFixed(1)} kB. ` +
      `${IDEAS.toLocaleString('en')} new ideas, threshold ${DEFAULT_ASSIGN_THRESHOLD}, ${unmatched} unmatched; median of ${RUNS} runs, Node ${process.version}.\n`,
  );
  console.log('| step | time | ideas/s |');
  console.log('|---|--:|--:|');
  console.log(row('read the CSV (parseNotes)', median(steps.read)));
  console.log(row('read the model (parseThemeModel)', median(steps.model), false));
  console.log(row('assign (assignIdeas)', median(steps.assign)));
  console.log(row('build and render the JSON report', median(steps.report)));
  console.log(row('**total**', total));
  console.log(`\nMemory: resident ${mb(memory.rss)} MB after the runs (heap ${mb(memory.heapUsed)} MB), peak ${mb(peak)} MB (word vectors included).`);
}

interface Score {
  right: number;
  matched: number;
  unmatched: number;
  ami: number;
  fresh: number;
  /** New-topic experiment: held-out ideas of themes the model never saw, and of themes it did, left unmatched. */
  novel: { unmatched: number; total: number };
  known: { unmatched: number; total: number };
}

function thresholds(wordVectors: WordVectors): void {
  const levels = [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5];
  const perSet: { name: string; scores: Score[] }[] = [];
  for (const set of LABELLED_SETS) {
    const table = readLabelledSet(set);
    const runs: Score[][] = levels.map(() => []);
    const novel = levels.map(() => ({ novel: { unmatched: 0, total: 0 }, known: { unmatched: 0, total: 0 } }));
    for (const group of groupIdeas(table.ideas)) {
      const halves = [group.ideas.filter((_, i) => i % 2 === 0), group.ideas.filter((_, i) => i % 2 === 1)];
      for (const [fitHalf, newHalf] of [halves, [halves[1], halves[0]]]) {
        const { model, groups } = fitModel(fitHalf, wordVectors, [set.file], null, set.text);
        const reread = parseThemeModel(serialiseThemeModel(model), 'model.json');
        const majority = majorityTruth(groups[0].analysis.themes.filter((t) => !t.other));
        const truth = newHalf.map((i) => i.truth ?? '');
        const freshLabels = labelsOf(newHalf, analyseGroup(newHalf, { seed: SEED, wordVectors }));
        const fresh = adjustedMutualInformation(truth, freshLabels);
        levels.forEach((threshold, l) => {
          const themes = assignIdeas(reread, newHalf, { threshold, wordVectors }).flatMap((g) => g.themes);
          let right = 0;
          let matched = 0;
          for (const theme of themes) {
            if (theme.other) continue;
            for (const m of theme.members) {
              matched++;
              if (m.idea.truth === majority.get(theme.label)) right++;
            }
          }
          const labels = labelsOf(newHalf, themes);
          runs[l].push({ right, matched, unmatched: newHalf.length - matched, ami: adjustedMutualInformation(truth, labels), fresh, ...novel[l] });
        });
        // New topics: leave every fourth human theme out of the fitted half (four ways round) and
        // see how many of the held-out ideas of those themes go unmatched, beside the others.
        const humanThemes = [...new Set(group.ideas.map((i) => i.truth ?? ''))].sort();
        for (let offset = 0; offset < 4; offset++) {
          const unseen = new Set(humanThemes.filter((_, i) => i % 4 === offset));
          if (unseen.size === 0) continue;
          const partial = fitModel(fitHalf.filter((i) => !unseen.has(i.truth ?? '')), wordVectors, [set.file], null, set.text).model;
          levels.forEach((threshold, l) => {
            const themes = assignIdeas(partial, newHalf, { threshold, wordVectors }).flatMap((g) => g.themes);
            const left = new Set(themes.filter((t) => t.other).flatMap((t) => t.members.map((m) => m.idea)));
            for (const idea of newHalf) {
              const tally = unseen.has(idea.truth ?? '') ? novel[l].novel : novel[l].known;
              tally.total++;
              if (left.has(idea)) tally.unmatched++;
            }
          });
        }
      }
    }
    perSet.push({
      name: set.name,
      scores: runs.map((rs) => ({
        right: rs.reduce((s, r) => s + r.right, 0),
        matched: rs.reduce((s, r) => s + r.matched, 0),
        unmatched: rs.reduce((s, r) => s + r.unmatched, 0),
        ami: rs.reduce((s, r) => s + r.ami, 0) / rs.length,
        fresh: rs.reduce((s, r) => s + r.fresh, 0) / rs.length,
        novel: novel[runs.indexOf(rs)].novel,
        known: novel[runs.indexOf(rs)].known,
      })),
    });
  }
  const pct = (x: number) => `${(x * 100).toFixed(0)} %`;
  console.log(`\n# Saved themes: the threshold\n`);
  console.log('Fit on one half of each group, assign the other half, both ways round; mean over the 5 labelled sets.');
  console.log('"right": assigned ideas whose human theme is the commonest one of the saved theme they joined; AMI over all');
  console.log('held-out ideas with "Unmatched" as one more theme. Clustering each held-out half afresh scores AMI ' +
    `${(perSet.reduce((s, p) => s + p.scores[0].fresh, 0) / perSet.length).toFixed(3)} on the same mean.\n`);
  console.log('"new topic": every fourth human theme left out of the fitted half (four ways round): share of its held-out');
  console.log('ideas left unmatched (higher is better), beside the share of the other held-out ideas (lower is better).\n');
  console.log(`| threshold | unmatched | right (of matched) | AMI | new topic unmatched | known topic unmatched | ${perSet.map((p) => `${p.name.replace(/ \(.*\)/, '')}: unmatched / right / AMI`).join(' | ')} |`);
  console.log(`|--:|--:|--:|--:|--:|--:|${perSet.map(() => '--:|').join('')}`);
  levels.forEach((threshold, l) => {
    const each = perSet.map((p) => p.scores[l]);
    const mean = (f: (x: Score) => number) => each.reduce((s, x) => s + f(x), 0) / each.length;
    console.log(
      `| ${threshold} | ${pct(mean((x) => x.unmatched / (x.matched + x.unmatched)))} | ${pct(mean((x) => x.right / Math.max(1, x.matched)))} | ${mean((x) => x.ami).toFixed(3)} | ` +
        `${pct(mean((x) => x.novel.unmatched / x.novel.total))} | ${pct(mean((x) => x.known.unmatched / x.known.total))} | ` +
        `${each.map((x) => `${pct(x.unmatched / (x.matched + x.unmatched))} / ${pct(x.right / Math.max(1, x.matched))} / ${x.ami.toFixed(3)}`).join(' | ')} |`,
    );
  });
}

/** The commonest human theme of each found theme (ties: the first in text order). */
function majorityTruth(themes: { label: string; members: { idea: Idea }[] }[]): Map<string, string> {
  const result = new Map<string, string>();
  for (const theme of themes) {
    const counts = new Map<string, number>();
    for (const m of theme.members) counts.set(m.idea.truth ?? '', (counts.get(m.idea.truth ?? '') ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
    result.set(theme.label, best);
  }
  return result;
}

/** A theme number per idea, in the ideas' order. */
function labelsOf(ideas: readonly Idea[], themes: readonly { members: { idea: Idea }[] }[]): number[] {
  const label = new Map<Idea, number>();
  themes.forEach((t, i) => t.members.forEach((m) => label.set(m.idea, i)));
  return ideas.map((idea) => label.get(idea) ?? -1);
}

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env), onProgress: (m) => process.stderr.write(`${m}\n`) });
speed(wordVectors);
if (argv.includes('--thresholds')) thresholds(wordVectors);
