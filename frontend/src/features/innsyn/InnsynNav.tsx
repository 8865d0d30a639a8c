import { Link, Paragraph } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { paths } from '../../config/paths.js';
import { openData } from './api.js';

/** The registers of one municipality's innsyn: cases (with search), decisions, meetings and the mandate; in its målform. */
export function InnsynNav({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const links = [
    { to: paths.innsynHome(slug), label: t('innsyn.nav.cases'), end: true },
    { to: paths.innsynDecisions(slug), label: t('innsyn.nav.decisions') },
    { to: paths.innsynMeetings(slug), label: t('innsyn.nav.meetings') },
    { to: paths.innsynMandate(slug), label: t('innsyn.nav.mandate') },
  ];
  return (
    <nav aria-label={t('innsyn.nav.label')}>
      <ul className="app-nav innsyn-nav">
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end={l.end}>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** A register's open data: CSV and JSON under the NLOD 2.0 licence. */
export function OpenData({ slug, register }: { slug: string; register: 'cases' | 'decisions' | 'meetings' }) {
  const { t } = useTranslation();
  return (
    <Paragraph data-size="sm">
      {t('innsyn.openData.label')}{' '}
      <Link href={openData(slug, register, 'csv')} download>
        {t(`innsyn.openData.csv.${register}`)}
      </Link>{' '}
      ·{' '}
      <Link href={openData(slug, register, 'json')} download>
        {t(`innsyn.openData.json.${register}`)}
      </Link>
      {'. '}
      {t('innsyn.openData.licence')} <Link href="https://data.norge.no/nlod/no/2.0">{t('innsyn.openData.licenceName')}</Link>.
    </Paragraph>
  );
}
