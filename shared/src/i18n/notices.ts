import { TIME_ZONE } from '../domain/dates.js';
import { LANGUAGE_LOCALES, type Language } from './languages.js';

/** A text in each language Samråd speaks; `{{name}}` stands for a value filled in when it is said. */
export type Texts = Record<Language, string>;

/**
 * What Samråd tells people outside a page: the notices (in the app, in e-mail and in the daily digest) and every
 * e-mail, in bokmål, nynorsk and English. The backend's notice catalogue (`modules/notifications/notice-kinds.ts`)
 * and the mail it sends say them in the recipient's language ({@link say}): the person's own choice, else their
 * municipality's målform. `shared/test/messages.spec.ts` checks each has all three with the same values named.
 */
export const NOTICE_TEXTS = {
  // The notices, by kind (jobs.ts: NOTICE_KIND_NAMES)
  'invited.title': {
    nb: 'Invitasjon til innspill: {{round}}',
    nn: 'Invitasjon til innspel: {{round}}',
    en: 'Invitation to give input: {{round}}',
  },
  'invited.body': {
    nb: 'Organet ditt er invitert til å gi innspill. Frist: {{deadline}}.',
    nn: 'Organet ditt er invitert til å gi innspel. Frist: {{deadline}}.',
    en: 'Your body is invited to give input. Deadline: {{deadline}}.',
  },
  'invited.person': {
    nb: 'Du er personlig invitert til å gi innspill. Frist: {{deadline}}.',
    nn: 'Du er personleg invitert til å gi innspel. Frist: {{deadline}}.',
    en: 'You are personally invited to give input. Deadline: {{deadline}}.',
  },
  'receipt.title': { nb: 'Kvittering for innspill', nn: 'Kvittering for innspel', en: 'Receipt for your input' },
  'receipt.titleChanged': {
    nb: 'Kvittering for endret innspill',
    nn: 'Kvittering for endra innspel',
    en: 'Receipt for your changed input',
  },
  'receipt.body': {
    nb: 'Innspillet ditt er mottatt {{time}}.',
    nn: 'Innspelet ditt er motteke {{time}}.',
    en: 'Your input was received on {{time}}.',
  },
  'receipt.late': {
    nb: 'Det kom etter fristen og er merket som for sent.',
    nn: 'Det kom etter fristen og er merkt som for seint.',
    en: 'It came after the deadline and is marked as late.',
  },
  'receipt.bodyChanged': {
    nb: 'Versjon {{version}} av innspillet ditt er mottatt {{time}}.',
    nn: 'Versjon {{version}} av innspelet ditt er motteken {{time}}.',
    en: 'Version {{version}} of your input was received on {{time}}.',
  },
  'receipt.checksum': {
    nb: 'Kontrollsum (SHA-256): {{sha256}}',
    nn: 'Kontrollsum (SHA-256): {{sha256}}',
    en: 'Checksum (SHA-256): {{sha256}}',
  },
  'reminder.title': {
    nb: 'Påminnelse: frist for innspill {{deadline}}',
    nn: 'Påminning: frist for innspel {{deadline}}',
    en: 'Reminder: deadline for input {{deadline}}',
  },
  'reminder.body': {
    nb: '{{body}} har ikke svart på innspillsrunden «{{round}}». Fristen er {{deadline}}. Svar med innspill eller «ingen merknad».',
    nn: '{{body}} har ikkje svart på innspelsrunden «{{round}}». Fristen er {{deadline}}. Svar med innspel eller «ingen merknad».',
    en: '{{body}} has not answered the consultation round «{{round}}». The deadline is {{deadline}}. Answer with input or «no comment».',
  },
  'reminder.person': {
    nb: 'Du er invitert til innspillsrunden «{{round}}» og har ikke svart. Fristen er {{deadline}}. Svar med innspill eller «ingen merknad».',
    nn: 'Du er invitert til innspelsrunden «{{round}}» og har ikkje svart. Fristen er {{deadline}}. Svar med innspel eller «ingen merknad».',
    en: 'You are invited to the consultation round «{{round}}» and have not answered. The deadline is {{deadline}}. Answer with input or «no comment».',
  },
  'extension.title': { nb: 'Utsatt frist: {{round}}', nn: 'Utsett frist: {{round}}', en: 'Extended deadline: {{round}}' },
  'extension.body': {
    nb: 'Organet ditt har fått utsatt frist til {{until}}.',
    nn: 'Organet ditt har fått utsett frist til {{until}}.',
    en: 'Your body has been given an extended deadline: {{until}}.',
  },
  'roundClosed.title': {
    nb: 'Innspillsrunden er lukket: {{round}}',
    nn: 'Innspelsrunden er lukka: {{round}}',
    en: 'The consultation round is closed: {{round}}',
  },
  'roundClosed.body': {
    nb: 'Fristen er ute. Innspillene kan nå behandles.',
    nn: 'Fristen er ute. Innspela kan no handsamast.',
    en: 'The deadline has passed. The input can now be considered.',
  },
  'disposition.title': { nb: 'Innspillet ditt er behandlet', nn: 'Innspelet ditt er handsama', en: 'Your input has been considered' },
  'disposition.body': { nb: '{{input}} er {{outcome}}.', nn: '{{input}} er {{outcome}}.', en: '{{input}} has been {{outcome}}.' },
  'disposition.reason': { nb: 'Begrunnelse: {{reason}}', nn: 'Grunngiving: {{reason}}', en: 'Reason: {{reason}}' },
  'disposition.input': { nb: 'Innspillet ditt', nn: 'Innspelet ditt', en: 'Your input' },
  'disposition.input.round': {
    nb: 'Innspillet ditt i innspillsrunden',
    nn: 'Innspelet ditt i innspelsrunden',
    en: 'Your input in the consultation round',
  },
  'disposition.input.continuous': { nb: 'Det løpende innspillet ditt', nn: 'Det løpande innspelet ditt', en: 'Your continuous input' },
  'disposition.input.conference': {
    nb: 'Innspillet ditt fra skolekonferansen',
    nn: 'Innspelet ditt frå skulekonferansen',
    en: 'Your input from the school conference',
  },
  'disposition.outcome.adopted': { nb: 'tatt til følge', nn: 'teke til følgje', en: 'accepted' },
  'disposition.outcome.partly_adopted': { nb: 'delvis tatt til følge', nn: 'delvis teke til følgje', en: 'partly accepted' },
  'disposition.outcome.not_adopted': { nb: 'ikke tatt til følge', nn: 'ikkje teke til følgje', en: 'not accepted' },
  'disposition.outcome.noted': { nb: 'tatt til orientering', nn: 'teke til orientering', en: 'noted' },
  'comment.title': { nb: 'Ny merknad i sak {{number}}', nn: 'Ny merknad i sak {{number}}', en: 'New comment in case {{number}}' },
  'decision.title': {
    nb: 'Vedtak i sak {{number}}: {{title}}',
    nn: 'Vedtak i sak {{number}}: {{title}}',
    en: 'Decision in case {{number}}: {{title}}',
  },
  'decision.body': {
    nb: 'Det er fattet vedtak i saken du har gitt innspill til.',
    nn: 'Det er gjort vedtak i saka du har gitt innspel til.',
    en: 'A decision has been made in the case you gave input on.',
  },
  'agenda.title': { nb: 'Saksliste: {{meeting}}', nn: 'Saksliste: {{meeting}}', en: 'Agenda: {{meeting}}' },
  'agenda.body': {
    nb: 'Sakslisten til møtet i {{body}} {{startsAt}} er publisert.',
    nn: 'Sakslista til møtet i {{body}} {{startsAt}} er publisert.',
    en: 'The agenda for the meeting of {{body}} on {{startsAt}} has been published.',
  },

  // Every e-mail: a notice's, the log-in links', the daily digest
  'mail.open': { nb: 'Åpne i Samråd: {{link}}', nn: 'Opne i Samråd: {{link}}', en: 'Open in Samråd: {{link}}' },
  'mail.signature': { nb: 'Hilsen Samråd', nn: 'Helsing Samråd', en: 'Regards, Samråd' },
  'mail.invite.subject': { nb: 'Invitasjon til Samråd', nn: 'Invitasjon til Samråd', en: 'Invitation to Samråd' },
  'mail.invite.text': {
    nb: 'Hei {{name}},\n\ndu er invitert til Samråd, der kommunen samarbeider om oppfølgingen av skolenes ressursbruk.\n\nVelg passord her (lenken gjelder i 7 dager):\n{{link}}',
    nn: 'Hei {{name}},\n\ndu er invitert til Samråd, der kommunen samarbeider om oppfølginga av ressursbruken i skulane.\n\nVel passord her (lenkja gjeld i 7 dagar):\n{{link}}',
    en: 'Hello {{name}},\n\nYou are invited to Samråd, where the municipality works together on following up how the schools use their resources.\n\nChoose a password here (the link is valid for 7 days):\n{{link}}',
  },
  'mail.reset.subject': { nb: 'Nytt passord i Samråd', nn: 'Nytt passord i Samråd', en: 'New password for Samråd' },
  'mail.reset.text': {
    nb: 'Hei {{name}},\n\nnoen (forhåpentlig du) ba om nytt passord til Samråd.\n\nVelg nytt passord her (lenken gjelder i 1 time):\n{{link}}\n\nBa du ikke om dette, kan du se bort fra e-posten.',
    nn: 'Hei {{name}},\n\nnokon (forhåpentleg du) bad om nytt passord til Samråd.\n\nVel nytt passord her (lenkja gjeld i 1 time):\n{{link}}\n\nBad du ikkje om dette, kan du sjå bort frå e-posten.',
    en: 'Hello {{name}},\n\nSomeone (hopefully you) asked for a new password for Samråd.\n\nChoose a new password here (the link is valid for 1 hour):\n{{link}}\n\nIf you did not ask for this, you can ignore this e-mail.',
  },
  'mail.invitedElsewhere.subject': {
    nb: 'Invitasjon til Samråd ble ikke sendt',
    nn: 'Invitasjon til Samråd vart ikkje send',
    en: 'Invitation to Samråd was not sent',
  },
  'mail.invitedElsewhere.text': {
    nb: 'Hei {{name}},\n\n{{municipality}} prøvde å invitere deg til Samråd med denne e-postadressen. Adressen hører allerede til brukeren din i en annen kommune, og én adresse kan bare høre til én bruker, så invitasjonen ble ikke sendt.\n\nSkal du være med i Samråd for {{municipality}} også, kan du be administratoren der om å invitere deg med en annen e-postadresse. Kjenner du ikke til dette, kan du se bort fra e-posten.',
    nn: 'Hei {{name}},\n\n{{municipality}} prøvde å invitere deg til Samråd med denne e-postadressa. Adressa høyrer alt til brukaren din i ein annan kommune, og éi adresse kan berre høyre til éin brukar, så invitasjonen vart ikkje send.\n\nSkal du vere med i Samråd for {{municipality}} òg, kan du be administratoren der om å invitere deg med ei anna e-postadresse. Kjenner du ikkje til dette, kan du sjå bort frå e-posten.',
    en: 'Hello {{name}},\n\n{{municipality}} tried to invite you to Samråd with this e-mail address. The address already belongs to your user in another municipality, and one address can belong to only one user, so the invitation was not sent.\n\nIf you are to take part in Samråd for {{municipality}} too, you can ask the administrator there to invite you with another e-mail address. If you do not know about this, you can ignore this e-mail.',
  },
  'digest.subject': {
    nb: 'Samråd: dagens oversikt – {{summary}}',
    nn: 'Samråd: oversikta for i dag – {{summary}}',
    en: 'Samråd: today’s overview – {{summary}}',
  },
  'digest.deadlines.one': { nb: '{{count}} frist', nn: '{{count}} frist', en: '{{count}} deadline' },
  'digest.deadlines.other': { nb: '{{count}} frister', nn: '{{count}} fristar', en: '{{count}} deadlines' },
  'digest.notices.one': { nb: '{{count}} nytt varsel', nn: '{{count}} nytt varsel', en: '{{count}} new notification' },
  'digest.notices.other': { nb: '{{count}} nye varsler', nn: '{{count}} nye varsel', en: '{{count}} new notifications' },
  'digest.greeting': { nb: 'Hei {{name}},', nn: 'Hei {{name}},', en: 'Hello {{name}},' },
  'digest.intro': {
    nb: 'her er dagens oversikt fra Samråd ({{date}}).',
    nn: 'her er oversikta for i dag frå Samråd ({{date}}).',
    en: 'here is today’s overview from Samråd ({{date}}).',
  },
  'digest.deadlines': { nb: 'FRISTER', nn: 'FRISTAR', en: 'DEADLINES' },
  'digest.news': { nb: 'NYTT I SAKENE DINE', nn: 'NYTT I SAKENE DINE', en: 'NEW IN YOUR CASES' },
  'digest.bodyNotAnswered': { nb: '{{body}} har ikke svart', nn: '{{body}} har ikkje svart', en: '{{body}} has not answered' },
  'digest.personNotAnswered': {
    nb: 'du er personlig invitert og har ikke svart',
    nn: 'du er personleg invitert og har ikkje svart',
    en: 'you are personally invited and have not answered',
  },
  'digest.case': { nb: 'Sak {{number}} {{title}}', nn: 'Sak {{number}} {{title}}', en: 'Case {{number}} {{title}}' },
  'digest.other': { nb: 'Annet', nn: 'Anna', en: 'Other' },
  'digest.why': {
    nb: 'Du får denne e-posten fordi du har valgt daglig oppsummering. Endre det under «Profil og varsler»: {{link}}',
    nn: 'Du får denne e-posten fordi du har valt dagleg oppsummering. Endre det under «Profil og varsel»: {{link}}',
    en: 'You get this e-mail because you chose a daily summary. Change it under «Profile and notifications»: {{link}}',
  },
} satisfies Record<string, Texts>;

