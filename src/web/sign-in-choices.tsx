import { citizenSignInUrl } from './api.ts';
import { useI18n } from './app-state.tsx';
import { Link } from './router.tsx';

/** The two ways in: citizens through VNeID (a full-page navigation to the provider), officers by password. */
export function SignInChoices({ isStacked = false }: { isStacked?: boolean }) {
  const { t } = useI18n();
  return (
    <div className={isStacked ? 'actions actions-stacked' : 'actions'}>
      {/* A full-page navigation: the sign-in runs through the identity provider's own pages. */}
      <a className="button button-primary" href={citizenSignInUrl}>
        {t('home.citizenSignIn')}
      </a>
      <Link className="button button-secondary" to="/can-bo/dang-nhap">
        {t('home.officerSignIn')}
      </Link>
    </div>
  );
}
