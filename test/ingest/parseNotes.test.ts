import { parseNotes } from '../../src/ingest/parseNotes';
import { sniffDelimiter } from '../../src/ingest/dialect';
import { RapporteurError } from '../../src/errors';

const texts = (csv: string, request = {}) => parseNotes(csv, 'notes.csv', request).ideas.map((i) => i.text);

describe('parseNotes', () => {
  it('reads the idea column by name and numbers data rows from 1', () => {
    const table = parseNotes('id,Idea\n7,First idea\n8,Second idea\n', 'notes.csv');
    expect(table.columns.text).toBe('Idea');
    expect(table.ideas.map((i) => [i.row, i.id, i.text])).toEqual([
      [1, '7', 'First idea'],
      [2, '8', 'Second idea'],
    ]);
  });

  it.each([
    ['semicolons', 'note;round\nA; 1\nB;2\n'],
    ['tabs', 'note\tround\nA\t1\nB\t2\n'],
    ['CRLF line ends', 'note,round\r\nA,1\r\nB,2\r\n'],
    ['a UTF-8 byte-order mark', '\ufeffnote,round\nA,1\nB,2\n'],
    ['mixed line ends', 'note,round\rA,1\r\nB,2\n'],
  ])('handles %s', (_name, csv) => {
    const table = parseNotes(csv, 'notes.csv');
    expect(table.ideas.map((i) => [i.text, i.group])).toEqual([
      ['A', '1'],
      ['B', '2'],
    ]);
    expect(table.columns).toMatchObject({ text: 'note', by: 'round' });
  });

  it('keeps commas and line breaks inside quoted fields, and numbers rows by record', () => {
    const table = parseNotes('comment\n"one, two"\n"three\nfour"\nfive\n', 'n.csv');
    expect(table.ideas.map((i) => [i.row, i.text])).toEqual([
      [1, 'one, two'],
      [2, 'three\nfour'],
      [3, 'five'],
    ]);
  });

  it('reports blank lines and empty texts as skipped rows, never drops them', () => {
    const table = parseNotes('idea,round\nA,1\n\n,2\nB,2\n', 'n.csv');
    expect(table.ideas.map((i) => i.row)).toEqual([1, 4]);
    expect(table.skipped).toEqual([
      { file: 'n.csv', row: 2, reason: 'empty row' },
      { file: 'n.csv', row: 3, reason: 'empty idea' },
    ]);
  });

  it('takes the column with the longest texts when no name says which', () => {
    expect(parseNotes('a,b\n1,a long thought here\n2,another long one\n', 'n.csv').columns.text).toBe('b');
  });

  it('uses --text and --by when given, any case, and --by none for one group', () => {
    const csv = 'Idea,Other,Round\nx,long other text,1\ny,more other text,2\n';
    expect(texts(csv, { text: 'other' })).toEqual(['long other text', 'more other text']);
    expect(parseNotes(csv, 'n.csv', { by: 'none' }).ideas.map((i) => i.group)).toEqual(['all', 'all']);
  });

  it('carries the question column and prefers round over question for grouping', () => {
    const table = parseNotes('round,question,idea\n1,Why?,A\n', 'n.csv');
    expect(table.ideas[0]).toMatchObject({ group: '1', question: 'Why?' });
  });

  it('names a missing column with the columns that exist, as a usage error', () => {
    const attempt = () => parseNotes('idea,round\nA,1\n', 'n.csv', { by: 'table' });
    expect(attempt).toThrow(RapporteurError);
    expect(attempt).toThrow(/--by column "table" does not exist/);
    try {
      attempt();
    } catch (error) {
      expect((error as RapporteurError).exitCode).toBe(2);
      expect((error as RapporteurError).describe()).toMatch(/"idea", "round"/);
    }
  });

  it('reports an unclosed quote with its code and line', () => {
    try {
      parseNotes('idea\nA\n"B\nC\n', 'n.csv');
      throw new Error('should have failed');
    } catch (error) {
      const e = error as RapporteurError;
      expect(e.code).toBe('CSV_QUOTE_NOT_CLOSED');
      expect(e.exitCode).toBe(1);
      expect(e.line).toBeGreaterThanOrEqual(3);
      expect(e.describe()).toMatch(/^n\.csv:\d+: not a readable CSV/);
    }
  });

  it('rejects an empty file', () => {
    expect(() => parseNotes('', 'n.csv')).toThrow(/no header row/);
  });
});

describe('sniffDelimiter', () => {
  it('ignores delimiters inside quotes', () => {
    expect(sniffDelimiter('"a;b;c",d\n')).toBe(',');
    expect(sniffDelimiter('a;"b,c,d"\n')).toBe(';');
  });
});

describe('event column', () => {
  it('carries a column named event, or the one --event names, into each idea', () => {
    expect(parseNotes('idea,Event\nA,Geneva 2013\n', 'n.csv').ideas[0].event).toBe('Geneva 2013');
    expect(parseNotes('idea,place\nA,Geneva\n', 'n.csv', { event: 'place' }).ideas[0].event).toBe('Geneva');
    expect(parseNotes('idea\nA\n', 'n.csv').ideas[0].event).toBeUndefined();
  });
});
