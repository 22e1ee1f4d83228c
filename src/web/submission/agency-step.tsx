import { useState } from 'react';
import type { Agency } from '../api.ts';
import { useI18n } from '../app-state.tsx';
import { matchesQuery } from '../search-text.ts';
import { ErrorMessage } from '../form-controls.tsx';

const shownMatches = 8;

/** The name of an agency in the reader's language. */
export function agencyName(agency: Agency, language: 'vi' | 'en'): string {
  return language === 'en' ? agency.nameEn : agency.name;
}

/**
 * Nơi tiếp nhận — where the dossier is received. Decree 118/2025/NĐ-CP: any public administration
 * service centre of the province receives it, whatever the applicant's address. A short list of radio
 * buttons (the chosen one, the suggested ones, then what the filter finds) keeps it usable on a phone.
 */
export function AgencyStep({
  agencies,
  selected,
  suggested,
  onSelect,
  error,
}: {
  agencies: readonly Agency[];
  selected: string | null;
  suggested: readonly Agency[];
  onSelect: (code: string) => void;
  error: string | undefined;
}) {
  const { t, language } = useI18n();
  const [filter, setFilter] = useState('');
  const matches = filter.trim() ? agencies.filter((a) => matchesQuery(filter, [a.name, a.nameEn, a.code])).slice(0, shownMatches) : [];
  const current = agencies.find((a) => a.code === selected);
  const choices = [...(current ? [current] : []), ...suggested, ...matches].filter(
    (agency, index, all) => all.findIndex((a) => a.code === agency.code) === index,
  );
  return (
    <>
      <p>{t('agency.intro')}</p>
      <div className="field">
        <label htmlFor="agency-filter">{t('agency.filter')}</label>
        <p id="agency-filter-hint" className="hint">
          {t('agency.filterHint')}
        </p>
        <input
          id="agency-filter"
          type="search"
          value={filter}
          autoComplete="off"
          aria-describedby="agency-filter-hint"
          onChange={(e) => setFilter(e.target.value)}
        />
        <p className="muted" role="status">
          {filter.trim() ? t('agency.matches', { count: matches.length }) : ''}
        </p>
      </div>
      <fieldset className={error ? 'field choice field-error' : 'field choice'} id="f-agency">
        <legend>{t('agency.legend')}</legend>
        <ErrorMessage id="f-agency-error" error={error} />
        {choices.map((agency) => (
          <div className="radio" key={agency.code}>
            <input
              type="radio"
              name="agency"
              id={`agency-${agency.code}`}
              value={agency.code}
              checked={agency.code === selected}
              onChange={() => onSelect(agency.code)}
            />
            <label htmlFor={`agency-${agency.code}`}>{agencyName(agency, language)}</label>
          </div>
        ))}
      </fieldset>
    </>
  );
}
