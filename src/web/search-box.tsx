import { useId, useState, type FormEvent } from 'react';
import { useI18n } from './app-state.tsx';
import { navigate } from './router.tsx';

/** The procedure search: a labelled box that opens /thu-tuc?q=… (accents optional). */
export function SearchBox({ initial = '', isLarge = false }: { initial?: string; isLarge?: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [query, setQuery] = useState(initial);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const q = query.trim();
    navigate(q ? `/thu-tuc?q=${encodeURIComponent(q)}` : '/thu-tuc');
  };
  return (
    <form role="search" className={isLarge ? 'search-form search-form-large' : 'search-form'} action="/thu-tuc" onSubmit={submit}>
      <label htmlFor={`${id}-q`}>{t('search.label')}</label>
      <p id={`${id}-hint`} className="hint">
        {t('search.hint')}
      </p>
      <div className="search-row">
        <input
          id={`${id}-q`}
          name="q"
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          aria-describedby={`${id}-hint`}
          autoComplete="off"
          enterKeyHint="search"
        />
        <button type="submit" className="button button-primary">
          {t('search.submit')}
        </button>
      </div>
    </form>
  );
}
