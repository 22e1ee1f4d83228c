import { useEffect, useRef, useState } from 'react';
import type { Dossier } from '../api.ts';
import { useI18n, useLoad } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatDateTime, formatMoney } from '../i18n.ts';
import { useLocation } from '../router.tsx';
import { fetchDossierPayments, startDossierPayment } from '../store-api.ts';

/** Statuses in which the server takes an online payment (src/payments/domain/payment-rules.ts). */
const payableStatuses = new Set([1, 2, 4, 5, 6, 9]);
const returnResults = ['da-thanh-toan', 'dang-xu-ly', 'that-bai', 'da-huy'] as const;
type ReturnResult = (typeof returnResults)[number];

/**
 * Thanh toán phí, lệ phí — what the dossier owes, a button that goes to the gateway's hosted page, and on
 * the way back (`?thanh-toan=…`) what happened, with the e-receipt of each paid payment.
 */
export function DossierPayment({ dossier }: { dossier: Dossier }) {
  const { t, language } = useI18n();
  const { search } = useLocation();
  const returned = search.get('thanh-toan');
  const returnResult = returnResults.find((r) => r === returned) as ReturnResult | undefined;
  const payments = useLoad(`payments-${dossier.code}-${returned ?? ''}`, () => fetchDossierPayments(dossier.code));
  const [error, setError] = useState('');
  const [isStarting, setStarting] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (returnResult) messageRef.current?.focus();
  }, [returnResult]);

  const pay = async () => {
    setStarting(true);
    setError('');
    try {
      const started = await startDossierPayment(dossier.code);
      // The gateway's hosted page is outside the web app: a full-page navigation.
      window.location.assign(started.redirectUrl);
    } catch (caught) {
      setError(describeError(caught, t));
      setStarting(false);
    }
  };

  return (
    <section aria-labelledby="payment-title" className="section">
      <h2 id="payment-title">{t('payment.title')}</h2>
      {returnResult && (
        <div
          ref={messageRef}
          tabIndex={-1}
          className={returnResult === 'da-thanh-toan' ? 'alert alert-success' : 'alert alert-warn'}
          role="status"
        >
          {t(`payment.return.${returnResult}`)}
        </div>
      )}
      {payments.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
      {payments.status === 'failed' && <p className="alert alert-error">{describeError(payments.error, t)}</p>}
      {payments.status === 'ready' && (
        <>
          <dl className="details">
            <div>
              <dt>{t('payment.total')}</dt>
              <dd>{formatMoney(language, payments.data.feeTotalVnd)}</dd>
            </div>
            {payments.data.financialObligations.map((obligation) => (
              <div key={obligation.requestedAt}>
                <dt>{t('payment.obligation', { description: obligation.description })}</dt>
                <dd>
                  {formatMoney(language, obligation.amountVnd)}{' '}
                  <span className="muted">
                    ({t('payment.obligationRequestedAt', { time: formatDateTime(language, obligation.requestedAt) })})
                  </span>
                </dd>
              </div>
            ))}
            <div>
              <dt>{t('payment.outstanding')}</dt>
              <dd>{formatMoney(language, payments.data.outstandingVnd)}</dd>
            </div>
          </dl>
          {dossier.status === 6 && payments.data.outstandingVnd > 0 && <p className="alert alert-warn">{t('payment.obligationDue')}</p>}
          {payments.data.outstandingVnd === 0 ? (
            <p className="status status-done">{t('payment.paidAll')}</p>
          ) : (
            payableStatuses.has(dossier.status) && (
              <>
                <p className="muted">{t('payment.explain')}</p>
                {error && (
                  <p className="alert alert-error" role="alert">
                    {error}
                  </p>
                )}
                <button type="button" className="button button-primary" disabled={isStarting} onClick={() => void pay()}>
                  {isStarting ? t('payment.starting') : t('payment.pay', { amount: formatMoney(language, payments.data.outstandingVnd) })}
                </button>
              </>
            )
          )}
          {payments.data.items.length > 0 && (
            <>
              <h3>{t('payment.history')}</h3>
              <ul className="plain-list">
                {payments.data.items.map((payment) => (
                  <li key={payment.id}>
                    {t('payment.line', { amount: formatMoney(language, payment.amountVnd), status: t(`payment.status.${payment.status}`) })}
                    {payment.paidAt && ` ${t('payment.paidAt', { time: formatDateTime(language, payment.paidAt) })}`}
                    {payment.receiptUrl && (
                      <>
                        {' '}
                        <a href={payment.receiptUrl} target="_blank" rel="noopener">
                          {t('payment.receipt')}
                        </a>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </section>
  );
}
