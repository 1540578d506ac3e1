/**
 * A report as the rapporteur left it, read back from Markdown, CSV or JSON: per group, the
 * themes in the order written, each with its heading, keyword line, paragraphs and bullets.
 * Everything the tool itself computes (letters, counts, figures) is left out, since it is
 * recomputed.
 */
export interface KeptDraft {
  file: string;
  /** Text the rapporteur wrote under the title, before any group or theme heading. */
  preface?: string[];
  groups: KeptGroup[];
  /**
   * Themes written before any group heading (a bare list of `###` headings): a codebook for
   * every group of the notes.
   */
  everyGroup?: KeptTheme[];
}

export interface KeptGroup {
  /** The group's heading or name as written: "Round 1: What is …?", "Round 1", or "1". */
  heading: string;
  line: number;
  /** Text the rapporteur wrote under the group heading, before its first theme. */
  paragraphs: string[];
  themes: KeptTheme[];
  /** Lines of bullets written under the group heading but under no theme heading. */
  looseBullets?: number[];
}

export interface KeptTheme {
  /** The heading as written, without the letter, the "— N ideas" count and the "(new)" mark. */
  name: string;
  line: number;
  /** The keyword line; absent when the rapporteur removed it (or never had one). */
  keywords?: string[];
  /** Paragraphs, verbatim (Markdown source). */
  paragraphs: string[];
  bullets: KeptBullet[];
  /** The "Other ideas" heading: what is under it stays there. */
  other: boolean;
}

export interface KeptBullet {
  /** The idea's text, Markdown escapes removed. */
  text: string;
  /** How many near-duplicate ideas the bullet stands for: its "(×N)", else 1. */
  copies: number;
  line: number;
}

export const DRAFT_UNREADABLE = 'DRAFT_UNREADABLE';
