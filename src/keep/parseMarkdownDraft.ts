import { inputError } from '../errors';
import { OTHER_IDEAS_LABEL } from '../themes/theme';
import { DRAFT_UNREADABLE, KeptBullet, KeptDraft, KeptGroup, KeptTheme } from './draft';

/** "### b) Enabling Framework (new) — 6 ideas": the letter, the mark and the count are the tool's. */
const THEME_LETTER = /^[a-z]{1,3}\)\s+/;
const THEME_COUNT = /(?:^|\s+)[—–-]+\s*\d+\s+ideas?\s*$/i;
const NEW_MARK = /\s*\(new\)\s*$/i;
/** "- Cybercrime (×3)": the bullet stands for three near-duplicate ideas. */
const COPIES = /\s*\((?:×|x)\s*(\d+)\)\s*$/i;
const BULLET = /^(\s*)[-*+]\s+(.*)$/;
/** The keyword line: one emphasised line, "*convener, facilitator, dialogue*". */
const KEYWORDS = /^\*([^*\s](?:.*[^*\s])?)\*$/;
/**
 * The tool's own lines, recomputed on every refresh: "46 ideas in 8 themes, 2 in "Other ideas"."
 * under a group heading, the warning when too many ideas fit no theme, and "… and 12 more" from --top.
 */
const GROUP_COUNT = /^\d+ ideas? in \d+ themes?(?:, \d+ in "Other ideas")?\.$/;
const OTHER_WARNING = /^> \*\*Warning:\*\* /;
const MORE_IDEAS = /^…\s+and\s+\d+\s+more$/;

/** Undo escapeMarkdown: a backslash before ASCII punctuation. */
export function unescapeMarkdown(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

/**
 * Read a Markdown report after hand edits. `##` headings are groups, `###` headings themes,
 * bullets ideas; any other text under a heading is a paragraph, kept verbatim. Headings deeper
 * than `###` are paragraph text. Throws one RapporteurError naming the line that cannot be read.
 */
export function parseMarkdownDraft(source: string, file: string): KeptDraft {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const groups: KeptGroup[] = [];
  const everyGroup: KeptTheme[] = [];
  const preface: string[] = [];
  let group: KeptGroup | undefined;
  let theme: KeptTheme | undefined;
  let paragraph: string[] = [];
  let lastBullet: KeptBullet | undefined;
  let inFence = false;
  const fail = (line: number, message: string, hint: string) => {
    throw inputError(DRAFT_UNREADABLE, `the draft cannot be read: ${message}`, { file, line }, hint);
  };
  const flush = () => {
    if (paragraph.length > 0) (theme ?? group ?? { paragraphs: preface }).paragraphs.push(paragraph.join('\n'));
    paragraph = [];
  };

  lines.forEach((raw, index) => {
    const line = index + 1;
    if (raw.includes('\u0000')) fail(line, 'it holds binary data', 'give the Markdown, CSV or JSON report rapporteur wrote');
    const text = raw.trimEnd();
    if (/^\s*(```|~~~)/.test(text)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (heading && heading[1].length <= 3) {
      flush();
      lastBullet = undefined;
      const level = heading[1].length;
      const title = unescapeMarkdown(heading[2]).trim();
      if (level === 1) {
        group = undefined;
        theme = undefined;
      } else if (level === 2) {
        group = { heading: title, line, paragraphs: [], themes: [] };
        groups.push(group);
        theme = undefined;
      } else {
        const name = title.replace(THEME_LETTER, '').replace(THEME_COUNT, '').replace(NEW_MARK, '').trim();
        if (name === '') fail(line, 'a theme heading without a name', 'write the theme\'s name after "###", or delete the line');
        theme = { name, line, paragraphs: [], bullets: [], other: name.toLowerCase() === OTHER_IDEAS_LABEL.toLowerCase() };
        (group ? group.themes : everyGroup).push(theme);
      }
      return;
    }
    if (text.trim() === '') {
      flush();
      lastBullet = undefined;
      return;
    }
    const bullet = inFence ? null : BULLET.exec(text);
    if (bullet) {
      flush();
      const body = unescapeMarkdown(bullet[2]).trim();
      if (MORE_IDEAS.test(body)) return;
      if (!theme) {
        // Bullets of a section that is no group of the notes ("Skipped rows") are not ideas;
        // under a group heading they are ideas without a theme, which the caller refuses.
        if (group) (group.looseBullets ??= []).push(line);
        return;
      }
      const copies = COPIES.exec(body);
      lastBullet = { text: copies ? body.slice(0, copies.index).trim() : body, copies: copies ? Math.max(1, Number(copies[1])) : 1, line };
      if (lastBullet.text === '') fail(line, 'an empty bullet', 'delete the line or write the idea');
      theme.bullets.push(lastBullet);
      return;
    }
    if (lastBullet && /^\s+\S/.test(text) && paragraph.length === 0) {
      // A bullet's text wrapped onto the next, indented line.
      lastBullet.text = `${lastBullet.text} ${unescapeMarkdown(text.trim())}`;
      return;
    }
    lastBullet = undefined;
    if (theme && theme.bullets.length === 0 && theme.paragraphs.length === 0 && paragraph.length === 0 && theme.keywords === undefined) {
      const keywords = KEYWORDS.exec(text.trim());
      if (keywords) {
        theme.keywords = keywords[1].split(',').map((k) => unescapeMarkdown(k).trim()).filter((k) => k !== '');
        return;
      }
    }
    if (!theme && group && paragraph.length === 0 && (GROUP_COUNT.test(text.trim()) || OTHER_WARNING.test(text.trim()))) return;
    paragraph.push(text);
  });
  flush();

  if (groups.every((g) => g.themes.length === 0) && everyGroup.length === 0) {
    fail(1, 'no theme heading ("### …") in it', 'give the Markdown, CSV or JSON report rapporteur wrote, or a list of "### Theme" headings');
  }
  // A theme with bullets and no keyword line has none, as the rapporteur left it; an empty
  // heading gets the keywords of the ideas that fill it.
  for (const theme of [...groups.flatMap((g) => g.themes), ...everyGroup]) if (theme.bullets.length > 0) theme.keywords ??= [];
  return { file, groups, ...(everyGroup.length > 0 ? { everyGroup } : {}), ...(preface.length > 0 ? { preface } : {}) };
}
