import { GroupAnalysis } from '../../src/analyseGroup';
import { Idea } from '../../src/ingest/idea';
import { splitByGroup } from '../../src/themes/sharedThemes';

const idea = (row: number, group: string): Idea => ({ file: 'n.csv', row, id: String(row), text: `idea ${row}`, group });

describe('splitByGroup', () => {
  const [a1, a2, b1, b2] = [idea(1, 'a'), idea(2, 'a'), idea(3, 'b'), idea(4, 'b')];
  const whole: GroupAnalysis = {
    themes: [
      { label: 'Water', keywords: [], members: [{ idea: a1, similarity: 0.9 }, { idea: b1, similarity: 0.8, duplicateOf: a1 }] },
      { label: 'Roads', keywords: [], members: [{ idea: a2, similarity: 0.7 }] },
      { label: 'Other ideas', keywords: [], other: true, members: [{ idea: b2, similarity: 0 }] },
    ],
    representation: null,
    centres: [[1, 0], [0, 1], null],
  };
  const [a, b] = splitByGroup(whole, [[a1, a2], [b1, b2]]);

  it("keeps each group's ideas under the shared themes, and leaves out themes a group has no idea in", () => {
    expect(a.themes.map((t) => [t.label, t.members.map((m) => m.idea.row)])).toEqual([['Water', [1]], ['Roads', [2]]]);
    expect(b.themes.map((t) => [t.label, t.members.map((m) => m.idea.row)])).toEqual([['Water', [3]], ['Other ideas', [4]]]);
    expect(b.centres).toEqual([[1, 0], null]);
  });

  it('shows an idea on its own when the copy it repeats is in another group', () => {
    expect(b.themes[0].members[0].duplicateOf).toBeUndefined();
  });
});
