import { Button, Card, Heading, Link, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router';
import { SEARCH_KINDS, type SearchKind } from '@samrad/shared/contracts';
import { osloDate } from '@samrad/shared/domain';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { Highlighted } from '../../features/search/Highlighted.js';
import { SEARCH_PAGE_SIZE, hitLink, queryProblem, useSearch, type SearchHitView } from '../../features/search/api.js';
import { formatDate } from '../../i18n/index.js';

const isKind = (v: string | null): v is SearchKind => SEARCH_KINDS.includes(v as SearchKind);

/** `/sok?q=…&type=…&side=…`: the hits the reader may see, filtered by kind, highlighted and paged. */
export default function SearchPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const type = params.get('type');
  const kind = isKind(type) ? type : null;
  const page = Math.max(1, Math.floor(Number(params.get('side')) || 1));
  const problem = q ? queryProblem(q) : null;
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { data, isFetching, error, refetch } = useSearch(q, kind, (page - 1) * SEARCH_PAGE_SIZE);

  const to = (next: { q?: string; kind?: SearchKind | null; page?: number }) => {
    const p = new URLSearchParams({ q: next.q ?? q });
    const k = next.kind === undefined ? kind : next.kind;
    if (k) p.set('type', k);
    if ((next.page ?? 1) > 1) p.set('side', String(next.page));
    return p;
  };
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const next = String(new FormData(e.currentTarget).get('q') ?? '');
    const wrong = queryProblem(next);
    setFieldError(wrong);
    if (!wrong) setParams(to({ q: next.trim(), page: 1 }));
  }
  const pages = data ? Math.max(1, Math.ceil(data.total / SEARCH_PAGE_SIZE)) : 1;
  const all = data ? SEARCH_KINDS.reduce((n, k) => n + data.counts[k], 0) : 0;

  return (
    <>
      <PageHeading title={q ? t('search.titleFor', { q }) : t('search.title')}>{t('search.title')}</PageHeading>
      <form role="search" aria-label={t('search.pageLandmark')} className="filters" onSubmit={onSubmit} noValidate>
        <Textfield
          key={q}
          id="search-q"
          name="q"
          type="search"
          label={t('search.query')}
          description={t('search.help')}
          defaultValue={q}
          error={fieldError ?? problem ?? undefined}
        />
        <div>
          <Button type="submit">{t('search.submit')}</Button>
        </div>
      </form>

      {/* The result count is announced when it changes (a polite live region, present before the answer). */}
      <p role="status" aria-live="polite" className="search-status">
        {data && !isFetching ? t('search.result', { count: data.total, q }) : ''}
      </p>

      {data && (
        <nav aria-label={t('search.kinds')}>
          <ul className="search-kinds">
            {[null, ...SEARCH_KINDS].map((k) => (
              <li key={k ?? 'all'}>
                <Link asChild>
                  <RouterLink to={`?${to({ kind: k, page: 1 })}`} aria-current={k === kind ? 'page' : undefined}>
                    {k ? t(`search.kind.${k}`, { count: data.counts[k] }) : t('search.all', { count: all })}
                  </RouterLink>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {isFetching && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {!q && <Paragraph>{t('search.empty')}</Paragraph>}
      {data && data.hits.length === 0 && !isFetching && <Paragraph>{t('search.none', { q })}</Paragraph>}

      {data && data.hits.length > 0 && (
        <ol className="card-list card-list--single search-hits" aria-label={t('search.hits')}>
          {data.hits.map((h) => (
            <li key={`${h.kind}-${h.id}`}>
              <SearchHit hit={h} />
            </li>
          ))}
        </ol>
      )}

      {data && pages > 1 && (
        <nav aria-label={t('search.paging')} className="row">
          {page > 1 && (
            <Link asChild>
              <RouterLink to={`?${to({ page: page - 1 })}`}>{t('search.previous')}</RouterLink>
            </Link>
          )}
          <span>{t('search.page', { page, pages })}</span>
          {page < pages && (
            <Link asChild>
              <RouterLink to={`?${to({ page: page + 1 })}`}>{t('search.next')}</RouterLink>
            </Link>
          )}
        </nav>
      )}
    </>
  );
}

/** Where the hit belongs, in words: its case, the meeting it was on the agenda of, the conference it was given at. */
function context(hit: SearchHitView, t: (key: string, o?: Record<string, unknown>) => string): string[] {
  const out: string[] = [];
  if (hit.kind === 'case' && hit.case) out.push(t('search.caseNumber', { number: hit.case.number }));
  if (hit.kind === 'meeting' && hit.case) out.push(t('search.onAgenda', { number: hit.case.number, meeting: hit.meeting?.title ?? '' }));
  if ((hit.kind === 'decision' || hit.kind === 'input') && hit.case)
    out.push(t('search.inCase', { number: hit.case.number, title: hit.case.title }));
  if (hit.kind === 'input' && hit.meeting) out.push(t('search.atConference', { title: hit.meeting.title }));
  return out;
}

function SearchHit({ hit }: { hit: SearchHitView }) {
  const { t } = useTranslation();
  const where = context(hit, t);
  return (
    <Card>
      <Paragraph data-size="sm" className="row">
        <Tag data-color="neutral">{t(`search.kindName.${hit.kind}`)}</Tag>
        <span>{formatDate(osloDate(new Date(hit.at)))}</span>
      </Paragraph>
      <Heading level={2} data-size="xs">
        <Link asChild>
          <RouterLink to={hitLink(hit)}>
            {hit.kind === 'input' && `${t('search.inputFrom')} `}
            <Highlighted parts={hit.title} />
          </RouterLink>
        </Link>
      </Heading>
      {where.length > 0 && <Paragraph data-size="sm">{where.join(' · ')}</Paragraph>}
      {hit.excerpt.length > 0 && (
        <Paragraph className="search-excerpt">
          <Highlighted parts={hit.excerpt} />
        </Paragraph>
      )}
    </Card>
  );
}
