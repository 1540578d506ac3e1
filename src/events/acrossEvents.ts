import { AnalysisOptions, analyseGroupWithModel, GroupAnalysis, representationFor } from '../analyseGroup';
import { Idea } from '../ingest/idea';
import { analyseText } from '../text/analyseText';
import { OTHER_IDEAS_LABEL, Theme } from '../themes/theme';
import { dot } from '../vectors/dense';
import { crossEventView, CrossEventView, EventThemes } from './crossEvent';

const ACROSS_FEATURES = 300;

export interface AcrossEvents {
  view: CrossEventView;
  /** The analysis of the events' themes taken together (what --save-model keeps for a series). */
  analysis: GroupAnalysis;
}

/**
 * Themes over all events together, found by clustering the events' own themes: each theme is
 * one document made of its ideas, so a theme of one event meets the like themes of the others,
 * and the cost grows with the number of themes, not of ideas. Each idea then belongs to the
 * cross-event theme of its own theme; ideas no event put in a theme stay "Other ideas".
 */
export function acrossEvents(events: readonly EventThemes[], options: AnalysisOptions): AcrossEvents {
  const documents: { idea: Idea; theme: Theme }[] = [];
  for (const e of events) {
    for (const theme of e.themes) {
      if (theme.other) continue;
      const text = theme.members.map((m) => m.idea.text.replace(/\s+/g, ' ')).join('. ');
      documents.push({ idea: { file: e.event, row: documents.length + 1, id: String(documents.length + 1), text, group: 'all' }, theme });
    }
  }
  const analysis = analyseGroupWithModel(
    documents.map((d) => d.idea),
    // Theme documents are long: the words several themes share are what can link events, and
    // keeping only the most widespread ones keeps the vectors narrow however many events there are.
    { ...options, mergeThreshold: Infinity, pipeline: { ...options.pipeline, maxFeatures: ACROSS_FEATURES } },
  );
  const themeOf = new Map(documents.map((d) => [d.idea, d.theme]));
  const overall: Theme[] = analysis.themes.map((t) => ({
    label: t.label,
    keywords: t.keywords,
    ...(t.other ? { other: true } : {}),
    members: t.members.flatMap((m) => themeOf.get(m.idea)!.members.map((member) => ({ idea: member.idea, similarity: m.similarity }))),
  }));
  const linked = linkedEvents(documents.map((d) => d.idea), analysis, options, overall);
  const leftOver = events.flatMap((e) => e.themes.filter((t) => t.other).flatMap((t) => t.members));
  if (leftOver.length > 0) {
    const other = overall.find((t) => t.other);
    if (other) other.members.push(...leftOver);
    else overall.push({ label: OTHER_IDEAS_LABEL, keywords: [], other: true, members: leftOver });
  }
  return { view: crossEventView(events, overall, linked), analysis };
}

/**
 * How alike two themes of different events must be (cosine of their documents, in the
 * representation the themes were clustered in) for the cross-event theme holding both to count
 * as shared by those events. Clustering puts every theme somewhere, so unrelated events still
 * meet in one cluster; this keeps them apart. Measured by bench/shared-themes.ts (seed 42): the
 * most alike pair in each cross-event theme of the three ITU rounds taken as three events is
 * 0.70, 0.57, 0.40, 0.37 (then 0.22, 0.20), and at most 0.29 for ITU beside any of the four
 * unrelated dev sets, or two dev sets together; 0.35 lies in the gap.
 */
export const SHARED_THEME_SIMILARITY = 0.35;

/**
 * For each cross-event theme, the events that share it: each event one of whose themes in it is
 * at least SHARED_THEME_SIMILARITY alike to a theme of another event in it.
 */
export function linkedEvents(documents: readonly Idea[], analysis: GroupAnalysis, options: AnalysisOptions, overall: readonly Theme[]): Map<Theme, Set<string>> {
  const linked = new Map<Theme, Set<string>>();
  for (const { theme, pairs } of crossEventPairs(documents, analysis, options, overall)) {
    const events = new Set<string>();
    for (const p of pairs) {
      if (p.similarity < SHARED_THEME_SIMILARITY) continue;
      events.add(p.a);
      events.add(p.b);
    }
    linked.set(theme, events);
  }
  return linked;
}

/** Every pair of theme documents of different events that one cross-event theme holds, with their cosine. */
export function crossEventPairs(
  documents: readonly Idea[],
  analysis: GroupAnalysis,
  options: AnalysisOptions,
  overall: readonly Theme[],
): { theme: Theme; pairs: { a: string; b: string; similarity: number }[] }[] {
  if (analysis.representation === null) return [];
  const position = new Map(documents.map((d, i) => [d, i]));
  const rows = representationFor(options).transform(analysis.representation, documents.map((d) => analyseText(d.text)), { wordVectors: options.wordVectors });
  return analysis.themes.flatMap((theme, t) => {
    if (theme.other) return [];
    const docs = theme.members.map((m) => m.idea);
    const pairs: { a: string; b: string; similarity: number }[] = [];
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        if (docs[i].file === docs[j].file) continue;
        pairs.push({ a: docs[i].file, b: docs[j].file, similarity: dot(rows[position.get(docs[i])!], rows[position.get(docs[j])!]) });
      }
    }
    return [{ theme: overall[t], pairs }];
  });
}
