import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useI18n } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { formatMoney } from '../../i18n.ts';
import { useOfficerText, type OfficerMessageKey } from './messages.ts';
import { performAction, type ActionOutcome, type DossierAction, type DossierActionBody, type DossierView } from './officer-api.ts';

/** What each action's dialog asks for (the server checks the same and answers a specific code). */
const asks: Record<
  DossierAction,
  {
    reason?: 'required' | 'optional';
    components?: true;
    newAppointment?: true;
    returnMethod?: true;
    toAgency?: true;
    /** The financial obligation's amount in đồng; the reason then describes what it is for. */
    amount?: true;
    /** How what is still owed was paid at the counter (recorded as a counter payment with an e-receipt). */
    paymentMethod?: true;
  }
> = {
  receive: {},
  refuse: { reason: 'required' },
  request_supplement: { components: true, reason: 'optional' },
  receive_supplement: {},
  forward: { toAgency: true },
  send_back: { reason: 'required' },
  request_financial_obligation: { amount: true, reason: 'required' },
  confirm_financial_obligation: { paymentMethod: true },
  approve: {},
  reject: { reason: 'required' },
  stop_processing: { reason: 'required' },
  record_result: {},
  return_result: { returnMethod: true },
  apologise: { reason: 'required', newAppointment: true },
  withdraw: { reason: 'optional' },
};

/** A datetime-local value (Vietnam time) as an ISO instant with its offset. */
function vietnamInstant(local: string): string {
  return `${local.length === 16 ? `${local}:00` : local}+07:00`;
}

/**
 * A modal dialog for one action: the native <dialog> keeps focus inside, Esc cancels, the first field
 * has focus, and the server's error (already in the reader's language) is announced.
 */
