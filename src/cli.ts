import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EVALUATION_FORMATS, EvaluationFormat } from './evaluate/renderEvaluation';
import { runEvaluation } from './evaluate/runEvaluation';
import { checkEncoding } from './ingest/encoding';
import { DEFAULT_LIMITS, formatCount, formatSize, parseSize } from './ingest/limits';
import { ReadOptions } from './ingest/parseNotes';
import { descriptorSource } from './ingest/source';
import { FORMATS, BINARY_FORMATS, Format, Rendered } from './report/render';
import { chooseFormat } from './report/formatFromName';
import { GroupK, parseGroupK } from './groupK';
import { SingleBar, Presets } from 'cli-progress';
import { runBatch } from './batch';
import { runAssign } from './model/runAssign';
import { run, RunContext } from './run';
import { isatty } from 'node:tty';
import { escapeControls, RapporteurError, usageError } from './errors';
import { Interrupted } from './output/signals';
import { ReaderGone, writeStandardOutput } from './output/standardOutput';
import { writeAll } from './output/writeAll';
import { terminalText } from './report/safeText';
import { TerminalProgress, terminalProgress } from './progress/terminalProgress';

const EXAMPLES = `Examples:
  rapporteur notes.csv                                  themes of each round, in the terminal
  rapporteur notes.csv --by round -k 6 --format markdown > draft.md
  cat notes.csv | rapporteur - --format json | jq '.groups[0].themes[0]'
  rapporteur notes.csv -o draft.docx                    a Word document (the format follows the file name)
  rapporteur notes.csv -o summary.html                  a one-page visual summary to open in a browser or print
  rapporteur notes.csv -o themes.csv                    for spreadsheets (with a byte-order mark; --no-bom for none)
  rapporteur notes.csv --format markdown --top 5        the five most central ideas per theme
  rapporteur notes.csv --text comment --by none         name the columns yourself
  rapporteur notes.csv --keep draft.md --format markdown -o draft.md   refresh an edited draft, edits kept
  rapporteur notes.csv -k 1=7,2=7,3=5                   themes per group, by group name
  rapporteur evaluate notes.csv --truth theme           compare the themes with a human grouping
  rapporteur events/*.csv --out-dir reports/ --format markdown   one report per event, and an index
  rapporteur events/ --format json -o all.json          a folder: every .csv/.tsv in it
  rapporteur notes.csv --save-model themes.json         keep the themes that were found …
  rapporteur assign --model themes.json new-event.csv   … and sort a new event into them
`;

function version(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

/** Never undefined: commander would store '' for it, which once reached k-means as k = 0. */
function parseK(value: string): GroupK {
  const spec = parseGroupK(value);
  if (typeof spec === 'string') throw new InvalidArgumentError(`${spec}.`);
  return spec;
}

function parsePositive(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('give a whole number of at least 1.');
  return Number(value);
}

function parseSimilarity(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) throw new InvalidArgumentError('give a number from 0 to 1.');
  return number;
}

function parseThreshold(value: string): number {
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < -1 || number > 1) throw new InvalidArgumentError('give a number from -1 to 1.');
  return number;
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) throw new InvalidArgumentError('give a whole number from 0 to 2147483647.');
  return Number(value);
}

function parseEncoding(value: string): string {
  try {
    return checkEncoding(value);
  } catch {
    throw new InvalidArgumentError('give an encoding such as utf-8, utf-16le, utf-16be or windows-1252.');
  }
}

function parseFieldSize(value: string): number {
  const bytes = parseSize(value);
  if (bytes === undefined) throw new InvalidArgumentError('give a size in bytes, such as 1000000, 500kB or 10MB.');
  return bytes;
}

function parseRowCount(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('give a whole number of at least 1.');
  return Number(value);
}

/** How to read the input, for the report and `evaluate` alike. */
function addInputOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--encoding <name>', 'character encoding of the input, e.g. utf-8, utf-16le, utf-16be, windows-1252 (default: from its byte-order mark, else UTF-8)').argParser(
        parseEncoding,
      ),
    )
    .option('--no-header', 'the first line is an idea, not column names; columns are then "column 1", "column 2", … (--text 2 also works)')
    .addOption(
      new Option('--max-field-size <size>', 'largest field read; a larger one is an error (a quote never closed makes one)')
        .argParser(parseFieldSize)
        .default(DEFAULT_LIMITS.maxFieldBytes, formatSize(DEFAULT_LIMITS.maxFieldBytes)),
    )
    .addOption(
      new Option('--max-rows <n>', 'most rows read; more is an error')
        .argParser(parseRowCount)
        .default(DEFAULT_LIMITS.maxRows, formatCount(DEFAULT_LIMITS.maxRows)),
    );
}

