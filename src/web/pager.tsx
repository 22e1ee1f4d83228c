import { useI18n } from './app-state.tsx';
import { Link, useLocation } from './router.tsx';

/** Previous / next links for a paged list; the page number travels in `?page=`, other parameters stay. */
export function Pager({ page, pageSize, total }: { page: number; pageSize: number; total: number }) {
  const { t } = useI18n();
  const { pathname, search } = useLocation();
  if (total <= pageSize) return null;
  const link = (n: number) => {
    const params = new URLSearchParams(search);
    params.set('page', String(n));
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav className="pager" aria-label={t('search.pages')}>
      {page > 1 && <Link to={link(page - 1)}>{t('search.previous')}</Link>}
      <span>{t('search.pageOf', { page, pages: Math.ceil(total / pageSize) })}</span>
      {page * pageSize < total && <Link to={link(page + 1)}>{t('search.next')}</Link>}
    </nav>
  );
}
