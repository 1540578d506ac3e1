/** Code-point order: the same on every machine and locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What the order of a group's themes depends on. */
export interface ThemeOrderKey {
  label: string;
  size: number;
  other?: boolean;
}

/** The report's order of a group's themes: largest first, "Other ideas" always last, ties by label. `evaluate` numbers themes in it. */
export function compareThemes(a: ThemeOrderKey, b: ThemeOrderKey): number {
  if (!!a.other !== !!b.other) return a.other ? 1 : -1;
  return b.size - a.size || compareText(a.label, b.label);
}
