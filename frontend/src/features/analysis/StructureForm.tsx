import { Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StructureScenarioInput } from '@samrad/shared/engine';
import { decimalOf, showDecimal } from '../../lib/numbers.js';
import type { ToolView } from './api.js';
import { fieldId, freeId, patchRow, rowKey, useInputForm } from './draft.js';
import { AddButton, Cell, ListError, RemoveButton, SaveRow, SelectCell } from './EditCells.js';

const GRADES = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'] as const;

interface SchoolDraft {
  key: number;
  id: string;
  name: string;
  capacity: string;
  pupils: string;
  grades: Record<string, string>;
  /** Forecast pupils by year. */
  forecast: Record<number, string>;
}
interface MoveDraft {
  key: number;
  from: string;
  to: string;
  pupils: string;
  grade: string;
}

function draftOf(input: StructureScenarioInput) {
  const years = [...new Set(input.schools.flatMap((s) => (s.forecast ?? []).map((f) => f.year)))].sort((a, b) => a - b);
  return {
    schoolYear: input.schoolYear ?? '',
    byGrade: input.schools.some((s) => s.grades !== undefined),
    years,
    schools: input.schools.map<SchoolDraft>((s) => ({
      key: rowKey(),
      id: s.id,
      name: s.name,
      capacity: showDecimal(s.capacity),
      pupils: showDecimal(s.pupils),
      grades: Object.fromEntries(Object.entries(s.grades ?? {}).map(([g, n]) => [g, showDecimal(n)])),
      forecast: Object.fromEntries((s.forecast ?? []).map((f) => [f.year, showDecimal(f.pupils)])),
    })),
    moves: (input.moves ?? []).map<MoveDraft>((m) => ({
      key: rowKey(),
      from: m.from,
      to: m.to,
      pupils: showDecimal(m.pupils),
      grade: m.grade ?? '',
    })),
  };
}
type Draft = ReturnType<typeof draftOf>;

function inputOf(d: Draft): unknown {
  return {
    ...(d.schoolYear.trim() ? { schoolYear: d.schoolYear.trim() } : {}),
    schools: d.schools.map((s) => {
      const grades = GRADES.filter((g) => (s.grades[g] ?? '').trim() !== '');
      const forecast = d.years.filter((y) => (s.forecast[y] ?? '').trim() !== '');
      return {
        id: s.id,
        name: s.name,
        capacity: decimalOf(s.capacity),
        pupils: decimalOf(s.pupils),
        ...(d.byGrade && grades.length ? { grades: Object.fromEntries(grades.map((g) => [g, decimalOf(s.grades[g]!)])) } : {}),
        ...(forecast.length ? { forecast: forecast.map((year) => ({ year, pupils: decimalOf(s.forecast[year]!) })) } : {}),
      };
    }),
    moves: d.moves.map((m) => ({
      from: m.from,
      to: m.to,
      pupils: decimalOf(m.pupils),
      ...(m.grade ? { grade: m.grade } : {}),
    })),
  };
}

/**
 * The school-structure scenario as a form: the schools with capacity and pupils (and pupils per grade), forecasts by
 * year, and the moves of pupils between schools (catchment changes) whose before/after the result shows.
 */
