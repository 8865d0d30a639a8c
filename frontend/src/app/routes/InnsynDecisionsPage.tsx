import { Button, Card, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { paths } from '../../config/paths.js';
import { usePublicDecisions } from '../../features/innsyn/api.js';
import { InnsynNav, OpenData } from '../../features/innsyn/InnsynNav.js';
import { formatDate } from '../../i18n/index.js';
import { useInnsynLanguage } from '../useInnsynLanguage.js';

/** The public decisions register (an exempt case's vedtak withheld with its legal basis), with search in `?q=`. */
export default function InnsynDecisionsPage() {
  const { t } = useTranslation();
  const { slug = '' } = useParams();
  useInnsynLanguage(slug);
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const { data, isPending, error, refetch } = usePublicDecisions(slug, q);
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const v = String(new FormData(e.currentTarget).get('q') ?? '').trim();
    setParams(v ? { q: v } : {});
  }
  return (
    <>
      <PageHeading title={t('innsyn.decisionsTitle')}>{t('innsyn.decisionsTitle')}</PageHeading>
      <InnsynNav slug={slug} />
      <search>
        <form onSubmit={onSubmit} className="filters" aria-label={t('innsyn.searchDecisions')}>
          <Textfield id="innsyn-dec-q" name="q" type="search" label={t('innsyn.query')} defaultValue={q} key={q} />
          <div>
            <Button type="submit">{t('innsyn.search')}</Button>
          </div>
        </form>
      </search>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.decisions.length === 0 && <Paragraph>{t('innsyn.noDecisions')}</Paragraph>}
      <ul className="card-list card-list--single">
        {data?.decisions.map((d) => (
          <li key={d.id}>
            <Card>
              <Heading level={2} data-size="xs">
                {`${d.bodyName} ${d.committeeNumber ?? ''} – ${formatDate(d.decidedOn)}`}
              </Heading>
              <Paragraph>
                <Link asChild>
                  <RouterLink
                    to={paths.innsynCase(slug, d.case.id)}
                  >{`${t('innsyn.number')} ${d.case.number}: ${d.case.title}`}</RouterLink>
                </Link>
              </Paragraph>
              {d.text !== null ? (
                <Paragraph className="prewrap">{d.text}</Paragraph>
              ) : (
                <Paragraph>{t('decisions.exempt', { basis: d.exemptBasis })}</Paragraph>
              )}
            </Card>
          </li>
        ))}
      </ul>
      <OpenData slug={slug} register="decisions" />
    </>
  );
}
