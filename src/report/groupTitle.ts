import { Report, ReportGroup } from './report';

/** "Round 1" for a group of the round column, "All ideas" when nothing splits them. */
export function groupTitle(report: Report, group: ReportGroup): string {
  const own = ownTitle(report, group);
  return group.event === undefined ? own : own === 'All ideas' ? group.event : `${group.event} — ${own}`;
}

function ownTitle(report: Report, group: ReportGroup): string {
  return groupTitleFor(report.options.by, group.name);
}

/** The title of a group of the `by` column: "Round 1"; the question itself for a question column. */
export function groupTitleFor(by: string | null, name: string): string {
  if (by === null) return 'All ideas';
  const column = by.charAt(0).toUpperCase() + by.slice(1);
  return column.toLowerCase() === 'question' ? name : `${column} ${name}`;
}

/** The heading of the groups' column in a table: "Round", or "Group" when nothing splits the ideas. */
export function groupColumnTitle(report: Report): string {
  const by = report.options.by;
  return by === null ? 'Group' : by.charAt(0).toUpperCase() + by.slice(1);
}

/** a, b, … z, aa, ab, …: the enumeration rapporteurs use for themes under a question. */
export function themeLetter(index: number): string {
  let n = index;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return letters;
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
