import type { Localised } from './api.ts';
import { useI18n } from './app-state.tsx';
import { formatDateTime } from './i18n.ts';

/** Trạng thái hồ sơ by tone: waiting on the applicant (5, 6), ended without a result (3, 7, 8), done (9, 10). */
function toneOf(status: number): string {
  if (status === 5 || status === 6) return 'status status-action';
  if (status === 3 || status === 7 || status === 8) return 'status status-stopped';
  if (status === 9 || status === 10) return 'status status-done';
  return 'status';
}

/** The national status name in the reader's language, coloured by what it asks of them. */
export function StatusBadge({ status, name }: { status: number; name: Localised }) {
  const { language } = useI18n();
  return <span className={toneOf(status)}>{name[language]}</span>;
}

/** The dossier's history in plain words, oldest first. */
export function Timeline({ events }: { events: readonly { at: string; statusName: Localised; description?: Localised }[] }) {
  const { t, language } = useI18n();
  if (events.length === 0) return <p className="muted">{t('dossier.noEvents')}</p>;
  return (
    <ol className="timeline">
      {events.map((event, index) => (
        <li key={`${event.at}-${index}`}>
          <p className="timeline-when">
            <time dateTime={event.at}>{formatDateTime(language, event.at)}</time>
          </p>
          <p className="timeline-what">{event.statusName[language]}</p>
          {event.description && event.description[language] !== event.statusName[language] && (
            <p className="timeline-detail">{event.description[language]}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
