import { useState } from 'react';
import { fetchAgency, fetchUnit, signOut, type CitizenPrincipal, type OfficerPrincipal, type OfficerRole, type RoleName } from '../api.ts';
import { unitName, useI18n, useLoad, useSession } from '../app-state.tsx';
import { describeError } from '../errors.ts';
import { formatDate } from '../i18n.ts';
import { usePageTitle } from '../layout.tsx';
import { navigate } from '../router.tsx';
import { SignInChoices } from '../sign-in-choices.tsx';

/** A unit's name, loaded on demand; the code until it arrives. */
function UnitName({ code }: { code: string }) {
  const { language } = useI18n();
  const state = useLoad(code, () => fetchUnit(code));
  return <>{state.status === 'ready' ? unitName(state.data, language) : code}</>;
}

function AgencyName({ code }: { code: string }) {
  const { language } = useI18n();
  const state = useLoad(code, () => fetchAgency(code));
  if (state.status !== 'ready') return <>{code}</>;
  return <>{language === 'en' ? state.data.nameEn : state.data.name}</>;
}

function CitizenDetails({ citizen }: { citizen: CitizenPrincipal }) {
  const { t, language } = useI18n();
  const level =
    typeof citizen.identityLevel === 'number' || /^\d+$/.test(citizen.identityLevel)
      ? t('account.identityLevelValue', { level: citizen.identityLevel })
      : citizen.identityLevel;
  return (
    <>
      <h1>{t('account.greeting', { name: citizen.fullName })}</h1>
      <p className="badge">{t('account.citizen')}</p>
      <dl className="details">
        <div>
          <dt>{t('account.idNumber')}</dt>
          <dd className="mono">{citizen.idNumberMasked}</dd>
        </div>
        <div>
          <dt>{t('account.birthDate')}</dt>
          <dd>{formatDate(language, citizen.birthDate)}</dd>
        </div>
        <div>
          <dt>{t('account.identityLevel')}</dt>
          <dd>{level}</dd>
        </div>
        {citizen.addressUnitCode && (
          <div>
            <dt>{t('account.address')}</dt>
            <dd>
              <UnitName code={citizen.addressUnitCode} />
            </dd>
          </div>
        )}
      </dl>
    </>
  );
}

const roleNames: readonly string[] = ['reception', 'specialist', 'approver', 'unit_admin', 'leader', 'system_admin'] satisfies RoleName[];

function isRoleName(role: string): role is RoleName {
  return roleNames.includes(role);
}

function RoleRow({ role }: { role: OfficerRole }) {
  const { t } = useI18n();
  // A role added on the server before the web app knows its label still shows, by its code.
  const label = isRoleName(role.role) ? t(`role.${role.role}`) : role.role;
  return (
    <li className="role">
      <span className="role-name">{label}</span>
      {role.agencyCode && (
        <span>
          <span className="role-label">{t('account.agency')}: </span>
          <AgencyName code={role.agencyCode} />
        </span>
      )}
      {role.unitCode && (
        <span>
          <span className="role-label">{t('account.unit')}: </span>
          <UnitName code={role.unitCode} />
        </span>
      )}
    </li>
  );
}

function OfficerDetails({ officer }: { officer: OfficerPrincipal }) {
  const { t } = useI18n();
  return (
    <>
      <h1>{t('account.greeting', { name: officer.fullName })}</h1>
      <p className="badge">{t('account.officer')}</p>
      <dl className="details">
        <div>
          <dt>{t('account.fullName')}</dt>
          <dd>{officer.fullName}</dd>
        </div>
        <div>
          <dt>{t('account.username')}</dt>
          <dd className="mono">{officer.username}</dd>
        </div>
        <div>
          <dt>{t('account.totp')}</dt>
          <dd>{officer.isTotpEnabled ? t('account.totpOn') : t('account.totpOff')}</dd>
        </div>
      </dl>
      <h2>{t('account.roles')}</h2>
      <ul className="roles">
        {officer.roles.map((role) => (
          <RoleRow key={`${role.role}-${role.agencyCode ?? ''}-${role.unitCode ?? ''}`} role={role} />
        ))}
      </ul>
    </>
  );
}

function SignOutButton() {
  const { t } = useI18n();
  const { refresh } = useSession();
  const [isBusy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const handleClick = async () => {
    setBusy(true);
    setError('');
    try {
      await signOut();
      await refresh();
      navigate('/');
    } catch (caught) {
      setError(describeError(caught, t));
      setBusy(false);
    }
  };
  return (
    <div className="sign-out">
      <div role="alert" className={error ? 'alert alert-error' : 'visually-empty'}>
        {error}
      </div>
      <button type="button" className="button button-secondary" disabled={isBusy} onClick={() => void handleClick()}>
        {isBusy ? t('account.signingOut') : t('account.signOut')}
      </button>
    </div>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const { state } = useSession();
  usePageTitle(t('account.title'));
  if (state.status === 'loading') return <p className="muted">{t('app.loading')}</p>;
  const principal = state.status === 'ready' ? state.session.principal : null;
  if (!principal) {
    return (
      <div className="narrow">
        <h1>{t('account.title')}</h1>
        <p className="lead">{t('account.signedOut')}</p>
        <p>{t('account.signInHint')}</p>
        <SignInChoices isStacked />
      </div>
    );
  }
  return (
    <div className="narrow">
      {principal.kind === 'citizen' ? <CitizenDetails citizen={principal} /> : <OfficerDetails officer={principal} />}
      <SignOutButton />
    </div>
  );
}
