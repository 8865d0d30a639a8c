/** The OpenID Connect log-in's API messages (#21) in nynorsk and English, by their bokmål text (see SERVER_MESSAGES). */
export const OIDC_MESSAGES: Record<string, { nn: string; en: string }> = {
  'Utstederen må være en https-adresse, f.eks. https://login.microsoftonline.com/<tenant>/v2.0': {
    nn: 'Utferdaren må vere ei https-adresse, t.d. https://login.microsoftonline.com/<tenant>/v2.0',
    en: 'The issuer must be an https address, e.g. https://login.microsoftonline.com/<tenant>/v2.0',
  },
  'Utstederen kan ha høyst 500 tegn': { nn: 'Utferdaren kan ha høgst 500 teikn', en: 'The issuer can have at most 500 characters' },
  'Hemmeligheten kan ha høyst 1000 tegn': { nn: 'Løyndomen kan ha høgst 1000 teikn', en: 'The secret can have at most 1000 characters' },
  'Omfanget (scopes) må ta med openid': { nn: 'Omfanget (scopes) må ta med openid', en: 'The scopes must include openid' },
  'Kravet (claim) kan bare ha bokstaver, tall og _ . : -': {
    nn: 'Kravet (claim) kan berre ha bokstavar, tal og _ . : -',
    en: 'The claim can only have letters, digits and _ . : -',
  },
  'Velg hvilken type innlogging dette er': { nn: 'Vel kva type innlogging dette er', en: 'Choose which kind of log-in this is' },
  'Velg minst én rolle som kan bruke innloggingen': {
    nn: 'Vel minst éi rolle som kan bruke innlogginga',
    en: 'Choose at least one role that may use the log-in',
  },
  'Ukjent rolle': { nn: 'Ukjend rolle', en: 'Unknown role' },
  'Velg en standardrolle for nye kontoer': { nn: 'Vel ei standardrolle for nye kontoar', en: 'Choose a default role for new accounts' },
  'Fødselsnummeret må ha 11 siffer': { nn: 'Fødselsnummeret må ha 11 siffer', en: 'The national identity number must have 11 digits' },
  'Det finnes allerede en innlogging med dette navnet': {
    nn: 'Det finst alt ei innlogging med dette namnet',
    en: 'There is already a log-in with this name',
  },
  'Fant ikke innloggingen': { nn: 'Fann ikkje innlogginga', en: 'Log-in not found' },
  'Passordinnlogging kan ikke slås av før minst én innlogging for administratorer er slått på': {
    nn: 'Passordinnlogging kan ikkje slåast av før minst éi innlogging for administratorar er slått på',
    en: 'Password log-in cannot be turned off until at least one log-in for administrators is turned on',
  },
  'Kommunen bruker ikke passord. Logg inn med kommunens innlogging.': {
    nn: 'Kommunen bruker ikkje passord. Logg inn med innlogginga til kommunen.',
    en: 'The municipality does not use passwords. Log in with the municipality’s log-in.',
  },
  'Fødselsnummeret er allerede knyttet til en annen person': {
    nn: 'Fødselsnummeret er alt knytt til ein annan person',
    en: 'The national identity number is already linked to another person',
  },
  'Utloggingsbeviset (logout_token) mangler': {
    nn: 'Utloggingsbeviset (logout_token) manglar',
    en: 'The logout token (logout_token) is missing',
  },
  'Utloggingsbeviset (logout_token) er ugyldig': {
    nn: 'Utloggingsbeviset (logout_token) er ugyldig',
    en: 'The logout token (logout_token) is invalid',
  },
  'Fant ikke personen': { nn: 'Fann ikkje personen', en: 'Person not found' },
};

/** The labels the OIDC contract names. */
export const OIDC_WORDS: Record<string, { nn: string; en: string }> = {
  'Klient-id': { nn: 'Klient-id', en: 'The client id' },
  'Omfanget (scopes)': { nn: 'Omfanget (scopes)', en: 'The scopes' },
  'Kravet (claim)': { nn: 'Kravet (claim)', en: 'The claim' },
};
