import { RapporteurError } from '../../src/errors';
import { parseDraft } from '../../src/keep/parseDraft';

const markdown = `# 2013-10-08 World Cafe ITU Geneva

## Overall figures

| Round | Ideas | Themes |
|---|--:|--:|
| Round 1 | 46 | 9 |

## Round 1: What is the role of governments?

46 ideas in 9 themes.

A summary of the round.

### a) Human Rights \\& Law — 6 ideas

*citizens, law*

- Only Government can guarantee the human rights of their citizens
- Cybercrime (×3)
- A long note that the editor
  wrapped onto two lines

What the table said, in **bold**.
Second line of the paragraph.

### b) Infrastructure (new) — 1 idea

- Government as investor in critical Internet infrastructure
- … and 4 more

### My own heading

### Other ideas — 2 ideas

- \\#hashtag idea

## Skipped rows

- notes.csv, row 7: empty idea
`;

describe('reading a Markdown draft', () => {
  const draft = parseDraft(markdown, 'draft.md');
  const round = draft.groups.find((g) => g.heading.startsWith('Round 1'))!;

  it('reads groups, headings without their letters, counts and marks, in order', () => {
    expect(draft.groups.map((g) => g.heading)).toEqual(['Overall figures', 'Round 1: What is the role of governments?', 'Skipped rows']);
    expect(round.themes.map((t) => [t.name, t.line, t.other])).toEqual([
      ['Human Rights & Law', 15, false],
      ['Infrastructure', 27, false],
      ['My own heading', 32, false],
      ['Other ideas', 34, true],
    ]);
  });

  it('reads bullets with their "(×N)", wrapped lines joined, escapes removed, "… and N more" left out', () => {
    expect(round.themes[0].bullets.map((b) => [b.text, b.copies, b.line])).toEqual([
      ['Only Government can guarantee the human rights of their citizens', 1, 19],
      ['Cybercrime', 3, 20],
      ['A long note that the editor wrapped onto two lines', 1, 21],
    ]);
    expect(round.themes[1].bullets.map((b) => b.text)).toEqual(['Government as investor in critical Internet infrastructure']);
    expect(round.themes[3].bullets.map((b) => b.text)).toEqual(['#hashtag idea']);
  });

  it('reads the keyword line apart, and keeps paragraphs verbatim without the tool\'s count line', () => {
    expect(round.themes[0].keywords).toEqual(['citizens', 'law']);
    expect(round.themes[0].paragraphs).toEqual(['What the table said, in **bold**.\nSecond line of the paragraph.']);
    expect(round.paragraphs).toEqual(['A summary of the round.']);
    expect(round.themes[1].keywords).toEqual([]);
    expect(round.themes[2].bullets).toEqual([]);
    expect(round.themes[2].keywords).toBeUndefined();
  });

  it('reads text under the title as the draft\'s introduction', () => {
    expect(parseDraft('# Title\n\nOur introduction.\n\n## Round 1\n\n### Rights\n', 'd.md').preface).toEqual(['Our introduction.']);
    expect(draft.preface).toBeUndefined();
  });

  it('reads headings before any group as a codebook for every group', () => {
    const codebook = parseDraft('### Human rights\n\n*rights, law*\n\n### Security\n', 'codebook.md');
    expect(codebook.groups).toEqual([]);
    expect(codebook.everyGroup!.map((t) => [t.name, t.keywords])).toEqual([
      ['Human rights', ['rights', 'law']],
      ['Security', undefined],
    ]);
  });

  it('names the line it cannot read', () => {
    const failure = (source: string) => {
      try {
        parseDraft(source, 'draft.md');
      } catch (error) {
        return (error as RapporteurError).describe();
      }
      return 'no error';
    };
    expect(failure('## Round 1\n\n### a)  — 3 ideas\n')).toBe('draft.md:3: the draft cannot be read: a theme heading without a name (write the theme\'s name after "###", or delete the line)');
    expect(failure('## Round 1\n\n### Rights\n\n-  (×2)\n')).toMatch(/^draft\.md:5: the draft cannot be read: an empty bullet/);
    expect(failure('Some text\n')).toMatch(/^draft\.md:1: the draft cannot be read: no theme heading/);
  });
});

describe('reading the CSV export and the JSON report', () => {
  it('reads each (group, label) of the CSV as a theme, in the order of its lowest theme number', () => {
    const csv = 'file,row,id,group,theme,label,similarity,duplicate_of,text\r\nn.csv,1,1,1,2,Rights,0.5,,"Rights, and law"\r\nn.csv,2,2,1,1,Access,0.5,,\'=SUM(1)\r\nn.csv,3,3,1,3,Rights,0.5,,Privacy\r\n';
    const draft = parseDraft(csv, 'themes.csv');
    expect(draft.groups.map((g) => g.heading)).toEqual(['1']);
    expect(draft.groups[0].themes.map((t) => [t.name, t.bullets.map((b) => [b.text, b.line])])).toEqual([
      ['Access', [['=SUM(1)', 3]]],
      ['Rights', [['Rights, and law', 2], ['Privacy', 4]]],
    ]);
  });

  it('reads the JSON report\'s themes, keywords, paragraphs and ideas', () => {
    const json = JSON.stringify({ groups: [{ name: '2', themes: [{ label: 'Rights', keywords: ['law'], paragraphs: ['Said twice.'], ideas: [{ text: 'Rights' }] }, { label: 'Other ideas', other: true, ideas: [] }] }] });
    const draft = parseDraft(json, 'themes.json');
    expect(draft.groups[0].themes).toMatchObject([
      { name: 'Rights', keywords: ['law'], paragraphs: ['Said twice.'], bullets: [{ text: 'Rights', copies: 1 }], other: false },
      { name: 'Other ideas', other: true, bullets: [] },
    ]);
  });
});
