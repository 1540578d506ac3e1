import { CrossEventView } from '../events/crossEvent';

/**
 * The report contract (`--format json`). Every other format is rendered from this object.
 * Fields may be added; renaming or dropping one needs a new schemaVersion.
 */
export const SCHEMA_VERSION = 1;

export interface ReportIdea {
  file: string;
  row: number;
  id: string;
  text: string;
  similarity: number;
  /** The row of the idea of the same theme (and file) that this one repeats; merged into it for the reader. */
  duplicateOf?: number;
}

export interface ReportTheme {
  label: string;
  keywords: string[];
  size: number;
  representative: string;
  /** Present and true on the "Other ideas" theme only. */
  other?: boolean;
  ideas: ReportIdea[];
}

export interface ReportGroup {
  name: string;
  /** With several inputs: the event the group belongs to. */
  event?: string;
  question?: string;
  ideas: number;
  /** Ideas in "Other ideas" (fitting no theme); that list is in `themes`, last, but is no theme. */
  otherIdeas: number;
  /** Present when more than a quarter of the group's ideas fit no theme: a sentence for the reader. */
  warning?: string;
  themes: ReportTheme[];
}

export interface ReportOptions {
  k: number | 'auto';
  /** Near-duplicates were merged for the reader at this similarity (see --merge). */
  merge?: number;
  seed: number;
  /** The grouping column, or null when all ideas form one group. */
  by: string | null;
  text: string;
  /** One set of themes was found over all groups together (--shared). */
  shared?: boolean;
  /** `assign` only: the saved themes the ideas were placed into, and the least similarity used. */
  model?: string;
  threshold?: number;
}

export interface Report {
  schemaVersion: number;
  generator: { name: string; version: string };
  /** What the report is about: the event named in the notes, else the input's file name. */
  title: string;
  /** The inputs, as named on the command line. */
  inputs: string[];
  options: ReportOptions;
  /** `themes` counts real themes only; `otherIdeas` the ideas in the groups' "Other ideas". */
  totals: { ideas: number; skipped: number; groups: number; themes: number; otherIdeas: number };
  skipped: { file: string; row: number; reason: string }[];
  groups: ReportGroup[];
  /** With several inputs: the themes found over all events together, and how each event shares them. */
  events?: CrossEventView;
}
