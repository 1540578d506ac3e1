import { constants } from 'node:os';

const HANDLED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** A run stopped by Ctrl-C (SIGINT), SIGTERM or SIGHUP; exit status 128 + the signal's number. */
export class Interrupted extends Error {
  constructor(
    readonly signal: NodeJS.Signals,
    /** True when the signal came after every output was in place. */
    readonly afterWriting = false,
  ) {
    super(`interrupted by ${signal}`);
  }

  get exitCode(): number {
    return 128 + (constants.signals[this.signal] ?? 0);
  }
}

/**
 * Run `work` with Ctrl-C, SIGTERM and SIGHUP held: instead of ending the process at once, a
 * signal is noted, and the next `checkpoint()` (which lets Node deliver it) throws Interrupted,
 * so the work can remove what it started. Node delivers a signal only between synchronous
 * steps: each checkpoint is such a step. A signal that arrives after the last checkpoint is
 * reported once the work is done, so it is never swallowed.
 */
export async function interruptible<T>(work: (checkpoint: () => Promise<void>) => Promise<T>): Promise<T> {
  let received: NodeJS.Signals | undefined;
  const listeners = HANDLED.map((signal) => {
    const listener = () => (received ??= signal);
    process.on(signal, listener);
    return [signal, listener] as const;
  });
  const checkpoint = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    if (received) throw new Interrupted(received);
  };
  try {
    const result = await work(checkpoint);
    await new Promise((resolve) => setImmediate(resolve));
    if (received) throw new Interrupted(received, true);
    return result;
  } finally {
    for (const [signal, listener] of listeners) process.removeListener(signal, listener);
  }
}
