import type { FormEvent } from 'react';
import { useI18n, useLoad, useSession } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { usePageTitle } from '../../layout.tsx';
import { Link, navigate, useLocation } from '../../router.tsx';
import { describeRemaining, formatMoment } from './format.ts';
import { useOfficerText, type OfficerMessageKey } from './messages.ts';
import { fetchInbox, queueFilters, type InboxItem, type InboxQueue } from './officer-api.ts';
import './officer.css';

export const inboxPath = '/can-bo/ho-so';

const queueKeys = ['status', 'overdue', 'dueSoon'];
const filterFields = ['q', 'procedure', 'step', 'channel', 'receivedFrom', 'receivedTo', 'include', 'sort'] as const;

/** The queue the current query shows, if it shows exactly one (queues hold open dossiers only). */
function currentQueue(search: URLSearchParams): InboxQueue | null {
  for (const [queue, filter] of queueFilters) {
    const withClosed = queue === 'open' && search.get('include') === 'all';
    const matches = !withClosed && queueKeys.every((k) => (search.get(k) ?? undefined) === filter[k]);
    if (matches) return queue;
  }
  return null;
}

/** The inbox URL for a query: the queue's filter over the other filters (open dossiers only), back to page 1. */
function withQueue(search: URLSearchParams, filter: Record<string, string>): string {
  const next = new URLSearchParams(search);
  for (const k of [...queueKeys, 'include', 'page']) next.delete(k);
  for (const [k, v] of Object.entries(filter)) next.set(k, v);
  const text = next.toString();
  return text ? `${inboxPath}?${text}` : inboxPath;
}

function pageUrl(search: URLSearchParams, page: number): string {
  const next = new URLSearchParams(search);
  next.set('page', String(page));
  return `${inboxPath}?${next.toString()}`;
}

function RemainingCell({ item, perDay }: { item: InboxItem; perDay: number }) {
  const { t } = useOfficerText();
  return (
    <>
      {describeRemaining(t, item.remainingWorkingMinutes, perDay, item.status === 5)}
      {item.isOverdue && <span className="tag tag-overdue">{t('badge.overdue')}</span>}
      {item.isDueSoon && <span className="tag tag-due">{t('badge.dueSoon')}</span>}
    </>
  );
}

