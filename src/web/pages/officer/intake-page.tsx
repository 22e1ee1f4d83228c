// The citizen form's words (field kinds, upload texts) load with this page too.
import '../../i18n-services.ts';
import { useMemo, useRef, useState, type FormEvent } from 'react';
import type { FormDefinition } from '../../../procedures/forms/definition.ts';
import type { FormError } from '../../../procedures/forms/validate.ts';
import { ApiError, fetchProcedure, searchProcedures, type Attachment, type ProcedureDetail } from '../../api.ts';
import { useI18n, useLoad, useSession } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { FieldFrame } from '../../form-controls.tsx';
import { usePageTitle } from '../../layout.tsx';
import { Link } from '../../router.tsx';
import { FieldScopeContext, FieldView, type FieldScope } from '../../submission/fields.tsx';
import {
  derivePages,
  newIdempotencyKey,
  serverFieldErrors,
  setAt,
  uploadSlots,
  withFileIds,
  withoutHiddenFields,
  type FormData,
} from '../../submission/flow.ts';
import { UploadField, UploadsContext, type Uploads } from '../../submission/upload-field.tsx';
import { formatMoment } from './format.ts';
import { useOfficerText, type OfficerMessageKey } from './messages.ts';
import { registerIntake, type IntakeOutcome, type OfficerIntakeBody } from './officer-api.ts';
import './officer.css';

export const intakePath = '/can-bo/tiep-nhan';

/** Every procedure of the catalogue, page by page (a province applies a few hundred at most). */
async function allProcedures(): Promise<{ code: string; name: string }[]> {
  const items: { code: string; name: string }[] = [];
  for (let page = 1; page <= 50; page++) {
    const result = await searchProcedures({ page });
    items.push(...result.items.map((p) => ({ code: p.code, name: p.name })));
    if (items.length >= result.total || result.items.length === 0) break;
  }
  return items.sort((a, b) => a.code.localeCompare(b.code));
}

interface Applicant {
  idNumber: string;
  name: string;
  email: string;
  phone: string;
}

const emptyApplicant: Applicant = { idNumber: '', name: '', email: '', phone: '' };

