import * as fs from 'node:fs';
import { inputError } from './errors';
import { ColumnRequest } from './ingest/columns';
import { NotesTable } from './ingest/idea';
import { parseNotes } from './ingest/parseNotes';
import { defaultCacheDir, loadWordVectors, WordVectors } from './vectors/wordVectorCache';

/** What every command needs from its surroundings to read its input. */
export interface InputContext {
  readStdin: () => Buffer;
  env: NodeJS.ProcessEnv;
  /** Messages for people (progress, warnings): stderr. */
  notice: (message: string) => void;
}

export interface NotesRequest extends ColumnRequest {
  /** A file name, or - for standard input. */
  input: string;
  /** Load the word vectors (when there is at least one idea to compare). */
  vectors: boolean;
}

export interface LoadedNotes {
  /** The input as reports name it: "stdin" for -. */
  name: string;
  table: NotesTable;
  wordVectors?: WordVectors;
}

/** read → decode → parse → word vectors: the common start of every command. */
export function readNotes(request: NotesRequest, context: InputContext): LoadedNotes {
  const name = request.input === '-' ? 'stdin' : request.input;
  const bytes = request.input === '-' ? context.readStdin() : readInputFile(request.input);
  const table = parseNotes(decode(bytes, name), name, { text: request.text, by: request.by, truth: request.truth, event: request.event });
  const wordVectors = request.vectors && table.ideas.length > 0 ? loadVectors(context) : undefined;
  return { name, table, ...(wordVectors ? { wordVectors } : {}) };
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

function readInputFile(file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw inputError('INPUT_NOT_FOUND', 'no such file', { file }, 'check the path, or use - to read from standard input');
    if (code === 'EISDIR') throw inputError('INPUT_IS_FOLDER', 'is a folder, not a CSV file', { file }, 'name a .csv file inside it');
    if (code === 'EACCES') throw inputError('INPUT_NOT_READABLE', 'permission denied', { file });
    throw inputError('INPUT_NOT_READABLE', `cannot be read (${code ?? String(error)})`, { file });
  }
}

function decode(bytes: Buffer, file: string): string {
  if (bytes.includes(0)) {
    throw inputError('BINARY_INPUT', 'looks like a binary file, not a CSV of notes', { file }, 'export the notes as CSV (UTF-8) and try again');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw inputError('NOT_UTF8', 'is not valid UTF-8 text', { file }, 'save the file as CSV UTF-8 from your spreadsheet');
  }
}
