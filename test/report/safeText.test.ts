import { csvText, escapeMarkdown, terminalSafe } from '../../src/report/safeText';

describe('csvText', () => {
  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])('prefixes %j so a spreadsheet shows text', (cell) => {
    expect(csvText(cell).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
  });

  it('leaves ordinary text alone and quotes what needs quoting', () => {
    expect(csvText('Cybercrime')).toBe('Cybercrime');
    expect(csvText('a, "b"')).toBe('"a, ""b"""');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['[click](http://x)', '\\[click\\](http\\://x)'],
    ['![img](x.png)', '\\!\\[img\\](x.png)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['# heading', '\\# heading'],
    ['see https://x.org and www.y.org', 'see https\\://x.org and www\\.y.org'],
    ['me@example.org', 'me\\@example.org'],
    ['> quote', '\\> quote'],
    ['- item', '\\- item'],
    ['1. item', '1\\. item'],
    ['*bold* _it_ `code` ~~x~~ a|b &amp;', '\\*bold\\* \\_it\\_ \\`code\\` \\~\\~x\\~\\~ a\\|b \\&amp;'],
  ])('escapes %j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});

describe('terminalSafe', () => {
  it('removes escape sequences and control characters, keeps the words', () => {
    expect(terminalSafe('a\u001b[31mred\u001b[0m b\u0007\u0008c\td\ne')).toBe('ared bc d e');
  });

  it('keeps non-Latin text and emoji', () => {
    expect(terminalSafe('Защита 人权 حقوق 👍')).toBe('Защита 人权 حقوق 👍');
  });
});
