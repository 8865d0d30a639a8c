import { Alert, Heading, Link, Paragraph, Switch, Tag } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { explainAllocation, parseAllocationInput } from '@samrad/shared/engine';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LoadError, Loading } from '../../components/PageState.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SelectField } from '../../components/SelectField.js';
import { hasRole, useMe } from '../../features/auth/api.js';
import { AdjustmentsEditor } from '../../features/allocation/AdjustmentsEditor.js';
import { useAllocationCase, useComparison, useDataset, useScenario } from '../../features/allocation/api.js';
import { ComparisonSection } from '../../features/allocation/ComparisonSection.js';
import { ControlSection } from '../../features/allocation/ControlSection.js';
import { Figure41Chart } from '../../features/allocation/Figure41Chart.js';
import { nok } from '../../features/allocation/format.js';
import { ImportPanel } from '../../features/allocation/ImportPanel.js';
import { MainScenarioControl } from '../../features/allocation/MainScenarioControl.js';
import { ReportTables } from '../../features/allocation/ReportTables.js';
import { useLiveScenario } from '../../features/allocation/liveScenario.js';
import { ModelVersionsSection } from '../../features/allocation/ModelVersionsSection.js';
import { ResultTable } from '../../features/allocation/ResultTable.js';
import { RevisionPanel } from '../../features/allocation/RevisionPanel.js';
import { ScenarioComments } from '../../features/allocation/ScenarioComments.js';
import { ScenarioEditor } from '../../features/allocation/ScenarioEditor.js';
import { AdoptForm, NewScenarioForm } from '../../features/allocation/ScenarioForms.js';
import { ScenarioSettings } from '../../features/allocation/ScenarioSettings.js';
import { SweepPanel } from '../../features/allocation/SweepPanel.js';
import { useCase } from '../../features/cases/api.js';
import type { UnitInput } from '@samrad/shared/engine';

/**
 * «Fordeling»: one allocation case. It opens on the case's main scenario (chosen by an officer, else the
 * adopted one; the first when neither), and the chosen one
 * is kept in the URL (`?scenario=`); its result, comparison, comments, live editor, settings,
 * adjustments, revision and sweeps; the model versions; import and adoption.
 */
