import { inputError, quoteForMessage, usageError } from '../errors';

/** Header names that mean "this column holds the ideas", singular or plural, any case. */
export const TEXT_COLUMN_NAMES = ['idea', 'text', 'note', 'comment', 'response', 'suggestion'];
/** Header names that mean "ideas in different values of this column were collected apart". */
const GROUP_COLUMN_NAMES = ['round', 'conversation', 'session', 'question'];

export interface ColumnChoice {
  text: number;
  /** How the text column was found: named with --text, by its header, or by its content. */
  textFoundBy: 'request' | 'name' | 'content';
  by?: number;
  question?: number;
  id?: number;
  truth?: number;
  event?: number;
}

export interface ColumnRequest {
  /** A column holding a human grouping to compare with (`rapporteur evaluate --truth`). */
  truth?: string;
  /** The column naming the event of each idea (--event); undefined for a column named "event". */
  event?: string;
  /** A column name from --text, or undefined to detect it. */
  text?: string;
  /** A column name from --by; "none" or "" for no grouping; undefined to detect it. */
  by?: string;
}

const normalise = (name: string): string => name.trim().toLowerCase();
const isNamed = (header: string, names: readonly string[]): boolean => {
  const h = normalise(header);
  return names.some((n) => h === n || h === `${n}s`);
};

/** Pick the columns to use from the header and, for a text column without a telling name, the data. */
export function chooseColumns(
  header: readonly string[],
  rows: readonly string[][],
  request: ColumnRequest,
  file: string,
): ColumnChoice {
  const named = textColumnByName(header, request, file);
  const text = named ?? detectTextColumn(header, rows, file);
  const by = chooseGroupColumn(header, request.by, text, file);
  const question = header.findIndex((h) => normalise(h) === 'question');
  const id = header.findIndex((h) => normalise(h) === 'id');
  const truth = request.truth !== undefined ? findNamed(header, request.truth, '--truth', file) : undefined;
  const namedEvent = header.findIndex((h) => isNamed(h, ['event']));
  const event = request.event !== undefined ? findNamed(header, request.event, '--event', file) : namedEvent >= 0 && namedEvent !== text ? namedEvent : undefined;
  return {
    truth,
    event,
    text,
    textFoundBy: request.text !== undefined ? 'request' : named !== undefined ? 'name' : 'content',
    by,
    question: question >= 0 && question !== text ? question : undefined,
    id: id >= 0 && id !== text ? id : undefined,
  };
}

/**
 * The text column when the header alone tells it (--text, or a telling name); undefined when
 * only the data can. A --text, --by or --truth column that does not exist is reported here,
 * as soon as the header is read.
 */
export function textColumnByName(header: readonly string[], request: ColumnRequest, file: string): number | undefined {
  if (request.by !== undefined && request.by !== '' && normalise(request.by) !== 'none') findNamed(header, request.by, '--by', file);
  if (request.truth !== undefined) findNamed(header, request.truth, '--truth', file);
  if (request.event !== undefined) findNamed(header, request.event, '--event', file);
  if (request.text !== undefined) return findNamed(header, request.text, '--text', file);
  for (const name of TEXT_COLUMN_NAMES) {
    const index = header.findIndex((h) => isNamed(h, [name]));
    if (index >= 0) return index;
  }
  return undefined;
}

/** A column by its name (exactly, else in any case), else by its number from 1. */
function findNamed(header: readonly string[], name: string, flag: string, file: string): number {
  const exact = header.indexOf(name);
  if (exact >= 0) return exact;
  const loose = header.findIndex((h) => normalise(h) === normalise(name));
  if (loose >= 0) return loose;
  if (/^\d+$/.test(name.trim()) && Number(name) >= 1 && Number(name) <= header.length) return Number(name) - 1;
  throw usageError('COLUMN_NOT_FOUND', `${file}: ${flag} column ${quoteForMessage(name)} does not exist`, `the columns are: ${listColumns(header)}`);
}

export const listColumns = (header: readonly string[]): string =>
  header.length > 20 ? `${header.slice(0, 20).map((h) => quoteForMessage(h, 40)).join(', ')} and ${header.length - 20} more` : header.map((h) => quoteForMessage(h, 40)).join(', ');

/** A value that is only digits, spaces and punctuation: a number, a date, an id, not an idea. */
const isNumberLike = (value: string): boolean => /^[\d\s\p{P}]*$/u.test(value);

/** No telling name: the ideas are the column with the longest texts on average, among columns that hold some text. */
function detectTextColumn(header: readonly string[], rows: readonly string[][], file: string): number {
  let best = -1;
  let bestLength = 0;
  for (let c = 0; c < header.length; c++) {
    let total = 0;
    let text = false;
    for (const row of rows) {
      const value = (row[c] ?? '').trim();
      total += value.length;
      if (!text && value !== '' && !isNumberLike(value)) text = true;
    }
    const mean = rows.length > 0 ? total / rows.length : 0;
    if (text && mean > bestLength) {
      best = c;
      bestLength = mean;
    }
  }
  if (best < 0) {
    throw inputError(
      'NO_TEXT_COLUMN',
      `no column holds text to read as ideas (only numbers or nothing) in ${header.length === 1 ? 'the column' : 'the columns'} ${listColumns(header)}`,
      { file },
      'name the column of ideas with --text',
    );
  }
  return best;
}

function chooseGroupColumn(header: readonly string[], by: string | undefined, text: number, file: string): number | undefined {
  if (by !== undefined) {
    if (by === '' || normalise(by) === 'none') return undefined;
    const index = findNamed(header, by, '--by', file);
    if (index === text) throw usageError('BY_IS_TEXT', `--by "${by}" is the text column itself`, 'choose another column, or --by none');
    return index;
  }
  for (const name of GROUP_COLUMN_NAMES) {
    const index = header.findIndex((h) => isNamed(h, [name]));
    if (index >= 0 && index !== text) return index;
  }
  return undefined;
}
