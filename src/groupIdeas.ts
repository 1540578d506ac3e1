import { LARGE_GROUP } from './analyseLargeGroup';
import { commonestField } from './commonest';
import { compareNatural } from './text/naturalOrder';
import { Idea } from './ingest/idea';
import { LazySource, lazyArray, lazySource } from './report/lazyArray';

export interface IdeaGroup {
  name: string;
  question?: string;
  ideas: Idea[];
}

/**
 * Split ideas by their group, in natural order ("2" before "10"), each with the question most
 * of its ideas that name one answer: a group that mixes questions (`--by none` over three rounds) has none,
 * rather than the question of one of its parts.
 */
export function groupIdeas(ideas: readonly Idea[]): IdeaGroup[] {
  const lazy = lazySource(ideas);
  const byName = new Map<string, Idea[]>();
  if (lazy) groupLazily(lazy, ideas, byName);
  else {
    for (const idea of ideas) {
      const list = byName.get(idea.group) ?? [];
      list.push(idea);
      byName.set(idea.group, list);
    }
  }
  return [...byName.keys()]
    .sort(compareNatural)
    .map((name) => {
      const members = byName.get(name)!;
      const question = commonestQuestion(members);
      return { name, ...(question !== undefined ? { question } : {}), ideas: members };
    });
}

/** The question most of the group's ideas that name one answer, if there is such a majority. */
function commonestQuestion(ideas: readonly Idea[]): string | undefined {
  const best = commonestField(ideas, 'question');
  return best !== undefined && best.count * 2 > best.total ? best.value : undefined;
}

/**
 * Ideas made when read (a large input's plain run) stay so in groups above LARGE_GROUP, which
 * the linear path reads without comparing ideas by object; smaller groups are made whole, as
 * the full pipeline compares them so.
 */
function groupLazily(ideas: LazySource<Idea>, all: readonly Idea[], byName: Map<string, Idea[]>): void {
  const groupOf = (i: number): string => (ideas.field ? ideas.field(i, 'group') : ideas.at(i).group);
  // One group (`--by none`, or a column of one value) is the ideas as they are.
  const first = ideas.length > 0 ? groupOf(0) : '';
  let one = true;
  for (let i = 1; i < ideas.length && one; i++) one = groupOf(i) === first;
  if (one && ideas.length > LARGE_GROUP) {
    byName.set(first, all as Idea[]);
    return;
  }
  const positions = new Map<string, number[]>();
  for (let i = 0; i < ideas.length; i++) {
    const group = groupOf(i);
    const list = positions.get(group);
    if (list) list.push(i);
    else positions.set(group, [i]);
  }
  for (const [name, list] of positions) {
    const field = ideas.field;
    const at = (p: number) => ideas.at(list[p]);
    byName.set(name, list.length > LARGE_GROUP ? lazyArray(list.length, at, field && ((p, key) => field(list[p], key))) : Array.from(list, (i) => ideas.at(i)));
  }
}
