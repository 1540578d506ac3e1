/**
 * Makes the pictures the README shows, from the bundled ITU notes, with the readers a
 * rapporteur would use: Chromium for the visual summary (desktop and phone), LibreOffice for the
 * Word document (its first page, through PDF and pdftoppm). Run: npm run docs:pictures
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../test/readers/browser';

const root = path.resolve(__dirname, '..');
const itu = path.join(root, 'fixtures', 'itu-world-cafe-2013.csv');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-pictures-'));
const rapporteur = (...args: string[]) => execFileSync(process.execPath, [path.join(root, 'bin', 'rapporteur.js'), ...args], { stdio: ['ignore', 'inherit', 'inherit'] });

async function main(): Promise<void> {
  const html = path.join(work, 'itu.html');
  const docx = path.join(work, 'itu.docx');
  rapporteur(itu, '-o', html);
  rapporteur(itu, '-o', docx);

  const chromium = await launchChromium();
  try {
    for (const [name, viewport] of [
      ['visual-summary.png', { width: 1200, height: 1500 }],
      ['visual-summary-phone.png', { width: 390, height: 1200 }],
    ] as const) {
      const page = await chromium.context.newPage();
      await page.setViewportSize(viewport);
      await page.goto(pathToFileURL(html).href);
      await page.screenshot({ path: path.join(root, 'docs', name) });
      await page.close();
    }
  } finally {
    await chromium.close();
  }

  execFileSync('soffice', ['--headless', `-env:UserInstallation=${pathToFileURL(path.join(work, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', path.join(work, 'itu.pdf'), path.join(root, 'docs', 'word-first-page')]);
  fs.rmSync(work, { recursive: true, force: true });
  process.stdout.write(`${['visual-summary.png', 'visual-summary-phone.png', 'word-first-page.png'].map((f) => `docs/${f}`).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
