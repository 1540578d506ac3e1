import { KeptDraft } from './draft';
import { parseCsvDraft } from './parseCsvDraft';
import { parseJsonDraft } from './parseJsonDraft';
import { parseMarkdownDraft } from './parseMarkdownDraft';

/**
 * Read a kept draft in whichever of the tool's formats it is: JSON starts with "{", the CSV
 * export's header names a label column among others, anything else is read as Markdown (a
 * rapporteur's editor may save it under any name, so the content decides, not the extension).
 */
export function parseDraft(source: string, file: string): KeptDraft {
  const text = source.replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return parseJsonDraft(text, file);
  const header = text.split(/\r\n|\r|\n/, 1)[0].toLowerCase();
  const cells = header.split(/[,;\t]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.includes('label') && cells.length > 1) return parseCsvDraft(text, file);
  return parseMarkdownDraft(text, file);
}
