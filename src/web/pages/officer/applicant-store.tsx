import { useState } from 'react';
import { call } from '../../api.ts';
import { useI18n } from '../../app-state.tsx';
import { describeError } from '../../errors.ts';
import { fillPlaceholders, type Language, type MessageValues } from '../../i18n.ts';
import type { StoreDocumentView } from '../../../documents/store.ts';

/**
 * Kho dữ liệu của người nộp — the applicant's electronic store as the officer handling the dossier may
 * see it: before asking for a paper again, look whether the state already holds it (once-only,
 * Decree 45/2020/NĐ-CP art. 11). Opened on request only, because every look is logged as a read of
 * personal data; the server allows it only while the officer's agency has the dossier open.
 */

const words = {
  vi: {
    title: 'Giấy tờ của người nộp trong kho dữ liệu',
    intro:
      'Trước khi yêu cầu bổ sung một giấy tờ, hãy xem người nộp đã có giấy tờ đó trong kho dữ liệu chưa. Mỗi lần xem được ghi vào nhật ký truy cập dữ liệu cá nhân.',
    open: 'Xem kho dữ liệu của người nộp',
    loading: 'Đang tải kho dữ liệu…',
    empty: 'Người nộp chưa có giấy tờ nào trong kho dữ liệu.',
    count: 'Có {count} giấy tờ.',
    type: 'Loại giấy tờ',
    issuedBy: 'Cơ quan cấp',
    validity: 'Hiệu lực',
    validFrom: 'từ {from}',
    validFromTo: 'từ {from} đến {to}',
    state: 'Tình trạng',
    valid: 'Còn hiệu lực',
    expired: 'Hết hiệu lực',
    revoked: 'Đã bị thu hồi',
    verify: 'Kiểm tra chữ ký số',
    unknownAgency: 'Không rõ',
  },
  en: {
    title: 'The applicant’s documents in the data store',
    intro:
      'Before asking for a document again, check whether the applicant already holds it in the data store. Every look is recorded in the personal-data access log.',
    open: 'Open the applicant’s data store',
    loading: 'Loading the data store…',
    empty: 'The applicant holds no document in the data store yet.',
    count: '{count} document(s).',
    type: 'Document type',
    issuedBy: 'Issued by',
    validity: 'Validity',
    validFrom: 'from {from}',
    validFromTo: 'from {from} to {to}',
    state: 'State',
    valid: 'Valid',
    expired: 'Expired',
    revoked: 'Revoked',
    verify: 'Verify the digital signature',
    unknownAgency: 'Unknown',
  },
} satisfies Record<Language, Record<string, string>>;

type Word = keyof (typeof words)['vi'];

function useStoreText(): (key: Word, values?: MessageValues) => string {
  const { language } = useI18n();
  return (key, values) => fillPlaceholders(words[language][key], values);
}

/** GET /api/v1/officer/dossiers/{code}/store (403 STORE_ACCESS_WITHOUT_DOSSIER without the dossier in hand). */
function fetchApplicantStore(code: string): Promise<{ dossierCode: string; documents: StoreDocumentView[] }> {
  return call('GET', `/api/v1/officer/dossiers/${encodeURIComponent(code)}/store`);
}

function stateOf(d: StoreDocumentView, today: string): Word {
  if (d.isRevoked) return 'revoked';
  return d.validTo !== null && d.validTo < today ? 'expired' : 'valid';
}

/** The officer dossier page's store panel: closed until the officer asks to look. */
export function ApplicantStore({ code }: { code: string }) {
  const t = useStoreText();
  const i18n = useI18n();
  const [state, setState] = useState<
    | { status: 'closed' }
    | { status: 'loading' }
    | { status: 'ready'; documents: StoreDocumentView[] }
    | { status: 'failed'; error: unknown }
  >({ status: 'closed' });
  const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });
  const open = () => {
    setState({ status: 'loading' });
    fetchApplicantStore(code).then(
      (r) => setState({ status: 'ready', documents: r.documents }),
      (error: unknown) => setState({ status: 'failed', error }),
    );
  };
  return (
    <section aria-labelledby="store-title" className="panel">
      <h2 id="store-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      {state.status === 'closed' && (
        <button type="button" className="button button-secondary" onClick={open}>
          {t('open')}
        </button>
      )}
      <div role="status">
        {state.status === 'loading' && <p>{t('loading')}</p>}
        {state.status === 'ready' && <p>{state.documents.length === 0 ? t('empty') : t('count', { count: state.documents.length })}</p>}
      </div>
      {state.status === 'failed' && <p className="alert alert-error">{describeError(state.error, i18n.t)}</p>}
      {state.status === 'ready' && state.documents.length > 0 && (
        <ul className="plain-list" aria-label={t('title')}>
          {state.documents.map((d) => (
            <li key={d.id} data-store-document={d.documentType}>
              <strong>{d.title}</strong>
              <dl className="facts">
                <div>
                  <dt>{t('type')}</dt>
                  <dd>
                    <code>{d.documentType}</code>
                  </dd>
                </div>
                <div>
                  <dt>{t('issuedBy')}</dt>
                  <dd>{d.agencyName ?? t('unknownAgency')}</dd>
                </div>
                <div>
                  <dt>{t('validity')}</dt>
                  <dd>{d.validTo ? t('validFromTo', { from: d.validFrom, to: d.validTo }) : t('validFrom', { from: d.validFrom })}</dd>
                </div>
                <div>
                  <dt>{t('state')}</dt>
                  <dd>{t(stateOf(d, today))}</dd>
                </div>
              </dl>
              {d.issuedDocumentId && <a href={`/verify/${encodeURIComponent(d.issuedDocumentId)}`}>{t('verify')}</a>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
