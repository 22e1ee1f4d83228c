import { useI18n } from '../../app-state.tsx';
import { leadersText, type LeadersKey } from './leaders-i18n.ts';

/** The dashboard's messages in the page's language. */
export function useText() {
  const { language } = useI18n();
  return { language, tx: (key: LeadersKey, values?: Record<string, string | number>) => leadersText(language, key, values) };
}
