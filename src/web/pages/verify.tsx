import { useId, useState, type FormEvent } from 'react';
import { ApiError, fetchDocumentVerification, verifyDocumentFile, type DocumentVerification, type UploadVerification } from '../api.ts';
import { useI18n, useLoad } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatDate, type Language } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { useLocation } from '../router.tsx';

type Verdict = DocumentVerification['status'] | UploadVerification['status'];

/** Green for valid, amber for what needs a second look, red for what must not be relied on. */
const verdictTone: Record<Verdict, 'ok' | 'warn' | 'bad'> = {
  valid: 'ok',
  expired: 'warn',
  unknown: 'warn',
  revoked: 'bad',
  tampered: 'bad',
  untrusted: 'bad',
};

/** A moment in Vietnam time: "08:30, ngày 21/11/2026" or "21 November 2026 at 08:30". */
function formatMoment(language: Language, iso: string): string {
  const date = new Date(iso);
  if (language === 'en')
    return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Ho_Chi_Minh' }).format(date);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('hour')}:${part('minute')}, ngày ${part('day')}/${part('month')}/${part('year')}`;
}

function VerdictBanner({ status, hint }: { status: Verdict; hint: string | null }) {
  const { t } = useI18n();
  return (
    <div className={`verdict verdict-${verdictTone[status]}`}>
      <p className="verdict-title">{t(`verify.status.${status}`)}</p>
      {hint && <p className="verdict-hint">{hint}</p>}
    </div>
  );
}

function DocumentDetails({ document }: { document: DocumentVerification }) {
  const { t, language } = useI18n();
  const validity = document.validTo
    ? t('verify.validFromTo', { from: formatDate(language, document.validFrom), to: formatDate(language, document.validTo) })
    : t('verify.validFrom', { from: formatDate(language, document.validFrom) });
  return (
    <>
      <dl className="details">
        <div>
          <dt>{t('verify.type')}</dt>
          <dd>{document.title}</dd>
        </div>
        <div>
          <dt>{t('verify.agency')}</dt>
          <dd>{language === 'en' ? document.issuingAgency.nameEn : document.issuingAgency.name}</dd>
        </div>
        <div>
          <dt>{t('verify.signedAt')}</dt>
          <dd>{formatMoment(language, document.signedAt)}</dd>
        </div>
        <div>
          <dt>{t('verify.validity')}</dt>
          <dd>{validity}</dd>
        </div>
        {document.revokedAt && (
          <div>
            <dt>{t('verify.revokedAt')}</dt>
            <dd>{formatMoment(language, document.revokedAt)}</dd>
          </div>
        )}
        {document.revocationReason && (
          <div>
            <dt>{t('verify.revocationReason')}</dt>
            <dd>{document.revocationReason}</dd>
          </div>
        )}
        {document.facts.map((fact) => (
          <div key={fact.label}>
            <dt>{fact.label}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
        <div>
          <dt>{t('verify.certificate')}</dt>
          <dd className="wrap">{document.signer.subject}</dd>
        </div>
        <div>
          <dt>{t('verify.fingerprint')}</dt>
          <dd className="mono wrap">{document.signer.fingerprint}</dd>
        </div>
      </dl>
      {document.signer.isDevelopmentKey && <p className="alert alert-warn">{t('verify.developmentKey')}</p>}
    </>
  );
}

function RecordSection({ documentId }: { documentId: string }) {
  const { t } = useI18n();
  const state = useLoad(documentId, () => fetchDocumentVerification(documentId));
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (state.status === 'failed') {
    const isUnknown = state.error instanceof ApiError && state.error.code === 'DOCUMENT_NOT_FOUND';
    return <p className="alert alert-error">{isUnknown ? t('verify.notFound') : describeError(state.error, t)}</p>;
  }
  const document = state.data;
  return (
    <section aria-labelledby="record-heading">
      <h2 id="record-heading">{document.title}</h2>
      <p className="muted mono wrap">{t('verify.documentId', { id: document.documentId })}</p>
      <VerdictBanner status={document.status} hint={t(`verify.statusHint.${document.status}`)} />
      <DocumentDetails document={document} />
    </section>
  );
}

function UploadSection() {
  const { t } = useI18n();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [isBusy, setBusy] = useState(false);
  const [result, setResult] = useState<UploadVerification | null>(null);
  const [error, setError] = useState('');

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError('');
    setResult(null);
    try {
      setResult(await verifyDocumentFile(file));
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="upload-heading" className="section">
      <h2 id="upload-heading">{t('verify.upload.title')}</h2>
      <p>{t('verify.upload.intro')}</p>
      <form className="form" onSubmit={(e) => void submit(e)}>
        <div className="field">
          <label htmlFor={inputId}>{t('verify.upload.label')}</label>
          <input
            id={inputId}
            name="file"
            type="file"
            accept="application/pdf,.pdf"
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <button type="submit" className="button button-primary" disabled={isBusy || !file}>
          {isBusy ? t('verify.upload.checking') : t('verify.upload.submit')}
        </button>
      </form>
      <div role="status" aria-live="polite" aria-label={t('verify.upload.result')}>
        {error && <p className="alert alert-error">{error}</p>}
        {result && (
          <>
            <VerdictBanner status={result.status} hint={t(`verify.code.${result.code}`)} />
            {result.signature && <p>{t('verify.upload.signedBy', { signer: result.signature.signer })}</p>}
          </>
        )}
      </div>
      {result?.document && (
        <>
          <h3>{t('verify.upload.claims')}</h3>
          <DocumentDetails document={result.document} />
        </>
      )}
    </section>
  );
}

/** The document id of a /verify/{id} path, or null. */
function readDocumentId(pathname: string): string | null {
  const raw = /^\/verify\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** /verify/{documentId} (from the QR code) and /verify: public, no sign-in. */
export function VerifyPage() {
  const { t } = useI18n();
  const { pathname } = useLocation();
  usePageTitle(t('verify.title'));
  const documentId = readDocumentId(pathname);
  return (
    <div className="narrow">
      <h1>{t('verify.title')}</h1>
      <p className="lead">{t('verify.intro')}</p>
      {documentId && <RecordSection documentId={documentId} />}
      <UploadSection />
    </div>
  );
}
