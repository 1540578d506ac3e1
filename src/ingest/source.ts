import * as fs from 'node:fs';
import { inputError, RapporteurError } from '../errors';

/**
 * Bytes read on demand and synchronously, so that a large input is never held whole in memory
 * and the command stays one synchronous pipeline (read → analyse → render → write).
 */
export interface ByteSource {
  /** Read into `into` from its start; returns the number of bytes read, 0 at the end. */
  read(into: Buffer): number;
  close(): void;
}

/** Open a file for reading; a folder or a missing file is an input error naming it. */
export function openFile(file: string): ByteSource {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (error) {
    throw readError(error, file);
  }
  try {
    // On Linux a folder opens without complaint; reading it would fail with EISDIR later.
    if (fs.fstatSync(fd).isDirectory()) throw readError(Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), file);
  } catch (error) {
    fs.closeSync(fd);
    throw error instanceof RapporteurError ? error : readError(error, file);
  }
  return descriptorSource(fd, file, () => fs.closeSync(fd));
}

/** Standard input (or any open descriptor), read without Node's stream machinery. */
export function descriptorSource(fd: number, name: string, close: () => void = () => undefined): ByteSource {
  return {
    read(into) {
      for (;;) {
        try {
          return fs.readSync(fd, into, 0, into.length, null);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          // A descriptor left non-blocking by the parent process has no data yet: wait a moment.
          if (code === 'EAGAIN') sleep(5);
          else if (code === 'EOF') return 0;
          else throw readError(error, name);
        }
      }
    },
    close,
  };
}

/** In-memory bytes, for callers that already hold the text (and for tests). */
export function bufferSource(bytes: Buffer): ByteSource {
  let offset = 0;
  return {
    read(into) {
      const n = bytes.copy(into, 0, offset, Math.min(bytes.length, offset + into.length));
      offset += n;
      return n;
    },
    close: () => undefined,
  };
}

/** Read up to `size` bytes into a new buffer (a pipe gives a few at a time); undefined at the end. */
export function readChunk(source: ByteSource, size: number): Buffer | undefined {
  const chunk = Buffer.allocUnsafe(size);
  let filled = 0;
  while (filled < size) {
    const n = source.read(filled === 0 ? chunk : chunk.subarray(filled));
    if (n === 0) break;
    filled += n;
  }
  return filled === 0 ? undefined : chunk.subarray(0, filled);
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  Atomics.wait(sleeper, 0, 0, ms);
}

function readError(error: unknown, file: string): RapporteurError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return inputError('INPUT_NOT_FOUND', 'no such file', { file }, 'check the path, or use - to read from standard input');
  if (code === 'EISDIR') return inputError('INPUT_IS_FOLDER', 'is a folder, not a CSV file', { file }, 'name a .csv file inside it');
  if (code === 'EACCES' || code === 'EPERM') return inputError('INPUT_NOT_READABLE', 'permission denied', { file }, 'check that you may read the file');
  return inputError('INPUT_NOT_READABLE', `cannot be read (${code ?? String(error)})`, { file });
}
