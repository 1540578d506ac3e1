import { describeStep, Progress, ProgressStep } from './progress';

/** Where the progress line is drawn (stderr), and the clock; tests give fakes. */
export interface ProgressTerminal {
  write: (text: string) => void;
  now: () => number;
  /** Columns of the terminal, so the line never wraps (a wrapped line cannot be redrawn). */
  columns?: number;
}

export interface TerminalProgress {
  report: Progress;
  /** Take the line away, before a message or the output is written; the next step draws it again. */
  clear: () => void;
}

/** Nothing is drawn in a run's first second: a quick run stays as quiet as without a terminal. */
const QUIET_START_MS = 1000;
/** Redraw at most this often. */
const REDRAW_MS = 200;
/** Time left is guessed only after this long in a stage, from its pace so far. */
const ESTIMATE_AFTER_MS = 1000;

/**
 * One line on the terminal, redrawn in place (carriage return, erase to end of line), saying
 * the stage, its counts and, once the stage has a pace, about how long it has left.
 */
export function terminalProgress(terminal: ProgressTerminal): TerminalProgress {
  const began = terminal.now();
  let stage: string | undefined;
  let stageBegan = began;
  let lastDrawn = -Infinity;
  let shown = false;
  const clear = () => {
    if (shown) terminal.write('\r\x1b[K');
    shown = false;
    lastDrawn = -Infinity;
  };
  const report = (step: ProgressStep) => {
    const now = terminal.now();
    const changed = step.stage !== stage;
    if (changed) (stage = step.stage), (stageBegan = now);
    if (now - began < QUIET_START_MS || (!changed && now - lastDrawn < REDRAW_MS)) return;
    const line = describeStep(step, secondsLeft(step, now - stageBegan));
    const width = Math.max(20, (terminal.columns || 80) - 1);
    terminal.write(`\r${line.length > width ? `${line.slice(0, width - 1)}…` : line}\x1b[K`);
    shown = true;
    lastDrawn = now;
  };
  return { report, clear };
}

function secondsLeft(step: ProgressStep, elapsedMs: number): number | undefined {
  if (step.done === undefined || step.total === undefined || step.done <= 0 || elapsedMs < ESTIMATE_AFTER_MS) return undefined;
  return ((elapsedMs / step.done) * Math.max(0, step.total - step.done)) / 1000;
}
