import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { explainAllocation, parseAllocationInput, type AllocationInputDraft } from '@samrad/shared/engine';
import { ControlSection } from './ControlSection.js';
import { ResultTable } from './ResultTable.js';

const input: AllocationInputDraft = {
  format: 'samrad.allocation-input/v1',
  mode: 'distribution',
  frame: 12_000_000,
  teachingWeeks: 38,
  hourCost: { barnetrinn: 765.8 },
  criteria: [
    { id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 } } },
    { id: 'minority', label: 'Minoritetsspråklige', driver: 'minorityPupils', rate: { barnetrinn: { weeklyHours: 1.5 } } },
  ],
  units: [
    { id: 'a', name: 'Fevik', stage: 'barnetrinn', counts: { pupils: 200, minorityPupils: 12 } },
    { id: 'b', name: 'Landvik', stage: 'barnetrinn', counts: { pupils: 60, minorityPupils: 0 } },
  ],
  control: {
    rules: [{ purpose: 'minstetimetall', label: 'Minstetimetall', driver: 'pupils', hours: { barnetrinn: { weeklyHours: 1.2 } } }],
    requiredHours: { b: { spes: 2000 } },
  },
};

const flat = (s: string | null | undefined) => (s ?? '').replace(/\s/g, ' ');

describe('the result table explains its cells', () => {
  it('each amount is a button; choosing one (mouse or keyboard) shows its formula with the numbers in Norwegian', async () => {
    const { result, explain } = explainAllocation(parseAllocationInput(input));
    render(<ResultTable result={result} perPupil={false} caption="Scenario" explain={explain} />);
    expect(screen.getByText('Velg et beløp i tabellen for å se hvordan det er regnet ut.')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Scenario' });
    const minority = within(table).getByRole('button', { name: /^Fevik, Minoritetsspråklige: .* Vis utregningen$/ });
    expect(minority.getAttribute('aria-expanded')).toBe('false');
    await userEvent.click(minority);
    expect(minority.getAttribute('aria-expanded')).toBe('true');
    const heading = await screen.findByRole('heading', { name: /Slik er tallet regnet ut: Fevik – Minoritetsspråklige/ });
    // Focus moves to the explanation, which names the driver, the rate, the scale factor and the rounding.
    expect(document.activeElement).toBe(heading);
    const panel = heading.closest('section')!;
    const amount = result.units[0]!.criteria.minority!.amount;
    const text = flat(panel.textContent);
    expect(text).toContain('12 minoritetsspråklige elever × 43 650,60 kr × skaleringsfaktor');
    expect(text).toContain(
      `= ${flat(new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2 }).format(amount))} kr (avrundet til nærmeste øre)`,
    );
    expect(text).toContain('1,5 uketimer × 38 uker × 765,80 kr per time');
    // The keyboard alone: the total's button with Enter.
    within(table)
      .getByRole('button', { name: /^Sum, Sum: .* Vis utregningen$/ })
      .focus();
    await userEvent.keyboard('{Enter}');
    const total = await screen.findByRole('heading', { name: /Slik er tallet regnet ut: Sum alle enheter/ });
    expect(flat(total.closest('section')!.textContent)).toContain('12 000 000 kr — lik rammen');
    await userEvent.click(screen.getByRole('button', { name: 'Lukk utregningen' }));
    expect(screen.queryByRole('heading', { name: /Slik er tallet regnet ut/ })).toBeNull();
  });

  it('per pupil, the amount is divided by the pupils', async () => {
    const { result, explain } = explainAllocation(parseAllocationInput(input));
    render(<ResultTable result={result} perPupil caption="Scenario" explain={explain} />);
    await userEvent.click(screen.getByRole('button', { name: /^Landvik, Per elev: .* Vis utregningen$/ }));
    const heading = await screen.findByRole('heading', { name: /Landvik – Per elev per elev/ });
    expect(flat(heading.closest('section')!.textContent)).toMatch(/÷ 60 elever = .* kr per elev \(avrundet til nærmeste øre\)/);
  });

  it('without an explainer the amounts are plain text', () => {
    const { result } = explainAllocation(parseAllocationInput(input));
    render(<ResultTable result={result} perPupil={false} caption="Scenario" />);
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });
});

describe('the control calculation', () => {
  it('shows frame hours, required hours by purpose and free hours, and names a negative remainder in text', () => {
    const { result } = explainAllocation(parseAllocationInput(input));
    render(<ControlSection result={result} />);
    const table = screen.getByRole('table', { name: 'Årstimer per enhet og formål' });
    expect(within(table).getByRole('columnheader', { name: 'Minstetimetall' })).toBeTruthy();
    expect(within(table).getByRole('columnheader', { name: 'spes' })).toBeTruthy();
    const landvik = result.control!.rows.find((r) => r.unit === 'b')!;
    expect(landvik.belowZero).toBe(true);
    const row = within(table).getByRole('row', { name: /Landvik/ });
    expect(row.textContent).toContain('Under null');
    expect(within(table).getByRole('row', { name: /Fevik/ }).textContent).toContain('Ok');
    expect(screen.getByText('1 enhet har negative frie timer og kan ikke oppfylle kravene med rammen: Landvik.')).toBeTruthy();
  });

  it('is left out when the model has no control data', () => {
    const { result } = explainAllocation(parseAllocationInput({ ...input, control: undefined }));
    const { container } = render(<ControlSection result={result} />);
    expect(container.textContent).toBe('');
  });
});
