// The words of this page load with it.
import '../i18n-services.ts';
import { ApiError, citizenSignInUrlTo, fetchAgency, fetchProcedure, type ProcedureDetail } from '../api.ts';
import { useI18n, useLoad, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatDay, formatMoney } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { Duration, OnlineLevelBadge, procedureName } from '../procedure-text.tsx';
import { Link, type RouteParams } from '../router.tsx';
import { NotFoundPage } from './not-found.tsx';

/** Nộp hồ sơ trực tuyến: straight to the form for a signed-in citizen, through VNeID sign-in otherwise. */
function ApplyButton({ code }: { code: string }) {
  const { t } = useI18n();
  const { state } = useSession();
  const formPath = `/thu-tuc/${code}/nop-ho-so`;
  if (state.status === 'loading') return null;
  const principal = state.status === 'ready' ? state.session.principal : null;
  if (principal?.kind === 'citizen') {
    return (
      <Link className="button button-primary button-block" to={formPath}>
        {t('procedure.apply')}
      </Link>
    );
  }
  return (
    <>
      {/* A full-page navigation: the sign-in runs through the identity provider and comes back to the form. */}
      <a className="button button-primary button-block" href={citizenSignInUrlTo(formPath)} aria-describedby="apply-hint">
        {t('procedure.apply')}
      </a>
      <p id="apply-hint" className="hint apply-hint">
        {t('procedure.applySignInHint')}
      </p>
    </>
  );
}

/** The competent agency: a department by name; a commune-level kind as "the commune's People's Committee". */
function AgencyText({ procedure }: { procedure: ProcedureDetail }) {
  const { t, language } = useI18n();
  const isDepartment = procedure.level === 'province';
  const agency = useLoad(isDepartment ? procedure.agencyCode : null, () => fetchAgency(procedure.agencyCode));
  if (isDepartment) {
    if (agency.status !== 'ready') return <>{procedure.agencyCode}</>;
    return <>{language === 'en' ? agency.data.nameEn : agency.data.name}</>;
  }
  if (procedure.agencyKind === 'UBND' || procedure.agencyKind === 'CA') return <>{t(`procedure.agency.commune.${procedure.agencyKind}`)}</>;
  return <>{procedure.agencyKind}</>;
}

