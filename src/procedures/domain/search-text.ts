import { foldVietnamese } from '../../units/domain/search-text.ts';

/**
 * Folds text for procedure search: accents off (foldVietnamese), then y → i, because Vietnamese
 * spells many syllables either way ("ký/kí", "lý/lí", "quý/quí", "mỹ/mĩ"). Applied to both the stored
 * text and the query, so "đăng kí" and "đăng ký" meet.
 */
export function normaliseForSearch(text: string): string {
  return foldVietnamese(text).replace(/y/g, 'i');
}

/** The stored search text of a procedure: name, English name, sector, code and keywords, normalised. */
export function buildProcedureSearchText(parts: {
  code: string;
  name: string;
  nameEn: string | null;
  sector: string;
  keywords: readonly string[];
}): string {
  return [parts.name, parts.sector, parts.nameEn ?? '', ...parts.keywords, parts.code.replace('.', ' ')]
    .map(normaliseForSearch)
    .filter(Boolean)
    .join(' | ');
}