function IntakeForm({ procedure, onDone }: { procedure: ProcedureDetail; onDone: (outcome: IntakeOutcome) => void }) {
  const { t } = useOfficerText();
  const { t: tc } = useI18n();
  const definition = procedure.formDefinition as unknown as FormDefinition | null;
  const pages = useMemo(() => derivePages(definition), [definition]);
  const [mode, setMode] = useState<'counter' | 'assisted'>('counter');
  const [terminal, setTerminal] = useState('');
  const [applicant, setApplicant] = useState<Applicant>(emptyApplicant);
  const [data, setData] = useState<FormData>({});
  const [uploads, setUploads] = useState<Record<string, readonly Attachment[]>>({});
  const [errors, setErrors] = useState<FormError[]>([]);
  const [ownErrors, setOwnErrors] = useState<Record<string, string>>({});
  const [state, setState] = useState<{ status: 'idle' | 'submitting' } | { status: 'failed'; message: string }>({ status: 'idle' });
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const alertRef = useRef<HTMLDivElement>(null);

  const effective = withFileIds(definition, data, uploads);
  const slots = uploadSlots(procedure.components, definition, effective, { isIdentityVerified: false });
  const slotPath = (slot: (typeof slots)[number]) => slot.field?.name ?? `component-${slot.code}`;
  const errorMap = new Map(errors.map((e) => [e.path, e]));
  const scope: FieldScope = {
    root: data,
    errors: errorMap,
    setValue: (path, value) => {
      setErrors([]);
      setData((current) => setAt(current, path, value));
    },
  };
  const uploadsContext: Uploads = {
    uploads,
    setUploads: (code, list) => {
      setErrors([]);
      setUploads((current) => ({ ...current, [code]: list }));
    },
  };
  const setField = (key: keyof Applicant, value: string) => setApplicant((current) => ({ ...current, [key]: value }));

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const own: Record<string, string> = {};
    if (!/^\d{12}$/.test(applicant.idNumber.trim())) own['idNumber'] = t('intake.invalidIdNumber');
    if (applicant.name.trim() === '') own['name'] = t('intake.missingName');
    setOwnErrors(own);
    if (Object.keys(own).length > 0) {
      setState({ status: 'failed', message: Object.values(own).join(' ') });
      alertRef.current?.focus();
      return;
    }
    const body: OfficerIntakeBody = {
      mode,
      procedureCode: procedure.code,
      procedureVersion: procedure.version,
      applicant: {
        idNumber: applicant.idNumber.trim(),
        name: applicant.name.trim(),
        ...(applicant.email.trim() ? { email: applicant.email.trim() } : {}),
        ...(applicant.phone.trim() ? { phone: applicant.phone.trim() } : {}),
      },
      formData: definition ? withoutHiddenFields(definition.fields, effective) : {},
      components: slots
        .map((slot) => ({ componentCode: slot.code, attachmentIds: (uploads[slot.code] ?? []).map((a) => a.id) }))
        .filter((c) => c.attachmentIds.length > 0),
      ...(terminal.trim() ? { terminal: terminal.trim() } : {}),
    };
    // One Idempotency-Key per body: a retry after a lost answer registers nothing twice.
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { key: newIdempotencyKey(), body: text };
    setState({ status: 'submitting' });
    try {
      onDone(await registerIntake(body, attempt.current.key));
    } catch (error) {
      if (error instanceof ApiError && error.code === 'FORM_INVALID') setErrors(serverFieldErrors(error.details));
      setState({ status: 'failed', message: describeError(error, tc) });
      alertRef.current?.focus();
    }
  };

  return (
    <FieldScopeContext.Provider value={scope}>
      <UploadsContext.Provider value={uploadsContext}>
        <form noValidate className="flow-form intake-form" onSubmit={(e) => void submit(e)}>
          <div ref={alertRef} tabIndex={-1} role="alert" className={state.status === 'failed' ? 'alert alert-error' : 'visually-empty'}>
            {state.status === 'failed' ? state.message : ''}
          </div>
          <fieldset className="field">
            <legend>{t('intake.mode')}</legend>
            {(['counter', 'assisted'] as const).map((m) => (
              <label key={m} className="choice">
                <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />{' '}
                {t(`intake.mode.${m}` as OfficerMessageKey)}
              </label>
            ))}
          </fieldset>
          <FieldFrame id="intake-terminal" label={t('intake.terminal')} required={false} help={t('intake.terminalHint')} error={undefined}>
            <input
              id="intake-terminal"
              aria-describedby="intake-terminal-hint"
              value={terminal}
              maxLength={120}
              onChange={(e) => setTerminal(e.target.value)}
            />
          </FieldFrame>

          <h2>{t('intake.applicant')}</h2>
          <FieldFrame id="intake-id" label={t('intake.idNumber')} required help={undefined} error={ownErrors['idNumber']}>
            <input
              id="intake-id"
              inputMode="numeric"
              autoComplete="off"
              maxLength={12}
              value={applicant.idNumber}
              aria-invalid={ownErrors['idNumber'] ? true : undefined}
              aria-describedby={ownErrors['idNumber'] ? 'intake-id-error' : undefined}
              onChange={(e) => setField('idNumber', e.target.value)}
            />
          </FieldFrame>
          <FieldFrame id="intake-name" label={t('intake.name')} required help={undefined} error={ownErrors['name']}>
            <input
              id="intake-name"
              autoComplete="off"
              maxLength={200}
              value={applicant.name}
              aria-invalid={ownErrors['name'] ? true : undefined}
              aria-describedby={ownErrors['name'] ? 'intake-name-error' : undefined}
              onChange={(e) => setField('name', e.target.value)}
            />
          </FieldFrame>
          <FieldFrame id="intake-email" label={t('intake.email')} required help={undefined} error={undefined}>
            <input
              id="intake-email"
              type="email"
              autoComplete="off"
              value={applicant.email}
              onChange={(e) => setField('email', e.target.value)}
            />
          </FieldFrame>
          <FieldFrame id="intake-phone" label={t('intake.phone')} required help={undefined} error={undefined}>
            <input
              id="intake-phone"
              type="tel"
              autoComplete="off"
              value={applicant.phone}
              onChange={(e) => setField('phone', e.target.value)}
            />
          </FieldFrame>

          {definition && (
            <>
              <h2>{t('intake.form')}</h2>
              {pages.flatMap((p) =>
                p.kind === 'fields' || p.kind === 'review'
                  ? (p.kind === 'fields' ? p.fields : p.declarations).map((field) => (
                      <FieldView key={field.name} field={field} path={[field.name]} scope={data} />
                    ))
                  : [],
              )}
            </>
          )}

          <h2>{t('intake.components')}</h2>
          <p>{t('intake.componentsIntro')}</p>
          {slots.map((slot) => (
            <UploadField
              key={slot.code}
              componentCode={slot.code}
              name={slot.name}
              field={slot.field}
              path={[slotPath(slot)]}
              isRequired={slot.isRequired}
            />
          ))}

          <div className="flow-actions">
            <button type="submit" className="button button-primary" disabled={state.status === 'submitting'}>
              {state.status === 'submitting' ? t('intake.submitting') : t('intake.submit')}
            </button>
          </div>
        </form>
      </UploadsContext.Provider>
    </FieldScopeContext.Provider>
  );
}

