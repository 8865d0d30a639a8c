import { Search, SearchButton, SearchInput } from '@digdir/designsystemet-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams, useLocation } from 'react-router';
import { paths } from '../../config/paths.js';

/** The search field in the header (a search landmark): it opens the search page with the question. */
export function SearchField() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [params] = useSearchParams();
  const current = pathname === paths.search ? (params.get('q') ?? '') : '';
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const q = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    void navigate(q ? `${paths.search}?${new URLSearchParams({ q })}` : paths.search);
  }
  return (
    <form role="search" aria-label={t('search.landmark')} className="app-header__search" onSubmit={onSubmit}>
      <Search data-size="sm">
        {/* key: the field shows the page's question after a new search there */}
        <SearchInput key={current} name="q" aria-label={t('search.field')} defaultValue={current} maxLength={200} />
        <SearchButton type="submit">{t('search.submit')}</SearchButton>
      </Search>
    </form>
  );
}
