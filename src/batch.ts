import * as fs from 'node:fs';
import * as path from 'node:path';
import { RapporteurError, inputError, usageError } from './errors';
import { acrossEvents } from './events/acrossEvents';
import { EventThemes } from './events/crossEvent';
import { loadVectors, readNotes } from './input';
import { buildThemeModel, serialiseThemeModel } from './model/themeModel';
import { buildReport } from './report/buildReport';
import { EXTENSIONS } from './report/formatFromName';
import { Format, render, wordRenderer } from './report/render';
import { renderHtmlIndex } from './report/renderHtml';
import { markdownEventsSection, textEventsSection } from './report/renderEvents';
import { UTF8_BOM } from './report/renderCsv';
import { renderJson } from './report/renderJson';
import { csvField, csvText } from './report/safeText';
import { Report } from './report/report';
import { AnalysedTableGroup, analyseTable, eventOf, reportOf, RunContext, RunOptions, titleOf, writeAtomically } from './run';
import { Chalk } from 'chalk';
import { DEFAULT_MERGE_THRESHOLD } from './analyse';
import { NotesTable } from './ingest/idea';

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
export function runBatch(options: BatchOptions, context: BatchContext): { exitCode: number; rendered?: string | Uint8Array } {
  const files = expandInputs(options.inputs);
  const targets = options.outDir ? planOutputs(files, options.outDir, options.format, options.force) : undefined;
  if (options.output) checkNotAnInput(options.output, files, '-o');
  if (options.saveModel) checkNotAnInput(options.saveModel, files, '--save-model');

  const wordVectors = options.vectors ? loadVectors(context) : undefined;
  const failures: RapporteurError[] = [];
  const events: LoadedEvent[] = [];
  const progress = context.progress?.(files.length);
  try {
    for (const [position, input] of files.entries()) {
      try {
        const { name, table } = readNotes({ ...options.read, input, text: options.text, by: options.by, event: options.event, vectors: false }, context);
        events.push({ position, input, name, event: eventOf(table) ?? titleOf(name), table, groups: analyseTable(table, { ...options, wordVectors }) });
      } catch (error) {
        if (!(error instanceof RapporteurError) || !options.keepGoing) throw error;
        failures.push(error);
        context.notice(`rapporteur: error: ${error.describe()} (skipped; going on with the other inputs)`);
      }
      progress?.tick();
    }
  } finally {
    progress?.stop();
  }
  if (events.length === 0) throw inputError('NO_READABLE_INPUT', 'none of the inputs could be read', {}, 'see the errors above');

  // Two inputs of one event name stay apart in the cross-event table: "Geneva", "Geneva (2)".
  const eventThemes = uniqueEvents(events.map((e) => ({ event: e.event, themes: e.groups.flatMap((g) => g.analysis.themes) })));
  const across = acrossEvents(eventThemes, { seed: options.seed, wordVectors, mergeThreshold: options.merge ?? DEFAULT_MERGE_THRESHOLD });
  const toFile = options.output !== undefined || options.outDir !== undefined;
  const renderOptions = { color: options.color && !toFile, top: options.top, keywords: options.keywords, bom: options.bom ?? toFile };

  if (options.saveModel) {
    const model = buildThemeModel({
      version: context.version,
      inputs: events.map((e) => e.name),
      options: { ...reportOptions(events, options), vectors: wordVectors !== undefined },
      groups: [{ name: 'all', analysis: across.analysis }],
    });
    writeAtomically(options.saveModel, serialiseThemeModel(model));
  }

  const exitCode = failures.length > 0 ? 1 : 0;
  if (targets) {
    for (const e of events) writeAtomically(targets.reports[e.position], render(reportOf(e.table, e.name, e.groups, options, context.version), options.format, renderOptions));
    const links = Object.fromEntries(events.map((e, i) => [eventThemes[i].event, path.basename(targets.reports[e.position])]));
    writeAtomically(targets.index, renderIndex(across.view, options.format, links, context.version, events.map((e) => e.name), renderOptions.bom));
    context.notice(`rapporteur: wrote ${events.length} report${events.length === 1 ? '' : 's'} and ${path.basename(targets.index)} to ${options.outDir}`);
    return { exitCode };
  }

  const report = combinedReport(events, eventThemes, across.view, options, context.version);
  const rendered = render(report, options.format, renderOptions);
  if (options.output) writeAtomically(options.output, rendered);
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
  return files;
}

