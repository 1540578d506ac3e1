import { GroupAnalysis } from '../analyseGroup';
import { inputError } from '../errors';
import { GroupK, kForGroup } from '../groupK';
import { IdeaGroup } from '../groupIdeas';
import { groupTitleFor } from '../report/groupTitle';
import { DRAFT_UNREADABLE, KeptBullet, KeptDraft, KeptGroup, KeptTheme } from './draft';
import { GroupKeepOutcome, keepGroup, KeepOptions } from './keepGroup';

export interface KeptTableGroup {
  name: string;
  question?: string;
  analysis: GroupAnalysis;
  /** Paragraphs the rapporteur wrote under the group heading. */
  paragraphs: string[];
}

export interface DraftOutcome {
  groups: GroupKeepOutcome[];
  /** Groups of the draft that the notes no longer have, with their bullets. */
  droppedGroups: { group: KeptGroup; bullets: KeptBullet[] }[];
}

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * Does a group heading of the draft name this group of the notes? "Round 1: What is …?" and
 * "Round 1" do for round "1" (as the Markdown report titles it), and so does "1" (as the CSV
 * and JSON name it), in any case.
 */
function names(heading: string, by: string | null, group: IdeaGroup): boolean {
  const h = fold(heading);
  const title = fold(groupTitleFor(by, group.name));
  return h === title || h.startsWith(`${title}:`) || h === fold(group.name) || (group.question !== undefined && h === fold(group.question));
}

/**
 * Every group of the notes brought into the shape of the draft (see keepGroup). A group the
 * draft has no heading for takes the draft's headings written before any group, if any (a
 * codebook), else its themes are all new. Pure.
 */
export function keepDraft(
  groups: readonly IdeaGroup[],
  draft: KeptDraft,
  options: Omit<KeepOptions, 'k'> & { by: string | null; k?: GroupK },
): { groups: KeptTableGroup[]; outcome: DraftOutcome } {
  const { by: _, ...keepOptions } = options;
  const used = new Set<KeptGroup>();
  const kept: KeptTableGroup[] = [];
  const outcomes: GroupKeepOutcome[] = [];
  for (const group of groups) {
    const own = draft.groups.find((g) => !used.has(g) && g.themes.length > 0 && names(g.heading, options.by, group));
    if (own) {
      used.add(own);
      if (own.looseBullets?.length) {
        throw inputError(DRAFT_UNREADABLE, 'the draft cannot be read: a bullet under no theme heading', { file: draft.file, line: own.looseBullets[0] }, 'put it under a "###" theme heading, or delete it');
      }
    }
    const themes: KeptTheme[] = own?.themes ?? draft.everyGroup?.map((t) => ({ ...t, bullets: [] })) ?? [];
    const { analysis, outcome } = keepGroup(group.ideas, themes, { ...keepOptions, k: kForGroup(options.k, group.name) });
    kept.push({ name: group.name, ...(group.question !== undefined ? { question: group.question } : {}), analysis, paragraphs: own?.paragraphs ?? [] });
    outcomes.push(outcome);
  }
  const droppedGroups = draft.groups
    .filter((g) => !used.has(g) && g.themes.some((t) => t.bullets.length > 0))
    .map((group) => ({ group, bullets: group.themes.flatMap((t) => t.bullets) }));
  return { groups: kept, outcome: { groups: outcomes, droppedGroups } };
}
