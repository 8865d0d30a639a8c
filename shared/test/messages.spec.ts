import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  columnMappingSchema,
  createCaseSchema,
  createMeetingSchema,
  parseWith,
  searchQuerySchema,
  updateMeSchema,
} from '../src/contracts/index.js';
import {
  LANGUAGES,
  MESSAGE_WORDS,
  NOTICE_TEXTS,
  SERVER_MESSAGES,
  formatDateIn,
  formatDateTimeIn,
  knowsMessage,
  languageFromAcceptLanguage,
  say,
  translateMessage,
} from '../src/i18n/index.js';

const contracts = join(import.meta.dirname, '..', 'src', 'contracts');

/** A quoted string or a template literal (its `${…}` parts as `{{}}`). */
const LITERAL = /'((?:[^'\\\n]|\\.)*)'|`((?:[^`$\\]|\\.|\$\{(?:[^{}]|\{[^}]*\})*\}|\$(?!\{))*)`/g;
const literals = (source: string) =>
  [...source.matchAll(LITERAL)].map((m) => (m[1] ?? m[2]!).replace(/\$\{(?:[^{}]|\{[^}]*\})*\}/g, '{{}}'));
const shape = (message: string) => message.replace(/\{\{\w*\}\}/g, '{{}}');

/** Every message and label the contracts write, found in their source where a message or a label is given. */
function contractTexts() {
  const messages = new Set<string>();
  const labels = new Set<string>();
  for (const file of readdirSync(contracts).filter((f) => f.endsWith('.ts'))) {
    const source = readFileSync(join(contracts, file), 'utf8');
    const first = (re: RegExp) => [...source.matchAll(re)].map((m) => literals(m[1]!)[0]).filter((x): x is string => x !== undefined);
    for (const l of first(/\b(?:nonEmpty|line|httpsUrl|voteCount|count)\(\s*('[^']*')/g)) labels.add(l);
    const at = [
      /\b(?:error|message):\s*('(?:[^'\\\n]|\\.)*'|`[^`]*`)/g,
      /\btext\(\s*('(?:[^'\\\n]|\\.)*')/g,
      /\bshortText\(\s*[\d_]+,\s*('(?:[^'\\\n]|\\.)*'|`[^`]*`)/g,
      /\bconst [A-Z_]+\s*=\s*('(?:[^'\\\n]|\\.)*'|`[^`]*`)/g,
    ];
    for (const re of at) for (const t of first(re)) if (/[a-zæøå] /i.test(t)) messages.add(t);
    for (const m of source.matchAll(/elsewhere:\s*\{([^}]*)\}/g)) for (const t of literals(m[1]!)) messages.add(t);
  }
  return { messages, labels };
}