export function StructureForm({ tool }: { tool: ToolView<'structure'> }) {
  const { t } = useTranslation();
  const [d, setD] = useState<Draft>(() => draftOf(tool.input as unknown as StructureScenarioInput));
  const form = useInputForm(tool, () => inputOf(d));
  const { err } = form;
  const setSchool = (key: number, patch: Partial<SchoolDraft>) => setD((x) => ({ ...x, schools: patchRow(x.schools, key, patch) }));
  const setMove = (key: number, patch: Partial<MoveDraft>) => setD((x) => ({ ...x, moves: patchRow(x.moves, key, patch) }));
  const schoolName = (s: SchoolDraft, i: number) => s.name.trim() || t('analysis.form.rowN', { n: i + 1 });
  const schoolOptions = [{ value: '', label: '–' }, ...d.schools.map((s, i) => ({ value: s.id, label: schoolName(s, i) }))];
  const cols = {
    name: t('analysis.school'),
    capacity: t('analysis.capacity'),
    pupils: t('analysis.form.pupilsNow'),
    from: t('analysis.form.fromSchool'),
    to: t('analysis.form.toSchool'),
    moving: t('analysis.form.pupilsMoving'),
    grade: t('analysis.form.grade'),
  };
  const nextYear = () => (d.years.length ? Math.max(...d.years) + 1 : Number((d.schoolYear.match(/^\d{4}/) ?? [''])[0]) + 1 || 2027);

  return (
    <section aria-labelledby="structure-form-h">
      <Heading level={2} data-size="sm" id="structure-form-h">
        {t('analysis.form.structureTitle')}
      </Heading>
      <Paragraph data-size="sm">{t('analysis.form.saveNote')}</Paragraph>
      <form onSubmit={form.onSubmit} className="stack" noValidate>
        {form.summary}
        <Textfield
          id={fieldId('input.schoolYear')}
          className="narrow"
          label={t('analysis.form.schoolYear')}
          value={d.schoolYear}
          onChange={(e) => setD((x) => ({ ...x, schoolYear: e.target.value }))}
          error={err('schoolYear')}
        />
        <div className="table-scroll">
          <Table>
            <caption>{t('analysis.form.schoolsCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{cols.name}</Table.HeaderCell>
                <Table.HeaderCell>{cols.capacity}</Table.HeaderCell>
                <Table.HeaderCell>{cols.pupils}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="visually-hidden">{t('analysis.form.remove')}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {d.schools.map((s, i) => (
                <Table.Row key={s.key}>
                  <Table.Cell>
                    <Cell
                      path={`schools[${i}].name`}
                      numeric={false}
                      label={`${cols.name} – ${t('analysis.form.rowN', { n: i + 1 })}`}
                      value={s.name}
                      onChange={(v) => setSchool(s.key, { name: v })}
                      error={err(`schools[${i}].name`) ?? err(`schools[${i}].id`)}
                      width="12rem"
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Cell
                      path={`schools[${i}].capacity`}
                      label={`${cols.capacity} – ${schoolName(s, i)}`}
                      value={s.capacity}
                      onChange={(v) => setSchool(s.key, { capacity: v })}
                      error={err(`schools[${i}].capacity`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <Cell
                      path={`schools[${i}].pupils`}
                      label={`${cols.pupils} – ${schoolName(s, i)}`}
                      value={s.pupils}
                      onChange={(v) => setSchool(s.key, { pupils: v })}
                      error={err(`schools[${i}].pupils`)}
                    />
                  </Table.Cell>
                  <Table.Cell>
                    <RemoveButton
                      label={t('analysis.form.removeRow', { name: schoolName(s, i) })}
                      onClick={() => setD((x) => ({ ...x, schools: x.schools.filter((y) => y.key !== s.key) }))}
                    />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
        <ListError path="schools" error={err('schools')} />
        <AddButton
          label={t('analysis.form.addSchool')}
          onClick={() =>
            setD((x) => ({
              ...x,
              schools: [
                ...x.schools,
                { key: rowKey(), id: freeId('skole', x.schools), name: '', capacity: '', pupils: '', grades: {}, forecast: {} },
              ],
            }))
          }
        />

        <Checkbox
          label={t('analysis.form.byGrade')}
          checked={d.byGrade}
          onChange={(e) => setD((x) => ({ ...x, byGrade: e.target.checked }))}
        />
        {d.byGrade && (
          <div className="table-scroll">
            <Table>
              <caption>{t('analysis.form.gradesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{cols.name}</Table.HeaderCell>
                  {GRADES.map((g) => (
                    <Table.HeaderCell key={g}>{t('analysis.form.gradeN', { grade: g })}</Table.HeaderCell>
                  ))}
                  <Table.HeaderCell>{t('analysis.form.sum')}</Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.schools.map((s, i) => {
                  const sum = GRADES.reduce((a, g) => a + (Number(decimalOf(s.grades[g] ?? '')) || 0), 0);
                  return (
                    <Table.Row key={s.key}>
                      <Table.HeaderCell scope="row">{schoolName(s, i)}</Table.HeaderCell>
                      {GRADES.map((g) => (
                        <Table.Cell key={g}>
                          <Cell
                            path={`schools[${i}].grades.${g}`}
                            label={`${t('analysis.form.gradeN', { grade: g })} – ${schoolName(s, i)}`}
                            value={s.grades[g] ?? ''}
                            onChange={(v) => setSchool(s.key, { grades: { ...s.grades, [g]: v } })}
                            error={err(`schools[${i}].grades.${g}`)}
                            width="3.5rem"
                          />
                        </Table.Cell>
                      ))}
                      <Table.Cell>
                        {showDecimal(sum)}
                        <ListError path={`schools[${i}].grades`} error={err(`schools[${i}].grades`)} />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        )}

        <Heading level={3} data-size="xs">
          {t('analysis.form.forecastTitle')}
        </Heading>
        {d.years.length > 0 && (
          <div className="table-scroll">
            <Table>
              <caption>{t('analysis.form.forecastCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{cols.name}</Table.HeaderCell>
                  {d.years.map((y) => (
                    <Table.HeaderCell key={y}>
                      {y}{' '}
                      <RemoveButton
                        label={t('analysis.form.removeYear', { year: y })}
                        onClick={() => setD((x) => ({ ...x, years: x.years.filter((z) => z !== y) }))}
                      />
                    </Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.schools.map((s, i) => (
                  <Table.Row key={s.key}>
                    <Table.HeaderCell scope="row">{schoolName(s, i)}</Table.HeaderCell>
                    {d.years.map((y) => {
                      const at = Math.max(0, d.years.filter((z) => (s.forecast[z] ?? '').trim() !== '').indexOf(y));
                      return (
                        <Table.Cell key={y}>
                          <Cell
                            path={`schools[${i}].forecast[${at}].pupils`}
                            label={t('analysis.form.forecastCell', { year: y, school: schoolName(s, i) })}
                            value={s.forecast[y] ?? ''}
                            onChange={(v) => setSchool(s.key, { forecast: { ...s.forecast, [y]: v } })}
                            error={(s.forecast[y] ?? '').trim() !== '' ? err(`schools[${i}].forecast[${at}].pupils`) : undefined}
                            width="4.5rem"
                          />
                        </Table.Cell>
                      );
                    })}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        )}
        <AddButton label={t('analysis.form.addYear')} onClick={() => setD((x) => ({ ...x, years: [...x.years, nextYear()] }))} />

        <Heading level={3} data-size="xs">
          {t('analysis.form.movesTitle')}
        </Heading>
        <Paragraph data-size="sm">{t('analysis.form.movesHelp')}</Paragraph>
        {d.moves.length > 0 && (
          <div className="table-scroll">
            <Table>
              <caption>{t('analysis.form.movesCaption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{cols.from}</Table.HeaderCell>
                  <Table.HeaderCell>{cols.to}</Table.HeaderCell>
                  <Table.HeaderCell>{cols.moving}</Table.HeaderCell>
                  <Table.HeaderCell>{cols.grade}</Table.HeaderCell>
                  <Table.HeaderCell>
                    <span className="visually-hidden">{t('analysis.form.remove')}</span>
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {d.moves.map((m, i) => {
                  const row = t('analysis.form.moveN', { n: i + 1 });
                  return (
                    <Table.Row key={m.key}>
                      <Table.Cell>
                        <SelectCell
                          path={`moves[${i}].from`}
                          label={`${cols.from} – ${row}`}
                          value={m.from}
                          onChange={(v) => setMove(m.key, { from: v })}
                          options={schoolOptions}
                          error={err(`moves[${i}].from`)}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <SelectCell
                          path={`moves[${i}].to`}
                          label={`${cols.to} – ${row}`}
                          value={m.to}
                          onChange={(v) => setMove(m.key, { to: v })}
                          options={schoolOptions}
                          error={err(`moves[${i}].to`)}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <Cell
                          path={`moves[${i}].pupils`}
                          label={`${cols.moving} – ${row}`}
                          value={m.pupils}
                          onChange={(v) => setMove(m.key, { pupils: v })}
                          error={err(`moves[${i}].pupils`)}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <SelectCell
                          path={`moves[${i}].grade`}
                          label={`${cols.grade} – ${row}`}
                          value={m.grade}
                          onChange={(v) => setMove(m.key, { grade: v })}
                          options={[
                            { value: '', label: t('analysis.form.allGrades') },
                            ...GRADES.map((g) => ({ value: g, label: t('analysis.form.gradeN', { grade: g }) })),
                          ]}
                          error={err(`moves[${i}].grade`)}
                        />
                      </Table.Cell>
                      <Table.Cell>
                        <RemoveButton
                          label={t('analysis.form.removeMove', { n: i + 1 })}
                          onClick={() => setD((x) => ({ ...x, moves: x.moves.filter((y) => y.key !== m.key) }))}
                        />
                      </Table.Cell>
                    </Table.Row>
                  );
                })}
              </Table.Body>
            </Table>
          </div>
        )}
        <AddButton
          label={t('analysis.form.addMove')}
          onClick={() => setD((x) => ({ ...x, moves: [...x.moves, { key: rowKey(), from: '', to: '', pupils: '', grade: '' }] }))}
        />
        <SaveRow pending={form.pending} stale={form.stale !== null} done={form.done} />
      </form>
    </section>
  );
}
