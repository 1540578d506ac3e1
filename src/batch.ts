import * as fs from 'node:fs';
import * as path from 'node:path';
import { RapporteurError, inputError, usageError } from './errors';
import { acrossEvents } from './events/acrossEvents';
import { EventThemes } from './events/crossEvent';
import { loadVectors, readNotes } from './input';
import { modelFingerprint } from './model/fingerprint';
import { buildThemeModel, serialiseThemeModel } from './model/themeModel';
import { buildReport } from './report/buildReport';
import { EXTENSIONS } from './report/formatFromName';
import { OUTPUT_FORMATS } from './report/formats';
import { Format, render } from './report/render';
import { Report } from './report/report';
import { AnalysedTableGroup, analyseTable, analysisSettings, eventOf, reportOf } from './api/findThemes';
import { titleOf } from './api/titleOf';
import { RunContext, RunOptions } from './run';
import { openOutDir } from './output/outDir';
import { sameInode, statOrUndefined } from './output/targets';
import { planOutputs } from './output/planOutputs';
import { OutputFile, writeOutputs } from './output/writeOutputs';
import { interruptible } from './output/signals';
import { DEFAULT_MERGE_THRESHOLD } from './analyseGroup';
import { NotesTable } from './ingest/idea';
import { recordK } from './groupK';
import { inputValues } from './options';

export interface BatchOptions extends Omit<RunOptions, 'input'> {
  inputs: string[];
  /** Write one report per input, and an index, into this folder. */
  outDir?: string;
  /** Overwrite existing reports in --out-dir. */
  force: boolean;
  /** Report a bad input and go on with the others (exit 1 at the end). */
  keepGoing: boolean;
}

export interface BatchContext extends RunContext {
  /** A progress display for `total` inputs, or undefined for none. */
  progress?: (total: number) => { tick: () => void; stop: () => void } | undefined;
}

const NOTES_FILE = /\.(csv|tsv)$/i;

interface LoadedEvent {
  /** Position of the input among all inputs, failed ones included. */
  position: number;
  input: string;
  name: string;
  event: string;
  table: NotesTable;
  groups: AnalysedTableGroup[];
}

/**
 * Several inputs: read each (a folder stands for its .csv and .tsv files), report each event as
 * a single run would, and find the themes that come back across events.
 */
export async function runBatch(options: BatchOptions, context: BatchContext): Promise<{ exitCode: number; rendered?: string | Uint8Array }> {
  const files = expandInputs(options.inputs);
  // Ctrl-C, SIGTERM and SIGHUP stop the batch after the input being analysed, or before the
  // outputs are put in place, with nothing written and the folder unlocked. They are caught from
  // before the folder is locked: one that came between the two would leave the lock behind.
  return interruptible(async (checkpoint) => {
    const release = options.outDir ? openOutDir(options.outDir) : undefined;
    try {
      return await analyseAndWrite(files, options, context, checkpoint);
    } finally {
      release?.();
    }
  });
}

async function analyseAndWrite(files: readonly string[], options: BatchOptions, context: BatchContext, checkpoint: () => Promise<void>): Promise<{ exitCode: number; rendered?: string | Uint8Array }> {
  const reportNames = options.outDir ? outputNames(files, options.format) : undefined;
  const planned = planOutputs(
    [
      { file: options.saveModel, flag: '--save-model' },
      { file: options.output, flag: '-o' },
      ...(reportNames ?? []).map((name) => ({ file: path.join(options.outDir!, name), flag: '--out-dir' })),
    ],
    files,
  );
  if (!options.force) for (const target of planned) if (target.flag === '--out-dir' && target.kind === 'file' && target.existing) {
    throw usageError('OUTPUT_EXISTS', `${target.name} already exists`, 'use --force to overwrite, or another --out-dir');
  }

  const wordVectors = options.vectors ? loadVectors(context) : undefined;
  const failures: RapporteurError[] = [];
  const events: LoadedEvent[] = [];
  const progress = context.progress?.(files.length);
  try {
    for (const [position, input] of files.entries()) {
      try {
        const { notes: table } = readNotes({ ...options.read, ...inputValues(options), input, text: options.text, by: options.by, event: options.event, vectors: false }, context);
        const { name } = table;
        events.push({ position, input, name, event: eventOf(table) ?? titleOf(name), table, groups: analyseTable(table, { ...analysisSettings(options), wordVectors }) });
      } catch (error) {
        if (!(error instanceof RapporteurError) || !options.keepGoing) throw error;
        failures.push(error);
        context.notice(`rapporteur: error: ${error.describe()} (skipped; going on with the other inputs)`);
      }
      progress?.tick();
      await checkpoint();
    }
  } finally {
    progress?.stop();
  }
  if (events.length === 0) throw inputError('NO_READABLE_INPUT', 'none of the inputs could be read', {}, 'see the errors above');

  // Two inputs of one event name stay apart in the cross-event table: "Geneva", "Geneva (2)".
  const eventThemes = uniqueEvents(events.map((e) => ({ event: e.event, themes: e.groups.flatMap((g) => g.analysis.themes) })));
  const across = acrossEvents(eventThemes, { seed: options.seed, wordVectors, mergeThreshold: options.merge ?? DEFAULT_MERGE_THRESHOLD });
  const toFile = options.output !== undefined || options.outDir !== undefined;
  const renderOptions = { ...options, color: options.color && !toFile, bom: options.bom ?? toFile };
  const outputs: OutputFile[] = [];
  const add = (flag: string, content: string | Uint8Array, file?: string) => {
    const target = planned.find((t) => t.flag === flag && (file === undefined || t.name === file))!;
    outputs.push({ target, content, overwrite: flag !== '--out-dir' || options.force });
  };

  if (options.saveModel) {
    const model = buildThemeModel({
      version: context.version,
      inputs: events.map((e) => e.name),
      options: { ...reportOptions(events, options), vectors: wordVectors !== undefined },
      fingerprint: modelFingerprint(wordVectors),
      groups: [{ name: 'all', analysis: across.analysis }],
    });
    add('--save-model', serialiseThemeModel(model));
  }

  const exitCode = failures.length > 0 ? 1 : 0;
  if (reportNames) {
    const reportFile = (e: LoadedEvent) => path.join(options.outDir!, reportNames[e.position]);
    for (const e of events) add('--out-dir', render(reportOf(e.table, e.name, e.groups, analysisSettings(options), context.version), options.format, renderOptions), reportFile(e));
    const links = new Map(events.map((e, i) => [eventThemes[i].event, reportNames[e.position]]));
    add('--out-dir', OUTPUT_FORMATS[options.format].renderIndex({ view: across.view, links, version: context.version, inputs: events.map((e) => e.name), bom: renderOptions.bom }), path.join(options.outDir!, reportNames[files.length]));
    await writeOutputs(outputs);
    context.notice(`rapporteur: wrote ${events.length} report${events.length === 1 ? '' : 's'} and ${reportNames[files.length]} to ${options.outDir}`);
    return { exitCode };
  }

  const report = combinedReport(events, eventThemes, across.view, options, context.version);
  const rendered = render(report, options.format, renderOptions);
  if (options.output) add('-o', rendered);
  await writeOutputs(outputs);
  return { exitCode, rendered };
}