/** One report per input named after it (never two alike), and the index; nothing overwritten unless --force. */
function planOutputs(files: readonly string[], outDir: string, format: Format, force: boolean): { reports: string[]; index: string } {
  fs.mkdirSync(outDir, { recursive: true });
  const extension = EXTENSIONS[format];
  const index = path.join(outDir, `index.${extension}`);
  const used = new Set([path.basename(index)]);
  const reports = files.map((file) => {
    const base = file === '-' ? 'stdin' : path.basename(file).replace(/\.[^.]+$/, '');
    let name = `${base}.${extension}`;
    for (let n = 2; used.has(name); n++) name = `${base}-${n}.${extension}`;
    used.add(name);
    return path.join(outDir, name);
  });
  for (const target of [...reports, index]) {
    if (files.some((f) => f !== '-' && path.resolve(f) === path.resolve(target))) {
      throw usageError('OUTPUT_IS_INPUT', `--out-dir would overwrite the input ${target}`, 'choose another folder');
    }
    if (!force && fs.existsSync(target)) throw usageError('OUTPUT_EXISTS', `${target} already exists`, 'use --force to overwrite, or another --out-dir');
  }
  return { reports, index };
}

function checkNotAnInput(output: string, files: readonly string[], flag: string): void {
  if (files.some((f) => f !== '-' && path.resolve(f) === path.resolve(output))) {
    throw usageError('OUTPUT_IS_INPUT', `${flag} ${output} would overwrite an input`, 'choose another output file');
  }
  if (!fs.existsSync(path.dirname(path.resolve(output)))) throw usageError('OUTPUT_FOLDER_MISSING', `the folder of ${flag} ${output} does not exist`, 'create it first');
}

function uniqueEvents(events: readonly EventThemes[]): EventThemes[] {
  const seen = new Map<string, number>();
  return events.map((e) => {
    const n = (seen.get(e.event) ?? 0) + 1;
    seen.set(e.event, n);
    return n === 1 ? e : { ...e, event: `${e.event} (${n})` };
  });
}

function reportOptions(events: readonly LoadedEvent[], options: BatchOptions) {
  const merge = options.merge ?? DEFAULT_MERGE_THRESHOLD;
  const first = events[0].table.columns;
  return { k: options.k ?? ('auto' as const), seed: options.seed, ...(Number.isFinite(merge) ? { merge } : {}), by: first.by ?? null, text: first.text };
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

function renderIndex(view: NonNullable<Report['events']>, format: Format, links: Record<string, string>, version: string, inputs: string[], bom: boolean): string | Uint8Array {
  switch (format) {
    case 'markdown':
      return `${markdownEventsSection(view, links, '#').join('\n').replace(/\n+$/, '')}\n`;
    case 'text':
      return `${textEventsSection(view, new Chalk({ level: 0 })).join('\n')}\n`;
    case 'json':
      return renderJson({ schemaVersion: 1, generator: { name: 'rapporteur', version }, inputs, events: view });
    case 'csv': {
      const lines = [['theme', 'shared', ...view.events, 'total'].map(csvText).join(',')];
      for (const t of view.themes) lines.push([csvText(t.label), t.shared ? 'yes' : 'no', ...view.events.map((e) => csvField(t.counts[e] ?? 0)), csvField(t.size)].join(','));
      return `${bom ? UTF8_BOM : ''}${lines.join('\r\n')}\r\n`;
    }
    case 'docx':
      return wordRenderer().renderDocxIndex(view, links);
    case 'html':
      return renderHtmlIndex(view, links, version);
  }
}
