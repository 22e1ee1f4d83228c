// The words of this page load with it.
import '../i18n-services.ts';
import { useState, type FormEvent } from 'react';
import { searchProcedures, type ProcedureSummary, type SearchProceduresResponse } from '../api.ts';
import { useI18n, useLoad } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { usePageTitle } from '../layout.tsx';
import { Pager } from '../pager.tsx';
import { Link, navigate, useLocation } from '../router.tsx';
import { SearchBox } from '../search-box.tsx';
import { Duration, OnlineLevelBadge, procedureName } from '../procedure-text.tsx';

const pageSize = 20;
const filterKeys = ['level', 'online', 'sector'] as const;
type FilterKey = (typeof filterKeys)[number];

function ResultItem({ procedure }: { procedure: ProcedureSummary }) {
  const { t, language } = useI18n();
  return (
    <li className="result">
      <h2 className="result-title">
        <Link to={`/thu-tuc/${procedure.code}`}>{procedureName(procedure, language)}</Link>
      </h2>
      <p className="result-meta">
        {t('procedure.code', { code: procedure.code })} · {procedure.sector}
      </p>
      <p className="result-tags">
        <OnlineLevelBadge level={procedure.onlineLevel} />
        <span className="tag">
          <Duration amount={procedure.timeAmount} unit={procedure.timeUnit} />
        </span>
        <span className="tag">{t(`procedure.level.${procedure.level}`)}</span>
      </p>
    </li>
  );
}

/** Facet filters in a form with a submit button: changing a choice never moves the page by itself. */
function Filters({ facets, current }: { facets: SearchProceduresResponse['facets']; current: Record<FilterKey, string> }) {
  const { t } = useI18n();
  const { search } = useLocation();
  const [values, setValues] = useState(current);
  const options: Record<FilterKey, { value: string; count: number; label: string }[]> = {
    level: facets.level.map((f) => ({
      ...f,
      label: f.value === 'province' || f.value === 'commune' ? t(`procedure.level.${f.value}`) : f.value,
    })),
    online: facets.onlineLevel.map((f) => ({
      ...f,
      label: f.value === 'full' || f.value === 'partial' ? t(`procedure.online.${f.value}`) : f.value,
    })),
    sector: facets.sector.map((f) => ({ ...f, label: f.value })),
  };
  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const params = new URLSearchParams();
    const q = search.get('q');
    if (q) params.set('q', q);
    for (const key of filterKeys) if (values[key]) params.set(key, values[key]);
    navigate(`/thu-tuc?${params.toString()}`);
  };
  const isFiltered = filterKeys.some((key) => current[key]);
  return (
    <details className="filters" open={isFiltered}>
      <summary>{t('search.filters')}</summary>
      <form onSubmit={apply} className="filters-form">
        {filterKeys.map((key) => (
          <div className="field" key={key}>
            <label htmlFor={`filter-${key}`}>{t(`search.filter.${key}`)}</label>
            <select id={`filter-${key}`} value={values[key]} onChange={(e) => setValues({ ...values, [key]: e.target.value })}>
              <option value="">{t('search.filter.all')}</option>
              {options[key].map((option) => (
                <option key={option.value} value={option.value}>
                  {t('search.filter.option', { label: option.label, count: option.count })}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="button button-secondary">
          {t('search.filter.apply')}
        </button>
      </form>
    </details>
  );
}

export default function ProcedureSearchPage() {
  const { t } = useI18n();
  const { search } = useLocation();
  const q = search.get('q')?.trim() ?? '';
  const current = Object.fromEntries(filterKeys.map((key) => [key, search.get(key) ?? ''])) as Record<FilterKey, string>;
  const page = Math.max(1, Number(search.get('page')) || 1);
  usePageTitle(q ? t('search.titleFor', { query: q }) : t('search.title'));
  const state = useLoad(search.toString(), () => searchProcedures({ q, ...current, page }));

  return (
    <>
      <h1>{t('search.title')}</h1>
      <SearchBox key={q} initial={q} />
      <div aria-live="polite" className="search-status">
        {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {state.status === 'failed' && <p className="alert alert-error">{describeError(state.error, t)}</p>}
        {state.status === 'ready' && (
          <p className="muted">
            {state.data.total === 0
              ? q
                ? t('search.noneFor', { query: q })
                : t('search.none')
              : q
                ? t('search.countFor', { count: state.data.total, query: q })
                : t('search.count', { count: state.data.total })}
          </p>
        )}
      </div>
      {state.status === 'ready' && (
        <>
          <Filters key={search.toString()} facets={state.data.facets} current={current} />
          <ul className="results">
            {state.data.items.map((procedure) => (
              <ResultItem key={procedure.code} procedure={procedure} />
            ))}
          </ul>
          <Pager page={page} pageSize={pageSize} total={state.data.total} />
        </>
      )}
    </>
  );
}
