import { oneLine } from './safeText';
import { ReportTheme } from './report';

/** One bullet as a reader sees it: an idea, with how many times it was said. */
export interface DisplayEntry {
  text: string;
  /** 1 + the ideas merged into this one as near-duplicates. */
  copies: number;
}

export interface ThemeDisplay {
  shown: DisplayEntry[];
  /** Ideas (copies included) left out by --top or by the default for very large themes. */
  moreIdeas: number;
  /** True when ideas were left out without --top, because the theme is very large. */
  shortened: boolean;
}

/**
 * Without --top, a theme of more than LONG_THEME bullets shows its SHORTENED_THEME most
 * central ones: a consultation's theme of 200,000 answers is read from its typical answers,
 * and a million bullets would make the report unreadable. The JSON and CSV keep every idea.
 */
export const LONG_THEME = 1000;
export const SHORTENED_THEME = 100;

/** The theme's bullets, most central first, near-duplicates folded into the idea they repeat. */
export function themeDisplay(theme: ReportTheme, top?: number): ThemeDisplay {
  const copies = new Map<string, number>();
  const key = (file: string, row: number) => `${file}\u0000${row}`;
  for (const idea of theme.ideas) {
    if (idea.duplicateOf !== undefined) copies.set(key(idea.file, idea.duplicateOf), (copies.get(key(idea.file, idea.duplicateOf)) ?? 0) + 1);
  }
  const entries = theme.ideas
    .filter((idea) => idea.duplicateOf === undefined)
    .map((idea) => ({ text: oneLine(idea.text), copies: 1 + (copies.get(key(idea.file, idea.row)) ?? 0) }));
  const shortened = top === undefined && entries.length > LONG_THEME;
  const shown = top !== undefined ? entries.slice(0, top) : shortened ? entries.slice(0, SHORTENED_THEME) : entries;
  let moreIdeas = 0;
  for (let i = shown.length; i < entries.length; i++) moreIdeas += entries[i].copies;
  return { shown, moreIdeas, shortened };
}

/** The line closing a shortened list of bullets. */
export function moreIdeasLine(display: ThemeDisplay): string {
  const note = display.shortened ? ` (the ${SHORTENED_THEME} most central shown; --top sets how many, the JSON and CSV list them all)` : '';
  return `… and ${display.moreIdeas} more${note}`;
}
