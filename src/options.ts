/**
 * Every option of the command line, declared once: its flags, help, value type, parser,
 * default, the commands that take it, and which records carry it (the report's `options`, the
 * saved themes' `options`, the evaluation's `options`). The command line is built from this
 * table (src/cli.ts), the values reach the library under the same keys, and the records are
 * written in the order declared here. Adding an option is one entry here and the code that uses
 * its value.
 */
import { checkEncoding } from './ingest/encoding';
import { DEFAULT_LIMITS, formatCount, formatSize, parseSize } from './ingest/limits';
import { GroupK, parseGroupK } from './groupK';
import { FORMATS, Format } from './report/render';
import { EVALUATION_FORMATS, EvaluationFormat } from './evaluate/renderEvaluation';

export type CommandName = 'report' | 'evaluate' | 'assign';
export const COMMANDS: readonly CommandName[] = ['report', 'evaluate', 'assign'];

/** The records an option's value is written into. */
export type RecordName = 'report' | 'model' | 'evaluation';

/** What the value is for: reading the notes, finding themes, showing them, or running the command. */
export type OptionGroup = 'input' | 'analysis' | 'output' | 'command';

/** A value the user typed that an option cannot take; the message says what to give. */
export class OptionValueError extends Error {}

export interface OptionDeclaration<T, C extends CommandName = CommandName> {
  /** Flags as commander reads them: "-k, --k <n>", "--no-header". */
  flags: string;
  /** The other flag of a pair ("--no-bom" for "--bom"), setting the same value. */
  negation?: { flags: string; help: string };
  help: string;
  /** Help that reads differently for one command. */
  helpFor?: Partial<{ [command in CommandName]: string }>;
  group: OptionGroup;
  commands: readonly C[];
  parse?: (value: string) => T;
  choices?: readonly string[];
  /** The value when the option is not given, and how the help shows it. */
  default?: T;
  defaultHelp?: string;
  required?: boolean;
  /** The records that carry the value (src/report/report.ts, src/model/themeModel.ts, src/evaluate/renderEvaluation.ts). */
  records?: readonly RecordName[];
}

/** Declare an option whose value has type T (the inference keeps `commands` as literal names). */
const option =
  <T>() =>
  <C extends CommandName>(declaration: OptionDeclaration<T, C>): OptionDeclaration<T, C> =>
    declaration;

const ALL = ['report', 'evaluate', 'assign'] as const;

