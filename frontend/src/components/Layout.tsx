import { Button, Link, SkipLink } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { paths } from '../config/paths.js';
import { hasRole, useLogout, useMe } from '../features/auth/api.js';
import { SearchField } from '../features/search/SearchField.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { useFocusHeadingOnNavigation } from './PageHeading.js';

/** Skip link, header with the main menu, and the main landmark every page renders into. */
export function Layout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const logout = useLogout();
  const navigate = useNavigate();
  useFocusHeadingOnNavigation();
  const links = [
    { to: paths.home, label: t('nav.tasks'), end: true },
    { to: paths.mandate, label: t('nav.mandate') },
    { to: paths.cases, label: t('nav.cases') },
    { to: paths.meetings, label: t('nav.meetings') },
    { to: paths.decisions, label: t('nav.decisions') },
    { to: paths.allocation, label: t('nav.allocation') },
    { to: paths.analysis, label: t('nav.analysis') },
    { to: paths.bodies, label: t('nav.bodies') },
    { to: paths.notifications, label: t('nav.notifications') },
    ...(hasRole(me, 'admin')
      ? [
          { to: paths.users, label: t('nav.users') },
          { to: paths.municipality, label: t('nav.municipality') },
        ]
      : []),
  ];
  return (
    <>
      <SkipLink href="#main">{t('app.skipToContent')}</SkipLink>
      <header className="app-header">
        <div className="app-header__brand">
          <span className="app-header__name">{t('app.name')}</span>
          {me && <span className="app-header__municipality">{me.municipality.name}</span>}
        </div>
        {me && (
          <nav aria-label={t('app.mainNav')}>
            <ul className="app-nav">
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} end={l.end}>
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {me && <SearchField />}
        <LanguageSwitch />
        {me && (
          <div className="app-header__user">
            <Link asChild data-size="sm">
              <NavLink to={paths.profile} aria-label={t('nav.profileOf', { name: me.name })}>
                {t('nav.loggedInAs', { name: me.name })}
              </NavLink>
            </Link>
            <Button variant="tertiary" data-size="sm" onClick={() => logout.mutate(undefined, { onSettled: () => navigate(paths.login) })}>
              {t('nav.logout')}
            </Button>
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <footer className="app-footer">
        <ul className="app-footer__links">
          <li>
            <Link asChild>
              <NavLink to={paths.innsyn}>{t('footer.innsyn')}</NavLink>
            </Link>
          </li>
          <li>
            <Link asChild>
              <NavLink to={paths.accessibility}>{t('footer.accessibility')}</NavLink>
            </Link>
          </li>
        </ul>
      </footer>
    </>
  );
}
