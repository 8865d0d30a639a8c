import { screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { MEMBER } from '../../testing/pageFixtures.js';
import { renderRoute } from '../../testing/render.js';
import { server } from '../../testing/server.js';

describe('Innspillsrunde: the status follows the clock', () => {
  it('says «Lukket» once the deadline has passed, without a reload', { timeout: 20000 }, async () => {
    const closesAt = new Date(Date.now() + 1500);
    const round = () => ({
      id: 'r1',
      title: 'Innspill til modellen',
      questions: 'Hva mener dere?',
      caseId: null,
      case: null,
      mandateItemId: null,
      opensAt: new Date(Date.now() - 86400000).toISOString(),
      closesAt: closesAt.toISOString(),
      // As the server decides it: open until the deadline.
      open: Date.now() < closesAt.getTime(),
      closedAt: null,
      publishAfterClose: false,
      remindersSent: null,
      latePolicy: 'refuse',
      invitations: [{ bodyId: 'b2', bodyName: 'KFU', status: 'not_answered', extendedUntil: null }],
      myBodyIds: ['b2'],
      invitedPersons: [],
      invitedMe: false,
      documents: [],
      submissions: [],
    });
    server.use(
      http.get('/api/auth/me', () => HttpResponse.json(MEMBER)),
      http.get('/api/rounds/r1', () => HttpResponse.json(round())),
    );
    renderRoute('/innspill/r1');
    await screen.findByText('Åpen', {}, { timeout: 5000 });
    expect(screen.getByRole('button', { name: 'Send innspill' })).toBeTruthy();
    // No reload: the page asks again at the deadline.
    await screen.findByText('Lukket', {}, { timeout: 8000 });
    expect(screen.queryByText('Åpen')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Send innspill' })).toBeNull();
  });
});