function Registered({ outcome, onAnother }: { outcome: IntakeOutcome; onAnother: () => void }) {
  const { t, language } = useOfficerText();
  return (
    <section className="notice" aria-labelledby="intake-done" role="status">
      <h2 id="intake-done">{t('intake.done', { code: outcome.code })}</h2>
      <p>
        {t('intake.doneStatus', {
          status: t(`status.${outcome.status}` as OfficerMessageKey),
          appointment: formatMoment(language, outcome.appointmentAt),
        })}
      </p>
      <ul className="plain-list">
        {outcome.slips.map((slip) => (
          <li key={slip.form}>
            <a href={slip.url} target="_blank" rel="noreferrer">
              {t('intake.slip', { form: slip.form })}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <Link to={`/can-bo/ho-so/${encodeURIComponent(outcome.code)}`}>{t('intake.openDossier')}</Link>
      </p>
      <button type="button" className="button button-secondary" onClick={onAnother}>
        {t('intake.another')}
      </button>
    </section>
  );
}

/** Tiếp nhận tại quầy — counter (channel 1) and assisted (channel 2) intake by a reception officer. */
export function OfficerIntakePage() {
  const { t } = useOfficerText();
  const { t: tc } = useI18n();
  const { state } = useSession();
  usePageTitle(t('intake.title'));
  const principal = state.status === 'ready' ? state.session.principal : null;
  const isReception = principal?.kind === 'officer' && principal.roles.some((r) => r.role === 'reception');
  const procedures = useLoad(isReception ? 'intake-procedures' : null, allProcedures);
  const [code, setCode] = useState('');
  const procedure = useLoad(code ? `intake-${code}` : null, () => fetchProcedure(code));
  const [outcome, setOutcome] = useState<IntakeOutcome | null>(null);
  const [round, setRound] = useState(0);

  if (state.status === 'ready' && !isReception)
    return (
      <div className="narrow">
        <h1>{t('intake.title')}</h1>
        <p>
          <Link to="/can-bo/dang-nhap">{t('intake.receptionOnly')}</Link>
        </p>
      </div>
    );

  return (
    <div className="officer-page narrow-wide">
      <h1>{t('intake.title')}</h1>
      <p className="lead">{t('intake.intro')}</p>
      {outcome ? (
        <Registered
          outcome={outcome}
          onAnother={() => {
            setOutcome(null);
            setCode('');
            setRound((n) => n + 1);
          }}
        />
      ) : (
        <>
          <div className="field">
            <label htmlFor="intake-procedure">{t('intake.procedure')}</label>
            <select id="intake-procedure" value={code} onChange={(e) => setCode(e.target.value)}>
              <option value="">{t('intake.chooseProcedure')}</option>
              {procedures.status === 'ready' &&
                procedures.data.map((p) => (
                  <option key={p.code} value={p.code}>
                    {p.code} — {p.name}
                  </option>
                ))}
            </select>
          </div>
          {procedure.status === 'failed' && (
            <p className="alert alert-error" role="alert">
              {describeError(procedure.error, tc)}
            </p>
          )}
          {code && procedure.status === 'ready' && procedure.data.code === code && (
            <IntakeForm key={`${code}-${round}`} procedure={procedure.data} onDone={setOutcome} />
          )}
        </>
      )}
    </div>
  );
}
