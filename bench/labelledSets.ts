/** The labelled sets under fixtures/ and what scikit-learn's TF-IDF + k-means (true k) scores on them. */
export interface LabelledSet {
  name: string;
  file: string;
  text: string;
  truth: string;
  by?: string;
  humanThemes: string;
  dev: boolean;
  reference: { ami: number; ari: number };
}

export const LABELLED_SETS: LabelledSet[] = [
  { name: 'ITU World Café 2013 (mean of 3 rounds)', file: 'itu-world-cafe-2013.csv', text: 'idea', truth: 'theme', by: 'round', humanThemes: '7, 7, 5', dev: false, reference: { ami: 0.196, ari: 0.126 } },
  { name: 'StackOverflow', file: 'dev-stackoverflow-120.csv', text: 'text', truth: 'label', humanThemes: '8', dev: true, reference: { ami: 0.588, ari: 0.429 } },
  { name: 'Biomedical', file: 'dev-biomedical-120.csv', text: 'text', truth: 'label', humanThemes: '8', dev: true, reference: { ami: 0.296, ari: 0.178 } },
  { name: 'SearchSnippets', file: 'dev-searchsnippets-120.csv', text: 'text', truth: 'label', humanThemes: '8', dev: true, reference: { ami: 0.078, ari: 0.037 } },
  { name: 'GoogleNews', file: 'dev-googlenews-120.csv', text: 'text', truth: 'label', humanThemes: '10', dev: true, reference: { ami: 0.881, ari: 0.814 } },
];
