import {
  AlignmentType,
  Document,
  HeadingLevel,
  LevelFormat,
  Packer,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { zipSync } from 'fflate';
import { fitColumns } from './columnWidths';
import { Report } from './report';
import { CrossEventView } from '../events/crossEvent';
import { copiesSuffix, EventsContent, eventsContent, FiguresTable, GroupContent, groupHeading, reportContent, ReportContent, themeHeading } from './reportContent';
import { xmlText } from './safeText';

export interface DocxOptions {
  /** Only this many most central ideas per theme. */
  top?: number;
  /** Show each theme's keywords under its heading (default true). */
  keywords?: boolean;
}

/** A4 with 2 cm margins, in twentieths of a point: what a Geneva rapporteur prints on. */
const PAGE = { width: 11906, height: 16838, margin: 1134 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
/**
 * The width of a character of 10 pt text, bold included, in twips: generous, as the reader may
 * not have Calibri (LibreOffice without Carlito falls back to the wider DejaVu Sans), and a
 * column a little wide costs less than a word broken across lines. A cell's padding is added.
 */
const CHAR_TWIPS = 128;
const CELL_PADDING = 2 * 108;
const BULLETS = 'ideas';
const GENERATOR = 'rapporteur';
const HEADER_FILL = 'D9E2F3';
/** Zip entries need a date; a fixed one keeps the bytes the same from run to run (the earliest a zip can hold). */
const ZIP_DATE = new Date(1980, 0, 1, 0, 0, 0);

/**
 * The report as a Word document (Office Open XML), the same outline as the Markdown: title,
 * overall figures, per group a Heading 1 with its question and per theme a Heading 2
 * "a) Label — N ideas", keywords in italics, ideas as bullets, then the cross-event table.
 * Headings use Word's own Heading styles, so the navigation pane and a table of contents work.
 * Same report, same bytes: the document carries no date and its zip entries a fixed one.
 */
export function renderDocx(report: Report, options: DocxOptions = {}): Uint8Array {
  const content = reportContent(report, options);
  return packDocument(reportDocument(content));
}

/**
 * The index of a series (--out-dir): the cross-event view alone, each event followed by the
 * name of its own document. The names are text, not links: a link needs a relationship id,
 * which docx draws at random.
 */
export function renderDocxIndex(view: CrossEventView, files: ReadonlyMap<string, string> = new Map()): Uint8Array {
  const events = eventsContent(view);
  const children = [heading(events.heading, HeadingLevel.TITLE), ...eventsSection(events, files, HeadingLevel.HEADING_1)];
  return packDocument(wordDocument(events.heading, children));
}

function reportDocument(content: ReportContent): Document {
  const children: (Paragraph | Table)[] = [heading(content.title, HeadingLevel.TITLE), ...content.paragraphs.map((text) => paragraph(text))];
  children.push(heading('Overall figures', HeadingLevel.HEADING_1), figuresTable(content.figures), paragraph(content.figures.summary, 160));
  for (const group of content.groups) children.push(...groupSection(group));
  if (content.events) children.push(heading(content.events.heading, HeadingLevel.HEADING_1), ...eventsSection(content.events, new Map(), HeadingLevel.HEADING_2));
  if (content.skipped.length > 0) {
    children.push(heading('Skipped rows', HeadingLevel.HEADING_1));
    for (const s of content.skipped) children.push(bullet([new TextRun(xmlText(`${s.file}, row ${s.row}: ${s.reason}`))]));
  }
  return wordDocument(content.title, children);
}

function wordDocument(title: string, children: (Paragraph | Table)[]): Document {
  return new Document({
    creator: GENERATOR,
    lastModifiedBy: GENERATOR,
    title: xmlText(title),
    // Outline levels make the headings the document map's and a table of contents' entries in every word processor.
    styles: {
      default: {
        document: { run: { font: 'Calibri', size: 22 }, paragraph: { spacing: { after: 80 } } },
        title: { run: { size: 48, color: '1F3864' }, paragraph: { spacing: { after: 240 } } },
        heading1: { run: { size: 32, bold: true, color: '1F3864' }, paragraph: { spacing: { before: 360, after: 120 }, keepNext: true, outlineLevel: 0 } },
        heading2: { run: { size: 26, bold: true, color: '2F5496' }, paragraph: { spacing: { before: 240, after: 80 }, keepNext: true, outlineLevel: 1 } },
      },
    },
    numbering: {
      config: [
        {
          reference: BULLETS,
          levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 360 } } } }],
        },
      ],
    },
    sections: [{ properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin } } }, children }],
  });
}

function groupSection(group: GroupContent): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [heading(groupHeading(group.title, group.question), HeadingLevel.HEADING_1), paragraph(group.summary)];
  if (group.warning) out.push(new Paragraph({ children: [new TextRun({ text: 'Warning: ', bold: true }), new TextRun(xmlText(`${group.warning}.`))] }));
  // The rapporteur's own paragraphs (--keep) are Markdown source: in Word, their text as written.
  for (const text of group.paragraphs) out.push(paragraph(text));
  for (const theme of group.themes) {
    out.push(heading(themeHeading(theme), HeadingLevel.HEADING_2));
    if (theme.keywords.length > 0) out.push(new Paragraph({ children: [new TextRun({ text: xmlText(theme.keywords.join(', ')), italics: true, color: '595959' })] }));
    for (const text of theme.paragraphs) out.push(paragraph(text));
    for (const entry of theme.entries) out.push(bullet([new TextRun(xmlText(entry.text)), ...(entry.copies > 1 ? [new TextRun({ text: copiesSuffix(entry), color: '595959' })] : [])]));
    if (theme.moreIdeas > 0) out.push(bullet([new TextRun({ text: theme.moreLine, italics: true })]));
  }
  return out;
}

