/**
 * The visual summary's style sheet, inline in the page. Colours are chosen for WCAG AA contrast
 * (4.5:1 for text) on their backgrounds; the layout reflows to one column on a phone, and the
 * print rules lay it out on A4 or Letter (whichever the printer has) with every list opened.
 */
export const HTML_STYLE = `
:root { --ink: #1b1b1b; --muted: #4d4d4d; --accent: #1f3864; --bar: #2f5f9e; --line: #c8d3e3; --soft: #f4f7fb; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 "Segoe UI", Calibri, Carlito, "Liberation Sans", Arial, sans-serif; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
header { border-bottom: 3px solid var(--accent); margin-bottom: 1.5rem; }
.kicker { margin: 0; color: #2f5496; font-size: .85rem; font-weight: 600; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: .2rem 0 .4rem; color: var(--accent); font-size: 2rem; line-height: 1.2; }
h2 { margin: 2.2rem 0 .6rem; color: var(--accent); font-size: 1.4rem; line-height: 1.3; }
h3 { margin: 0 0 .2rem; font-size: 1.05rem; line-height: 1.3; }
section > h3 { margin-top: 1.2rem; }
p { margin: .3rem 0 .8rem; }
.tiles { display: flex; flex-wrap: wrap; gap: .6rem; list-style: none; margin: 0 0 1rem; padding: 0; }
.tiles li { flex: 1 1 8rem; padding: .6rem .8rem; background: var(--soft); border: 1px solid var(--line); border-radius: .4rem; color: var(--muted); }
.tiles strong { display: block; color: var(--accent); font-size: 1.8rem; line-height: 1.1; }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; margin: .4rem 0 1rem; }
th, td { padding: .35rem .6rem; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { background: #d9e2f3; color: var(--ink); }
tfoot td { font-weight: 700; border-top: 2px solid var(--accent); }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.figures td:nth-child(2) { min-width: 16rem; }
.figures td:first-child, .figures th:first-child { white-space: nowrap; }
.chart { margin: .6rem 0 1.2rem; }
.chart figcaption { color: var(--muted); font-size: .85rem; margin-bottom: .3rem; }
.bars { list-style: none; margin: 0; padding: 0; max-width: 48rem; }
.bars li { display: grid; grid-template-columns: minmax(8rem, 18rem) 1fr 2.5rem; gap: .6rem; align-items: center; padding: .12rem 0; }
.bar-label { overflow-wrap: anywhere; font-size: .92rem; }
.bar { width: 100%; height: .9rem; display: block; }
.bar rect { fill: var(--bar); }
.bars li.other rect { fill: #8a8a8a; }
.bar-count { text-align: right; font-variant-numeric: tabular-nums; font-weight: 600; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: .9rem; }
.card { border: 1px solid var(--line); border-top: 4px solid var(--bar); border-radius: .4rem; padding: .8rem .9rem; background: #fff; break-inside: avoid; }
.card.other { border-top-color: #8a8a8a; background: #f7f7f7; }
.letter { color: var(--muted); font-weight: 400; }
.count { margin: 0 0 .3rem; color: var(--muted); font-size: .9rem; font-weight: 600; }
.keywords { margin: 0 0 .5rem; color: var(--muted); font-size: .9rem; font-style: italic; }
blockquote { margin: .4rem 0 .6rem; padding: .2rem 0 .2rem .7rem; border-left: 3px solid var(--line); }
details summary { cursor: pointer; color: var(--accent); font-weight: 600; font-size: .92rem; }
details ul { margin: .4rem 0 0; padding-left: 1.2rem; }
details li { margin: .15rem 0; overflow-wrap: anywhere; }
.copies { color: var(--muted); white-space: nowrap; }
.heat th[scope="row"] { font-weight: 400; }
.heat tr.shared th[scope="row"] { font-weight: 700; }
.heat td.total { font-weight: 700; }
.legend { color: var(--muted); font-size: .9rem; }
footer { margin-top: 2.5rem; padding-top: .8rem; border-top: 1px solid var(--line); color: var(--muted); font-size: .85rem; }
@media (max-width: 40rem) {
  main { padding: 1rem .75rem 2rem; }
  h1 { font-size: 1.6rem; }
  .bars li { grid-template-columns: minmax(0, 1fr) 5rem 2rem; }
  .cards { grid-template-columns: 1fr; }
  .figures td:nth-child(2) { min-width: 0; }
  th, td { padding: .35rem .4rem; }
}
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  section { break-inside: auto; }
  .chart, tr { break-inside: avoid; }
  .cards { grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 3mm; }
  .scroll { overflow: visible; }
  details summary { list-style: none; color: var(--muted); }
  details summary::-webkit-details-marker { display: none; }
  details::details-content { display: block; content-visibility: visible; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
  .trim()
  .replace(/\n\s*/g, '\n');
