import type { Locator, Page } from 'playwright-core';

/**
 * Step functions for meetings, votes, vedtak and union rights, driving only the UI (roles and labels),
 * for the browser journeys. Each starts where it says (the meeting page unless named otherwise) and
 * waits for what the page shows when the step is done.
 */

export type MeetingKind = 'ordinary' | 'consultation' | 'school_conference';
const KIND_LABEL: Record<MeetingKind, string> = {
  ordinary: 'Ordinært møte',
  consultation: 'Drøftingsmøte med tillitsvalgte',
  school_conference: 'Skolekonferanse',
};

/**
 * From any page: creates a meeting on «Møter» and lands on it. `startsAt` is Oslo wall-clock for the
 * datetime-local field (`2026-12-10T18:00`). Answers the meeting page's URL.
 */
export async function createMeeting(
  page: Page,
  m: { body: string; title: string; startsAt: string; place: string; kind?: MeetingKind; closedBasis?: string },
): Promise<string> {
  await page.getByRole('link', { name: 'Møter', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Møter' }).waitFor();
  await page.getByLabel('Organ').selectOption({ label: m.body });
  await page.getByLabel('Type møte').selectOption({ label: KIND_LABEL[m.kind ?? 'ordinary'] });
  await page.getByRole('textbox', { name: 'Tittel', exact: true }).fill(m.title);
  await page.getByLabel('Tidspunkt (norsk tid)').fill(m.startsAt);
  await page.getByRole('textbox', { name: 'Møtested' }).fill(m.place);
  if (m.closedBasis) {
    await page.getByRole('checkbox', { name: 'Lukket møte' }).check();
    await page.getByRole('textbox', { name: 'Hjemmel for å lukke møtet' }).fill(m.closedBasis);
  }
  await page.getByRole('button', { name: 'Opprett møte' }).click();
  await page.getByRole('heading', { level: 1, name: `${m.body}: ${m.title}` }).waitFor();
  return page.url();
}

/** Puts a case on the agenda (found by a part of its title) and waits for its protocol form. */
export async function addAgendaItem(page: Page, a: { caseTitle: string }): Promise<void> {
  const select = page.getByLabel('Sett sak på sakslisten');
  const value = await select.evaluate(
    (el, title) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(title))?.value ?? '',
    a.caseTitle,
  );
  if (!value) throw new Error(`«${a.caseTitle}» is not among the cases that can be put on the agenda`);
  await select.selectOption(value);
  await page.getByRole('button', { name: 'Legg til', exact: true }).click();
  await page
    .getByRole('link', { name: new RegExp(escape(a.caseTitle)) })
    .first()
    .waitFor();
}

/** Publishes the agenda (saksliste: the notice to the body's members). */
export async function publishNotice(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Publiser sakslisten' }).click();
  await page.getByText('Sakslisten er publisert.').waitFor();
}

export type AttendanceStatus = 'present' | 'absent' | 'substitute';
const STATUS_LABEL: Record<AttendanceStatus, string> = { present: 'Til stede', absent: 'Forfall', substitute: 'Vara møter' };

/**
 * Records attendance: per member (by the name the body lists) present, absent (forfall) or met by a
 * substitute (`substitute`: the vara's name); and who of those who met was not there for one case
 * (`absences`: the case by a part of its title, the member, inhabil or left, and an optional note).
 */
export async function recordAttendance(
  page: Page,
  a: {
    members: { name: string; status: AttendanceStatus; substitute?: string }[];
    absences?: { caseTitle: string; member: string; reason: 'disqualified' | 'left'; note?: string }[];
  },
): Promise<void> {
  const form = page.getByRole('form', { name: 'Registrer oppmøte' });
  for (const m of a.members) {
    const group = form.getByRole('group', { name: m.name, exact: true });
    await group.getByRole('radio', { name: STATUS_LABEL[m.status] }).check();
    if (m.status === 'substitute') await group.getByRole('textbox', { name: `Navn på vara for ${m.name}` }).fill(m.substitute ?? '');
  }
  for (const x of a.absences ?? []) {
    const item = form.getByRole('group', { name: new RegExp(escape(x.caseTitle)) });
    await item
      .getByRole('combobox', { name: x.member, exact: true })
      .selectOption({ label: x.reason === 'disqualified' ? 'Inhabil' : 'Gikk fra møtet' });
    if (x.note) await item.getByRole('textbox', { name: `Merknad for ${x.member} (valgfritt)` }).fill(x.note);
  }
  await form.getByRole('button', { name: 'Lagre oppmøte' }).click();
  await form.getByText('Oppmøtet er lagret.').waitFor();
}

export interface MotionStep {
  text: string;
  proposedBy?: string;
  party?: string;
  for: number;
  against: number;
  blank?: number;
  byParty?: { party: string; for: number; against: number; blank?: number }[];
}

/**
 * Writes the protocol of one case on the agenda: the minutes and, where the meeting decides, the motions
 * with their votes, which one was adopted (`adopted`: its index; its text becomes the vedtak) and dissens.
 * Without motions, `decision` is the vedtak's text (none in a drøftingsmøte). `confirmOpenInput` is the
 * reason for deciding while input is still open. Waits for the protocol to show the vedtak (or the minutes).
 */
export async function recordProtocol(
  page: Page,
  p: {
    caseTitle: string;
    minutes: string;
    motions?: MotionStep[];
    adopted?: number;
    dissent?: { name: string; reason: string }[];
    decision?: string;
    confirmOpenInput?: string;
  },
): Promise<void> {
  const form = page.getByRole('form', { name: `Protokoll for ${p.caseTitle}` });
  await form.getByRole('textbox', { name: 'Protokolltekst' }).fill(p.minutes);
  const motions = p.motions ?? [];
  for (const [i, m] of motions.entries()) {
    await form.getByRole('button', { name: 'Legg til forslag' }).click();
    const group = form.getByRole('group', { name: `Forslag ${i + 1}`, exact: true });
    await group.getByRole('textbox', { name: 'Forslagets tekst' }).fill(m.text);
    if (m.proposedBy) await group.getByRole('textbox', { name: 'Forslagsstiller' }).fill(m.proposedBy);
    if (m.party) await group.getByRole('textbox', { name: 'Parti', exact: true }).fill(m.party);
    await votes(group, { for: 'Stemmer for', against: 'Stemmer mot', blank: 'Blanke stemmer' }, m);
    for (const [j, b] of (m.byParty ?? []).entries()) {
      await group.getByRole('button', { name: 'Legg til stemmer per parti' }).click();
      await group.getByRole('textbox', { name: `Parti ${j + 1}`, exact: true }).fill(b.party);
      await votes(group, { for: `For, parti ${j + 1}`, against: `Mot, parti ${j + 1}`, blank: `Blanke, parti ${j + 1}` }, b);
    }
    if (p.adopted === i) await group.getByRole('radio', { name: 'Dette forslaget ble vedtatt' }).check();
  }
  if (motions.length === 0 && p.decision) await form.getByRole('textbox', { name: 'Vedtak' }).fill(p.decision);
  for (const [i, d] of (p.dissent ?? []).entries()) {
    await form.getByRole('button', { name: 'Legg til dissens' }).click();
    await form.getByRole('combobox', { name: `Hvem (dissens ${i + 1})` }).fill(d.name);
    await form.getByRole('textbox', { name: `Kort begrunnelse (dissens ${i + 1})` }).fill(d.reason);
  }
  if (p.confirmOpenInput) {
    await form.getByRole('checkbox', { name: 'Fatt vedtaket selv om innspill ikke er ferdig behandlet' }).check();
    await form.getByRole('textbox', { name: 'Begrunnelse for å fatte vedtak nå' }).fill(p.confirmOpenInput);
  }
  const decides = (await form.getByRole('button', { name: 'Lagre protokoll og vedtak' }).count()) > 0;
  await form.getByRole('button', { name: decides ? 'Lagre protokoll og vedtak' : 'Lagre protokoll' }).click();
  const vedtak = decides ? (motions[p.adopted ?? -1]?.text ?? p.decision) : undefined;
  await page
    .getByText(vedtak ?? p.minutes)
    .first()
    .waitFor();
  // With a vedtak the item's protocol is done and its form goes; minutes alone may still be amended.
  if (vedtak) await form.waitFor({ state: 'detached' });
}

async function votes(
  scope: Locator,
  labels: { for: string; against: string; blank: string },
  v: { for: number; against: number; blank?: number },
): Promise<void> {
  await scope.getByRole('spinbutton', { name: labels.for, exact: true }).fill(String(v.for));
  await scope.getByRole('spinbutton', { name: labels.against, exact: true }).fill(String(v.against));
  if (v.blank !== undefined) await scope.getByRole('spinbutton', { name: labels.blank, exact: true }).fill(String(v.blank));
}

/**
 * As a union representative on the meeting's body, in a drøftingsmøte: writes a protokolltilførsel,
 * about one case on the agenda (`caseTitle`, a part of its title) or the whole meeting, and waits for the receipt.
 */
export async function writeProtocolStatement(page: Page, s: { union: string; text: string; caseTitle?: string }): Promise<void> {
  const section = page.getByRole('region', { name: 'Gi protokolltilførsel' });
  if (s.caseTitle) {
    const select = section.getByLabel('Gjelder');
    const value = await select.evaluate(
      (el, title) => [...(el as HTMLSelectElement).options].find((o) => o.text.includes(title))?.value ?? '',
      s.caseTitle,
    );
    await select.selectOption(value);
  }
  await section.getByRole('textbox', { name: `Protokolltilførsel fra ${s.union}` }).fill(s.text);
  await section.getByRole('button', { name: 'Legg til protokolltilførsel' }).click();
  await section.getByText('Protokolltilførselen er ført inn i protokollen.').waitFor();
  await page.getByText(s.text).first().waitFor();
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
