import { describe, expect, it } from 'vitest';
import { dictionaries, formatDate, languages, translate, type MessageKey } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('web dictionaries', () => {
  const reference = Object.keys(dictionaries.vi).sort();

  it.each(languages)('%s has exactly the Vietnamese keys, each with text', (language) => {
    const dictionary = dictionaries[language];
    expect(Object.keys(dictionary).sort()).toEqual(reference);
    for (const key of reference) expect(dictionary[key as MessageKey].trim(), key).not.toBe('');
  });

  it.each(languages)('%s uses the same placeholders as Vietnamese', (language) => {
    for (const key of reference as MessageKey[]) {
      expect(placeholders(dictionaries[language][key]), key).toEqual(placeholders(dictionaries.vi[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('vi', 'account.greeting', { name: 'Nguyễn Văn An' })).toBe('Xin chào, Nguyễn Văn An');
    expect(translate('en', 'account.greeting', { name: 'An' })).toBe('Hello, An');
    expect(translate('en', 'account.greeting')).toBe('Hello, {name}');
  });

  it('the language switch is labelled in the language it switches to', () => {
    expect(translate('vi', 'nav.switchLanguage')).toBe('English');
    expect(translate('en', 'nav.switchLanguage')).toBe('Tiếng Việt');
  });

  it('formats dates the way each language reads them', () => {
    expect(formatDate('vi', '2025-07-01')).toBe('01/07/2025');
    expect(formatDate('en', '2025-07-01')).toBe('1 July 2025');
  });
});
