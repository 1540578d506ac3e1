/**
 * Scoring of one labelled set over several seeds: shared by the quality benchmark
 * (bench/quality.ts) and the regression test (test/quality/regression.test.ts), so that the
 * test checks exactly the figures the benchmark commits.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PipelineConfig } from '../src/analyseGroup';
import { agreementPerGroup } from './agreementPerGroup';
import { NotesTable } from '../src/ingest/idea';
import { parseNotes } from '../src/ingest/parseNotes';
import { WordVectors } from '../src/vectors/wordVectorCache';
import { LabelledSet } from './labelledSets';

export const ROOT = path.resolve(__dirname, '..');
export const RESULTS_JSON = path.join(ROOT, 'bench', 'results.json');

export interface Summary {
  mean: number;
  min: number;
  max: number;
}

export const summarise = (xs: number[]): Summary => ({ mean: xs.reduce((s, x) => s + x, 0) / xs.length, min: Math.min(...xs), max: Math.max(...xs) });

/** Seeds 0 … n − 1. */
export const seedRange = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

export function readLabelledSet(set: LabelledSet): NotesTable {
  return parseNotes(fs.readFileSync(path.join(ROOT, 'fixtures', set.file), 'utf8'), set.file, { text: set.text, by: set.by ?? 'none', truth: set.truth });
}

export interface ScoreOptions {
  seeds: readonly number[];
  /** Changes to the default pipeline; none to score the defaults. */
  pipeline?: Partial<PipelineConfig>;
  wordVectors?: WordVectors;
  /** Give each group its human number of themes instead of choosing k. */
  trueK: boolean;
}

export interface SetScore {
  ami: Summary;
  ari: Summary;
  /** Themes found per run ("Other ideas" is not one), summed over the set's groups. */
  found: Summary;
  /** Edits to the human grouping per run, summed over the set's groups (src/evaluate/edits.ts). */
  edits: Summary;
  /** Ideas scored per run. */
  ideas: number;
}

/** Mean agreement per seed, then summarised over the seeds. A set split by rounds scores the mean over its rounds, as the reference does. */
export function scoreLabelledSet(set: LabelledSet, options: ScoreOptions, table: NotesTable = readLabelledSet(set)): SetScore {
  const ami: number[] = [];
  const ari: number[] = [];
  const found: number[] = [];
  const edits: number[] = [];
  for (const seed of options.seeds) {
    const groups = agreementPerGroup(table.ideas, { seed, pipeline: options.pipeline ?? {}, wordVectors: options.wordVectors }, options.trueK);
    ami.push(groups.reduce((s, g) => s + g.agreement.ami, 0) / groups.length);
    ari.push(groups.reduce((s, g) => s + g.agreement.ari, 0) / groups.length);
    found.push(groups.reduce((s, g) => s + g.agreement.found, 0));
    edits.push(groups.reduce((s, g) => s + g.agreement.edits.edits, 0));
  }
  return { ami: summarise(ami), ari: summarise(ari), found: summarise(found), edits: summarise(edits), ideas: table.ideas.length };
}

/** bench/results.json: the committed figures the regression test holds the pipeline to. */
export interface BenchResults {
  schemaVersion: 1;
  generatedBy: string;
  seeds: number[];
  pipeline: PipelineConfig;
  sets: {
    name: string;
    file: string;
    humanThemes: string;
    auto: { ami: number; ari: number; amiMin: number; amiMax: number; themesFound: number; edits?: number };
    trueK: { ami: number; ari: number; edits?: number };
    /** scikit-learn TF-IDF + k-means given the true k, measured by bench/referenceEdits.ts; absent when it could not run. */
    reference?: { ami: number; edits: number };
  }[];
}
