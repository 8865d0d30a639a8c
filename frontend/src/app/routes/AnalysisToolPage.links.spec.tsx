import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { computeAnalysis, GRIMSTAD_2009 } from '@samrad/shared/engine';
import { CASE, MEMBER } from '../../testing/pageFixtures.js';
import { ME, renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

/** The tool page's adoption by a vedtak of the case, and the consequence assessments of the measure's unit leaders. */
const DECISION_ID = '3c9d7e1a-5b2f-4a6c-8d9e-0f1a2b3c4d5e';
const input = {
  ...GRIMSTAD_2009.savings,
  measures: GRIMSTAD_2009.savings.measures.map((m) => ({
    ...m,
    owner: 'Kommunalsjef oppvekst',
    ownerId: null,
    school: m.id === 'rammer' ? 'Nordby skole' : '',
    mandateItemId: null,
    status: m.id === 'rammer' ? 'adopted' : 'recommended',
    assessment: { pupils: '', parents: m.id === 'sfo' ? 'Høyere pris for hel plass.' : '', staff: '' },
    scenarioId: null,
  })),
};
const ADOPTION = {
  measureId: 'rammer',
  decisionId: DECISION_ID,
  body: 'Kommunestyret',
  decidedOn: '2026-12-10',
  committeeNumber: '41/26',
  adoptedAt: '2026-12-11T09:00:00.000Z',
};
const PLAN = {
  id: 'a1',
  kind: 'savings',
  title: 'Innsparingskrav og tiltak',
  caseId: 'c1',
  caseNumber: '2026/12',
  caseTitle: 'Ny ressursfordelingsmodell',
  mandateItem: null,
  version: 4,
  updatedAt: '2026-12-11T09:00:00.000Z',
  engineVersion: '1.0.0',
  input,
  result: computeAnalysis('savings', input),
  adoptions: [ADOPTION],
  mayAssess: [] as string[],
};
const STRUCTURE = {
  ...PLAN,
  id: 'a3',
  kind: 'structure',
  title: 'Skolestruktur',
  input: GRIMSTAD_2009.structure,
  result: computeAnalysis('structure', GRIMSTAD_2009.structure),
  adoptions: [{ ...ADOPTION, measureId: null }],
};
const DECIDED = {
  ...CASE,
  decisions: [
    {
      id: DECISION_ID,
      bodyId: 'b9',
      bodyName: 'Kommunestyret',
      committeeNumber: '41/26',
      decidedOn: '2026-12-10',
      text: 'Kommunestyret vedtar tiltakene.',
      motions: [],
      openInputReason: null,
    },
  ],
};

function api(me: object, tool: { id: string } & Record<string, unknown>) {
  server.use(
    http.get('/api/auth/me', () => HttpResponse.json(me)),
    http.get(`/api/analysis-tools/${tool.id}`, () => HttpResponse.json(tool)),
    http.get(`/api/analysis-tools/${tool.id}/versions`, () => HttpResponse.json({ versions: [] })),
    http.get(`/api/analysis-tools/${tool.id}/comments`, () => HttpResponse.json({ comments: [] })),
    http.get('/api/mandates', () => HttpResponse.json({ mandates: [] })),
    http.get('/api/users', () => HttpResponse.json({ users: [] })),
    http.get('/api/cases/c1', () => HttpResponse.json(DECIDED)),
  );
}

describe('Analyse: adoption and consequence assessments', () => {
  it('shows what a vedtak adopted, and lets the officer adopt another measure by a vedtak of the case', async () => {
    api(ME, PLAN);
    let sent: unknown;
    server.use(
      http.post('/api/analysis-tools/a1/adoptions', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ ...ADOPTION, measureId: 'sfo' }, { status: 201 });
      }),
    );
    renderRoute('/analyse/a1');
    expect(
      await screen.findByText(/Vedtatt i Kommunestyret 10\. desember 2026 \(sak 41\/26\)\. Tiltaket er vedtatt og kan ikke endres\./),
    ).toBeTruthy();
    const user = userEvent.setup();
    const measure = screen.getByLabelText('Tiltaket vedtaket gjelder');
    // The adopted measure is not offered again.
    expect([...(measure as HTMLSelectElement).options].map((o) => o.value)).not.toContain('rammer');
    await user.selectOptions(measure, 'sfo');
    await user.selectOptions(screen.getByLabelText('Vedtaket'), DECISION_ID);
    await user.click(screen.getByRole('button', { name: 'Registrer vedtaket' }));
    await waitFor(() => expect(sent).toEqual({ decisionId: DECISION_ID, measureId: 'sfo' }));
    expect(await screen.findByText('Vedtaket er registrert.')).toBeTruthy();
  });

  it('an adopted structure scenario is locked: no editor, no adoption form', async () => {
    api(ME, STRUCTURE);
    renderRoute('/analyse/a3');
    expect(await screen.findByText(/Vedtatt i Kommunestyret 10\. desember 2026 \(sak 41\/26\)\. Vedtatt: kan ikke endres\./)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Lagre og regn ut' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrer vedtaket' })).toBeNull();
  });

  it('a unit leader writes the assessment of the measures the server names; a parent gets no form', async () => {
    api({ ...MEMBER, id: 'u-rektor', name: 'Rektor, Nordby skole' }, { ...PLAN, mayAssess: ['sfo'] });
    let sent: unknown;
    server.use(
      http.put('/api/analysis-tools/a1/measures/sfo/assessment', async ({ request }) => {
        sent = await request.json();
        return HttpResponse.json({ id: 'a1', version: 5 });
      }),
    );
    renderRoute('/analyse/a1');
    const heading = await screen.findByRole('heading', { name: 'Konsekvensvurdering for «Høyere foreldrebetaling i SFO»' });
    const form = heading.closest('form')!;
    const parents = form.querySelector<HTMLTextAreaElement>('textarea[name="parents"]')!;
    expect(parents.value).toBe('Høyere pris for hel plass.');
    const user = userEvent.setup();
    await user.type(form.querySelector<HTMLTextAreaElement>('textarea[name="staff"]')!, 'Små endringer.');
    await user.click(screen.getByRole('button', { name: 'Lagre konsekvensvurderingen' }));
    await waitFor(() => expect(sent).toEqual({ version: 4, pupils: '', parents: 'Høyere pris for hel plass.', staff: 'Små endringer.' }));
    expect(screen.queryByRole('button', { name: 'Registrer vedtaket' })).toBeNull();
  });

  it('a parent reads the plan without an assessment form', async () => {
    api(MEMBER, PLAN);
    renderRoute('/analyse/a1');
    await screen.findByText(/Vedtatt i Kommunestyret/);
    expect(screen.queryByRole('button', { name: 'Lagre konsekvensvurderingen' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Registrer vedtaket' })).toBeNull();
  });
});