describe('the API messages in nynorsk and English', () => {
  const known = new Set(Object.keys(SERVER_MESSAGES).map(shape));

  it('knows every message the contracts write, and every label they name', () => {
    const { messages, labels } = contractTexts();
    expect(messages.size).toBeGreaterThan(80);
    expect([...messages].filter((m) => !known.has(shape(m)) && !knowsMessage(m))).toEqual([]);
    expect([...labels].filter((l) => !(l in MESSAGE_WORDS))).toEqual([]);
  });

  it('has every entry in both languages, with the same values named', () => {
    for (const [nb, entry] of Object.entries(SERVER_MESSAGES)) {
      const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      for (const text of [entry.nn, entry.en]) {
        expect(text.trim(), nb).not.toBe('');
        expect(names(text), nb).toEqual(names(nb));
      }
    }
  });

  it('translates a message a contract gives, with its label and its values', () => {
    const r = parseWith(createCaseSchema, { title: '' });
    expect(r.ok).toBe(false);
    const title = !r.ok ? r.errors.find((e) => e.path === 'title')!.message : '';
    expect(title).toBe('Tittel må fylles ut');
    expect(translateMessage(title, 'nb')).toBe('Tittel må fylles ut');
    expect(translateMessage(title, 'nn')).toBe('Tittel må fyllast ut');
    expect(translateMessage(title, 'en')).toBe('Title is required');

    const long = parseWith(createMeetingSchema, {
      bodyId: crypto.randomUUID(),
      title: 'x'.repeat(301),
      startsAt: '2026-12-01T12:00:00+01:00',
    });
    const tooLong = !long.ok ? long.errors.find((e) => e.path === 'title')!.message : '';
    expect(translateMessage(tooLong, 'nn')).toBe('Tittel kan ha høgst 300 teikn');
    expect(translateMessage(tooLong, 'en')).toBe('Title can have at most 300 characters');

    const search = parseWith(searchQuerySchema, { q: 'skole', limit: '0' });
    const limit = !search.ok ? search.errors[0]!.message : '';
    expect(translateMessage(limit, 'en')).toBe('The number of results per page must be a whole number from 1 to 50');

    const language = parseWith(updateMeSchema, { version: 1, language: 'sv' });
    expect(!language.ok && language.errors.map((e) => [e.path, translateMessage(e.message, 'en')])).toEqual([
      ['language', 'Choose bokmål, nynorsk or English'],
    ]);
  });

  it('names the fields of a spreadsheet mapping and a case’s phase in the request’s language', () => {
    const mapping = parseWith(columnMappingSchema, { name: 0, stage: 1, orgNumber: 2, 'pupils@1': 3 });
    const autumn = !mapping.ok ? mapping.errors.map((e) => e.message) : [];
    expect(autumn).toContain('Velg kolonnen for Elever (høst) også, eller én kolonne for hele året');
    expect(autumn.map((m) => translateMessage(m, 'en'))).toContain(
      'Choose the column for Pupils (autumn) too, or one column for the whole year',
    );
    expect(autumn.map((m) => translateMessage(m, 'nn'))).toContain('Vel kolonnen for Elevar (haust) òg, eller éin kolonne for heile året');
    const archive = 'Arkivuttrekk lages når saken er avsluttet. Saken er nå «Til behandling». Flytt den til «Avsluttet» først.';
    expect(translateMessage(archive, 'nn')).toBe(
      'Arkivuttrekk blir laga når saka er avslutta. Saka er no «Til handsaming». Flytt henne til «Avslutta» først.',
    );
  });

  it('says the messages of a generic template by its subject, as their own entries did', () => {
    for (const [nb, nn, en] of [
      ['Teksten kan ha høyst 5000 tegn', 'Teksten kan ha høgst 5000 teikn', 'The text can have at most 5000 characters'],
      ['Teksten må stå på én linje', 'Teksten må stå på éi linje', 'The text must be on one line'],
      ['Passord må fylles ut', 'Passord må fyllast ut', 'Password is required'],
      ['Passordet kan ha høyst 200 tegn', 'Passordet kan ha høgst 200 teikn', 'The password can have at most 200 characters'],
      ['Filnavnet kan ha høyst 200 tegn', 'Filnamnet kan ha høgst 200 teikn', 'The file name can have at most 200 characters'],
      ['Organisasjonsnummeret må fylles ut', 'Organisasjonsnummeret må fyllast ut', 'The organisation number is required'],
    ]) {
      expect([translateMessage(nb!, 'nn'), translateMessage(nb!, 'en')], nb).toEqual([nn, en]);
      expect(knowsMessage(nb!), nb).toBe(true);
    }
  });

  it('leaves a message it does not know in bokmål, and says so', () => {
    expect(translateMessage('En melding ingen har skrevet inn', 'en')).toBe('En melding ingen har skrevet inn');
    expect(knowsMessage('En melding ingen har skrevet inn')).toBe(false);
    expect(knowsMessage('Ugyldig id')).toBe(true);
  });

  it('reads the language of an Accept-Language header', () => {
    expect(languageFromAcceptLanguage('nn-NO,nn;q=0.9,en;q=0.5')).toBe('nn');
    expect(languageFromAcceptLanguage('en-GB,en;q=0.9')).toBe('en');
    expect(languageFromAcceptLanguage('no,en;q=0.5')).toBe('nb');
    expect(languageFromAcceptLanguage('sv;q=1,en;q=0.2,nn;q=0.8')).toBe('nn');
    expect(languageFromAcceptLanguage('*')).toBeUndefined();
    expect(languageFromAcceptLanguage('de-DE')).toBeUndefined();
    expect(languageFromAcceptLanguage(undefined)).toBeUndefined();
  });
});

describe('the notices and e-mail in bokmål, nynorsk and English', () => {
  const names = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

  it('has every notice and mail text in all three languages, with the same values named', () => {
    expect(Object.keys(NOTICE_TEXTS).length).toBeGreaterThan(50);
    for (const [key, texts] of Object.entries(NOTICE_TEXTS)) {
      expect(Object.keys(texts).sort(), key).toEqual([...LANGUAGES].sort());
      for (const language of LANGUAGES) {
        expect(texts[language].trim(), `${key} (${language})`).not.toBe('');
        expect(names(texts[language]), `${key} (${language})`).toEqual(names(texts.nb));
      }
      // Nynorsk and English are written out, not bokmål left in place (a few texts are the same in nynorsk).
      expect(texts.en, key).not.toBe(texts.nb);
    }
  });

  it('fills in the values, and says a date in Oslo time in the language’s own way', () => {
    const at = new Date('2026-07-01T10:00:00Z'); // 12:00 in Oslo (summer time)
    expect(say('nb', 'reminder.title', { deadline: at })).toBe('Påminnelse: frist for innspill 1. juli 2026 kl. 12:00');
    expect(say('nn', 'reminder.title', { deadline: at })).toBe('Påminning: frist for innspel 1. juli 2026 kl. 12:00');
    expect(say('en', 'reminder.title', { deadline: at })).toBe('Reminder: deadline for input 1 July 2026 at 12:00');
    expect(formatDateTimeIn('en', '2026-12-01T23:30:00Z')).toBe('2 December 2026 at 00:30');
    expect(formatDateIn('nn', '2026-12-01T23:30:00Z')).toBe('2. desember 2026');
    expect(say('en', 'digest.deadlines.other', { count: 3 })).toBe('3 deadlines');
  });
});
