/** Nine ideas on three topics (three each, interleaved), each topic carried by one shared word. */
export const THREE_TOPICS = [
  'Cybercrime laws for everyone',
  'Water pipes in villages',
  'Teacher training programmes',
  'Cybercrime police cooperation',
  'Water supply for schools',
  'Teacher salaries matter',
  'Cybercrime reporting online',
  'Water quality testing',
  'Teacher exchange visits',
];
