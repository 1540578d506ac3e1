import * as fs from 'node:fs';
import * as path from 'node:path';
import { inputError, usageError } from '../errors';
import { isRunning, removeStaleTemporaries } from './writeOutputs';

const LOCK_FILE = '.rapporteur.lock';

/**
 * Make `--out-dir` ready: a folder (created when missing), held by this run alone through a
 * lock file that a second run finds and refuses, with the temporary files of killed runs
 * removed. Returns the release of the lock, to call when the run ends however it ends. A
 * lock whose process is gone (killed with SIGKILL) is stale and taken over.
 */
export function openOutDir(outDir: string): () => void {
  let stats: fs.Stats | undefined;
  try {
    stats = fs.statSync(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOTDIR') throw usageError('OUT_DIR_NOT_FOLDER', `--out-dir ${outDir}: a part of that path is a file, not a folder`, 'choose another folder');
  }
  if (stats && !stats.isDirectory()) throw usageError('OUT_DIR_NOT_FOLDER', `--out-dir ${outDir} is a file, not a folder`, 'name a folder (it is created when missing)');
  if (!stats) {
    if (isDanglingLink(outDir)) throw usageError('OUT_DIR_NOT_FOLDER', `--out-dir ${outDir} is a link to a folder that does not exist`, 'create that folder, or name another');
    try {
      makeFolders(path.resolve(outDir));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'the file system is read-only' : code === 'ENOTDIR' ? 'a part of that path is a file' : `that path cannot hold a folder (${code})`;
      throw inputError('OUT_DIR_NOT_CREATED', `cannot create the folder --out-dir ${outDir}: ${why}`, {}, 'choose a folder you may write in');
    }
  }
  try {
    fs.accessSync(outDir, fs.constants.W_OK);
  } catch {
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write into --out-dir ${outDir}: permission denied`, {}, 'choose a folder you may write in');
  }
  const release = lock(outDir);
  removeStaleTemporaries(outDir);
  return release;
}

function lock(outDir: string): () => void {
  const file = path.join(outDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => fs.rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw inputError('OUTPUT_NOT_WRITABLE', `cannot write into --out-dir ${outDir} (${(error as NodeJS.ErrnoException).code})`);
    }
    const holder = Number.parseInt(readOrEmpty(file), 10);
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw inputError('OUT_DIR_BUSY', `another rapporteur run (process ${holder}) is writing into --out-dir ${outDir}`, {}, 'wait for it to finish, or choose another folder');
    }
    fs.rmSync(file, { force: true }); // left by a run that was killed
  }
  throw inputError('OUT_DIR_BUSY', `another rapporteur run is writing into --out-dir ${outDir}`, {}, 'wait for it to finish, or choose another folder');
}

/**
 * mkdir -p, one level at a time: Node's own recursive mkdir never returns on some paths
 * (under /proc, for one), and this way each failure names its cause.
 */
function makeFolders(folder: string): void {
  const missing: string[] = [];
  let current = folder;
  while (!fs.existsSync(current)) {
    missing.unshift(current);
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  for (const level of missing) fs.mkdirSync(level);
}

function readOrEmpty(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function isDanglingLink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}
