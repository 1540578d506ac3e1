import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputError, usageError } from '../errors';

/**
 * Where an output goes, decided before anything is read or written:
 * - `descriptor`: one of this process's open files (`/dev/stdout`, `/dev/fd/N`,
 *   `/proc/self/fd/N`), written into as standard output is;
 * - `stream`: a character device, FIFO or socket (`/dev/null`, a named pipe), opened and
 *   written into: never replaced by a regular file;
 * - `file`: a regular file, new or existing, written atomically at `path`, the end of any
 *   chain of symbolic links, so that a link is written through and stays a link.
 */
export type OutputTarget =
  | { kind: 'descriptor'; name: string; flag: string; fd: number }
  | { kind: 'stream'; name: string; flag: string; path: string }
  | { kind: 'file'; name: string; flag: string; path: string; existing?: fs.Stats };

export interface OutputRequest {
  /** The path as the user gave it, for messages. */
  file: string;
  /** The option that named it: `-o`, `--save-model`, `--out-dir`. */
  flag: string;
}

const MAX_LINKS = 40;
const DESCRIPTOR_PATH = /^\/(?:proc\/self|dev)\/fd\/(\d+)$/;
const STANDARD_PATHS: Record<string, number> = { '/dev/stdin': 0, '/dev/stdout': 1, '/dev/stderr': 2 };

/** Where `request.file` really leads, and what kind of thing is there. */
export function resolveTarget(request: OutputRequest): OutputTarget {
  const { file: name, flag } = request;
  const end = followLinks(request);
  if (typeof end === 'number') return { kind: 'descriptor', name, flag, fd: end };
  const stats = statOrUndefined(end);
  if (stats?.isDirectory()) throw usageError('OUTPUT_IS_FOLDER', `${flag} ${name} is a folder`, flag === '-o' ? 'name a file, e.g. -o themes.md' : 'name a file');
  if (stats && (stats.isCharacterDevice() || stats.isFIFO() || stats.isSocket() || stats.isBlockDevice())) return { kind: 'stream', name, flag, path: end };
  checkFolder(path.dirname(end), request);
  return { kind: 'file', name, flag, path: end, ...(stats ? { existing: stats } : {}) };
}

/**
 * Refuse, before anything is written, an output that is one of the inputs (by device and
 * inode, whatever the path or link that leads there) or that another output also names.
 */
export function checkTargets(targets: readonly OutputTarget[], inputs: readonly string[]): void {
  const inputIdentities = inputs.filter((i) => i !== '-').map((input) => ({ input, stats: statOrUndefined(input) }));
  const seen: { target: OutputTarget; key: string }[] = [];
  for (const target of targets) {
    if (target.kind === 'file' && target.existing) {
      const input = inputIdentities.find((i) => i.stats && sameInode(i.stats, target.existing!));
      if (input) {
        const which = input.input === target.name ? 'the input' : `the input ${input.input}`;
        throw usageError('OUTPUT_IS_INPUT', `${target.flag} ${target.name} would overwrite ${which}`, 'choose another output file');
      }
    }
    const key = identityKey(target);
    const other = seen.find((s) => s.key === key);
    if (other && target.kind !== 'descriptor' && target.kind !== 'stream') {
      throw usageError(
        'CONFLICTING_OUTPUTS',
        `${other.target.flag} ${other.target.name} and ${target.flag} ${target.name} name the same file`,
        'give each output its own file',
      );
    }
    seen.push({ target, key });
  }
}

/** The device and inode of each existing input, to tell the same file given twice. */
export function sameInode(a: fs.Stats, b: fs.Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

function identityKey(target: OutputTarget): string {
  if (target.kind === 'descriptor') return `fd:${target.fd}`;
  const stats = target.kind === 'file' ? target.existing : statOrUndefined(target.path);
  if (stats) return `inode:${stats.dev}:${stats.ino}`;
  return `path:${path.join(fs.realpathSync(path.dirname(target.path)), path.basename(target.path))}`;
}

/** The end of the chain of symbolic links from `file`, or the descriptor it names. */
function followLinks(request: OutputRequest): string | number {
  let current = path.resolve(request.file);
  for (let hop = 0; hop <= MAX_LINKS; hop++) {
    const descriptor = DESCRIPTOR_PATH.exec(current);
    if (descriptor) return Number(descriptor[1]);
    if (STANDARD_PATHS[current] !== undefined) return STANDARD_PATHS[current];
    let link: string;
    try {
      link = fs.readlinkSync(current);
    } catch {
      return current; // not a link (or not there yet): this is where the output goes
    }
    current = path.resolve(path.dirname(current), link);
  }
  throw usageError('OUTPUT_LINK_LOOP', `${request.flag} ${request.file} is a chain of more than ${MAX_LINKS} links`, 'name the file itself');
}

/** The folder a new or replaced file goes into must exist and take files. */
function checkFolder(folder: string, { file, flag }: OutputRequest): void {
  const stats = statOrUndefined(folder);
  if (!stats) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${file} does not exist`, 'create it first');
  if (!stats.isDirectory()) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${file} is not a folder`, 'choose another output file');
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch {
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write ${file}: permission denied on its folder`, {}, 'choose a folder you may write in');
  }
}

export function statOrUndefined(file: string): fs.Stats | undefined {
  try {
    return fs.statSync(file);
  } catch {
    return undefined;
  }
}
