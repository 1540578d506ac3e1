/** Delimiters rapporteur recognises, in order of preference when counts tie. */
export const DELIMITERS = [',', ';', '\t'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Guess the delimiter from the header line: the candidate that occurs most often outside
 * quotes. Notes exported from European spreadsheets use ';', survey tools often use tabs.
 */
export function sniffDelimiter(text: string): Delimiter {
  const header = firstRecordLine(text);
  const counts = new Map<Delimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of header) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && counts.has(ch as Delimiter)) counts.set(ch as Delimiter, counts.get(ch as Delimiter)! + 1);
  }
  let best: Delimiter = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** True when `text` holds the whole of its first non-blank line, so the delimiter can be told. */
export function hasFirstRecordLine(text: string): boolean {
  return firstRecordLineSpan(text).complete;
}

/** The first non-blank line, ignoring line breaks inside quotes. */
function firstRecordLine(text: string): string {
  const { start, end } = firstRecordLineSpan(text);
  return text.slice(start, end);
}

function firstRecordLineSpan(text: string): { start: number; end: number; complete: boolean } {
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (text.slice(start, i).trim() !== '') return { start, end: i, complete: true };
      start = i + 1;
    }
  }
  return { start, end: text.length, complete: false };
}
