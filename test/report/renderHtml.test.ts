import { CrossEventView } from '../../src/events/crossEvent';
import { renderHtml } from '../../src/report/renderHtml';
import { renderMarkdown } from '../../src/report/renderMarkdown';
import { sampleReport } from './fixture';

/** Two events with names too long to head a column, sharing one theme. */
function withEvents() {
  const report = sampleReport();
  const view: CrossEventView = {
    events: ['Geneva World Café 2013', 'Lima World Café 2014'],
    themes: [
      { label: 'Human Rights', keywords: [], size: 9, counts: { 'Geneva World Café 2013': 8, 'Lima World Café 2014': 1 }, shared: true },
      { label: 'Cyber <b>crime</b>', keywords: [], size: 2, counts: { 'Lima World Café 2014': 2 }, shared: false },
    ],
    perEvent: [
      { event: 'Geneva World Café 2013', ideas: 8, themes: [{ label: 'Rights', size: 8, shared: 'Human Rights' }] },
      { event: 'Lima World Café 2014', ideas: 3, themes: [{ label: 'Crime', size: 2, shared: null }, { label: 'Other ideas', size: 1, other: true, shared: null }] },
    ],
  };
  return { ...report, events: view };
}

describe('renderHtml', () => {
  it('is one page that loads nothing and runs nothing', () => {
    const html = renderHtml(sampleReport());
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"`);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\s(src|href)=|url\(|@import/i);
  });

  it('shows the themes × events table as a heat map with short headings and a legend', () => {
    const html = renderHtml(withEvents());
    expect(html).toContain('<th scope="col" class="num" title="Geneva World Café 2013">E1</th>');
    expect(html).toContain('E1: Geneva World Café 2013 · E2: Lima World Café 2014');
    expect(html).toContain('<tr class="shared"><th scope="row">Human Rights</th><td class="num" style="background:#1b3a66;color:#ffffff">8</td><td class="num" style="background:#f1f5fb;color:#1b2a3a">1</td>');
    expect(html).toContain('<th scope="row">Cyber &lt;b&gt;crime&lt;/b&gt;</th><td class="num empty"></td>');
    expect(html).toContain('<li>Other ideas (1)</li>');
  });

  it('is the same page for the same report', () => {
    expect(renderHtml(withEvents())).toBe(renderHtml(withEvents()));
  });
});

describe('the cross-event table in Markdown', () => {
  it('heads long event names E1, E2, … and says which is which', () => {
    const md = renderMarkdown(withEvents());
    expect(md).toContain('| Theme | E1 | E2 | Total |');
    expect(md).toContain('E1: Geneva World Café 2013; E2: Lima World Café 2014.');
  });
});
