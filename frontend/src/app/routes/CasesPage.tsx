import { Button, Heading, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createCaseSchema } from '@samrad/shared/contracts';
import { Link as RouterLink, useNavigate } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { AccessTag } from '../../features/cases/AccessTag.js';
import { ReferencesField, referenceFieldIds } from '../../features/cases/CaseReferences.js';
import { useCases, useCreateCase } from '../../features/cases/api.js';
import { useMandate } from '../../features/mandates/api.js';
import { useContractForm } from '../../lib/useContractForm.js';
import { ScrollBox } from '../../components/ScrollBox.js';

const IDS = {
  title: 'case-title',
  mandateItemId: 'case-item',
  legalBasis: 'case-basis',
  publicTitle: 'case-public-title',
  ...referenceFieldIds('case-new'),
};

function NewCaseForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const mandate = useMandate();
  const create = useCreateCase();
  const [access, setAccess] = useState('public');
  const form = useContractForm({
    fieldIds: IDS,
    fallbackPath: 'title',
    schema: createCaseSchema,
    values: (f) => ({
      title: f.get('title'),
      mandateItemId: (f.get('mandateItemId') as string) || null,
      access,
      legalBasis: access === 'exempt' ? f.get('legalBasis') : null,
      publicTitle: access === 'exempt' ? f.get('publicTitle') : null,
      references: f.getAll('references').map(String),
    }),
    submit: async (data) => {
      const r = await create.mutateAsync(data);
      navigate(`/saker/${r.id}`);
    },
  });
  return (
    <section aria-labelledby="new-case-h" className="panel narrow">
      <Heading level={2} data-size="sm" id="new-case-h">
        {t('cases.newCase')}
      </Heading>
      {form.summary}
      <form onSubmit={form.onSubmit} noValidate className="stack">
        <Textfield id={IDS.title} name="title" label={t('cases.caseTitle')} error={form.error('title')} />
        <SelectField
          id={IDS.mandateItemId}
          name="mandateItemId"
          label={t('cases.mandateItem')}
          options={[
            { value: '', label: t('cases.noMandateItem') },
            ...(mandate.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.number}. ${i.title}` })),
          ]}
        />
        <ReferencesField idPrefix="case-new" initial={[]} error={form.error} />
        <SelectField
          id="case-access"
          name="access"
          label={t('cases.access')}
          value={access}
          onChange={(e) => setAccess(e.target.value)}
          options={[
            { value: 'public', label: t('cases.public') },
            { value: 'exempt', label: t('cases.exemptTitle') },
          ]}
        />
        {access === 'exempt' && (
          <>
            <Textfield id={IDS.legalBasis} name="legalBasis" label={t('cases.legalBasis')} error={form.error('legalBasis')} />
            <Textfield id={IDS.publicTitle} name="publicTitle" label={t('cases.publicTitle')} error={form.error('publicTitle')} />
          </>
        )}
        <div>
          <Button type="submit" loading={form.pending}>
            {t('cases.create')}
          </Button>
        </div>
      </form>
    </section>
  );
}

export default function CasesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const { data, isPending, error, refetch } = useCases();
  return (
    <>
      <PageHeading title={t('cases.title')}>{t('cases.title')}</PageHeading>
      {isPending && <Loading />}
      {error && <LoadError error={error} onRetry={() => void refetch()} />}
      {data?.cases.length === 0 && <Paragraph>{t('cases.none')}</Paragraph>}
      {data && data.cases.length > 0 && (
        <ScrollBox label={t('cases.title')}>
          <Table className="full-width">
            <caption className="visually-hidden">{t('cases.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('cases.number')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.caseTitle')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.status')}</Table.HeaderCell>
                <Table.HeaderCell>{t('cases.access')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {data.cases.map((c) => (
                <Table.Row key={c.id}>
                  <Table.Cell>{c.number}</Table.Cell>
                  <Table.Cell>
                    {c.readable ? (
                      <Link asChild>
                        <RouterLink to={`/saker/${c.id}`}>{c.title}</RouterLink>
                      </Link>
                    ) : (
                      c.title
                    )}
                  </Table.Cell>
                  <Table.Cell>
                    <Tag data-color="info">{t(`caseStatus.${c.status}`)}</Tag>
                  </Table.Cell>
                  <Table.Cell>
                    <AccessTag access={c.access} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </ScrollBox>
      )}
      {hasRole(me, 'case_officer') && <NewCaseForm />}
    </>
  );
}
