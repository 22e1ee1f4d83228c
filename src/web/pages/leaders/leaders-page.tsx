import { useId, useMemo, useState } from 'react';
import type { OfficerPrincipal } from '../../api.ts';
import { provinceCode, useLoad, useSession } from '../../app-state.tsx';
import type { Language } from '../../i18n.ts';
import { formatDate } from '../../i18n.ts';
import { usePageTitle } from '../../layout.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { CommuneChoropleth } from './commune-map.tsx';
import {
  definitionPath,
  exportUrl,
  fetchDefinitions,
  fetchCommuneMap,
  fetchDrilldown,
  fetchOverview,
  fetchRanking,
  type Drilldown,
  type DrillKind,
  type Overview,
  type Ranking,
  type View,
} from './leaders-api.ts';
import { formatMoment } from '../officer/format.ts';
import { formatNumber, leadersText } from './leaders-i18n.ts';
import { TrendChart } from './trend-chart.tsx';
import { NationalMap } from './national-map.tsx';
import { useText } from './use-text.ts';
import './leaders.css';

const dashboardRoles = ['leader', 'unit_admin', 'system_admin'];

/** The unit an officer's dashboard opens on: the province for province-wide roles, else their commune. */
function homeUnitOf(principal: OfficerPrincipal): string | null {
  const roles = principal.roles.filter((r) => dashboardRoles.includes(r.role));
  if (roles.some((r) => r.unitCode === provinceCode && !r.agencyCode)) return provinceCode;
  return roles.find((r) => r.unitCode && r.unitCode !== provinceCode)?.unitCode ?? null;
}

/** Today in Vietnam as year and month. */
function thisMonth(): { year: number; month: number } {
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  return { year, month };
}

/** Periods to choose from: the last 24 months, 8 quarters and 3 years, newest first. */
function periodChoices(): { months: string[]; quarters: string[]; years: string[] } {
  const { year, month } = thisMonth();
  const months = Array.from({ length: 24 }, (_, i) => {
    const total = year * 12 + month - 1 - i;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  });
  const quarter = Math.ceil(month / 3);
  const quarters = Array.from({ length: 8 }, (_, i) => {
    const total = year * 4 + quarter - 1 - i;
    return `${Math.floor(total / 4)}-Q${(total % 4) + 1}`;
  });
  return { months, quarters, years: [year, year - 1, year - 2].map(String) };
}

/** The last complete month: the default period. */
function defaultPeriod(): string {
  return periodChoices().months[1] ?? '2026-01';
}

function periodLabel(language: Language, period: string): string {
  const [year, rest] = period.split('-');
  if (!rest) return leadersText(language, 'yearOption', { year: year ?? '' });
  if (rest.startsWith('Q')) return leadersText(language, 'quarterOption', { year: year ?? '', quarter: rest.slice(1) });
  return leadersText(language, 'monthOption', { year: year ?? '', month: language === 'vi' ? String(Number(rest)) : rest });
}

const indicatorChoices = [
  'INDEX',
  'ON_TIME_RATE',
  'GENUINE_ONLINE_RATE',
  'ONLINE_RATE',
  'ASSISTED_SHARE',
  'DIGITISATION_RATE',
  'ONLINE_PAYMENT_RATE',
  'SATISFACTION_RATE',
];

function formatValue(language: Language, value: number | null, unit: 'points' | 'percent' | 'days', noData: string): string {
  if (value === null) return noData;
  if (unit === 'percent') return `${formatNumber(language, value, 1)} %`;
  if (unit === 'days') return leadersText(language, 'days', { value: formatNumber(language, value, 1) });
  return formatNumber(language, value, 2);
}

