import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputError, RapporteurError } from '../errors';
import { interruptible, Interrupted } from './signals';
import { OutputTarget, statOrUndefined } from './targets';
import { describeWriteError, OutputContent, writeAll } from './writeAll';

export interface OutputFile {
  target: OutputTarget;
  content: OutputContent;
  /** False: never replace a file that exists when the output is put in place. */
  overwrite: boolean;
}

interface Staged {
  file: OutputFile;
  /** The complete new content, beside the target, for a regular file. */
  temporary?: string;
}

/**
 * Write several outputs as one: every regular file is first written in full to a hidden
 * temporary file beside it (`.NAME.PID.tmp`, with the mode and owner of the file it replaces)
 * and flushed to disk; only when all of them are complete are they put in place, each by one
 * rename, so a reader sees the old file or the whole new one. A failure before that point (a
 * full disk, say) or Ctrl-C/SIGTERM/SIGHUP leaves no temporary file and no output changed.
 * Devices, FIFOs and open descriptors (`/dev/null`, a named pipe, `/dev/stdout`) are written
 * into, never replaced; a file with several hard links is rewritten in place so every link
 * keeps it. When putting files in place fails part way, the error says which were written.
 */
export async function writeOutputs(files: readonly OutputFile[]): Promise<void> {
  if (files.length === 0) return;
  await interruptible(async (checkpoint) => {
    const staged: Staged[] = [];
    try {
      for (const file of files) {
        staged.push(stage(file));
        await checkpoint();
      }
    } catch (error) {
      removeTemporaries(staged);
      if (error instanceof Interrupted) throw error;
      throw failed(error, staged.length < files.length ? files[staged.length] : files[staged.length - 1], [], files);
    }
    const written: OutputFile[] = [];
    for (const s of staged) {
      try {
        commit(s);
        written.push(s.file);
      } catch (error) {
        removeTemporaries(staged);
        throw failed(error, s.file, written, files);
      }
    }
  });
}

function stage(file: OutputFile): Staged {
  const { target } = file;
  if (target.kind !== 'file') return { file };
  const temporary = temporaryName(target.path);
  const staged: Staged = { file, temporary };
  const existing = target.existing;
  const fd = fs.openSync(temporary, 'wx', existing ? existing.mode & 0o7777 : 0o666);
  try {
    if (existing) {
      fs.fchmodSync(fd, existing.mode & 0o7777);
      if (process.getuid?.() === 0) fs.fchownSync(fd, existing.uid, existing.gid);
    }
    writeAll(fd, file.content);
    fs.fsyncSync(fd);
  } catch (error) {
    fs.closeSync(fd);
    fs.rmSync(temporary, { force: true });
    throw error;
  }
  fs.closeSync(fd);
  return staged;
}

function commit({ file, temporary }: Staged): void {
  const { target } = file;
  if (target.kind === 'descriptor') {
    writeAll(target.fd, file.content);
    return;
  }
  if (target.kind === 'stream') {
    const fd = fs.openSync(target.path, fs.constants.O_WRONLY);
    try {
      writeAll(fd, file.content);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  const current = statOrUndefined(target.path);
  if (current && current.nlink > 1 && current.isFile()) {
    // A rename would cut this name from the file's other links: copy the complete new content in.
    fs.copyFileSync(temporary!, target.path);
    fs.rmSync(temporary!, { force: true });
    return;
  }
  if (!file.overwrite) {
    // link() fails when the name exists, so a file that appeared meanwhile is never replaced.
    fs.linkSync(temporary!, target.path);
    fs.rmSync(temporary!, { force: true });
    return;
  }
  fs.renameSync(temporary!, target.path);
}

function failed(error: unknown, at: OutputFile, written: readonly OutputFile[], all: readonly OutputFile[]): RapporteurError {
  if (error instanceof RapporteurError) return error;
  const notWritten = all.filter((f) => !written.includes(f));
  const outcome =
    written.length === 0
      ? all.length === 1
        ? 'nothing was written'
        : 'none of the outputs was written'
      : `written: ${written.map((f) => f.target.name).join(', ')}; not written: ${notWritten.map((f) => f.target.name).join(', ')}`;
  return inputError('OUTPUT_NOT_WRITTEN', `cannot write ${at.target.name}: ${describeWriteError(error)}; ${outcome}`, {}, hintFor(error));
}

function hintFor(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'free some space, or write elsewhere';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'choose a place you may write in';
  return undefined;
}

function removeTemporaries(staged: readonly Staged[]): void {
  for (const s of staged) if (s.temporary) fs.rmSync(s.temporary, { force: true });
}

/** `.NAME.PID.tmp` beside the target: hidden, and traceable to the run that made it. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
}

const TEMPORARY = /^\.(.+)\.(\d+)\.tmp$/;

/**
 * Remove the temporary files that a killed run (SIGKILL, a power cut) left in `folder`: those
 * whose process is gone. Only those of `names` when given.
 */
export function removeStaleTemporaries(folder: string, names?: readonly string[]): void {
  let entries: string[];
  try {
    entries = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry);
    if (!match || (names && !names.includes(match[1]))) continue;
    if (!isRunning(Number(match[2]))) fs.rmSync(path.join(folder, entry), { force: true });
  }
}

export function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
