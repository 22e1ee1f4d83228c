import { StrictMode, type JSX } from 'react';
import { createRoot } from 'react-dom/client';
import { LanguageProvider, SessionProvider } from './app-state.tsx';
import { Layout } from './layout.tsx';
import { AccountPage } from './pages/account.tsx';
import { HomePage } from './pages/home.tsx';
import { NotFoundPage } from './pages/not-found.tsx';
import { OfficerSignInPage } from './pages/officer-sign-in.tsx';
import { UnitsPage } from './pages/units.tsx';
import { VerifyPage } from './pages/verify.tsx';
import { OfficerDossierPage } from './pages/officer/dossier-page.tsx';
import { OfficerInboxPage } from './pages/officer/inbox-page.tsx';
import { useLocation } from './router.tsx';
import './styles.css';

const routes: Record<string, () => JSX.Element> = {
  '/': HomePage,
  '/don-vi': UnitsPage,
  '/can-bo/dang-nhap': OfficerSignInPage,
  '/tai-khoan': AccountPage,
  '/verify': VerifyPage,
  '/can-bo/ho-so': OfficerInboxPage,
};

/** Pages whose path carries a value after a prefix (a dossier code). */
const prefixRoutes: [prefix: string, page: () => JSX.Element][] = [
  ['/can-bo/ho-so/', OfficerDossierPage],
  // /verify/{documentId} is the address printed in every signed document's QR code.
  ['/verify/', VerifyPage],
];

function App() {
  const { pathname } = useLocation();
  const path = pathname.replace(/(.)\/$/, '$1');
  const Page = routes[path] ?? prefixRoutes.find(([prefix]) => path.startsWith(prefix))?.[1] ?? NotFoundPage;
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
