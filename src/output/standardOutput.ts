import * as fs from 'node:fs';
import { inputError } from '../errors';
import { describeWriteError, OutputContent, writeAll } from './writeAll';

/** The reader of standard output went away (`rapporteur … | head`): stop quietly. */
export class ReaderGone extends Error {
  constructor() {
    super('the reader of standard output closed it');
  }
}

/** Write the whole report to standard output, or say why it could not be. */
export function writeStandardOutput(content: OutputContent): void {
  if (standardOutputClosed()) {
    throw inputError('OUTPUT_CLOSED', 'standard output is closed, so the report has nowhere to go', {}, 'redirect it to a file, or use -o FILE');
  }
  try {
    writeAll(1, content);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EPIPE') throw new ReaderGone();
    const code = (error as NodeJS.ErrnoException).code;
    throw inputError(
      'OUTPUT_NOT_WRITTEN',
      `cannot write the report to standard output: ${describeWriteError(error)}; it is incomplete`,
      {},
      code === 'ENOSPC' || code === 'EDQUOT' ? 'free some space, or write elsewhere with -o FILE' : undefined,
    );
  }
}

/**
 * Node gives a process started with standard output closed (`>&-`) /dev/null in its place,
 * opened for reading and writing; a shell's `> /dev/null` opens it for writing only. Linux
 * tells the two apart in /proc; elsewhere this answers false.
 */
export function standardOutputClosed(): boolean {
  try {
    const flags = /^flags:\s*([0-7]+)/m.exec(fs.readFileSync('/proc/self/fdinfo/1', 'utf8'));
    if (!flags || (parseInt(flags[1], 8) & 3) !== fs.constants.O_RDWR) return false;
    const out = fs.fstatSync(1);
    return out.isCharacterDevice() && out.rdev === fs.statSync('/dev/null').rdev;
  } catch {
    return false;
  }
}
