import * as fs from 'node:fs';
import { inputError, quoteForMessage, RapporteurError, usageError } from '../errors';
import { groupIdeas } from '../groupIdeas';
import { Idea } from '../ingest/idea';
import { inputValues, OptionsOf } from '../options';
import { Format } from '../report/render';
import { LoadedNotes, readNotes } from '../input';
import { planOutputs } from '../output/planOutputs';
import { writeOutputs } from '../output/writeOutputs';
import { Report } from '../report/report';
import { Rendered } from '../report/render';
import { assignIdeas } from '../api/assignIdeas';
import { renderFor, RunContext } from '../run';
import { parseThemeModel, ThemeModel } from './themeModel';

/** `assign`'s options (src/options.ts) as the command resolved them: the format chosen, colour decided, merge as a number. */
export interface AssignRunOptions extends Partial<Omit<OptionsOf<'assign'>, 'model' | 'format' | 'color' | 'merge' | 'vectors' | 'debug'>> {
  input: string;
  model: string;
  format: Format;
  color: boolean;
  vectors: boolean;
  /** Merge near-duplicates at this similarity; undefined for the default, Infinity for never. */
  merge?: number;
}

/** A saved model is a few megabytes even for a large consultation; more is not a model. */
export const MODEL_SIZE_LIMIT = 256 * 1024 * 1024;

/** `rapporteur assign`: read the saved themes and the new notes, place each idea, report as usual. */
export async function runAssign(options: AssignRunOptions, context: RunContext): Promise<{ report: Report; rendered: Rendered }> {
  const planned = planOutputs([{ file: options.output, flag: '-o' }], [options.input, options.model]);
  const model = readModel(options.model);
  const { notes, wordVectors } = readNewNotes(options, model, context);
  checkGroupsMeet(model, notes.ideas, options, context);
  const report = assignIdeas(model, notes, { threshold: options.threshold, wordVectors, merge: options.merge === Infinity ? false : options.merge, modelName: options.model });
  const rendered = renderFor(report, options);
  await writeOutputs(planned.map((target) => ({ target, content: rendered, overwrite: true })));
  return { report, rendered };
}

/** The new notes, grouped as the model was (its own --by) unless --by says otherwise. */
function readNewNotes(options: AssignRunOptions, model: ThemeModel, context: RunContext): LoadedNotes {
  const by = options.by ?? model.options.by ?? 'none';
  try {
    return readNotes({ ...inputValues(options), input: options.input, text: options.text, by, event: options.event, vectors: options.vectors && model.options.vectors }, context);
  } catch (error) {
    if (options.by !== undefined || !(error instanceof RapporteurError) || error.code !== 'COLUMN_NOT_FOUND' || !error.message.includes('--by')) throw error;
    throw usageError(
      'MODEL_GROUP_COLUMN_MISSING',
      `the themes in ${options.model} were saved with --by ${by}, but ${options.input === '-' ? 'the notes have' : `${options.input} has`} no column ${quoteForMessage(by)}`,
      'name the column that groups the new notes with --by COLUMN, or --by none',
    );
  }
}

/**
 * Ideas can only be placed into the themes of a group they meet: the saved group of the same
 * name, or the one group of a model saved without groups. When none meets, every idea would be
 * "Unmatched": that is an error unless asked for, and a warning when only some groups miss.
 */
function checkGroupsMeet(model: ThemeModel, ideas: readonly Idea[], options: AssignRunOptions, context: RunContext): void {
  if (model.groups.length === 1 || ideas.length === 0) return;
  const saved = new Set(model.groups.map((g) => g.name));
  const groups = groupIdeas(ideas).map((g) => g.name);
  const missing = groups.filter((g) => !saved.has(g));
  if (missing.length === 0) return;
  const savedNames = [...saved].slice(0, 8).map((g) => quoteForMessage(g, 30)).join(', ');
  const missingNames = missing.slice(0, 8).map((g) => quoteForMessage(g, 30)).join(', ');
  if (missing.length === groups.length && !options.allowUnmatched) {
    throw inputError(
      'NO_GROUP_MEETS_MODEL',
      `no group of the notes (${missingNames}) is a group of the saved themes (${savedNames}), so every idea would be Unmatched`,
      { file: options.input === '-' ? 'stdin' : options.input },
      'group the notes as the themes were saved (--by), or give --allow-unmatched',
    );
  }
  context.notice(`rapporteur: warning: the groups ${missingNames} of the notes are not groups of the saved themes (${savedNames}); their ideas are all Unmatched`);
}

function readModel(file: string): ThemeModel {
  let text: string;
  try {
    text = readLimited(file, MODEL_SIZE_LIMIT);
  } catch (error) {
    if (error instanceof RapporteurError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code})`;
    throw inputError('MODEL_NOT_READABLE', what, { file }, 'give the file written by --save-model');
  }
  return parseThemeModel(text, file);
}

/** A file's text, refusing one larger than `limit` bytes (`/dev/zero` never ends). */
function readLimited(file: string, limit: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let size = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      size += n;
      if (size > limit) throw inputError('MODEL_TOO_LARGE', `is larger than ${limit / 1024 / 1024} MB, too large for saved themes`, { file }, 'give the file written by --save-model');
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks, size).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}
