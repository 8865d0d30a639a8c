import { Alert, Button, Details, Link, Paragraph, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DISPOSITION_OUTCOMES, INPUT_KINDS, dispositionSchema, filterInputs, type InputFilter } from '@samrad/shared/contracts';
import { SelectField } from '../../components/SelectField.js';
import { formatDateTime } from '../../i18n/index.js';
import { api, type FormRequest } from '../../lib/api.js';
import { useInvalidatingMutation } from '../../lib/query.js';
import { keys } from '../../lib/query-keys.js';
import { useContractForm } from '../../lib/useContractForm.js';
import type { DispositionInput, InputView } from './api.js';

/** The query string of the filters (the exports take the same). */
export const filterQuery = (f: InputFilter) =>
  new URLSearchParams(Object.entries(f).filter((e): e is [string, string] => Boolean(e[1]))).toString();

/**
 * «Innspill og behandling»: every input on the case the reader may see (round, continuous, school
 * conference) in one table, filterable by kind, outcome, body and handled or not; printable and
 * exportable with the same filters. Case officers record each input's disposition here, whatever its kind.
 */
export function InputTable(props: { caseId: string; items: InputView[]; officer: boolean; sections: { id: string; kind: string }[] }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<InputFilter>({});
  const shown = useMemo(() => filterInputs(props.items, filter), [props.items, filter]);
  const bodies = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of props.items) if (s.body) seen.set(s.body.id, s.body.name);
    return [...seen].sort((a, b) => a[1].localeCompare(b[1], 'nb'));
  }, [props.items]);
  const set = (key: keyof InputFilter) => (e: { target: { value: string } }) =>
    setFilter((f) => ({ ...f, [key]: e.target.value || undefined }));
  const query = filterQuery(filter);
  const suffix = query ? `?${query}` : '';
  const numberOf = new Map(props.items.map((s, i) => [s.id, i + 1]));
  const from = (s: InputView) =>
    s.body ? t('inputs.fromBody', { body: s.body.name, author: s.author.name }) : t('inputs.fromPerson', { author: s.author.name });

  return (
    <div className="stack">
      <fieldset className="filters no-print">
        <legend>{t('inputs.filters')}</legend>
        <div className="row">
          <SelectField
            id="filter-kind"
            name="kind"
            label={t('inputs.kind')}
            value={filter.kind ?? ''}
            onChange={set('kind')}
            options={[{ value: '', label: t('inputs.allKinds') }, ...INPUT_KINDS.map((k) => ({ value: k, label: t(`inputs.kinds.${k}`) }))]}
          />
          <SelectField
            id="filter-outcome"
            name="outcome"
            label={t('inputs.outcomeFilter')}
            value={filter.outcome ?? ''}
            onChange={set('outcome')}
            options={[
              { value: '', label: t('inputs.allOutcomes') },
              ...DISPOSITION_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) })),
            ]}
          />
          <SelectField
            id="filter-body"
            name="bodyId"
            label={t('inputs.body')}
            value={filter.bodyId ?? ''}
            onChange={set('bodyId')}
            options={[
              { value: '', label: t('inputs.allBodies') },
              ...bodies.map(([id, name]) => ({ value: id, label: name })),
              { value: 'own', label: t('inputs.ownCapacity') },
            ]}
          />
          <SelectField
            id="filter-handled"
            name="handled"
            label={t('inputs.handled')}
            value={filter.handled ?? ''}
            onChange={set('handled')}
            options={[
              { value: '', label: t('inputs.handledAll') },
              { value: 'yes', label: t('inputs.handledYes') },
              { value: 'no', label: t('inputs.handledNo') },
            ]}
          />
        </div>
        {query && (
          <Button variant="tertiary" data-size="sm" onClick={() => setFilter({})}>
            {t('inputs.clearFilters')}
          </Button>
        )}
      </fieldset>
      <div className="row no-print">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('inputs.print')}
        </Button>
        <Link href={`/api/cases/${props.caseId}/input-summary/xlsx${suffix}`} download>
          {t('inputs.exportXlsx')}
        </Link>
        <Link href={`/api/cases/${props.caseId}/input-summary/pdf${suffix}`} download>
          {t('inputs.exportPdf')}
        </Link>
        <Paragraph data-size="sm" className="muted">
          {t('inputs.exportHint')}
        </Paragraph>
      </div>
      <Paragraph role="status">{t('inputs.shown', { shown: shown.length, total: props.items.length })}</Paragraph>
      {props.items.length === 0 ? (
        <Paragraph>{t('inputs.none')}</Paragraph>
      ) : shown.length === 0 ? (
        <Paragraph>{t('inputs.noneMatch')}</Paragraph>
      ) : (
        <div className="table-scroll">
          <Table className="input-table">
            <caption className="visually-hidden">{t('inputs.title')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('inputs.colNumber')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colKind')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colFrom')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colDate')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colText')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colOutcome')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colReason')}</Table.HeaderCell>
                <Table.HeaderCell>{t('inputs.colSection')}</Table.HeaderCell>
                {props.officer && <Table.HeaderCell className="no-print">{t('inputs.colHandle')}</Table.HeaderCell>}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {shown.map((s) => (
                <Table.Row key={s.id}>
                  <Table.Cell>{numberOf.get(s.id)}</Table.Cell>
                  <Table.Cell>
                    {t(`inputs.kinds.${s.kind}`)}
                    {(s.round ?? s.meeting) && <div className="muted">{s.round?.name ?? s.meeting?.title}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {from(s)}
                    {s.representing && <div className="muted">{`${t('inputs.colRepresenting')}: ${s.representing}`}</div>}
                  </Table.Cell>
                  <Table.Cell>
                    {formatDateTime(s.submittedAt)}
                    {s.late && (
                      <>
                        {' '}
                        <Tag data-color="warning">{t('inputs.late')}</Tag>
                      </>
                    )}
                  </Table.Cell>
                  <Table.Cell className="prewrap">{s.text}</Table.Cell>
                  <Table.Cell>
                    {s.disposition ? t(`outcome.${s.disposition.outcome}`) : <Tag data-color="neutral">{t('inputs.notHandled')}</Tag>}
                  </Table.Cell>
                  <Table.Cell className="prewrap">{s.disposition?.reason ?? '–'}</Table.Cell>
                  <Table.Cell>{s.disposition?.sectionKind ? t(`sectionKind.${s.disposition.sectionKind}`) : '–'}</Table.Cell>
                  {props.officer && (
                    <Table.Cell className="no-print">
                      <DispositionForm
                        caseId={props.caseId}
                        input={s}
                        title={t('inputs.disposeTitle', { number: numberOf.get(s.id), from: from(s) })}
                        sections={props.sections}
                      />
                    </Table.Cell>
                  )}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}

/** The officer's disposition of one input (any kind): outcome, reason and the section it changed. */
function DispositionForm(props: { caseId: string; input: InputView; title: string; sections: { id: string; kind: string }[] }) {
  const { t } = useTranslation();
  const s = props.input;
  const prefix = `disp-${s.id}`;
  const dispose = useInvalidatingMutation(
    (input: FormRequest<DispositionInput>) => api(`/api/submissions/${s.id}/disposition`, { method: 'PUT', body: input }),
    keys.cases.summary(props.caseId),
    keys.inputs.all,
  );
  const form = useContractForm({
    fieldIds: { outcome: `${prefix}-outcome`, reason: `${prefix}-reason`, sectionId: `${prefix}-section` },
    fallbackPath: 'reason',
    schema: dispositionSchema,
    values: (f) => ({ outcome: f.get('outcome'), reason: f.get('reason'), sectionId: (f.get('sectionId') as string) || null }),
    submit: (data) => dispose.mutateAsync(data),
  });
  return (
    <Details>
      <Details.Summary>{s.disposition ? t('inputs.changeDisposition') : t('inputs.dispose')}</Details.Summary>
      <Details.Content>
        <form onSubmit={form.onSubmit} noValidate className="stack" aria-label={props.title}>
          {form.summary}
          <SelectField
            id={`${prefix}-outcome`}
            name="outcome"
            label={t('inputs.outcome')}
            defaultValue={s.disposition?.outcome ?? 'noted'}
            options={DISPOSITION_OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`) }))}
            error={form.error('outcome')}
          />
          <Textfield
            id={`${prefix}-reason`}
            name="reason"
            multiline
            rows={3}
            label={t('inputs.reason')}
            defaultValue={s.disposition?.reason ?? ''}
            error={form.error('reason')}
          />
          {s.caseId && (
            <SelectField
              id={`${prefix}-section`}
              name="sectionId"
              label={t('inputs.section')}
              defaultValue={s.disposition?.sectionId ?? ''}
              options={[
                { value: '', label: t('inputs.noSection') },
                ...props.sections.map((x) => ({ value: x.id, label: t(`sectionKind.${x.kind}`) })),
              ]}
              error={form.error('sectionId')}
            />
          )}
          <div>
            <Button type="submit" variant="secondary" loading={form.pending}>
              {t('inputs.saveDisposition')}
            </Button>
          </div>
          {form.done && (
            <Alert data-color="success" role="status">
              <Paragraph>{t('inputs.dispositionSaved')}</Paragraph>
            </Alert>
          )}
        </form>
      </Details.Content>
    </Details>
  );
}
