import { groupTitle } from './groupTitle';
import { Report } from './report';

export interface SharedThemeRow {
  label: string;
  /** Ideas per group, in the order of report.groups. */
  counts: number[];
  total: number;
  other?: true;
}

/** With --shared: each theme's ideas per group, largest theme first, "Other ideas" last. */
export function sharedThemeRows(report: Report): SharedThemeRow[] {
  const rows = new Map<string, SharedThemeRow>();
  report.groups.forEach((group, g) => {
    for (const theme of group.themes) {
      const key = `${theme.other ? 1 : 0}\u0000${theme.label}`;
      const row = rows.get(key) ?? { label: theme.label, counts: report.groups.map(() => 0), total: 0, ...(theme.other ? { other: true as const } : {}) };
      row.counts[g] += theme.size;
      row.total += theme.size;
      rows.set(key, row);
    }
  });
  return [...rows.values()].sort((a, b) => Number(!!a.other) - Number(!!b.other) || b.total - a.total || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The column headings: each group's title. */
export const sharedColumns = (report: Report): string[] => report.groups.map((g) => groupTitle(report, g));
