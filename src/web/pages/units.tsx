import { useEffect, useId, useMemo, useState } from 'react';
import { fetchChildUnits, fetchUnit, searchUnits, type Unit, type UnitLink } from '../api.ts';
import { provinceCode, unitName, useI18n, useLoad, useProvince } from '../app-state.tsx';
import { formatDate } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { matchesQuery } from '../search-text.ts';

function HistoryLinks({ title, links, provinceNames }: { title: string; links: UnitLink[]; provinceNames: Map<string, string> }) {
  const { t, language } = useI18n();
  if (links.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul className="history-list">
        {links.map((link) => {
          const province = provinceNames.get(link.unit.provinceCode);
          return (
            <li key={`${link.unit.code}-${link.unit.validTo ?? ''}-${link.effectiveOn}`}>
              {t('units.linkLine', {
                name: unitName(link.unit, language),
                kind: t(`units.kind.${link.kind}`),
                date: formatDate(language, link.effectiveOn),
              })}
              {province && link.unit.level !== 'province' && <span className="muted"> · {t('units.province', { name: province })}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function UnitHistory({ code, validTo, provinceNames }: { code: string; validTo: string | null; provinceNames: Map<string, string> }) {
  const { t, language } = useI18n();
  // A former unit may share its code with today's unit: ask for it as it was on its last day.
  const state = useLoad(`${code}@${validTo ?? ''}`, () => fetchUnit(code, validTo ?? undefined));
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (state.status === 'failed') return <p className="error-text">{t('app.loadFailed')}</p>;
  const unit = state.data;
  const { predecessors, successors } = unit.history;
  return (
    <div className="unit-history">
      <p className="muted">
        {[
          unit.validFrom && t('units.validFrom', { date: formatDate(language, unit.validFrom) }),
          unit.validTo && t('units.validTo', { date: formatDate(language, unit.validTo) }),
        ]
          .filter(Boolean)
          .join(' · ')}
      </p>
      <HistoryLinks title={t('units.predecessors')} links={predecessors} provinceNames={provinceNames} />
      <HistoryLinks title={t('units.successors')} links={successors} provinceNames={provinceNames} />
      {predecessors.length === 0 && successors.length === 0 && <p>{t('units.noHistory')}</p>}
    </div>
  );
}

function UnitItem({ unit, provinceNames }: { unit: Unit; provinceNames: Map<string, string> }) {
  const { t, language } = useI18n();
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const name = unitName(unit, language);
  return (
    <li className="unit-item">
      <button type="button" className="unit-button" aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen(!isOpen)}>
        <span className="unit-name">{name}</span>
        <span className="unit-code">{t('units.code', { code: unit.code })}</span>
        <svg className="chevron" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <path d="M5 7.5l5 5 5-5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
      </button>
      <section id={panelId} hidden={!isOpen} aria-label={t('units.details', { name })} className="unit-panel">
        {isOpen && <UnitHistory code={unit.code} validTo={unit.validTo} provinceNames={provinceNames} />}
      </section>
    </li>
  );
}

/** Waits until typing pauses before the value changes. */
function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(value), delayMs);
    return () => window.clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

export function UnitsPage() {
  const { t, language } = useI18n();
  usePageTitle(t('units.title'));
  const province = useProvince();
  const [query, setQuery] = useState('');
  const hintId = useId();
  const communes = useLoad(provinceCode, () => fetchChildUnits(provinceCode));
  const searchQuery = useDebounced(query.trim(), 300);
  const former = useLoad(searchQuery.length >= 2 ? searchQuery : null, () => searchUnits(searchQuery));

  // Names of today's province and the provinces it was formed from, for former units' context.
  const provinceNames = useMemo(() => {
    const names = new Map<string, string>();
    for (const link of province?.history.predecessors ?? []) names.set(link.unit.code, unitName(link.unit, language));
    if (province) names.set(province.code, unitName(province, language));
    return names;
  }, [province, language]);

  const all = communes.status === 'ready' ? communes.data.items : [];
  const shown = all.filter((unit) => matchesQuery(query, [unit.fullName, unit.fullNameEn, unit.code]));
  // Former units of this province's predecessors, found by the server across both eras; its search
  // is typo-tolerant, so keep only those holding every word typed, as the list above does.
  const formerUnits =
    searchQuery.length >= 2 && former.status === 'ready'
      ? former.data.items.filter(
          (unit) =>
            unit.validTo !== null &&
            unit.level === 'commune' &&
            provinceNames.has(unit.provinceCode) &&
            matchesQuery(searchQuery, [unit.fullName, unit.code]),
        )
      : [];

  return (
    <>
      <h1>{t('units.title')}</h1>
      <p className="lead">{t('units.intro', { province: province ? unitName(province, language) : '' })}</p>
      <div className="field">
        <label htmlFor="unit-filter">{t('units.filterLabel')}</label>
        <p id={hintId} className="hint">
          {t('units.filterHint')}
        </p>
        <input
          id="unit-filter"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
        />
      </div>

      {communes.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {communes.status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('app.loadFailed')}
        </p>
      )}
      {communes.status === 'ready' && (
        <>
          <p className="muted" aria-live="polite">
            {shown.length === 0 ? t('units.none', { query }) : t('units.count', { shown: shown.length, total: all.length })}
          </p>
          <ul className="unit-list">
            {shown.map((unit) => (
              <UnitItem key={unit.code} unit={unit} provinceNames={provinceNames} />
            ))}
          </ul>
        </>
      )}

      {formerUnits.length > 0 && (
        <section className="section" aria-labelledby="former-title">
          <h2 id="former-title">{t('units.formerTitle', { query: searchQuery })}</h2>
          <p className="muted">{t('units.formerHint')}</p>
          <ul className="unit-list">
            {formerUnits.map((unit) => (
              <UnitItem key={`${unit.code}-${unit.validTo ?? ''}`} unit={unit} provinceNames={provinceNames} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
