import { Button, Fieldset, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { Stage } from '@samrad/shared/engine';
import { SelectField } from '../../components/SelectField.js';
import { newKey, type ControlRuleDraft, type ModelDraft, type RateDraft } from './modelDraft.js';

/**
 * The model editor's control rules (kontrollregler): per purpose, the hours required per driver unit and
 * stage — weekly hours (× teaching weeks), annual hours, or kroner (÷ the hour cost). Each field shows
 * the schema's Norwegian message (`err` by the problem's path); the live preview shows the control calculation.
 */
export function ControlRulesEditor({
  draft,
  setDraft,
  drivers,
  readOnly,
  err,
  fieldId,
}: {
  draft: ModelDraft;
  setDraft: (update: (d: ModelDraft) => ModelDraft) => void;
  drivers: { value: string; label: string }[];
  readOnly: boolean;
  err: (path: string) => string | undefined;
  fieldId: (path: string) => string;
}) {
  const { t } = useTranslation();
  const setRule = (key: number, patch: Partial<ControlRuleDraft>) =>
    setDraft((d) => ({ ...d, controlRules: d.controlRules.map((r) => (r.key === key ? { ...r, ...patch } : r)) }));
  const setHours = (r: ControlRuleDraft, stage: Stage, patch: Partial<RateDraft>) =>
    setRule(r.key, { hours: { ...r.hours, [stage]: { ...(r.hours[stage] ?? { kind: 'weeklyHours', value: '', uplift: '' }), ...patch } } });
  const given = Object.keys((draft.controlRest.requiredHours as Record<string, unknown> | undefined) ?? {}).length;
  return (
    <>
      <Heading level={4} data-size="2xs">
        {t('allocation.model.control')}
      </Heading>
      <Paragraph data-size="sm">{t('allocation.model.controlHelp')}</Paragraph>
      {given > 0 && <Paragraph data-size="sm">{t('allocation.model.controlGiven', { count: given })}</Paragraph>}
      {draft.controlRules.map((r, i) => (
        <Fieldset key={r.key} className="panel">
          <Fieldset.Legend>{t('allocation.model.ruleN', { n: i + 1, label: r.label })}</Fieldset.Legend>
          <div className="row">
            <Textfield
              id={fieldId(`control.rules.${i}.label`)}
              label={t('allocation.model.rulePurpose')}
              value={r.label}
              onChange={(e) => setRule(r.key, { label: e.target.value })}
              error={err(`control.rules.${i}.label`)}
            />
            <Textfield
              id={fieldId(`control.rules.${i}.purpose`)}
              label={t('allocation.model.rulePurposeId')}
              value={r.purpose}
              onChange={(e) => setRule(r.key, { purpose: e.target.value })}
              error={err(`control.rules.${i}.purpose`)}
            />
            <SelectField
              id={fieldId(`control.rules.${i}.driver`)}
              name={`rule-driver-${i}`}
              label={t('allocation.model.ruleDriver')}
              value={r.driver}
              onChange={(e) => setRule(r.key, { driver: e.target.value })}
              options={[{ value: '', label: '–' }, ...drivers]}
              error={err(`control.rules.${i}.driver`)}
            />
          </div>
          {draft.stages.map((s) => {
            const h = r.hours[s];
            const path = `control.rules.${i}.hours.${s}`;
            return (
              <div className="row" key={s}>
                <SelectField
                  id={fieldId(`${path}.kind`)}
                  name={`rule-kind-${i}-${s}`}
                  label={t('allocation.model.ruleKind', { stage: t(`allocation.stage.${s}`) })}
                  value={h?.kind ?? 'weeklyHours'}
                  onChange={(e) => setHours(r, s, { kind: e.target.value as RateDraft['kind'] })}
                  options={(['weeklyHours', 'annualHours', 'nok'] as const).map((k) => ({
                    value: k,
                    label: t(`allocation.model.ruleKinds.${k}`),
                  }))}
                />
                <Textfield
                  id={fieldId(path)}
                  inputMode="decimal"
                  label={t('allocation.model.ruleValue', { stage: t(`allocation.stage.${s}`) })}
                  description={t('allocation.model.ruleValueHelp')}
                  value={h?.value ?? ''}
                  onChange={(e) => setHours(r, s, { value: e.target.value })}
                  error={err(path) ?? err(`${path}.weeklyHours`) ?? err(`${path}.annualHours`) ?? err(`${path}.nok`)}
                />
              </div>
            );
          })}
          {!readOnly && (
            <Button
              type="button"
              variant="tertiary"
              data-size="sm"
              onClick={() => setDraft((d) => ({ ...d, controlRules: d.controlRules.filter((x) => x.key !== r.key) }))}
            >
              {t('allocation.model.removeRule', { n: i + 1 })}
            </Button>
          )}
        </Fieldset>
      ))}
      {!readOnly && (
        <div>
          <Button
            type="button"
            variant="secondary"
            onClick={() =>
              setDraft((d) => ({
                ...d,
                controlRules: [
                  ...d.controlRules,
                  { key: newKey(), purpose: `formaal${d.controlRules.length + 1}`, label: '', driver: 'pupils', hours: {} },
                ],
              }))
            }
          >
            {t('allocation.model.addRule')}
          </Button>
        </div>
      )}
    </>
  );
}
