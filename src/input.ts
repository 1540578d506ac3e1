import * as fs from 'node:fs';
import { ColumnRequest } from './ingest/columns';
import { Notes, readNotesFrom } from './api/notes';
import { IngestNotice } from './ingest/idea';
import { ReadOptions } from './ingest/parseNotes';
import { ByteSource, openFile } from './ingest/source';
import { defaultCacheDir, loadReadyWordVectors, loadWordVectors, WordVectors } from './vectors/wordVectorCache';
import { Progress } from './progress/progress';

/** What every command needs from its surroundings to read its input. */
export interface InputContext {
  /** Standard input, read as it comes. */
  stdin: () => ByteSource;
  env: NodeJS.ProcessEnv;
  /** Messages for people (progress, warnings): stderr. */
  notice: (message: string) => void;
  /** Told what a long run is doing, for a progress line on a terminal; absent for none. */
  stageProgress?: Progress;
}

export interface NotesRequest extends ColumnRequest, ReadOptions {
  /** A file name, or - for standard input. */
  input: string;
  /** Load the word vectors (when there is at least one idea to compare). */
  vectors: boolean;
}

export interface LoadedNotes {
  /** The notes, named as reports name the input: "stdin" for -. */
  notes: Notes;
  wordVectors?: WordVectors;
}

/** read → decode → parse → word vectors: the common start of every command. */
export function readNotes(request: NotesRequest, context: InputContext): LoadedNotes {
  const { input, vectors, ...options } = request;
  const early = vectors && input !== '-' && fileBytes(input) >= READ_VECTORS_AHEAD_FROM ? loadReadyWordVectors({ cacheDir: defaultCacheDir(context.env), readAhead: true }) : undefined;
  const notes = input === '-' ? readNotesFrom(context.stdin(), 'stdin', { ...options, progress: context.stageProgress }) : readNotesFrom(openFile(input), input, { ...options, progress: context.stageProgress });
  for (const notice of notes.notices ?? []) context.notice(describeNotice(notice));
  const wordVectors = vectors && notes.ideas.length > 0 ? (early ?? loadVectors(context)) : undefined;
  return { notes, ...(wordVectors ? { wordVectors } : {}) };
}

/**
 * Notes of this many bytes (several hundred ideas) touch most of the word vectors' blocks, so
 * their run reads all of them: start that read, on another thread, before the notes are parsed.
 * Below it the read would mostly go unused (the ITU notes, 20 kB and 108 ideas, touch 144 blocks
 * of 2,344) and only cost 15 MB.
 */
export const READ_VECTORS_AHEAD_FROM = 32 * 1024;

function fileBytes(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0; // reading the notes will say what is wrong with the file
  }
}

/** `rapporteur: warning: FILE:LINE: message`, as errors are written. */
export function describeNotice(notice: IngestNotice): string {
  const where = notice.line ? `${notice.file}:${notice.line}` : notice.file;
  return `rapporteur: ${notice.level}: ${where}: ${notice.message}`;
}

/** Word meaning helps but is not essential: without the vectors, say so and use shared words alone. */
export function loadVectors(context: InputContext): WordVectors | undefined {
  try {
    return loadWordVectors({ cacheDir: defaultCacheDir(context.env), onProgress: context.notice });
  } catch (error) {
    context.notice(`rapporteur: warning: word vectors unavailable (${(error as Error).message}); comparing ideas by shared words only`);
    return undefined;
  }
}
