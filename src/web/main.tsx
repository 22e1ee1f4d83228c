import { lazy, StrictMode, Suspense, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, SessionProvider } from './app-state.tsx';
import { Layout } from './layout.tsx';
import { AccountPage } from './pages/account.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { OfficerSignInPage } from './pages/officer-sign-in.tsx';
import { UnitsPage } from './pages/units.tsx';
import { useLocation } from './router.tsx';
import './styles.css';

// The leaders' dashboard (ECharts and the map) is its own chunk, loaded only on its page.
const LazyLeadersPage = lazy(() => import('./pages/leaders/leaders-page.tsx'));
function LeadersPage() {
  return (
    <Suspense fallback={<p className="muted">…</p>}>
      <LazyLeadersPage />
    </Suspense>
  );
}

const routes: Record<string, () => JSX.Element> = {
  '/': HomePage,
  '/don-vi': UnitsPage,
  '/can-bo/dang-nhap': OfficerSignInPage,
  '/tai-khoan': AccountPage,
  '/lanh-dao': LeadersPage,
};

function App() {
  const { pathname } = useLocation();
  const Page = routes[pathname.replace(/(.)\/$/, '$1')] ?? NotFoundPage;
  return (
    <Layout>
      <Page />
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
