import { themeDisplay } from '../../src/report/display';
import { Report } from '../../src/report/report';

/** Every bullet a reader should find, "text (×N)" for merged ideas, sorted: each idea once. */
export function expectedBullets(report: Report): string[] {
  return report.groups
    .flatMap((g) => g.themes.flatMap((t) => themeDisplay(t).shown.map((e) => `${e.text}${e.copies > 1 ? ` (×${e.copies})` : ''}`)))
    .sort();
}
