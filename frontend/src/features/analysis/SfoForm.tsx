import { Checkbox, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SfoChangeInput, SfoScenarioInput } from '@samrad/shared/engine';
import { SelectField } from '../../components/SelectField.js';
import { decimalOf, optionalDecimalOf, showDecimal } from '../../lib/numbers.js';
import type { ToolView } from './api.js';
import { fieldId, freeId, patchRow, rowKey, useInputForm } from './draft.js';
import { AddButton, Cell, ListError, RemoveButton, SaveRow } from './EditCells.js';

interface KindDraft {
  key: number;
  id: string;
  label: string;
  places: string;
  monthlyPrice: string;
  weeklyHours: string;
}
interface ChangeDraft {
  key: number;
  type: SfoChangeInput['type'];
  label: string;
  from: string;
  to: string;
  share: string;
  pupils: string;
  kind: string;
  monthlyPrice: string;
  weeklyHours: string;
}
interface TermDraft {
  on: boolean;
  pupilsPerAdult: string;
  monthlyWage: string;
  months: string;
  expectedShare: string;
}

const emptyChange = (type: ChangeDraft['type'], kind: string): ChangeDraft => ({
  key: rowKey(),
  type,
  label: '',
  from: kind,
  to: kind,
  share: '',
  pupils: '',
  kind,
  monthlyPrice: '',
  weeklyHours: '',
});

function draftOf(input: SfoScenarioInput) {
  return {
    paymentMonths: showDecimal(input.paymentMonths),
    kinds: input.kinds.map<KindDraft>((k) => ({
      key: rowKey(),
      id: k.id,
      label: k.label,
      places: showDecimal(k.places),
      monthlyPrice: showDecimal(k.monthlyPrice),
      weeklyHours: showDecimal(k.weeklyHours),
    })),
    changes: (input.changes ?? []).map<ChangeDraft>((c) => ({
      ...emptyChange(c.type, ''),
      label: c.label ?? '',
      ...(c.type === 'move'
        ? { from: c.from, to: c.to, share: showDecimal(c.share), pupils: showDecimal(c.pupils) }
        : c.type === 'price'
          ? { kind: c.kind, monthlyPrice: showDecimal(c.monthlyPrice) }
          : { kind: c.kind, weeklyHours: showDecimal(c.weeklyHours) }),
    })),
    term: {
      on: input.eleventhTerm !== undefined,
      pupilsPerAdult: showDecimal(input.eleventhTerm?.pupilsPerAdult),
      monthlyWage: showDecimal(input.eleventhTerm?.monthlyWage),
      months: showDecimal(input.eleventhTerm?.months ?? 1),
      expectedShare: showDecimal(input.eleventhTerm?.expectedShare),
    } as TermDraft,
  };
}
type Draft = ReturnType<typeof draftOf>;

const optional = <T,>(key: string, value: T | undefined) => (value === undefined || value === '' ? {} : { [key]: value });

function inputOf(d: Draft): unknown {
  return {
    paymentMonths: decimalOf(d.paymentMonths),
    kinds: d.kinds.map((k) => ({
      id: k.id,
      label: k.label,
      places: decimalOf(k.places),
      monthlyPrice: decimalOf(k.monthlyPrice),
      ...optional('weeklyHours', optionalDecimalOf(k.weeklyHours)),
    })),
    changes: d.changes.map((c) => {
      const label = optional('label', c.label.trim());
      if (c.type === 'move')
        return {
          type: c.type,
          ...label,
          from: c.from,
          to: c.to,
          ...optional('share', optionalDecimalOf(c.share)),
          ...optional('pupils', optionalDecimalOf(c.pupils)),
        };
      if (c.type === 'price') return { type: c.type, ...label, kind: c.kind, monthlyPrice: decimalOf(c.monthlyPrice) };
      return { type: c.type, ...label, kind: c.kind, weeklyHours: decimalOf(c.weeklyHours) };
    }),
    ...(d.term.on
      ? {
          eleventhTerm: {
            pupilsPerAdult: decimalOf(d.term.pupilsPerAdult),
            monthlyWage: decimalOf(d.term.monthlyWage),
            months: decimalOf(d.term.months),
            ...optional('expectedShare', optionalDecimalOf(d.term.expectedShare)),
          },
        }
      : {}),
  };
}

/**
 * The SFO fee scenario as a form: the places by kind with monthly price and hours, the payment months, the changes
 * (pupils moving between kinds, a new price, new hours) in order, and the 11th-term break-even inputs.
 */
