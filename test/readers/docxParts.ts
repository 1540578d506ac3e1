import { unzipSync } from 'fflate';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface WordParagraph {
  /** The paragraph style (Title, Heading1, …), or undefined for the default. */
  style?: string;
  /** Set on list items. */
  bullet: boolean;
  italic: boolean;
  text: string;
}

/**
 * A .docx opened as a word processor would: unzipped, every XML part checked to be well-formed,
 * and the body read as paragraphs with their style, list membership and text.
 */
export function readDocx(bytes: Uint8Array): { parts: Record<string, string>; paragraphs: WordParagraph[] } {
  const files = unzipSync(bytes);
  const parts: Record<string, string> = {};
  for (const [name, data] of Object.entries(files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const xml = new TextDecoder('utf-8', { fatal: true }).decode(data);
    const valid = XMLValidator.validate(xml);
    if (valid !== true) throw new Error(`${name} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
    parts[name] = xml;
  }
  const parser = new XMLParser({ ignoreAttributes: false, preserveOrder: true, trimValues: false });
  const document = parser.parse(parts['word/document.xml']) as OrderedNode[];
  const paragraphs: WordParagraph[] = [];
  walk(document, (node) => {
    if (!('w:p' in node)) return false;
    paragraphs.push(paragraphOf(node['w:p'] as OrderedNode[]));
    return true;
  });
  return { parts, paragraphs };
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function walk(nodes: OrderedNode[], visit: (node: OrderedNode) => boolean): void {
  for (const node of nodes) {
    if (visit(node)) continue;
    for (const [key, value] of Object.entries(node)) if (key !== ':@' && Array.isArray(value)) walk(value as OrderedNode[], visit);
  }
}

function paragraphOf(children: OrderedNode[]): WordParagraph {
  let style: string | undefined;
  let bullet = false;
  let italic = false;
  let text = '';
  walk(children, (node) => {
    if ('w:pStyle' in node) style = node[':@']?.['@_w:val'];
    if ('w:numPr' in node) bullet = true;
    if ('w:i' in node) italic = true;
    if ('w:t' in node) text += (node['w:t'] as { '#text'?: unknown }[]).map((t) => String(t['#text'] ?? '')).join('');
    if ('w:br' in node) text += '\n';
    return 'w:t' in node;
  });
  return { style, bullet, italic, text };
}
