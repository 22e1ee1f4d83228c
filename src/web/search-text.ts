import { foldVietnamese } from '../units/domain/search-text.ts';

/** Whether every word of `query` occurs in one of `fields`, ignoring accents ("hoa long" finds "Xã Hoà Long"). */
export function matchesQuery(query: string, fields: readonly (string | null)[]): boolean {
  const words = foldVietnamese(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields
    .filter((f): f is string => f !== null)
    .map(foldVietnamese)
    .join(' | ');
  return words.every((word) => haystack.includes(word));
}
