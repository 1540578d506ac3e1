import * as fs from 'node:fs';
import { Worker } from 'node:worker_threads';

/**
 * The word vectors of a cache file read on a second thread while this one reads the notes.
 *
 * A large input touches most of the vocabulary, so its run reads all 15 MB of vectors and checks
 * their CRC: about 150 ms on one core, before any theme is found. Started before the notes are
 * parsed, the read and the check happen on the other core at the same time; `take` then only
 * waits for what is left of them. Whatever goes wrong on that thread (a vanished or replaced
 * file, a checksum mismatch, a thread that cannot start) makes `take` return undefined, and the
 * caller reads the vectors itself as it would have without this: same bytes, same checks.
 */
export interface VectorReadAhead {
  /** The vectors, checked against `checksum`; undefined when they could not be read so. */
  take(): Int8Array | undefined;
}

export interface VectorSection {
  /** The cache file, the descriptor it is open on (to check the thread read the same file), and where its vectors lie. */
  file: string;
  fd: number;
  offset: number;
  length: number;
  /** CRC-32 of the vectors, from the cache's checked index. */
  checksum: number;
}

const PENDING = 0;
const READ = 1;
const FAILED = 2;
/** How long `take` waits for the other thread at most; it needs about 0.1 s. */
const WAIT_MS = 10_000;

// The thread's whole program: plain JavaScript using Node's own modules only, so that it runs the
// same from the bundle, from the compiled library and under the test runner.
const READER = `
const { workerData } = require('node:worker_threads');
const fs = require('node:fs');
const zlib = require('node:zlib');
const { file, dev, ino, offset, length, checksum, vectors, state } = workerData;
const flag = new Int32Array(state);
let outcome = ${FAILED};
try {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.dev === dev && stat.ino === ino) {
      const bytes = new Uint8Array(vectors);
      let done = 0;
      while (done < length) {
        const got = fs.readSync(fd, bytes, done, length - done, offset + done);
        if (got === 0) break;
        done += got;
      }
      if (done === length && zlib.crc32(bytes) >>> 0 === checksum) outcome = ${READ};
    }
  } finally {
    fs.closeSync(fd);
  }
} catch {}
Atomics.store(flag, 0, outcome);
Atomics.notify(flag, 0);
`;

/** Starts reading the vectors of `section` on another thread. */
export function readVectorsAhead(section: VectorSection): VectorReadAhead {
  const state = new SharedArrayBuffer(4);
  const flag = new Int32Array(state);
  const vectors = new SharedArrayBuffer(section.length);
  try {
    const { dev, ino } = fs.fstatSync(section.fd);
    const worker = new Worker(READER, {
      eval: true,
      workerData: { file: section.file, dev, ino, offset: section.offset, length: section.length, checksum: section.checksum, vectors, state },
      // The thread's own console and environment are not needed; it must never keep the process alive.
      stdout: true,
      stderr: true,
    });
    worker.unref();
    worker.on('error', () => Atomics.store(flag, 0, FAILED));
  } catch {
    flag[0] = FAILED;
  }
  return {
    take() {
      if (Atomics.load(flag, 0) === PENDING) Atomics.wait(flag, 0, PENDING, WAIT_MS);
      return Atomics.load(flag, 0) === READ ? new Int8Array(vectors) : undefined;
    },
  };
}
