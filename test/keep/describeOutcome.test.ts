import { describeOutcome } from '../../src/keep/describeOutcome';
import { GroupKeepOutcome } from '../../src/keep/keepGroup';

const group = (o: Partial<GroupKeepOutcome>): GroupKeepOutcome => ({ keptIdeas: 0, keptThemes: 0, placedIntoKept: 0, intoNewThemes: 0, newThemes: 0, intoOther: 0, gone: [], emptied: [], ...o });
const theme = (name: string, line: number) => ({ name, line, paragraphs: [], bullets: [], other: false });

describe('what a refresh says on stderr', () => {
  it('sums up in one line, in the words of the issue', () => {
    const lines = describeOutcome(
      {
        groups: [
          group({ keptIdeas: 60, keptThemes: 10, placedIntoKept: 2, gone: [{ text: 'Show up/participate', copies: 1, line: 50 }] }),
          group({ keptIdeas: 45, keptThemes: 8, intoNewThemes: 1, newThemes: 1 }),
        ],
        droppedGroups: [],
      },
      'draft.md',
    );
    expect(lines).toEqual([
      'rapporteur: note: draft.md:50: "Show up/participate" is no longer in the notes; dropped',
      'rapporteur: kept 105 ideas in 18 themes as edited; placed 3 new ideas (2 into kept themes, 1 new theme); 1 idea of the draft is no longer in the notes',
    ]);
  });

  it('lists emptied headings and groups the notes no longer have, and counts ideas sent to Other ideas', () => {
    const lines = describeOutcome(
      {
        groups: [group({ keptIdeas: 1, keptThemes: 1, intoNewThemes: 4, newThemes: 2, intoOther: 1, emptied: [theme('Taxation', 40), theme('Access', 12)] })],
        droppedGroups: [{ group: { heading: 'Round 4', line: 90, paragraphs: [], themes: [] }, bullets: [{ text: 'a', copies: 1, line: 93 }, { text: 'b', copies: 1, line: 94 }] }],
      },
      'draft.md',
    );
    expect(lines).toEqual([
      'rapporteur: note: draft.md:90: group "Round 4" is not in the notes; its 2 bullets dropped',
      'rapporteur: note: draft.md:12: heading "Access" has no idea left; dropped',
      'rapporteur: note: draft.md:40: heading "Taxation" has no idea left; dropped',
      'rapporteur: kept 1 idea in 1 theme as edited; placed 5 new ideas (0 into kept themes, 2 new themes, 1 into Other ideas); 2 ideas of the draft are no longer in the notes',
    ]);
  });
});
