import { CrossEventView } from '../events/crossEvent';
import { themeDisplay } from './display';
import { plural } from './groupTitle';
import { Report } from './report';
import { copiesSuffix, EventsContent, eventsContent, FiguresTable, GroupContent, groupHeading, reportContent, ThemeContent } from './reportContent';
import { escapeHtml } from './safeText';
import { HTML_STYLE } from './htmlStyle';

export interface HtmlOptions {
  /** Show each theme's keywords on its card (default true). */
  keywords?: boolean;
}

/**
 * The visual summary: one self-contained page (inline CSS and SVG, no script, nothing fetched,
 * a Content-Security-Policy that forbids both) with the overall figures, per group a bar chart of
 * its themes and a card per theme (name, count, keywords, representative idea, all its ideas one
 * click away), and with several events a heat map of themes × events. Every note is escaped.
 * The cards list every idea (folded): --top does not apply to a list that is closed until opened.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const content = reportContent(report, { keywords: options.keywords });
  const body: string[] = [
    '<header>',
    `<p class="kicker">Visual summary of the outcome</p>`,
    `<h1>${escapeHtml(content.title)}</h1>`,
    `<p>${escapeHtml(content.figures.summary)}</p>`,
    '</header>',
    figuresSection(report, content.figures),
    ...content.groups.map((g, i) => groupSection(g, i)),
    ...(content.events ? [eventsSection(content.events)] : []),
  ];
  if (content.skipped.length > 0) {
    body.push('<section><h2>Skipped rows</h2><ul>', ...content.skipped.map((s) => `<li>${escapeHtml(`${s.file}, row ${s.row}: ${s.reason}`)}</li>`), '</ul></section>');
  }
  body.push(`<footer>Made by ${escapeHtml(report.generator.name)} ${escapeHtml(report.generator.version)}, seed ${report.options.seed}. Themes are a first draft for the rapporteur to edit.</footer>`);
  return page(content.title, body);
}

/** The index of a series (--out-dir): the heat map of themes × events, each event linked to its own page. */
export function renderHtmlIndex(view: CrossEventView, links: ReadonlyMap<string, string>, version: string): string {
  const events = eventsContent(view);
  return page(events.heading, [
    '<header>',
    '<p class="kicker">Visual summary of the outcome</p>',
    `<h1 id="events">${escapeHtml(events.heading)}</h1>`,
    '</header>',
    eventsSection(events, links, false),
    `<footer>Made by rapporteur ${escapeHtml(version)}.</footer>`,
  ]);
}

function page(title: string, body: string[]): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // Defence in depth: even a note that escaped escaping could run nothing and fetch nothing.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${HTML_STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function figuresSection(report: Report, figures: FiguresTable): string {
  const tiles = [
    [report.totals.ideas, report.totals.ideas === 1 ? 'idea' : 'ideas'],
    [report.totals.groups, report.totals.groups === 1 ? 'group' : 'groups'],
    [report.totals.themes, report.totals.themes === 1 ? 'theme' : 'themes'],
    [report.totals.skipped, report.totals.skipped === 1 ? 'row skipped' : 'rows skipped'],
  ];
  const numeric = figures.header.length - figures.numbers;
  const row = (cells: string[], tag: 'td' | 'th') => `<tr>${cells.map((c, i) => `<${tag}${i >= numeric ? ' class="num"' : ''}>${escapeHtml(c)}</${tag}>`).join('')}</tr>`;
  return [
    '<section aria-labelledby="figures">',
    '<h2 id="figures">Overall figures</h2>',
    `<ul class="tiles">${tiles.map(([n, what]) => `<li><strong>${n}</strong> ${what}</li>`).join('')}</ul>`,
    '<div class="scroll"><table class="figures">',
    `<thead>${row(figures.header, 'th')}</thead>`,
    `<tbody>${figures.rows.map((r) => row(r, 'td')).join('')}</tbody>`,
    ...(figures.total ? [`<tfoot>${row(figures.total, 'td')}</tfoot>`] : []),
    '</table></div>',
    '</section>',
  ].join('\n');
}

function groupSection(group: GroupContent, index: number): string {
  const id = `group-${index + 1}`;
  return [
    `<section aria-labelledby="${id}">`,
    `<h2 id="${id}">${escapeHtml(groupHeading(group.title, group.question))}</h2>`,
    `<p>${escapeHtml(group.summary)}</p>`,
    ...(group.warning ? [`<p class="warning"><strong>Warning:</strong> ${escapeHtml(group.warning)}.</p>`] : []),
    ...group.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    barChart(group),
    '<div class="cards">',
    ...group.themes.map((t) => themeCard(t, `${id}-${t.letter ?? 'other'}`)),
    '</div>',
    '</section>',
  ].join('\n');
}

