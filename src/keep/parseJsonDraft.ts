import { inputError } from '../errors';
import { OTHER_IDEAS_LABEL } from '../themes/theme';
import { DRAFT_UNREADABLE, KeptDraft, KeptGroup } from './draft';

/** The line of a character offset, for JSON syntax errors that give a position. */
function lineAt(source: string, position: number): number {
  return source.slice(0, position).split(/\r\n|\r|\n/).length;
}

/**
 * Read the JSON report (`--format json`), maybe edited by a program or by hand: per group its
 * themes in order, each theme's label, keywords, paragraphs and ideas (by text).
 */
export function parseJsonDraft(source: string, file: string): KeptDraft {
  let root: unknown;
  try {
    root = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = /line (\d+)/.exec(message);
    throw inputError(DRAFT_UNREADABLE, `the draft cannot be read as JSON: ${message.replace(/ in JSON at position \d+.*$/, '').replace(/\s*\(line \d+ column \d+\)$/, '')}`, {
      file,
      line: line ? Number(line[1]) : position ? lineAt(source, Number(position[1])) : 1,
    });
  }
  const fail = (where: string, what: string): never => {
    throw inputError(DRAFT_UNREADABLE, `the draft cannot be read: ${where} ${what}`, { file }, 'give the JSON report rapporteur wrote');
  };
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const strings = (v: unknown, where: string): string[] => (v === undefined ? [] : Array.isArray(v) && v.every((s) => typeof s === 'string') ? (v as string[]) : fail(where, 'must be a list of texts'));
  if (!isObject(root) || !Array.isArray(root.groups)) return fail('the top level', 'has no "groups" list');
  const groups: KeptGroup[] = root.groups.map((g: unknown, i: number) => {
    if (!isObject(g) || typeof g.name !== 'string' || !Array.isArray(g.themes)) return fail(`groups[${i}]`, 'needs a "name" and a "themes" list');
    return {
      heading: g.name,
      line: 0,
      paragraphs: strings(g.paragraphs, `groups[${i}].paragraphs`),
      themes: g.themes.map((t: unknown, j: number) => {
        const where = `groups[${i}].themes[${j}]`;
        if (!isObject(t) || typeof t.label !== 'string' || t.label.trim() === '' || !Array.isArray(t.ideas)) return fail(where, 'needs a "label" and an "ideas" list');
        return {
          name: t.label.trim(),
          line: 0,
          ...(t.keywords !== undefined ? { keywords: strings(t.keywords, `${where}.keywords`) } : {}),
          paragraphs: strings(t.paragraphs, `${where}.paragraphs`),
          other: t.other === true || t.label.trim().toLowerCase() === OTHER_IDEAS_LABEL.toLowerCase(),
          bullets: t.ideas.map((idea: unknown, k: number) => {
            if (!isObject(idea) || typeof idea.text !== 'string') return fail(`${where}.ideas[${k}]`, 'needs a "text"');
            return { text: idea.text.trim(), copies: 1, line: 0 };
          }).filter((b) => b.text !== ''),
        };
      }),
    };
  });
  return { file, groups };
}
