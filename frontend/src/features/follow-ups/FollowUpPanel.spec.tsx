import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../testing/server.js';
import { FollowUpPanel } from './FollowUpPanel.js';

const ANSWER = {
  decisions: [
    {
      id: 'd1',
      body: { id: 'b1', name: 'Kommunestyret' },
      committeeNumber: '41/26',
      decidedOn: '2026-11-12',
      tasks: [
        {
          id: 'f1',
          decisionId: 'd1',
          title: 'Varsle skolene',
          owner: { id: 'u1', name: 'Rektor, Nordby skole', title: 'Rektor' },
          dueDate: '2027-01-15',
          status: 'not_started',
          notes: 'Brev til alle rektorer.',
          late: false,
          version: 1,
        },
      ],
    },
  ],
};
const PEOPLE = [{ id: '5b0c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f', name: 'Rektor, Nordby skole', title: 'Rektor', status: 'active' }];

function show(officer: boolean) {
  server.use(http.get('/api/cases/c1/follow-ups', () => HttpResponse.json(ANSWER)));
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={qc}>
      <FollowUpPanel caseId="c1" officer={officer} people={PEOPLE} />
    </QueryClientProvider>,
  );
}

describe('FollowUpPanel (on the case page)', () => {
  it('shows each vedtak’s tasks with owner and title, and no forms to a reader who is not an officer', async () => {
    show(false);
    const table = await screen.findByRole('table', { name: /Oppfølging av vedtaket i Kommunestyret 41\/26/ });
    expect(within(table).getByRole('cell', { name: 'Rektor, Nordby skole (Rektor)' })).toBeTruthy();
    expect(within(table).getByText('Brev til alle rektorer.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });

  it('an officer adds a task; the contract checks it first, then it is sent', async () => {
    show(true);
    let sent: unknown;
    server.use(
      http.post('/api/decisions/d1/follow-ups', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...ANSWER.decisions[0]!.tasks[0], id: 'f2', title: 'Ny oppgave' }, { status: 201 });
      }),
    );
    await userEvent.click(await screen.findByText(/Legg til oppfølgingsoppgave/));
    const form = within(screen.getByRole('form', { name: 'Ny oppfølgingsoppgave' }));
    await userEvent.click(form.getByRole('button', { name: 'Legg til oppgaven' }));
    expect((await form.findAllByText('Oppgave må fylles ut')).length).toBeGreaterThan(0);
    expect(sent).toBeUndefined();
    await userEvent.type(form.getByLabelText('Oppgave'), 'Ny oppgave');
    await userEvent.selectOptions(form.getByLabelText('Ansvarlig'), PEOPLE[0]!.id);
    await userEvent.type(form.getByLabelText('Frist'), '2027-02-01');
    await userEvent.click(form.getByRole('button', { name: 'Legg til oppgaven' }));
    await waitFor(() =>
      expect(sent).toEqual({ title: 'Ny oppgave', ownerId: PEOPLE[0]!.id, dueDate: '2027-02-01', status: 'not_started', notes: '' }),
    );
  });
});
