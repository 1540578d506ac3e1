import { formatCount } from '../ingest/limits';

/**
 * What a long run is doing now, told to whoever shows it (a terminal line, or nobody). Stages
 * only call the callback they are given; they never write to the terminal themselves.
 */
export interface ProgressStep {
  /** What is being done: "reading", "finding words", "clustering", "writing", … */
  stage: string;
  /** Items of the stage finished so far (passes: passes finished). */
  done?: number;
  /** Items in the stage, when known; with `atMost`, an upper bound (k-means may stop early). */
  total?: number;
  atMost?: boolean;
  /** What the items are: "ideas", "pass", "groups". */
  unit?: string;
}

export type Progress = (step: ProgressStep) => void;

/** How often a stage that loops over ideas tells its progress. */
export const PROGRESS_EVERY = 16384;

/**
 * The line shown for a step, e.g. "reading 412,000 ideas…" or "clustering: pass 2 of ≤10,
 * about 20 s left". `secondsLeft` is undefined when there is nothing yet to estimate from.
 */
export function describeStep(step: ProgressStep, secondsLeft?: number): string {
  const count = formatCount;
  let line: string;
  if (step.done === undefined) line = `${step.stage}…`;
  else if (step.unit === 'pass') line = `${step.stage}: pass ${count(Math.min(step.done + 1, step.total ?? Infinity))}${step.total !== undefined ? ` of ${step.atMost ? '≤' : ''}${count(step.total)}` : ''}`;
  else if (step.total === undefined) line = `${step.stage} ${count(step.done)}${step.unit ? ` ${step.unit}` : ''}…`;
  else line = `${step.stage}: ${count(step.done)} of ${count(step.total)}${step.unit ? ` ${step.unit}` : ''}`;
  return secondsLeft === undefined ? line : `${line}, ${describeTimeLeft(secondsLeft)}`;
}

function describeTimeLeft(seconds: number): string {
  if (seconds < 60) return `about ${Math.max(1, Math.round(seconds))} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}
