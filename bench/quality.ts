/**
 * Quality benchmark: agreement (AMI, ARI) of rapporteur's themes with the human grouping of
 * every labelled set under fixtures/, with k chosen automatically and with the true k, over
 * several seeds, beside scikit-learn's TF-IDF + k-means given the true k.
 *
 *   npm run bench:quality                       # prints the Markdown table
 *   npm run bench:quality -- --write            # and writes bench/RESULTS.md and bench/results.json
 *   npm run bench:quality -- --pipeline '{"textWeight":0.5}' --seeds 3   # try a variant
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_PIPELINE, PipelineConfig } from '../src/analyseGroup';
import { LARGE_GROUP } from '../src/analyseLargeGroup';
import { loadWordVectors, defaultCacheDir } from '../src/vectors/wordVectorCache';
import { LABELLED_SETS } from './labelledSets';
import { referenceScore } from './referenceEdits';
import { LARGE_SETS, scoreLargeSet } from './largeSets';
import { BenchResults, RESULTS_JSON, ROOT, scoreLabelledSet, seedRange } from './scoreSet';

const argv = process.argv.slice(2);
const flag = (name: string) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const seeds = seedRange(Number(flag('--seeds') ?? 10));
const pipeline: Partial<PipelineConfig> = JSON.parse(flag('--pipeline') ?? '{}');
const only = flag('--sets');
const write = argv.includes('--write');
const noReference = argv.includes('--no-reference');
if (write && only) {
  // results.json must hold every set: the regression test checks each one against it.
  process.stderr.write('bench:quality: --write needs every set; drop --sets\n');
  process.exit(2);
}
const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env), onProgress: (m) => process.stderr.write(`${m}\n`) });

const f3 = (x: number) => x.toFixed(3);
const rows: string[] = [];
const autoMeans: Record<string, number> = {};
const autoEdits: Record<string, { edits: number; ideas: number; reference?: number }> = {};
const editRows: string[] = [];
const results: BenchResults['sets'] = [];
const round = (x: number) => Math.round(x * 1e4) / 1e4;
const started = Date.now();
for (const set of LABELLED_SETS.filter((s) => !only || only.split(',').some((o) => s.file.includes(o)))) {
  const auto = scoreLabelledSet(set, { seeds, pipeline, wordVectors, trueK: false });
  const fixed = scoreLabelledSet(set, { seeds, pipeline, wordVectors, trueK: true });
  const reference = noReference ? null : referenceScore(set, seeds.length);
  autoMeans[set.name] = auto.ami.mean;
  autoEdits[set.name] = { edits: auto.edits.mean, ideas: auto.ideas, reference: reference?.edits.mean };
  results.push({
    name: set.name,
    file: set.file,
    humanThemes: set.humanThemes,
    auto: { ami: round(auto.ami.mean), ari: round(auto.ari.mean), amiMin: round(auto.ami.min), amiMax: round(auto.ami.max), themesFound: round(auto.found.mean), edits: round(auto.edits.mean) },
    trueK: { ami: round(fixed.ami.mean), ari: round(fixed.ari.mean), edits: round(fixed.edits.mean) },
    ...(reference ? { reference: { ami: round(reference.ami.mean), edits: round(reference.edits.mean) } } : {}),
  });
  const per100 = (edits: number) => ((100 * edits) / auto.ideas).toFixed(1);
  const ratio = reference ? `${(auto.edits.mean / reference.edits.mean).toFixed(2)}×` : '–';
  editRows.push(
    `| ${set.name} | ${auto.ideas} | ${set.humanThemes} | ${auto.found.mean.toFixed(1)} | **${auto.edits.mean.toFixed(1)}** | ${per100(auto.edits.mean)} | ${fixed.edits.mean.toFixed(1)} | ${reference ? reference.edits.mean.toFixed(1) : '–'} | ${reference ? per100(reference.edits.mean) : '–'} | ${ratio} | ${reference ? f3(reference.ami.mean) : '–'} |`,
  );
  rows.push(
    `| ${set.name} | ${set.humanThemes} | ${auto.found.mean.toFixed(1)} | **${f3(auto.ami.mean)}** | ${f3(auto.ami.max - auto.ami.min)} | ${f3(auto.ari.mean)} | ${f3(fixed.ami.mean)} | ${f3(fixed.ari.mean)} | ${f3(set.reference.ami)} | ${f3(set.reference.ari)} |`,
  );
}
// Large sets: fewer seeds (each run clusters thousands of ideas), and only when the file is there.
const largeSeeds = seeds.slice(0, 3);
const largeRows: string[] = [];
for (const set of only ? [] : LARGE_SETS) {
  const fixed = scoreLargeSet(set, { seeds: largeSeeds, trueK: true, wordVectors, pipeline });
  const auto = fixed && scoreLargeSet(set, { seeds: largeSeeds, trueK: false, wordVectors, pipeline });
  if (!fixed || !auto) {
    process.stderr.write(`bench:quality: skipped ${set.name}: ../shared/data/${set.file} is absent\n`);
    continue;
  }
  largeRows.push(
    `| ${set.name} (${set.file}) | ${set.humanThemes} | ${auto.found.mean.toFixed(1)} | **${f3(auto.ami.mean)}** (target ≥ ${set.targets.auto}) | ${f3(auto.ari.mean)} | **${f3(fixed.ami.mean)}** (target ≥ ${set.targets.trueK}) | ${f3(fixed.ari.mean)} | ${f3(set.reference.ami)} | ${fixed.seconds.toFixed(1)} / ${auto.seconds.toFixed(1)} |`,
  );
}
const dev = LABELLED_SETS.filter((s) => s.dev && autoMeans[s.name] !== undefined).map((s) => autoMeans[s.name]);
const config = { ...DEFAULT_PIPELINE, ...pipeline };
const output = [
  '# Quality benchmark',
  '',
  `Agreement with the human grouping, mean over ${seeds.length} seeds (0–${seeds.length - 1}). "auto": rapporteur chooses k;`,
  '"true k": given the human number of themes with -k. Spread = max − min of AMI over the seeds.',
  'Themes found: real themes summed over a set\'s groups ("Other ideas" is not a theme, but is one cluster for AMI and ARI).',
  'Reference: scikit-learn TF-IDF + k-means **given the true k** (shared/data/BASELINES.md).',
  `Pipeline: \`${JSON.stringify(config)}\`.`,
  '',
  '| set | human themes | themes found (auto) | AMI auto | AMI spread | ARI auto | AMI true k | ARI true k | reference AMI | reference ARI |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...rows,
  '',
  dev.length > 0 ? `Mean AMI (auto) over the ${dev.length} dev samples: **${f3(dev.reduce((s, x) => s + x, 0) / dev.length)}** (reference 0.461).` : '',
  '',
  '## Edits',
  '',
  'What a rapporteur would change to reach the human grouping (`rapporteur evaluate` counts it the same way):',
  "each theme stands for its commonest human theme; an idea of another human theme, or in \"Other ideas\", is one",
  'move; two themes standing for one human theme are one merge; a human theme no theme stands for is one new',
  'theme. Mean over the seeds, summed over a set\'s groups. Reference: scikit-learn TF-IDF + k-means given the',
  'true k, run by `bench/sklearn_labels.py` (needs python3-sklearn) and scored by the same code, 10 k-means',
  'seeds; its AMI is shown to check it against shared/data/BASELINES.md. Ratio: rapporteur (auto) ÷ reference.',
  '',
  '| set | ideas | human themes | themes found (auto) | edits auto | per 100 ideas | edits true k | reference edits | reference per 100 | ratio | reference AMI (measured) |',
  '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...editRows,
  '',
  ...(largeRows.length > 0
    ? [
        '## Large sets',
        '',
        `One group each, so the linear method for groups above ${LARGE_GROUP.toLocaleString('en')} ideas runs; mean over seeds ${largeSeeds.join(', ')}; "Other ideas" counts as one cluster.`,
        'Read from ../shared/data beside the repository; skipped when absent.',
        '',
        '| set | human themes | themes found (auto) | AMI auto | ARI auto | AMI true k | ARI true k | reference AMI (true k) | seconds per run (true k / auto) |',
        '|---|--:|--:|--:|--:|--:|--:|--:|--:|',
        ...largeRows,
        '',
      ]
    : []),
  `Generated by \`npm run bench:quality\` in ${((Date.now() - started) / 1000).toFixed(0)} s.`,
  '',
].join('\n');
process.stdout.write(output);
if (write) {
  fs.writeFileSync(path.join(ROOT, 'bench', 'RESULTS.md'), output);
  const json: BenchResults = { schemaVersion: 1, generatedBy: 'npm run bench:quality -- --write', seeds, pipeline: config, sets: results };
  fs.writeFileSync(RESULTS_JSON, `${JSON.stringify(json, null, 2)}\n`);
}
