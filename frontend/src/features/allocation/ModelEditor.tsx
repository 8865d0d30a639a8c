import { Alert, Button, Checkbox, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createModelVersionSchema, parseWith, type Answer } from '@samrad/shared/contracts';
import { allocate, INPUT_FORMAT, rateInNok, rateSchema, validateAllocationInput, type Stage, type UnitInput } from '@samrad/shared/engine';
import { FormErrorSummary } from '../../components/FormErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { api } from '../../lib/api.js';
import { keys } from '../../lib/query-keys.js';
import { useFormErrors } from '../../lib/useContractForm.js';
import { useAllocationMutation } from './api.js';
import { nok } from './format.js';
import {
  BUILT_IN_DRIVERS,
  modelOf,
  newKey,
  normalisePath,
  POT_KEYS,
  shapeProblems,
  STAGES,
  type CriterionDraft,
  type ModelDraft,
  type PotDraft,
  type RateDraft,
} from './modelDraft.js';
import { ControlRulesEditor } from './ControlRulesEditor.js';
import { ControlSection } from './ControlSection.js';
import { ResultTable } from './ResultTable.js';

/** The id of the field a problem's path names (`criteria.0.label` → `me-criteria-0-label`). */
const fieldId = (path: string) => `me-${path.replace(/\./g, '-')}`;

/** Waits until the value has stood still for `ms` (the live preview follows typing without running on every key). */
function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/**
 * The model editor: stages, hour costs and teaching weeks, criteria with their driver and a rate per
 * stage (in kroner, weekly hours × weeks × hour cost × (1 + uplift), or annual hours × hour cost), custom
 * drivers and pots with distribution keys. Each field shows the schema's Norwegian message; a live
 * preview runs the shared engine in the browser on the units of `preview`. Saved as a new model version.
 * `readOnly` (an adopted version) shows it without saving.
 */
