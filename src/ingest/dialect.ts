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

/** The first non-blank line, ignoring line breaks inside quotes. */
function firstRecordLine(text: string): string {
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (text.slice(start, i).trim() !== '') return text.slice(start, i);
      start = i + 1;
    }
  }
  return text.slice(start);
}

/** Remove a UTF-8 byte-order mark, which spreadsheets add and which would stick to the first header. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