export const OPTIONS = {
  // The order here is the order of the records (report, saved themes, evaluation): the report's
  // options come first, as the JSON report has always listed them.
  k: option<GroupK | undefined>()({
    flags: '-k, --k <n>',
    help: 'themes per group: a number, "auto" to choose from the data, or per group by name (1=7,2=7,3=5)',
    group: 'analysis',
    commands: ['report', 'evaluate'],
    parse: parseK,
    defaultHelp: 'auto',
    records: ['report', 'model', 'evaluation'],
  }),
  seed: option<number>()({
    flags: '--seed <n>',
    help: 'random seed; same input and seed give the same output',
    group: 'analysis',
    commands: ['report', 'evaluate'],
    parse: parseSeed,
    default: 42,
    records: ['report', 'model', 'evaluation'],
  }),
  merge: option<number | false | undefined>()({
    flags: '--merge <similarity>',
    help: 'show near-duplicate ideas once, "(×N)", from this similarity of their words (0–1; 1 = same words only)',
    negation: { flags: '--no-merge', help: 'list every idea, even repeated ones' },
    group: 'output',
    commands: ['report', 'assign'],
    parse: parseSimilarity,
    defaultHelp: '0.8',
    records: ['report', 'model'],
  }),
  by: option<string | undefined>()({
    flags: '--by <column>',
    help: 'cluster each value of this column apart, or "none" (default: round, conversation, session or question)',
    helpFor: { assign: 'group the new ideas by this column, or "none"; groups meet the saved groups by name (default: the column the themes were saved with)' },
    group: 'input',
    commands: ALL,
    records: ['report', 'model', 'evaluation'],
  }),
  text: option<string | undefined>()({
    flags: '--text <column>',
    help: 'column holding the ideas (default: idea, text, note, comment, response or suggestion; else the longest texts)',
    helpFor: { assign: 'column holding the ideas (found as in a report when not given)' },
    group: 'input',
    commands: ALL,
    records: ['report', 'model', 'evaluation'],
  }),
  shared: option<boolean | undefined>()({
    flags: '--shared',
    help: 'one set of themes for all groups (--by), each group counted under them',
    group: 'analysis',
    commands: ['report'],
    records: ['report'],
  }),
  keep: option<string | undefined>()({
    flags: '--keep <file>',
    help: 'keep the themes of this edited report (Markdown, CSV or JSON): its headings, bullets and paragraphs stay, new ideas are placed; may be the -o file',
    group: 'analysis',
    commands: ['report'],
    records: ['report'],
  }),
  model: option<string>()({
    flags: '--model <file>',
    help: 'the saved themes (written by --save-model)',
    group: 'analysis',
    commands: ['assign'],
    required: true,
    records: ['report'],
  }),
  threshold: option<number | undefined>()({
    flags: '--threshold <similarity>',
    help: 'least similarity to a saved theme (−1 to 1); below it an idea is "Unmatched"',
    group: 'analysis',
    commands: ['assign'],
    parse: parseThreshold,
    defaultHelp: '0.2',
    records: ['report'],
  }),
  truth: option<string>()({
    flags: '--truth <column>',
    help: 'column holding the human grouping to compare with; rows where it is empty are not scored',
    group: 'input',
    commands: ['evaluate'],
    required: true,
    records: ['evaluation'],
  }),
  vectors: option<boolean>()({
    flags: '--no-vectors',
    help: 'compare ideas by shared words only, without word meaning (GloVe vectors)',
    helpFor: { assign: 'compare by shared words only (only for themes saved with --no-vectors)' },
    group: 'analysis',
    commands: ALL,
    default: true,
    records: ['model', 'evaluation'],
  }),
  event: option<string | undefined>()({
    flags: '--event <column>',
    help: 'column naming the event of each idea, for the report title (default: a column named "event", else the file name)',
    group: 'input',
    // evaluate scores groups, and has no title for an event to name.
    commands: ['report', 'assign'],
  }),
  encoding: option<string | undefined>()({
    flags: '--encoding <name>',
    help: 'character encoding of the input, e.g. utf-8, utf-16le, utf-16be, windows-1252 (default: from its byte-order mark, else UTF-8)',
    group: 'input',
    commands: ALL,
    parse: parseEncoding,
  }),
  header: option<boolean>()({
    flags: '--no-header',
    help: 'the first line is an idea, not column names; columns are then "column 1", "column 2", … (--text 2 also works)',
    group: 'input',
    commands: ALL,
    default: true,
  }),
  maxFieldBytes: option<number>()({
    flags: '--max-field-size <size>',
    help: 'largest field read; a larger one is an error (a quote never closed makes one)',
    group: 'input',
    commands: ALL,
    parse: parseFieldSize,
    default: DEFAULT_LIMITS.maxFieldBytes,
    defaultHelp: formatSize(DEFAULT_LIMITS.maxFieldBytes),
  }),
  maxRows: option<number>()({
    flags: '--max-rows <n>',
    help: 'most rows read; more is an error',
    group: 'input',
    commands: ALL,
    parse: parseRowCount,
    default: DEFAULT_LIMITS.maxRows,
    defaultHelp: formatCount(DEFAULT_LIMITS.maxRows),
  }),
  allowUnmatched: option<boolean | undefined>()({
    flags: '--allow-unmatched',
    help: 'go on when no group of the notes is a group of the saved themes (every idea is then Unmatched)',
    group: 'analysis',
    commands: ['assign'],
  }),
  format: option<Format | undefined>()({
    flags: '-f, --format <format>',
    help: 'output format',
    group: 'output',
    commands: ['report', 'assign'],
    choices: FORMATS,
    defaultHelp: 'from the -o file name, else text',
  }),
  evaluationFormat: option<EvaluationFormat>()({
    flags: '-f, --format <format>',
    help: 'output format',
    group: 'output',
    commands: ['evaluate'],
    choices: EVALUATION_FORMATS,
    default: 'text',
  }),
  output: option<string | undefined>()({
    flags: '-o, --output <file>',
    help: 'write the report to this file instead of standard output; .md, .docx, .html, .json, .csv or .txt picks the format',
    group: 'output',
    commands: ['report', 'assign'],
  }),
  top: option<number | undefined>()({
    flags: '--top <n>',
    help: 'text, Markdown and Word: show only the n most central ideas of each theme',
    helpFor: { assign: 'text, Markdown and Word: show only the n most similar ideas of each theme' },
    group: 'output',
    commands: ['report', 'assign'],
    parse: parsePositive,
  }),
  keywords: option<boolean>()({
    flags: '--no-keywords',
    help: 'Markdown, Word and HTML: leave out the keywords under each theme',
    group: 'output',
    commands: ['report', 'assign'],
    default: true,
  }),
  bom: option<boolean | undefined>()({
    flags: '--bom',
    help: 'CSV: start with a UTF-8 byte-order mark (the default when writing to a file, so spreadsheets read accents)',
    negation: { flags: '--no-bom', help: 'CSV: no byte-order mark, even in a file' },
    group: 'output',
    commands: ['report', 'assign'],
  }),
  color: option<boolean>()({
    flags: '--no-color',
    help: 'never colour the text output (also: NO_COLOR=1)',
    group: 'output',
    commands: ['report', 'assign'],
    default: true,
  }),
  saveModel: option<string | undefined>()({
    flags: '--save-model <file>',
    help: 'also save the themes found, to sort new ideas into them later with `rapporteur assign`',
    group: 'command',
    commands: ['report'],
  }),
  outDir: option<string | undefined>()({
    flags: '--out-dir <folder>',
    help: 'several inputs: write one report per input and an index of the themes they share into this folder',
    group: 'command',
    commands: ['report'],
  }),
  force: option<boolean | undefined>()({ flags: '--force', help: 'overwrite reports that already exist in --out-dir', group: 'command', commands: ['report'] }),
  keepGoing: option<boolean | undefined>()({
    flags: '--keep-going',
    help: 'report an input that cannot be read and go on with the others (exit 1 at the end)',
    group: 'command',
    commands: ['report'],
  }),
  quiet: option<boolean | undefined>()({ flags: '-q, --quiet', help: 'no progress display (stages of a long run, inputs of a batch)', group: 'command', commands: ['report'] }),
  debug: option<boolean | undefined>()({ flags: '--debug', help: 'show the stack trace of an unexpected error', group: 'command', commands: ALL }),
};

