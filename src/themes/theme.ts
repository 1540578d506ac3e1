import { Idea } from '../ingest/idea';

export interface ThemeMember {
  idea: Idea;
  /** Cosine similarity of the idea to its theme's centre; 0 for ideas outside any theme. */
  similarity: number;
  /** The idea of the same theme this one repeats, when it was merged into it for the reader. */
  duplicateOf?: Idea;
  /** The idea was under this theme in the rapporteur's draft (`--keep`). */
  kept?: boolean;
}

export interface Theme {
  label: string;
  keywords: string[];
  /** Most central first. */
  members: ThemeMember[];
  /** True for the catch-all of ideas that fit no theme. */
  other?: boolean;
  /** A heading of the rapporteur's draft (`--keep`), and the paragraphs written under it. */
  kept?: boolean;
  paragraphs?: string[];
  /** With `--keep`: a theme the draft did not have. */
  new?: boolean;
}

export const OTHER_IDEAS_LABEL = 'Other ideas';

/**
 * Above this share of a group's ideas in "Other ideas" the draft is not one a rapporteur can
 * use as it stands: the report and stderr say so, and choosing k avoids such groupings.
 */
export const OTHER_IDEAS_WARNING_SHARE = 0.25;