export type NoticeTextKey = keyof typeof NOTICE_TEXTS;

/** The values a text names: a date is said in Oslo time, in the language's own way. */
export type TextValues = Record<string, string | number | Date>;

const dateTimes = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: Language, withTime: boolean): Intl.DateTimeFormat {
  const key = `${language}:${withTime}`;
  let format = dateTimes.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], {
      timeZone: TIME_ZONE,
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' as const } : {}),
    });
    dateTimes.set(key, format);
  }
  return format;
}

/** An instant as date and time in Oslo in a language: «1. desember 2026 kl. 12:00», «1 December 2026 at 12:00». */
export function formatDateTimeIn(language: Language, instant: Date | string): string {
  return dateFormat(language, true).format(new Date(instant));
}

/** An instant's date in Oslo in a language: «1. desember 2026», «1 December 2026». */
export function formatDateIn(language: Language, instant: Date | string): string {
  return dateFormat(language, false).format(new Date(instant));
}

/** A text of {@link NOTICE_TEXTS} in a language, its values filled in (a Date as date and time in Oslo). */
export function say(language: Language, key: NoticeTextKey, values: TextValues = {}): string {
  return NOTICE_TEXTS[key][language].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) return whole;
    return value instanceof Date ? formatDateTimeIn(language, value) : String(value);
  });
}
