/**
 * Label benchmark: do the theme names say what the humans said? For every labelled set under
 * fixtures/, the share of human themes (of two ideas or more) whose words appear in the label
 * or first five keywords of the theme holding most of their ideas, and duplicated labels.
 *
 *   npm run bench:labels               # prints the table
 *   npm run bench:labels -- --write    # and writes bench/LABELS.md
 *   npm run bench:labels -- --details  # every human theme with the label it got
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyseGroup } from '../src/analyseGroup';
import { labelCoverage, nameHumanThemes } from '../src/evaluate/labelCoverage';
import { groupIdeas } from '../src/groupIdeas';
import { parseNotes } from '../src/ingest/parseNotes';
import { defaultCacheDir, loadWordVectors } from '../src/vectors/wordVectorCache';
import { seededRandom } from '../src/random';
import { Idea } from '../src/ingest/idea';
import { LABELLED_SETS } from './labelledSets';
import { checkLabel } from '../src/themes/labelRules';
import { analyseText } from '../src/text/analyseText';
import { Theme } from '../src/themes/theme';

const root = path.resolve(__dirname, '..');
const wordVectors = loadWordVectors({ cacheDir: defaultCacheDir(process.env), onProgress: (m) => process.stderr.write(`${m}\n`) });
const targets: Record<string, string> = { 'itu-world-cafe-2013.csv': '≥ 60%', 'dev-stackoverflow-120.csv': '≥ 70%' };
const rows: string[] = [];
const ruleRows: string[] = [];
const ruleDetails: string[] = [];

/** Every real theme's label checked against the rules a rapporteur's names follow (src/themes/labelRules.ts). */
function checkLabels(themes: readonly Theme[]) {
  return themes
    .filter((t) => !t.other)
    .map((t) => ({ label: t.label, size: t.members.length, ...checkLabel(t.label, t.members.map((m) => analyseText(m.idea.text))) }));
}
const details: string[] = [];
/** Random subsamples per group, each keeping every idea with this probability. */
const SUBSAMPLES = 30;
const KEEP = 0.8;

/**
 * Coverage over random subsamples of a group's ideas, summed: how much the figure on the whole
 * set owes to where a few ideas happened to fall. Seeded, so the same every run.
 */
function subsampledCoverage(ideas: readonly Idea[]): { covered: number; humanThemes: number } {
  let covered = 0;
  let humanThemes = 0;
  for (let s = 0; s < SUBSAMPLES; s++) {
    const random = seededRandom(1000 + s);
    const kept = ideas.filter(() => random() < KEEP);
    const coverage = labelCoverage(kept, analyseGroup(kept, { seed: 42, wordVectors }));
    covered += coverage.covered;
    humanThemes += coverage.humanThemes;
  }
  return { covered, humanThemes };
}
for (const set of LABELLED_SETS) {
  const table = parseNotes(fs.readFileSync(path.join(root, 'fixtures', set.file), 'utf8'), set.file, { text: set.text, by: set.by ?? 'none', truth: set.truth });
  let human = 0;
  let covered = 0;
  let duplicated = 0;
  let namedAlone = 0;
  const rules = { labels: 0, breaking: 0, fromRepresentative: 0 };
  // Sets whose human themes are numbers (news-event or class ids) have no names to cover.
  const named = table.ideas.some((i) => i.truth && !/^\d+$/.test(i.truth));
  const subsampled = { covered: 0, humanThemes: 0 };
  for (const group of groupIdeas(table.ideas)) {
    namedAlone += labelCoverage(group.ideas, nameHumanThemes(group.ideas)).covered;
    if (named) {
      const part = subsampledCoverage(group.ideas);
      subsampled.covered += part.covered;
      subsampled.humanThemes += part.humanThemes;
    }
    const themes = analyseGroup(group.ideas, { seed: 42, wordVectors });
    for (const check of checkLabels(themes)) {
      rules.labels++;
      if (check.breaks.length > 0) rules.breaking++;
      if (check.fromRepresentative) rules.fromRepresentative++;
      if (check.breaks.length > 0) ruleDetails.push(`✗ ${set.name} / ${group.name}: "${check.label}" (${check.size} ideas): ${check.breaks.join(', ')}`);
    }
    const coverage = labelCoverage(group.ideas, themes);
    human += coverage.humanThemes;
    covered += coverage.covered;
    duplicated += coverage.duplicatedLabels;
    for (const d of coverage.details) details.push(`${d.covered ? '✓' : '✗'} ${set.name} / ${group.name}: "${d.truth}" → "${d.theme}" [${d.words.join(', ')}]`);
  }
  const coverage = named ? `**${((100 * covered) / human).toFixed(0)}%**` : 'n/a (themes are ids)';
  const alone = named ? `${namedAlone} (${((100 * namedAlone) / human).toFixed(0)}%)` : '—';
  const resampled = named ? `${((100 * subsampled.covered) / subsampled.humanThemes).toFixed(0)}%` : '—';
  rows.push(`| ${set.name} | ${human} | ${named ? covered : '—'} | ${coverage} | ${targets[set.file] ?? '—'} | ${duplicated} | ${resampled} | ${alone} |`);
  ruleRows.push(`| ${set.name} | ${rules.labels} | **${rules.breaking}** | ${rules.fromRepresentative} |`);
}
const output = [
  '# Label benchmark',
  '',
  'For each human theme of at least two ideas: is a content word of its name found in the label or',
  "the first five keywords of rapporteur's theme holding most of its ideas (same word, or a shared",
  'prefix of six letters)? Default settings, seed 42. Duplicated labels: labels used twice in a group.',
  '',
  `On subsamples: the mean coverage over ${SUBSAMPLES} seeded random subsamples of each group, each`,
  `keeping ${100 * KEEP}% of its ideas; it shows how much the whole-set figure owes to where a few ideas fell.`,
  '',
  'Naming alone: the same check when rapporteur names the human themes themselves (their ideas',
  'in input order), which measures the naming apart from the clustering. The gap between it and',
  "coverage is what the clustering costs: a human theme whose ideas sit in a theme about something",
  'else is not covered however that theme is named.',
  '',
  '| set | human themes (≥ 2 ideas) | covered | coverage | target | duplicated labels | on subsamples | naming alone |',
  '|---|--:|--:|--:|--:|--:|--:|--:|',
  ...rows,
  '',
  '## Names a rapporteur keeps',
  '',
  'Every label of every theme (default settings, seed 42) against the rules of src/themes/labelRules.ts: a label is',
  'a word or phrase that at least two ideas of its theme carry as written (inflection aside), or, when nothing',
  'shared qualifies, a phrase of the theme\'s representative idea; never words joined by "and" that no idea joins;',
  "never a single function word or a word whose commonest use is a verb (natural's English lexicon).",
  '',
  '| set | labels | breaking a rule | from the representative idea |',
  '|---|--:|--:|--:|',
  ...ruleRows,
  '',
  ...(ruleDetails.length > 0 ? ['Breaking a rule:', '', ...ruleDetails.map((d) => `- ${d}`), ''] : []),
  'Generated by `npm run bench:labels`.',
  '',
].join('\n');
process.stdout.write(output);
if (process.argv.includes('--details')) process.stdout.write(`\n${details.join('\n')}\n`);
if (process.argv.includes('--write')) fs.writeFileSync(path.join(root, 'bench', 'LABELS.md'), output);
