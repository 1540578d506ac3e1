import { commonest } from './commonest';
import { Idea } from './ingest/idea';

export interface IdeaGroup {
  name: string;
  question?: string;
  ideas: Idea[];
}

const collator = new Intl.Collator('en', { numeric: true });

/**
 * Split ideas by their group, in natural order ("2" before "10"), each with the question most
 * of its ideas that name one answer: a group that mixes questions (`--by none` over three rounds) has none,
 * rather than the question of one of its parts.
 */
export function groupIdeas(ideas: readonly Idea[]): IdeaGroup[] {
  const byName = new Map<string, Idea[]>();
  for (const idea of ideas) {
    const list = byName.get(idea.group) ?? [];
    list.push(idea);
    byName.set(idea.group, list);
  }
  return [...byName.keys()]
    .sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0))
    .map((name) => {
      const members = byName.get(name)!;
      const question = commonestQuestion(members);
      return { name, ...(question !== undefined ? { question } : {}), ideas: members };
    });
}

/** The question most of the group's ideas that name one answer, if there is such a majority. */
function commonestQuestion(ideas: readonly Idea[]): string | undefined {
  const best = commonest(ideas.map((idea) => idea.question));
  return best !== undefined && best.count * 2 > best.total ? best.value : undefined;
}
