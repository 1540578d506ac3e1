/**
 * Saved themes (`--save-model FILE`): everything needed to place new ideas into the themes of
 * an earlier analysis, as plain, human-readable JSON. Per group it keeps the representation the
 * ideas were clustered in (for the default: TF-IDF vocabulary and idf, blend weight, SIF common
 * component; for another, the plain data its `fit` returned; `fingerprint` names which) and
 * each theme's label, keywords, size, representative idea and centre; `assignIdeas` in
 * assign.ts does the rest. Nothing in the file is code, and the same model gives the same bytes.
 *
 * Fields may be added within a schema version (readers ignore unknown fields); renaming,
 * dropping or changing the meaning of one needs a new schemaVersion.
 */
import { RecordedK } from '../groupK';
import { GroupAnalysis } from '../analyseGroup';
import { inputError, RapporteurError } from '../errors';
import { RepresentationModel, representationDimensions } from '../vectors/represent';
import { DEFAULT_REPRESENTATION_ID } from '../vectors/representation';
import { ModelFingerprint } from './fingerprint';
import { recordOptions } from '../options';
import { compareThemes } from '../report/themeOrder';
import { norm } from '../vectors/dense';

export const MODEL_SCHEMA_VERSION = 1;
/** The value of the file's `format` field, which tells a saved model from a report or any other JSON. */
export const MODEL_FORMAT = 'rapporteur-themes';
/** Significant digits kept of each centre component: cosines move by about 1e-6, the file stays small. */
export const CENTRE_DIGITS = 6;

export const MODEL_NOT_JSON = 'MODEL_NOT_JSON';
export const MODEL_NOT_A_MODEL = 'MODEL_NOT_A_MODEL';
export const MODEL_TOO_NEW = 'MODEL_TOO_NEW';
export const MODEL_INVALID = 'MODEL_INVALID';

export interface ModelTheme {
  label: string;
  keywords: string[];
  /** Ideas in the theme when the model was made. */
  size: number;
  /** The idea closest to the centre. */
  representative: string;
  /** The normalised mean of the members' vectors, in the group's representation, rounded to CENTRE_DIGITS digits. */
  centre: number[];
}

export interface ModelGroup {
  /** The value of the grouping column (`all` when there is none). */
  name: string;
  question?: string;
  /** Ideas of the group when the model was made, "Other ideas" included. */
  ideas: number;
  /**
   * The space the ideas were clustered in: the state the representation's `fit` returned
   * (for the default, a `RepresentationModel`: TF-IDF vocabulary and idf, blend weight, SIF
   * common component); null when none of them had a content word (and so no theme).
   */
  representation: unknown;
  /** Largest first, ties by label; "Other ideas" is not kept. */
  themes: ModelTheme[];
}

/** The analysis options the model was made with, so that new ideas can be read and shown the same way. */
export interface ThemeModelOptions {
  /** The column of ideas. */
  text: string;
  /** The grouping column, or null when all ideas formed one group. */
  by: string | null;
  /** One k for every group, or one per group by name. */
  k: RecordedK;
  seed: number;
  /** Near-duplicates were merged for the reader at this similarity; absent when they were not merged. */
  merge?: number;
  /** Whether word meaning was used; a model made with it needs the word vectors to place ideas. */
  vectors: boolean;
}

export interface ThemeModel {
  format: typeof MODEL_FORMAT;
  schemaVersion: typeof MODEL_SCHEMA_VERSION;
  generator: { name: string; version: string };
  createdFrom: {
    /** The inputs, as named on the command line. */
    inputs: string[];
    ideas: number;
  };
  options: ThemeModelOptions;
  /**
   * The representation and word vectors the themes were found with; `assign` refuses others.
   * Absent in models saved before it was recorded: those are checked by the vectors' dimensions only.
   */
  fingerprint?: ModelFingerprint;
  groups: ModelGroup[];
}