/** Files named on the command line, folders opened to their .csv and .tsv files (sorted). */
export function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.push(input);
      continue;
    }
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(input);
    } catch {
      files.push(input); // reading it will say what is wrong, in the same words as for one input
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const inside = fs.readdirSync(input).filter((f) => NOTES_FILE.test(f)).sort();
    if (inside.length === 0) throw inputError('EMPTY_FOLDER', 'holds no .csv or .tsv file', { file: input }, 'name the files, or a folder of notes');
    files.push(...inside.map((f) => path.join(input, f)));
  }
  if (files.filter((f) => f === '-').length > 1) throw usageError('STDIN_TWICE', 'standard input (-) can be read only once');
  refuseRepeats(files);
  return files;
}

/** The same file given twice (by two names, a link, or a folder and a file in it) would count its ideas twice. */
function refuseRepeats(files: readonly string[]): void {
  const seen: { file: string; stats: fs.Stats }[] = [];
  for (const file of files) {
    const stats = file === '-' ? undefined : statOrUndefined(file);
    if (!stats) continue;
    const earlier = seen.find((s) => sameInode(s.stats, stats));
    if (earlier) {
      const how = earlier.file === file ? `${file} is given twice` : `${earlier.file} and ${file} are the same file`;
      throw usageError('INPUT_TWICE', `${how}; its ideas would be counted twice`, 'give each input once');
    }
    seen.push({ file, stats });
  }
}

/**
 * The file name of each input's report in --out-dir, then the index's (last): named after the
 * input, never two alike, and never the index's name.
 */
function outputNames(files: readonly string[], format: Format): string[] {
  const extension = EXTENSIONS[format];
  const index = `index.${extension}`;
  const bases = files.map((file) => (file === '-' ? 'stdin' : path.basename(file).replace(/\.[^.]+$/, '')));
  return [...uniqueNames(bases, (base, n) => (n === 1 ? `${base}.${extension}` : `${base}-${n}.${extension}`), [index]), index];
}

function uniqueEvents(events: readonly EventThemes[]): EventThemes[] {
  const names = uniqueNames(events.map((e) => e.event), (event, n) => (n === 1 ? event : `${event} (${n})`));
  return events.map((e, i) => (names[i] === e.event ? e : { ...e, event: names[i] }));
}

/**
 * Names made unique: the first of each keeps its own, later ones take the next `make(name, n)`
 * that no name (given or made, nor any of `reserved`) already has, so "X", "X", "X (2)" become
 * "X", "X (3)", "X (2)", never two "X (2)".
 */
export function uniqueNames(names: readonly string[], make: (name: string, n: number) => string, reserved: readonly string[] = []): string[] {
  const taken = new Set<string>(reserved);
  const firsts = new Set<string>();
  const keeps = names.map((name) => {
    const own = make(name, 1);
    const keep = !firsts.has(own) && !taken.has(own);
    firsts.add(own);
    return keep;
  });
  names.forEach((name, i) => keeps[i] && taken.add(make(name, 1)));
  return names.map((name, i) => {
    if (keeps[i]) return make(name, 1);
    let n = 2;
    while (taken.has(make(name, n))) n++;
    taken.add(make(name, n));
    return make(name, n);
  });
}

function reportOptions(events: readonly LoadedEvent[], options: BatchOptions) {
  const merge = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  const first = events[0].table.columns;
  return { k: recordK(options.k, [...new Set(events.flatMap((e) => e.groups.map((g) => g.name)))]), seed: options.seed, ...(Number.isFinite(merge) ? { merge } : {}), by: first.by ?? null, text: first.text };
}

function combinedReport(events: readonly LoadedEvent[], eventThemes: readonly EventThemes[], view: Report['events'], options: BatchOptions, version: string): Report {
  return buildReport({
    version,
    title: `${events.length} events`,
    inputs: events.map((e) => e.name),
    options: reportOptions(events, options),
    groups: events.flatMap((e, i) => e.groups.map((g) => ({ name: g.name, event: eventThemes[i].event, question: g.question, themes: g.analysis.themes }))),
    skipped: events.flatMap((e) => e.table.skipped),
    events: view,
  });
}
