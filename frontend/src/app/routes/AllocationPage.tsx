import { Alert, Button, Details, Fieldset, Heading, Link, Paragraph, Switch, Table, Tag, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { allocate, AllocationInputError, parseAllocationInput, withFrame, type AllocationResult } from '@samrad/shared/engine';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { useAllocationCase, useAllocationMutation, useComparison, useImportStatus, useScenario, useScenarioComments } from '../../features/allocation/api.js';
import { Figure41Chart } from '../../features/allocation/Figure41Chart.js';
import { AdoptForm, NewScenarioForm } from '../../features/allocation/ScenarioForms.js';
import { useCase } from '../../features/cases/api.js';
import { overridesFrom, rateValue, withOverrides } from '../../features/allocation/rateEdits.js';
import { ApiError, api } from '../../lib/api.js';

const nok = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0 });
const pct = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2, signDisplay: 'exceptZero' });
const signed = new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 0, signDisplay: 'exceptZero' });

function ResultTable({ result, perPupil, caption }: { result: AllocationResult; perPupil: boolean; caption: string }) {
  const { t } = useTranslation();
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <Table zebra>
        <caption>{caption}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
            <Table.HeaderCell>{t('allocation.pupils')}</Table.HeaderCell>
            {result.criteria.map((c) => (
              <Table.HeaderCell key={c.id}>{c.label}</Table.HeaderCell>
            ))}
            <Table.HeaderCell>{t('allocation.total')}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {result.units.map((u) => (
            <Table.Row key={u.id}>
              <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
              <Table.Cell className="num">{nok.format(u.pupils)}</Table.Cell>
              {result.criteria.map((c) => (
                <Table.Cell key={c.id} className="num">
                  {nok.format((perPupil ? u.criteria[c.id]?.perPupil : u.criteria[c.id]?.amount) ?? 0)}
                </Table.Cell>
              ))}
              <Table.Cell className="num">{nok.format((perPupil ? u.totalPerPupil : u.total) ?? 0)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export default function AllocationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const ac = useAllocationCase(id);
  const [selected, setSelected] = useState<string>('');
  const scenarioId = selected || ac.data?.scenarios.at(-1)?.id;
  const scenario = useScenario(scenarioId);
  const [perPupil, setPerPupil] = useState(false);
  const [against, setAgainst] = useState('');
  const comparison = useComparison(scenarioId, against);
  const comments = useScenarioComments(scenarioId);
  const kase = useCase(ac.data?.caseId ?? '');
  const [frameChange, setFrameChange] = useState<string>('');
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);

  // Live scenarios: the browser recomputes with the same engine as the server.
  const [rateEdits, setRateEdits] = useState<Record<string, string>>({});
  const overrides = useMemo(() => (scenario.data ? overridesFrom(scenario.data.input, rateEdits) : []), [scenario.data, rateEdits]);
  const live = useMemo(() => {
    if (!scenario.data) return null;
    // A bad rate is shown on its own field (below), not as a failed computation.
    if ('invalid' in overrides) return null;
    if (frameChange.trim() === '' && overrides.length === 0) return null;
    try {
      const edited = withOverrides(scenario.data.input, overrides);
      const input = parseAllocationInput(frameChange.trim() === '' ? edited : withFrame(edited, { frameChange: frameChange.replace(/\s/g, '').replace(',', '.') }));
      return { result: allocate(input) };
    } catch (error) {
      return { error: error instanceof AllocationInputError ? error.errors.map((e) => e.message).join(' ') : (error as Error).message };
    }
  }, [scenario.data, frameChange, overrides]);
  const shown = live?.result ?? scenario.data?.result;

  const comment = useAllocationMutation(['scenario', scenarioId, 'comments'], (input: object) => api(`/api/scenarios/${scenarioId}/comments`, { method: 'POST', body: input }));
  const save = useAllocationMutation(['allocation', id], (input: object) => api<{ id: string }>(`/api/allocation-cases/${id}/scenarios`, { method: 'POST', body: input }));
  // The file goes as it is (a raw body), so a workbook of many megabytes is never turned into a string here.
  const importData = useAllocationMutation(['allocation', id], ({ file, name }: { file: File; name: string }) =>
    api<{ units?: number; importId?: string }>(`/api/allocation-cases/${id}/datasets/file?${new URLSearchParams({ filename: file.name, name })}`, { method: 'POST', body: file }),
  );
  const [importErrors, setImportErrors] = useState<{ path: string; message: string }[]>([]);
  const [importId, setImportId] = useState<string | null>(null);
  const importStatus = useImportStatus(importId);
  const importState = importStatus.data?.status;
  useEffect(() => {
    if (importState !== 'done' && importState !== 'failed') return;
    if (importState === 'failed') setImportErrors(importStatus.data?.errors ?? []);
    else {
      void ac.refetch();
      setMessage({ kind: 'success', text: t('allocation.importDoneJob') });
    }
    setImportId(null);
  }, [importState]); // eslint-disable-line react-hooks/exhaustive-deps
  const importProgress = importId !== null ? (importStatus.data?.progress ?? 0) : null;

  async function onComment(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    try {
      await comment.mutateAsync({ text: f.get('text'), unitId: (f.get('unitId') as string) || null });
      form.reset();
      setMessage(null);
    } catch (error) {
      setMessage({ kind: 'danger', text: (error as Error).message });
    }
  }
  async function onSave(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (!scenario.data) return;
    const f = new FormData(e.currentTarget);
    try {
      const r = (await save.mutateAsync({
        name: f.get('name'),
        modelVersionId: scenario.data.modelVersionId,
        datasetId: scenario.data.datasetId,
        // The new scenario is the one on screen: the base scenario's frame, overrides and adjustments,
        // with this person's frame change and rates on top.
        ...(frameChange.trim() === ''
          ? { frame: scenario.data.frame ?? null, frameChange: scenario.data.frameChange }
          : { frame: null, frameChange: Number(frameChange.replace(/\s/g, '').replace(',', '.')) }),
        overrides: [
          ...(scenario.data.overrides ?? []).filter((o) => !(Array.isArray(overrides) && overrides.some((n) => n.criterion === o.criterion && n.stage === o.stage))),
          ...(Array.isArray(overrides) ? overrides : []),
        ],
        adjustments: scenario.data.adjustments ?? [],
      })) as { id: string };
      setSelected(r.id);
      setFrameChange('');
      setRateEdits({});
      setMessage({ kind: 'success', text: t('allocation.saved') });
    } catch (error) {
      setMessage({ kind: 'danger', text: error instanceof ApiError && error.fieldErrors.length ? error.fieldErrors.map((x) => x.message).join(' ') : (error as Error).message });
    }
  }
  async function onImport(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const file = (e.currentTarget.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    if (!file || file.size === 0) return setImportErrors([{ path: 'file', message: t('allocation.importFile') }]);
    try {
      const r = await importData.mutateAsync({ file, name: String(f.get('name') ?? '') });
      setImportErrors([]);
      // A large file is read by the worker: its progress is followed by useImportStatus.
      if (r.importId) return setImportId(r.importId);
      setMessage({ kind: 'success', text: t('allocation.importDone', { count: r.units }) });
    } catch (error) {
      setImportErrors(error instanceof ApiError ? error.fieldErrors : [{ path: 'file', message: (error as Error).message }]);
    }
  }

  const title = ac.data?.title ?? t('allocation.title');
  const flagged = shown?.control?.flagged ?? [];
  return (
    <>
      <PageHeading title={title}>{title}</PageHeading>
      {ac.isPending && <Loading />}
      {ac.error && <LoadError error={ac.error} onRetry={() => void ac.refetch()} />}
      {ac.data && (
        <>
          <Paragraph>{t('allocation.budgetYear', { year: ac.data.budgetYear })}</Paragraph>
          <div className="filters">
            <SelectField
              id="scenario-select"
              name="scenario"
              label={t('allocation.scenario')}
              value={scenarioId ?? ''}
              onChange={(e) => {
                setSelected(e.target.value);
                setFrameChange('');
              }}
              options={ac.data.scenarios.map((s) => ({ value: s.id, label: `${s.name}${s.adopted ? ` (${t('allocation.adopted')})` : ''}` }))}
            />
            <SelectField
              id="compare-select"
              name="against"
              label={t('allocation.compare')}
              value={against}
              onChange={(e) => setAgainst(e.target.value)}
              options={[{ value: '', label: '–' }, ...ac.data.scenarios.filter((s) => s.id !== scenarioId).map((s) => ({ value: s.id, label: s.name })), { value: 'budget', label: t('allocation.compareBudget') }]}
            />
          </div>
          {message && (
            <Alert data-color={message.kind} role={message.kind === 'success' ? 'status' : 'alert'}>
              <Paragraph>{message.text}</Paragraph>
            </Alert>
          )}
          {scenario.isPending && <Loading />}
          {scenario.data && shown && (
            <>
              <Paragraph>
                {scenario.data.adopted && <Tag data-color="success">{t('allocation.adopted')}</Tag>} {t('allocation.frame')}: {nok.format(shown.frame)} kr · {t('allocation.scale')}: {shown.scale.toFixed(6)}
              </Paragraph>
              {flagged.length > 0 && (
                <Alert data-color="warning">
                  <Paragraph>{t('allocation.controlWarning', { units: flagged.join(', ') })}</Paragraph>
                </Alert>
              )}
              <Switch label={t('allocation.showPerPupil')} checked={perPupil} onChange={(e) => setPerPupil(e.target.checked)} />
              <ResultTable result={shown} perPupil={perPupil} caption={`${scenario.data.name}${live?.result ? ' *' : ''}`} />
              <Figure41Chart result={shown} title={t('allocation.chart')} description={t('allocation.chartDescription')} />
              <Paragraph className="row">
                {(['xlsx', 'csv', 'json'] as const).map((f) => (
                  <Link key={f} href={`/api/scenarios/${scenario.data.id}/export/${f}`} download>
                    {`${t('allocation.export')} ${f.toUpperCase()}`}
                  </Link>
                ))}
              </Paragraph>
            </>
          )}
          {comparison.data && (
            <section aria-labelledby="cmp-h">
              <Heading level={2} data-size="sm" id="cmp-h">
                {t('allocation.compare')}
              </Heading>
              <Table>
                <caption className="visually-hidden">{t('allocation.compare')}</caption>
                <Table.Head>
                  <Table.Row>
                    <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
                    <Table.HeaderCell>{scenario.data?.name}</Table.HeaderCell>
                    <Table.HeaderCell>{t('allocation.compare')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('allocation.difference')}</Table.HeaderCell>
                    <Table.HeaderCell>{t('allocation.differencePct')}</Table.HeaderCell>
                  </Table.Row>
                </Table.Head>
                <Table.Body>
                  {comparison.data.units.map((u) => (
                    <Table.Row key={u.unitId}>
                      <Table.HeaderCell scope="row">{u.name}</Table.HeaderCell>
                      <Table.Cell className="num">{nok.format(u.total)}</Table.Cell>
                      <Table.Cell className="num">{u.against === null ? '–' : nok.format(u.against)}</Table.Cell>
                      <Table.Cell className="num">{u.diffNok === null ? '–' : signed.format(u.diffNok)}</Table.Cell>
                      <Table.Cell className="num">{u.diffPct === null ? '–' : `${pct.format(u.diffPct)} %`}</Table.Cell>
                    </Table.Row>
                  ))}
                </Table.Body>
              </Table>
            </section>
          )}
          {scenario.data && (
            <section aria-labelledby="sc-comments-h">
              <Heading level={2} data-size="sm" id="sc-comments-h">
                {t('allocation.comments')}
              </Heading>
              <ul className="comment-list">
                {comments.data?.comments.map((c) => (
                  <li key={c.id} className="comment">
                    <Paragraph data-size="sm">
                      <strong>{c.author.name}</strong>
                      {c.unitId ? ` – ${t('allocation.commentRow', { unit: scenario.data.result.units.find((u) => u.id === c.unitId)?.name ?? c.unitId })}` : ''}
                    </Paragraph>
                    <Paragraph className="prewrap">{c.text}</Paragraph>
                  </li>
                ))}
              </ul>
              {(hasRole(me, 'member') || officer) && (
                <form onSubmit={(e) => void onComment(e)} className="stack narrow" noValidate>
                  <SelectField
                    id="comment-unit"
                    name="unitId"
                    label={t('allocation.commentUnit')}
                    options={[{ value: '', label: t('allocation.commentScenario') }, ...scenario.data.result.units.map((u) => ({ value: u.id, label: u.name }))]}
                  />
                  <Textfield id="scenario-comment" name="text" multiline rows={3} label={t('cases.commentLabel')} />
                  <div>
                    <Button type="submit" loading={comment.isPending}>
                      {t('allocation.addComment')}
                    </Button>
                  </div>
                </form>
              )}
            </section>
          )}
          {scenario.data && (
            <section aria-labelledby="editor-h" className="panel narrow">
              <Heading level={2} data-size="sm" id="editor-h">
                {t('allocation.editor')}
              </Heading>
              <Paragraph data-size="sm">{t('allocation.editorHelp')}</Paragraph>
              {scenario.data.adopted && (
                <Alert data-color="info">
                  <Paragraph>{t('allocation.locked')}</Paragraph>
                </Alert>
              )}
              <Textfield id="frame-change" inputMode="numeric" label={t('allocation.frameChange')} value={frameChange} onChange={(e) => setFrameChange(e.target.value)} error={live?.error} />
              <Details>
                <Details.Summary>{t('allocation.editRates')}</Details.Summary>
                <Details.Content>
                  {scenario.data.input.criteria.map((c) => (
                    <Fieldset key={c.id}>
                      <Fieldset.Legend>{c.label}</Fieldset.Legend>
                      <div className="row">
                        {(Object.entries(c.rate) as [string, Parameters<typeof rateValue>[0]][]).map(([stage, rate]) => {
                          const current = rateValue(rate);
                          const key = `${c.id}:${stage}`;
                          return (
                            <Textfield
                              key={key}
                              id={`rate-${c.id}-${stage}`}
                              inputMode="decimal"
                              label={t('allocation.rateLabel', { stage: t(`allocation.stage.${stage}`), unit: t(`allocation.rateUnit.${current.unit}`) })}
                              value={rateEdits[key] ?? String(current.value).replace('.', ',')}
                              onChange={(e) => setRateEdits((prev) => ({ ...prev, [key]: e.target.value }))}
                              error={'invalid' in overrides && overrides.invalid.key === key ? t('allocation.invalidRate', overrides.invalid) : undefined}
                            />
                          );
                        })}
                      </div>
                    </Fieldset>
                  ))}
                </Details.Content>
              </Details>
              {officer && live?.result && (
                <form onSubmit={(e) => void onSave(e)} className="stack" noValidate>
                  <Textfield id="scenario-name" name="name" label={t('allocation.newScenarioName')} />
                  <div>
                    <Button type="submit" loading={save.isPending}>
                      {t('allocation.saveScenario')}
                    </Button>
                  </div>
                </form>
              )}
            </section>
          )}
          {officer && ac.data.modelVersions.length > 0 && ac.data.datasets.length > 0 && <NewScenarioForm ac={ac.data} onCreated={(sid) => setSelected(sid)} />}
          {officer && scenario.data && !scenario.data.adopted && !ac.data.adoptedScenarioId && (
            <AdoptForm scenarioId={scenario.data.id} allocationId={ac.data.id} decisions={kase.data?.decisions ?? []} />
          )}
          {officer && (
            <section aria-labelledby="import-h" className="panel narrow">
              <Heading level={2} data-size="sm" id="import-h">
                {t('allocation.import')}
              </Heading>
              <Paragraph>
                <Link href="/api/allocation-template.xlsx" download>
                  {t('allocation.template')}
                </Link>
              </Paragraph>
              {importErrors.length > 0 && (
                <Alert data-color="danger" role="alert">
                  <ul>
                    {importErrors.map((e, i) => (
                      <li key={i}>{`${e.path}: ${e.message}`}</li>
                    ))}
                  </ul>
                </Alert>
              )}
              {importProgress !== null && (
                <div role="status" aria-live="polite">
                  <progress max={100} value={importProgress} aria-label={t('allocation.importProgress')} /> {importProgress} %
                </div>
              )}
              <form onSubmit={(e) => void onImport(e)} className="stack" noValidate>
                <Textfield id="import-name" name="name" label={t('allocation.importName')} />
                <div className="ds-field">
                  <label className="ds-label" htmlFor="import-file">
                    {t('allocation.importFile')}
                  </label>
                  <input id="import-file" name="file" type="file" accept=".csv,.xlsx,.json" className="ds-input" />
                </div>
                <div>
                  <Button type="submit" loading={importData.isPending}>
                    {t('allocation.importSubmit')}
                  </Button>
                </div>
              </form>
            </section>
          )}
        </>
      )}
    </>
  );
}