function Components({ procedure }: { procedure: ProcedureDetail }) {
  const { t } = useI18n();
  return (
    <ul className="checklist">
      {procedure.components.map((component) => (
        <li key={component.code}>
          <span className="checklist-name" lang="vi">
            {component.name}
          </span>
          <span className="checklist-tags">
            <span className={component.isRequired ? 'tag tag-strong' : 'tag'}>
              {component.isRequired ? t('procedure.component.required') : t('procedure.component.optional')}
            </span>
            <span className="tag">{t(`procedure.component.form.${component.form}`)}</span>
            <span className="tag">{t('procedure.component.formats', { formats: component.acceptedFormats.join(', ').toUpperCase() })}</span>
          </span>
          {component.note && (
            <span className="hint" lang="vi">
              {component.note}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function Fees({ procedure }: { procedure: ProcedureDetail }) {
  const { t, language } = useI18n();
  if (procedure.fees.length === 0) return <p>{t('procedure.fee.none')}</p>;
  return (
    <ul className="plain-list">
      {procedure.fees.map((fee) => (
        <li key={fee.name}>
          <strong lang="vi">{fee.name}</strong>:{' '}
          {fee.amountVnd === 0 ? t('procedure.fee.free') : fee.amountVnd !== undefined ? formatMoney(language, fee.amountVnd) : ''}
          {fee.rule && (
            <span className="muted" lang="vi">
              {' '}
              — {fee.rule}
            </span>
          )}
          {fee.exemptions && fee.exemptions.length > 0 && (
            <span className="hint fee-exemptions">
              {t('procedure.fee.exempt')}{' '}
              <span lang="vi">
                {fee.exemptions.map((e) => e.reason).join('; ')} ({[...new Set(fee.exemptions.map((e) => e.legalBasis))].join('; ')})
              </span>
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

function ProcedureDetails({ procedure }: { procedure: ProcedureDetail }) {
  const { t, language } = useI18n();
  const name = procedureName(procedure, language);
  usePageTitle(name);
  return (
    <article className="procedure">
      <p className="eyebrow">
        {t('procedure.code', { code: procedure.code })} · <span lang="vi">{procedure.sector}</span>
      </p>
      <h1>{name}</h1>
      {language === 'en' && procedure.nameEn && (
        <p className="muted" lang="vi">
          {procedure.name}
        </p>
      )}

      <dl className="facts">
        <div>
          <dt>{t('procedure.time')}</dt>
          <dd>
            <Duration amount={procedure.timeAmount} unit={procedure.timeUnit} />
          </dd>
        </div>
        <div>
          <dt>{t('procedure.fees')}</dt>
          <dd>
            {procedure.fees.every((fee) => fee.amountVnd === 0)
              ? t('procedure.fee.free')
              : procedure.fees.some((fee) => fee.rule)
                ? t('procedure.fee.seeBelow')
                : formatMoney(
                    language,
                    procedure.fees.reduce((sum, fee) => sum + (fee.amountVnd ?? 0), 0),
                  )}
          </dd>
        </div>
        <div>
          <dt>{t('procedure.onlineLevel')}</dt>
          <dd>
            <OnlineLevelBadge level={procedure.onlineLevel} />
          </dd>
        </div>
        <div>
          <dt>{t('procedure.agency')}</dt>
          <dd>
            <AgencyText procedure={procedure} />
          </dd>
        </div>
      </dl>

      <div className="apply-box">
        <ApplyButton code={procedure.code} />
      </div>

      <section aria-labelledby="need-title">
        <h2 id="need-title">{t('procedure.need')}</h2>
        <Components procedure={procedure} />
      </section>

      <section aria-labelledby="time-title">
        <h2 id="time-title">{t('procedure.howLong')}</h2>
        <p>
          <Duration amount={procedure.timeAmount} unit={procedure.timeUnit} />
        </p>
        {procedure.timeNote && (
          <p className="muted" lang="vi">
            {procedure.timeNote}
          </p>
        )}
      </section>

      <section aria-labelledby="fee-title">
        <h2 id="fee-title">{t('procedure.howMuch')}</h2>
        <Fees procedure={procedure} />
      </section>

      <section aria-labelledby="where-title">
        <h2 id="where-title">{t('procedure.where')}</h2>
        <p>
          <AgencyText procedure={procedure} />
        </p>
        {procedure.agencyNote && (
          <p className="muted" lang="vi">
            {procedure.agencyNote}
          </p>
        )}
        <p>{t('procedure.anyCentre')}</p>
      </section>

      <section aria-labelledby="result-title">
        <h2 id="result-title">{t('procedure.result')}</h2>
        <p lang="vi">{procedure.resultName}</p>
      </section>

      <section aria-labelledby="legal-title">
        <h2 id="legal-title">{t('procedure.legalBasis')}</h2>
        <ul className="plain-list">
          {procedure.legalBasis.map((law) => (
            <li key={law.number} lang="vi">
              <strong>{law.number}</strong> — {law.title}
            </li>
          ))}
        </ul>
      </section>

      <p className="muted version-note">
        {t('procedure.version', { version: procedure.version, date: formatDay(language, procedure.publishedAt) })}
      </p>
      {procedure.versions.length > 1 && (
        <details className="version-history">
          <summary>{t('procedure.history', { count: procedure.versions.length })}</summary>
          <ol className="plain-list" reversed data-testid="version-history">
            {[...procedure.versions].reverse().map((v) => (
              <li key={v.version}>
                <strong>{t('procedure.historyItem', { version: v.version, date: formatDay(language, v.publishedAt) })}</strong> ·{' '}
                {t(`procedure.source.${v.source}`)}
                {v.changeNote && <span lang="vi"> — {v.changeNote}</span>}
              </li>
            ))}
          </ol>
        </details>
      )}
    </article>
  );
}

export default function ProcedurePage({ params }: { params: RouteParams }) {
  const { t } = useI18n();
  const code = params['code'] ?? '';
  const state = useLoad(code, () => fetchProcedure(code));
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (state.status === 'failed') {
    if (state.error instanceof ApiError && (state.error.code === 'PROCEDURE_NOT_FOUND' || state.error.code === 'VALIDATION_FAILED'))
      return <NotFoundPage />;
    return (
      <p className="alert alert-error" role="alert">
        {describeError(state.error, t)}
      </p>
    );
  }
  return <ProcedureDetails procedure={state.data} />;
}
