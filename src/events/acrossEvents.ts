import { AnalysisOptions, analyseGroupWithModel, GroupAnalysis } from '../analyse';
import { Idea } from '../ingest/idea';
import { OTHER_IDEAS_LABEL, Theme } from '../themes/theme';
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
  const leftOver = events.flatMap((e) => e.themes.filter((t) => t.other).flatMap((t) => t.members));
  if (leftOver.length > 0) {
    const other = overall.find((t) => t.other);
    if (other) other.members.push(...leftOver);
    else overall.push({ label: OTHER_IDEAS_LABEL, keywords: [], other: true, members: leftOver });
  }
  return { view: crossEventView(events, overall), analysis };
}
