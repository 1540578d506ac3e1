import { findDuplicates, normalisedText } from '../../src/themes/duplicates';
import { analyseText } from '../../src/text/analyseText';

const items = (texts: string[]) => texts.map((text) => ({ text, stems: analyseText(text).terms.map((t) => t.stem) }));

describe('findDuplicates', () => {
  it('folds the same words whatever the case and punctuation into the first', () => {
    expect(findDuplicates(items(['Cybercrime', 'cybercrime.', 'Cybercrime!', 'Cybersecurity']), 0.8)).toEqual([-1, 0, 0, -1]);
  });

  it('folds a shorter restatement into the idea shown, at the threshold', () => {
    const pair = items(['Enabling framework to ensure dialogue and stimulate cooperation', 'Enabling framework to stimulate cooperation']);
    expect(findDuplicates(pair, 0.8)).toEqual([-1, 0]);
    expect(findDuplicates(pair, 0.9)).toEqual([-1, -1]);
  });

  it('never folds an idea that says more than the one shown', () => {
    expect(findDuplicates(items(['Human rights online', 'Cybercrime, human rights online']), 0.8)).toEqual([-1, -1]);
    expect(findDuplicates(items(['Enabling framework to stimulate cooperation', 'Enabling framework to ensure dialogue and stimulate cooperation']), 0.8)).toEqual([-1, -1]);
  });

  it('does not fold short ideas that merely share words', () => {
    expect(findDuplicates(items(['Government have a role', 'The role of the government is to listen']), 0.8)).toEqual([-1, -1]);
  });

  it('above 1 folds only identical normalised texts', () => {
    expect(findDuplicates(items(['Open data now', 'Open data now!', 'open, now data']), 1.5)).toEqual([-1, 0, -1]);
  });

  it('keeps ideas without content words apart unless their text is the same', () => {
    expect(findDuplicates(items(['!!!', '???', '!!!']), 0.8)).toEqual([-1, -1, -1]);
    expect(findDuplicates(items(['and so on', 'And so on.']), 0.8)).toEqual([-1, 1 - 1]);
  });
});

describe('normalisedText', () => {
  it('sets case, punctuation and spacing aside', () => {
    expect(normalisedText('  Cyber-crime!  NOW ')).toBe('cyber crime now');
  });
});