export function ModelEditor({
  allocationId,
  initial,
  initialLabel,
  readOnly,
  adopted = false,
  preview,
  previewLoading = false,
  onSaved,
  onCancel,
  onCopy,
}: {
  allocationId: string;
  initial: ModelDraft;
  initialLabel: string;
  readOnly: boolean;
  adopted?: boolean;
  /** Starts a new version from this one (offered on a read-only version to those who may write). */
  onCopy?: () => void;
  preview: { name: string; units: UnitInput[] } | null;
  /** The preview's units are on their way (no «import a dataset» meanwhile). */
  previewLoading?: boolean;
  onSaved: (version: { id: string; number: number }) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(initial);
  const [label, setLabel] = useState(initialLabel);
  const [labelError, setLabelError] = useState<string | undefined>();
  const model = useMemo(() => modelOf(draft), [draft]);
  const settled = useDebounced(model, 300);
  const save = useAllocationMutation(keys.allocation.detail(allocationId), (input: { label: string; model: Record<string, unknown> }) =>
    api<Answer<'POST /api/allocation-cases/:id/model-versions'>>(`/api/allocation-cases/${allocationId}/model-versions`, {
      method: 'POST',
      body: input,
    }),
  );

  // The shape's problems as you type; the problems that need the units (drivers, keys summing to 100 %,
  // hour costs for hours) from the engine's own check in the preview.
  const live = useMemo(() => {
    const shape = shapeProblems(settled);
    if (!preview) return { problems: shape, result: null };
    if (shape.length) return { problems: shape, result: null };
    const check = validateAllocationInput({ ...settled, format: INPUT_FORMAT, units: preview.units });
    // Problems of the units themselves (a missing count) belong to the dataset, not to the model's fields.
    if (!check.ok)
      return {
        problems: check.errors.filter((e) => !e.path.startsWith('units')),
        dataProblems: check.errors.filter((e) => e.path.startsWith('units')),
        result: null,
      };
    try {
      return { problems: [], result: allocate(check.input) };
    } catch (error) {
      return { problems: [{ path: 'criteria', message: (error as Error).message }], result: null };
    }
  }, [settled, preview]);
  // The server's problems name `model.criteria.0.label`; the editor's fields are named without `model.`.
  const form = useFormErrors({ fieldIds: { label: 'me-label', model: 'me-label' }, fallbackPath: 'label' });
  const [summary, setSummary] = useState<{ path: string; message: string }[]>([]);
  const serverErrors = form.errors.map((e) => ({ path: normalisePath(e.path), message: e.message }));
  useEffect(() => {
    if (form.errors.length) setSummary(form.errors.map((e) => ({ path: normalisePath(e.path), message: e.message })));
  }, [form.errors]);
  const err = (path: string) =>
    live.problems.find((p) => normalisePath(p.path) === path)?.message ?? serverErrors.find((e) => e.path === path)?.message;

  const set = (patch: Partial<ModelDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const setCriterion = (key: number, patch: Partial<CriterionDraft>) =>
    setDraft((d) => ({ ...d, criteria: d.criteria.map((c) => (c.key === key ? { ...c, ...patch } : c)) }));
  const setRate = (c: CriterionDraft, stage: Stage, patch: Partial<RateDraft>) =>
    setCriterion(c.key, { rates: { ...c.rates, [stage]: { ...(c.rates[stage] ?? { kind: 'nok', value: '', uplift: '' }), ...patch } } });
  const setPot = (key: number, patch: Partial<PotDraft>) =>
    setDraft((d) => ({ ...d, pots: d.pots.map((p) => (p.key === key ? { ...p, ...patch } : p)) }));

  const drivers = [
    ...BUILT_IN_DRIVERS.map((id) => ({ value: id, label: t(`allocation.model.drivers.${id}`) })),
    ...draft.customDrivers.filter((d) => d.id.trim() !== '').map((d) => ({ value: d.id, label: d.label || d.id })),
  ];
  /** An hours rate in kroner (hours × weeks × hour cost × (1 + uplift), or annual hours × hour cost), when it can be read. */
  const nokRate = (r: RateDraft | undefined, stage: Stage) => {
    if (!r || r.kind === 'nok') return null;
    const built = modelOf({
      ...draft,
      criteria: [{ key: 0, id: 'x', label: 'x', driver: 'unit', rates: { [stage]: r } }],
      pots: [],
      customDrivers: [],
    });
    const rate = rateSchema.safeParse((built.criteria as { rate: Record<string, unknown> }[])[0]?.rate[stage]);
    const weeks = built.teachingWeeks;
    const cost = (built.hourCost as Record<string, unknown>)[stage];
    if (!rate.success || typeof weeks !== 'number' || typeof cost !== 'number') return null;
    return nok.format(rateInNok(rate.data, stage, { teachingWeeks: weeks, hourCost: { [stage]: cost } }).toNumber());
  };

  async function onSubmit(e: React.FormEvent) {
    e.preventDefault();
    // Checked now, not after the preview's pause: the label by the request contract, the model by its schema and the engine.
    const parsed = parseWith(createModelVersionSchema, { label, model });
    const labelProblems = parsed.ok ? [] : parsed.errors.filter((e) => e.path === 'label');
    const modelProblems = shapeProblems(model);
    const problems = [...labelProblems, ...(modelProblems.length ? modelProblems : live.problems)].map((p) => ({
      path: normalisePath(p.path),
      message: p.message,
    }));
    setLabelError(labelProblems[0]?.message);
    setSummary(problems);
    if (problems.length) return;
    await form.run(async () => onSaved(await save.mutateAsync({ label, model })));
  }

  const removeButton = (text: string, onClick: () => void) => (
    <Button type="button" variant="tertiary" data-size="sm" onClick={onClick}>
      {text}
    </Button>
  );

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate className="stack" aria-labelledby="model-editor-h">
      <Heading level={3} data-size="xs" id="model-editor-h">
        {readOnly ? t('allocation.model.viewTitle') : t('allocation.model.editTitle')}
      </Heading>
      {readOnly && (
        <Alert data-color="info">
          <Paragraph>{adopted ? t('allocation.model.adoptedReadOnly') : t('allocation.model.readOnly')}</Paragraph>
          {onCopy && (
            <Button type="button" variant="secondary" data-size="sm" onClick={onCopy}>
              {t('allocation.model.copyThis')}
            </Button>
          )}
        </Alert>
      )}
      <FormErrorSummary errors={summary} fieldIds={Object.fromEntries(summary.map((p) => [p.path, fieldId(p.path)]))} />
      <fieldset disabled={readOnly} className="stack plain-fieldset">
        <Textfield
          id="me-label"
          label={t('allocation.model.label')}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          error={labelError ?? err('label')}
        />
        <Fieldset>
          <Fieldset.Legend>{t('allocation.model.stages')}</Fieldset.Legend>
          {STAGES.map((s) => (
            <Checkbox
              key={s}
              label={t(`allocation.stage.${s}`)}
              value={s}
              checked={draft.stages.includes(s)}
              onChange={(e) =>
                set({
                  stages: e.target.checked
                    ? STAGES.filter((x) => x === s || draft.stages.includes(x))
                    : draft.stages.filter((x) => x !== s),
                })
              }
            />
          ))}
        </Fieldset>
        <div className="row">
          <Textfield
            id={fieldId('teachingWeeks')}
            inputMode="decimal"
            label={t('allocation.model.teachingWeeks')}
            value={draft.teachingWeeks}
            onChange={(e) => set({ teachingWeeks: e.target.value })}
            error={err('teachingWeeks')}
          />
          {draft.stages.map((s) => (
            <Textfield
              key={s}
              id={fieldId(`hourCost.${s}`)}
              inputMode="decimal"
              label={t('allocation.model.hourCost', { stage: t(`allocation.stage.${s}`) })}
              value={draft.hourCost[s]}
              onChange={(e) => set({ hourCost: { ...draft.hourCost, [s]: e.target.value } })}
              error={err(`hourCost.${s}`)}
            />
          ))}
        </div>
        <Fieldset>
          <Fieldset.Legend>{t('allocation.model.countWeights')}</Fieldset.Legend>
          <Fieldset.Description>{t('allocation.model.countWeightsHelp')}</Fieldset.Description>
          <div className="row">
            {([0, 1] as const).map((y) => (
              <Textfield
                key={y}
                id={fieldId(`countWeights.${y}`)}
                inputMode="decimal"
                label={t(y === 0 ? 'allocation.model.countWeightSpring' : 'allocation.model.countWeightAutumn')}
                value={draft.countWeights[y]}
                onChange={(e) =>
                  set({ countWeights: y === 0 ? [e.target.value, draft.countWeights[1]] : [draft.countWeights[0], e.target.value] })
                }
                error={err(`countWeights.${y}`) ?? (y === 0 ? err('countWeights') : undefined)}
              />
            ))}
          </div>
        </Fieldset>

        <Heading level={4} data-size="2xs">
          {t('allocation.model.criteria')}
        </Heading>
        {draft.criteria.map((c, i) => (
          <Fieldset key={c.key} className="panel">
            <Fieldset.Legend>{t('allocation.model.criterionN', { n: i + 1, label: c.label })}</Fieldset.Legend>
            <div className="row">
              <Textfield
                id={fieldId(`criteria.${i}.label`)}
                label={t('allocation.model.criterionLabel')}
                value={c.label}
                onChange={(e) => setCriterion(c.key, { label: e.target.value })}
                error={err(`criteria.${i}.label`)}
              />
              <Textfield
                id={fieldId(`criteria.${i}.id`)}
                label={t('allocation.model.criterionId')}
                value={c.id}
                onChange={(e) => setCriterion(c.key, { id: e.target.value })}
                error={err(`criteria.${i}.id`)}
              />
              <SelectField
                id={fieldId(`criteria.${i}.driver`)}
                name={`driver-${i}`}
                label={t('allocation.model.driver')}
                value={c.driver}
                onChange={(e) => setCriterion(c.key, { driver: e.target.value })}
                options={[{ value: '', label: '–' }, ...drivers]}
                error={err(`criteria.${i}.driver`)}
              />
            </div>
            {draft.stages.map((s) => {
              const r = c.rates[s];
              const computed = nokRate(r, s);
              return (
                <div className="row" key={s}>
                  <SelectField
                    id={fieldId(`criteria.${i}.rate.${s}.kind`)}
                    name={`kind-${i}-${s}`}
                    label={t('allocation.model.rateKind', { stage: t(`allocation.stage.${s}`) })}
                    value={r?.kind ?? 'nok'}
                    onChange={(e) => setRate(c, s, { kind: e.target.value as RateDraft['kind'] })}
                    options={(['nok', 'weeklyHours', 'annualHours'] as const).map((k) => ({
                      value: k,
                      label: t(`allocation.model.rateKinds.${k}`),
                    }))}
                  />
                  <Textfield
                    id={fieldId(`criteria.${i}.rate.${s}`)}
                    inputMode="decimal"
                    label={t('allocation.model.rateValue', { stage: t(`allocation.stage.${s}`) })}
                    value={r?.value ?? ''}
                    onChange={(e) => setRate(c, s, { value: e.target.value })}
                    error={
                      err(`criteria.${i}.rate.${s}`) ??
                      err(`criteria.${i}.rate.${s}.nok`) ??
                      err(`criteria.${i}.rate.${s}.weeklyHours`) ??
                      err(`criteria.${i}.rate.${s}.annualHours`)
                    }
                  />
                  {r?.kind === 'weeklyHours' && (
                    <Textfield
                      id={fieldId(`criteria.${i}.rate.${s}.uplift`)}
                      inputMode="decimal"
                      label={t('allocation.model.uplift', { stage: t(`allocation.stage.${s}`) })}
                      value={r.uplift}
                      onChange={(e) => setRate(c, s, { uplift: e.target.value })}
                      error={err(`criteria.${i}.rate.${s}.uplift`)}
                    />
                  )}
                  {computed !== null && <Paragraph data-size="sm">{t('allocation.model.rateInNok', { amount: computed })}</Paragraph>}
                </div>
              );
            })}
            {!readOnly &&
              removeButton(t('allocation.model.removeCriterion', { n: i + 1 }), () =>
                set({ criteria: draft.criteria.filter((x) => x.key !== c.key) }),
              )}
          </Fieldset>
        ))}
        {!readOnly && (
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                set({
                  criteria: [
                    ...draft.criteria,
                    { key: newKey(), id: `kriterium${draft.criteria.length + 1}`, label: '', driver: 'pupils', rates: {} },
                  ],
                })
              }
            >
              {t('allocation.model.addCriterion')}
            </Button>
          </div>
        )}

        <Heading level={4} data-size="2xs">
          {t('allocation.model.customDrivers')}
        </Heading>
        <Paragraph data-size="sm">{t('allocation.model.customDriversHelp')}</Paragraph>
        {draft.customDrivers.map((d, i) => (
          <div className="row" key={d.key}>
            <Textfield
              id={fieldId(`customDrivers.${i}.id`)}
              label={t('allocation.model.customDriverId', { n: i + 1 })}
              value={d.id}
              onChange={(e) => set({ customDrivers: draft.customDrivers.map((x) => (x.key === d.key ? { ...x, id: e.target.value } : x)) })}
              error={err(`customDrivers.${i}.id`)}
            />
            <Textfield
              id={fieldId(`customDrivers.${i}.label`)}
              label={t('allocation.model.customDriverLabel', { n: i + 1 })}
              value={d.label}
              onChange={(e) =>
                set({ customDrivers: draft.customDrivers.map((x) => (x.key === d.key ? { ...x, label: e.target.value } : x)) })
              }
              error={err(`customDrivers.${i}.label`)}
            />
            {!readOnly &&
              removeButton(t('allocation.model.removeCustomDriver', { n: i + 1 }), () =>
                set({ customDrivers: draft.customDrivers.filter((x) => x.key !== d.key) }),
              )}
          </div>
        ))}
        {!readOnly && (
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() => set({ customDrivers: [...draft.customDrivers, { key: newKey(), id: '', label: '' }] })}
            >
              {t('allocation.model.addCustomDriver')}
            </Button>
          </div>
        )}

        <Heading level={4} data-size="2xs">
          {t('allocation.model.pots')}
        </Heading>
        <Paragraph data-size="sm">{t('allocation.model.potsHelp')}</Paragraph>
        {draft.pots.map((p, i) => (
          <Fieldset key={p.key} className="panel">
            <Fieldset.Legend>{t('allocation.model.potN', { n: i + 1, label: p.label })}</Fieldset.Legend>
            <div className="row">
              <Textfield
                id={fieldId(`pots.${i}.label`)}
                label={t('allocation.model.potLabel')}
                value={p.label}
                onChange={(e) => setPot(p.key, { label: e.target.value })}
                error={err(`pots.${i}.label`)}
              />
              <Textfield
                id={fieldId(`pots.${i}.id`)}
                label={t('allocation.model.potId')}
                value={p.id}
                onChange={(e) => setPot(p.key, { id: e.target.value })}
                error={err(`pots.${i}.id`)}
              />
              <Textfield
                id={fieldId(`pots.${i}.amount`)}
                inputMode="decimal"
                label={t('allocation.model.potAmount')}
                value={p.amount}
                onChange={(e) => setPot(p.key, { amount: e.target.value })}
                error={err(`pots.${i}.amount`)}
              />
            </div>
            <div className="row">
              {POT_KEYS.map((k) => (
                <Textfield
                  key={k}
                  id={k === 'fte' ? fieldId(`pots.${i}.keys`) : fieldId(`pots.${i}.keys.${k}`)}
                  inputMode="decimal"
                  label={t(`allocation.model.potKeys.${k}`)}
                  value={p.keys[k]}
                  onChange={(e) => setPot(p.key, { keys: { ...p.keys, [k]: e.target.value } })}
                  error={k === 'fte' ? (err(`pots.${i}.keys`) ?? err(`pots.${i}.keys.fte`)) : err(`pots.${i}.keys.${k}`)}
                />
              ))}
            </div>
            {!readOnly &&
              removeButton(t('allocation.model.removePot', { n: i + 1 }), () => set({ pots: draft.pots.filter((x) => x.key !== p.key) }))}
          </Fieldset>
        ))}
        {!readOnly && (
          <div>
            <Button
              type="button"
              variant="secondary"
              onClick={() =>
                set({
                  pots: [
                    ...draft.pots,
                    { key: newKey(), id: `pott${draft.pots.length + 1}`, label: '', amount: '', keys: { fte: '', unit: '', pupils: '' } },
                  ],
                })
              }
            >
              {t('allocation.model.addPot')}
            </Button>
          </div>
        )}

        <ControlRulesEditor draft={draft} setDraft={setDraft} drivers={drivers} readOnly={readOnly} err={err} fieldId={fieldId} />
      </fieldset>

      <section aria-labelledby="model-preview-h" className="stack">
        <Heading level={4} data-size="2xs" id="model-preview-h">
          {t('allocation.model.preview')}
        </Heading>
        {!preview && (
          <Paragraph data-size="sm">
            {t(previewLoading ? 'allocation.model.previewLoading' : 'allocation.model.previewNeedsData')}
          </Paragraph>
        )}
        {preview && live.problems.length > 0 && (
          <Paragraph data-size="sm" role="status">
            {t('allocation.model.previewProblems', { count: live.problems.length })}
          </Paragraph>
        )}
        {preview && 'dataProblems' in live && live.dataProblems && live.dataProblems.length > 0 && (
          <ul>
            {live.dataProblems.map((p) => (
              <li key={`${p.path}:${p.message}`}>{p.message}</li>
            ))}
          </ul>
        )}
        {preview && live.result && (
          <ResultTable result={live.result} perPupil={false} caption={t('allocation.model.previewCaption', { name: preview.name })} />
        )}
        {preview && live.result && <ControlSection result={live.result} headingLevel={5} />}
      </section>

      <div className="row">
        {!readOnly && (
          <Button type="submit" loading={form.pending}>
            {t('allocation.model.save')}
          </Button>
        )}
        <Button type="button" variant="tertiary" onClick={onCancel}>
          {t('allocation.model.close')}
        </Button>
      </div>
    </form>
  );
}
