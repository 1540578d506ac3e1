import { Worker } from 'node:worker_threads';

/**
 * A second thread for loops over the rows of a large group, so that the machine's other core
 * takes half of them.
 *
 * What runs there is a *row kernel*: a function `(args, from, to)` that reads and writes only
 * typed arrays and numbers in `args`, for rows [from, to), and refers to nothing outside its own
 * body. The same function runs on this thread for the other half and, from its source text, on the
 * second one; each row's result depends only on that row, so the output does not depend on how
 * the rows were split or on whether the second thread ran at all. Results are written into
 * arrays over SharedArrayBuffers (`sharedCopy`, `sharedFloat64`, …), which both threads see.
 *
 * Anything that goes wrong there (no thread could be started, a kernel that throws, a thread that
 * does not answer) leaves that half to this thread: never an error, never a different result.
 */
export type RowKernel<A> = (args: A, from: number, to: number) => void;

const PENDING = 0;
const DONE = 1;
const FAILED = 2;
/**
 * How long the other thread may take beyond this one's half before this one does its half too,
 * and gives up on it for the rest of the run: many times this thread's own time, and never less
 * than the time a thread takes to start on a busy machine.
 */
const PATIENCE = 20;
const MIN_WAIT_MS = 2_000;

// The thread's program: kernels arrive as source text and are compiled once each.
const PROGRAM = `
const { parentPort } = require('node:worker_threads');
const kernels = new Map();
parentPort.on('message', ({ name, source, args, from, to, state }) => {
  const flag = new Int32Array(state);
  let outcome = ${FAILED};
  try {
    let kernel = kernels.get(name);
    if (kernel === undefined) {
      kernel = new Function('return (' + source + ');')();
      kernels.set(name, kernel);
    }
    kernel(args, from, to);
    outcome = ${DONE};
  } catch {}
  Atomics.store(flag, 0, outcome);
  Atomics.notify(flag, 0);
});
`;

export class RowThread {
  /** Halves of rows done there, and halves this thread had to do instead (a kernel that failed there). */
  done = 0;
  takenBack = 0;
  private stopped = false;

  private constructor(private readonly worker: Worker) {}

  /** A started thread, or undefined when none can be (the caller then runs every row itself). */
  static start(): RowThread | undefined {
    try {
      // Kernels allocate a few small arrays per call: a small heap is all the thread needs.
      const worker = new Worker(PROGRAM, { eval: true, stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 2 } });
      worker.unref();
      worker.on('error', () => undefined);
      return new RowThread(worker);
    } catch {
      return undefined;
    }
  }

  /** Stops the thread; rows asked of it afterwards run on this one. */
  stop(): void {
    this.stopped = true;
    void this.worker.terminate();
  }

  /**
   * `kernel(args, 0, rows)`, the upper part of the rows on the other thread: the same results as
   * calling it directly. `args` must hold its outputs in shared arrays.
   */
  run<A extends object>(kernel: RowKernel<A>, args: A, rows: number): void {
    if (this.stopped) return kernel(args, 0, rows);
    const split = Math.floor(rows / 2);
    const state = new SharedArrayBuffer(4);
    const flag = new Int32Array(state);
    try {
      this.worker.postMessage({ name: kernel.name, source: kernel.toString(), args, from: split, to: rows, state });
    } catch {
      flag[0] = FAILED;
    }
    const started = performance.now();
    kernel(args, 0, split);
    const own = performance.now() - started;
    // A thread that does not answer in time is stopped before this one writes the same rows.
    if (Atomics.load(flag, 0) === PENDING && Atomics.wait(flag, 0, PENDING, Math.max(MIN_WAIT_MS, PATIENCE * own)) === 'timed-out') this.stop();
    if (Atomics.load(flag, 0) === DONE) {
      this.done++;
    } else {
      this.takenBack++;
      kernel(args, split, rows);
    }
  }
}

/** `kernel(args, 0, rows)` on both threads when there is a second one, else on this one. */
export function runRows<A extends object>(thread: RowThread | undefined, kernel: RowKernel<A>, args: A, rows: number): void {
  if (thread) thread.run(kernel, args, rows);
  else kernel(args, 0, rows);
}

/** A copy of `values` the other thread can see (and write). */
export function sharedCopy<T extends Int32Array | Float32Array | Float64Array | Uint8Array>(values: T): T {
  const Type = values.constructor as new (buffer: SharedArrayBuffer) => T;
  const copy = new Type(new SharedArrayBuffer(values.byteLength));
  copy.set(values as never);
  return copy;
}

export const sharedFloat64 = (length: number): Float64Array => new Float64Array(new SharedArrayBuffer(8 * length));
export const sharedFloat32 = (length: number): Float32Array => new Float32Array(new SharedArrayBuffer(4 * length));
export const sharedInt32 = (length: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * length));
