import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/**
 * Common Norwegian words and names that people build passwords from (seasons, months, places, sports,
 * family words, and this service's own words). No Norwegian dictionary package for zxcvbn-ts exists on
 * npm, so the most likely ones are listed here, most common first; the common package adds the world's
 * most used passwords and keyboard patterns.
 */
const NORWEGIAN_COMMON = [
  'passord',
  'hemmelig',
  'sommer',
  'vinter',
  'høst',
  'vår',
  'velkommen',
  'hallo',
  'hei',
  'heisann',
  'elsker',
  'kjærlighet',
  'norge',
  'oslo',
  'bergen',
  'trondheim',
  'stavanger',
  'tromsø',
  'kristiansand',
  'drammen',
  'bodø',
  'ålesund',
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
  'mandag',
  'tirsdag',
  'onsdag',
  'torsdag',
  'fredag',
  'lørdag',
  'søndag',
  'jul',
  'påske',
  'ferie',
  'hytta',
  'hytte',
  'fotball',
  'håndball',
  'ski',
  'langrenn',
  'rosenborg',
  'brann',
  'vålerenga',
  'molde',
  'lyn',
  'viking',
  'mamma',
  'pappa',
  'mormor',
  'morfar',
  'farmor',
  'farfar',
  'baby',
  'gutt',
  'jente',
  'familie',
  'hund',
  'katt',
  'hest',
  'kommune',
  'skole',
  'skolen',
  'elev',
  'elever',
  'lærer',
  'rektor',
  'barnehage',
  'ungdomsskole',
  'barneskole',
  'klasse',
  'samråd',
  'samrad',
  'admin',
  'administrator',
  'bruker',
  'innlogging',
  'logginn',
  'datamaskin',
  'jobb',
  'arbeid',
  'fjord',
  'fjell',
  'sol',
  'snø',
  'regn',
  'havet',
  'skog',
  'blomst',
  'rød',
  'blå',
  'grønn',
  'gul',
  'svart',
  'hvit',
  'ola',
  'kari',
  'nordmann',
  'troll',
  'nisse',
  'brunost',
  'pølse',
  'taco',
  'fredagstaco',
  'kaffe',
  'sjokolade',
];

/** zxcvbn's score 3 or more: at least about 10⁸ guesses (OWASP's advice for an online-and-offline guess-resistant password). */
const MIN_SCORE = 3;

const estimator = new ZxcvbnFactory({
  dictionary: { ...dictionary, 'nb-common': NORWEGIAN_COMMON },
  graphs: adjacencyGraphs,
});

const WARNINGS_NB: Record<string, string> = {
  straightRow: 'Passordet er en rekke taster på tastaturet.',
  keyPattern: 'Passordet er et mønster på tastaturet.',
  simpleRepeat: 'Passordet gjentar de samme tegnene.',
  extendedRepeat: 'Passordet gjentar de samme tegnene.',
  sequences: 'Passordet er en tallrekke eller bokstavrekke.',
  recentYears: 'Passordet bygger på et årstall.',
  dates: 'Passordet bygger på en dato.',
  topTen: 'Passordet er blant de mest brukte.',
  topHundred: 'Passordet er blant de mest brukte.',
  common: 'Passordet er blant de mest brukte.',
  similarToCommon: 'Passordet ligner på et av de mest brukte.',
  wordByItself: 'Ett ord alene er lett å gjette.',
  namesByThemselves: 'Navn alene er lette å gjette.',
  commonNames: 'Vanlige navn er lette å gjette.',
  userInputs: 'Passordet bygger på navnet ditt, e-postadressen din eller kommunens navn.',
};

/**
 * The one password rule beyond the length in the shared contract: a password that zxcvbn (with the
 * common and Norwegian words above, and the person's own name, e-mail and municipality as `personal`)
 * can guess in fewer than about 10⁸ tries is refused with a Norwegian message for the `password` field.
 * Used wherever a password is chosen: taking up an invitation and resetting it (AuthService.useToken).
 * The demo password is set by the seed, which does not come here (it passes anyway).
 * Returns null when the password is strong enough.
 */
export function passwordWeakness(password: string, personal: readonly string[] = []): string | null {
  const words = personal.flatMap((p) => [p, ...p.toLowerCase().split(/[^\p{L}\p{N}]+/u)]).filter((w) => w.length >= 3);
  const result = estimator.check(password, [...new Set(words)]);
  if (result.score >= MIN_SCORE) return null;
  const why = (result.feedback.warning && WARNINGS_NB[result.feedback.warning]) || 'Passordet er for lett å gjette.';
  return `${why} Velg et passord som er vanskeligere å gjette, for eksempel flere ord som ikke hører sammen.`;
}
