// The words of this page load with it.
import '../i18n-store.ts';
import { useState, type FormEvent } from 'react';
import { call, citizenSignInUrlTo, type Agency } from '../api.ts';
import { provinceCode, useI18n, useLoad, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { describedBy, FieldFrame } from '../form-controls.tsx';
import { formatDate, type Language } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { Link } from '../router.tsx';
import {
  fetchMyDocuments,
  grantStoreConsent,
  revokeStoreConsent,
  storeDocumentContentUrl,
  storeDocumentPreviewUrl,
  type StoreDocument,
} from '../store-api.ts';

/** Today in Vietnam, YYYY-MM-DD (validity dates are Vietnamese calendar days). */
function vietnamToday(): string {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}

type Standing = 'valid' | 'expired' | 'revoked';

/** Whether the document still stands: revoked by its agency, past its last day, or valid. */
function standingOf(document: StoreDocument, today: string): Standing {
  if (document.isRevoked) return 'revoked';
  if (document.validFrom > today || (document.validTo !== null && document.validTo < today)) return 'expired';
  return 'valid';
}

const standingTone: Record<Standing, string> = {
  valid: 'status status-done',
  expired: 'status status-stopped',
  revoked: 'status status-stopped',
};

function agencyLabel(code: string | null, agencies: ReadonlyMap<string, Agency>, language: Language): string {
  if (!code) return '—';
  const agency = agencies.get(code);
  if (!agency) return code;
  return language === 'en' && agency.nameEn ? agency.nameEn : agency.name;
}

/** One document: what it is, where it came from, its validity, download/verify, and who may see it. */
function DocumentCard({
  initial,
  agencies,
  onAnnounce,
}: {
  initial: StoreDocument;
  agencies: ReadonlyMap<string, Agency>;
  onAnnounce: (text: string) => void;
}) {
  const { t, language } = useI18n();
  const [document, setDocument] = useState(initial);
  const [agencyCode, setAgencyCode] = useState('');
  const [error, setError] = useState('');
  const [isBusy, setBusy] = useState(false);
  const standing = standingOf(document, vietnamToday());
  const selectId = `share-${document.id}`;
  const nameOf = (code: string) => agencyLabel(code, agencies, language);

  const share = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!agencyCode) {
      setError(t('documents.shareMissing'));
      return;
    }
    setBusy(true);
    setError('');
    try {
      setDocument(await grantStoreConsent(document.id, agencyCode));
      onAnnounce(t('documents.shared', { agency: nameOf(agencyCode), title: document.title }));
      setAgencyCode('');
    } catch (caught) {
      setError(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };
  const unshare = async (code: string) => {
    setBusy(true);
    try {
      setDocument(await revokeStoreConsent(document.id, code));
      onAnnounce(t('documents.unshared', { agency: nameOf(code), title: document.title }));
    } catch (caught) {
      onAnnounce(describeError(caught, t));
    } finally {
      setBusy(false);
    }
  };

  const choices = [...agencies.values()].filter((a) => !document.sharedWith.includes(a.code) && a.code !== document.agencyCode);
  return (
    <li className="result document-card" aria-labelledby={`doc-${document.id}-title`}>
      <h2 className="result-title" id={`doc-${document.id}-title`}>
        {document.title}
      </h2>
      <p className="result-tags">
        <span className={standingTone[standing]}>{t(`documents.${standing}`)}</span>
      </p>
      <dl className="details">
        <div>
          <dt>{t('documents.type')}</dt>
          <dd className="mono">{document.documentType}</dd>
        </div>
        <div>
          <dt>{t('documents.origin')}</dt>
          <dd>{t(`documents.origin.${document.origin}`)}</dd>
        </div>
        <div>
          <dt>{t('documents.agency')}</dt>
          <dd>{document.agencyName ?? agencyLabel(document.agencyCode, agencies, language)}</dd>
        </div>
        <div>
          <dt>{t('documents.validity')}</dt>
          <dd>
            {document.validTo
              ? t('documents.validFromTo', { from: formatDate(language, document.validFrom), to: formatDate(language, document.validTo) })
              : t('documents.validFrom', { from: formatDate(language, document.validFrom) })}
          </dd>
        </div>
      </dl>
      <p className="actions">
        <a
          className="button button-secondary"
          href={storeDocumentPreviewUrl(document.id)}
          target="_blank"
          rel="noopener"
          aria-label={t('documents.previewNamed', { title: document.title })}
        >
          {t('documents.preview')}
        </a>
        <a
          className="button button-secondary"
          href={storeDocumentContentUrl(document.id)}
          download={`${document.documentType}-${document.id.slice(0, 8)}.pdf`}
          aria-label={t('documents.downloadNamed', { title: document.title })}
        >
          {t('documents.download')}
        </a>
        {document.issuedDocumentId && <Link to={`/verify/${document.issuedDocumentId}`}>{t('documents.verify')}</Link>}
      </p>

      <section aria-labelledby={`doc-${document.id}-sharing`} className="document-sharing">
        <h3 id={`doc-${document.id}-sharing`}>{t('documents.sharedWith')}</h3>
        {document.sharedWith.length === 0 ? (
          <p className="muted">{t('documents.sharedNone')}</p>
        ) : (
          <ul className="plain-list">
            {document.sharedWith.map((code) => (
              <li key={code}>
                {nameOf(code)}{' '}
                <button type="button" className="button button-secondary button-small" disabled={isBusy} onClick={() => void unshare(code)}>
                  {t('documents.unshare', { agency: nameOf(code) })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <form onSubmit={(e) => void share(e)} noValidate>
          <FieldFrame id={selectId} label={t('documents.shareAgency')} required help={undefined} error={error}>
            <select
              id={selectId}
              value={agencyCode}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(selectId, false, Boolean(error))}
              onChange={(e) => setAgencyCode(e.target.value)}
            >
              <option value="">{t('documents.shareChoose')}</option>
              {choices.map((agency) => (
                <option key={agency.code} value={agency.code}>
                  {language === 'en' && agency.nameEn ? agency.nameEn : agency.name}
                </option>
              ))}
            </select>
          </FieldFrame>
          <button type="submit" className="button button-primary" disabled={isBusy}>
            {isBusy ? t('documents.working') : t('documents.shareSubmit')}
          </button>
        </form>
      </section>
    </li>
  );
}

/** Giấy tờ của tôi — the citizen's electronic store: list, download, verify, share with an agency, withdraw consent. */
export default function MyDocumentsPage() {
  const { t } = useI18n();
  const { state: session } = useSession();
  const principal = session.status === 'ready' ? session.session.principal : null;
  const isCitizen = principal?.kind === 'citizen';
  const state = useLoad(isCitizen ? `documents-${principal.id}` : null, fetchMyDocuments);
  const agencies = useLoad(isCitizen ? 'all-agencies' : null, () =>
    call<{ items: Agency[] }>('GET', `/api/v1/agencies?province=${provinceCode}&limit=1000`),
  );
  const [announcement, setAnnouncement] = useState('');
  usePageTitle(t('documents.title'));

  if (session.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (!isCitizen) {
    return (
      <div className="narrow">
        <h1>{t('documents.title')}</h1>
        <p className="lead">{t('documents.signIn')}</p>
        <a className="button button-primary" href={citizenSignInUrlTo('/giay-to-cua-toi')}>
          {t('home.citizenSignIn')}
        </a>
      </div>
    );
  }
  const byCode = new Map(agencies.status === 'ready' ? agencies.data.items.map((a) => [a.code, a]) : []);
  return (
    <div className="narrow-wide">
      <h1>{t('documents.title')}</h1>
      <p className="lead">{t('documents.intro')}</p>
      <div aria-live="polite">
        {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {state.status === 'failed' && <p className="alert alert-error">{describeError(state.error, t)}</p>}
        {state.status === 'ready' && (
          <p className="muted">
            {state.data.documents.length === 0 ? t('documents.none') : t('documents.count', { count: state.data.documents.length })}
          </p>
        )}
        {announcement && (
          <p className="alert alert-success" role="status">
            {announcement}
          </p>
        )}
      </div>
      {state.status === 'ready' && (
        <ul className="results">
          {state.data.documents.map((document) => (
            <DocumentCard key={document.id} initial={document} agencies={byCode} onAnnounce={setAnnouncement} />
          ))}
        </ul>
      )}
    </div>
  );
}
