import { describeK, RecordedK } from '../groupK';
import { SkippedRow } from '../ingest/idea';
import { EvaluationReport, EvaluationScores, GroupEvaluation } from './evaluate';

/**
 * The contract of `rapporteur evaluate --format json`. Fields may be added; renaming or
 * dropping one needs a new schemaVersion.
 */
export const EVALUATION_SCHEMA_VERSION = 1;

export const EVALUATION_FORMATS = ['text', 'json'] as const;
export type EvaluationFormat = (typeof EVALUATION_FORMATS)[number];

/** What was evaluated and how: everything the scores depend on besides the ideas. */
export interface EvaluationSetting {
  version: string;
  /** The input, as named on the command line ("stdin" for -). */
  input: string;
  options: {
    /** The column of the human grouping. */
    truth: string;
    text: string;
    /** The grouping column, or null when all ideas form one group. */
    by: string | null;
    k: RecordedK;
    seed: number;
    /** Whether word vectors were used (false with --no-vectors or when they could not be loaded). */
    vectors: boolean;
  };
  /** Rows without an idea, which nothing could be clustered from. */
  skipped: SkippedRow[];
}

export interface EvaluationDocument {
  schemaVersion: number;
  generator: { name: string; version: string };
  inputs: string[];
  options: EvaluationSetting['options'];
  totals: EvaluationReport['totals'] & { skipped: number };
  mean: EvaluationScores | null;
  /** Edits summed over the groups, with their rate per 100 ideas. */
  edits: EvaluationReport['edits'];
  groups: GroupEvaluation[];
  notEvaluated: EvaluationReport['notEvaluated'];
  skipped: SkippedRow[];
}

export function evaluationDocument(report: EvaluationReport, setting: EvaluationSetting): EvaluationDocument {
  return {
    schemaVersion: EVALUATION_SCHEMA_VERSION,
    generator: { name: 'rapporteur', version: setting.version },
    inputs: [setting.input],
    options: setting.options,
    totals: { ...report.totals, skipped: setting.skipped.length },
    mean: report.mean,
    edits: report.edits,
    groups: report.groups,
    notEvaluated: report.notEvaluated,
    skipped: setting.skipped,
  };
}

export function renderEvaluation(report: EvaluationReport, setting: EvaluationSetting, format: EvaluationFormat): string {
  return format === 'json' ? `${JSON.stringify(evaluationDocument(report, setting), null, 2)}\n` : renderEvaluationText(report, setting);
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
const f3 = (x: number) => x.toFixed(3);

/** "Round 1" for a group of the round column, "All ideas" when nothing splits them. */
function groupTitle(group: GroupEvaluation, by: string | null): string {
  if (by === null) return 'All ideas';
  const column = by.charAt(0).toUpperCase() + by.slice(1);
  return column.toLowerCase() === 'question' ? group.name : `${column} ${group.name}`;
}

type Cell = { text: string; right: boolean };

/** Columns padded to their widest cell: text to the left, numbers to the right. */
function table(rows: Cell[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].text.length)));
  return rows.map((r) =>
    r
      .map((cell, c) => (cell.right ? cell.text.padStart(widths[c]) : cell.text.padEnd(widths[c])))
      .join('  ')
      .trimEnd(),
  );
}

const SCORE_COLUMNS: [keyof EvaluationScores, string][] = [
  ['ami', 'AMI'],
  ['ari', 'ARI'],
  ['nmi', 'NMI'],
  ['vMeasure', 'V-measure'],
  ['homogeneity', 'homogeneity'],
  ['completeness', 'completeness'],
  ['purity', 'purity'],
];

/** The terminal view: a table of scores per group and their mean, then where each human theme went. */
export function renderEvaluationText(report: EvaluationReport, setting: EvaluationSetting): string {
  const { options } = setting;
  const out: string[] = [];
  const k = `k ${describeK(options.k)}`;
  const vectors = options.vectors ? 'word vectors' : 'shared words only';
  out.push(`Themes of ${setting.input} against the human grouping in "${options.truth}" (${k}, seed ${options.seed}, ${vectors})`);
  out.push('');

  const left = (text: string): Cell => ({ text, right: false });
  const right = (text: string): Cell => ({ text, right: true });
  const header = [left('group'), right('ideas'), right('themes'), right('human'), right('edits'), right('edits/100'), ...SCORE_COLUMNS.map(([, name]) => right(name))];
  const rows: Cell[][] = [header];
  for (const group of report.groups) {
    const s = group.scores;
    rows.push([
      left(groupTitle(group, options.by)),
      right(String(group.evaluated)),
      right(String(group.themes.filter((t) => !t.other).length)),
      right(s ? String(s.humanThemes) : '–'),
      right(group.edits ? String(group.edits.edits) : '–'),
      right(group.edits ? group.edits.per100Ideas.toFixed(1) : '–'),
      ...SCORE_COLUMNS.map(([key]) => right(s ? f3(s[key]) : '–')),
    ]);
  }
  if (report.mean && report.totals.scoredGroups > 1) {
    const m = report.mean;
    const e = report.edits;
    rows.push([
      left('mean'),
      right(''),
      right(m.themes.toFixed(1)),
      right(m.humanThemes.toFixed(1)),
      right(e ? String(e.edits) : '–'),
      right(e ? e.per100Ideas.toFixed(1) : '–'),
      ...SCORE_COLUMNS.map(([key]) => right(f3(m[key]))),
    ]);
  }
  out.push(...table(rows));
  out.push('');
  out.push("Where each human theme went — human theme (ideas): rapporteur's themes holding them, with counts.");
  out.push('');

  for (const group of report.groups) {
    out.push(`${groupTitle(group, options.by)}${group.question && options.by?.toLowerCase() !== 'question' ? `: ${group.question}` : ''}`);
    if (group.confusion.length === 0) out.push('  (no idea has a human theme)');
    for (const human of group.confusion) {
      out.push(`  ${human.truth} (${human.size}): ${human.themes.map((t) => `${t.label} ${t.count}`).join(', ')}`);
    }
    out.push('');
  }

  if (report.edits) {
    const e = report.edits;
    out.push(
      `Edits to reach the human grouping: ${e.edits} (${plural(e.moves, 'move')}, ${plural(e.merges, 'merge')}, ${plural(e.newThemes, 'new theme')}) for ${plural(e.ideas, 'idea')}, ${e.per100Ideas.toFixed(1)} per 100.`,
      '',
    );
  }
  out.push(
    "Edits: each theme stands for its commonest human theme; an idea of another human theme or in Other ideas is one move,",
    'two themes standing for one human theme one merge, a human theme no theme stands for one new theme.',
    'AMI, ARI: 1 = the human grouping, 0 = chance. NMI = V-measure: shared information, 1 = the same grouping.',
    "Homogeneity: each theme holds one human theme. Completeness: each human theme stays in one theme.",
    "Purity: share of ideas in their theme's commonest human theme.",
  );
  if (report.totals.notEvaluated > 0) {
    const rows = report.notEvaluated.map((r) => r.row);
    const shown = rows.length > 10 ? `${rows.slice(0, 10).join(', ')}, …` : rows.join(', ');
    out.push(`${plural(report.totals.notEvaluated, 'idea')} without a "${options.truth}" value clustered but not evaluated (${rows.length === 1 ? 'row' : 'rows'} ${shown}).`);
  }
  if (setting.skipped.length > 0) out.push(`${plural(setting.skipped.length, 'row')} without an idea skipped.`);
  return `${out.join('\n')}\n`;
}