/** Where a report goes and how it reads, for the report and `assign` alike; `order` says which ideas --top keeps. */
function addReportOutputOptions(command: Command, order: 'most central' | 'most similar'): Command {
  return command
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default(undefined, 'from the -o file name, else text'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output; .md, .docx, .html, .json, .csv or .txt picks the format')
    .addOption(new Option('--top <n>', `text, Markdown and Word: show only the n ${order} ideas of each theme`).argParser(parsePositive))
    .option('--no-keywords', 'Markdown, Word and HTML: leave out the keywords under each theme')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (the default when writing to a file, so spreadsheets read accents)')
    .option('--no-bom', 'CSV: no byte-order mark, even in a file')
    .addOption(
      new Option('--merge <similarity>', 'show near-duplicate ideas once, "(×N)", from this similarity of their words (0–1; 1 = same words only)')
        .argParser(parseSimilarity)
        .default(undefined, '0.8'),
    )
    .option('--no-merge', 'list every idea, even repeated ones');
}

/** The options shared by the report and `evaluate`, with the same flags, defaults and checks. */
function addAnalysisOptions(command: Command): Command {
  return command
    .option('--text <column>', 'column holding the ideas (default: idea, text, note, comment, response or suggestion; else the longest texts)')
    .option('--by <column>', 'cluster each value of this column apart, or "none" (default: round, conversation, session or question)')
    .addOption(new Option('-k, --k <n>', 'themes per group: a number, "auto" to choose from the data, or per group by name (1=7,2=7,3=5)').argParser(parseK).default(undefined, 'auto'))
    .addOption(new Option('--seed <n>', 'random seed; same input and seed give the same output').argParser(parseSeed).default(42));
}

/** What the command line asked for; the actions only record it, so that main() runs it and maps every outcome. */
type Invocation =
  | { command: 'report'; inputs: string[]; options: CliOptions }
  | { command: 'evaluate'; input: string; options: EvaluateCliOptions }
  | { command: 'assign'; input: string; options: AssignCliOptions };

function buildProgram(invoked: (invocation: Invocation) => void, entered: (subcommand: string) => void, writeOut: (text: string) => void): Command {
  const program = new Command()
    .name('rapporteur')
    .description('Group the raw ideas of a session into named, counted themes for the report.')
    .version(version(), '-V, --version')
    .argument('<inputs...>', 'CSV files of notes, folders of them, or - to read standard input')
    .usage('[options] <inputs...>\n       rapporteur evaluate <input> --truth <column> [options]\n       rapporteur assign --model <file> <input> [options]');
  addReportOutputOptions(addInputOptions(addAnalysisOptions(program)), 'most central')
    .option('--event <column>', 'column naming the event of each idea, for the report title (default: a column named "event", else the file name)')
    .option('--shared', 'one set of themes for all groups (--by), each group counted under them')
    .option('--out-dir <folder>', 'several inputs: write one report per input and an index of the themes they share into this folder')
    .option('--force', 'overwrite reports that already exist in --out-dir')
    .option('--keep-going', 'report an input that cannot be read and go on with the others (exit 1 at the end)')
    .option('-q, --quiet', 'no progress display (stages of a long run, inputs of a batch)')
    .option('--keep <file>', 'keep the themes of this edited report (Markdown, CSV or JSON): its headings, bullets and paragraphs stay, new ideas are placed; may be the -o file')
    .option('--save-model <file>', 'also save the themes found, to sort new ideas into them later with `rapporteur assign`')
    .option('--no-vectors', 'compare ideas by shared words only, without word meaning (GloVe vectors)')
    .option('--no-color', 'never colour the text output (also: NO_COLOR=1)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .addHelpText('beforeAll', EXAMPLES)
    .showSuggestionAfterError()
    // Options before a subcommand are the program's, after it the subcommand's: `evaluate --text` is evaluate's.
    .enablePositionalOptions()
    .exitOverride()
    // Help and version go to stdout like any output: checked, and quiet when the reader leaves (`| head`).
    .configureOutput({ writeOut, writeErr: () => undefined })
    .hook('preSubcommand', (_, subcommand) => entered(subcommand.name()))
    .action((inputs: string[], options: CliOptions) => invoked({ command: 'report', inputs, options }));

  // .command() copies the settings above (exitOverride, output, suggestions) to the subcommand.
  const evaluate = program
    .command('evaluate')
    .description('Cluster the notes as the report does and score the themes against a human grouping (AMI, ARI, NMI, V-measure, purity).')
    .argument('<input>', 'CSV file of notes, or - to read standard input')
    .requiredOption('--truth <column>', 'column holding the human grouping to compare with; rows where it is empty are not scored');
  addInputOptions(addAnalysisOptions(evaluate))
    .addOption(new Option('-f, --format <format>', 'output format').choices(EVALUATION_FORMATS).default('text'))
    .option('--no-vectors', 'compare ideas by shared words only, without word meaning (GloVe vectors)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .action((input: string, options: EvaluateCliOptions) => {
      rejectOptionsBefore(program, evaluate);
      invoked({ command: 'evaluate', input, options });
    });

  const assign = program
    .command('assign')
    .description('Sort new ideas into the themes saved with --save-model; ideas close to none go to "Unmatched".')
    .argument('<input>', 'CSV file of new notes, or - to read standard input')
    .requiredOption('--model <file>', 'the saved themes (written by --save-model)')
    .option('--text <column>', 'column holding the ideas (found as in a report when not given)')
    .option('--by <column>', 'group the new ideas by this column, or "none"; groups meet the saved groups by name (default: the column the themes were saved with)')
    .addOption(new Option('--threshold <similarity>', 'least similarity to a saved theme (−1 to 1); below it an idea is "Unmatched"').argParser(parseThreshold).default(undefined, '0.2'))
    .option('--no-vectors', 'compare by shared words only (only for themes saved with --no-vectors)')
    .option('--allow-unmatched', 'go on when no group of the notes is a group of the saved themes (every idea is then Unmatched)')
    .option('--no-color', 'never colour the text output (also: NO_COLOR=1)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .action((input: string, options: AssignCliOptions) => {
      rejectOptionsBefore(program, assign);
      invoked({ command: 'assign', input, options });
    });
  addReportOutputOptions(addInputOptions(assign), 'most similar');
  return program;
}

