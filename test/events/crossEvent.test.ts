import { crossEventView } from '../../src/events/crossEvent';
import { Idea } from '../../src/ingest/idea';
import { Theme } from '../../src/themes/theme';

const idea = (file: string, row: number, text: string): Idea => ({ file, row, id: String(row), text, group: 'all' });
const theme = (label: string, ideas: Idea[], other = false): Theme => ({ label, keywords: [], members: ideas.map((i) => ({ idea: i, similarity: 1 })), ...(other ? { other: true } : {}) });

describe('crossEventView', () => {
  const a = [idea('a.csv', 1, 'Cybercrime'), idea('a.csv', 2, 'Online fraud'), idea('a.csv', 3, 'Open data')];
  const b = [idea('b.csv', 1, 'Hacking'), idea('b.csv', 2, 'Child safety online'), idea('b.csv', 3, 'Listen more')];
  const c = [idea('c.csv', 1, 'Phishing'), idea('c.csv', 2, 'Open budgets')];
  const events = [
    { event: 'a', themes: [theme('Crime', [a[0], a[1]]), theme('Data', [a[2]])] },
    { event: 'b', themes: [theme('Security', [b[0], b[1]]), theme('Other ideas', [b[2]], true)] },
    { event: 'c', themes: [theme('Phishing', [c[0]]), theme('Budgets', [c[1]])] },
  ];
  const overall = [
    theme('Open Data', [a[2], c[1]]),
    theme('Cybercrime', [a[0], a[1], b[0], c[0]]),
    theme('Safety', [b[1]]),
    theme('Other ideas', [b[2]], true),
  ];
  const view = crossEventView(events, overall);

  it('counts each theme per event and lists shared themes first, those in more events first', () => {
    expect(view.events).toEqual(['a', 'b', 'c']);
    expect(view.themes.map((t) => [t.label, t.counts, t.shared])).toEqual([
      ['Cybercrime', { a: 2, b: 1, c: 1 }, true],
      ['Open Data', { a: 1, c: 1 }, true],
      ['Safety', { b: 1 }, false],
      ['Other ideas', { b: 1 }, false],
    ]);
  });

  it("links each event's own themes to the shared theme holding most of their ideas", () => {
    expect(view.perEvent.map((e) => [e.event, e.ideas, e.themes.map((t) => [t.label, t.shared])])).toEqual([
      ['a', 3, [['Crime', 'Cybercrime'], ['Data', 'Open Data']]],
      ['b', 3, [['Security', 'Cybercrime'], ['Other ideas', null]]],
      ['c', 2, [['Phishing', 'Cybercrime'], ['Budgets', 'Open Data']]],
    ]);
  });
});

describe('crossEventView with the events whose themes are alike', () => {
  it('shares a theme only between events whose themes in it are alike enough', () => {
    const a = [idea('a.csv', 1, 'Cybercrime'), idea('a.csv', 2, 'Open data')];
    const b = [idea('b.csv', 1, 'Knitting patterns')];
    const events = [
      { event: 'a', themes: [theme('Crime', [a[0]]), theme('Data', [a[1]])] },
      { event: 'b', themes: [theme('Knitting', [b[0]])] },
    ];
    const lumped = theme('Crime', [a[0], b[0]]);
    const data = theme('Data', [a[1]]);
    expect(crossEventView(events, [lumped, data]).themes[0]).toMatchObject({ label: 'Crime', shared: true });
    const linked = new Map([[lumped, new Set<string>()], [data, new Set<string>()]]);
    expect(crossEventView(events, [lumped, data], linked).themes.find((t) => t.label === 'Crime')).toMatchObject({ counts: { a: 1, b: 1 }, shared: false });
  });
});
