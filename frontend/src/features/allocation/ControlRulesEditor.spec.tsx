import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ModelEditor } from './ModelEditor.js';
import { draftFrom } from './modelDraft.js';

const model = {
  mode: 'allocation',
  teachingWeeks: 38,
  hourCost: { barnetrinn: 765.8 },
  criteria: [{ id: 'perPupil', label: 'Per elev', driver: 'pupils', rate: { barnetrinn: { nok: 44240 } } }],
};
const units = [
  { id: 'a', name: 'Fevik', stage: 'barnetrinn' as const, counts: { pupils: 200 } },
  { id: 'b', name: 'Landvik', stage: 'barnetrinn' as const, counts: { pupils: 60 } },
];

function open(readOnly = false, withRule = false) {
  const initial = draftFrom(
    withRule
      ? {
          ...model,
          control: {
            rules: [{ purpose: 'minstetimetall', label: 'Minstetimetall', driver: 'pupils', hours: { barnetrinn: { weeklyHours: 1.1 } } }],
            requiredHours: { b: { spes: 100 } },
          },
        }
      : model,
  );
  const onSaved = vi.fn();
  render(
    <QueryClientProvider client={new QueryClient()}>
      <ModelEditor
        allocationId="ac1"
        initial={initial}
        initialLabel="Modell 2"
        readOnly={readOnly}
        preview={{ name: 'Elevtall', units }}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </QueryClientProvider>,
  );
  return { onSaved };
}

describe('the model editor’s control rules', { timeout: 20_000 }, () => {
  it('a rule gets the schema’s Norwegian messages on its fields, and the live preview shows the control calculation', async () => {
    open();
    await userEvent.click(screen.getByRole('button', { name: 'Legg til kontrollregel' }));
    const rule = screen.getByRole('group', { name: /^Kontrollregel 1/ });
    await userEvent.type(within(rule).getByRole('textbox', { name: 'Krav Barnetrinn' }), 'mye');
    expect(await within(rule).findByText('Formålet må ha et navn')).toBeTruthy();
    expect(await within(rule).findByText('Må være et desimaltall, f.eks. 1234.50')).toBeTruthy();
    await userEvent.type(within(rule).getByRole('textbox', { name: 'Formål' }), 'Minstetimetall');
    const id = within(rule).getByRole('textbox', { name: 'Kort id for formålet' });
    await userEvent.clear(id);
    await userEvent.type(id, 'min timer');
    expect(await within(rule).findByText(/Formålets id kan bare ha/)).toBeTruthy();
    await userEvent.clear(id);
    await userEvent.type(id, 'minstetimetall');
    const hours = within(rule).getByRole('textbox', { name: 'Krav Barnetrinn' });
    await userEvent.clear(hours);
    await userEvent.type(hours, '1,1');
    // Fevik: 1.1 × 38 × 200 = 8,360 hours of minimum lessons; Landvik 2,508.
    const table = await screen.findByRole('table', { name: 'Årstimer per enhet og formål' });
    expect(within(table).getByRole('columnheader', { name: 'Minstetimetall' })).toBeTruthy();
    expect(within(table).getByRole('row', { name: /Fevik/ }).textContent?.replace(/\s/g, '')).toContain('8360');
    expect(
      within(table)
        .getByRole('row', { name: /Landvik/ })
        .textContent?.replace(/\s/g, ''),
    ).toContain('2508');
  });

  it('a rule without a driver gets the schema’s message; a copied model keeps its hours given per unit', async () => {
    open(false, true);
    expect(screen.getByText(/timer oppgitt for 1 enhet/)).toBeTruthy();
    const rule = screen.getByRole('group', { name: /^Kontrollregel 1: Minstetimetall/ });
    expect((within(rule).getByRole('textbox', { name: 'Krav Barnetrinn' }) as HTMLInputElement).value).toBe('1,1');
    const table = await screen.findByRole('table', { name: 'Årstimer per enhet og formål' });
    expect(within(table).getByRole('columnheader', { name: 'spes' })).toBeTruthy();
    await userEvent.selectOptions(within(rule).getByRole('combobox', { name: 'Krav per' }), '');
    expect(await within(rule).findByText('Regelen må ha en driver')).toBeTruthy();
  });

  it('is read-only in an adopted version', () => {
    open(true, true);
    expect(screen.queryByRole('button', { name: 'Legg til kontrollregel' })).toBeNull();
    const rule = screen.getByRole('group', { name: /^Kontrollregel 1/ });
    // Inside the editor's disabled fieldset.
    expect(within(rule).getByRole('textbox', { name: 'Formål' }).matches(':disabled')).toBe(true);
  });
});
