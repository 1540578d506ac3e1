import { ReportTheme } from './report';

/** One bullet as a reader sees it: an idea, with how many times it was said. */
export interface DisplayEntry {
  text: string;
  /** 1 + the ideas merged into this one as near-duplicates. */
  copies: number;
}

export interface ThemeDisplay {
  shown: DisplayEntry[];
  /** Ideas (copies included) left out by --top. */
  moreIdeas: number;
}

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
  const shown = top === undefined ? entries : entries.slice(0, top);
  const moreIdeas = entries.slice(shown.length).reduce((s, e) => s + e.copies, 0);
  return { shown, moreIdeas };
}

/** Line breaks inside a note would break a bullet; a report wants each note on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
