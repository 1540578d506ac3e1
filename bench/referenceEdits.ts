/**
 * The reference the edit count is compared with: scikit-learn's TF-IDF + k-means given the true
 * number of themes (bench/sklearn_labels.py), scored by our own edit count and AMI so both
 * sides are measured the same way. Needs /usr/bin/python3 with python3-sklearn; null without it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { countEdits } from '../src/evaluate/edits';
import { adjustedMutualInformation } from '../src/evaluate/metrics';
import { LabelledSet } from './labelledSets';
import { ROOT, Summary, summarise } from './scoreSet';

const PYTHON = '/usr/bin/python3';

interface ReferenceRun {
  group: string;
  rows: number[];
  truth: string[];
  labels: number[];
}

export interface ReferenceScore {
  /** Edits summed over the set's groups, per seed. */
  edits: Summary;
  /** AMI, mean over the groups, per seed (to check against shared/data/BASELINES.md). */
  ami: Summary;
}

export function referenceScore(set: LabelledSet, seeds: number): ReferenceScore | null {
  const script = path.join(ROOT, 'bench', 'sklearn_labels.py');
  const args = [script, path.join(ROOT, 'fixtures', set.file), set.text, set.truth, set.by ?? 'none', String(seeds)];
  const run = spawnSync(PYTHON, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) {
    process.stderr.write(`bench:quality: no scikit-learn reference for ${set.file} (${(run.stderr || run.error?.message || '').trim().split('\n').pop()})\n`);
    return null;
  }
  const perSeed = JSON.parse(run.stdout) as ReferenceRun[][];
  const edits = perSeed.map((groups) => groups.reduce((s, g) => s + countEdits(g.truth, g.labels).edits, 0));
  const ami = perSeed.map((groups) => groups.reduce((s, g) => s + adjustedMutualInformation(g.truth, g.labels), 0) / groups.length);
  return { edits: summarise(edits), ami: summarise(ami) };
}
