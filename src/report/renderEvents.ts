import { Chalk } from 'chalk';
import stringWidth from 'string-width';
import { CrossEventView } from '../events/crossEvent';
import { plural } from './groupTitle';
import { eventCode, eventsContent } from './reportContent';
import { escapeMarkdown, terminalSafe } from './safeText';

/**
 * The cross-event view in Markdown: a table of themes × events (shared themes first), then
 * each event's own themes and the shared theme they belong to. `links` gives, per event, the
 * file its own report was written to, when there is one.
 */
export function markdownEventsSection(view: CrossEventView, links: ReadonlyMap<string, string> = new Map(), heading = '##'): string[] {
  const content = eventsContent(view);
  const lines = [`${heading} ${content.heading}`, '', content.summary, ''];
  lines.push(`${content.legend.map((l) => `${l.short}: ${escapeMarkdown(l.event)}`).join('; ')}.`, '');
  const header = ['Theme', ...content.columns.map(escapeMarkdown), 'Total'];
  lines.push(`| ${header.join(' | ')} |`, `|---|${view.events.map(() => '--:').join('|')}|--:|`);
  for (const theme of view.themes) {
    const label = theme.shared ? `**${escapeMarkdown(theme.label)}**` : escapeMarkdown(theme.label);
    lines.push(`| ${[label, ...view.events.map((e) => String(theme.counts[e] ?? '')), String(theme.size)].join(' | ')} |`);
  }
  lines.push('');
  for (const event of content.perEvent) {
    const link = links.get(event.event);
    const title = link ? `[${escapeMarkdown(event.event)}](${encodeURI(link)})` : escapeMarkdown(event.event);
    lines.push(`${heading}# ${title} — ${event.count}`, '');
    for (const theme of event.themes) {
      const home = theme.shared ? ` → ${escapeMarkdown(theme.shared)}` : '';
      lines.push(`- ${escapeMarkdown(theme.label)} (${theme.size})${home}`);
    }
    if (event.unthemed > 0) lines.push(`- Other ideas (${event.unthemed})`);
    lines.push('');
  }
  return lines;
}

/** The cross-event view for the terminal: the same table, aligned, shared themes marked. */
export function textEventsSection(view: CrossEventView, c: InstanceType<typeof Chalk>): string[] {
  const out = [c.bold(`Themes across ${plural(view.events.length, 'event')}`), ''];
  const events = view.events.map((_, i) => eventCode(i));
  out.push(...view.events.map((e, i) => c.dim(`${eventCode(i)}  ${terminalSafe(e)}`)), '');
  const labels = view.themes.map((t) => `${t.shared ? '* ' : '  '}${terminalSafe(t.label)}`);
  const labelWidth = Math.max(5, ...labels.map((l) => stringWidth(l)));
  const widths = events.map((e) => Math.max(3, stringWidth(e)));
  const cell = (text: string, width: number) => ' '.repeat(Math.max(0, width - stringWidth(text))) + text;
  out.push(`${' '.repeat(labelWidth)}  ${events.map((e, i) => cell(e, widths[i])).join('  ')}  total`);
  view.themes.forEach((theme, t) => {
    const counts = view.events.map((e, i) => cell(String(theme.counts[e] ?? '·'), widths[i]));
    const line = `${labels[t]}${' '.repeat(labelWidth - stringWidth(labels[t]))}  ${counts.join('  ')}  ${cell(String(theme.size), 5)}`;
    out.push(theme.shared ? c.bold(line) : line);
  });
  out.push(c.dim('* found in more than one event'), '');
  return out;
}
