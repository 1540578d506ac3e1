import * as fs from 'node:fs';

/** What an output holds: text, bytes, or pieces of either written one after the other. */
export type OutputContent = string | Uint8Array | Iterable<string | Uint8Array>;

const RETRY_PAUSE = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write every byte of `content` to `fd`, or throw. A write may take fewer bytes than given (a
 * pipe, a nearly full disk): the rest is written again until all is taken or the system says
 * why not (ENOSPC, EPIPE, EBADF, …). A descriptor left non-blocking by another program
 * answers EAGAIN while the reader catches up: wait a moment and go on.
 */
export function writeAll(fd: number, content: OutputContent): number {
  let total = 0;
  for (const piece of pieces(content)) {
    const bytes = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : piece;
    let offset = 0;
    while (offset < bytes.length) {
      let written: number;
      try {
        written = fs.writeSync(fd, bytes, offset, bytes.length - offset);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') throw error;
        Atomics.wait(RETRY_PAUSE, 0, 0, 2);
        continue;
      }
      if (written <= 0) throw Object.assign(new Error('the write took no bytes'), { code: 'EIO' });
      offset += written;
    }
    total += bytes.length;
  }
  return total;
}

function* pieces(content: OutputContent): Iterable<string | Uint8Array> {
  if (typeof content === 'string' || content instanceof Uint8Array) yield content;
  else yield* content;
}

/** A system error code as a reader would say it. */
export function describeWriteError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EFBIG: 'the file is too large for its file system',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the file system is read-only',
    EIO: 'an input/output error',
    EBADF: 'it is closed',
    ENXIO: 'nothing is reading it',
    EEXIST: 'it appeared while the report was being written',
  };
  return code && reasons[code] ? `${reasons[code]} (${code})` : code ?? String(error);
}