function PeriodPicker({ period, view, onChange }: { period: string; view: View; onChange(next: { period?: string; view?: View }): void }) {
  const { language, tx } = useText();
  const periodId = useId();
  const viewId = useId();
  const choices = useMemo(periodChoices, []);
  return (
    <div className="leaders-controls">
      <div className="field">
        <label htmlFor={periodId}>{tx('period')}</label>
        <select id={periodId} value={period} onChange={(e) => onChange({ period: e.target.value })}>
          {(['months', 'quarters', 'years'] as const).map((group) => (
            <optgroup key={group} label={tx(group)}>
              {choices[group].map((p) => (
                <option key={p} value={p}>
                  {periodLabel(language, p)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={viewId}>{tx('view')}</label>
        <select id={viewId} value={view} onChange={(e) => onChange({ view: e.target.value === 'historical' ? 'historical' : 'current' })}>
          <option value="current">{tx('viewCurrent')}</option>
          <option value="historical">{tx('viewHistorical')}</option>
        </select>
      </div>
    </div>
  );
}

/** Index, headline cards, groups, KPIs with their definitions, and the trend, for one unit. */
/** A list of dossiers behind a number: the drill-down kind and what to call it. */
interface DrillChoice {
  kind: DrillKind;
  title: string;
}

function OverviewBlock({
  overview,
  headingLevel,
  onDrill,
}: {
  overview: Overview;
  headingLevel: 2 | 3;
  onDrill?: (choice: DrillChoice) => void;
}) {
  const { language, tx } = useText();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const h = overview.headline;
  const kpi = (code: string) => overview.kpis.find((k) => k.code === code);
  const cards: { label: string; value: string; hint?: string }[] = [
    {
      label: tx('index'),
      value: tx('indexOf', {
        total: formatNumber(language, overview.index.total, 2),
        max: formatNumber(language, overview.index.maxScore),
      }),
      hint: tx('measured', { measured: formatNumber(language, overview.index.measuredMaxScore, 1) }),
    },
    { label: tx('received'), value: formatNumber(language, h.received) },
    ...['ON_TIME_RATE', 'ONLINE_RATE', 'GENUINE_ONLINE_RATE', 'ASSISTED_SHARE'].map((code) => {
      const k = kpi(code);
      return { label: k?.label[language] ?? code, value: formatValue(language, k?.value ?? null, 'percent', tx('noData')) };
    }),
    {
      label: tx('late'),
      value: formatNumber(language, h.late),
      hint: tx('lateOf', { late: formatNumber(language, h.late), open: formatNumber(language, h.openOverdue) }),
    },
  ];
  const trendMonths = overview.trend.map((p) => p.month);
  const definitions = useLoad('definitions', fetchDefinitions);
  const drills = definitions.status === 'ready' ? new Map(definitions.data.kpis.map((k) => [k.code, k.drill])) : null;
  const trendSeries = useMemo(
    () => [
      { name: tx('trendOnline'), values: overview.trend.map((p) => p.onlineRate) },
      { name: tx('trendGenuine'), values: overview.trend.map((p) => p.genuineOnlineRate) },
      { name: tx('trendOnTime'), values: overview.trend.map((p) => p.onTimeRate) },
    ],
    [overview, language],
  );
  return (
    <>
      <p className="muted">
        {tx('asOf', { date: formatDate(language, overview.period.asOf) })} {overview.isEstimate && <strong>{tx('estimate')}</strong>}
      </p>
      <ul className="kpi-cards">
        {cards.map((c) => (
          <li key={c.label} className="kpi-card">
            <span className="kpi-card-label">{c.label}</span>
            <span className="kpi-card-value">{c.value}</span>
            {c.hint && <span className="kpi-card-hint">{c.hint}</span>}
          </li>
        ))}
      </ul>
      {onDrill && h.late > 0 && (
        <p>
          <button type="button" className="button" onClick={() => onDrill({ kind: 'late', title: tx('late') })}>
            {tx('showLate', { count: formatNumber(language, h.late) })}
          </button>
        </p>
      )}
      <H>{tx('groups')}</H>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{tx('group')}</th>
              <th scope="col" className="num">
                {tx('score')}
              </th>
              <th scope="col" className="num">
                {tx('max')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.index.groups.map((g) => (
              <tr key={g.group}>
                <th scope="row">
                  <Link to={definitionPath(g.group)} title={tx('definitionLink', { name: g.label[language] })}>
                    {g.label[language]}
                  </Link>
                  {!g.isConfirmed && (
                    <span className="badge-warning" title={g.note?.[language] ?? undefined}>
                      {tx('unconfirmed')}
                    </span>
                  )}
                </th>
                <td className="num">{formatNumber(language, g.total, 2)}</td>
                <td className="num">{formatNumber(language, g.maxScore)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <H>{tx('kpis')}</H>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{tx('kpi')}</th>
              <th scope="col" className="num">
                {tx('value')}
              </th>
              <th scope="col" className="num">
                {tx('numerator')}
              </th>
              <th scope="col" className="num">
                {tx('denominator')}
              </th>
            </tr>
          </thead>
          <tbody>
            {overview.kpis.map((k) => (
              <tr key={k.code}>
                <th scope="row">
                  <Link to={definitionPath(k.code)} title={tx('definitionLink', { name: k.label[language] })}>
                    {k.label[language]}
                  </Link>
                </th>
                <td className="num">{formatValue(language, k.value, k.unit, tx('noData'))}</td>
                <td className="num">
                  <DrillNumber
                    value={formatNumber(language, k.numerator, k.unit === 'days' ? 1 : 0)}
                    kind={drills?.get(k.code)?.numerator ?? null}
                    title={`${k.label[language]} — ${tx('numerator')}`}
                    onDrill={onDrill}
                  />
                </td>
                <td className="num">
                  <DrillNumber
                    value={formatNumber(language, k.denominator)}
                    kind={drills?.get(k.code)?.denominator ?? null}
                    title={`${k.label[language]} — ${tx('denominator')}`}
                    onDrill={onDrill}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <H>{tx('trend')}</H>
      <TrendChart months={trendMonths} series={trendSeries} label={tx('trend')} />
    </>
  );
}

/** A number that opens the list of the dossiers behind it, when they are dossiers. */
function DrillNumber({
  value,
  kind,
  title,
  onDrill,
}: {
  value: string;
  kind: DrillKind | null;
  title: string;
  onDrill?: ((choice: DrillChoice) => void) | undefined;
}) {
  const { tx } = useText();
  if (!kind || !onDrill) return <>{value}</>;
  return (
    <button type="button" className="link-button" title={tx('drillHint', { what: title })} onClick={() => onDrill({ kind, title })}>
      {value}
    </button>
  );
}

/** The dossiers behind a number (late ones by the national rule, or a KPI's numerator or denominator), paged, with exports. */
function DossierList({
  period,
  unit,
  view,
  name,
  choice,
  onClose,
}: {
  period: string;
  unit: string;
  view: View;
  name: string;
  choice: DrillChoice;
  onClose(): void;
}) {
  const { language, tx } = useText();
  const [page, setPage] = useState(1);
  const { kind } = choice;
  const state = useLoad<Drilldown>(`${period}|${unit}|${view}|${kind}|${page}`, () => fetchDrilldown(period, unit, kind, view, page));
  const params = { period, unit, kind, view };
  return (
    <section className="late-list" aria-labelledby="late-title">
      <div className="section-head">
        <h3 id="late-title">{kind === 'late' ? tx('lateList', { name }) : tx('drillList', { what: choice.title, name })}</h3>
        <button type="button" className="link-button" onClick={onClose}>
          {tx('close')}
        </button>
      </div>
      <p className="export-links">
        <a href={exportUrl('drilldown', params, 'xlsx')} download>
          {tx('exportXlsx')}
        </a>{' '}
        ·{' '}
        <a href={exportUrl('drilldown', params, 'csv')} download>
          {tx('exportCsv')}
        </a>
      </p>
      {state.status === 'loading' && <p className="muted">{tx('loading')}</p>}
      {state.status === 'failed' && <p className="error-text">{tx('failed')}</p>}
      {state.status === 'ready' && (
        <>
          <div className="table-scroll">
            <table className="data-table" data-testid={kind === 'late' ? 'late-dossiers' : 'drill-dossiers'}>
              <thead>
                <tr>
                  <th scope="col">{tx('code')}</th>
                  <th scope="col">{tx('procedure')}</th>
                  <th scope="col">{tx('receivedAt')}</th>
                  <th scope="col">{tx('appointmentAt')}</th>
                  <th scope="col">{tx('endedAt')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.rows.map((r) => (
                  <tr key={r.dossierId}>
                    <th scope="row">{r.code}</th>
                    <td>{r.procedureName}</td>
                    <td>{formatMoment(language, r.receivedAt ?? r.submittedAt)}</td>
                    <td>{formatMoment(language, r.appointmentAt)}</td>
                    <td>{r.endedAt ? formatMoment(language, r.endedAt) : tx('stillOpen')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="pager">
            <button type="button" className="link-button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              {tx('previous')}
            </button>
            <span>
              {tx('page', { page, pages: Math.max(1, Math.ceil(state.data.total / state.data.pageSize)), total: state.data.total })}
            </span>
            <button
              type="button"
              className="link-button"
              disabled={page * state.data.pageSize >= state.data.total}
              onClick={() => setPage(page + 1)}
            >
              {tx('next')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function CommunePanel({ period, code, view }: { period: string; code: string; view: View }) {
  const { language, tx } = useText();
  const [drill, setDrill] = useState<DrillChoice | null>(null);
  const state = useLoad<Overview>(`${period}|${code}|${view}`, () => fetchOverview(period, code, view));
  if (state.status === 'loading') return <p className="muted">{tx('loading')}</p>;
  if (state.status === 'failed') return <p className="error-text">{tx('failed')}</p>;
  const name = language === 'en' && state.data.unit.fullNameEn ? state.data.unit.fullNameEn : state.data.unit.fullName;
  return (
    <section className="commune-panel" aria-labelledby="commune-title" data-testid="commune-panel">
      <h2 id="commune-title">{tx('selected', { name })}</h2>
      <OverviewBlock overview={state.data} headingLevel={3} onDrill={setDrill} />
      {drill && (
        <DossierList key={drill.kind} period={period} unit={code} view={view} name={name} choice={drill} onClose={() => setDrill(null)} />
      )}
    </section>
  );
}

function MapAndRanking({
  period,
  view,
  indicator,
  selected,
  onIndicator,
  onSelect,
}: {
  period: string;
  view: View;
  indicator: string;
  selected: string | null;
  onIndicator(code: string): void;
  onSelect(code: string): void;
}) {
  const { language, tx } = useText();
  const indicatorId = useId();
  const communeId = useId();
  const ranking = useLoad<Ranking>(`${period}|${indicator}|${view}`, () => fetchRanking(period, indicator, view));
  const geo = useLoad(provinceCode, () => fetchCommuneMap(provinceCode));
  const indicatorName = (code: string) => (code === 'INDEX' ? tx('indexIndicator') : (INDICATOR_NAMES[code]?.[language] ?? code));
  const params = { period, indicator, view, level: 'commune' };
  return (
    <section aria-labelledby="map-title">
      <h2 id="map-title">{tx('map')}</h2>
      <p className="muted">{tx('mapHint')}</p>
      <div className="leaders-controls">
        <div className="field">
          <label htmlFor={indicatorId}>{tx('indicator')}</label>
          <select id={indicatorId} value={indicator} onChange={(e) => onIndicator(e.target.value)}>
            {indicatorChoices.map((code) => (
              <option key={code} value={code}>
                {indicatorName(code)}
              </option>
            ))}
          </select>
        </div>
        {ranking.status === 'ready' && view === 'current' && (
          <div className="field">
            <label htmlFor={communeId}>{tx('chooseCommune')}</label>
            <select id={communeId} value={selected ?? ''} onChange={(e) => e.target.value && onSelect(e.target.value)}>
              <option value="">—</option>
              {[...ranking.data.rows]
                .sort((a, b) => a.name.localeCompare(b.name, 'vi'))
                .map((r) => (
                  <option key={r.code} value={r.code}>
                    {language === 'en' && r.nameEn ? r.nameEn : r.name}
                  </option>
                ))}
            </select>
          </div>
        )}
      </div>
      {ranking.status === 'ready' && geo.status === 'ready' && view === 'current' && (
        <CommuneChoropleth
          geo={geo.data}
          province={provinceCode}
          values={ranking.data.rows.map((r) => ({ code: r.code, name: language === 'en' && r.nameEn ? r.nameEn : r.name, value: r.value }))}
          unit={ranking.data.indicator.unit}
          isHigherBetter={ranking.data.indicator.isHigherBetter}
          selected={selected}
          label={tx('mapLabel', { indicator: indicatorName(indicator) })}
          language={language}
          onSelect={onSelect}
        />
      )}
      {(ranking.status === 'loading' || geo.status === 'loading') && <p className="muted">{tx('loading')}</p>}
      {(ranking.status === 'failed' || geo.status === 'failed') && <p className="error-text">{tx('failed')}</p>}
      {ranking.status === 'ready' && (
        <>
          <div className="section-head">
            <h2 id="ranking-title">{tx('ranking')}</h2>
            <p className="export-links">
              <a href={exportUrl('ranking', params, 'xlsx')} download>
                {tx('exportXlsx')}
              </a>{' '}
              ·{' '}
              <a href={exportUrl('ranking', params, 'csv')} download>
                {tx('exportCsv')}
              </a>
            </p>
          </div>
          <div className="table-scroll ranking-scroll">
            <table className="data-table" aria-labelledby="ranking-title">
              <thead>
                <tr>
                  <th scope="col" className="num">
                    {tx('rank')}
                  </th>
                  <th scope="col">{tx('commune')}</th>
                  <th scope="col" className="num">
                    {ranking.data.indicator.label[language]}
                  </th>
                  <th scope="col" className="num">
                    {tx('index')}
                  </th>
                  <th scope="col" className="num">
                    {tx('received')}
                  </th>
                  <th scope="col" className="num">
                    {tx('late')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {ranking.data.rows.map((r) => (
                  <tr key={`${r.code}-${r.unitId ?? ''}`} className={r.code === selected ? 'is-selected' : undefined}>
                    <td className="num">{r.rank ?? '—'}</td>
                    <th scope="row">
                      {view === 'current' ? (
                        <button type="button" className="link-button" onClick={() => onSelect(r.code)}>
                          {language === 'en' && r.nameEn ? r.nameEn : r.name}
                        </button>
                      ) : (
                        (language === 'en' && r.nameEn) || r.name
                      )}
                      {r.isEstimate && <span className="muted"> *</span>}
                    </th>
                    <td className="num">{formatValue(language, r.value, ranking.data.indicator.unit, tx('noData'))}</td>
                    <td className="num">{formatNumber(language, r.indexTotal, 2)}</td>
                    <td className="num">{formatNumber(language, r.headline.received)}</td>
                    <td className="num">{formatNumber(language, r.headline.late)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/** Indicator names for the selector before the ranking has loaded (the API's labels are the same). */
const INDICATOR_NAMES: Record<string, { vi: string; en: string }> = {
  ON_TIME_RATE: { vi: 'Tỷ lệ giải quyết đúng hạn', en: 'On-time rate' },
  GENUINE_ONLINE_RATE: { vi: 'Tỷ lệ trực tuyến thực chất', en: 'Genuine online rate' },
  ONLINE_RATE: { vi: 'Tỷ lệ hồ sơ trực tuyến', en: 'Online rate' },
  ASSISTED_SHARE: { vi: 'Tỷ lệ hồ sơ trực tuyến do cán bộ nhập hộ', en: 'Assisted share of online dossiers' },
  DIGITISATION_RATE: { vi: 'Tỷ lệ số hóa hồ sơ', en: 'Digitisation rate' },
  ONLINE_PAYMENT_RATE: { vi: 'Tỷ lệ thanh toán trực tuyến', en: 'Online payment rate' },
  SATISFACTION_RATE: { vi: 'Mức độ hài lòng', en: 'Satisfaction' },
};

/** /lanh-dao — the leaders' dashboard: province overview, map, ranking, a commune's figures and its late dossiers. */
export default function LeadersPage() {
  const { state } = useSession();
  const { language, tx } = useText();
  const { search } = useLocation();
  usePageTitle(tx('title'));
  const principal = state.status === 'ready' ? state.session.principal : null;
  const home = principal?.kind === 'officer' ? homeUnitOf(principal) : null;
  const period = search.get('ky') ?? defaultPeriod();
  const view: View = search.get('xem') === 'historical' ? 'historical' : 'current';
  const indicator = search.get('chi-so') ?? 'ON_TIME_RATE';
  const selected = search.get('dv');
  const update = (next: Record<string, string | null>) => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next))
      if (v === null) params.delete(k);
      else params.set(k, v);
    navigate(`/lanh-dao?${params.toString()}`, { replace: true });
  };
  const isProvince = home === provinceCode;
  // A commune's leader sees their commune's panel only; the province's leaders see the whole city first.
  const overview = useLoad<Overview>(isProvince ? `${period}|${view}` : null, () => fetchOverview(period, provinceCode, view));
  const [provinceDrill, setProvinceDrill] = useState<DrillChoice | null>(null);

  if (state.status === 'loading') return <p className="muted">{tx('loading')}</p>;
  if (!home)
    return (
      <>
        <h1>{tx('title')}</h1>
        <p>{tx('notAllowed')}</p>
        <p>
          <Link to="/can-bo/dang-nhap">{tx('signIn')}</Link>
        </p>
      </>
    );
  return (
    <div className="leaders">
      <h1>{tx('title')}</h1>
      <p className="lead">{tx('intro')}</p>
      <p>
        <Link to="/lanh-dao/dinh-nghia">{tx('definitionsLink')}</Link>
        {isProvince && (
          <>
            {' · '}
            <Link to="/lanh-dao/doi-chieu">{tx('reconciliationLink')}</Link>
          </>
        )}
      </p>
      <PeriodPicker
        period={period}
        view={view}
        onChange={(n) => update({ ...(n.period ? { ky: n.period } : {}), ...(n.view ? { xem: n.view } : {}) })}
      />
      {isProvince && (
        <section aria-labelledby="overview-title" data-testid="overview">
          <h2 id="overview-title">
            {overview.status === 'ready'
              ? `${language === 'en' && overview.data.unit.fullNameEn ? overview.data.unit.fullNameEn : overview.data.unit.fullName} — ${periodLabel(language, period)}`
              : periodLabel(language, period)}
          </h2>
          {overview.status === 'loading' && <p className="muted">{tx('loading')}</p>}
          {overview.status === 'failed' && <p className="error-text">{tx('failed')}</p>}
          {overview.status === 'ready' && <OverviewBlock overview={overview.data} headingLevel={3} onDrill={setProvinceDrill} />}
          {overview.status === 'ready' && provinceDrill && (
            <DossierList
              key={`${provinceDrill.kind}|${period}|${view}`}
              period={period}
              unit={provinceCode}
              view={view}
              name={language === 'en' && overview.data.unit.fullNameEn ? overview.data.unit.fullNameEn : overview.data.unit.fullName}
              choice={provinceDrill}
              onClose={() => setProvinceDrill(null)}
            />
          )}
        </section>
      )}
      {isProvince && (
        <MapAndRanking
          period={period}
          view={view}
          indicator={indicator}
          selected={selected}
          onIndicator={(code) => update({ 'chi-so': code })}
          onSelect={(code) => update({ dv: code })}
        />
      )}
      {isProvince && view === 'current' && (
        <section aria-labelledby="national-title">
          <h2 id="national-title">{tx('nationalTitle')}</h2>
          <NationalMap
            period={period}
            indicator={indicator}
            indicatorName={indicator === 'INDEX' ? tx('indexIndicator') : (INDICATOR_NAMES[indicator]?.[language] ?? indicator)}
          />
        </section>
      )}
      {isProvince && selected && view === 'current' && (
        <CommunePanel key={`${selected}|${period}`} period={period} code={selected} view={view} />
      )}
      {!isProvince && <CommunePanel period={period} code={home} view={view} />}
    </div>
  );
}
