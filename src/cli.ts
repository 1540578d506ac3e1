import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { RapporteurError } from './errors';
import { FORMATS, Format } from './report/render';
import { run } from './run';

const EXAMPLES = `Examples:
  rapporteur notes.csv                                  themes of each round, in the terminal
  rapporteur notes.csv --by round -k 6 --format markdown > draft.md
  cat notes.csv | rapporteur - --format json | jq '.groups[0].themes[0]'
  rapporteur notes.csv --format csv -o themes.csv
  rapporteur notes.csv --text comment --by none         name the columns yourself
`;

function version(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function parseK(value: string): number | undefined {
  if (value === 'auto') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('give a whole number of themes of at least 1, or "auto".');
  return Number(value);
}

function parseSeed(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) throw new InvalidArgumentError('give a whole number from 0 to 2147483647.');
  return Number(value);
}

function buildProgram(): Command {
  return new Command()
    .name('rapporteur')
    .description('Group the raw ideas of a session into named, counted themes for the report.')
    .version(version(), '-V, --version')
    .argument('<input>', 'CSV file of notes, or - to read standard input')
    .option('--text <column>', 'column holding the ideas (default: idea, text, note, comment, response or suggestion; else the longest texts)')
    .option('--by <column>', 'cluster each value of this column apart, or "none" (default: round, conversation, session or question)')
    .addOption(new Option('-k, --k <n>', 'themes per group, or "auto" to choose from the data').argParser(parseK).default(undefined, 'auto'))
    .addOption(new Option('--seed <n>', 'random seed; same input and seed give the same output').argParser(parseSeed).default(42))
    .addOption(new Option('-f, --format <format>', 'output format').choices(FORMATS).default('text'))
    .option('-o, --output <file>', 'write the report to this file instead of standard output')
    .option('--no-vectors', 'compare ideas by shared words only, without word meaning (GloVe vectors)')
    .option('--no-color', 'never colour the text output (also: NO_COLOR=1)')
    .option('--debug', 'show the stack trace of an unexpected error')
    .addHelpText('beforeAll', EXAMPLES)
    .showSuggestionAfterError()
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
}

interface CliOptions {
  text?: string;
  by?: string;
  k?: number;
  seed: number;
  format: Format;
  output?: string;
  color: boolean;
  vectors: boolean;
  debug?: boolean;
}

/** Parse the command line, run, and turn every outcome into an exit status. */
export function main(argv: string[]): number {
  const program = buildProgram();
  try {
    program.parse(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      const message = error.message.replace(/^error: /, '');
      process.stderr.write(`rapporteur: error: ${message} (see rapporteur --help)\n`);
      return 2;
    }
    throw error;
  }
  const options = program.opts<CliOptions>();
  const color = options.color && !process.env.NO_COLOR && process.stdout.isTTY === true;
  try {
    const { rendered } = run(
      { input: program.args[0], text: options.text, by: options.by, k: options.k, seed: options.seed, format: options.format, output: options.output, color, vectors: options.vectors },
      { version: version(), readStdin: () => fs.readFileSync(0), env: process.env, notice: (m) => process.stderr.write(`${m}\n`) },
    );
    if (!options.output) process.stdout.write(rendered);
    return 0;
  } catch (error) {
    if (error instanceof RapporteurError) {
      process.stderr.write(`rapporteur: error: ${error.describe()}\n`);
      if (options.debug) process.stderr.write(`${error.stack}\n`);
      return error.exitCode;
    }
    process.stderr.write(`rapporteur: internal error: ${(error as Error).message ?? String(error)} (please report it; --debug shows details)\n`);
    if (options.debug) process.stderr.write(`${(error as Error).stack}\n`);
    return 70;
  }
}
