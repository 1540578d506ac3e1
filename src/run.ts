import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroup } from './analyse';
import { inputError, usageError } from './errors';
import { groupIdeas } from './groupIdeas';
import { NotesTable } from './ingest/idea';
import { parseNotes } from './ingest/parseNotes';
import { buildReport } from './report/buildReport';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { defaultCacheDir, loadWordVectors, WordVectors } from './vectors/wordVectorCache';

export interface RunOptions {
  input: string;
  text?: string;
  by?: string;
  k?: number;
  seed: number;
  format: Format;
  output?: string;
  color: boolean;
  /** Compare ideas by word meaning as well as shared words (the default). */
  vectors: boolean;
}

export interface RunContext {
  version: string;
  readStdin: () => Buffer;
  env: NodeJS.ProcessEnv;
  /** Messages for people (progress, warnings): stderr. */
  notice: (message: string) => void;
}

/** read → analyse → render → write. Returns the report for callers that want it. */
export function run(options: RunOptions, context: RunContext): { report: Report; rendered: string } {
  if (options.output) checkOutputPath(options.output, options.input);
  const name = options.input === '-' ? 'stdin' : options.input;
  const bytes = options.input === '-' ? context.readStdin() : readInputFile(options.input);
  const table = parseNotes(decode(bytes, name), name, { text: options.text, by: options.by });
  const wordVectors = options.vectors && table.ideas.length > 0 ? loadVectors(context) : undefined;
  const report = analyse(table, name, { ...options, wordVectors }, context.version);
  const rendered = render(report, options.format, { color: options.color && !options.output });
  if (options.output) writeAtomically(options.output, rendered);
  return { report, rendered };
}

export function analyse(
  table: NotesTable,
  name: string,
  options: Pick<RunOptions, 'k' | 'seed'> & { wordVectors?: WordVectors },
  version: string,
): Report {
  const groups = groupIdeas(table.ideas).map((g) => ({
    name: g.name,
    question: g.question,
    themes: analyseGroup(g.ideas, { k: options.k, seed: options.seed, wordVectors: options.wordVectors }),
  }));
  return buildReport({
    version,
    inputs: [name],
    options: { k: options.k ?? 'auto', seed: options.seed, by: table.columns.by ?? null, text: table.columns.text },
    groups,
    skipped: table.skipped,
  });
}

/** Word meaning helps but is not essential: without the vectors, say so and use shared words alone. */
function loadVectors(context: RunContext): WordVectors | undefined {
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

function checkOutputPath(output: string, input: string): void {
  if (input !== '-' && path.resolve(output) === path.resolve(input)) {
    throw usageError('OUTPUT_IS_INPUT', `-o ${output} would overwrite the input`, 'choose another output file');
  }
  const folder = path.dirname(path.resolve(output));
  if (!fs.existsSync(folder)) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of -o ${output} does not exist`, 'create it first');
}

/** Write next to the target and rename, so an interrupted run never leaves half a report. */
function writeAtomically(file: string, content: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temporary, content);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    throw inputError('OUTPUT_NOT_WRITABLE', `cannot write the report (${(error as NodeJS.ErrnoException).code ?? String(error)})`, { file });
  }
}
