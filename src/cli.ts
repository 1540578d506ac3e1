import * as fs from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { runEvaluation } from './evaluate/runEvaluation';
import { descriptorSource } from './ingest/source';
import { BINARY_FORMATS, Format, Rendered } from './report/render';
import { chooseFormat } from './report/formatFromName';
import { CommandName, OptionDeclaration, OptionKey, OPTIONS, optionsOf, OptionsOf, OptionValueError } from './options';
import { VERSION } from './version';
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

/**
 * The declared options a command takes (src/options.ts), as commander options. The value of
 * each lands under its declared key (`--max-field-size` as maxFieldBytes, evaluate's --format
 * as evaluationFormat): see `valuesOf`.
 */
function addDeclaredOptions(command: Command, name: CommandName): Command {
  for (const key of optionsOf(name)) {
    const declared = OPTIONS[key] as OptionDeclaration<unknown>;
    const option = new Option(declared.flags, declared.helpFor?.[name] ?? declared.help);
    if (declared.parse) {
      const parse = declared.parse;
      option.argParser((value: string) => {
        try {
          return parse(value);
        } catch (error) {
          if (error instanceof OptionValueError) throw new InvalidArgumentError(error.message);
          throw error;
        }
      });
    }
    if (declared.choices) option.choices(declared.choices);
    if (declared.default !== undefined || declared.defaultHelp !== undefined) {
      // A negated flag (--no-header) brings its own default of true.
      if (!option.negate) option.default(declared.default, declared.defaultHelp);
    }
    if (declared.required) option.makeOptionMandatory();
    command.addOption(option);
    if (declared.negation) command.addOption(new Option(declared.negation.flags, declared.negation.help));
  }
  return command;
}

/** Where commander puts a declared option's value: its name from the flag (--max-field-size: maxFieldSize). */
const attributeOf = (key: OptionKey): string => new Option(OPTIONS[key].flags).attributeName();

/** The parsed values of a command's options under their declared keys. */
function valuesOf<C extends CommandName>(name: C, parsed: { [attribute: string]: unknown }): OptionsOf<C> {
  const values: { [key: string]: unknown } = {};
  for (const key of optionsOf(name)) values[key] = parsed[attributeOf(key)];
  return values as OptionsOf<C>;
}

function version(): string {
  return VERSION;
}

/** What the command line asked for; the actions only record it, so that main() runs it and maps every outcome. */
type Invocation =
  | { command: 'report'; inputs: string[]; options: OptionsOf<'report'> }
  | { command: 'evaluate'; input: string; options: OptionsOf<'evaluate'> }
  | { command: 'assign'; input: string; options: OptionsOf<'assign'> };

function buildProgram(invoked: (invocation: Invocation) => void, entered: (subcommand: string) => void, writeOut: (text: string) => void): Command {
  const program = new Command()
    .name('rapporteur')
    .description('Group the raw ideas of a session into named, counted themes for the report.')
    .version(version(), '-V, --version')
    .argument('<inputs...>', 'CSV files of notes, folders of them, or - to read standard input')
    .usage('[options] <inputs...>\n       rapporteur evaluate <input> --truth <column> [options]\n       rapporteur assign --model <file> <input> [options]');
  addDeclaredOptions(program, 'report')
    .addHelpText('beforeAll', EXAMPLES)
    .showSuggestionAfterError()
    // Options before a subcommand are the program's, after it the subcommand's: `evaluate --text` is evaluate's.
    .enablePositionalOptions()
    .exitOverride()
    // Help and version go to stdout like any output: checked, and quiet when the reader leaves (`| head`).
    .configureOutput({ writeOut, writeErr: () => undefined })
    .hook('preSubcommand', (_, subcommand) => entered(subcommand.name()))
    .action((inputs: string[], parsed: { [attribute: string]: unknown }) => invoked({ command: 'report', inputs, options: valuesOf('report', parsed) }));

  // .command() copies the settings above (exitOverride, output, suggestions) to the subcommand.
  const evaluate = program
    .command('evaluate')
    .description('Cluster the notes as the report does and score the themes against a human grouping (AMI, ARI, NMI, V-measure, purity).')
    .argument('<input>', 'CSV file of notes, or - to read standard input');
  addDeclaredOptions(evaluate, 'evaluate').action((input: string, parsed: { [attribute: string]: unknown }) => {
    rejectOptionsBefore(program, evaluate);
    invoked({ command: 'evaluate', input, options: valuesOf('evaluate', parsed) });
  });

  const assign = program
    .command('assign')
    .description('Sort new ideas into the themes saved with --save-model; ideas close to none go to "Unmatched".')
    .argument('<input>', 'CSV file of new notes, or - to read standard input');
  addDeclaredOptions(assign, 'assign').action((input: string, parsed: { [attribute: string]: unknown }) => {
    rejectOptionsBefore(program, assign);
    invoked({ command: 'assign', input, options: valuesOf('assign', parsed) });
  });
  return program;
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
    const { rendered } = runEvaluation({ ...o, input: invocation.input, format: o.evaluationFormat }, context);
    return { rendered, exitCode: 0, format: o.evaluationFormat };
  }
  if (invocation.command === 'assign') {
    const o = invocation.options;
    const format = chooseFormat(o.format, o.output);
    refuseBinaryOnTerminal(format, o.output);
    const { rendered } = await runAssign({ ...o, input: invocation.input, format, color: colourWanted(o.color), merge: mergeOf(o.merge) }, context);
    return { rendered: o.output ? undefined : rendered, exitCode: 0, format };
  }
  const o = invocation.options;
  if (o.outDir && o.output) throw usageError('CONFLICTING_OUTPUTS', '--out-dir writes one report per input and -o one report of all inputs: give one of them', 'drop -o, or --out-dir');
  const format = chooseFormat(o.format, o.output);
  if (!o.outDir) refuseBinaryOnTerminal(format, o.output);
  const common = { ...o, format, color: colourWanted(o.color), merge: mergeOf(o.merge) };
  const [first] = invocation.inputs;
  if (invocation.inputs.length === 1 && !o.outDir && !isFolder(first)) {
    const { rendered } = await run({ ...common, input: first }, context);
    return { rendered: o.output ? undefined : rendered, exitCode: 0, format };
  }
  if (o.keep !== undefined) throw usageError('KEEP_NEEDS_ONE_INPUT', '--keep refreshes the report of one input', 'give one notes file');
  const { exitCode, rendered } = await runBatch(
    { ...common, inputs: invocation.inputs, force: o.force === true, keepGoing: o.keepGoing === true },
    { ...context, progress: (total) => progressBar(total, o.quiet === true) },
  );
  return { rendered: o.output ? undefined : rendered, exitCode, format };
}

/** --merge S, --no-merge (never: Infinity), or the default (undefined). */
function mergeOf(merge: number | false | undefined): number | undefined {
  return merge === false ? Infinity : merge;
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
