/**
 * Labelled sets too large for the fixtures, read from ../shared/data beside the repository
 * (never committed). They are clustered as the command does (analyseGroupWithModel, so groups
 * above LARGE_GROUP ideas take the linear path), one group, and scored against their labels.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroupWithModel, PipelineConfig } from '../src/analyseGroup';
import { adjustedMutualInformation, adjustedRandIndex } from '../src/evaluate/metrics';
import { parseNotes } from '../src/ingest/parseNotes';
import { WordVectors } from '../src/vectors/wordVectorCache';
import { ROOT, Summary, summarise } from './scoreSet';

export interface LargeSet {
  name: string;
  file: string;
  text: string;
  truth: string;
  humanThemes: number;
  /** scikit-learn TF-IDF + k-means given the true k, from the issue that set the targets. */
  reference: { ami: number };
  targets: { trueK: number; auto: number };
}

export const LARGE_SETS: LargeSet[] = [
  { name: 'AG News titles', file: 'dev-agnews-titles-7600.csv', text: 'text', truth: 'label', humanThemes: 4, reference: { ami: 0.035 }, targets: { trueK: 0.45, auto: 0.35 } },
];

export const SHARED_DATA = path.join(ROOT, '..', 'shared', 'data');

export interface LargeScore {
  ami: Summary;
  ari: Summary;
  found: Summary;
  seconds: number;
}

/** Mean agreement over seeds; null when the file is not there. */
export function scoreLargeSet(set: LargeSet, options: { seeds: readonly number[]; trueK: boolean; wordVectors?: WordVectors; pipeline?: Partial<PipelineConfig> }): LargeScore | null {
  const file = path.join(SHARED_DATA, set.file);
  if (!fs.existsSync(file)) return null;
  const { ideas } = parseNotes(fs.readFileSync(file, 'utf8'), set.file, { text: set.text, by: 'none', truth: set.truth });
  const truth = ideas.map((i) => i.truth ?? '');
  const ami: number[] = [];
  const ari: number[] = [];
  const found: number[] = [];
  const started = Date.now();
  for (const seed of options.seeds) {
    const { themes } = analyseGroupWithModel(ideas, { k: options.trueK ? set.humanThemes : undefined, seed, wordVectors: options.wordVectors, pipeline: options.pipeline });
    const label = new Map<object, number>();
    themes.forEach((theme, t) => theme.members.forEach((m) => label.set(m.idea, theme.other ? -1 : t)));
    const predicted = ideas.map((i) => label.get(i)!);
    ami.push(adjustedMutualInformation(truth, predicted));
    ari.push(adjustedRandIndex(truth, predicted));
    found.push(themes.length);
  }
  return { ami: summarise(ami), ari: summarise(ari), found: summarise(found), seconds: (Date.now() - started) / 1000 / options.seeds.length };
}
