import { Button, Card, Heading, Link, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { useBodies } from '../../features/bodies/api.js';
import { formatDate } from '../../i18n/index.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import type { Answer } from '@samrad/shared/contracts';

/** A decision in the register, as the API answers it (an exempt case's text is null, with its legal basis in exemptBasis). */
type DecisionView = Answer<'GET /api/decisions'>['decisions'][number];

export default function DecisionsPage() {
  const { t } = useTranslation();
  const bodies = useBodies();
  const [filters, setFilters] = useState('');
  const { data, isPending, error, refetch } = useQuery({
    queryKey: keys.decisions.search(filters),
    queryFn: () => api<{ decisions: DecisionView[] }>(`/api/decisions${filters}`),
  });
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const params = new URLSearchParams();
    for (const key of ['q', 'bodyId', 'from', 'to']) {
      const v = String(f.get(key) ?? '').trim();
      if (v) params.set(key, v);
    }
    setFilters(params.size ? `?${params}` : '');
  }
  return (
    <>
      <PageHeading title={t('decisions.title')}>{t('decisions.title')}</PageHeading>
      <search>
        <form onSubmit={onSubmit} className="filters" aria-label={t('decisions.search')}>
          <Textfield id="dec-q" name="q" type="search" label={t('decisions.query')} />
          <SelectField
            id="dec-body"
            name="bodyId"
            label={t('decisions.body')}
            options={[
              { value: '', label: t('decisions.allBodies') },
              ...(bodies.data?.bodies ?? []).map((b) => ({ value: b.id, label: b.name })),
            ]}
          />
          <Textfield id="dec-from" name="from" type="date" label={t('decisions.from')} />
          <Textfield id="dec-to" name="to" type="date" label={t('decisions.to')} />
          <div>
            <Button type="submit">{t('decisions.submit')}</Button>
          </div>
        </form>
      </search>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.decisions.length === 0 && <Paragraph>{t('decisions.none')}</Paragraph>}
      <ul className="card-list card-list--single" aria-live="polite">
        {data?.decisions.map((d) => (
          <li key={d.id}>
            <Card>
              <Heading level={2} data-size="xs">
                {`${d.body.name} ${d.committeeNumber ?? ''} – ${formatDate(d.decidedOn)}`}
              </Heading>
              <Paragraph>
                <Link asChild>
                  <RouterLink to={`/saker/${d.case.id}`}>{`${t('cases.number')} ${d.case.number}: ${d.case.title}`}</RouterLink>
                </Link>{' '}
                · {t('decisions.inputs', { count: d.inputs })}
              </Paragraph>
              {d.text !== null ? (
                <Paragraph className="prewrap">{d.text}</Paragraph>
              ) : (
                <Paragraph>{t('decisions.exempt', { basis: d.exemptBasis })}</Paragraph>
              )}
              {d.motions.length > 0 && (
                <ul aria-label={t('decisions.motions')}>
                  {d.motions.map((m, i) => (
                    <li key={i}>
                      {t('decisions.vote', {
                        motion: m.motion,
                        for: m.for,
                        against: m.against,
                        blank: m.blank,
                        result: m.adopted ? t('decisions.adopted') : t('decisions.rejected'),
                      })}
                      {(m.proposedBy || m.party) &&
                        ` ${t('decisions.proposedBy', { who: [m.proposedBy, m.party].filter(Boolean).join(', ') })}`}
                      {m.byParty.length > 0 && ` ${m.byParty.map((p) => t('decisions.partyVote', p)).join('; ')}`}
                    </li>
                  ))}
                </ul>
              )}
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
