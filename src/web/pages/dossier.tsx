// The words of this page load with it.
import '../i18n-services.ts';
import '../i18n-store.ts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  ApiError,
  citizenSignInUrlTo,
  fetchDossier,
  receiptUrl,
  supplementDossier,
  uploadAttachment,
  withdrawDossier,
  type Attachment,
  type Dossier,
} from '../api.ts';
import { useI18n, useLoad, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { describedBy, FieldFrame } from '../form-controls.tsx';
import { formatDateTime, formatDay, formatFileSize, formatMoney } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { procedureName } from '../procedure-text.tsx';
import { Link, useLocation, type RouteParams } from '../router.tsx';
import { StatusBadge, Timeline } from '../dossier-status.tsx';
import { DossierPayment } from './dossier-payment.tsx';
import { DossierFeedbackSections } from './feedback/dossier-feedback.tsx';

/** Rút hồ sơ: a confirmation with a reason before the dossier is withdrawn (status 7). */
function Withdraw({ dossier, onWithdrawn }: { dossier: Dossier; onWithdrawn: (dossier: Dossier) => void }) {
  const { t } = useI18n();
  const [isConfirming, setConfirming] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const panelHeading = useRef<HTMLHeadingElement>(null);
  const openButton = useRef<HTMLButtonElement>(null);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (isConfirming) panelHeading.current?.focus();
  }, [isConfirming]);

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!reason.trim()) {
      setError(t('withdraw.reasonMissing'));
      reasonRef.current?.focus();
      return;
    }
    setBusy(true);
    setError('');
    try {
      onWithdrawn(await withdrawDossier(dossier.code, reason.trim()));
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  if (!isConfirming) {
    return (
      <button type="button" ref={openButton} className="button button-secondary" onClick={() => setConfirming(true)}>
        {t('withdraw.open')}
      </button>
    );
  }
  return (
    <section className="confirm-panel" aria-labelledby="withdraw-title">
      <h2 id="withdraw-title" ref={panelHeading} tabIndex={-1}>
        {t('withdraw.title')}
      </h2>
      <p>{t('withdraw.body', { code: dossier.code })}</p>
      <form onSubmit={(e) => void confirm(e)} noValidate>
        <FieldFrame id="withdraw-reason" label={t('withdraw.reason')} required help={undefined} error={error}>
          <textarea
            id="withdraw-reason"
            ref={reasonRef}
            rows={3}
            maxLength={1000}
            value={reason}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy('withdraw-reason', false, Boolean(error))}
            onChange={(e) => setReason(e.target.value)}
          />
        </FieldFrame>
        <div className="actions">
          <button type="submit" className="button button-danger" disabled={isBusy}>
            {isBusy ? t('withdraw.working') : t('withdraw.confirm')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              setConfirming(false);
              setError('');
              requestAnimationFrame(() => openButton.current?.focus());
            }}
          >
            {t('withdraw.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Kết quả điện tử: the signed results, to download and to check publicly. */
function Results({ dossier }: { dossier: Dossier }) {
  const { t, language } = useI18n();
  if (dossier.results.length === 0) return null;
  return (
    <section aria-labelledby="results-title" className="section">
      <h2 id="results-title">{t('results.title')}</h2>
      <p className="muted">{t('results.intro')}</p>
      <ul className="plain-list">
        {dossier.results.map((result) => (
          <li key={result.documentId}>
            <strong>{result.title}</strong>
            <span className="muted"> — {t('results.signedAt', { time: formatDateTime(language, result.signedAt) })}</span>
            {result.isRevoked && <p className="alert alert-error">{t('results.revoked')}</p>}
            <p className="actions">
              <a
                className="button button-primary"
                href={result.downloadUrl}
                download={`ket-qua-${dossier.code}.pdf`}
                aria-label={t('documents.downloadNamed', { title: result.title })}
              >
                {t('documents.download')}
              </a>
              <Link to={result.verifyPath}>{t('documents.verify')}</Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Bổ sung hồ sơ: one file input per component the request (form 02) listed, then one submission. */
function Supplement({ dossier, onSupplemented }: { dossier: Dossier; onSupplemented: (dossier: Dossier) => void }) {
  const { t } = useI18n();
  const request = dossier.supplementRequest;
  const [files, setFiles] = useState<Record<number, Attachment>>({});
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  if (!request) return null;

  const upload = async (index: number, file: File | undefined) => {
    if (!file) return;
    setError('');
    setStatus(t('supplement.uploading'));
    try {
      const attachment = await uploadAttachment(file);
      setFiles((current) => ({ ...current, [index]: attachment }));
      setStatus(t('supplement.uploaded', { file: attachment.fileName }));
    } catch (caught) {
      setStatus('');
      setError(describeError(caught, t));
    }
  };

  const send = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (request.components.some((_c, i) => !files[i])) {
      setError(t('supplement.missing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      onSupplemented(
        await supplementDossier(
          dossier.code,
          request.components.map((c, i) => ({ ...(c.code ? { componentCode: c.code } : {}), name: c.name, attachmentIds: [files[i]!.id] })),
        ),
      );
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="supplement-title" className="section confirm-panel">
      <h2 id="supplement-title">{t('supplement.section')}</h2>
      <p>{t('supplement.explain')}</p>
      {request.reason && <p>{t('supplement.reason', { reason: request.reason })}</p>}
      <form onSubmit={(e) => void send(e)} noValidate>
        {error && (
          <p className="alert alert-error" role="alert">
            {error}
          </p>
        )}
        {request.components.map((component, index) => (
          <div className="field" key={`${component.name}-${index}`}>
            <label htmlFor={`supplement-file-${index}`}>
              {t('supplement.file', { name: component.name })}
              {component.note && <span className="hint"> — {component.note}</span>}
            </label>
            <input
              id={`supplement-file-${index}`}
              type="file"
              accept=".pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png"
              onChange={(e) => void upload(index, e.target.files?.[0])}
            />
            {files[index] && <p className="muted">{files[index].fileName}</p>}
          </div>
        ))}
        <p className="muted" role="status">
          {status}
        </p>
        <button type="submit" className="button button-primary" disabled={isBusy}>
          {isBusy ? t('supplement.working') : t('supplement.submit')}
        </button>
      </form>
    </section>
  );
}

function DossierDetails({ initial, isNew }: { initial: Dossier; isNew: boolean }) {
  const { t, language } = useI18n();
  const [dossier, setDossier] = useState(initial);
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(t('dossier.title', { code: dossier.code }));
  return (
    <div className="narrow-wide">
      {isNew && (
        <div className="alert alert-success" role="status">
          <h2 className="alert-title">{t('dossier.submitted')}</h2>
          <p>{t('dossier.submittedBody')}</p>
        </div>
      )}
      <p className="eyebrow">{procedureName(dossier.procedure, language)}</p>
      <h1>{t('dossier.title', { code: dossier.code })}</h1>
      <p className="status-line" aria-live="polite">
        {t('dossier.status')}: <StatusBadge status={dossier.status} name={dossier.statusName} />
      </p>
      {announcement && (
        <p className="alert alert-success" role="status">
          {announcement}
        </p>
      )}

      <dl className="details">
        <div>
          <dt>{t('dossier.code')}</dt>
          <dd className="mono">{dossier.code}</dd>
        </div>
        <div>
          <dt>{t('dossier.procedure')}</dt>
          <dd>
            <Link to={`/thu-tuc/${dossier.procedure.code}`}>{procedureName(dossier.procedure, language)}</Link>
          </dd>
        </div>
        <div>
          <dt>{t('dossier.submittedAt')}</dt>
          <dd>{formatDateTime(language, dossier.submittedAt)}</dd>
        </div>
        <div>
          <dt>{t('dossier.appointment')}</dt>
          <dd>{dossier.appointmentAt ? formatDay(language, dossier.appointmentAt) : t('dossier.appointmentPending')}</dd>
        </div>
        <div>
          <dt>{t('dossier.receivingAgency')}</dt>
          <dd>{dossier.receivingAgency.name}</dd>
        </div>
        <div>
          <dt>{t('dossier.handlingAgency')}</dt>
          <dd>{dossier.handlingAgency.name}</dd>
        </div>
        <div>
          <dt>{t('dossier.fee')}</dt>
          <dd>{dossier.feeTotalVnd === 0 ? t('procedure.fee.free') : formatMoney(language, dossier.feeTotalVnd)}</dd>
        </div>
        <div>
          <dt>{t('dossier.applicant')}</dt>
          <dd>
            {dossier.applicant.name} <span className="mono muted">({dossier.applicant.idNumberMasked})</span>
          </dd>
        </div>
      </dl>

      <p>
        <a className="button button-primary" href={receiptUrl(dossier.code)} download={`giay-tiep-nhan-${dossier.code}.pdf`}>
          {t('dossier.receipt')}
        </a>
      </p>

      <Supplement
        dossier={dossier}
        onSupplemented={(updated) => {
          setDossier(updated);
          setAnnouncement(t('supplement.done', { status: updated.statusName[language] }));
        }}
      />

      <section aria-labelledby="components-title">
        <h2 id="components-title">{t('dossier.components')}</h2>
        {dossier.components.length === 0 ? (
          <p className="muted">{t('review.noFiles')}</p>
        ) : (
          <ul className="plain-list">
            {dossier.components.map((component, index) => (
              <li key={`${component.componentCode}-${index}`}>
                <strong>{component.name}</strong>
                {(component.source === 'eform' || component.source === 'population_db' || component.source === 'store') && (
                  <span className="muted"> — {t(`dossier.source.${component.source}`)}</span>
                )}
                {component.fileName && (
                  <span className="muted">
                    {' '}
                    — {component.fileName}
                    {component.sizeBytes !== null && ` (${formatFileSize(language, component.sizeBytes)})`}
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      <Results dossier={dossier} />

      {(dossier.feeTotalVnd > 0 || dossier.financialObligations.length > 0) && <DossierPayment dossier={dossier} />}

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('dossier.timeline')}</h2>
        <Timeline
          events={dossier.events.map((event) => ({ at: event.at, statusName: event.statusName, description: event.description }))}
        />
      </section>

      <DossierFeedbackSections dossierCode={dossier.code} />

      {dossier.canWithdraw && (
        <section aria-labelledby="withdraw-section-title" className="section">
          <h2 id="withdraw-section-title">{t('withdraw.section')}</h2>
          <p className="muted">{t('withdraw.explain')}</p>
          <Withdraw
            dossier={dossier}
            onWithdrawn={(updated) => {
              setDossier(updated);
              setAnnouncement(t('withdraw.done', { status: updated.statusName[language] }));
            }}
          />
        </section>
      )}
    </div>
  );
}

export default function DossierPage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const { state: session } = useSession();
  const { search } = useLocation();
  const code = params['code'] ?? '';
  const principal = session.status === 'ready' ? session.session.principal : null;
  const state = useLoad(principal ? `${code}-${principal.id}` : null, () => fetchDossier(code));
  usePageTitle(t('dossier.title', { code }));
  if (session.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (!principal) {
    return (
      <div className="narrow">
        <h1>{t('dossier.title', { code })}</h1>
        <p className="lead">{t('dossier.signIn')}</p>
        <div className="actions">
          <a className="button button-primary" href={citizenSignInUrlTo(`/ho-so/${encodeURIComponent(code)}`)}>
            {t('home.citizenSignIn')}
          </a>
          <Link className="button button-secondary" to={`/tra-cuu?ma=${encodeURIComponent(code)}`}>
            {t('dossier.lookupInstead')}
          </Link>
        </div>
      </div>
    );
  }
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (state.status === 'failed') {
    const isMissing = state.error instanceof ApiError && state.error.status === 404;
    return (
      <div className="narrow">
        <h1>{t('dossier.title', { code })}</h1>
        <p className="alert alert-error" role="alert">
          {isMissing ? t('dossier.notFound') : describeError(state.error, t)}
        </p>
        <Link to="/ho-so-cua-toi">{t('nav.myDossiers')}</Link>
      </div>
    );
  }
  return <DossierDetails initial={state.data} isNew={search.get('moi') === '1'} />;
}
