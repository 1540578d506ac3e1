/**
 * The edits a rapporteur makes to turn a draft grouping into theirs, counted as the project
 * defines them: each theme stands for its commonest human theme; every idea not of that human
 * theme, and every idea left in "Other ideas", is one move; two themes standing for the same
 * human theme are one merge; a human theme that no theme stands for is one new theme.
 */
export interface EditCount {
  moves: number;
  merges: number;
  newThemes: number;
  /** moves + merges + newThemes */
  edits: number;
  /** Ideas counted (those with a human theme). */
  ideas: number;
}

/** The "Other ideas" label in `predicted`: any negative number. */
export const OTHER = -1;

/**
 * `truth[i]` is idea i's human theme, `predicted[i]` its theme (negative: "Other ideas").
 * When a theme's commonest human theme is tied, the tie goes to a human theme that no larger
 * theme already stands for (a rapporteur would keep both themes rather than merge one and
 * create another), then to the larger human theme, then by name, so the count is deterministic.
 */
export function countEdits(truth: readonly string[], predicted: readonly number[]): EditCount {
  if (truth.length !== predicted.length) throw new Error('countEdits: truth and predicted differ in length');
  const byTheme = new Map<number, Map<string, number>>();
  const humanSize = new Map<string, number>();
  let moves = 0;
  truth.forEach((t, i) => {
    humanSize.set(t, (humanSize.get(t) ?? 0) + 1);
    const p = predicted[i];
    if (p < 0) {
      moves++;
      return;
    }
    const counts = byTheme.get(p) ?? new Map<string, number>();
    counts.set(t, (counts.get(t) ?? 0) + 1);
    byTheme.set(p, counts);
  });

  const size = (counts: Map<string, number>) => [...counts.values()].reduce((s, c) => s + c, 0);
  const themes = [...byTheme.entries()].sort((a, b) => size(b[1]) - size(a[1]) || a[0] - b[0]);
  const standsFor = new Map<string, number>();
  for (const [, counts] of themes) {
    const top = Math.max(...counts.values());
    const tied = [...counts.entries()].filter(([, c]) => c === top).map(([h]) => h);
    tied.sort(
      (a, b) =>
        Number(standsFor.has(a)) - Number(standsFor.has(b)) || humanSize.get(b)! - humanSize.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
    );
    const human = tied[0];
    standsFor.set(human, (standsFor.get(human) ?? 0) + 1);
    moves += size(counts) - top;
  }
  let merges = 0;
  for (const themesOfHuman of standsFor.values()) merges += themesOfHuman - 1;
  const newThemes = [...humanSize.keys()].filter((h) => !standsFor.has(h)).length;
  return { moves, merges, newThemes, edits: moves + merges + newThemes, ideas: truth.length };
}

/** Edits per 100 ideas, so sets of different sizes compare. */
export const editsPer100 = (count: Pick<EditCount, 'edits' | 'ideas'>): number => (count.ideas > 0 ? (100 * count.edits) / count.ideas : 0);

/** The counts of several groups added up. */
export function sumEdits(counts: readonly EditCount[]): EditCount {
  const add = (key: keyof EditCount) => counts.reduce((s, c) => s + c[key], 0);
  return { moves: add('moves'), merges: add('merges'), newThemes: add('newThemes'), edits: add('edits'), ideas: add('ideas') };
}