/** Theme sizes as horizontal bars: a row per theme (name, bar, count), so it reflows on a phone. */
function barChart(group: GroupContent): string {
  const largest = Math.max(1, ...group.themes.map((t) => t.size));
  const rows = group.themes.map((t) => {
    const width = ((t.size / largest) * 100).toFixed(1);
    return [
      `<li${t.other ? ' class="other"' : ''}>`,
      `<span class="bar-label">${t.letter === undefined ? '' : `${t.letter}) `}${escapeHtml(t.label)}</span>`,
      `<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect x="0" y="0" width="${width}" height="10" rx="1"/></svg>`,
      `<span class="bar-count">${t.size}</span>`,
      '</li>',
    ].join('');
  });
  return `<figure class="chart"><figcaption>Ideas per theme</figcaption><ol class="bars">${rows.join('')}</ol></figure>`;
}

function themeCard(theme: ThemeContent, id: string): string {
  const { shown } = themeDisplay(theme.theme);
  return [
    `<article class="card${theme.other ? ' other' : ''}" id="${id}" aria-labelledby="${id}-h">`,
    `<h3 id="${id}-h">${theme.letter === undefined ? '' : `<span class="letter">${theme.letter})</span> `}${escapeHtml(theme.label)}${theme.new ? ' (new)' : ''}</h3>`,
    `<p class="count">${plural(theme.size, 'idea')}</p>`,
    ...(theme.keywords.length > 0 ? [`<p class="keywords">${escapeHtml(theme.keywords.join(', '))}</p>`] : []),
    ...(theme.other ? ['<p class="keywords">Ideas that fit no theme of this group, for the rapporteur to place.</p>'] : []),
    ...(theme.representative && !theme.other ? [`<blockquote>${escapeHtml(theme.representative)}</blockquote>`] : []),
    `<details><summary>All ${plural(theme.size, 'idea')}</summary><ul>`,
    ...shown.map((e) => `<li>${escapeHtml(e.text)}${e.copies > 1 ? `<span class="copies">${copiesSuffix(e)}</span>` : ''}</li>`),
    '</ul></details>',
    '</article>',
  ].join('\n');
}

/** Heat-map shades, light to dark, each with the text colour that keeps WCAG AA contrast on it. */
const HEAT = [
  { fill: '#f1f5fb', ink: '#1b2a3a' },
  { fill: '#d3e0f2', ink: '#1b2a3a' },
  { fill: '#a9c3e6', ink: '#1b2a3a' },
  { fill: '#2f5f9e', ink: '#ffffff' },
  { fill: '#1b3a66', ink: '#ffffff' },
];

function eventsSection(events: EventsContent, links: ReadonlyMap<string, string> = new Map(), withHeading = true): string {
  const view: CrossEventView = events.view;
  // "Other ideas" is no theme: it is left unshaded and does not set the scale, or it would pale the real ones.
  const largest = Math.max(1, ...view.themes.filter((t) => !t.other).flatMap((t) => Object.values(t.counts)));
  const shade = (n: number) => HEAT[Math.min(HEAT.length - 1, Math.floor(((n - 1) / largest) * HEAT.length))];
  const header = `<tr><th scope="col">Theme</th>${events.columns.map((c, i) => `<th scope="col" class="num" title="${escapeHtml(view.events[i])}">${escapeHtml(c)}</th>`).join('')}<th scope="col" class="num">Total</th></tr>`;
  const rows = view.themes.map((t) => {
    const cells = view.events.map((e) => {
      const n = t.counts[e];
      if (n === undefined) return '<td class="num empty"></td>';
      if (t.other) return `<td class="num">${n}</td>`;
      const { fill, ink } = shade(n);
      return `<td class="num" style="background:${fill};color:${ink}">${n}</td>`;
    });
    return `<tr${t.shared ? ' class="shared"' : ''}><th scope="row">${escapeHtml(t.label)}</th>${cells.join('')}<td class="num total">${t.size}</td></tr>`;
  });
  const legend = events.legend.length > 0 ? `<p class="legend">${events.legend.map((l) => `${escapeHtml(l.short)}: ${escapeHtml(l.event)}`).join(' · ')}</p>` : '';
  const perEvent = events.perEvent.map((e) =>
    [
      `<h3>${links.has(e.event) ? `<a href="${escapeHtml(encodeURI(links.get(e.event)!))}">${escapeHtml(e.event)}</a>` : escapeHtml(e.event)} — ${e.count}</h3><ul>`,
      ...e.themes.map((t) => `<li>${escapeHtml(`${t.label} (${t.size})${t.shared ? ` → ${t.shared}` : ''}`)}</li>`),
      ...(e.unthemed > 0 ? [`<li>Other ideas (${e.unthemed})</li>`] : []),
      '</ul>',
    ].join(''),
  );
  return [
    '<section aria-labelledby="events">',
    ...(withHeading ? [`<h2 id="events">${escapeHtml(events.heading)}</h2>`] : []),
    `<p>${escapeHtml(events.summary)} Bold rows: found in more than one event; darker cells: more ideas.</p>`,
    `<div class="scroll"><table class="heat"><thead>${header}</thead><tbody>${rows.join('')}</tbody></table></div>`,
    legend,
    ...perEvent,
    '</section>',
  ].join('\n');
}
