import { inputError } from '../errors';
import { ColumnRequest } from './columns';
import { CsvRecords } from './csvRecords';
import { hasFirstRecordLine, sniffDelimiter } from './dialect';
import { openDecoder } from './encoding';
import { NotesTable } from './idea';
import { DEFAULT_LIMITS, ReadLimits } from './limits';
import { bufferSource, ByteSource, readChunk } from './source';
import { TableBuilder } from './tableBuilder';
import { Progress } from '../progress/progress';

export { ALL_IDEAS } from './tableBuilder';

/** How to read the bytes: the encoding, whether line 1 names the columns, and the limits. */
export interface ReadOptions {
  /** An encoding name for iconv-lite; undefined to detect (byte-order mark, else strict UTF-8). */
  encoding?: string;
  /** False when the first line is data, not column names. Default true. */
  header?: boolean;
  maxFieldBytes?: number;
  maxRows?: number;
  /** Bytes read at a time (default 256 kB); tests make it tiny to cut characters and line ends in two. */
  chunkBytes?: number;
  /** Told the ideas read so far after each chunk, for a long read's progress line. */
  progress?: Progress;
  /**
   * Keep the ideas in columns and make each idea object when it is read (a lazy array, see
   * src/report/lazyArray.ts): for a caller that never tells ideas apart by object, as a plain
   * run does not. A million ideas then take about 110 MB less.
   */
  lazyIdeas?: boolean;
}

/** Bytes read at a time: memory stays near this, whatever the size of the file. */
const CHUNK_BYTES = 256 * 1024;
/** Text looked at to find the delimiter: the header line is within it. */
const SNIFF_BYTES = 64 * 1024;

/**
 * Read a CSV of notes into ideas, streaming: bytes → text (see encoding.ts) → records
 * (csv-parse) → ideas (see tableBuilder.ts). Only the ideas are kept, never the whole file.
 */
export function readNotesTable(source: ByteSource, file: string, options: ColumnRequest & ReadOptions = {}): NotesTable {
  const limits: ReadLimits = {
    maxFieldBytes: options.maxFieldBytes ?? DEFAULT_LIMITS.maxFieldBytes,
    maxRows: options.maxRows ?? DEFAULT_LIMITS.maxRows,
  };
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const first = readChunk(source, Math.max(chunkBytes, 8));
  if (first === undefined) {
    throw inputError('EMPTY_INPUT', 'is empty: no header row and no notes', { file }, 'give a CSV whose first line names the columns and whose next lines hold the ideas');
  }
  const decoder = openDecoder(first, file, options.encoding);
  let csv: CsvRecords | undefined;
  const builder = new TableBuilder(file, { text: options.text, by: options.by, truth: options.truth, event: options.event, header: options.header ?? true, limits, lazyIdeas: options.lazyIdeas }, (count) => {
    if (csv) csv.columns = count;
  });

  // Text waits here until there is enough of it to find the delimiter in its first line.
  let waiting: Buffer[] = [];
  let waitingBytes = 0;
  const start = (): CsvRecords => {
    const text = Buffer.concat(waiting);
    const delimiter = sniffDelimiter(text.subarray(0, SNIFF_BYTES).toString('utf8'));
    builder.delimiter = delimiter;
    csv = new CsvRecords(delimiter, limits.maxFieldBytes, file, (record) => builder.add(record));
    waiting = [];
    csv.write(text);
    return csv;
  };
  const feed = (text: Buffer): void => {
    if (csv) return csv.write(text);
    waiting.push(text);
    waitingBytes += text.length;
    if (waitingBytes >= SNIFF_BYTES || hasFirstRecordLine(Buffer.concat(waiting).toString('utf8'))) start();
  };

  for (let chunk: Buffer | undefined = first; chunk !== undefined; chunk = readChunk(source, chunkBytes)) {
    feed(decoder.write(chunk));
    options.progress?.({ stage: 'reading', done: builder.ideaCount, unit: 'ideas' });
  }
  feed(decoder.end());
  (csv ?? start()).end();
  options.progress?.({ stage: 'reading', done: builder.ideaCount, unit: 'ideas' });
  return builder.finish();
}

/** Read notes already in memory as text (tests, benchmarks); the same reading as a file gets. */
export function parseNotes(content: string, file: string, request: ColumnRequest & ReadOptions = {}): NotesTable {
  return readNotesTable(bufferSource(Buffer.from(content, 'utf8')), file, request);
}
