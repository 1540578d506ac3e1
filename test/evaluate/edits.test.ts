import { countEdits, editsPer100, sumEdits } from '../../src/evaluate/edits';

const OTHER = -1;

describe('countEdits: the edits a rapporteur makes to reach the human grouping', () => {
  it('needs no edit when the themes are the human themes, whatever their numbers', () => {
    expect(countEdits(['a', 'a', 'b', 'b', 'c'], [5, 5, 2, 2, 9])).toEqual({ moves: 0, merges: 0, newThemes: 0, edits: 0, ideas: 5 });
  });

  it('counts one move per idea outside its theme’s commonest human theme', () => {
    // Theme 0 stands for a (3 of 4), theme 1 for b: the b in theme 0 must move.
    expect(countEdits(['a', 'a', 'a', 'b', 'b', 'b'], [0, 0, 0, 0, 1, 1])).toMatchObject({ moves: 1, merges: 0, newThemes: 0, edits: 1 });
  });

  it('counts every idea left in Other ideas as a move, even alone in its human theme', () => {
    expect(countEdits(['a', 'a', 'b', 'b', 'c'], [0, 0, 1, 1, OTHER])).toMatchObject({ moves: 1, newThemes: 1, edits: 2 });
  });

  it('counts one merge for each extra theme standing for the same human theme', () => {
    // Human theme a is split over three themes: two merges.
    expect(countEdits(['a', 'a', 'a', 'a', 'a', 'a', 'b', 'b'], [0, 0, 1, 1, 2, 2, 3, 3])).toMatchObject({ moves: 0, merges: 2, newThemes: 0, edits: 2 });
  });

  it('counts a new theme for a human theme that no theme stands for', () => {
    // Everything in one theme: 3 moves (the b and c ideas), and b and c must be created.
    expect(countEdits(['a', 'a', 'b', 'b', 'c'], [0, 0, 0, 0, 0])).toEqual({ moves: 3, merges: 0, newThemes: 2, edits: 5, ideas: 5 });
  });

  it('gives a tied theme the human theme no larger theme stands for, so a split is not both a merge and a new theme', () => {
    // Theme 0 holds a a a; theme 1 holds a b (tied). Reading theme 1 as b: 1 move, no merge, no new theme.
    expect(countEdits(['a', 'a', 'a', 'a', 'b'], [0, 0, 0, 1, 1])).toMatchObject({ moves: 1, merges: 0, newThemes: 0, edits: 1 });
  });

  it('adds groups up and gives a rate per 100 ideas', () => {
    const total = sumEdits([countEdits(['a', 'b'], [0, 0]), countEdits(['a', 'a', 'b'], [OTHER, 0, 0])]);
    expect(total).toEqual({ moves: 3, merges: 0, newThemes: 2, edits: 5, ideas: 5 });
    expect(editsPer100(total)).toBe(100);
  });
});