export function SfoForm({ tool }: { tool: ToolView<'sfo'> }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(tool.input as unknown as SfoScenarioInput));
  const form = useInputForm(tool, () => inputOf(d));
  const { err } = form;
  const setKind = (key: number, patch: Partial<KindDraft>) => setD((x) => ({ ...x, kinds: patchRow(x.kinds, key, patch) }));
  const setChange = (key: number, patch: Partial<ChangeDraft>) => setD((x) => ({ ...x, changes: patchRow(x.changes, key, patch) }));
  const setTerm = (patch: Partial<TermDraft>) => setD((x) => ({ ...x, term: { ...x.term, ...patch } }));
  const kindName = (k: KindDraft, i: number) => k.label.trim() || t('analysis.form.rowN', { n: i + 1 });
  const kindOptions = d.kinds.map((k, i) => ({ value: k.id, label: kindName(k, i) }));
  const cols = {
    label: t('analysis.form.kindLabel'),
    places: t('analysis.form.places'),
    price: t('analysis.form.monthlyPrice'),
    hours: t('analysis.form.weeklyHours'),
  };

  return (
    <section aria-labelledby="sfo-form-h">
      <Heading level={2} data-size="sm" id="sfo-form-h">
        {t('analysis.form.sfoTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('analysis.form.saveNote')}</Paragraph>
      <form onSubmit={form.onSubmit} className="stack" noValidate>
        {form.summary}
        <Textfield
          id={fieldId('input.paymentMonths')}
          className="narrow"
          label={t('analysis.form.paymentMonths')}
          inputMode="numeric"
          value={d.paymentMonths}
          onChange={(e) => setD((x) => ({ ...x, paymentMonths: e.target.value }))}
          error={err('paymentMonths')}
        />
        <div className="table-scroll">
          <Table>
            <caption>{t('analysis.form.kindsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{cols.label}</Table.HeaderCell>
                <Table.HeaderCell>{cols.places}</Table.HeaderCell>
                <Table.HeaderCell>{cols.price}</Table.HeaderCell>
                <Table.HeaderCell>{cols.hours}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('analysis.form.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.kinds.map((k, i) => {
                const row = kindName(k, i);
                return (
                  <Table.Row key={k.key}>
                    <Table.Cell>
                      <Cell
                        path={`kinds[${i}].label`}
                        numeric={false}
                        label={`${cols.label} – ${t('analysis.form.rowN', { n: i + 1 })}`}
                        value={k.label}
                        onChange={(v) => setKind(k.key, { label: v })}
                        error={err(`kinds[${i}].label`) ?? err(`kinds[${i}].id`)}
                        width="10rem"
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Cell
                        path={`kinds[${i}].places`}
                        label={`${cols.places} – ${row}`}
                        value={k.places}
                        onChange={(v) => setKind(k.key, { places: v })}
                        error={err(`kinds[${i}].places`)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Cell
                        path={`kinds[${i}].monthlyPrice`}
                        label={`${cols.price} – ${row}`}
                        value={k.monthlyPrice}
                        onChange={(v) => setKind(k.key, { monthlyPrice: v })}
                        error={err(`kinds[${i}].monthlyPrice`)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <Cell
                        path={`kinds[${i}].weeklyHours`}
                        label={`${cols.hours} – ${row}`}
                        value={k.weeklyHours}
                        onChange={(v) => setKind(k.key, { weeklyHours: v })}
                        error={err(`kinds[${i}].weeklyHours`)}
                      />
                    </Table.Cell>
                    <Table.Cell>
                      <RemoveButton
                        label={t('analysis.form.removeRow', { name: row })}
                        onClick={() => setD((x) => ({ ...x, kinds: x.kinds.filter((y) => y.key !== k.key) }))}
                      />
                    </Table.Cell>
                  </Table.Row>
                );
              })}
            </Table.Body>
          </Table>
        </div>
        <ListError path="kinds" error={err('kinds')} />
        <AddButton
          label={t('analysis.form.addKind')}
          onClick={() =>
            setD((x) => ({
              ...x,
              kinds: [
                ...x.kinds,
                { key: rowKey(), id: freeId('plass', x.kinds), label: '', places: '', monthlyPrice: '', weeklyHours: '' },
              ],
            }))
          }
        />

        <Heading level={3} data-size="xs">
          {t('analysis.form.changesTitle')}
        </Heading>
        <Paragraph data-size="sm">{t('analysis.form.changesHelp')}</Paragraph>
        {d.changes.map((c, i) => {
          const p = `changes[${i}]`;
          const id = (f: string) => fieldId(`input.${p}.${f}`);
          return (
            <Fieldset key={c.key} className="panel">
              <Fieldset.Legend>{t('analysis.form.changeN', { n: i + 1, label: c.label })}</Fieldset.Legend>
              <div className="row">
                <SelectField
                  id={id('type')}
                  name={`type-${c.key}`}
                  label={t('analysis.form.changeType')}
                  value={c.type}
                  onChange={(e) => setChange(c.key, { type: e.target.value as ChangeDraft['type'] })}
                  options={(['move', 'price', 'hours'] as const).map((v) => ({ value: v, label: t(`analysis.form.changeTypes.${v}`) }))}
                  error={err(`${p}.type`)}
                />
                <Textfield
                  id={id('label')}
                  label={t('analysis.form.changeLabel')}
                  value={c.label}
                  onChange={(e) => setChange(c.key, { label: e.target.value })}
                  error={err(`${p}.label`)}
                />
              </div>
              {c.type === 'move' ? (
                <div className="row">
                  <SelectField
                    id={id('from')}
                    name={`from-${c.key}`}
                    label={t('analysis.form.from')}
                    value={c.from}
                    onChange={(e) => setChange(c.key, { from: e.target.value })}
                    options={[{ value: '', label: '–' }, ...kindOptions]}
                    error={err(`${p}.from`)}
                  />
                  <SelectField
                    id={id('to')}
                    name={`to-${c.key}`}
                    label={t('analysis.form.to')}
                    value={c.to}
                    onChange={(e) => setChange(c.key, { to: e.target.value })}
                    options={[{ value: '', label: '–' }, ...kindOptions]}
                    error={err(`${p}.to`)}
                  />
                  <Textfield
                    id={id('share')}
                    label={t('analysis.form.share')}
                    inputMode="decimal"
                    value={c.share}
                    onChange={(e) => setChange(c.key, { share: e.target.value })}
                    error={err(`${p}.share`)}
                  />
                  <Textfield
                    id={id('pupils')}
                    label={t('analysis.form.pupilsMoving')}
                    inputMode="numeric"
                    value={c.pupils}
                    onChange={(e) => setChange(c.key, { pupils: e.target.value })}
                    error={err(`${p}.pupils`)}
                  />
                </div>
              ) : (
                <div className="row">
                  <SelectField
                    id={id('kind')}
                    name={`kind-${c.key}`}
                    label={t('analysis.form.kind')}
                    value={c.kind}
                    onChange={(e) => setChange(c.key, { kind: e.target.value })}
                    options={[{ value: '', label: '–' }, ...kindOptions]}
                    error={err(`${p}.kind`)}
                  />
                  {c.type === 'price' ? (
                    <Textfield
                      id={id('monthlyPrice')}
                      label={t('analysis.form.newPrice')}
                      inputMode="decimal"
                      value={c.monthlyPrice}
                      onChange={(e) => setChange(c.key, { monthlyPrice: e.target.value })}
                      error={err(`${p}.monthlyPrice`)}
                    />
                  ) : (
                    <Textfield
                      id={id('weeklyHours')}
                      label={t('analysis.form.newHours')}
                      inputMode="decimal"
                      value={c.weeklyHours}
                      onChange={(e) => setChange(c.key, { weeklyHours: e.target.value })}
                      error={err(`${p}.weeklyHours`)}
                    />
                  )}
                </div>
              )}
              <div>
                <RemoveButton
                  label={t('analysis.form.removeChange', { n: i + 1 })}
                  onClick={() => setD((x) => ({ ...x, changes: x.changes.filter((y) => y.key !== c.key) }))}
                />
              </div>
            </Fieldset>
          );
        })}
        <AddButton
          label={t('analysis.form.addChange')}
          onClick={() => setD((x) => ({ ...x, changes: [...x.changes, emptyChange('move', x.kinds[0]?.id ?? '')] }))}
        />

        <Fieldset>
          <Fieldset.Legend>{t('analysis.eleventhTerm')}</Fieldset.Legend>
          <Checkbox label={t('analysis.form.termOn')} checked={d.term.on} onChange={(e) => setTerm({ on: e.target.checked })} />
          {d.term.on && (
            <div className="row">
              <Textfield
                id={fieldId('input.eleventhTerm.pupilsPerAdult')}
                label={t('analysis.form.pupilsPerAdult')}
                inputMode="decimal"
                value={d.term.pupilsPerAdult}
                onChange={(e) => setTerm({ pupilsPerAdult: e.target.value })}
                error={err('eleventhTerm.pupilsPerAdult')}
              />
              <Textfield
                id={fieldId('input.eleventhTerm.monthlyWage')}
                label={t('analysis.form.monthlyWage')}
                inputMode="decimal"
                value={d.term.monthlyWage}
                onChange={(e) => setTerm({ monthlyWage: e.target.value })}
                error={err('eleventhTerm.monthlyWage')}
              />
              <Textfield
                id={fieldId('input.eleventhTerm.months')}
                label={t('analysis.form.termMonths')}
                inputMode="decimal"
                value={d.term.months}
                onChange={(e) => setTerm({ months: e.target.value })}
                error={err('eleventhTerm.months')}
              />
              <Textfield
                id={fieldId('input.eleventhTerm.expectedShare')}
                label={t('analysis.form.expectedShare')}
                inputMode="decimal"
                value={d.term.expectedShare}
                onChange={(e) => setTerm({ expectedShare: e.target.value })}
                error={err('eleventhTerm.expectedShare')}
              />
            </div>
          )}
        </Fieldset>
        <SaveRow pending={form.pending} stale={form.stale !== null} done={form.done} />
      </form>
    </section>
  );
}