export default function AllocationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { data: me } = useMe();
  const officer = hasRole(me, 'case_officer');
  const ac = useAllocationCase(id);
  const scenarios = ac.data?.scenarios ?? [];
  const asked = search.get('scenario');
  const scenarioId =
    (asked && scenarios.some((s) => s.id === asked) ? asked : undefined) ??
    scenarios.find((s) => s.id === ac.data?.mainScenarioId)?.id ??
    scenarios[0]?.id;
  const setSelected = (sid: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('scenario', sid);
        next.delete('against');
        return next;
      },
      { replace: true },
    );
  const scenario = useScenario(scenarioId);
  const [perPupil, setPerPupil] = useState(false);
  // «Budget» and «last year» are offered only when the scenario has them.
  const hasBudget = scenario.data?.result.units.some((u) => u.againstBudget !== null) ?? false;
  const hasLastYear = scenario.data?.result.units.some((u) => u.againstLastYear !== null) ?? false;
  const againstOptions = [
    ...scenarios.filter((s) => s.id !== scenarioId).map((s) => ({ value: s.id, label: s.name })),
    ...(hasBudget ? [{ value: 'budget', label: t('allocation.compareBudget') }] : []),
    ...(hasLastYear ? [{ value: 'lastYear', label: t('allocation.compareLastYear') }] : []),
  ];
  const askedAgainst = search.get('against') ?? '';
  const against = againstOptions.some((o) => o.value === askedAgainst) ? askedAgainst : '';
  const againstName = againstOptions.find((o) => o.value === against)?.label ?? '';
  const comparison = useComparison(scenarioId, against);
  const kase = useCase(ac.data?.caseId ?? '');
  const [message, setMessage] = useState<{ kind: 'success' | 'danger'; text: string } | null>(null);
  // Live scenarios: the browser recomputes with the same engine as the server.
  const edit = useLiveScenario(scenario.data);
  const live = edit.live;
  const shown = live?.result ?? scenario.data?.result;
  // The model editor previews with the scenario on screen, or (before any scenario) with the newest dataset.
  const previewDataset = useDataset(scenarios.length === 0 ? ac.data?.datasets.at(-1)?.id : undefined);
  const preview = scenario.data
    ? { name: scenario.data.name, units: scenario.data.input.units }
    : previewDataset.data
      ? { name: previewDataset.data.name, units: previewDataset.data.units as UnitInput[] }
      : null;
  // Every amount explains itself: the same engine, on the input the shown result came from.
  const explainInput = live?.input ?? scenario.data?.input;
  const explain = useMemo(() => {
    if (!explainInput) return undefined;
    try {
      return explainAllocation(parseAllocationInput(explainInput)).explain;
    } catch {
      return undefined;
    }
  }, [explainInput]);
  const reload = () => {
    void ac.refetch();
    void scenario.refetch();
  };

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
            {scenarios.length > 0 && (
              <SelectField
                id="scenario-select"
                name="scenario"
                label={t('allocation.scenario')}
                value={scenarioId ?? ''}
                onChange={(e) => {
                  setSelected(e.target.value);
                  edit.setFrameChange('');
                }}
                options={scenarios.map((s) => ({
                  value: s.id,
                  label: `${s.name}${s.adopted ? ` (${t('allocation.adopted')})` : ''}${s.id === ac.data.mainScenarioId ? ` (${t('allocation.main.option')})` : ''}`,
                }))}
              />
            )}
            {againstOptions.length > 0 && (
              <SelectField
                id="compare-select"
                name="against"
                label={t('allocation.compare')}
                value={against}
                onChange={(e) =>
                  setSearch(
                    (prev) => {
                      const next = new URLSearchParams(prev);
                      if (e.target.value) next.set('against', e.target.value);
                      else next.delete('against');
                      return next;
                    },
                    { replace: true },
                  )
                }
                options={[{ value: '', label: t('allocation.compareNone') }, ...againstOptions]}
              />
            )}
          </div>
          {scenarios.length === 0 && <Paragraph>{t('allocation.noScenarios')}</Paragraph>}
          {message && (
            <Alert data-color={message.kind} role={message.kind === 'success' ? 'status' : 'alert'}>
              <Paragraph>{message.text}</Paragraph>
            </Alert>
          )}
          {scenario.isLoading && <Loading />}
          {scenario.data && shown && (
            <>
              <div className="row">
                <MainScenarioControl
                  allocationId={id}
                  mainScenarioId={ac.data.mainScenarioId}
                  scenario={scenario.data}
                  canChoose={officer}
                />
              </div>
              <Paragraph>
                {scenario.data.adopted && <Tag data-color="success">{t('allocation.adopted')}</Tag>} {t('allocation.frame')}:{' '}
                {nok.format(shown.frame)} kr · {t('allocation.scale')}: {shown.scale.toFixed(6)}
              </Paragraph>
              {flagged.length > 0 && (
                <Alert data-color="warning">
                  <Paragraph>
                    {t('allocation.controlWarning', {
                      units: flagged.map((u) => shown.units.find((x) => x.id === u)?.name ?? u).join(', '),
                    })}
                  </Paragraph>
                </Alert>
              )}
              <Heading level={2} data-size="sm">
                {t('allocation.report.perUnit')}
              </Heading>
              <Switch label={t('allocation.showPerPupil')} checked={perPupil} onChange={(e) => setPerPupil(e.target.checked)} />
              <ResultTable
                result={shown}
                perPupil={perPupil}
                caption={`${scenario.data.name}${live?.result ? ' *' : ''}`}
                explain={explain}
              />
              <Figure41Chart
                result={shown}
                title={t('allocation.chart')}
                description={t('allocation.chartDescription')}
                axisLabel={t('allocation.chartAxis')}
              />
              <ReportTables
                input={live?.input ?? scenario.data.input}
                result={shown}
                scenarioName={`${scenario.data.name}${live?.result ? ' *' : ''}`}
              />
              <ControlSection result={shown} />
              <Paragraph className="row">
                {(['xlsx', 'csv', 'json'] as const).map((f) => (
                  <Link key={f} href={`/api/scenarios/${scenario.data.id}/export/${f}`} download>
                    {`${t('allocation.export')} ${f.toUpperCase()}`}
                  </Link>
                ))}
              </Paragraph>
            </>
          )}
          {comparison.data && scenario.data && (
            <ComparisonSection
              units={comparison.data.units}
              totals={comparison.data.totals}
              scenarioName={scenario.data.name}
              againstName={againstName}
            />
          )}
          {scenario.data && <AdjustmentsEditor allocationId={id} scenario={scenario.data} canEdit={officer} onReload={reload} />}
          {scenario.data && (
            <ScenarioComments
              scenario={scenario.data}
              canComment={hasRole(me, 'member') || officer}
              onError={(text) => setMessage(text === null ? null : { kind: 'danger', text })}
            />
          )}
          {scenario.data && (
            <ScenarioEditor
              allocationId={id}
              scenario={scenario.data}
              edit={edit}
              canSave={officer}
              onSaved={setSelected}
              onMessage={setMessage}
              onReload={reload}
            />
          )}
          {officer && scenario.data && !scenario.data.adopted && (
            <ScenarioSettings allocationId={id} scenario={scenario.data} onReload={reload} onSaved={() => setMessage(null)} />
          )}
          {officer && scenario.data?.adopted && <RevisionPanel ac={ac.data} scenario={scenario.data} onOpen={setSelected} />}
          {officer && scenario.data && <SweepPanel scenario={scenario.data} />}
          {officer && ac.data.modelVersions.length > 0 && ac.data.datasets.length > 0 && (
            <NewScenarioForm ac={ac.data} onCreated={(sid) => setSelected(sid)} />
          )}
          {officer && scenario.data && !scenario.data.adopted && !ac.data.adoptedScenarioId && (
            <AdoptForm scenarioId={scenario.data.id} allocationId={ac.data.id} decisions={kase.data?.decisions ?? []} />
          )}
          <ModelVersionsSection
            ac={ac.data}
            canEdit={officer}
            preview={preview}
            previewLoading={scenario.isLoading || previewDataset.isLoading}
          />
          {officer && (
            <ImportPanel
              allocationId={id}
              budgetYear={ac.data.budgetYear}
              onDone={(text) => {
                void ac.refetch();
                setMessage({ kind: 'success', text });
              }}
            />
          )}
        </>
      )}
    </>
  );
}
