import { LARGE_GROUP } from '../../src/analyseLargeGroup';
import { groupIdeas } from '../../src/groupIdeas';
import { parseNotes } from '../../src/ingest/parseNotes';
import { fieldReader, lazySource } from '../../src/report/lazyArray';
import { renderJson, renderJsonChunks } from '../../src/report/renderJson';
import { findThemes } from '../../src/api/findThemes';
import { fakeVectors } from '../vectors/fakeVectors';

const vectors = fakeVectors({ water: [1, 0, 0], river: [0.9, 0.1, 0], school: [0, 1, 0], teacher: [0.1, 0.9, 0], the: [0.3, 0.3, 0.3] });

/** A large group "big" (ids that are row numbers but three, repeated texts), a small group "small" with questions, truths and events. */
function notes(): string {
  const lines = ['id,text,round,question,truth,event'];
  for (let i = 1; i <= LARGE_GROUP + 300; i++) {
    const id = i === 40 ? 'forty' : i === 7 ? '007' : i === 11 ? '1' : String(i);
    // Every 50th idea repeats the text of the one two before it; one text needs escapes in JSON.
    const text = i === 13 ? 'clean ""river"" water, café \\ 13' : `${i % 2 ? 'clean water for the river' : 'more teachers in the school'} ${i % 50 === 0 ? i - 2 : i}`;
    lines.push(`${id},"${text}",big,,${i % 2 ? 'water' : 'school'},`);
  }
  for (let i = 1; i <= 30; i++) lines.push(`s${i},${i % 2 ? 'river water' : 'school teacher'} ${i},small,What now?,,Geneva`);
  lines.push(',,small,,,');
  return `${lines.join('\n')}\n`;
}

describe('ideas kept in columns and made when read', () => {
  const eager = parseNotes(notes(), 'notes.csv', { by: 'round', truth: 'truth' });
  const lazy = parseNotes(notes(), 'notes.csv', { by: 'round', truth: 'truth', lazyIdeas: true });

  it('are the same ideas, field for field and in the same order of fields', () => {
    expect(lazySource(lazy.ideas)).toBeDefined();
    expect(lazy.ideas.length).toBe(eager.ideas.length);
    expect(JSON.stringify([...lazy.ideas])).toBe(JSON.stringify(eager.ideas));
    expect(lazy.ideas[39].id).toBe('forty');
    // An id is kept unless it is the row number as String(row) writes it.
    expect([lazy.ideas[6].id, lazy.ideas[10].id, lazy.ideas[9].id]).toEqual(['007', '1', '10']);
    expect(lazy.skipped).toEqual(eager.skipped);
  });

  it('stay lazy in a large group and are made whole in a small one', () => {
    const groups = groupIdeas(lazy.ideas);
    expect(groups.map((g) => [g.name, g.ideas.length, g.question])).toEqual(groupIdeas(eager.ideas).map((g) => [g.name, g.ideas.length, g.question]));
    expect(lazySource(groups.find((g) => g.name === 'big')!.ideas)).toBeDefined();
    const small = groups.find((g) => g.name === 'small')!.ideas;
    expect(lazySource(small)).toBeUndefined();
    expect(small[0]).toBe(small[0]);
  });

  it('read one field as the idea made holds it, every field', () => {
    const field = fieldReader(lazy.ideas);
    for (const i of [0, 6, 10, 39, 1300, lazy.ideas.length - 1]) {
      const idea = lazy.ideas[i];
      for (const key of ['file', 'row', 'id', 'text', 'group', 'question', 'truth', 'event'] as const) expect([i, key, field(i, key)]).toEqual([i, key, idea[key]]);
    }
  });

  it("write a large group's report from columns, never making its ideas, as the same bytes as the ideas made", () => {
    const { report } = findThemes({ name: 'notes.csv', ...lazy }, { k: 2, seed: 1, wordVectors: vectors });
    const big = report.groups.find((g) => g.name === 'big')!;
    expect(big.themes.every((t) => lazySource(t.ideas)?.columns !== undefined)).toBe(true);
    const ideas = big.themes.flatMap((t) => t.ideas);
    expect(ideas.filter((idea) => idea.duplicateOf !== undefined).length).toBeGreaterThan(10);
    expect(ideas.find((idea) => idea.row === 40)?.id).toBe('forty');
    const pieces = Array.from(renderJsonChunks(report), (piece) => Buffer.from(typeof piece === 'string' ? Buffer.from(piece) : piece));
    expect(pieces.some((piece, p) => p > 0 && piece.length > 1000)).toBe(true);
    expect(Buffer.concat(pieces).toString('utf8')).toBe(renderJson(report));
  });

  it('give the same report as ideas read whole', () => {
    const report = (table: typeof eager) => renderJson(findThemes({ name: 'notes.csv', ...table }, { k: 2, seed: 1, wordVectors: vectors }).report);
    expect(report(lazy)).toBe(report(eager));
  });
});
