import { GroupAnalysis } from '../analyseGroup';
import { Idea } from '../ingest/idea';

/**
 * One set of themes for several groups (rounds, days) as a rapporteur who reuses the same
 * headings every day would have it: the themes found over all the groups' ideas together,
 * each group keeping its own ideas under them. A theme none of a group's ideas is in is left
 * out of that group; a near-duplicate whose copy is in another group is shown on its own.
 */
export function splitByGroup(whole: GroupAnalysis, groups: readonly (readonly Idea[])[]): GroupAnalysis[] {
  return groups.map((ideas) => {
    const mine = new Set(ideas);
    const themes: GroupAnalysis['themes'] = [];
    const centres: GroupAnalysis['centres'] = [];
    whole.themes.forEach((theme, t) => {
      const members = theme.members
        .filter((m) => mine.has(m.idea))
        .map((m) => (m.duplicateOf && !mine.has(m.duplicateOf) ? { idea: m.idea, similarity: m.similarity } : m));
      if (members.length === 0) return;
      themes.push({ ...theme, members });
      centres.push(whole.centres[t]);
    });
    return { themes, representation: whole.representation, centres };
  });
}
