import { Idea } from '../ingest/idea';
import { Theme } from '../themes/theme';

/** A theme found over all events together, with how many of its ideas each event gave. */
export interface CrossEventTheme {
  label: string;
  keywords: string[];
  size: number;
  /**
   * Ideas per event, in the order of `CrossEventView.events`; events without any are left out.
   * An object without prototype, so that an event named "__proto__" or "toString" is a key like any other.
   */
  counts: Record<string, number>;
  /** Found in two events or more, with themes alike enough (see SHARED_THEME_SIMILARITY). */
  shared: boolean;
  other?: true;
}

/** One of an event's own themes, and the shared theme most of its ideas went to. */
export interface EventThemeLink {
  label: string;
  size: number;
  /** True for an "Other ideas" theme of the event. */
  other?: true;
  /** The label of that shared theme, or null when most of its ideas are in no shared theme. */
  shared: string | null;
}

export interface CrossEventView {
  events: string[];
  /** Shared themes first (more events first, then larger), then the rest, "Other ideas" last. */
  themes: CrossEventTheme[];
  perEvent: { event: string; ideas: number; themes: EventThemeLink[] }[];
}

export interface EventThemes {
  event: string;
  /** The event's own themes (all its groups), as its own report shows them. */
  themes: Theme[];
}

/**
 * Which themes come back from one event to the next: `overall` are the themes of all events'
 * ideas clustered together (the same Idea objects as in the events' own themes); `linked`,
 * when given, names for each of them the events whose themes in it are alike enough to share it.
 */
export function crossEventView(events: readonly EventThemes[], overall: readonly Theme[], linked?: ReadonlyMap<Theme, ReadonlySet<string>>): CrossEventView {
  const eventOf = new Map<Idea, string>();
  for (const e of events) for (const theme of e.themes) for (const m of theme.members) eventOf.set(m.idea, e.event);
  const names = events.map((e) => e.event);

  const themes = overall
    .map((theme) => {
      const counts: Record<string, number> = Object.create(null);
      for (const name of names) {
        const n = theme.members.filter((m) => eventOf.get(m.idea) === name).length;
        if (n > 0) counts[name] = n;
      }
      // Without `linked`, any two events in one theme share it; with it, only events whose themes are alike.
      const shared = !theme.other && Object.keys(counts).length >= 2 && (!linked || (linked.get(theme)?.size ?? 0) >= 2);
      return { label: theme.label, keywords: theme.keywords, size: theme.members.length, counts, shared, ...(theme.other ? { other: true as const } : {}) };
    })
    .sort(byRelevance);

  const overallOf = new Map<Idea, CrossEventTheme>();
  overall.forEach((theme) => {
    const summary = themes.find((t) => t.label === theme.label)!;
    for (const m of theme.members) overallOf.set(m.idea, summary);
  });
  const perEvent = events.map((e) => ({
    event: e.event,
    ideas: e.themes.reduce((s, t) => s + t.members.length, 0),
    themes: e.themes.map((theme) => ({
      label: theme.label,
      size: theme.members.length,
      ...(theme.other ? { other: true as const } : {}),
      shared: theme.other ? null : sharedHome(theme, overallOf, themes),
    })),
  }));
  return { events: names, themes, perEvent };
}

function byRelevance(a: CrossEventTheme, b: CrossEventTheme): number {
  if (!!a.other !== !!b.other) return a.other ? 1 : -1;
  if (a.shared !== b.shared) return a.shared ? -1 : 1;
  const spread = Object.keys(b.counts).length - Object.keys(a.counts).length;
  return spread || b.size - a.size || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/** The shared theme holding most of this theme's ideas; ties go to the one listed first. */
function sharedHome(theme: Theme, overallOf: ReadonlyMap<Idea, CrossEventTheme>, order: readonly CrossEventTheme[]): string | null {
  const votes = new Map<CrossEventTheme, number>();
  for (const m of theme.members) {
    const home = overallOf.get(m.idea);
    if (home) votes.set(home, (votes.get(home) ?? 0) + 1);
  }
  let best: CrossEventTheme | undefined;
  for (const candidate of order) {
    const v = votes.get(candidate) ?? 0;
    if (v > 0 && (!best || v > votes.get(best)!)) best = candidate;
  }
  return best && best.shared ? best.label : null;
}