export type OptionKey = keyof typeof OPTIONS;
type ValueOf<K extends OptionKey> = (typeof OPTIONS)[K] extends OptionDeclaration<infer T, CommandName> ? T : never;
type CommandsOf<K extends OptionKey> = (typeof OPTIONS)[K]['commands'][number];

/** The values of the options a command takes, by key: what the command line parses and the command runs with. */
export type OptionsOf<C extends CommandName> = { [K in OptionKey as C extends CommandsOf<K> ? K : never]: ValueOf<K> };

/** The keys of the options a command takes, in the order declared. */
export function optionsOf(command: CommandName): OptionKey[] {
  return (Object.keys(OPTIONS) as OptionKey[]).filter((key) => (OPTIONS[key].commands as readonly CommandName[]).includes(command));
}

/** The keys of one group (e.g. how to read the input), in the order declared. */
export function keysOfGroup(group: OptionGroup): OptionKey[] {
  return (Object.keys(OPTIONS) as OptionKey[]).filter((key) => OPTIONS[key].group === group);
}

/** How to read the notes, from a command's values: the input group's options. */
export function inputValues<T extends object>(values: T): Partial<T> {
  return pick(values, keysOfGroup('input').filter((key) => key !== 'text' && key !== 'by' && key !== 'truth' && key !== 'event'));
}

/**
 * The options a record carries, picked from the values given, in the order declared: only the
 * options declared with that record, and only those with a value. The report, the saved themes
 * and the evaluation all write their `options` so, which is how a newly declared option gets
 * recorded without another list.
 */
export function recordOptions<T extends object>(record: RecordName, values: T): Partial<T> {
  return pick(values, (Object.keys(OPTIONS) as OptionKey[]).filter((key) => (OPTIONS[key] as OptionDeclaration<unknown>).records?.includes(record)));
}

function pick<T extends object>(values: T, keys: readonly string[]): Partial<T> {
  const picked: { [key: string]: unknown } = {};
  for (const key of keys) {
    const value = (values as { [key: string]: unknown })[key];
    if (value !== undefined) picked[key] = value;
  }
  return picked as Partial<T>;
}

// ---------------------------------------------------------------------------------------------
// Parsers: each says what to give when a value will not do.

/** Never undefined: commander would store '' for it, which once reached k-means as k = 0. */
function parseK(value: string): GroupK {
  const spec = parseGroupK(value);
  if (typeof spec === 'string') throw new OptionValueError(`${spec}.`);
  return spec;
}

function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new OptionValueError('give a whole number of at least 1.');
  return Number(value);
}

function parseSimilarity(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) throw new OptionValueError('give a number from 0 to 1.');
  return number;
}

function parseThreshold(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < -1 || number > 1) throw new OptionValueError('give a number from -1 to 1.');
  return number;
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) throw new OptionValueError('give a whole number from 0 to 2147483647.');
  return Number(value);
}

function parseEncoding(value: string): string {
  try {
    return checkEncoding(value);
  } catch {
    throw new OptionValueError('give an encoding such as utf-8, utf-16le, utf-16be or windows-1252.');
  }
}

function parseFieldSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new OptionValueError('give a size in bytes, such as 1000000, 500kB or 10MB.');
  return bytes;
}

function parseRowCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new OptionValueError('give a whole number of at least 1.');
  return Number(value);
}
