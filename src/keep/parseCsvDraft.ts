import { parse } from 'csv-parse/sync';
import { inputError } from '../errors';
import { OTHER_IDEAS_LABEL } from '../themes/theme';
import { DRAFT_UNREADABLE, KeptDraft, KeptGroup, KeptTheme } from './draft';

/** The CSV export guards cells a spreadsheet would run as formulas with a leading "'": take it off. */
function unguard(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/**
 * Read the CSV export (`file,row,id,group,theme,label,…,text`) after its `label` column was
 * edited: each (group, label) is a theme, each row one of its ideas. Themes keep the order of
 * their lowest `theme` number (so relabelling theme 3 as theme 1 merges them into 1's place),
 * then of first appearance. A spreadsheet that saved it with semicolons or tabs is read too.
 */
export function parseCsvDraft(source: string, file: string): KeptDraft {
  const text = source.replace(/^\uFEFF/, '');
  const header = text.split(/\r\n|\r|\n/, 1)[0];
  const delimiter = [',', ';', '\t'].sort((a, b) => header.split(b).length - header.split(a).length)[0];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter, info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof records;
  } catch (error) {
    const e = error as { message: string; lines?: number };
    throw inputError(DRAFT_UNREADABLE, `the draft cannot be read as CSV: ${e.message.replace(/^Invalid [^:]*: /, '')}`, { file, line: e.lines ?? 1 });
  }
  if (records.length === 0) throw inputError(DRAFT_UNREADABLE, 'the draft is empty', { file, line: 1 }, 'give the Markdown, CSV or JSON report rapporteur wrote');
  const columns = records[0].record.map((c) => c.trim().toLowerCase());
  const column = (name: string) => columns.indexOf(name);
  const [label, ideaText, group, number] = [column('label'), column('text'), column('group'), column('theme')];
  if (label < 0 || ideaText < 0) {
    throw inputError(DRAFT_UNREADABLE, `the draft's CSV has no ${label < 0 ? '"label"' : '"text"'} column`, { file, line: 1 }, 'give the CSV that `--format csv` wrote, with its label column edited');
  }

  const groups = new Map<string, KeptGroup>();
  const order = new Map<KeptTheme, { number: number; first: number }>();
  records.slice(1).forEach(({ record, info }, index) => {
    const line = info.lines;
    const name = unguard(record[label] ?? '').trim();
    const idea = unguard(record[ideaText] ?? '').trim();
    if (idea === '') return;
    if (name === '') throw inputError(DRAFT_UNREADABLE, 'the draft cannot be read: an idea without a label', { file, line }, 'give every row a theme label, e.g. "Other ideas"');
    const groupName = group >= 0 ? unguard(record[group] ?? '').trim() : 'all';
    let g = groups.get(groupName);
    if (!g) groups.set(groupName, (g = { heading: groupName, line, paragraphs: [], themes: [] }));
    let theme = g.themes.find((t) => t.name === name);
    if (!theme) {
      theme = { name, line, paragraphs: [], bullets: [], other: name.toLowerCase() === OTHER_IDEAS_LABEL.toLowerCase() };
      g.themes.push(theme);
      order.set(theme, { number: Infinity, first: index });
    }
    const n = number >= 0 ? Number(record[number]) : NaN;
    if (Number.isFinite(n)) order.get(theme)!.number = Math.min(order.get(theme)!.number, n);
    theme.bullets.push({ text: idea, copies: 1, line });
  });
  for (const g of groups.values()) {
    g.themes.sort((a, b) => order.get(a)!.number - order.get(b)!.number || order.get(a)!.first - order.get(b)!.first);
  }
  return { file, groups: [...groups.values()] };
}
