import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { fetchSession, fetchUnit, type Session, type UnitDetail } from './api.ts';
import { isLanguage, translate, type Language, type MessageKey, type MessageValues } from './i18n.ts';

/**
 * The province this portal serves: the deployment's PROVINCE_CODE, which the server writes into the
 * page (src/web/serve.ts). '79' only where no server wrote it (no page, or a malformed one).
 */
export const provinceCode = readProvinceCode();

function readProvinceCode(): string {
  // Outside a browser (unit tests importing the web app's modules) there is no page to read.
  if (typeof document === 'undefined') return '79';
  const written = document.querySelector<HTMLMetaElement>('meta[name="tinhso-province"]')?.content ?? '';
  return /^\d{2}$/.test(written) ? written : '79';
}

// ---- language -------------------------------------------------------------------------------

const storageKey = 'lang';

function readCookie(name: string): string | null {
  const entry = document.cookie.split('; ').find((part) => part.startsWith(`${name}=`));
  return entry ? decodeURIComponent(entry.slice(name.length + 1)) : null;
}

function readStoredLanguage(): Language {
  try {
    const stored = window.localStorage.getItem(storageKey);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be disabled; the cookie still remembers.
  }
  const cookie = readCookie(storageKey);
  return isLanguage(cookie) ? cookie : 'vi';
}

function storeLanguage(language: Language): void {
  try {
    window.localStorage.setItem(storageKey, language);
  } catch {
    // Storage can be disabled; the cookie is enough.
  }
  // The API reads this cookie to answer errors in the same language (platform/http/errors.ts).
  document.cookie = `${storageKey}=${language}; Path=/; Max-Age=31536000; SameSite=Lax`;
}

interface I18n {
  language: Language;
  t: (key: MessageKey, values?: MessageValues) => string;
  setLanguage: (language: Language) => void;
}

const I18nContext = createContext<I18n | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setLanguage] = useState<Language>(readStoredLanguage);
  useEffect(() => {
    document.documentElement.lang = language;
    storeLanguage(language);
  }, [language]);
  const value = useMemo<I18n>(() => ({ language, setLanguage, t: (key, values) => translate(language, key, values) }), [language]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside LanguageProvider');
  return value;
}

// ---- session --------------------------------------------------------------------------------

export type SessionState = { status: 'loading' } | { status: 'ready'; session: Session } | { status: 'failed' };

interface SessionContextValue {
  state: SessionState;
  refresh: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const refresh = useCallback(async () => {
    try {
      setState({ status: 'ready', session: await fetchSession() });
    } catch {
      setState({ status: 'failed' });
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const value = useMemo(() => ({ state, refresh }), [state, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

// ---- data loading ---------------------------------------------------------------------------

export type Loadable<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/** Runs `load` whenever `key` changes and keeps only the latest answer. */
export function useLoad<T>(key: string | null, load: () => Promise<T>): Loadable<T> {
  const [state, setState] = useState<Loadable<T>>({ status: 'loading' });
  useEffect(() => {
    if (key === null) return;
    let isCurrent = true;
    setState({ status: 'loading' });
    load().then(
      (data) => isCurrent && setState({ status: 'ready', data }),
      (error: unknown) => isCurrent && setState({ status: 'failed', error }),
    );
    return () => {
      isCurrent = false;
    };
    // `load` is a fresh closure each render; `key` alone says when its answer changes.
  }, [key]);
  return state;
}

let provincePromise: Promise<UnitDetail> | null = null;

/** The province this portal serves, fetched once per page load. */
export function useProvince(): UnitDetail | null {
  const state = useLoad(provinceCode, () => {
    provincePromise ??= fetchUnit(provinceCode).catch((error: unknown) => {
      provincePromise = null;
      throw error;
    });
    return provincePromise;
  });
  return state.status === 'ready' ? state.data : null;
}

/** A unit's name in the reader's language when an English name is known. */
export function unitName(unit: { fullName: string; fullNameEn: string | null }, language: Language): string {
  return language === 'en' && unit.fullNameEn ? unit.fullNameEn : unit.fullName;
}
