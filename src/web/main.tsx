import { Component, lazy, StrictMode, Suspense, type ComponentType, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, SessionProvider, useI18n } from './app-state.tsx';
import { Layout } from './layout.tsx';
import { AccountPage } from './pages/account.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { OfficerSignInPage } from './pages/officer-sign-in.tsx';
import { UnitsPage } from './pages/units.tsx';
import { VerifyPage } from './pages/verify.tsx';
import { OfficerDossierPage } from './pages/officer/dossier-page.tsx';
import { OfficerInboxPage } from './pages/officer/inbox-page.tsx';
import { OfficerIntakePage } from './pages/officer/intake-page.tsx';
import { matchPath, useLocation, type RouteParams } from './router.tsx';
import './styles.css';

type Page = ComponentType<{ params: RouteParams }>;

// Citizen-service pages load on first visit, so the home page stays small (React.lazy per page).
const ProcedureSearchPage = lazy(() => import('./pages/procedure-search.tsx'));
const ProcedurePage = lazy(() => import('./pages/procedure.tsx'));
const SubmissionPage = lazy(() => import('./submission/submission-page.tsx'));
const DossierPage = lazy(() => import('./pages/dossier.tsx'));
const MyDossiersPage = lazy(() => import('./pages/my-dossiers.tsx'));
const LookupPage = lazy(() => import('./pages/lookup.tsx'));
const MyDocumentsPage = lazy(() => import('./pages/my-documents.tsx'));
// The leaders' dashboard (ECharts and the commune map) is its own chunk too.
const LeadersPage = lazy(() => import('./pages/leaders/leaders-page.tsx'));
const DefinitionsPage = lazy(() => import('./pages/leaders/definitions-page.tsx'));
const ReconciliationPage = lazy(() => import('./pages/leaders/reconciliation-page.tsx'));
const OfficerComplaintsPage = lazy(() => import('./pages/feedback/officer-complaints-page.tsx'));
const CatalogueAdminPage = lazy(() => import('./pages/catalogue-admin/catalogue-admin-page.tsx'));

const routes: readonly (readonly [string, Page])[] = [
  ['/', HomePage],
  ['/don-vi', UnitsPage],
  ['/can-bo/dang-nhap', OfficerSignInPage],
  ['/tai-khoan', AccountPage],
  ['/thu-tuc', ProcedureSearchPage],
  ['/thu-tuc/:code', ProcedurePage],
  ['/thu-tuc/:code/nop-ho-so', SubmissionPage],
  ['/ho-so-cua-toi', MyDossiersPage],
  ['/ho-so/:code', DossierPage],
  // Kho dữ liệu điện tử: the citizen's documents, for reuse and sharing.
  ['/giay-to-cua-toi', MyDocumentsPage],
  ['/tra-cuu', LookupPage],
  // /verify/{documentId} is the address printed in every signed document's QR code.
  ['/verify', VerifyPage],
  ['/verify/:documentId', VerifyPage],
  ['/can-bo/ho-so', OfficerInboxPage],
  ['/can-bo/ho-so/:code', OfficerDossierPage],
  ['/can-bo/tiep-nhan', OfficerIntakePage],
  ['/lanh-dao', LeadersPage],
  ['/lanh-dao/dinh-nghia', DefinitionsPage],
  ['/lanh-dao/dinh-nghia/:code', DefinitionsPage],
  ['/lanh-dao/doi-chieu', ReconciliationPage],
  ['/can-bo/phan-anh', OfficerComplaintsPage],
  // Quản trị danh mục thủ tục (system administrators).
  ['/can-bo/thu-tuc', CatalogueAdminPage],
  ['/can-bo/thu-tuc/:code', CatalogueAdminPage],
];

function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('app.loading')}
    </p>
  );
}

function LoadFailed() {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p>{t('app.loadFailed')}</p>
      <button type="button" className="button button-secondary" onClick={() => window.location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/** A page whose code could not be loaded (offline, or a new version deployed) says so instead of going blank. */
class PageBoundary extends Component<{ children: ReactNode; pathname: string }, { failedAt: string | null }> {
  override state = { failedAt: null as string | null };
  static getDerivedStateFromError(): { failedAt: string } {
    return { failedAt: window.location.pathname };
  }
  override render() {
    return this.state.failedAt === this.props.pathname ? <LoadFailed /> : this.props.children;
  }
}

function App() {
  const { pathname } = useLocation();
  let match: { Page: Page; params: RouteParams } = { Page: NotFoundPage, params: {} };
  for (const [pattern, Page] of routes) {
    const params = matchPath(pattern, pathname);
    if (params) {
      match = { Page, params };
      break;
    }
  }
  const { Page, params } = match;
  return (
    <Layout>
      <PageBoundary pathname={pathname}>
        <Suspense fallback={<Loading />}>
          <Page params={params} />
        </Suspense>
      </PageBoundary>
    </Layout>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <LanguageProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </LanguageProvider>
    </StrictMode>,
  );
}
