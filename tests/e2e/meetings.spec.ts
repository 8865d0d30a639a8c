import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import { addAgendaItem, createMeeting, publishNotice, recordAttendance, recordProtocol, writeProtocolStatement } from './steps/meetings.js';

const base = inject('baseUrl');
const CASE = 'Ny ressursfordelingsmodell for grunnskolen';

/** A drøftingsmøte through the meeting page: agenda, attendance with vara and an inhabil member, protocol, and a union's protokolltilførsel. */
describe('a drøftingsmøte with a protokolltilførsel', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('the officer holds the meeting; the union representative on the body writes a protokolltilførsel, shown on the case', async () => {
    const officer = await j.open('m1-officer-consultation', 'saksbehandler@solvik.kommune.test');
    const url = await createMeeting(officer, {
      body: 'Arbeidsgruppen for skoleoppfølging',
      kind: 'consultation',
      title: 'Drøfting av ressursmodellen',
      startsAt: '2026-12-15T09:00',
      place: 'Rådhuset, møterom 2',
    });
    await addAgendaItem(officer, { caseTitle: CASE });
    await publishNotice(officer);
    await recordAttendance(officer, {
      members: [
        { name: 'Hovedtillitsvalgt, Utdanningsforbundet', status: 'present' },
        { name: 'Kommunalsjef, oppvekst', status: 'substitute', substitute: 'Vara for kommunalsjefen' },
      ],
      absences: [{ caseTitle: CASE, member: 'Hovedtillitsvalgt, Utdanningsforbundet', reason: 'left', note: 'Gikk før saken' }],
    });
    await officer.getByText('Vara for kommunalsjefen møtte som vara for Kommunalsjef, oppvekst').waitFor();
    await recordProtocol(officer, { caseTitle: CASE, minutes: 'Modellen ble drøftet med de tillitsvalgte.' });
    await expectAccessible(officer, 'drøftingsmøte med protokoll');

    const union = await j.open('m1-union-statement', 'htv.utdanningsforbundet@solvik.kommune.test');
    await union.goto(url);
    await writeProtocolStatement(union, {
      union: 'Utdanningsforbundet',
      caseTitle: CASE,
      text: 'Utdanningsforbundet kan ikke slutte seg til kuttet i rammen.',
    });
    await expectAccessible(union, 'drøftingsmøte med protokolltilførsel');
    await union
      .getByRole('link', { name: new RegExp(CASE) })
      .first()
      .click();
    await union
      .getByRole('region', { name: 'Protokolltilførsler' })
      .getByText('Utdanningsforbundet kan ikke slutte seg til kuttet i rammen.')
      .waitFor();
    await expectAccessible(union, 'sak med protokolltilførsel');
  }, 300_000); // two people and six pages
});
