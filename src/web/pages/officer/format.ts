import type { Language } from '../../i18n.ts';
import type { OfficerMessageKey } from './messages.ts';

type T = (key: OfficerMessageKey, values?: Record<string, string | number>) => string;

/** A moment in Vietnam time: "09:00 02/03/2026" (vi) or "2 Mar 2026, 09:00" (en). */
export function formatMoment(language: Language, iso: string | null): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso));
}

/** Working minutes as days, hours and minutes of working time (a working day has `perDay` minutes). */
export function formatWorkingTime(t: T, minutes: number, perDay: number): string {
  const days = Math.floor(minutes / perDay);
  const hours = Math.floor((minutes % perDay) / 60);
  const rest = minutes % 60;
  const parts = [
    days ? t('time.days', { n: days }) : '',
    hours ? t('time.hours', { n: hours }) : '',
    rest || (!days && !hours) ? t('time.minutes', { n: rest }) : '',
  ];
  return parts.filter(Boolean).join(' ');
}

/** "3 h left" or "1 d 2 h overdue"; a dash when no clock runs. */
export function describeRemaining(t: T, minutes: number | null, perDay: number, isPaused = false): string {
  if (isPaused) return t('time.paused');
  if (minutes === null) return t('time.none');
  return minutes >= 0
    ? t('time.left', { time: formatWorkingTime(t, minutes, perDay) })
    : t('time.over', { time: formatWorkingTime(t, -minutes, perDay) });
}
