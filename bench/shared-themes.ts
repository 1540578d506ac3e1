/**
 * When is a cross-event theme shared? For events that should share themes (the three ITU
 * rounds taken as three events) and events that should not (ITU beside an unrelated labelled
 * set, two unrelated sets), the cosine of every pair of theme documents from different events
 * that one cross-event theme holds, and how many themes count as shared at the threshold in
 * src/events/acrossEvents.ts. The numbers behind SHARED_THEME_SIMILARITY.
 *
 *   npx tsx bench/shared-themes.ts
 */
import { analyseGroup } from '../src/analyseGroup';
import { acrossEvents, crossEventPairs, SHARED_THEME_SIMILARITY } from '../src/events/acrossEvents';
import { EventThemes } from '../src/events/crossEvent';
import { groupIdeas } from '../src/groupIdeas';
import { Idea } from '../src/ingest/idea';
import { defaultCacheDir, loadWordVectors } from '../src/vectors/wordVectorCache';
import { analyseGroupWithModel } from '../src/analyseGroup';
import { LABELLED_SETS } from './labelledSets';
import { readLabelledSet } from './scoreSet';

const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env) });
const options = { seed: 42, wordVectors };
const ideasOf = (file: string) => readLabelledSet(LABELLED_SETS.find((s) => s.file === file)!).ideas;
const eventOf = (name: string, ideas: readonly Idea[]): EventThemes => ({ event: name, themes: groupIdeas(ideas).flatMap((g) => analyseGroup(g.ideas, options)) });

const itu = ideasOf('itu-world-cafe-2013.csv');
const scenarios: { name: string; expect: string; events: EventThemes[] }[] = [
  { name: 'ITU rounds 1, 2, 3 as three events', expect: 'some shared', events: ['1', '2', '3'].map((r) => eventOf(`round ${r}`, itu.filter((i) => i.group === r))) },
  ...['dev-stackoverflow-120.csv', 'dev-biomedical-120.csv', 'dev-searchsnippets-120.csv', 'dev-googlenews-120.csv'].map((file) => ({
    name: `ITU + ${file}`,
    expect: 'none shared',
    events: [eventOf('ITU', itu), eventOf(file, ideasOf(file))],
  })),
  { name: 'StackOverflow + Biomedical', expect: 'none shared', events: [eventOf('so', ideasOf('dev-stackoverflow-120.csv')), eventOf('bio', ideasOf('dev-biomedical-120.csv'))] },
];

const q = (xs: number[], p: number) => (xs.length === 0 ? NaN : [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]);
process.stdout.write(`threshold ${SHARED_THEME_SIMILARITY}\n\n| events | expected | cross-event themes in ≥ 2 events | shared at the threshold | pairs | median cosine | max cosine per theme (sorted) |\n|---|---|--:|--:|--:|--:|---|\n`);
for (const s of scenarios) {
  const { view } = acrossEvents(s.events, options);
  // The same documents acrossEvents builds, to look at the pairs behind its decision.
  const documents: Idea[] = [];
  for (const e of s.events) for (const theme of e.themes) if (!theme.other) documents.push({ file: e.event, row: documents.length + 1, id: String(documents.length + 1), text: theme.members.map((m) => m.idea.text.replace(/\s+/g, ' ')).join('. '), group: 'all' });
  const analysis = analyseGroupWithModel(documents, { ...options, mergeThreshold: Infinity, pipeline: { maxFeatures: 300 } });
  const perTheme = crossEventPairs(documents, analysis, options, analysis.themes);
  const all = perTheme.flatMap((t) => t.pairs.map((p) => p.similarity));
  const maxima = perTheme.filter((t) => t.pairs.length > 0).map((t) => Math.max(...t.pairs.map((p) => p.similarity))).sort((a, b) => b - a);
  const inTwo = view.themes.filter((t) => !t.other && Object.keys(t.counts).length >= 2).length;
  const shared = view.themes.filter((t) => t.shared).length;
  process.stdout.write(`| ${s.name} | ${s.expect} | ${inTwo} | **${shared}** | ${all.length} | ${q(all, 0.5).toFixed(2)} | ${maxima.map((m) => m.toFixed(2)).join(', ')} |\n`);
}