export interface ThemeModelInput {
  /** rapporteur's version. */
  version: string;
  inputs: string[];
  options: ThemeModelOptions;
  /** What the vectors were made with (`modelFingerprint(wordVectors)`). */
  fingerprint?: ModelFingerprint;
  /** Each group's analysis (`analyseGroupWithModel`), in report order. */
  groups: { name: string; question?: string; analysis: GroupAnalysis }[];
}

/** The model of an analysis: what `--save-model` writes. */
export function buildThemeModel(input: ThemeModelInput): ThemeModel {
  const groups = input.groups.map(({ name, question, analysis }): ModelGroup => {
    const themes: ModelTheme[] = [];
    analysis.themes.forEach((theme, t) => {
      const centre = analysis.centres[t];
      if (theme.other || centre === null || theme.members.length === 0) return;
      themes.push({
        label: theme.label,
        keywords: [...theme.keywords],
        size: theme.members.length,
        representative: theme.members[0].idea.text,
        centre: centre.map(roundCentre),
      });
    });
    themes.sort((a, b) => compareThemes(a, b));
    return {
      name,
      ...(question !== undefined ? { question } : {}),
      ideas: analysis.themes.reduce((s, theme) => s + theme.members.length, 0),
      representation: analysis.representation,
      themes: analysis.representation === null ? [] : themes,
    };
  });
  return canonical({
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    generator: { name: 'rapporteur', version: input.version },
    createdFrom: { inputs: [...input.inputs], ideas: groups.reduce((s, g) => s + g.ideas, 0) },
    options: input.options,
    ...(input.fingerprint ? { fingerprint: input.fingerprint } : {}),
    groups,
  });
}

/** x to CENTRE_DIGITS significant digits; never −0. */
export function roundCentre(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(CENTRE_DIGITS)) + 0;
}

/**
 * The model as JSON text: fixed key order whatever order the object was built in, two-space
 * indentation, each list of numbers or words on one line, a final newline. The same model
 * always gives the same bytes; numbers are written as JavaScript writes them, which reads
 * back as exactly the same number.
 */
export function serialiseThemeModel(model: ThemeModel): string {
  return `${write(canonical(model), '')}\n`;
}

