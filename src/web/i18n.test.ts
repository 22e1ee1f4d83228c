import { describe, expect, it } from 'vitest';
import { serviceDictionaries } from './i18n-services.ts';
import { storeDictionaries } from './i18n-store.ts';
import { dictionaries, formatDate, formatDateTime, formatFileSize, formatMoney, languages, translate, type Language } from './i18n.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['core', dictionaries as Record<Language, Record<string, string>>],
  ['citizen services', serviceDictionaries as Record<Language, Record<string, string>>],
  ['once-only', storeDictionaries as Record<Language, Record<string, string>>],
])('web dictionaries: %s', (_, set) => {
  const reference = Object.keys(set.vi).sort();

  it.each(languages)('%s has exactly the Vietnamese keys, each with text', (language) => {
    const dictionary = set[language];
    expect(Object.keys(dictionary).sort()).toEqual(reference);
    for (const key of reference) expect(dictionary[key]?.trim(), key).not.toBe('');
  });

  it.each(languages)('%s uses the same placeholders as Vietnamese', (language) => {
    for (const key of reference) expect(placeholders(set[language][key] ?? ''), key).toEqual(placeholders(set.vi[key] ?? ''));
  });
});

describe('web dictionaries', () => {
  it('keeps every key in one place only', () => {
    const core = new Set(Object.keys(dictionaries.vi));
    expect(Object.keys(serviceDictionaries.vi).filter((key) => core.has(key))).toEqual([]);
    const services = new Set(Object.keys(serviceDictionaries.vi));
    expect(Object.keys(storeDictionaries.vi).filter((key) => core.has(key) || services.has(key))).toEqual([]);
  });

  it('finds the words of a page once its module has loaded', () => {
    expect(translate('vi', 'flow.step', { current: 2, total: 5 })).toBe('Bước 2/5');
    expect(translate('en', 'flow.step', { current: 2, total: 5 })).toBe('Step 2 of 5');
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

  it.each([
    // 17:30 UTC is already the next day in Vietnam (UTC+7).
    ['2025-06-30T17:30:00Z', '00:30 01/07/2025', '1 July 2025, 00:30'],
    ['2026-11-21T04:05:00.000Z', '11:05 21/11/2026', '21 November 2026, 11:05'],
  ])('reads the instant %s in Vietnam time', (iso, vi, en) => {
    expect(formatDateTime('vi', iso)).toBe(vi);
    expect(formatDateTime('en', iso)).toBe(en);
  });

  it.each([
    [0, '0 đồng', '0 VND'],
    [50_000, '50.000 đồng', '50,000 VND'],
    [1_234_567, '1.234.567 đồng', '1,234,567 VND'],
  ])('writes %d đồng as people read money', (amount, vi, en) => {
    expect(formatMoney('vi', amount)).toBe(vi);
    expect(formatMoney('en', amount)).toBe(en);
  });

  it.each([
    [850, '850 B', '850 B'],
    [5_632, '5,5 KB', '5.5 KB'],
    [12_800, '13 KB', '13 KB'],
    [3_565_158, '3,4 MB', '3.4 MB'],
  ])('writes %d bytes as a size', (bytes, vi, en) => {
    expect(formatFileSize('vi', bytes)).toBe(vi);
    expect(formatFileSize('en', bytes)).toBe(en);
  });
});
