import { Button, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { meetingsCalendar, usePublicCases } from '../../features/innsyn/api.js';
import { InnsynNav, OpenData } from '../../features/innsyn/InnsynNav.js';
import { formatDate } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** One municipality's innsyn: its public case register with search (`?q=`, a stable link), and the other registers. */
export default function InnsynCasesPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useInnsynLanguage(slug);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { data, isPending, error, refetch } = usePublicCases(slug, q);
  const name = data?.municipality.name ?? '';
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    setParams(v ? { q: v } : {});
  }
  const title = name ? t('innsyn.casesTitle', { name }) : t('innsyn.title');
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      <InnsynNav slug={slug} />
      <Paragraph>{t('innsyn.casesIntro')}</Paragraph>
      <search>
        <form onSubmit={onSubmit} className="filters" aria-label={t('innsyn.searchCases')}>
          <Textfield id="innsyn-q" name="q" type="search" label={t('innsyn.query')} defaultValue={q} key={q} />
          <div>
            <Button type="submit">{t('innsyn.search')}</Button>
          </div>
        </form>
      </search>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} back={{ to: paths.innsyn, label: t('innsyn.title') }} />}
      {data && data.cases.length === 0 && <Paragraph>{t('innsyn.noCases')}</Paragraph>}
      {data && data.cases.length > 0 && (
        <div className="table-scroll">
          <Table>
            <caption className="visually-hidden">{t('innsyn.casesCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('innsyn.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.caseTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('innsyn.updated')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.cases.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.number}</Table.Cell>
                  <Table.Cell>
                    <Link asChild>
                      <RouterLink to={paths.innsynCase(slug, c.id)}>{c.title}</RouterLink>
                    </Link>
                    {c.exempt && (
                      <>
                        {' '}
                        <Tag data-color="warning">{t('innsyn.exemptTag', { basis: c.legalBasis ?? '' })}</Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell>{t(`caseStatus.${c.status}`)}</Table.Cell>
                  <Table.Cell>{formatDate(c.updatedAt)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <OpenData slug={slug} register="cases" />
      <Paragraph data-size="sm">
        {t('innsyn.calendarHint')} <Link href={meetingsCalendar(slug)}>{t('innsyn.calendarLink')}</Link>
      </Paragraph>
    </>
  );
}