function write(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = `${indent}  `;
    return `[\n${value.map((v) => inner + write(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return '{}';
    const inner = `${indent}  `;
    return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${write(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/**
 * A copy with every object's keys in the documented order and only the documented fields. The
 * state of another representation than the default is copied as it is, checked to be plain data.
 */
function canonical(model: ThemeModel): ThemeModel {
  const { options } = model;
  const representationId = representationOf(model);
  const state = (value: unknown, where: string) =>
    representationId === DEFAULT_REPRESENTATION_ID ? canonicalRepresentation(value as RepresentationModel) : plainData(value, where, representationId);
  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    generator: { name: model.generator.name, version: model.generator.version },
    createdFrom: { inputs: [...model.createdFrom.inputs], ideas: model.createdFrom.ideas },
    options: recordOptions('model', { text: options.text, by: options.by, k: options.k, seed: options.seed, merge: options.merge, vectors: options.vectors }) as ThemeModelOptions,
    ...(model.fingerprint ? { fingerprint: { representation: model.fingerprint.representation, wordVectors: model.fingerprint.wordVectors } } : {}),
    groups: model.groups.map((g, i) => ({
      name: g.name,
      ...(g.question !== undefined ? { question: g.question } : {}),
      ideas: g.ideas,
      representation: g.representation === null ? null : state(g.representation, `groups[${i}].representation`),
      themes: g.themes.map((t) => ({
        label: t.label,
        keywords: [...t.keywords],
        size: t.size,
        representative: t.representative,
        centre: [...t.centre],
      })),
    })),
  };
}

/** The id of the representation a model was made in; models saved before it was recorded were made in the default. */
export function representationOf(model: Pick<ThemeModel, 'fingerprint'>): string {
  return model.fingerprint?.representation ?? DEFAULT_REPRESENTATION_ID;
}

/**
 * A deep copy of a representation's state, which must be what JSON holds: finite numbers,
 * strings, booleans, null, lists and plain objects. Anything else (a typed array, NaN, a
 * function, undefined) would not read back as it was written, and is a fault of the representation.
 */
function plainData(value: unknown, where: string, id: string): unknown {
  const fault = (what: string): never => {
    throw new Error(`the representation ${id} returned a state that is not plain data: ${where} is ${what}`);
  };
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : fault(String(value));
  if (Array.isArray(value)) return value.map((v, i) => plainData(v, `${where}[${i}]`, id));
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainData(v, `${where}.${k}`, id)]));
  }
  return fault(typeof value === 'object' ? `a ${(value as object).constructor?.name ?? 'object'}` : typeof value);
}

function canonicalRepresentation(r: RepresentationModel): RepresentationModel {
  return {
    tfidf: { vocabulary: [...r.tfidf.vocabulary], idf: [...r.tfidf.idf] },
    textWeight: r.textWeight,
    meaning: r.meaning === null ? null : { dimensions: r.meaning.dimensions, commonComponent: [...r.meaning.commonComponent] },
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

const DAMAGED_HINT = 'the file is damaged or was edited by hand; save the themes again with --save-model';

/**
 * Read a saved model, checking everything `assignIdeas` relies on. Throws a RapporteurError
 * naming the file (and the field) for text that is not JSON, JSON that is not a model, a model
 * from a newer schema, and missing, mistyped or inconsistent fields. Unknown fields are ignored.
 */
export function parseThemeModel(text: string, fileName: string): ThemeModel {
  const data = parseJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, fileName);
  const check = new Checker(fileName);
  const root = (data !== null && typeof data === 'object' && !Array.isArray(data) ? data : {}) as Record<string, unknown>;

  if (root.format !== MODEL_FORMAT) {
    const looksLikeReport = 'totals' in root && 'groups' in root;
    throw inputError(
      MODEL_NOT_A_MODEL,
      looksLikeReport ? 'is a rapporteur report, not saved themes' : `is not a rapporteur themes file (it has no "format": "${MODEL_FORMAT}")`,
      { file: fileName },
      'save the themes with --save-model FILE and give that file',
    );
  }
  const version = root.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) check.fail('schemaVersion', 'must be a whole number from 1');
  if ((version as number) > MODEL_SCHEMA_VERSION) {
    const generator = root.generator as { name?: unknown; version?: unknown } | undefined;
    const by = generator && typeof generator.version === 'string' ? ` ${generator.version}` : '';
    throw inputError(
      MODEL_TOO_NEW,
      `was made by a newer rapporteur${by} (themes file schema ${version}; this version reads schema ${MODEL_SCHEMA_VERSION})`,
      { file: fileName },
      'upgrade rapporteur',
    );
  }

  const generator = check.object(root.generator, 'generator');
  const createdFrom = check.object(root.createdFrom, 'createdFrom');
  const options = check.object(root.options, 'options');
  const fingerprint = root.fingerprint === undefined ? undefined : readFingerprint(check, root.fingerprint);
  const k = options.k;
  const isK = (v: unknown) => v === 'auto' || (typeof v === 'number' && Number.isInteger(v) && v >= 1);
  const perGroup = typeof k === 'object' && k !== null && !Array.isArray(k) && Object.values(k).every(isK);
  if (!isK(k) && !perGroup) check.fail('options.k', 'must be "auto", a whole number from 1, or one of these per group');
  const by = options.by;
  if (by !== null && typeof by !== 'string') check.fail('options.by', 'must be a column name or null');

  const isDefault = (fingerprint?.representation ?? DEFAULT_REPRESENTATION_ID) === DEFAULT_REPRESENTATION_ID;
  const seen = new Set<string>();
  const groups = check.array(root.groups, 'groups').map((value, g): ModelGroup => {
    const where = `groups[${g}]`;
    const group = check.object(value, where);
    const name = check.string(group.name, `${where}.name`);
    if (seen.has(name)) check.fail(`${where}.name`, `repeats the group "${name}"`);
    seen.add(name);
    const question = group.question === undefined ? undefined : check.string(group.question, `${where}.question`);
    // Another representation's state is its own to read: the file only has to hold one.
    if (!isDefault && group.representation === undefined) check.fail(`${where}.representation`, 'is missing (expected the state of the representation fitted on the group, or null)');
    const representation = group.representation === null ? null : isDefault ? readRepresentation(check, group.representation, `${where}.representation`) : group.representation;
    const themeList = check.array(group.themes, `${where}.themes`);
    const firstCentre = (themeList[0] as { centre?: unknown } | undefined)?.centre;
    const dimensions = representation === null ? 0 : isDefault ? representationDimensions(representation as RepresentationModel) : Array.isArray(firstCentre) ? firstCentre.length : 0;
    const themes = themeList.map((t, i): ModelTheme => {
      const at = `${where}.themes[${i}]`;
      const theme = check.object(t, at);
      const centre = check.numbers(theme.centre, `${at}.centre`);
      if (representation === null) check.fail(at, 'is a theme of a group without a representation');
      if (centre.length !== dimensions) {
        check.fail(`${at}.centre`, isDefault ? `has ${centre.length} numbers but the group's representation has ${dimensions} dimensions` : `has ${centre.length} numbers but the group's first centre has ${dimensions}`);
      }
      if (!centre.some((x) => x !== 0)) check.fail(`${at}.centre`, 'is all zeros');
      // Centres are saved normalised (to CENTRE_DIGITS digits): any other length was edited.
      if (Math.abs(norm(centre) - 1) > NORM_TOLERANCE) check.fail(`${at}.centre`, `must have length 1 (it is saved normalised), not ${norm(centre).toPrecision(4)}`);
      return {
        label: check.string(theme.label, `${at}.label`),
        keywords: check.strings(theme.keywords, `${at}.keywords`),
        size: check.count(theme.size, `${at}.size`),
        representative: check.string(theme.representative, `${at}.representative`),
        centre,
      };
    });
    return { name, ...(question !== undefined ? { question } : {}), ideas: check.count(group.ideas, `${where}.ideas`), representation, themes };
  });

  return {
    format: MODEL_FORMAT,
    schemaVersion: MODEL_SCHEMA_VERSION,
    generator: { name: check.string(generator.name, 'generator.name'), version: check.string(generator.version, 'generator.version') },
    createdFrom: { inputs: check.strings(createdFrom.inputs, 'createdFrom.inputs'), ideas: check.count(createdFrom.ideas, 'createdFrom.ideas') },
    options: {
      text: check.string(options.text, 'options.text'),
      by: by as string | null,
      k: k as RecordedK,
      seed: check.number(options.seed, 'options.seed'),
      ...(options.merge !== undefined ? { merge: check.number(options.merge, 'options.merge') } : {}),
      vectors: check.boolean(options.vectors, 'options.vectors'),
    },
    ...(fingerprint ? { fingerprint } : {}),
    groups,
  };
}

function readFingerprint(check: Checker, value: unknown): ModelFingerprint {
  const f = check.object(value, 'fingerprint');
  return {
    representation: check.string(f.representation, 'fingerprint.representation'),
    wordVectors: f.wordVectors === null ? null : check.string(f.wordVectors, 'fingerprint.wordVectors'),
  };
}

function readRepresentation(check: Checker, value: unknown, where: string): RepresentationModel {
  const r = check.object(value, where);
  const tfidf = check.object(r.tfidf, `${where}.tfidf`);
  const vocabulary = check.strings(tfidf.vocabulary, `${where}.tfidf.vocabulary`);
  if (new Set(vocabulary).size !== vocabulary.length) check.fail(`${where}.tfidf.vocabulary`, 'repeats a word');
  const idf = check.numbers(tfidf.idf, `${where}.tfidf.idf`);
  if (idf.length !== vocabulary.length) check.fail(`${where}.tfidf.idf`, `has ${idf.length} numbers for ${vocabulary.length} vocabulary words`);
  const badIdf = idf.findIndex((x) => !(x > 0));
  if (badIdf >= 0) check.fail(`${where}.tfidf.idf[${badIdf}]`, `must be a positive weight, not ${idf[badIdf]}`);
  const textWeight = check.number(r.textWeight, `${where}.textWeight`);
  if (textWeight < 0 || textWeight > 1) check.fail(`${where}.textWeight`, 'must be between 0 and 1');
  let meaning: RepresentationModel['meaning'] = null;
  if (r.meaning !== null) {
    const m = check.object(r.meaning, `${where}.meaning`);
    const dimensions = check.count(m.dimensions, `${where}.meaning.dimensions`);
    const commonComponent = check.numbers(m.commonComponent, `${where}.meaning.commonComponent`);
    if (dimensions < 1) check.fail(`${where}.meaning.dimensions`, 'must be at least 1');
    if (commonComponent.length !== dimensions) check.fail(`${where}.meaning.commonComponent`, `has ${commonComponent.length} numbers for ${dimensions} dimensions`);
    if (norm(commonComponent) > 1 + NORM_TOLERANCE) check.fail(`${where}.meaning.commonComponent`, `must have length 1 or 0, not ${norm(commonComponent).toPrecision(4)}`);
    meaning = { dimensions, commonComponent };
  }
  if ((meaning === null) !== (textWeight === 1)) {
    check.fail(`${where}.meaning`, meaning === null ? `is needed with a textWeight below 1 (${textWeight})` : 'must be null with a textWeight of 1');
  }
  return { tfidf: { vocabulary, idf }, textWeight, meaning };
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /at position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : undefined;
    // V8 reports a file cut short either as the end of the input or as an error at its very end.
    const truncated = /end of (JSON )?input/i.test(message) || (at !== undefined && at >= text.trimEnd().length);
    const line = at !== undefined && !truncated ? text.slice(0, at).split('\n').length : undefined;
    throw inputError(
      MODEL_NOT_JSON,
      truncated ? 'is not a complete themes file: the JSON ends too early' : `is not a themes file: it is not valid JSON (${message})`,
      line !== undefined ? { file, line } : { file },
      truncated ? 'it was cut short; save the themes again with --save-model' : DAMAGED_HINT,
    );
  }
}

/** Field checks that name the field: "groups[0].themes[2].centre is missing". */
class Checker {
  constructor(private readonly file: string) {}

  fail(where: string, problem: string): never {
    throw new RapporteurError(MODEL_INVALID, 'input', `${where || 'the file'} ${problem}`, { file: this.file }, DAMAGED_HINT);
  }

  private expect(value: unknown, where: string, what: string): never {
    this.fail(where, value === undefined ? `is missing (expected ${what})` : `must be ${what}, not ${describe(value)}`);
  }

  object(value: unknown, where: string): Record<string, unknown> {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) this.expect(value, where, 'an object');
    return value as Record<string, unknown>;
  }

  array(value: unknown, where: string): unknown[] {
    if (!Array.isArray(value)) this.expect(value, where, 'a list');
    return value as unknown[];
  }

  string(value: unknown, where: string): string {
    if (typeof value !== 'string') this.expect(value, where, 'a string');
    return value as string;
  }

  number(value: unknown, where: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.expect(value, where, 'a number');
    return value as number;
  }

  count(value: unknown, where: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) this.expect(value, where, 'a whole number');
    return value as number;
  }

  boolean(value: unknown, where: string): boolean {
    if (typeof value !== 'boolean') this.expect(value, where, 'true or false');
    return value as boolean;
  }

  strings(value: unknown, where: string): string[] {
    const list = this.array(value, where);
    list.forEach((v, i) => this.string(v, `${where}[${i}]`));
    return list as string[];
  }

  numbers(value: unknown, where: string): number[] {
    const list = this.array(value, where);
    for (let i = 0; i < list.length; i++) if (typeof list[i] !== 'number' || !Number.isFinite(list[i])) this.number(list[i], `${where}[${i}]`);
    return list as number[];
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** How far from 1 the length of a saved unit vector may be after rounding to CENTRE_DIGITS digits. */
const NORM_TOLERANCE = 1e-3;
