import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroup, DEFAULT_MERGE_THRESHOLD } from './analyse';
import { inputError, usageError } from './errors';
import { groupIdeas } from './groupIdeas';
import { NotesTable } from './ingest/idea';
import { InputContext, readNotes } from './input';
import { buildReport } from './report/buildReport';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { WordVectors } from './vectors/wordVectorCache';

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
  /** Merge near-duplicates for the reader at this similarity; undefined for the default, Infinity for never. */
  merge?: number;
  /** Show only this many most central ideas per theme in text and Markdown. */
  top?: number;
}

export interface RunContext extends InputContext {
  version: string;
}

/** read → analyse → render → write. Returns the report for callers that want it. */
export function run(options: RunOptions, context: RunContext): { report: Report; rendered: string } {
  if (options.output) checkOutputPath(options.output, options.input);
  const { name, table, wordVectors } = readNotes({ input: options.input, text: options.text, by: options.by, vectors: options.vectors }, context);
  const report = analyse(table, name, { ...options, wordVectors }, context.version);
  const rendered = render(report, options.format, { color: options.color && !options.output, top: options.top });
  if (options.output) writeAtomically(options.output, rendered);
  return { report, rendered };
}

export function analyse(
  table: NotesTable,
  name: string,
  options: Pick<RunOptions, 'k' | 'seed' | 'merge'> & { wordVectors?: WordVectors },
  version: string,
): Report {
  const merge = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  const groups = groupIdeas(table.ideas).map((g) => ({
    name: g.name,
    question: g.question,
    themes: analyseGroup(g.ideas, { k: options.k, seed: options.seed, wordVectors: options.wordVectors, mergeThreshold: merge }),
  }));
  return buildReport({
    version,
    title: name === 'stdin' ? 'Notes' : path.basename(name).replace(/\.[^.]+$/, ''),
    inputs: [name],
    options: { k: options.k ?? 'auto', seed: options.seed, ...(Number.isFinite(merge) ? { merge } : {}), by: table.columns.by ?? null, text: table.columns.text },
    groups,
    skipped: table.skipped,
  });
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
