import { Report } from '../../src/report/report';

/** A small hand-made report, so renderer tests do not depend on clustering. */
export function sampleReport(): Report {
  return {
    schemaVersion: 1,
    generator: { name: 'rapporteur', version: '0.0.0' },
    title: 'World Café',
    inputs: ['notes.csv'],
    options: { k: 'auto', seed: 42, by: 'round', text: 'idea' },
    totals: { ideas: 4, skipped: 1, groups: 1, themes: 1, otherIdeas: 1 },
    skipped: [{ file: 'notes.csv', row: 4, reason: 'empty idea' }],
    groups: [
      {
        name: '1',
        question: 'What is the role of *governments*?',
        ideas: 4,
        otherIdeas: 1,
        themes: [
          {
            label: 'Human Rights',
            keywords: ['rights', 'human'],
            size: 3,
            representative: 'Protect human rights',
            ideas: [
              { file: 'notes.csv', row: 1, id: '1', text: 'Protect human rights', similarity: 0.9 },
              { file: 'notes.csv', row: 5, id: '5', text: 'protect human rights!', similarity: 0.9, duplicateOf: 1 },
              { file: 'notes.csv', row: 2, id: '2', text: '=Rights, "online" too', similarity: 0.5 },
            ],
          },
          {
            label: 'Other ideas',
            keywords: [],
            size: 1,
            representative: '# not a heading',
            other: true,
            ideas: [{ file: 'notes.csv', row: 3, id: '3', text: '# not a heading', similarity: 0 }],
          },
        ],
      },
    ],
  };
}
