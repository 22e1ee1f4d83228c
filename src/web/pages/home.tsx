import type { ErrorCode } from '../../platform/errors.ts';
import { SignInChoices } from '../sign-in-choices.tsx';
import { SearchBox } from '../search-box.tsx';
import { useI18n, useLoad, useProvince, useSession, unitName } from '../app-state.tsx';
import { usePageTitle } from '../layout.tsx';
import { Link, useLocation } from '../router.tsx';

/**
 * The message for a `?loginError=CODE` the sign-in callback sent the browser back with. The error
 * catalogue (every module's codes) loads only then, so it does not weigh on every home page visit.
 */
function LoginError({ code }: { code: string }) {
  const { t, language } = useI18n();
  const catalogue = useLoad('error-catalogue', () => import('../../platform/errors.ts').then((m) => m.errorCatalogue));
  if (catalogue.status === 'loading') return null;
  const entry = catalogue.status === 'ready' && Object.hasOwn(catalogue.data, code) ? catalogue.data[code as ErrorCode] : null;
  return (
    <div className="alert alert-error" role="alert">
      {entry ? t('home.loginError', { message: entry[language] }) : t('home.loginErrorUnknown', { code: code.slice(0, 60) })}
    </div>
  );
}

const audiences = [
  { key: 'citizens', icon: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm-7 8a7 7 0 0 1 14 0' },
  { key: 'officers', icon: 'M4 7h16v12H4zM9 7V5h6v2M4 12h16' },
  { key: 'leaders', icon: 'M5 19V11M12 19V5M19 19v-6' },
] as const;

export function HomePage() {
  const { t, language } = useI18n();
  const province = useProvince();
  const { search } = useLocation();
  const { state } = useSession();
  const principal = state.status === 'ready' ? state.session.principal : null;
  const loginError = search.get('loginError');
  usePageTitle(t('nav.home'));

  return (
    <>
      {loginError && <LoginError code={loginError} />}
      <section className="hero" aria-labelledby="hero-title">
        <p className="eyebrow">
          {t('app.name')} — {province ? t('app.portalOf', { province: unitName(province, language) }) : t('app.portal')}
        </p>
        <h1 id="hero-title">{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        <SearchBox isLarge />
        {state.status === 'ready' && !principal && <SignInChoices />}
        {principal?.kind === 'citizen' && (
          <div className="actions">
            <Link className="button button-secondary" to="/ho-so-cua-toi">
              {t('nav.myDossiers')}
            </Link>
          </div>
        )}
      </section>

      <section aria-labelledby="lookup-teaser-title" className="section panel">
        <h2 id="lookup-teaser-title">{t('home.lookupTeaser.title')}</h2>
        <p>{t('home.lookupTeaser.body')}</p>
        <Link className="text-link" to="/tra-cuu">
          {t('home.lookupTeaser.link')} <span aria-hidden="true">→</span>
        </Link>
      </section>

      <section aria-labelledby="audiences-title" className="section">
        <h2 id="audiences-title">{t('home.audiences')}</h2>
        <ul className="cards">
          {audiences.map(({ key, icon }) => (
            <li key={key} className="card">
              <svg className="card-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d={icon} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
              </svg>
              <h3>{t(`home.${key}.title`)}</h3>
              <p>{t(`home.${key}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="units-teaser-title" className="section panel">
        <h2 id="units-teaser-title">{t('home.unitsTeaser.title')}</h2>
        <p>{t('home.unitsTeaser.body')}</p>
        <Link className="text-link" to="/don-vi">
          {t('home.unitsTeaser.link')} <span aria-hidden="true">→</span>
        </Link>
      </section>
    </>
  );
}
