import { usageError } from '../errors';
import { ColumnRequest } from '../ingest/columns';
import { Idea, NotesTable } from '../ingest/idea';
import { ReadOptions, readNotesTable } from '../ingest/parseNotes';
import { bufferSource, ByteSource, openFile } from '../ingest/source';

/** Notes as read: the ideas, the rows skipped and why, the columns used, and the input's name. */
export interface Notes extends NotesTable {
  /** The input as reports name it: the file name, "stdin", or the name given with the text. */
  name: string;
}

/** An idea given by a program: its text alone, or the text with any of the fields a CSV would give. */
export type IdeaLike = string | (Partial<Idea> & { text: string });

/** What the functions that cluster take: notes from `readNotes`, or a list of ideas. */
export type NotesInput = Notes | readonly IdeaLike[];

/** How to read notes: the CSV options of the command line (`--encoding`, `--no-header`, limits) and the columns to use. */
export interface ReadNotesOptions extends ColumnRequest, Omit<ReadOptions, 'chunkBytes'> {}

/** Notes in memory: CSV text (or its bytes, in any encoding `encoding` names), with a name for the report. */
export interface NotesText {
  text: string | Uint8Array;
  /** Shown as the input's name in the report and in errors; default "notes". */
  name?: string;
}

/**
 * Read a CSV of notes: a file name, or CSV text held in memory. Throws a RapporteurError with a
 * `code`, the file and line for a file that cannot be used. The only function of the library
 * that reads a file (when given a name), and it writes nothing.
 */
export function readNotes(source: string | NotesText, options: ReadNotesOptions = {}): Notes {
  if (typeof source === 'string') return readNotesFrom(openFile(source), source, options);
  const bytes = typeof source.text === 'string' ? Buffer.from(source.text, 'utf8') : Buffer.from(source.text.buffer, source.text.byteOffset, source.text.byteLength);
  return readNotesFrom(bufferSource(bytes), source.name ?? 'notes', options);
}

/** Read notes from any byte source (a file, standard input, memory), closing it afterwards. */
export function readNotesFrom(source: ByteSource, name: string, options: ReadNotesOptions): Notes {
  try {
    return { name, ...readNotesTable(source, name, options) };
  } finally {
    source.close();
  }
}

/**
 * A list of ideas as notes: a string is an idea's text; the missing fields are those of a CSV
 * with only a text column (row = position from 1, id = row, one group "all"). Empty texts are
 * skipped, with their reason, as in a CSV.
 */
export function asNotes(input: NotesInput): Notes {
  if (!Array.isArray(input)) return input as Notes;
  const list = input as readonly IdeaLike[];
  const ideas: Idea[] = [];
  const skipped: Notes['skipped'] = [];
  list.forEach((item, i) => {
    const given = typeof item === 'string' ? { text: item } : item;
    if (typeof given?.text !== 'string') throw usageError('BAD_IDEA', `idea ${i + 1} has no text (give a string, or an object with a "text" string)`);
    const file = given.file ?? 'ideas';
    const row = given.row ?? i + 1;
    const text = given.text.trim();
    if (text === '') {
      skipped.push({ file, row, reason: 'empty text' });
      return;
    }
    ideas.push({
      file,
      row,
      id: given.id ?? String(row),
      text,
      group: given.group ?? 'all',
      ...(given.question !== undefined ? { question: given.question } : {}),
      ...(given.truth !== undefined ? { truth: given.truth } : {}),
      ...(given.event !== undefined ? { event: given.event } : {}),
    });
  });
  const grouped = ideas.some((idea) => idea.group !== 'all');
  return { name: 'ideas', ideas, skipped, columns: { text: 'text', ...(grouped ? { by: 'group' } : {}) } };
}
