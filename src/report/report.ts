import { CrossEventView } from '../events/crossEvent';
import { RecordedK } from '../groupK';

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
  /** `--keep`: the idea was under this theme in the rapporteur's draft. */
  kept?: boolean;
}

export interface ReportTheme {
  label: string;
  keywords: string[];
  size: number;
  representative: string;
  /** Present and true on the "Other ideas" theme only. */
  other?: boolean;
  /** `--keep`: a heading of the rapporteur's draft, with the paragraphs written under it (Markdown source). */
  kept?: boolean;
  paragraphs?: string[];
  /** `--keep`: a theme the draft did not have. */
  new?: boolean;
  ideas: ReportIdea[];
}

export interface ReportGroup {
  name: string;
  /** With several inputs: the event the group belongs to. */
  event?: string;
  question?: string;
  /** `--keep`: paragraphs the rapporteur wrote under the group heading (Markdown source). */
  paragraphs?: string[];
  ideas: number;
  /** Ideas in "Other ideas" (fitting no theme); that list is in `themes`, last, but is no theme. */
  otherIdeas: number;
  /** Present when more than a quarter of the group's ideas fit no theme: a sentence for the reader. */
  warning?: string;
  themes: ReportTheme[];
}

export interface ReportOptions {
  /** One k for every group, or one per group by name (`-k 1=7,2=5`). */
  k: RecordedK;
  /** Near-duplicates were merged for the reader at this similarity (see --merge). */
  merge?: number;
  seed: number;
  /** The grouping column, or null when all ideas form one group. */
  by: string | null;
  text: string;
  /** `--keep`: the edited report whose themes were kept. */
  keep?: string;
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
  /** `--keep`: paragraphs the rapporteur wrote under the title (Markdown source). */
  paragraphs?: string[];
  /** With several inputs: the themes found over all events together, and how each event shares them. */
  events?: CrossEventView;
}