interface AssignCliOptions extends InputCliOptions {
  model: string;
  allowUnmatched?: boolean;
  text?: string;
  by?: string;
  threshold?: number;
  format?: Format;
  keywords: boolean;
  bom?: boolean;
  output?: string;
  top?: number;
  merge?: number | false;
  color: boolean;
  vectors: boolean;
  debug?: boolean;
}

/** What addInputOptions adds. */
interface InputCliOptions {
  encoding?: string;
  header: boolean;
  maxFieldSize: number;
  maxRows: number;
}

const readOptions = (o: InputCliOptions): ReadOptions => ({ encoding: o.encoding, header: o.header, maxFieldBytes: o.maxFieldSize, maxRows: o.maxRows });

/** What addAnalysisOptions and the shared flags give every command that clusters. */
interface AnalysisCliOptions extends InputCliOptions {
  text?: string;
  by?: string;
  k?: GroupK;
  seed: number;
  vectors: boolean;
  debug?: boolean;
}

interface CliOptions extends AnalysisCliOptions {
  format?: Format;
  keywords: boolean;
  /** --bom or --no-bom; undefined: a mark in files, none on standard output. */
  bom?: boolean;
  output?: string;
  top?: number;
  /** A similarity from --merge, false from --no-merge, undefined for the default. */
  merge?: number | false;
  saveModel?: string;
  keep?: string;
  event?: string;
  shared?: boolean;
  outDir?: string;
  force?: boolean;
  keepGoing?: boolean;
  quiet?: boolean;
  color: boolean;
}

interface EvaluateCliOptions extends AnalysisCliOptions {
  truth: string;
  format: EvaluationFormat;
}

