import { useI18n } from './app-state.tsx';
import type { Language } from './i18n.ts';

/** A procedure's name in the reader's language when an English name is known. */
export function procedureName(procedure: { name: string; nameEn: string | null }, language: Language): string {
  return language === 'en' && procedure.nameEn ? procedure.nameEn : procedure.name;
}

type TimeUnit = 'hours' | 'days' | 'working_days' | 'months';

/** A statutory time: "1 ngày làm việc", "3 working days". */
export function Duration({ amount, unit }: { amount: number; unit: TimeUnit }) {
  const { t } = useI18n();
  return <>{amount === 1 ? t(`time.${unit}.one`) : t(`time.${unit}`, { count: amount })}</>;
}

/** Mức độ dịch vụ công trực tuyến: toàn trình (full) or một phần (partial). */
export function OnlineLevelBadge({ level }: { level: 'full' | 'partial' }) {
  const { t } = useI18n();
  return <span className={level === 'full' ? 'tag tag-good' : 'tag'}>{t(`procedure.online.${level}`)}</span>;
}
