import { tokenize } from '../../src/text/tokenize';

/**
 * A pasted document or a lost quote can make one idea of megabytes. Node's word segmenter takes
 * time quadratic in the length of the text it walks (a 120 kB idea took 16 s, 5 MB hours), so
 * tokenize() walks a long text in pieces; the words must come out as from one walk.
 */
describe('tokenize on long texts', () => {
  it('gives every word of a 1 MB text, in order, with phrase breaks where punctuation is', () => {
    const words = ['open', 'data', 'Café', 'Кибербезопасность', 'rights', 'internet'];
    const parts: string[] = [];
    for (let i = 0; i < 160_000; i++) parts.push(words[i % words.length] + (i % 10 === 9 ? ',' : ''));
    const text = parts.join(' ');
    expect(text.length).toBeGreaterThan(1_000_000);
    const tokens = tokenize(text);
    expect(tokens).toHaveLength(160_000);
    const wrong = tokens.findIndex((t, i) => t.surface !== words[i % words.length] || t.position !== i || t.afterBreak !== (i > 0 && i % 10 === 0));
    expect(wrong).toBe(-1);
  });

  it('keeps a long run of unspaced text and astral characters whole where it can', () => {
    const text = '网络安全🙂'.repeat(1000);
    expect(tokenize(text).map((t) => t.surface).join('')).toBe(text.replace(/🙂/gu, ''));
  });
});

