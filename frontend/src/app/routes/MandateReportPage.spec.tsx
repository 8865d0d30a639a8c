import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

const MANDATE_SUMMARY = {
  id: 'md1',
  title: 'Oppfølging',
  description: '',
  adoptedByBodyId: null,
  adoptedCaseNumber: null,
  adoptedDate: null,
  adoptedDecisionId: null,
  endDate: '2027-11-30',
  version: 1,
};
const task = {
  id: 'f1',
  decisionId: 'd1',
  title: 'Varsle skolene',
  owner: { id: 'u1', name: 'Rektor, Nordby skole', title: 'Rektor' },
  dueDate: '2027-01-15',
  status: 'in_progress',
  notes: '',
  late: true,
  version: 1,
};

describe('Sluttrapport', () => {
  it('lists per item the cases, their vedtak and the follow-up; a withheld case says why', async () => {
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/mandates', () => HttpResponse.json({ mandates: [MANDATE_SUMMARY] })),
      http.get('/api/mandates/md1/report', () =>
        HttpResponse.json({
          mandate: { id: 'md1', title: 'Oppfølging', description: '', endDate: '2027-11-30' },
          items: [
            {
              id: 'i1',
              number: 1,
              title: 'Skolestruktur',
              status: 'in_progress',
              owner: null,
              dueDate: null,
              cases: [
                {
                  id: 'c1',
                  number: '2026/4',
                  title: 'Ny skolestruktur',
                  status: 'follow_up',
                  exemptBasis: null,
                  decisions: [
                    { id: 'd1', body: 'Kommunestyret', committeeNumber: '41/26', decidedOn: '2026-11-12', text: 'Vedtatt.', tasks: [task] },
                  ],
                },
                {
                  id: 'c2',
                  number: '2026/5',
                  title: 'Elevsak – unntatt offentlighet',
                  status: 'decided',
                  exemptBasis: 'offentleglova § 13',
                  decisions: [
                    { id: 'd2', body: 'Kommunestyret', committeeNumber: '42/26', decidedOn: '2026-11-12', text: null, tasks: [] },
                  ],
                },
              ],
            },
            { id: 'i2', number: 2, title: 'Evaluering', status: 'not_started', owner: null, dueDate: null, cases: [] },
          ],
        }),
      ),
    );
    renderRoute('/mandat/sluttrapport');
    await screen.findByRole('heading', { level: 1, name: 'Sluttrapport: Oppfølging' });
    const item = within(screen.getByRole('region', { name: '1. Skolestruktur' }));
    expect(item.getByRole('link', { name: '2026/4 Ny skolestruktur' })).toHaveProperty('pathname', '/saker/c1');
    const tasks = within(item.getByRole('table', { name: 'Oppfølging av vedtaket i Kommunestyret' }));
    expect(tasks.getByRole('cell', { name: 'Varsle skolene' })).toBeTruthy();
    expect(tasks.getByRole('cell', { name: 'Pågår – Forsinket' })).toBeTruthy();
    expect(item.getByText('Unntatt offentlighet (offentleglova § 13): vedtaket og oppfølgingen vises ikke.')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: '2. Evaluering' })).getByText('Ingen saker under dette punktet.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skriv ut' })).toBeTruthy();
  });
});
