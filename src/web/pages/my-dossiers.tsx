// The words of this page load with it.
import '../i18n-services.ts';
import { citizenSignInUrlTo, fetchMyDossiers, type DossierSummary } from '../api.ts';
import { useI18n, useLoad, useSession } from '../app-state.tsx';
import { StatusBadge } from '../dossier-status.tsx';
import { describeError } from '../errors.ts';
import { formatDateTime, formatDay } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { Pager } from '../pager.tsx';
import { procedureName } from '../procedure-text.tsx';
import { Link, useLocation } from '../router.tsx';

const pageSize = 20;

function DossierItem({ dossier }: { dossier: DossierSummary }) {
  const { t, language } = useI18n();
  return (
    <li className="result">
      <h2 className="result-title">
        <Link to={`/ho-so/${encodeURIComponent(dossier.code)}`}>{procedureName(dossier.procedure, language)}</Link>
      </h2>
      <p className="result-meta mono">{t('dossier.codeLine', { code: dossier.code })}</p>
      <p className="result-tags">
        <StatusBadge status={dossier.status} name={dossier.statusName} />
      </p>
      <p className="result-meta">
        {t('mine.submitted', { time: formatDateTime(language, dossier.submittedAt) })}
        {dossier.appointmentAt && ` · ${t('mine.appointment', { date: formatDay(language, dossier.appointmentAt) })}`}
      </p>
    </li>
  );
}

export default function MyDossiersPage() {
  const { t } = useI18n();
  const { state: session } = useSession();
  const { search } = useLocation();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const principal = session.status === 'ready' ? session.session.principal : null;
  const state = useLoad(principal?.kind === 'citizen' ? `${principal.id}-${page}` : null, () => fetchMyDossiers(page, pageSize));
  usePageTitle(t('mine.title'));

  if (session.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  if (principal?.kind !== 'citizen') {
    return (
      <div className="narrow">
        <h1>{t('mine.title')}</h1>
        <p className="lead">{t('mine.signIn')}</p>
        <a className="button button-primary" href={citizenSignInUrlTo('/ho-so-cua-toi')}>
          {t('home.citizenSignIn')}
        </a>
      </div>
    );
  }
  return (
    <div className="narrow-wide">
      <h1>{t('mine.title')}</h1>
      <div aria-live="polite">
        {state.status === 'loading' && <p className="muted">{t('app.loading')}</p>}
        {state.status === 'failed' && <p className="alert alert-error">{describeError(state.error, t)}</p>}
        {state.status === 'ready' && (
          <p className="muted">{state.data.total === 0 ? t('mine.none') : t('mine.count', { count: state.data.total })}</p>
        )}
      </div>
      {state.status === 'ready' && state.data.total === 0 && (
        <Link className="button button-primary" to="/thu-tuc">
          {t('mine.findProcedure')}
        </Link>
      )}
      {state.status === 'ready' && (
        <>
          <ul className="results">
            {state.data.items.map((dossier) => (
              <DossierItem key={dossier.code} dossier={dossier} />
            ))}
          </ul>
          <Pager page={page} pageSize={pageSize} total={state.data.total} />
        </>
      )}
    </div>
  );
}