/** `rapporteur --seed 3 evaluate …` would give the seed to the report, which does not run: say so. */
function rejectOptionsBefore(program: Command, subcommand: Command): void {
  const misplaced = program.options.find((o) => program.getOptionValueSource(o.attributeName()) === 'cli');
  if (misplaced) subcommand.error(`error: ${misplaced.long ?? misplaced.flags} must come after "${subcommand.name()}"`, { code: 'rapporteur.misplacedOption' });
}

function isFolder(input: string): boolean {
  try {
    return input !== '-' && fs.statSync(input).isDirectory();
  } catch {
    return false;
  }
}

/** Progress is for a person watching a terminal: never with -q, when stderr is not a terminal, or under CI. */
function progressWanted(quiet: boolean | undefined): boolean {
  return !quiet && process.stderr.isTTY === true && !process.env.CI;
}

/** A progress bar on stderr for long batches, only for a person at a terminal. */
function progressBar(total: number, quiet: boolean): { tick: () => void; stop: () => void } | undefined {
  if (total <= 5 || !progressWanted(quiet)) return undefined;
  const bar = new SingleBar({ format: 'rapporteur {bar} {value}/{total} inputs', stream: process.stderr, clearOnComplete: true, hideCursor: true }, Presets.shades_classic);
  bar.start(total, 0);
  return { tick: () => bar.increment(), stop: () => bar.stop() };
}

/**
 * The stages of a long report (reading, clustering, writing) with counts and time left, on one
 * stderr line: only for a person at a terminal, never with -q or under CI.
 */
function stageDisplay(invocation: Invocation): TerminalProgress | undefined {
  if (invocation.command !== 'report' || !progressWanted(invocation.options.quiet)) return undefined;
  const write = (text: string) => {
    try {
      writeAll(2, text);
    } catch {
      // stderr is gone: the run goes on without its progress line
    }
  };
  return terminalProgress({ write, now: () => Date.now(), columns: process.stderr.columns });
}

/** A Word document is bytes: on a terminal it would be noise, and could leave it in a strange state. */
function refuseBinaryOnTerminal(format: Format, output: string | undefined): void {
  if (output === undefined && BINARY_FORMATS.includes(format) && isatty(1)) {
    throw usageError('BINARY_ON_TERMINAL', `--format ${format} is a binary file and standard output is a terminal`, `write it with -o report.${format}, or redirect: > report.${format}`);
  }
}

/** Parse the command line, run, and turn every outcome into an exit status. */
export async function main(argv: string[]): Promise<number> {
  let invocation: Invocation | undefined;
  let help = 'rapporteur --help';
  let helpNotWritten: RapporteurError | undefined;
  const program = buildProgram(
    (i) => (invocation = i),
    (subcommand) => (help = `rapporteur ${subcommand} --help`),
    (text) => {
      try {
        if (!helpNotWritten) writeStandardOutput(text);
      } catch (error) {
        if (error instanceof RapporteurError) helpNotWritten = error;
        else if (!(error instanceof ReaderGone)) throw error;
      }
    },
  );
  try {
    program.parse(helpAsOption(argv));
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) {
        if (!helpNotWritten) return 0;
        tell(`rapporteur: error: ${helpNotWritten.describe()}`);
        return helpNotWritten.exitCode;
      }
      const message = error.message.replace(/^error: /, '');
      tell(`rapporteur: error: ${message} (see ${help})`);
      return 2;
    }
    throw error;
  }
  if (invocation === undefined) throw new Error('the command line was parsed but no command ran');
  const { options } = invocation;
  const display = stageDisplay(invocation);
  const notice = (message: string) => {
    display?.clear();
    tell(message);
  };
  const context: RunContext = { version: version(), stdin: () => descriptorSource(0, 'stdin'), env: process.env, notice, ...(display ? { stageProgress: display.report } : {}) };
  try {
    const { rendered, exitCode, format } = await execute(invocation, context);
    display?.clear();
    // Text is made safe for a terminal as it is rendered; the other formats carry the notes as they are, unless shown on one.
    if (rendered !== undefined) writeStandardOutput(typeof rendered === 'string' && isatty(1) && format !== 'text' ? terminalText(rendered) : rendered);
    return exitCode;
  } catch (error) {
    display?.clear();
    if (error instanceof ReaderGone) return 0;
    if (error instanceof Interrupted) {
      tell(`rapporteur: ${error.afterWriting ? `interrupted by ${error.signal} after every output was written` : `interrupted by ${error.signal}; no output was written`}`);
      return error.exitCode;
    }
    if (error instanceof RapporteurError) {
      tell(`rapporteur: error: ${error.describe()}`);
      if (options.debug) tellLines(`${error.stack}`);
      return error.exitCode;
    }
    tell(`rapporteur: internal error: ${(error as Error).message ?? String(error)} (please report it; --debug shows details)`);
    if (options.debug) tellLines(`${(error as Error).stack}`);
    return 70;
  }
}

