import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n, useProvince, useSession, unitName } from './app-state.tsx';
import { Link, useLocation } from './router.tsx';

function Header() {
  const { t, language, setLanguage } = useI18n();
  const { state } = useSession();
  const province = useProvince();
  const other = language === 'vi' ? 'en' : 'vi';
  const principal = state.status === 'ready' ? state.session.principal : null;
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
            <rect width="32" height="32" rx="7" fill="#c8102e" />
            <path d="M16 6l2.6 6.9 7.4.3-5.8 4.6 2 7.1L16 20.8l-6.2 4.1 2-7.1L6 13.2l7.4-.3z" fill="#ffd24a" />
          </svg>
          <span className="brand-text">
            <span className="brand-name">{t('app.name')}</span>
            <span className="brand-portal">
              {province ? t('app.portalOf', { province: unitName(province, language) }) : t('app.portal')}
            </span>
          </span>
        </Link>
        <button type="button" className="language-switch" lang={other} onClick={() => setLanguage(other)}>
          <span aria-hidden="true" className="language-code">
            {other.toUpperCase()}
          </span>
          {t('nav.switchLanguage')}
        </button>
      </div>
      <nav className="site-nav" aria-label={t('nav.label')}>
        <div className="container nav-row">
          <ul>
            <li>
              <Link to="/">{t('nav.home')}</Link>
            </li>
            <li>
              <Link to="/thu-tuc">{t('nav.procedures')}</Link>
            </li>
            <li>
              <Link to="/ho-so-cua-toi">{t('nav.myDossiers')}</Link>
            </li>
            {principal?.kind === 'citizen' && (
              <li>
                <Link to="/giay-to-cua-toi">{t('nav.myDocuments')}</Link>
              </li>
            )}
            <li>
              <Link to="/tra-cuu">{t('nav.lookup')}</Link>
            </li>
            <li>
              <Link to="/don-vi">{t('nav.units')}</Link>
            </li>
            {principal?.kind === 'officer' && (
              <li>
                <Link to="/can-bo/ho-so">{t('nav.officerInbox')}</Link>
              </li>
            )}
            {principal?.kind === 'officer' && principal.roles.some((r) => r.role === 'reception') && (
              <li>
                <Link to="/can-bo/tiep-nhan">{t('nav.officerIntake')}</Link>
              </li>
            )}
            {principal?.kind === 'officer' && (
              <li>
                <Link to="/can-bo/phan-anh">{t('nav.complaints')}</Link>
              </li>
            )}
            {principal?.kind === 'officer' && principal.roles.some((r) => r.role === 'system_admin') && (
              <li>
                <Link to="/can-bo/thu-tuc">{t('nav.catalogueAdmin')}</Link>
              </li>
            )}
            {principal?.kind === 'officer' && principal.roles.some((r) => ['leader', 'unit_admin', 'system_admin'].includes(r.role)) && (
              <li>
                <Link to="/lanh-dao">{t('nav.leaders')}</Link>
              </li>
            )}
            <li>
              <Link to="/tai-khoan">{t('nav.account')}</Link>
            </li>
          </ul>
          {principal && (
            <p className="signed-in">
              <span className="signed-in-dot" aria-hidden="true" />
              {t('nav.signedInAs', { name: principal.fullName })}
            </p>
          )}
        </div>
      </nav>
    </header>
  );
}

function Footer() {
  const { t } = useI18n();
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="sandbox-note">{t('footer.sandbox')}</p>
        <p>
          <Link to="/verify">{t('footer.verify')}</Link> · <a href="/docs">{t('footer.api')} (/docs)</a> · {t('footer.license')}
        </p>
      </div>
    </footer>
  );
}

/** The page frame: skip link, header, main landmark (focused on navigation) and footer. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const isFirstRender = useRef(true);

  // After client-side navigation, move focus to the new page so screen readers announce it.
  useEffect(() => {
    if (isFirstRender.current) {
      isFirstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header />
      <main id="main" ref={mainRef} tabIndex={-1} className="container main">
        {children}
      </main>
      <Footer />
    </>
  );
}

/** Names the page in the browser tab: "{page} — Tỉnh số". */
export function usePageTitle(title: string): void {
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}
