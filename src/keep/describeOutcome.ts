import { quoteForMessage } from '../errors';
import { DraftOutcome } from './keepDraft';

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * The lines on stderr after a refresh: each bullet whose idea is gone and each heading left
 * empty (where it was in the draft), then one summary line:
 * `kept 105 ideas in 18 themes as edited; placed 3 new ideas (2 into kept themes, 1 new theme);
 * 1 idea of the draft is no longer in the notes`.
 */
export function describeOutcome(outcome: DraftOutcome, file: string): string[] {
  const at = (line: number) => (line > 0 ? `${file}:${line}` : file);
  const lines: string[] = [];
  const gone = [...outcome.groups.flatMap((g) => g.gone), ...outcome.droppedGroups.flatMap((d) => d.bullets)];
  for (const { group, bullets } of outcome.droppedGroups) {
    lines.push(`rapporteur: note: ${at(group.line)}: group ${quoteForMessage(group.heading, 60)} is not in the notes; its ${count(bullets.length, 'bullet')} dropped`);
  }
  for (const bullet of [...outcome.groups.flatMap((g) => g.gone)].sort((a, b) => a.line - b.line)) {
    lines.push(`rapporteur: note: ${at(bullet.line)}: ${quoteForMessage(bullet.text, 60)} is no longer in the notes; dropped`);
  }
  for (const theme of outcome.groups.flatMap((g) => g.emptied).sort((a, b) => a.line - b.line)) {
    lines.push(`rapporteur: note: ${at(theme.line)}: heading ${quoteForMessage(theme.name, 60)} has no idea left; dropped`);
  }
  const sum = (pick: (g: DraftOutcome['groups'][number]) => number) => outcome.groups.reduce((s, g) => s + pick(g), 0);
  const kept = sum((g) => g.keptIdeas);
  const into = sum((g) => g.placedIntoKept);
  const newThemes = sum((g) => g.newThemes);
  const other = sum((g) => g.intoOther);
  const placed = into + sum((g) => g.intoNewThemes) + other;
  const where = [`${into} into kept themes`, count(newThemes, 'new theme'), ...(other > 0 ? [`${other} into Other ideas`] : [])].join(', ');
  const goneText = `${count(gone.length, 'idea')} of the draft ${gone.length === 1 ? 'is' : 'are'} no longer in the notes`;
  lines.push(`rapporteur: kept ${count(kept, 'idea')} in ${count(sum((g) => g.keptThemes), 'theme')} as edited; placed ${count(placed, 'new idea')} (${where}); ${goneText}`);
  return lines;
}