/** Run what was asked: what goes to standard output, and the exit status (1 when --keep-going skipped an input). */
async function execute(invocation: Invocation, context: RunContext): Promise<{ rendered?: Rendered; exitCode: number; format: string }> {
  if (invocation.command === 'evaluate') {
    const o = invocation.options;
    const { rendered } = runEvaluation(
      { input: invocation.input, truth: o.truth, text: o.text, by: o.by, k: o.k, seed: o.seed, format: o.format, vectors: o.vectors, read: readOptions(o) },
      context,
    );
    return { rendered, exitCode: 0, format: o.format };
  }
  if (invocation.command === 'assign') {
    const o = invocation.options;
    const format = chooseFormat(o.format, o.output);
    refuseBinaryOnTerminal(format, o.output);
    const { rendered } = await runAssign(
      {
        model: o.model, input: invocation.input, text: o.text, by: o.by, threshold: o.threshold, format, output: o.output, color: colourWanted(o.color),
        vectors: o.vectors, top: o.top, merge: o.merge === false ? Infinity : o.merge, keywords: o.keywords, bom: o.bom,
        allowUnmatched: o.allowUnmatched === true, read: readOptions(o),
      },
      context,
    );
    return { rendered: o.output ? undefined : rendered, exitCode: 0, format };
  }
  const o = invocation.options;
  if (o.outDir && o.output) throw usageError('CONFLICTING_OUTPUTS', '--out-dir writes one report per input and -o one report of all inputs: give one of them', 'drop -o, or --out-dir');
  const format = chooseFormat(o.format, o.output);
  if (!o.outDir) refuseBinaryOnTerminal(format, o.output);
  const common = {
    text: o.text, by: o.by, k: o.k, seed: o.seed, format, output: o.output, color: colourWanted(o.color), vectors: o.vectors, keywords: o.keywords, bom: o.bom,
    top: o.top, merge: o.merge === false ? Infinity : o.merge, saveModel: o.saveModel, event: o.event, shared: o.shared,
    read: readOptions(o),
  };
  const [first] = invocation.inputs;
  if (invocation.inputs.length === 1 && !o.outDir && !isFolder(first)) {
    const { rendered } = await run({ ...common, input: first, keep: o.keep }, context);
    return { rendered: o.output ? undefined : rendered, exitCode: 0, format };
  }
  if (o.keep !== undefined) throw usageError('KEEP_NEEDS_ONE_INPUT', '--keep refreshes the report of one input', 'give one notes file');
  const { exitCode, rendered } = await runBatch(
    { ...common, inputs: invocation.inputs, outDir: o.outDir, force: o.force === true, keepGoing: o.keepGoing === true },
    { ...context, progress: (total) => progressBar(total, o.quiet === true) },
  );
  return { rendered: o.output ? undefined : rendered, exitCode, format };
}

/** Colour only for a person at a terminal who did not turn it off. */
function colourWanted(flag: boolean): boolean {
  return flag && !process.env.NO_COLOR && isatty(1);
}

/** `rapporteur help [command]` is `rapporteur [command] --help`, not a file named "help". */
function helpAsOption(argv: string[]): string[] {
  const [node, script, first, ...rest] = argv;
  if (first !== 'help') return argv;
  return [node, script, ...rest.slice(0, 1), '--help'];
}

/**
 * One line for the person at the terminal (stderr). Every control character in it, line breaks
 * included, shows as an escape, so a file name or a value from a file can neither send control
 * codes to the terminal nor make one message look like two.
 */
function tell(message: string): void {
  try {
    writeAll(2, `${escapeControls(message)}\n`);
  } catch {
    // stderr is gone too: there is no one left to tell
  }
}

/** Several lines (a stack trace for --debug), each as `tell` writes one. */
function tellLines(text: string): void {
  for (const line of text.split('\n')) tell(line);
}
