import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, expectAccessible, journeys } from '../support/browser.js';
import { createCase, moveCase, recordRecommendation, setRoute } from './steps/cases.js';
import { addAgendaItem, createMeeting, publishNotice, recordAttendance, recordProtocol } from './steps/meetings.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const CASE = 'Nytt idrettsanlegg ved Nordby skole';
const MEMBER = 'Medlem, Driftsutvalget (posisjon)';
const VARA = 'Kommunestyremedlem, posisjon';
const SHOTS = join(ARTIFACTS, 'habilitet');

/** Impartiality (habilitet) through the meeting page: a declaration, the body's decision, the vote that refuses the member, the protocol. */
describe('a member disqualified in a case', () => {
  const j = journeys(base);
  beforeAll(() => {
    mkdirSync(SHOTS, { recursive: true });
    return j.start();
  });
  afterAll(() => j.close());

  it('the officer records a declaration and the body’s decision; the vote form refuses the member; the protocol and the case say so', async () => {
    const page = await j.open('impartiality-officer', OFFICER);
    const caseUrl = await createCase(page, { title: CASE });
    await moveCase(page, 'Start utredningen');
    await setRoute(page, ['Driftsutvalget']);
    await recordRecommendation(page, { body: 'Driftsutvalget', text: 'Administrasjonen innstiller på å bygge anlegget.' });
    await moveCase(page, 'Send til behandling i Driftsutvalget');

    await createMeeting(page, {
      body: 'Driftsutvalget',
      title: 'Møte om idrettsanlegget',
      startsAt: '2026-12-17T18:00',
      place: 'Rådhuset',
    });
    await addAgendaItem(page, { caseTitle: CASE });
    await publishNotice(page);
    await recordAttendance(page, {
      members: [
        'Leder, Driftsutvalget',
        'Nestleder, Driftsutvalget',
        MEMBER,
        'Medlem, Driftsutvalget (opposisjon)',
        'Medlem, Driftsutvalget (posisjon 2)',
      ].map((name) => ({ name, status: 'present' as const })),
    });

    // The officer records the member's possible disqualification, then the body's decision and the substitute called in.
    const panel = page.getByRole('region', { name: `Habilitet i ${CASE}` });
    const declare = panel.getByRole('form', { name: 'Registrer mulig inhabilitet' });
    await declare.getByLabel('Hvem').selectOption({ label: MEMBER });
    await declare.getByLabel('Lovgrunnlag').selectOption('fvl_6_1_e');
    await declare.getByRole('textbox', { name: 'Begrunnelse' }).fill('Er styreleder i idrettslaget som skal bruke anlegget.');
    await declare.getByRole('button', { name: 'Registrer', exact: true }).click();
    await panel.getByText(`Saksbehandler opplyste at ${MEMBER} kan være inhabil`, { exact: false }).waitFor();
    const decide = panel.getByRole('form', { name: `Organets vedtak om habiliteten til ${MEMBER}` });
    await decide.getByLabel('Organet vedtok').selectOption('disqualified');
    await decide
      .getByRole('textbox', { name: 'Vedtaket slik det protokolleres' })
      .fill('Medlemmet er inhabil etter forvaltningsloven § 6 første ledd bokstav e og fratrer under behandlingen av saken.');
    await decide.getByLabel('Vara som kalles inn (valgfritt)').selectOption({ label: VARA });
    await decide.getByRole('button', { name: 'Lagre vedtaket' }).click();
    await panel.getByText(`Vara ${VARA} tiltrådte.`).waitFor();
    await page.getByText(`${MEMBER} fratrådte under behandlingen av sak`, { exact: false }).first().waitFor();
    await expectAccessible(page, 'møte med habilitetserklæring');
    await panel.screenshot({ path: join(SHOTS, 'habilitet.png') });

    // The vote form: the disqualified member cannot be ticked as voting; the substitute can.
    const minutes = page.getByRole('form', { name: `Protokoll for ${CASE}` });
    await minutes.getByRole('button', { name: 'Legg til forslag' }).click();
    const voters = minutes.getByRole('group', { name: /^Hvem stemte/ });
    const refused = voters.getByRole('checkbox', { name: new RegExp(`^${MEMBER.replace(/[()]/g, '\\$&')} – kan ikke stemme: inhabil`) });
    expect(await refused.isDisabled()).toBe(true);
    expect(await voters.getByRole('checkbox', { name: VARA, exact: true }).isChecked()).toBe(true);
    await minutes.screenshot({ path: join(SHOTS, 'stemmeskjema.png') });
    await minutes.getByRole('button', { name: 'Fjern forslag 1' }).click();
    await recordProtocol(page, {
      caseTitle: CASE,
      minutes: `${MEMBER} fratrådte. Vara ${VARA} tiltrådte.`,
      motions: [{ text: 'Driftsutvalget vedtar å bygge anlegget.', proposedBy: 'Leder', for: 5, against: 0 }],
      adopted: 0,
    });

    // The protocol states it: who declared, the body's decision, who left, the substitute, who voted.
    await page.getByText(`${MEMBER} fratrådte under behandlingen av saken og stemte ikke.`, { exact: false }).waitFor();
    await page.getByText(new RegExp(`^Stemte: .*${VARA}`)).waitFor();
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByText(new RegExp(`^Stemte: .*${MEMBER.replace(/[()]/g, '\\$&')}`)).count()).toBe(0);
    await expectAccessible(page, 'protokoll med habilitet');
    await page.screenshot({ path: join(SHOTS, 'protokoll.png'), fullPage: true });

    // The case's register of declarations.
    await page.goto(caseUrl);
    const register = page.getByRole('region', { name: 'Habilitet i saken' });
    await register.getByText(`Saksbehandler opplyste at ${MEMBER} kan være inhabil`, { exact: false }).waitFor();
    await register.getByText('Driftsutvalget vedtok: Medlemmet er inhabil', { exact: false }).waitFor();
    await expectAccessible(page, 'sak med habilitetsregister');
    await register.screenshot({ path: join(SHOTS, 'sak.png') });
  }, 300_000); // one person, five pages
});
