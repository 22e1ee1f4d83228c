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
import { useLocation } from './router.tsx';
import './styles.css';

const routes: Record<string, () => JSX.Element> = {
  '/': HomePage,
  '/don-vi': UnitsPage,
  '/can-bo/dang-nhap': OfficerSignInPage,
  '/tai-khoan': AccountPage,
  '/verify': VerifyPage,
};

function App() {
  const { pathname } = useLocation();
  const path = pathname.replace(/(.)\/$/, '$1');
  // /verify/{documentId} is the address printed in every signed document's QR code.
  const Page = routes[path] ?? (path.startsWith('/verify/') ? VerifyPage : NotFoundPage);
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
