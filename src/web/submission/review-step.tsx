import type { ReactNode } from 'react';
import type { FormField } from '../../procedures/forms/definition.ts';
import { isFieldVisible } from '../../procedures/forms/validate.ts';
import { fetchUnit, type Agency, type Attachment, type CitizenPrincipal, type Contact } from '../api.ts';
import { unitName, useI18n, useLoad } from '../app-state.tsx';
import { formatDate, formatFileSize, formatMoney } from '../i18n.ts';
import { Link } from '../router.tsx';
import { agencyName } from './agency-step.tsx';
import { useLocalised } from './fields.tsx';
import type { FlowPage, FormData } from './flow.ts';

function CommuneName({ code }: { code: string }) {
  const { language } = useI18n();
  const unit = useLoad(code, () => fetchUnit(code));
  return <>{unit.status === 'ready' ? unitName(unit.data, language) : code}</>;
}

function isRecord(value: unknown): value is FormData {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as the applicant entered it, in words: dates read locally, choices by their label. */
function Value({ field, value }: { field: FormField; value: unknown }) {
  const { t, language } = useI18n();
  const text = useLocalised();
  if (value === undefined || value === null || value === '') return <span className="muted">{t('review.empty')}</span>;
  switch (field.type) {
    case 'checkbox':
      return <>{value === true ? t('review.yes') : t('review.no')}</>;
    case 'date':
      return <>{typeof value === 'string' ? formatDate(language, value) : String(value)}</>;
    case 'select':
      return <>{text(field.options.find((o) => o.value === value)?.label ?? { vi: String(value), en: String(value) })}</>;
    case 'money':
      return <>{typeof value === 'number' ? formatMoney(language, value) : String(value)}</>;
    case 'address': {
      const address = isRecord(value) ? value : {};
      return (
        <>
          {typeof address['street'] === 'string' ? address['street'] : ''}
          {typeof address['communeCode'] === 'string' && (
            <>
              {', '}
              <CommuneName code={address['communeCode']} />
            </>
          )}
        </>
      );
    }
    case 'file':
      return <>{t('review.files', { count: Array.isArray(value) ? value.length : 0 })}</>;
    default:
      return <>{String(value)}</>;
  }
}

/** The visible fields of one scope as a description list; groups nest, repeatable groups number their entries. */
function Values({ fields, scope, root }: { fields: readonly FormField[]; scope: FormData; root: FormData }) {
  const text = useLocalised();
  const { t } = useI18n();
  return (
    <dl className="review-list">
      {fields
        .filter((field) => field.type !== 'file' && isFieldVisible(field.visibleWhen, scope, root))
        .map((field) => {
          const value = scope[field.name];
          if (field.type === 'group') {
            const entries = field.repeatable ? (Array.isArray(value) ? value : []) : [value];
            return (
              <div key={field.name} className="review-group">
                <dt>{text(field.label)}</dt>
                <dd>
                  {entries.map((entry, index) => (
                    <div key={index}>
                      {field.repeatable && (
                        <p className="review-entry">{t('form.entry', { label: text(field.label), number: index + 1 })}</p>
                      )}
                      <Values fields={field.fields} scope={isRecord(entry) ? entry : {}} root={root} />
                    </div>
                  ))}
                </dd>
              </div>
            );
          }
          return (
            <div key={field.name}>
              <dt>{text(field.label)}</dt>
              <dd>
                <Value field={field} value={value} />
              </dd>
            </div>
          );
        })}
    </dl>
  );
}

/** Who applies, as VNeID says: name and masked ID number (rows of a description list). */
export function ApplicantRows({ citizen }: { citizen: CitizenPrincipal }) {
  const { t } = useI18n();
  return (
    <>
      <div>
        <dt>{t('applicant.name')}</dt>
        <dd>{citizen.fullName}</dd>
      </div>
      <div>
        <dt>{t('applicant.idNumber')}</dt>
        <dd className="mono">{citizen.idNumberMasked}</dd>
      </div>
    </>
  );
}

function Section({ title, step, children }: { title: string; step: number; children: ReactNode }) {
  const { t } = useI18n();
  return (
    <section className="review-section" aria-label={title}>
      <div className="review-heading">
        <h2>{title}</h2>
        <Link to={`?buoc=${step}&sua=1`} className="text-link">
          {t('review.change')}
          <span className="visually-hidden"> {title}</span>
        </Link>
      </div>
      {children}
    </section>
  );
}

/** Everything entered, page by page, each with a link back to change it. */
export function ReviewSummary({
  pages,
  pageTitle,
  data,
  citizen,
  contact,
  uploads,
  slots,
  agency,
}: {
  pages: readonly FlowPage[];
  pageTitle: (page: FlowPage) => string;
  data: FormData;
  citizen: CitizenPrincipal;
  contact: Contact;
  uploads: Readonly<Record<string, readonly Attachment[]>>;
  slots: readonly { code: string; name: string; storeDocument?: { title: string } | null }[];
  agency: Agency | undefined;
}) {
  const { t, language } = useI18n();
  return (
    <>
      {pages.map((page, index) => {
        const step = index + 1;
        switch (page.kind) {
          case 'applicant':
            return (
              <Section key={page.key} title={pageTitle(page)} step={step}>
                <dl className="review-list">
                  <ApplicantRows citizen={citizen} />
                  <div>
                    <dt>{t('review.email')}</dt>
                    <dd>{contact.email ?? <span className="muted">{t('review.empty')}</span>}</dd>
                  </div>
                  <div>
                    <dt>{t('review.phone')}</dt>
                    <dd>{contact.phone ?? <span className="muted">{t('review.empty')}</span>}</dd>
                  </div>
                </dl>
              </Section>
            );
          case 'fields':
            return (
              <Section key={page.key} title={pageTitle(page)} step={step}>
                <Values fields={page.fields} scope={data} root={data} />
              </Section>
            );
          case 'attachments':
            return (
              <Section key={page.key} title={pageTitle(page)} step={step}>
                <dl className="review-list">
                  {slots.map(
                    (slot) =>
                      slot.storeDocument && (
                        <div key={`store-${slot.code}`}>
                          <dt>{slot.name}</dt>
                          <dd>{t('reuse.review', { title: slot.storeDocument.title })}</dd>
                        </div>
                      ),
                  )}
                  {slots
                    .filter((slot) => (uploads[slot.code] ?? []).length > 0)
                    .map((slot) => (
                      <div key={slot.code}>
                        <dt>{slot.name}</dt>
                        <dd>
                          <ul className="plain-list">
                            {(uploads[slot.code] ?? []).map((file) => (
                              <li key={file.id}>
                                {file.fileName} <span className="muted">({formatFileSize(language, file.sizeBytes)})</span>
                              </li>
                            ))}
                          </ul>
                        </dd>
                      </div>
                    ))}
                </dl>
                {slots.every((slot) => (uploads[slot.code] ?? []).length === 0 && !slot.storeDocument) && (
                  <p className="muted">{t('review.noFiles')}</p>
                )}
              </Section>
            );
          case 'agency':
            return (
              <Section key={page.key} title={pageTitle(page)} step={step}>
                <p>{agency ? agencyName(agency, language) : <span className="muted">{t('review.empty')}</span>}</p>
              </Section>
            );
          default:
            return null;
        }
      })}
    </>
  );
}
