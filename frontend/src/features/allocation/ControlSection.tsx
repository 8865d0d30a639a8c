import { Heading, Paragraph, Table, Tag } from '@digdir/designsystemet-react';
import { useTranslation } from 'react-i18next';
import type { AllocationResult } from '@samrad/shared/engine';

const hours = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 0, maximumFractionDigits: 0 });
const perPupil = new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The control calculation (kontrollberegning) of a result: each unit's frame turned into hours, the
 * hours each purpose requires, and what is left to distribute freely; a negative remainder is named in
 * text (not colour alone). The totals and the status come first, so they are seen without scrolling. Below it the teacher norm where the model has group data.
 */
export function ControlSection({ result, headingLevel = 2 }: { result: AllocationResult; headingLevel?: 2 | 3 | 4 | 5 }) {
  const { t } = useTranslation();
  const control = result.control;
  if (!control || (control.rows.length === 0 && control.teacherNorm.length === 0)) return null;
  const names = new Map(result.units.map((u) => [u.id, u.name]));
  const purposes =
    control.purposes ?? [...new Set(control.rows.flatMap((r) => Object.keys(r.requiredHours)))].map((id) => ({ id, label: id }));
  const below = control.rows.filter((r) => r.belowZero);
  return (
    <section aria-labelledby={`control-heading-${headingLevel}`}>
      <Heading level={headingLevel} data-size={headingLevel === 2 ? 'sm' : '2xs'} id={`control-heading-${headingLevel}`}>
        {t('allocation.control.title')}
      </Heading>
      <Paragraph>{t('allocation.control.help')}</Paragraph>
      {control.rows.length > 0 && (
        <>
          <Paragraph>
            {below.length === 0
              ? t('allocation.control.allPositive')
              : t('allocation.control.belowSummary', {
                  count: below.length,
                  units: below.map((r) => names.get(r.unit) ?? r.unit).join(', '),
                })}
          </Paragraph>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={t('allocation.control.tableLabel')}>
            <Table zebra>
              <caption>{t('allocation.control.caption')}</caption>
              <Table.Head>
                <Table.Row>
                  <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('allocation.control.frameHours')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('allocation.control.requiredTotal')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('allocation.control.freeHours')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('allocation.control.freePerPupil')}</Table.HeaderCell>
                  <Table.HeaderCell>{t('allocation.control.status')}</Table.HeaderCell>
                  {purposes.map((p) => (
                    <Table.HeaderCell key={p.id}>{p.label}</Table.HeaderCell>
                  ))}
                </Table.Row>
              </Table.Head>
              <Table.Body>
                {control.rows.map((r) => (
                  <Table.Row key={r.unit}>
                    <Table.HeaderCell scope="row">{names.get(r.unit) ?? r.unit}</Table.HeaderCell>
                    <Table.Cell className="num">{hours.format(r.frameHours)}</Table.Cell>
                    <Table.Cell className="num">{hours.format(r.requiredTotal)}</Table.Cell>
                    <Table.Cell className="num">{hours.format(r.freeHours)}</Table.Cell>
                    <Table.Cell className="num">{r.freeHoursPerPupil === null ? '–' : perPupil.format(r.freeHoursPerPupil)}</Table.Cell>
                    <Table.Cell>
                      {r.belowZero ? <Tag data-color="danger">{t('allocation.control.belowZero')}</Tag> : t('allocation.control.ok')}
                    </Table.Cell>
                    {purposes.map((p) => (
                      <Table.Cell key={p.id} className="num">
                        {r.requiredHours[p.id] === undefined ? '–' : hours.format(r.requiredHours[p.id]!)}
                      </Table.Cell>
                    ))}
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
      {control.teacherNorm.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('allocation.control.normCaption')}>
          <Table zebra>
            <caption>{t('allocation.control.normCaption')}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{t('allocation.unit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.control.grades')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.control.pupilsPerTeacher')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.control.normLimit')}</Table.HeaderCell>
                <Table.HeaderCell>{t('allocation.control.status')}</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {control.teacherNorm.map((n) => (
                <Table.Row key={`${n.unit}-${n.grades}`}>
                  <Table.HeaderCell scope="row">{names.get(n.unit) ?? n.unit}</Table.HeaderCell>
                  <Table.Cell>{n.grades}</Table.Cell>
                  <Table.Cell className="num">{n.pupilsPerTeacher === null ? '–' : perPupil.format(n.pupilsPerTeacher)}</Table.Cell>
                  <Table.Cell className="num">{n.limit}</Table.Cell>
                  <Table.Cell>
                    {n.breach ? <Tag data-color="danger">{t('allocation.control.normBreach')}</Tag> : t('allocation.control.ok')}
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
