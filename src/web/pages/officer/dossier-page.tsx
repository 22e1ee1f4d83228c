import { useEffect, useRef, useState } from 'react';
import { useI18n, useLoad } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { formatMoney } from '../../i18n.ts';
import { usePageTitle } from '../../layout.tsx';
import { Link, useLocation } from '../../router.tsx';
import { ActionDialog } from './action-dialog.tsx';
import { ApplicantStore } from './applicant-store.tsx';
import { describeRemaining, formatMoment } from './format.ts';
import { inboxPath } from './inbox-page.tsx';
import { useOfficerText, type OfficerMessageKey } from './messages.ts';
import { fetchOfficerDossier, type ActionOutcome, type DossierAction, type DossierView } from './officer-api.ts';
import './officer.css';

function slipName(t: ReturnType<typeof useOfficerText>['t'], form: string): string {
  return t(`slip.${form}` as OfficerMessageKey);
}

function formValue(value: unknown): string {
  if (value === null || value === undefined) return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function Summary({ d }: { d: DossierView }) {
  const { t, language } = useOfficerText();
  const isPaused = d.status === 5 && d.pausedAt !== null;
  const current = d.steps.find((s) => s.isCurrent);
  const rows: [OfficerMessageKey, string][] = [
    ['dossier.procedure', `${d.procedure.code} · ${language === 'en' && d.procedure.nameEn ? d.procedure.nameEn : d.procedure.name}`],
    ['dossier.status', t(`status.${d.status}` as OfficerMessageKey)],
    ['dossier.step', current ? (language === 'en' ? current.nameEn : current.name) : d.currentStep],
    ['dossier.channel', t(`channel.${d.channel}` as OfficerMessageKey)],
    ['dossier.submittedAt', formatMoment(language, d.submittedAt)],
    ['dossier.receivedAt', formatMoment(language, d.receivedAt)],
    ['dossier.appointmentAt', formatMoment(language, d.appointmentAt)],
    ['dossier.remaining', describeRemaining(t, d.deadline.remainingWorkingMinutes, d.deadline.minutesPerWorkingDay, isPaused)],
    ['dossier.receivingAgency', language === 'en' ? d.receivingAgency.nameEn : d.receivingAgency.name],
    ['dossier.handlingAgency', language === 'en' ? d.handlingAgency.nameEn : d.handlingAgency.name],
    ['dossier.supplements', String(d.supplementRequestCount)],
  ];
  return (
    <section aria-labelledby="summary-title" className="panel">
      <h2 id="summary-title">{t('dossier.summary')}</h2>
      <p>
        {d.deadline.isOverdue && <span className="tag tag-overdue">{t('badge.overdue')}</span>}
        {d.deadline.isDueSoon && <span className="tag tag-due">{t('badge.dueSoon')}</span>}
        {d.isMarkedLate && <span className="tag tag-overdue">{t('badge.late')}</span>}
      </p>
      <dl className="details">
        {rows.map(([key, value]) => (
          <div key={key}>
            <dt>{t(key)}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Applicant({ d }: { d: DossierView }) {
  const { t } = useOfficerText();
  return (
    <section aria-labelledby="applicant-title" className="panel">
      <h2 id="applicant-title">{t('dossier.applicant')}</h2>
      <dl className="details">
        <div>
          <dt>{t('dossier.name')}</dt>
          <dd>{d.applicant.name}</dd>
        </div>
        <div>
          <dt>{t('dossier.idNumber')}</dt>
          <dd className="mono">{d.applicant.idNumber}</dd>
        </div>
        <div>
          <dt>{t('dossier.phone')}</dt>
          <dd>{d.applicant.phone ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('dossier.email')}</dt>
          <dd>{d.applicant.email ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('dossier.vneid')}</dt>
          <dd>{t(d.applicant.isVneidVerified ? 'dossier.vneidYes' : 'dossier.vneidNo')}</dd>
        </div>
      </dl>
      <h3>{t('dossier.formData')}</h3>
      <dl className="details">
        {Object.entries(d.formData).map(([key, value]) => (
          <div key={key}>
            <dt className="mono">{key}</dt>
            <dd>{formValue(value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function Components({ d }: { d: DossierView }) {
  const { t } = useOfficerText();
  return (
    <section aria-labelledby="components-title" className="panel">
      <h2 id="components-title">{t('dossier.components')}</h2>
      {d.components.length === 0 ? (
        <p>{t('dossier.noComponents')}</p>
      ) : (
        <ul className="plain-list">
          {d.components.map((c, i) => (
            <li key={`${c.componentCode}-${i}`}>
              <strong>{c.name}</strong>{' '}
              {c.source === 'store' ? (
                // DuocLayTuKhoDMQG: taken from the applicant's store, not asked again (counted for the index).
                <span className="tag" data-source="store">
                  {t('dossier.source.store')}
                </span>
              ) : (
                <span className="muted">({t(`dossier.source.${c.source}` as OfficerMessageKey)})</span>
              )}
              {c.isSupplement && <span className="tag">{t('dossier.supplement')}</span>}
              <br />
              <span className="muted">
                {c.file ? `${c.file.fileName} · ${Math.ceil(c.file.sizeBytes / 1024)} KB` : t('dossier.noFile')}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Phí, lệ phí và nghĩa vụ tài chính — what the dossier owes, each obligation line and whether it is paid. */
function Payment({ d }: { d: DossierView }) {
  const { t, language } = useOfficerText();
  const { payment } = d;
  return (
    <section aria-labelledby="payment-title" className="panel">
      <h2 id="payment-title">{t('dossier.payment')}</h2>
      {payment.obligations.length > 0 && (
        <table className="inbox-table obligations-table" data-testid="obligations">
          <caption className="visually-hidden">{t('dossier.payment')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dossier.obligationFor')}</th>
              <th scope="col" className="num">
                {t('dossier.obligationAmount')}
              </th>
              <th scope="col">{t('dossier.obligationState')}</th>
            </tr>
          </thead>
          <tbody>
            {payment.obligations.map((o) => (
              <tr key={o.requestedAt}>
                <th scope="row">
                  {o.description}
                  <br />
                  <span className="muted">{formatMoment(language, o.requestedAt)}</span>
                </th>
                <td className="num">{formatMoney(language, o.amountVnd)}</td>
                <td>
                  <span className={o.isPaid ? 'tag' : 'tag tag-due'}>
                    {t(o.isPaid ? 'dossier.obligationPaid' : 'dossier.obligationUnpaid')}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <dl className="details">
        <div>
          <dt>{t('dossier.feeTotal')}</dt>
          <dd>{formatMoney(language, payment.feeTotalVnd)}</dd>
        </div>
        <div>
          <dt>{t('dossier.paidTotal')}</dt>
          <dd>{formatMoney(language, payment.paidVnd)}</dd>
        </div>
        <div>
          <dt>{t('dossier.outstanding')}</dt>
          <dd>{formatMoney(language, payment.outstandingVnd)}</dd>
        </div>
      </dl>
    </section>
  );
}

function Steps({ d }: { d: DossierView }) {
  const { t, language } = useOfficerText();
  return (
    <section aria-labelledby="steps-title" className="panel">
      <h2 id="steps-title">{t('dossier.steps')}</h2>
      <ol className="steps">
        {d.steps.map((s) => (
          <li key={s.code} aria-current={s.isCurrent ? 'step' : undefined} className={s.isCurrent ? 'step-current' : undefined}>
            <strong>{language === 'en' ? s.nameEn : s.name}</strong>
            {s.isCurrent && <span className="tag">{t('dossier.currentStep')}</span>}
            {s.dueAt && <span className="muted"> · {t('dossier.stepDue', { time: formatMoment(language, s.dueAt) })}</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Timeline({ d }: { d: DossierView }) {
  const { t, language } = useOfficerText();
  return (
    <section aria-labelledby="timeline-title" className="panel">
      <h2 id="timeline-title">{t('dossier.timeline')}</h2>
      <ol className="timeline">
        {d.timeline.map((e) => (
          <li key={e.id}>
            <time dateTime={e.at}>{formatMoment(language, e.at)}</time> — <strong>{t(`action.${e.action}` as OfficerMessageKey)}</strong>{' '}
            <span className="muted">→ {t(`status.${e.toStatus}` as OfficerMessageKey)}</span>
            {e.actorName && <span> {t('dossier.by', { name: e.actorName })}</span>}
            {e.reason && <div className="muted">{t('dossier.reason', { reason: e.reason })}</div>}
          </li>
        ))}
      </ol>
    </section>
  );
}

function SlipLinks({ slips }: { slips: readonly { form: string; url: string }[] }) {
  const { t } = useOfficerText();
  return (
    <ul className="plain-list">
      {slips.map((s) => (
        <li key={s.form}>
          <a href={s.url} download>
            {t('slip.download', { name: slipName(t, s.form) })}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** Chi tiết hồ sơ — one dossier for the officer: summary, applicant, components, workflow, log, slips, actions. */
export function OfficerDossierPage() {
  const { t } = useOfficerText();
  const i18n = useI18n();
  const { pathname } = useLocation();
  const code = decodeURIComponent(pathname.slice(inboxPath.length + 1));
  usePageTitle(t('dossier.title', { code }));
  const [reloads, setReloads] = useState(0);
  const state = useLoad(`${code}#${reloads}`, () => fetchOfficerDossier(code));
  const [action, setAction] = useState<DossierAction | null>(null);
  const [outcome, setOutcome] = useState<{ action: DossierAction; result: ActionOutcome } | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (outcome) noticeRef.current?.focus();
  }, [outcome]);

  const d = state.status === 'ready' ? state.data : null;
  return (
    <div className="officer-page">
      <p>
        <Link to={inboxPath}>← {t('dossier.back')}</Link>
      </p>
      <h1>{t('dossier.title', { code })}</h1>
      {state.status === 'loading' && !d && <p>{i18n.t('app.loading')}</p>}
      {state.status === 'failed' && <p className="alert alert-error">{describeError(state.error, i18n.t)}</p>}
      {outcome && (
        <div ref={noticeRef} tabIndex={-1} role="status" className="alert alert-success">
          <p>{t('dialog.done', { action: t(`action.${outcome.action}` as OfficerMessageKey) })}</p>
          <SlipLinks slips={outcome.result.slips} />
        </div>
      )}
      {d && (
        <>
          <section aria-labelledby="actions-title" className="panel">
            <h2 id="actions-title">{t('dossier.actions')}</h2>
            {d.availableActions.length === 0 ? (
              <p>{t('dossier.noActions')}</p>
            ) : (
              <div className="action-buttons">
                {d.availableActions.map((a) => (
                  <button key={a} type="button" className="button button-secondary" onClick={() => setAction(a)}>
                    {t(`action.${a}` as OfficerMessageKey)}
                  </button>
                ))}
              </div>
            )}
          </section>
          <div className="dossier-grid">
            <Summary d={d} />
            <Applicant d={d} />
            <Components d={d} />
            {(d.payment.feeTotalVnd > 0 || d.payment.obligations.length > 0) && <Payment d={d} />}
            <Steps d={d} />
          </div>
          <section aria-labelledby="slips-title" className="panel">
            <h2 id="slips-title">{t('dossier.slips')}</h2>
            {d.slips.length === 0 ? <p>{t('dossier.noSlips')}</p> : <SlipLinks slips={d.slips} />}
          </section>
          <Timeline d={d} />
          <ApplicantStore code={d.code} />
          {action && (
            <ActionDialog
              dossier={d}
              action={action}
              onClose={() => setAction(null)}
              onDone={(result) => {
                setOutcome({ action, result });
                setAction(null);
                setReloads((n) => n + 1);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