/** The cross-event table and each event's themes, under a heading of the caller's. */
function eventsSection(events: EventsContent, files: ReadonlyMap<string, string>, eventLevel: (typeof HeadingLevel)[keyof typeof HeadingLevel]): (Paragraph | Table)[] {
  const { view } = events;
  const out: (Paragraph | Table)[] = [paragraph(events.summary)];
  const header = ['Theme', ...events.columns, 'Total'];
  const rows = view.themes.map((t) => [t.label, ...view.events.map((e) => String(t.counts[e] ?? '')), String(t.size)]);
  const bold = view.themes.map((t) => t.shared);
  out.push(table(header, rows, { numericFrom: 1, boldRows: bold }));
  const notes = ['Bold: a theme found in more than one event.', ...events.legend.map((l) => `${l.short}: ${l.event}`)];
  out.push(new Paragraph({ spacing: { before: 80 }, children: notes.flatMap((n, i) => [...(i > 0 ? [new TextRun({ break: 1 })] : []), new TextRun({ text: xmlText(n), size: 18, color: '595959' })]) }));
  for (const event of events.perEvent) {
    out.push(heading(`${event.event} — ${event.count}`, eventLevel));
    const file = files.get(event.event);
    if (file) out.push(paragraph(`Its report: ${file}`));
    for (const theme of event.themes) out.push(bullet([new TextRun(xmlText(`${theme.label} (${theme.size})${theme.shared ? ` → ${theme.shared}` : ''}`))]));
    if (event.unthemed > 0) out.push(bullet([new TextRun(`Other ideas (${event.unthemed})`)]));
  }
  return out;
}

function figuresTable(figures: FiguresTable): Table {
  const numericFrom = figures.header.length - figures.numbers;
  const rows = figures.total ? [...figures.rows, figures.total] : figures.rows;
  return table(figures.header, rows, { numericFrom, boldRows: rows.map((_, i) => figures.total !== undefined && i === rows.length - 1) });
}

/** A table with a shaded heading row repeated on each page, columns fitted to their content, numbers on the right. */
function table(header: string[], rows: string[][], layout: { numericFrom: number; boldRows: boolean[] }): Table {
  const cells = [header, ...rows].map((row) => row.map(xmlText));
  const chars = fitColumns(cells, Math.floor((TEXT_WIDTH - header.length * (CELL_PADDING + CHAR_TWIPS)) / CHAR_TWIPS));
  // One character of slack: a word exactly as wide as its column would still wrap on rounding.
  const widths = chars.map((c) => Math.round((c + 1) * CHAR_TWIPS + CELL_PADDING));
  const cell = (text: string, c: number, bold: boolean, shaded: boolean) =>
    new TableCell({
      width: { size: widths[c], type: WidthType.DXA },
      ...(shaded ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: HEADER_FILL } } : {}),
      children: [new Paragraph({ alignment: c >= layout.numericFrom ? AlignmentType.RIGHT : AlignmentType.LEFT, spacing: { after: 0 }, children: [new TextRun({ text, bold, size: 20 })] })],
    });
  return new Table({
    // Without an alignment LibreOffice stretches a narrower table to the margins, widening every column.
    alignment: AlignmentType.LEFT,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((s, w) => s + w, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({ tableHeader: true, children: cells[0].map((text, c) => cell(text, c, true, true)) }),
      ...cells.slice(1).map((row, r) => new TableRow({ cantSplit: true, children: row.map((text, c) => cell(text, c, layout.boldRows[r], false)) })),
    ],
  });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]): Paragraph {
  return new Paragraph({ heading: level, children: [new TextRun(xmlText(text))] });
}

function paragraph(text: string, spaceBefore = 0): Paragraph {
  return new Paragraph({ ...(spaceBefore > 0 ? { spacing: { before: spaceBefore } } : {}), children: [new TextRun(xmlText(text))] });
}

function bullet(runs: TextRun[]): Paragraph {
  return new Paragraph({ numbering: { reference: BULLETS, level: 0 }, spacing: { after: 40 }, children: runs });
}

/** What docx's packer does, minus the dates: its parts zipped with a fixed date, the creation time left out. */
function packDocument(document: Document): Uint8Array {
  const parts = compileParts(document);
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) {
    const text = typeof data === 'string' ? data : undefined;
    files[name] = text === undefined ? (data as Uint8Array) : new TextEncoder().encode(name === 'docProps/core.xml' ? withoutDates(text) : text);
  }
  return zipSync(files, { level: 6, mtime: ZIP_DATE });
}

type Compile = (file: Document, prettify: undefined, overrides: readonly unknown[]) => Map<string, string | Uint8Array>;

/**
 * The document's parts by path, in docx's own zip order. docx has no synchronous packer, and
 * the write path is synchronous; its packer is a synchronous compile wrapped in a promise, so we
 * call that compile (docx is pinned to the version this was checked against; the Word tests fail
 * if it moves).
 */
function compileParts(document: Document): Map<string, string | Uint8Array> {
  const compiler = (Packer as unknown as { compiler?: { compile?: Compile } }).compiler;
  if (typeof compiler?.compile !== 'function') throw new Error('this version of the docx package has no synchronous compiler');
  return compiler.compile.call(compiler, document, undefined, []);
}

/** The creation and modification times are optional in OPC core properties; a draft made twice is the same draft. */
function withoutDates(coreXml: string): string {
  return coreXml.replace(/<dcterms:(created|modified)\b[^>]*>[^<]*<\/dcterms:\1>/g, '');
}
