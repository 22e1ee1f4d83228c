// The words of this page load with it.
import '../i18n-services.ts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isValidCccd } from '../../identity/domain/cccd.ts';
import { ApiError, lookUpDossier, type PublicDossierStatus } from '../api.ts';
import { useI18n } from '../app-state.tsx';
import { StatusBadge, Timeline } from '../dossier-status.tsx';
import { describeError } from '../errors.ts';
import { describedBy, FieldFrame } from '../form-controls.tsx';
import { formatDay } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { useLocation } from '../router.tsx';

type Result =
  { status: 'idle' } | { status: 'busy' } | { status: 'found'; dossier: PublicDossierStatus } | { status: 'failed'; message: string };

/**
 * Tra cứu hồ sơ — anyone with the dossier code and the applicant's ID number sees its status and dates
 * (the receipt's QR code opens `/tra-cuu?ma=<code>` with the code filled in).
 */
export default function LookupPage() {
  const { t, language } = useI18n();
  const { search } = useLocation();
  usePageTitle(t('lookup.title'));
  const [code, setCode] = useState(search.get('ma') ?? '');
  const [idNumber, setIdNumber] = useState('');
  const [errors, setErrors] = useState<{ code?: string; idNumber?: string }>({});
  const [result, setResult] = useState<Result>({ status: 'idle' });
  const idRef = useRef<HTMLInputElement>(null);
  const codeRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  // Arriving from a QR code, the code is known: the ID number is what is left to type.
  useEffect(() => {
    if (search.get('ma')) idRef.current?.focus();
  }, []);
  useEffect(() => {
    if (result.status === 'found') resultRef.current?.focus();
  }, [result]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found: { code?: string; idNumber?: string } = {};
    if (!code.trim()) found.code = t('lookup.codeMissing');
    if (!isValidCccd(idNumber.trim())) found.idNumber = t('lookup.idInvalid');
    setErrors(found);
    if (found.code) return codeRef.current?.focus();
    if (found.idNumber) return idRef.current?.focus();
    setResult({ status: 'busy' });
    try {
      setResult({ status: 'found', dossier: await lookUpDossier(code.trim(), idNumber.trim()) });
    } catch (error) {
      const isMissing = error instanceof ApiError && error.status === 404;
      setResult({ status: 'failed', message: isMissing ? t('lookup.notFound') : describeError(error, t) });
    }
  };

  return (
    <div className="narrow">
      <h1>{t('lookup.title')}</h1>
      <p className="lead">{t('lookup.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <FieldFrame id="lookup-code" label={t('lookup.code')} required help={undefined} error={errors.code}>
          <input
            id="lookup-code"
            ref={codeRef}
            value={code}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={errors.code ? true : undefined}
            aria-describedby={describedBy('lookup-code', false, Boolean(errors.code))}
            onChange={(e) => setCode(e.target.value)}
          />
        </FieldFrame>
        <FieldFrame id="lookup-id" label={t('lookup.idNumber')} required help={t('lookup.idHint')} error={errors.idNumber}>
          <input
            id="lookup-id"
            ref={idRef}
            className="input-short"
            value={idNumber}
            inputMode="numeric"
            maxLength={12}
            autoComplete="off"
            aria-invalid={errors.idNumber ? true : undefined}
            aria-describedby={describedBy('lookup-id', true, Boolean(errors.idNumber))}
            onChange={(e) => setIdNumber(e.target.value.replace(/\D/g, ''))}
          />
        </FieldFrame>
        <button type="submit" className="button button-primary button-block" disabled={result.status === 'busy'}>
          {result.status === 'busy' ? t('lookup.searching') : t('lookup.submit')}
        </button>
      </form>

      <div aria-live="polite">{result.status === 'failed' && <p className="alert alert-error">{result.message}</p>}</div>
      {result.status === 'found' && (
        <section className="section" aria-labelledby="lookup-result">
          <h2 id="lookup-result" ref={resultRef} tabIndex={-1}>
            {t('dossier.title', { code: result.dossier.code })}
          </h2>
          <p>{result.dossier.procedureName}</p>
          <p className="status-line">
            {t('dossier.status')}: <StatusBadge status={result.dossier.status} name={result.dossier.statusName} />
          </p>
          <dl className="details">
            <div>
              <dt>{t('dossier.submittedAt')}</dt>
              <dd>{formatDay(language, result.dossier.submittedAt)}</dd>
            </div>
            {result.dossier.receivedAt && (
              <div>
                <dt>{t('lookup.receivedAt')}</dt>
                <dd>{formatDay(language, result.dossier.receivedAt)}</dd>
              </div>
            )}
            <div>
              <dt>{t('dossier.appointment')}</dt>
              <dd>{result.dossier.appointmentAt ? formatDay(language, result.dossier.appointmentAt) : t('dossier.appointmentPending')}</dd>
            </div>
            {result.dossier.returnedAt && (
              <div>
                <dt>{t('lookup.returnedAt')}</dt>
                <dd>{formatDay(language, result.dossier.returnedAt)}</dd>
              </div>
            )}
          </dl>
          <h3>{t('dossier.timeline')}</h3>
          <Timeline events={result.dossier.history} />
        </section>
      )}
    </div>
  );
}
