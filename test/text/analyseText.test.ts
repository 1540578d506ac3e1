import { analyseText } from '../../src/text/analyseText';
import { tokenize } from '../../src/text/tokenize';
import { stem } from '../../src/text/stem';

describe('tokenize', () => {
  it('keeps accented, Cyrillic and Arabic words whole', () => {
    expect(tokenize('Protección de datos, Россия, الإنترنت').map((t) => t.surface)).toEqual(['Protección', 'de', 'datos', 'Россия', 'الإنترنت']);
  });

  it('drops the possessive and marks punctuation between words', () => {
    const tokens = tokenize("people's rights: access");
    expect(tokens.map((t) => [t.norm, t.afterBreak])).toEqual([
      ['people', false],
      ['rights', false],
      ['access', true],
    ]);
  });
});

describe('analyseText', () => {
  it('keeps content words with their stems and surface forms', () => {
    const { terms } = analyseText('Governments should protect the Human Rights of 2013');
    expect(terms.map((t) => [t.surface, t.stem])).toEqual([
      ['Governments', 'govern'],
      ['protect', 'protect'],
      ['Human', 'human'],
      ['Rights', 'right'],
    ]);
  });

  it('finds no content in stop words, numbers and punctuation', () => {
    expect(analyseText('and so on... 42 !!').terms).toEqual([]);
  });

  it('stems English words only', () => {
    expect(stem('regulating')).toBe('regul');
    expect(stem('россия')).toBe('россия');
  });
});
