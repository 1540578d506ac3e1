import { matchBullets, MATCH_THRESHOLD, textSimilarity } from '../../src/keep/matchBullets';

const bullet = (text: string, copies = 1) => ({ text, copies });

describe('matching the bullets of a draft to the ideas of the notes', () => {
  it('finds an idea whatever the case, punctuation and spacing of the bullet', () => {
    expect(matchBullets([bullet('CYBERCRIME!'), bullet('learn  to listen')], ['Learn to listen.', 'cybercrime'])).toEqual([[1], [0]]);
  });

  it('finds an idea with a few words changed, and not an unrelated one', () => {
    const ideas = ['Governments should promote and adhere to human rights and the rule of law', 'Cybercrime'];
    expect(matchBullets([bullet('Governments must promote and respect human rights and the rule of law')], ideas)).toEqual([[0]]);
    expect(matchBullets([bullet('Taxation of digital services')], ideas)).toEqual([[]]);
    expect(textSimilarity('Taxation of digital services', ideas[0])).toBeLessThan(MATCH_THRESHOLD);
  });

  it('gives each idea to one bullet: the exact text first, then the closest edit', () => {
    const ideas = ['Human rights online', 'Taxation'];
    // The second bullet's own text is in the notes; the first, edited, must not take it.
    expect(matchBullets([bullet('Human rights on-line'), bullet('Human rights online')], ideas)).toEqual([[], [0]]);
    expect(matchBullets([bullet('Human rights on-line'), bullet('Human rights online')], [...ideas, 'Human rights on line!'])).toEqual([[2], [0]]);
  });

  it('lets "(×N)" stand for N near-duplicate ideas, identical ones first', () => {
    const ideas = ['Cybercrime', 'Privacy', 'cybercrime.', 'Cyber-crime', 'Cybercrime!'];
    expect(matchBullets([bullet('Cybercrime', 3)], ideas)).toEqual([[0, 2, 4]]);
    expect(matchBullets([bullet('Cybercrime', 4)], ideas)).toEqual([[0, 2, 4, 3]]);
    expect(matchBullets([bullet('Cybercrime', 1)], ideas)).toEqual([[0]]);
  });

  it('leaves a bullet whose idea left the notes without one', () => {
    expect(matchBullets([bullet('Learn to listen'), bullet('Cybercrime')], ['Cybercrime'])).toEqual([[], [0]]);
  });

  it('settles ties the same way every time: earlier bullet, earlier idea', () => {
    const claims = matchBullets([bullet('Role of the government'), bullet('Role of the government')], ['role of government', 'the role of government']);
    expect(claims).toEqual(matchBullets([bullet('Role of the government'), bullet('Role of the government')], ['role of government', 'the role of government']));
    expect(claims.flat().sort()).toEqual([0, 1]);
  });
});