function Filters({ search }: { search: URLSearchParams }) {
  const { t } = useOfficerText();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next = new URLSearchParams();
    for (const k of queueKeys) {
      const v = search.get(k);
      if (v) next.set(k, v);
    }
    for (const field of filterFields) {
      const value = String(data.get(field) ?? '').trim();
      if (value && !(field === 'sort' && value === 'deadline')) next.set(field, value);
    }
    const text = next.toString();
    navigate(text ? `${inboxPath}?${text}` : inboxPath);
  };
  const value = (k: string) => search.get(k) ?? '';
  return (
    <form className="inbox-filters" onSubmit={submit} aria-label={t('inbox.filters')} key={search.toString()}>
      <div className="field field-wide">
        <label htmlFor="inbox-q">{t('inbox.search')}</label>
        <p className="hint" id="inbox-q-hint">
          {t('inbox.searchHint')}
        </p>
        <input id="inbox-q" name="q" type="search" defaultValue={value('q')} aria-describedby="inbox-q-hint" />
      </div>
      <div className="field">
        <label htmlFor="inbox-procedure">{t('inbox.procedure')}</label>
        <input id="inbox-procedure" name="procedure" placeholder="1.001193" pattern="\d\.\d{6}" defaultValue={value('procedure')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-step">{t('inbox.step')}</label>
        <select id="inbox-step" name="step" defaultValue={value('step')}>
          <option value="">{t('inbox.any')}</option>
          {(['reception', 'processing', 'approval', 'result', 'return'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`step.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-channel">{t('inbox.channel')}</label>
        <select id="inbox-channel" name="channel" defaultValue={value('channel')}>
          <option value="">{t('inbox.any')}</option>
          {(['1', '2', '3'] as const).map((c) => (
            <option key={c} value={c}>
              {t(`channel.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="inbox-from">{t('inbox.receivedFrom')}</label>
        <input id="inbox-from" name="receivedFrom" type="date" defaultValue={value('receivedFrom')} />
      </div>
      <div className="field">
        <label htmlFor="inbox-to">{t('inbox.receivedTo')}</label>
        <input id="inbox-to" name="receivedTo" type="date" defaultValue={value('receivedTo')} />
      </div>
      <div className="field checkbox">
        <input id="inbox-include" name="include" type="checkbox" value="all" defaultChecked={value('include') === 'all'} />
        <label htmlFor="inbox-include">{t('inbox.includeClosed')}</label>
      </div>
      <div className="field">
        <label htmlFor="inbox-sort">{t('inbox.sort')}</label>
        <select id="inbox-sort" name="sort" defaultValue={value('sort') || 'deadline'}>
          {(['deadline', 'submitted', 'updated'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`inbox.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="inbox-filter-actions">
        <button type="submit" className="button button-primary">
          {t('inbox.apply')}
        </button>
        <Link to={inboxPath} className="text-link">
          {t('inbox.clear')}
        </Link>
      </div>
    </form>
  );
}

/** Hồ sơ cần xử lý — the officer's inbox: queues with counts, filters, the list by deadline, pages. */
export function OfficerInboxPage() {
  const { t, language } = useOfficerText();
  const i18n = useI18n();
  const { state } = useSession();
  const { search } = useLocation();
  usePageTitle(t('inbox.title'));
  const isOfficer = state.status === 'ready' && state.session.principal?.kind === 'officer';
  const inbox = useLoad(isOfficer ? search.toString() : null, () => fetchInbox(search));

  if (state.status === 'ready' && !isOfficer)
    return (
      <div className="narrow">
        <h1>{t('inbox.title')}</h1>
        <p>
          <Link to="/can-bo/dang-nhap">{t('inbox.signIn')}</Link>
        </p>
      </div>
    );

  const active = currentQueue(search);
  const data = inbox.status === 'ready' ? inbox.data : null;
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <div className="officer-page">
      <h1>{t('inbox.title')}</h1>
      <p className="lead">{t('inbox.intro')}</p>
      <nav aria-label={t('inbox.queues')}>
        <ul className="queue-tabs">
          {queueFilters.map(([queue, filter]) => (
            <li key={queue}>
              <Link
                to={withQueue(search, filter)}
                aria-current={queue === active ? 'page' : undefined}
                className={`queue-tab queue-${queue}`}
              >
                <span>{t(`inbox.queue.${queue}` as OfficerMessageKey)}</span>
                <span className="queue-count">{data ? data.counts[queue] : '…'}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <Filters search={search} />
      <div aria-live="polite" className="inbox-status">
        {inbox.status === 'loading' && <p>{i18n.t('app.loading')}</p>}
        {inbox.status === 'failed' && <p className="alert alert-error">{describeError(inbox.error, i18n.t)}</p>}
        {data && <p>{t('inbox.count', { total: data.total })}</p>}
      </div>
      {data && data.items.length === 0 && <p>{t('inbox.empty')}</p>}
      {data && data.items.length > 0 && (
        <div className="table-scroll">
          <table className="inbox-table">
            <caption className="visually-hidden">{t('inbox.tableCaption', { page: data.page, pages })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('inbox.col.code')}</th>
                <th scope="col">{t('inbox.col.applicant')}</th>
                <th scope="col">{t('inbox.col.procedure')}</th>
                <th scope="col">{t('inbox.col.status')}</th>
                <th scope="col">{t('inbox.col.appointment')}</th>
                <th scope="col">{t('inbox.col.remaining')}</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((item) => (
                <tr key={item.code} className={item.isOverdue ? 'row-overdue' : undefined}>
                  <td>
                    <Link to={`${inboxPath}/${encodeURIComponent(item.code)}`} className="mono">
                      {item.code}
                    </Link>
                  </td>
                  <td>
                    {item.applicantName}
                    <br />
                    <span className="muted mono">{item.applicantIdNumberMasked}</span>
                  </td>
                  <td>
                    {item.procedureName}
                    <br />
                    <span className="muted">{t(`channel.${item.channel}` as OfficerMessageKey)}</span>
                  </td>
                  <td>{t(`status.${item.status}` as OfficerMessageKey)}</td>
                  <td>{formatMoment(language, item.appointmentAt)}</td>
                  <td>
                    <RemainingCell item={item} perDay={data.minutesPerWorkingDay} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && pages > 1 && (
        <nav aria-label={t('inbox.pages')} className="pager">
          {data.page > 1 && <Link to={pageUrl(search, data.page - 1)}>{t('inbox.previous')}</Link>}
          <span>{t('inbox.page', { page: data.page, pages })}</span>
          {data.page < pages && <Link to={pageUrl(search, data.page + 1)}>{t('inbox.next')}</Link>}
        </nav>
      )}
    </div>
  );
}
