/// <reference lib="dom" />
// The functions given to page.evaluate run in the page, where the DOM is.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { renderHtml } from '../../src/report/renderHtml';
import { Report } from '../../src/report/report';
import { ITU, rapporteur } from '../e2e/cli';
import { sampleReport } from '../report/fixture';
import { hasChromium, launchChromium } from './browser';
import { expectedBullets } from './ideas';

// CI installs Chromium (.ci/run), so there its absence is a failure, not a skip.
const withChromium = hasChromium || process.env.CI ? describe : describe.skip;
jest.setTimeout(120_000);

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-html-'));
const itu = JSON.parse(rapporteur([ITU, '--format', 'json']).stdout) as Report;

/** A page opened from a file, with what it logged, threw and asked the network for. */
async function open(context: BrowserContext, file: string, viewport = { width: 1280, height: 900 }) {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(200);
  return { page, problems, requests: requests.filter((r) => r !== url) };
}

/** The bullets in the cards' lists, "text (×N)", sorted. */
async function listedIdeas(page: Page): Promise<string[]> {
  return (await page.$$eval('.card details li', (items) => items.map((li) => li.textContent ?? ''))).sort();
}

withChromium('the visual summary of the ITU notes in Chromium', () => {
  let chromium: Awaited<ReturnType<typeof launchChromium>>;
  const file = path.join(work, 'itu.html');
  beforeAll(async () => {
    expect(rapporteur([ITU, '-o', file])).toMatchObject({ status: 0, stderr: '' });
    chromium = await launchChromium();
  });
  afterAll(async () => {
    await chromium?.close();
    fs.rmSync(work, { recursive: true, force: true });
  });

  it('loads with no console error and no request to anything', async () => {
    const { page, problems, requests } = await open(chromium.context, file);
    expect(problems).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.title()).toBe(itu.title);
    await page.close();
  });

  it('has every idea once, one click away, and the counts of the JSON report', async () => {
    const { page } = await open(chromium.context, file);
    expect(await listedIdeas(page)).toEqual(expectedBullets(itu));
    const cards = await page.$$eval('section[aria-labelledby^="group-"]', (sections) =>
      sections.map((s) => ({
        labels: [...s.querySelectorAll('.card h3')].map((h) => h.textContent),
        counts: [...s.querySelectorAll('.card .count')].map((c) => c.textContent),
        bars: [...s.querySelectorAll('.bar-count')].map((c) => Number(c.textContent)),
      })),
    );
    expect(cards).toEqual(
      itu.groups.map((g) => ({
        labels: g.themes.map((t, i) => `${t.other ? '' : `${String.fromCharCode(97 + i)}) `}${t.label}`),
        counts: g.themes.map((t) => `${t.size} idea${t.size === 1 ? '' : 's'}`),
        bars: g.themes.map((t) => t.size),
      })),
    );
    const tiles = await page.$$eval('.tiles strong', (s) => s.map((e) => Number(e.textContent)));
    expect(tiles).toEqual([itu.totals.ideas, itu.totals.groups, itu.totals.themes, itu.totals.skipped]);
    // Closed until clicked, then shown.
    const first = page.locator('.card details').first();
    expect(await first.locator('li').first().isVisible()).toBe(false);
    await first.locator('summary').click();
    expect(await first.locator('li').first().isVisible()).toBe(true);
    await page.close();
  });

  it('draws a bar per theme, as long as its count', async () => {
    const { page } = await open(chromium.context, file);
    const widths = await page.$$eval('section[aria-labelledby="group-1"] .bar rect', (rects) => rects.map((r) => (r as SVGRectElement).getBBox().width));
    const sizes = itu.groups[0].themes.map((t) => t.size);
    const largest = Math.max(...sizes);
    widths.forEach((w, i) => expect(w).toBeCloseTo((sizes[i] / largest) * 100, 0));
    await page.close();
  });

  it('meets WCAG AA contrast for every piece of text', async () => {
    const { page } = await open(chromium.context, file);
    await page.$$eval('details', (all) => all.forEach((d) => ((d as HTMLDetailsElement).open = true)));
    const failures = await page.evaluate(() => {
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
      const luminance = ([r, g, b]: number[]) =>
        [r, g, b].map((v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)).reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      const background = (el: Element | null): number[] => {
        for (let e = el; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
      };
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement!;
        if (!n.textContent?.trim() || el.getClientRects().length === 0) continue;
        const style = getComputedStyle(el);
        const [a, b] = [luminance(rgb(style.color).slice(0, 3)), luminance(background(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)} "${n.textContent.trim().slice(0, 30)}"`);
      }
      return out;
    });
    expect(failures).toEqual([]);
    await page.close();
  });

  it('reads on a phone: nothing wider than the screen', async () => {
    const { page } = await open(chromium.context, file, { width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const columns = await page.$eval('.cards', (el) => getComputedStyle(el).gridTemplateColumns.split(' ').length);
    expect(columns).toBe(1);
    await page.close();
  });

  const pdftotext = spawnSync('pdftotext', ['-v']).status === 0;
  (pdftotext || process.env.CI ? it : it.skip).each(['A4', 'Letter'] as const)('prints to PDF on %s with every idea on paper, lists opened', async (format) => {
    const { page } = await open(chromium.context, file);
    const pdf = path.join(work, `itu-${format}.pdf`);
    await page.pdf({ path: pdf, format, printBackground: true });
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(format === 'A4' ? /Page size:.*\(A4\)/ : /Page size:.*\(letter\)/);
    const text = spawnSync('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    for (const bullet of expectedBullets(itu)) expect(text).toContain(bullet.replace(/\s+/g, ' '));
    await page.close();
  });
});

withChromium('a note that holds markup in Chromium', () => {
  it('is shown as text and runs nothing', async () => {
    const report = sampleReport();
    const notes = ['<script>window.owned = 1; alert(1)</script>', '<img src=x onerror="window.owned = 2">', '"><svg onload="window.owned = 3">', "' onmouseover='window.owned = 4"];
    report.title = '<script>window.owned = 5</script>';
    report.groups[0].themes[0].label = '<b onclick="window.owned = 6">bold</b>';
    report.groups[0].themes[0].ideas = notes.map((text, i) => ({ file: 'notes.csv', row: i + 1, id: String(i + 1), text, similarity: 0.5 }));
    report.groups[0].themes[0].representative = notes[1];
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-html-')), 'hostile.html');
    fs.writeFileSync(file, renderHtml(report));
    const chromium = await launchChromium();
    try {
      const { page, problems, requests } = await open(chromium.context, file);
      expect(await page.evaluate(() => (window as unknown as { owned?: number }).owned)).toBeUndefined();
      expect(problems).toEqual([]);
      expect(requests).toEqual([]);
      expect(await page.$$('script, img, body svg[onload], [onerror], [onclick], [onmouseover]')).toHaveLength(0);
      expect(await page.locator('h1').textContent()).toBe(report.title);
      const listed = await listedIdeas(page);
      for (const note of notes) expect(listed).toContain(note);
    } finally {
      await chromium.close();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
