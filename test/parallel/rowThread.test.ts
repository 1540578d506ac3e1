import { RowThread, runRows, sharedFloat64, sharedInt32 } from '../../src/parallel/rowThread';

interface MarkArgs {
  /** 1 for a row done on the main thread, 2 for one done on the other. */
  where: Int32Array;
  squares: Float64Array;
}

// Row kernels refer to nothing outside their body (`require` is there on both threads).
function markRows(a: MarkArgs, from: number, to: number): void {
  const onMain = require('node:worker_threads').isMainThread;
  for (let i = from; i < to; i++) {
    a.where[i] = onMain ? 1 : 2;
    a.squares[i] = Math.sqrt(i) * Math.sqrt(i + 1);
  }
}

function failThere(a: MarkArgs, from: number, to: number): void {
  if (!require('node:worker_threads').isMainThread) throw new Error('only on the main thread');
  for (let i = from; i < to; i++) {
    a.where[i] = 1;
    a.squares[i] = Math.sqrt(i) * Math.sqrt(i + 1);
  }
}

const ROWS = 1001;
const expected = Array.from({ length: ROWS }, (_, i) => Math.sqrt(i) * Math.sqrt(i + 1));
const fresh = (): MarkArgs => ({ where: sharedInt32(ROWS), squares: sharedFloat64(ROWS) });

let thread: RowThread;
beforeAll(() => (thread = RowThread.start()!));
afterAll(() => thread.stop());

test('the upper half of the rows runs on the other thread, with the results of one thread', () => {
  expect(thread).toBeDefined();
  const args = fresh();
  thread.run(markRows, args, ROWS);
  expect(Array.from(args.squares)).toEqual(expected);
  expect(Array.from(args.where)).toEqual(Array.from({ length: ROWS }, (_, i) => (i < Math.floor(ROWS / 2) ? 1 : 2)));
  expect(thread.done).toBeGreaterThan(0);
});

test('rows a kernel cannot do on the other thread are done on this one', () => {
  const args = fresh();
  const before = thread.takenBack;
  thread.run(failThere, args, ROWS);
  expect(Array.from(args.squares)).toEqual(expected);
  expect(Array.from(args.where).every((w) => w === 1)).toBe(true);
  expect(thread.takenBack).toBe(before + 1);
});

test('without a second thread, or after it stopped, every row runs on this one', () => {
  const alone = fresh();
  runRows(undefined, markRows, alone, ROWS);
  expect(Array.from(alone.squares)).toEqual(expected);
  expect(Array.from(alone.where).every((w) => w === 1)).toBe(true);
  const stopped = RowThread.start()!;
  stopped.stop();
  const args = fresh();
  stopped.run(markRows, args, ROWS);
  expect(Array.from(args.squares)).toEqual(expected);
}, 70_000);
