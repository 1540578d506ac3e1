import { quoteForMessage, usageError } from './errors';

/**
 * The number of themes asked for with `-k`: one for every group (`-k 7`, `-k auto`), or per
 * group by name (`-k 1=7,2=7,3=5`), with an optional bare value for the groups not named
 * (`-k 6,3=4`). Groups that are not named, and `auto`, choose k from the data.
 */
export type KChoice = number | 'auto';

export interface GroupK {
  /** For every group not named in `byGroup`. */
  rest: KChoice;
  byGroup: ReadonlyMap<string, KChoice>;
}

/** What the report and the evaluation record: one k for all, or one per group (by name). */
export type RecordedK = KChoice | Record<string, KChoice>;

/** Read the value of `-k`; undefined when it is not one. The message says what is wrong. */
export function parseGroupK(value: string): GroupK | string {
  const byGroup = new Map<string, KChoice>();
  let rest: KChoice | undefined;
  for (const part of value.split(',').map((p) => p.trim())) {
    const equals = part.lastIndexOf('=');
    const name = equals >= 0 ? part.slice(0, equals).trim() : undefined;
    const k = parseChoice(equals >= 0 ? part.slice(equals + 1).trim() : part);
    if (k === undefined) return `"${part}" is not a number of themes: give a whole number of at least 1 or "auto", for all groups (-k 7) or per group (-k 1=7,2=5)`;
    if (name === undefined) {
      if (rest !== undefined) return 'give one value for the groups not named, e.g. -k 6,3=4';
      rest = k;
    } else {
      if (name === '') return `"${part}" names no group: write GROUP=N, e.g. -k 1=7,2=5`;
      if (byGroup.has(name)) return `group "${name}" is given twice`;
      byGroup.set(name, k);
    }
  }
  return { rest: rest ?? 'auto', byGroup };
}

function parseChoice(value: string): KChoice | undefined {
  if (value === 'auto') return 'auto';
  return /^\d+$/.test(value) && Number(value) >= 1 && Number.isSafeInteger(Number(value)) ? Number(value) : undefined;
}

/** One k for every group. */
export function uniformK(k: number | undefined): GroupK {
  return { rest: k ?? 'auto', byGroup: new Map() };
}

/** The k of one group: a number, or undefined to choose it from the data. */
export function kForGroup(spec: GroupK | undefined, group: string): number | undefined {
  const k = spec?.byGroup.get(group) ?? spec?.rest ?? 'auto';
  return k === 'auto' ? undefined : k;
}

/** A group named in `-k` that the notes do not have is a typo the user wants to hear about. */
export function checkGroupK(spec: GroupK | undefined, groups: readonly string[]): void {
  if (!spec) return;
  const known = new Set(groups);
  for (const name of spec.byGroup.keys()) {
    if (!known.has(name)) {
      const list = groups.slice(0, 10).map((g) => quoteForMessage(g, 30)).join(', ');
      throw usageError('UNKNOWN_K_GROUP', `-k names group ${quoteForMessage(name, 40)}, which the notes do not have`, `the groups are ${list}${groups.length > 10 ? ', …' : ''}`);
    }
  }
}

/** As the report records it: a single value when every group has the same, else one per group. */
export function recordK(spec: GroupK | undefined, groups: readonly string[]): RecordedK {
  if (!spec || spec.byGroup.size === 0) return spec?.rest ?? 'auto';
  const record: Record<string, KChoice> = {};
  for (const name of groups) record[name] = spec.byGroup.get(name) ?? spec.rest;
  return record;
}

/** `-k` as a person reads it: "7", "auto" or "1=7, 2=5, 3=auto". */
export function describeK(k: RecordedK): string {
  return typeof k === 'object' ? Object.entries(k).map(([g, v]) => `${g}=${v}`).join(', ') : String(k);
}
