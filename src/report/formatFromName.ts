import * as path from 'node:path';
import { usageError } from '../errors';
import { OUTPUT_FORMATS } from './formats';
import { Format, FORMATS } from './render';

/** The extension each format's files get (--out-dir), and the one -o is expected to have. */
export const EXTENSIONS = Object.fromEntries(FORMATS.map((f) => [f, OUTPUT_FORMATS[f].extensions[0]])) as Record<Format, string>;

const FORMAT_OF_EXTENSION: Record<string, Format> = Object.fromEntries(FORMATS.flatMap((f) => OUTPUT_FORMATS[f].extensions.map((extension) => [extension, f])));

/** The format a file name asks for (`draft.docx` → docx), or undefined for an extension no format has. */
export function formatFromName(file: string): Format | undefined {
  const extension = path.extname(file).slice(1).toLowerCase();
  return Object.hasOwn(FORMAT_OF_EXTENSION, extension) ? FORMAT_OF_EXTENSION[extension] : undefined;
}

/**
 * The format to write: --format when given, else the one -o's extension names, else text.
 * `--format json -o draft.md` asks for two things at once: a usage error, not a guess.
 */
export function chooseFormat(given: Format | undefined, output: string | undefined): Format {
  const named = output === undefined ? undefined : formatFromName(output);
  if (given !== undefined && named !== undefined && given !== named) {
    throw usageError('FORMAT_CONFLICT', `--format ${given} does not match -o ${output}, a ${OUTPUT_FORMATS[named].title} file name`, `use -o with .${EXTENSIONS[given]}, or leave out --format`);
  }
  return given ?? named ?? 'text';
}