export function ActionDialog({
  dossier,
  action,
  onClose,
  onDone,
}: {
  dossier: DossierView;
  action: DossierAction;
  onClose: () => void;
  onDone: (outcome: ActionOutcome) => void;
}) {
  const { t } = useOfficerText();
  const i18n = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const need = asks[action];
  const label = t(`action.${action}` as OfficerMessageKey);
  const currentStepKind = dossier.steps.find((s) => s.isCurrent)?.kind;

  // No cleanup: an unmounted <dialog> leaves the top layer by itself, and closing it here would fire
  // `close` (and onClose) when React re-runs effects in development.
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const body: DossierActionBody = { action, expectedVersion: dossier.version };
    if (need.reason && text('reason')) body.reason = text('reason');
    if (need.components) {
      const chosen = data.getAll('component').map(String);
      const items = dossier.procedure.components.filter((c) => chosen.includes(c.code)).map((c) => ({ code: c.code, name: c.name }));
      if (text('otherComponent')) items.push({ code: '', name: text('otherComponent') });
      body.components = items.map(({ code, name }) => (code ? { code, name } : { name }));
    }
    if (need.newAppointment && text('newAppointmentAt')) body.newAppointmentAt = vietnamInstant(text('newAppointmentAt'));
    if (need.returnMethod && text('returnMethod')) body.returnMethod = text('returnMethod') as DossierActionBody['returnMethod'];
    if (need.toAgency && text('toAgencyCode')) body.toAgencyCode = text('toAgencyCode');
    if (need.amount && text('amountVnd')) body.amountVnd = Number(text('amountVnd'));
    if (need.paymentMethod && text('paymentMethod')) body.paymentMethod = text('paymentMethod') as DossierActionBody['paymentMethod'];
    setBusy(true);
    setError('');
    try {
      onDone(await performAction(dossier.code, body));
    } catch (caught) {
      setError(describeError(caught, i18n.t));
    } finally {
      setBusy(false);
    }
  };

  const titleId = `dialog-title-${action}`;
  return (
    <dialog ref={ref} className="action-dialog" aria-labelledby={titleId} onClose={onClose} onCancel={onClose}>
      <form onSubmit={(e) => void submit(e)} className="form">
        <h2 id={titleId}>{label}</h2>
        <p>{t('dialog.confirm', { action: label.toLowerCase(), code: dossier.code })}</p>
        <div role="alert" className={error ? 'alert alert-error' : 'visually-empty'}>
          {error}
        </div>
        {need.components && (
          <fieldset className="field">
            <legend>{t('dialog.components')}</legend>
            <p className="hint">{t('dialog.componentsHint')}</p>
            {dossier.procedure.components.map((c, i) => (
              <label key={c.code} className="check">
                <input type="checkbox" name="component" value={c.code} autoFocus={i === 0} /> {c.name}
              </label>
            ))}
            <label htmlFor="other-component">{t('dialog.otherComponent')}</label>
            <input id="other-component" name="otherComponent" maxLength={300} />
          </fieldset>
        )}
        {need.returnMethod && (
          <fieldset className="field">
            <legend>{t('dialog.returnMethod')}</legend>
            {(['counter', 'online', 'post'] as const).map((m, i) => (
              <label key={m} className="check">
                <input type="radio" name="returnMethod" value={m} required defaultChecked={i === 0} autoFocus={i === 0} />{' '}
                {t(`dialog.return.${m}`)}
              </label>
            ))}
          </fieldset>
        )}
        {need.paymentMethod && (
          <fieldset className="field">
            <legend>{t('dialog.paymentMethod')}</legend>
            <p className="hint">{t('dialog.paymentHint', { amount: formatMoney(i18n.language, dossier.payment.outstandingVnd) })}</p>
            {(['cash', 'pos'] as const).map((m, i) => (
              <label key={m} className="check">
                <input type="radio" name="paymentMethod" value={m} required defaultChecked={i === 0} autoFocus={i === 0} />{' '}
                {t(`dialog.payment.${m}`)}
              </label>
            ))}
          </fieldset>
        )}
        {need.newAppointment && (
          <div className="field">
            <label htmlFor="new-appointment">{t('dialog.newAppointment')}</label>
            <p className="hint" id="new-appointment-hint">
              {t('dialog.newAppointmentHint')}
            </p>
            <input
              id="new-appointment"
              name="newAppointmentAt"
              type="datetime-local"
              required
              aria-describedby="new-appointment-hint"
              autoFocus
            />
          </div>
        )}
        {need.toAgency && currentStepKind === 'processing' && (
          <div className="field">
            <label htmlFor="to-agency">{t('dialog.toAgency')}</label>
            <p className="hint" id="to-agency-hint">
              {t('dialog.toAgencyHint')}
            </p>
            <input id="to-agency" name="toAgencyCode" maxLength={40} aria-describedby="to-agency-hint" />
          </div>
        )}
        {need.amount && (
          <div className="field">
            <label htmlFor="obligation-amount">{t('dialog.obligationAmount')}</label>
            <p className="hint" id="obligation-amount-hint">
              {t('dialog.obligationAmountHint')}
            </p>
            <input
              id="obligation-amount"
              name="amountVnd"
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              required
              aria-describedby="obligation-amount-hint"
              autoFocus
            />
          </div>
        )}
        {need.reason && (
          <div className="field">
            <label htmlFor="reason">
              {t(need.amount ? 'dialog.obligationDescription' : need.reason === 'required' ? 'dialog.reason' : 'dialog.reasonOptional')}
            </label>
            <textarea
              id="reason"
              name="reason"
              rows={3}
              maxLength={2000}
              required={need.reason === 'required'}
              autoFocus={!need.newAppointment && !need.components && !need.amount}
            />
          </div>
        )}
        <div className="dialog-buttons">
          <button type="submit" className="button button-primary" disabled={isBusy} autoFocus={Object.keys(need).length === 0}>
            {isBusy ? t('dialog.submitting') : t('dialog.submit')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => ref.current?.close()}>
            {t('dialog.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
