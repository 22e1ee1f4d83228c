import { useId } from 'react';
import { useLoad } from '../../app-state.tsx';
import { usePageTitle } from '../../layout.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { definitionPath, exportUrl, fetchReconciliation, type Reconciliation } from './leaders-api.ts';
import { formatNumber } from './leaders-i18n.ts';
import { useText } from './use-text.ts';
import './leaders.css';

/**
 * /lanh-dao/doi-chieu — the national portal's published 766 scores beside our recomputation from the
 * portal's own counts and the platform's own figure from its transactions; differences beyond the
 * tolerance are highlighted (and said in words, not by colour alone). The portal's agency and commune
 * rows have the platform's figure once a system administrator has mapped their codes onto our units.
 */
export default function ReconciliationPage() {
  const { language, tx } = useText();
  const { search } = useLocation();
  const periodId = useId();
  usePageTitle(tx('reconciliationTitle'));
  const period = search.get('ky');
  const state = useLoad<Reconciliation>(`reconciliation|${period ?? ''}`, () => fetchReconciliation(period));
  const score = (n: number | null) => (n === null ? '—' : formatNumber(language, n, 2));
  const signed = (n: number | null) => (n === null ? '—' : `${n > 0 ? '+' : ''}${formatNumber(language, n, 2)}`);
  return (
    <div className="leaders reconciliation">
      <p>
        <Link to="/lanh-dao">{tx('title')}</Link>
      </p>
      <h1>{tx('reconciliationTitle')}</h1>
      <p className="lead">{tx('reconciliationIntro')}</p>
      {state.status === 'loading' && <p className="muted">{tx('loading')}</p>}
      {state.status === 'failed' && <p className="error-text">{tx('failed')}</p>}
      {state.status === 'ready' && state.data.periods.length === 0 && <p role="status">{tx('reconciliationNone')}</p>}
      {state.status === 'ready' && state.data.period && (
        <>
          <div className="leaders-controls">
            <div className="field">
              <label htmlFor={periodId}>{tx('period')}</label>
              <select
                id={periodId}
                value={state.data.period}
                onChange={(e) => navigate(`/lanh-dao/doi-chieu?ky=${encodeURIComponent(e.target.value)}`, { replace: true })}
              >
                {state.data.periods.map((p) => (
                  <option key={p} value={p}>
                    {p}
                  </option>
                ))}
              </select>
            </div>
          </div>
          {state.data.lines.some((l) => l.mappedTo === null) && <p className="muted">{tx('reconciliationUnmapped')}</p>}
          <p className="muted">
            {tx('reconciliationTolerance', { tolerance: formatNumber(language, state.data.tolerance, 3), set: state.data.formulaSetId })}
          </p>
          <p className="export-links">
            <a href={exportUrl('reconciliation', { period: state.data.period }, 'xlsx')} download>
              {tx('exportXlsx')}
            </a>{' '}
            ·{' '}
            <a href={exportUrl('reconciliation', { period: state.data.period }, 'csv')} download>
              {tx('exportCsv')}
            </a>
          </p>
          <div className="table-scroll">
            <table className="data-table" data-testid="reconciliation">
              <caption className="visually-hidden">{tx('reconciliationTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{tx('portalUnit')}</th>
                  <th scope="col">{tx('platformUnit')}</th>
                  <th scope="col">{tx('kpi')}</th>
                  <th scope="col" className="num">
                    {tx('published')}
                  </th>
                  <th scope="col" className="num">
                    {tx('recomputed')}
                  </th>
                  <th scope="col" className="num">
                    {tx('difference')}
                  </th>
                  <th scope="col" className="num">
                    {tx('ownFigure')}
                  </th>
                  <th scope="col" className="num">
                    {tx('difference')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {state.data.lines.map((l) => (
                  <tr
                    key={`${l.departmentCode}|${l.group}|${l.metric}`}
                    className={[l.metric === 'TOTAL' ? 'is-total' : '', l.isRecomputedDifferent || l.isOwnDifferent ? 'is-different' : '']
                      .join(' ')
                      .trim()}
                  >
                    <td>{l.departmentCode}</td>
                    <td className={l.mappedTo ? undefined : 'muted'}>
                      {l.mappedTo ? (language === 'en' ? (l.mappedTo.nameEn ?? l.mappedTo.name) : l.mappedTo.name) : tx('notMapped')}
                    </td>
                    <th scope="row">
                      <Link to={definitionPath(l.metric === 'TOTAL' ? l.group : l.metric)}>
                        {l.metric === 'TOTAL' ? tx('groupTotal', { group: l.label[language] }) : l.label[language]}
                      </Link>
                    </th>
                    <td className="num">{score(l.published)}</td>
                    <td className="num">{score(l.recomputed)}</td>
                    <td className={l.isRecomputedDifferent ? 'num differs' : 'num'}>
                      {signed(l.delta)}
                      {l.isRecomputedDifferent && <span className="badge-warning">{tx('differs')}</span>}
                    </td>
                    <td className="num">{l.mappedTo ? score(l.own) : '—'}</td>
                    <td className={l.isOwnDifferent ? 'num differs' : 'num'}>
                      {signed(l.ownDelta)}
                      {l.isOwnDifferent && <span className="badge-warning">{tx('differs')}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </div>
  );
}
