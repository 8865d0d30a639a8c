import type { Language } from './languages.js';
import { OIDC_MESSAGES, OIDC_WORDS } from './oidc-messages.js';

interface Entry {
  nn: string;
  en: string;
}

/**
 * The API's messages in nynorsk and English, by their bokmål text. The contract or the service that
 * refuses something owns what it says (in bokmål, the default language); this catalogue owns its
 * nynorsk and English. `{{name}}` stands for a value the message names (a label, a number, a date, a
 * name): it is carried over, and translated by {@link MESSAGE_WORDS} where it is one of them.
 *
 * The API translates every error body by the request's language (`platform/http/error.filter.ts`), and
 * forms translate the contract's messages when they check a field in the browser (`useContractForm`).
 * `shared/test/messages.spec.ts` fails on a contract message this catalogue does not know.
 */
export const SERVER_MESSAGES: Record<string, Entry> = {
  // common.ts: text, dates, links, versions, unknown fields
  'Ugyldig id': { nn: 'Ugyldig id', en: 'Invalid id' },
  'Ugyldig verdi': { nn: 'Ugyldig verdi', en: 'Invalid value' },
  'Teksten kan ikke inneholde nulltegn (U+0000)': {
    nn: 'Teksten kan ikkje innehalde nullteikn (U+0000)',
    en: 'The text cannot contain a null character (U+0000)',
  },
  '{{label}} må fylles ut': { nn: '{{label}} må fyllast ut', en: '{{label}} is required' },
  '{{label}} kan ha høyst {{max}} tegn': {
    nn: '{{label}} kan ha høgst {{max}} teikn',
    en: '{{label}} can have at most {{max}} characters',
  },
  '{{label}} må stå på én linje': { nn: '{{label}} må stå på éi linje', en: '{{label}} must be on one line' },
  'Datoen må være mellom år {{min}} og {{max}}': {
    nn: 'Datoen må vere mellom år {{min}} og {{max}}',
    en: 'The date must be between the years {{min}} and {{max}}',
  },
  'Må være en dato (ÅÅÅÅ-MM-DD)': { nn: 'Må vere ein dato (ÅÅÅÅ-MM-DD)', en: 'Must be a date (YYYY-MM-DD)' },
  'Må være tidspunkt med tidssone, f.eks. 2026-12-01T12:00:00+01:00': {
    nn: 'Må vere eit tidspunkt med tidssone, t.d. 2026-12-01T12:00:00+01:00',
    en: 'Must be a time with a time zone, e.g. 2026-12-01T12:00:00+01:00',
  },
  '{{label}} må være en https-adresse, f.eks. https://møte.example.no/rom': {
    nn: '{{label}} må vere ei https-adresse, t.d. https://møte.example.no/rom',
    en: '{{label}} must be an https address, e.g. https://møte.example.no/rom',
  },
  'Versjonen redigeringen bygger på mangler': {
    nn: 'Versjonen redigeringa byggjer på, manglar',
    en: 'The version the edit is based on is missing',
  },
  'Feltet finnes ikke eller kan ikke endres her': {
    nn: 'Feltet finst ikkje eller kan ikkje endrast her',
    en: 'The field does not exist or cannot be changed here',
  },

  // allocation.ts
  'Beløpet må være mindre enn {{max}} kroner': {
    nn: 'Beløpet må vere mindre enn {{max}} kroner',
    en: 'The amount must be less than NOK {{max}}',
  },
  'Tallet må være mindre enn {{max}}': { nn: 'Talet må vere mindre enn {{max}}', en: 'The number must be less than {{max}}' },
  'Beløpet må være et tall': { nn: 'Beløpet må vere eit tal', en: 'The amount must be a number' },
  'Beløp skrives som 1234.50': { nn: 'Beløp blir skrivne som 1234.50', en: 'Write amounts as 1234.50' },
  'Må være et tall': { nn: 'Må vere eit tal', en: 'Must be a number' },
  'Kan ikke være negativt': { nn: 'Kan ikkje vere negativt', en: 'Cannot be negative' },
  'Budsjettår må være et tall': { nn: 'Budsjettår må vere eit tal', en: 'The budget year must be a number' },
  'Formatet må være csv, xlsx eller json': { nn: 'Formatet må vere csv, xlsx eller json', en: 'The format must be csv, xlsx or json' },
  'Filen er tom': { nn: 'Fila er tom', en: 'The file is empty' },
  'Filen er for stor (høyst 15 MB)': { nn: 'Fila er for stor (høgst 15 MB)', en: 'The file is too large (at most 15 MB)' },
  'Oppgi enten ramme eller rammeendring, ikke begge': {
    nn: 'Oppgi anten ramme eller rammeendring, ikkje begge',
    en: 'Give either a frame or a change of frame, not both',
  },
  'Minst 2 steg': { nn: 'Minst 2 steg', en: 'At least 2 steps' },
  'Høyst 2000 steg': { nn: 'Høgst 2000 steg', en: 'At most 2000 steps' },
  'Til-verdien må være større enn fra-verdien': {
    nn: 'Til-verdien må vere større enn frå-verdien',
    en: 'The "to" value must be greater than the "from" value',
  },

  // analysis.ts
  'Ukjent status for tiltaket': { nn: 'Ukjend status for tiltaket', en: 'Unknown status for the measure' },
  'Verktøyet må være «savings», «sfo», «structure» eller «peers»': {
    nn: 'Verktøyet må vere «savings», «sfo», «structure» eller «peers»',
    en: 'The tool must be «savings», «sfo», «structure» or «peers»',
  },
  'Et verktøy kan ikke bytte type': { nn: 'Eit verktøy kan ikkje byte type', en: 'A tool cannot change its type' },
  'Et verktøy kan ikke flyttes til en annen sak': {
    nn: 'Eit verktøy kan ikkje flyttast til ei anna sak',
    en: 'A tool cannot be moved to another case',
  },

  // auth.ts
  'Skriv inn en gyldig e-postadresse': { nn: 'Skriv inn ei gyldig e-postadresse', en: 'Enter a valid e-mail address' },
  'Passordet må ha minst 12 tegn': { nn: 'Passordet må ha minst 12 teikn', en: 'The password must have at least 12 characters' },
  'Lenken er ugyldig': { nn: 'Lenkja er ugyldig', en: 'The link is invalid' },
  'Skriv inn passordet du har nå': { nn: 'Skriv inn passordet du har no', en: 'Enter your current password' },
  'Velg om du vil ha e-post for hvert varsel': {
    nn: 'Vel om du vil ha e-post for kvart varsel',
    en: 'Choose whether you want an e-mail for every notification',
  },
  'Velg om du vil ha daglig oppsummering': { nn: 'Vel om du vil ha dagleg oppsummering', en: 'Choose whether you want a daily summary' },
  'Velg bokmål, nynorsk eller English': { nn: 'Vel bokmål, nynorsk eller English', en: 'Choose bokmål, nynorsk or English' },
  'Velg bokmål eller nynorsk': { nn: 'Vel bokmål eller nynorsk', en: 'Choose bokmål or nynorsk' },

  // cases.ts
  'Velg offentlig eller unntatt offentlighet': {
    nn: 'Vel offentleg eller unnateke offentlegheit',
    en: 'Choose public or exempt from public access',
  },
  'Oppgi hjemmel for unntak (f.eks. offentleglova § 14)': {
    nn: 'Oppgi heimel for unntak (t.d. offentleglova § 14)',
    en: 'Give the legal basis for the exemption (e.g. offentleglova § 14)',
  },
  'Oppgi en skjermet tittel som kan vises offentlig': {
    nn: 'Oppgi ein skjerma tittel som kan visast offentleg',
    en: 'Give a screened title that can be shown publicly',
  },
  'Referansene må være en liste': { nn: 'Referansane må vere ei liste', en: 'The references must be a list' },
  'En sak kan ha høyst {{max}} referanser': {
    nn: 'Ei sak kan ha høgst {{max}} referansar',
    en: 'A case can have at most {{max}} references',
  },
  'Referansen står allerede i listen': { nn: 'Referansen står alt i lista', en: 'The reference is already in the list' },
  'Tilgangen (offentlig eller unntatt, hjemmel og skjermet tittel) endres med handlingen «Endre tilgang» (POST /api/cases/{id}/access), ikke her':
    {
      nn: 'Tilgangen (offentleg eller unnateken, heimel og skjerma tittel) blir endra med handlinga «Endre tilgang» (POST /api/cases/{id}/access), ikkje her',
      en: 'The access (public or exempt, legal basis and screened title) is changed with the action «Change access» (POST /api/cases/{id}/access), not here',
    },
  'Status endres med et steg i saksgangen (POST /api/cases/{id}/moves), ikke her': {
    nn: 'Status blir endra med eit steg i saksgangen (POST /api/cases/{id}/moves), ikkje her',
    en: 'The status is changed by a step in the case route (POST /api/cases/{id}/moves), not here',
  },
  'Begrunn hvorfor saken ikke lenger er unntatt offentlighet': {
    nn: 'Grunngi kvifor saka ikkje lenger er unnateken offentlegheit',
    en: 'Give the reason why the case is no longer exempt from public access',
  },
  'Saksgangen må ha minst ett organ': { nn: 'Saksgangen må ha minst eitt organ', en: 'The case route must have at least one body' },
  'Velg hvilken fase saken skal til': { nn: 'Vel kva fase saka skal til', en: 'Choose which phase the case moves to' },
  '{{label}}: skriv antall stemmer': { nn: '{{label}}: skriv talet på røyster', en: '{{label}}: enter the number of votes' },
  '{{label}}: antall stemmer må være et helt tall': {
    nn: '{{label}}: talet på røyster må vere eit heilt tal',
    en: '{{label}}: the number of votes must be a whole number',
  },
  '{{label}}: antall stemmer kan ikke være negativt': {
    nn: '{{label}}: talet på røyster kan ikkje vere negativt',
    en: '{{label}}: the number of votes cannot be negative',
  },
  '{{label}}: for mange stemmer': { nn: '{{label}}: for mange røyster', en: '{{label}}: too many votes' },
  'Stemmene per parti ({{sum}}) må bli det samme som stemmene {{word}} totalt ({{total}})': {
    nn: 'Røystene per parti ({{sum}}) må bli det same som røystene {{word}} totalt ({{total}})',
    en: 'The votes by party ({{sum}}) must add up to the total votes {{word}} ({{total}})',
  },
  'Velg hva som skjer med innspill etter fristen': {
    nn: 'Vel kva som skjer med innspel etter fristen',
    en: 'Choose what happens to input after the deadline',
  },
  'Påminnelsen må komme minst ett minutt før fristen': {
    nn: 'Påminninga må kome minst eitt minutt før fristen',
    en: 'The reminder must come at least one minute before the deadline',
  },
  'Inviter minst ett organ eller én person': {
    nn: 'Inviter minst eitt organ eller éin person',
    en: 'Invite at least one body or one person',
  },
  'En innspillsrunde hører til en sak eller et mandatpunkt': {
    nn: 'Ein innspelsrunde høyrer til ei sak eller eit mandatpunkt',
    en: 'A consultation round belongs to a case or a mandate item',
  },
  'Fristen må være etter åpningen': { nn: 'Fristen må vere etter opninga', en: 'The deadline must be after the opening' },
  'Mangler idempotensnøkkel': { nn: 'Manglar idempotensnøkkel', en: 'The idempotency key is missing' },
  'Løpende innspill gjelder en sak eller et mandatpunkt': {
    nn: 'Løpande innspel gjeld ei sak eller eit mandatpunkt',
    en: 'Continuous input concerns a case or a mandate item',
  },
  'Velg hvordan innspillet er behandlet': { nn: 'Vel korleis innspelet er handsama', en: 'Choose how the input was handled' },
  'Velg type møte': { nn: 'Vel type møte', en: 'Choose the type of meeting' },
  'Et lukket møte må ha hjemmel (kommuneloven § 11-5)': {
    nn: 'Eit lukka møte må ha heimel (kommunelova § 11-5)',
    en: 'A closed meeting must have a legal basis (kommuneloven § 11-5)',
  },
  'Oppgi møtested eller videolenke': { nn: 'Oppgi møtestad eller videolenkje', en: 'Give a venue or a video link' },
  'Møtet må slutte etter at det starter': { nn: 'Møtet må slutte etter at det startar', en: 'The meeting must end after it starts' },
  'Velg oppmøte': { nn: 'Vel oppmøte', en: 'Choose the attendance' },
  'Velg om personen var inhabil eller forlot møtet': {
    nn: 'Vel om personen var ugild eller forlét møtet',
    en: 'Choose whether the person was disqualified or left the meeting',
  },
  'Oppgi hvem som møtte som vara': { nn: 'Oppgi kven som møtte som vara', en: 'Give the name of the substitute who attended' },
  'Bare den som møtte kan være fraværende i en sak': {
    nn: 'Berre den som møtte, kan vere fråverande i ei sak',
    en: 'Only someone who attended can be absent from a case',
  },
  'Skriv vedtaket, eller før opp forslagene og voteringen': {
    nn: 'Skriv vedtaket, eller før opp framlegga og røystinga',
    en: 'Write the decision, or list the motions and the vote',
  },
  'Velg hvilket forslag som ble vedtatt': { nn: 'Vel kva framlegg som vart vedteke', en: 'Choose which motion was adopted' },
  'Bare ett forslag kan være vedtatt': { nn: 'Berre eitt framlegg kan vere vedteke', en: 'Only one motion can be adopted' },
  'Vedtaket er teksten i forslaget som ble vedtatt; det skrives ikke i tillegg': {
    nn: 'Vedtaket er teksten i framlegget som vart vedteke; det blir ikkje skrive i tillegg',
    en: 'The decision is the text of the adopted motion; it is not written in addition',
  },
  'Høyst 200 tegn': { nn: 'Høgst 200 teikn', en: 'At most 200 characters' },

  // follow-up.ts, organisation.ts
  'Ugyldig status': { nn: 'Ugyldig status', en: 'Invalid status' },
  'Velg en gyldig type organ': { nn: 'Vel ein gyldig type organ', en: 'Choose a valid type of body' },
  'Velg en gyldig rolle': { nn: 'Vel ei gyldig rolle', en: 'Choose a valid role' },
  'Velg hva personen representerer': { nn: 'Vel kva personen representerer', en: 'Choose what the person represents' },
  'Side må være posisjon eller opposisjon': { nn: 'Side må vere posisjon eller opposisjon', en: 'Side must be majority or opposition' },
  'En politiker må ha side (posisjon eller opposisjon)': {
    nn: 'Ein politikar må ha side (posisjon eller opposisjon)',
    en: 'A politician must have a side (majority or opposition)',
  },
  'En tillitsvalgt må ha fagforening': { nn: 'Ein tillitsvald må ha fagforeining', en: 'A union representative must have a union' },
  'Sluttdato kan ikke være før startdato': {
    nn: 'Sluttdato kan ikkje vere før startdato',
    en: 'The end date cannot be before the start date',
  },
  'Saksnummer skrives som 11/21': { nn: 'Saksnummer blir skrive som 11/21', en: 'Write the case number as 11/21' },
  'Nummer må være et tall': { nn: 'Nummer må vere eit tal', en: 'The number must be a number' },
  'Rekkefølgen må være en liste med punkter': { nn: 'Rekkjefølgja må vere ei liste med punkt', en: 'The order must be a list of items' },
  'Rekkefølgen må ha minst ett punkt': { nn: 'Rekkjefølgja må ha minst eitt punkt', en: 'The order must have at least one item' },
  'Et punkt kan bare stå én gang i rekkefølgen': {
    nn: 'Eit punkt kan berre stå éin gong i rekkjefølgja',
    en: 'An item can appear only once in the order',
  },
  'Organisasjonsnummeret må være ni siffer (for eksempel 123456789)': {
    nn: 'Organisasjonsnummeret må vere ni siffer (til dømes 123456789)',
    en: 'The organisation number must be nine digits (for example 123456789)',
  },
  'Skriv inn en gyldig e-postadresse for administratoren': {
    nn: 'Skriv inn ei gyldig e-postadresse for administratoren',
    en: 'Enter a valid e-mail address for the administrator',
  },
  'Status må være aktiv eller deaktivert': { nn: 'Status må vere aktiv eller deaktivert', en: 'The status must be active or disabled' },

  // rounds.ts, search.ts
  'Ugyldig sak': { nn: 'Ugyldig sak', en: 'Invalid case' },
  'Ugyldig mandatpunkt': { nn: 'Ugyldig mandatpunkt', en: 'Invalid mandate item' },
  'Oppgi enten en sak eller et mandatpunkt': { nn: 'Oppgi anten ei sak eller eit mandatpunkt', en: 'Give either a case or a mandate item' },
  'Ukjent type innspill': { nn: 'Ukjend type innspel', en: 'Unknown type of input' },
  'Ukjent utfall': { nn: 'Ukjend utfall', en: 'Unknown outcome' },
  'Velg behandlet eller ikke behandlet': { nn: 'Vel handsama eller ikkje handsama', en: 'Choose handled or not handled' },
  '{{label}} må være et heltall fra {{min}} til {{max}}': {
    nn: '{{label}} må vere eit heiltal frå {{min}} til {{max}}',
    en: '{{label}} must be a whole number from {{min}} to {{max}}',
  },
  'Skriv hva du vil søke etter': { nn: 'Skriv kva du vil søkje etter', en: 'Enter what you want to search for' },
  'Søket må ha minst {{min}} tegn': { nn: 'Søket må ha minst {{min}} teikn', en: 'The search must have at least {{min}} characters' },
  'Søket kan ha høyst {{max}} tegn': { nn: 'Søket kan ha høgst {{max}} teikn', en: 'The search can have at most {{max}} characters' },
  'Velg saker, innspill, vedtak eller møter': {
    nn: 'Vel saker, innspel, vedtak eller møte',
    en: 'Choose cases, input, decisions or meetings',
  },

  // The HTTP layer (errors.ts, error.filter.ts, the guard)
  'Noen andre har endret dette etter at du åpnet det. Last inn på nytt for å se endringene.': {
    nn: 'Nokon andre har endra dette etter at du opna det. Last inn på nytt for å sjå endringane.',
    en: 'Someone else has changed this since you opened it. Reload to see the changes.',
  },
  'Fant ikke det du lette etter': { nn: 'Fann ikkje det du leitte etter', en: 'Could not find what you were looking for' },
  'Du har ikke tilgang til dette': { nn: 'Du har ikkje tilgang til dette', en: 'You do not have access to this' },
  'Du må logge inn': { nn: 'Du må logge inn', en: 'You need to log in' },
  'Tjenesten er midlertidig utilgjengelig. Prøv igjen om litt.': {
    nn: 'Tenesta er mellombels utilgjengeleg. Prøv igjen om litt.',
    en: 'The service is temporarily unavailable. Please try again shortly.',
  },
  'Innholdstypen støttes ikke': { nn: 'Innhaldstypen er ikkje støtta', en: 'The content type is not supported' },
  'Forespørselen kunne ikke leses': { nn: 'Førespurnaden kunne ikkje lesast', en: 'The request could not be read' },
  'Forespørselen er for stor': { nn: 'Førespurnaden er for stor', en: 'The request is too large' },
  'Forespørselen ble avvist': { nn: 'Førespurnaden vart avvist', en: 'The request was refused' },
  'Noe gikk galt hos oss. Feilen er logget.': {
    nn: 'Noko gjekk gale hos oss. Feilen er logga.',
    en: 'Something went wrong on our side. The error has been logged.',
  },
  'Filen er for stor. Største tillatte størrelse er 20 MB.': {
    nn: 'Fila er for stor. Største tillatne storleik er 20 MB.',
    en: 'The file is too large. The largest size allowed is 20 MB.',
  },
  'Skjemaet er utløpt eller mangler sikkerhetsnøkkel (CSRF). Last inn siden på nytt.': {
    nn: 'Skjemaet har gått ut eller manglar tryggingsnøkkel (CSRF). Last inn sida på nytt.',
    en: 'The form has expired or is missing its security key (CSRF). Reload the page.',
  },
  'Ruten mangler tilgangsregel': { nn: 'Ruta manglar tilgangsregel', en: 'The route has no access rule' },

  // auth, users, municipalities
  'Feil e-postadresse eller passord': { nn: 'Feil e-postadresse eller passord', en: 'Wrong e-mail address or password' },
  'For mange feil passord. Vent {{minutes}} minutter og prøv igjen.': {
    nn: 'For mange feil passord. Vent {{minutes}} minutt og prøv igjen.',
    en: 'Too many wrong passwords. Wait {{minutes}} minutes and try again.',
  },
  'For mange mislykkede innlogginger. Vent {{minutes}} minutter og prøv igjen, eller be om nytt passord.': {
    nn: 'For mange mislukka innloggingar. Vent {{minutes}} minutt og prøv igjen, eller be om nytt passord.',
    en: 'Too many failed log-ins. Wait {{minutes}} minutes and try again, or ask for a new password.',
  },
  'Passordet du har nå, er feil': { nn: 'Passordet du har no, er feil', en: 'Your current password is wrong' },
  'Lenken er ugyldig, brukt eller utløpt. Be om en ny.': {
    nn: 'Lenkja er ugyldig, brukt eller har gått ut. Be om ei ny.',
    en: 'The link is invalid, used or expired. Ask for a new one.',
  },
  'Hvis adressen er registrert, har vi sendt en e-post med lenke til nytt passord.': {
    nn: 'Viss adressa er registrert, har vi sendt ein e-post med lenkje til nytt passord.',
    en: 'If the address is registered, we have sent an e-mail with a link to a new password.',
  },
  'Det finnes allerede en bruker med denne e-postadressen': {
    nn: 'Det finst alt ein brukar med denne e-postadressa',
    en: 'There is already a user with this e-mail address',
  },
  'E-postadressen {{email}} hører allerede til en bruker i Samråd': {
    nn: 'E-postadressa {{email}} høyrer alt til ein brukar i Samråd',
    en: 'The e-mail address {{email}} already belongs to a user in Samråd',
  },
  'Brukeren har allerede tatt imot invitasjonen': {
    nn: 'Brukaren har alt teke imot invitasjonen',
    en: 'The user has already accepted the invitation',
  },
  'Kommunen må ha minst én aktiv administrator. Gi noen andre administratortilgang først.': {
    nn: 'Kommunen må ha minst éin aktiv administrator. Gi nokon andre administratortilgang først.',
    en: 'The municipality must have at least one active administrator. Give someone else administrator access first.',
  },
  'Du kan ikke fjerne din egen administratortilgang eller deaktivere deg selv': {
    nn: 'Du kan ikkje fjerne din eigen administratortilgang eller deaktivere deg sjølv',
    en: 'You cannot remove your own administrator access or disable yourself',
  },
  'Organisasjonsnummeret {{number}} er allerede registrert ({{name}})': {
    nn: 'Organisasjonsnummeret {{number}} er alt registrert ({{name}})',
    en: 'The organisation number {{number}} is already registered ({{name}})',
  },
  'Det finnes allerede en kommune som heter {{name}}': {
    nn: 'Det finst alt ein kommune som heiter {{name}}',
    en: 'There is already a municipality called {{name}}',
  },

  // cases, the lifecycle
  'Fant ikke saken': { nn: 'Fann ikkje saka', en: 'Could not find the case' },
  'Saken er unntatt offentlighet. Du har ikke tilgang til innholdet.': {
    nn: 'Saka er unnateken offentlegheit. Du har ikkje tilgang til innhaldet.',
    en: 'The case is exempt from public access. You do not have access to its content.',
  },
  'Fant ikke mandatpunktet': { nn: 'Fann ikkje mandatpunktet', en: 'Could not find the mandate item' },
  'Saken er allerede offentlig': { nn: 'Saka er alt offentleg', en: 'The case is already public' },
  'Fant ikke delen av saksframlegget': { nn: 'Fann ikkje delen av saksframlegget', en: 'Could not find the part of the case presentation' },
  'Fant ikke versjonene som skal sammenlignes': {
    nn: 'Fann ikkje versjonane som skal samanliknast',
    en: 'Could not find the versions to compare',
  },
  'Oppgi versjonene som skal sammenlignes (from og to)': {
    nn: 'Oppgi versjonane som skal samanliknast (from og to)',
    en: 'Give the versions to compare (from and to)',
  },
  'Et organ kan bare stå én gang i saksgangen': {
    nn: 'Eit organ kan berre stå éin gong i saksgangen',
    en: 'A body can appear only once in the case route',
  },
  'Fant ikke alle organene': { nn: 'Fann ikkje alle organa', en: 'Could not find all the bodies' },
  'Saken ligger til behandling i {{body}}. Det organet kan ikke tas ut av saksgangen nå.': {
    nn: 'Saka ligg til handsaming i {{body}}. Det organet kan ikkje takast ut av saksgangen no.',
    en: 'The case is before {{body}}. That body cannot be taken out of the case route now.',
  },
  'Organet står ikke i sakens saksgang': { nn: 'Organet står ikkje i saksgangen til saka', en: 'The body is not on the case route' },
  'Organet har allerede avgitt innstilling i saken. En innstilling kan ikke endres.': {
    nn: 'Organet har alt gitt innstilling i saka. Ei innstilling kan ikkje endrast.',
    en: 'The body has already made its recommendation in the case. A recommendation cannot be changed.',
  },
  'Organet har allerede fattet vedtak i saken': {
    nn: 'Organet har alt gjort vedtak i saka',
    en: 'The body has already made a decision in the case',
  },
  'Bare saksbehandlere kan flytte en sak': { nn: 'Berre saksbehandlarar kan flytte ei sak', en: 'Only case officers can move a case' },
  'Saken er avsluttet og kan ikke flyttes': { nn: 'Saka er avslutta og kan ikkje flyttast', en: 'The case is closed and cannot be moved' },
  'Saken er allerede i fasen «{{phase}}»': { nn: 'Saka er alt i fasen «{{phase}}»', en: 'The case is already in the phase «{{phase}}»' },
  'Saken har ingen saksgang. Legg inn organene den skal behandles i først.': {
    nn: 'Saka har ingen saksgang. Legg inn organa ho skal handsamast i, først.',
    en: 'The case has no case route. Add the bodies that will consider it first.',
  },
  'Saken er avsluttet. Det kan ikke åpnes nye innspillsrunder på den.': {
    nn: 'Saka er avslutta. Det kan ikkje opnast nye innspelsrundar på henne.',
    en: 'The case is closed. No new consultation rounds can be opened on it.',
  },
  'Start utredningen av saken før innstillingen registreres': {
    nn: 'Start utgreiinga av saka før innstillinga blir registrert',
    en: 'Start preparing the case before the recommendation is recorded',
  },
  'Bare saksbehandlere kan fjerne vedlegg fra saken': {
    nn: 'Berre saksbehandlarar kan fjerne vedlegg frå saka',
    en: 'Only case officers can remove attachments from the case',
  },
  'Fant ikke vedlegget': { nn: 'Fann ikkje vedlegget', en: 'Could not find the attachment' },
  'Send filen som innhold med typen application/octet-stream': {
    nn: 'Send fila som innhald med typen application/octet-stream',
    en: 'Send the file as content of type application/octet-stream',
  },
  'Filen må ha et navn': { nn: 'Fila må ha eit namn', en: 'The file must have a name' },
  'Ansvarlig må være en person i kommunen': {
    nn: 'Ansvarleg må vere ein person i kommunen',
    en: 'The person responsible must be a person in the municipality',
  },
  'Ansvarlig må være en saksbehandler i administrasjonen': {
    nn: 'Ansvarleg må vere ein saksbehandlar i administrasjonen',
    en: 'The person responsible must be a case officer in the administration',
  },
  'Fant ikke vedtaket': { nn: 'Fann ikkje vedtaket', en: 'Could not find the decision' },

  // bodies, mandates
  'Fant ikke organet': { nn: 'Fann ikkje organet', en: 'Could not find the body' },
  'Fant ikke det overordnede organet': { nn: 'Fann ikkje det overordna organet', en: 'Could not find the parent body' },
  'Et organ kan ikke være sitt eget overordnede organ': {
    nn: 'Eit organ kan ikkje vere sitt eige overordna organ',
    en: 'A body cannot be its own parent body',
  },
  'Organet er allerede lagt ned': { nn: 'Organet er alt lagt ned', en: 'The body has already been closed down' },
  'Organet er lagt ned og kan ikke få nye medlemmer': {
    nn: 'Organet er lagt ned og kan ikkje få nye medlemmer',
    en: 'The body has been closed down and cannot get new members',
  },
  'Organet er lagt ned. Medlemskapene er historikk og kan ikke endres.': {
    nn: 'Organet er lagt ned. Medlemskapane er historikk og kan ikkje endrast.',
    en: 'The body has been closed down. Its memberships are history and cannot be changed.',
  },
  'Organet har underordnede organer som ikke er lagt ned. Legg ned dem først.': {
    nn: 'Organet har underordna organ som ikkje er lagde ned. Legg ned dei først.',
    en: 'The body has bodies under it that are not closed down. Close them down first.',
  },
  'Fant ikke personen': { nn: 'Fann ikkje personen', en: 'Could not find the person' },
  'Fant ikke alle personene': { nn: 'Fann ikkje alle personane', en: 'Could not find all the people' },
  'Fant ikke mandatet': { nn: 'Fann ikkje mandatet', en: 'Could not find the mandate' },
  'Punkt {{number}} finnes allerede i mandatet': {
    nn: 'Punkt {{number}} finst alt i mandatet',
    en: 'Item {{number}} already exists in the mandate',
  },
  'Rekkefølgen må ha med hvert punkt i mandatet nøyaktig én gang. Last siden på nytt og prøv igjen.': {
    nn: 'Rekkjefølgja må ha med kvart punkt i mandatet nøyaktig éin gong. Last sida på nytt og prøv igjen.',
    en: 'The order must include every item of the mandate exactly once. Reload the page and try again.',
  },

  // input rounds
  'Fant ikke innspillsrunden': { nn: 'Fann ikkje innspelsrunden', en: 'Could not find the consultation round' },
  'Fant ikke innspillet': { nn: 'Fann ikkje innspelet', en: 'Could not find the input' },
  'Fant ikke alle de inviterte organene': { nn: 'Fann ikkje alle dei inviterte organa', en: 'Could not find all the invited bodies' },
  'Fant ikke alle de inviterte personene': { nn: 'Fann ikkje alle dei inviterte personane', en: 'Could not find all the invited people' },
  'Bare den som sendte innspillet kan endre det': {
    nn: 'Berre den som sende innspelet, kan endre det',
    en: 'Only the person who sent the input can change it',
  },
  'Du er ikke invitert til denne runden, verken personlig eller gjennom et organ': {
    nn: 'Du er ikkje invitert til denne runden, korkje personleg eller gjennom eit organ',
    en: 'You are not invited to this round, either personally or through a body',
  },
  'Du kan bare gi innspill på vegne av organer du er medlem av': {
    nn: 'Du kan berre gi innspel på vegner av organ du er medlem av',
    en: 'You can only give input on behalf of bodies you are a member of',
  },
  'Velg organet du svarer for': { nn: 'Vel organet du svarar for', en: 'Choose the body you are answering for' },
  'Organet er ikke invitert til denne runden': {
    nn: 'Organet er ikkje invitert til denne runden',
    en: 'The body is not invited to this round',
  },
  'Fristen må være fram i tid': { nn: 'Fristen må vere fram i tid', en: 'The deadline must be in the future' },
  'Utsatt frist må være etter rundens frist': {
    nn: 'Utsett frist må vere etter fristen i runden',
    en: "The extended deadline must be after the round's deadline",
  },
  'Fristen gikk ut {{date}}. Innspill tas ikke lenger imot i denne runden.': {
    nn: 'Fristen gjekk ut {{date}}. Innspel blir ikkje lenger tekne imot i denne runden.',
    en: 'The deadline passed {{date}}. Input is no longer accepted in this round.',
  },
  'Runden åpner {{date}}. Innspill kan ikke sendes før det.': {
    nn: 'Runden opnar {{date}}. Innspel kan ikkje sendast før det.',
    en: 'The round opens {{date}}. Input cannot be sent before then.',
  },
  'Delen av saksframlegget hører ikke til innspillets sak': {
    nn: 'Delen av saksframlegget høyrer ikkje til saka innspelet gjeld',
    en: 'The part of the case presentation does not belong to the case of the input',
  },
  'Innspillet gjelder et mandatpunkt uten sak, så det kan ikke ha endret en del av et saksframlegg': {
    nn: 'Innspelet gjeld eit mandatpunkt utan sak, så det kan ikkje ha endra ein del av eit saksframlegg',
    en: 'The input concerns a mandate item without a case, so it cannot have changed part of a case presentation',
  },

  // meetings
  'Fant ikke møtet': { nn: 'Fann ikkje møtet', en: 'Could not find the meeting' },
  'Fant ikke saken på sakslisten': { nn: 'Fann ikkje saka på sakslista', en: 'Could not find the case on the agenda' },
  'Saken står allerede på sakslisten': { nn: 'Saka står alt på sakslista', en: 'The case is already on the agenda' },
  'Saken står ikke på sakslisten til dette møtet': {
    nn: 'Saka står ikkje på sakslista til dette møtet',
    en: 'The case is not on the agenda of this meeting',
  },
  'Saken står ikke på sakslisten til konferansen': {
    nn: 'Saka står ikkje på sakslista til konferansen',
    en: 'The case is not on the agenda of the conference',
  },
  'Saken skal ikke behandles i {{body}} (står ikke i saksgangen)': {
    nn: 'Saka skal ikkje handsamast i {{body}} (står ikkje i saksgangen)',
    en: 'The case is not to be considered in {{body}} (it is not on the case route)',
  },
  'Påmelding og innspill fra salen gjelder bare skolekonferanser': {
    nn: 'Påmelding og innspel frå salen gjeld berre skulekonferansar',
    en: 'Registration and input from the floor apply only to school conferences',
  },
  'Påmeldingen stengte da konferansen startet {{date}}': {
    nn: 'Påmeldinga stengde då konferansen starta {{date}}',
    en: 'Registration closed when the conference started {{date}}',
  },
  'Innspill fra konferansen tas imot fra den starter {{date}}': {
    nn: 'Innspel frå konferansen blir tekne imot frå han startar {{date}}',
    en: 'Input from the conference is accepted from when it starts {{date}}',
  },
  'Bare påmeldte deltakere kan gi innspill fra konferansen': {
    nn: 'Berre påmelde deltakarar kan gi innspel frå konferansen',
    en: 'Only registered participants can give input from the conference',
  },
  'Dette møtet fatter ikke vedtak': { nn: 'Dette møtet gjer ikkje vedtak', en: 'This meeting does not make decisions' },
  'Vedtaket i saken er allerede protokollført. Protokollteksten kan endres, men ikke voteringen.': {
    nn: 'Vedtaket i saka er alt protokollført. Protokollteksten kan endrast, men ikkje røystinga.',
    en: 'The decision in the case is already in the minutes. The text of the minutes can be changed, but not the vote.',
  },
  'Forslaget har {{votes}} stemmer, men bare {{voters}} kunne stemme i saken': {
    nn: 'Framlegget har {{votes}} røyster, men berre {{voters}} kunne røyste i saka',
    en: 'The motion has {{votes}} votes, but only {{voters}} could vote in the case',
  },
  // Approved protocols, public attachments, publication consent and the public rate limit (innsyn, #20)
  'Protokollen er godkjent og låst. Åpne den for retting først (med begrunnelse).': {
    nn: 'Protokollen er godkjend og låst. Opne han for retting først (med grunngiving).',
    en: 'The minutes are approved and locked. Reopen them for correction first (with a reason).',
  },
  'Protokollen er allerede godkjent': { nn: 'Protokollen er alt godkjend', en: 'The minutes are already approved' },
  'Sakslisten er ikke publisert. Protokollen kan ikke godkjennes før møtet er holdt.': {
    nn: 'Sakslista er ikkje publisert. Protokollen kan ikkje godkjennast før møtet er halde.',
    en: 'The agenda is not published. The minutes cannot be approved before the meeting is held.',
  },
  'Møtet er ikke holdt ennå. Protokollen godkjennes etter møtet.': {
    nn: 'Møtet er ikkje halde enno. Protokollen vert godkjend etter møtet.',
    en: 'The meeting has not been held yet. The minutes are approved after the meeting.',
  },
  'Protokollen er ikke godkjent, og kan rettes uten å åpnes': {
    nn: 'Protokollen er ikkje godkjend, og kan rettast utan å opnast',
    en: 'The minutes are not approved and can be corrected without reopening them',
  },
  'Dokumentet viser en sak som senere er unntatt offentlighet. Saksbehandleren må lage en ny versjon.': {
    nn: 'Dokumentet viser ei sak som seinare er unnateken offentlegheit. Saksbehandlaren må lage ein ny versjon.',
    en: 'The document shows a case that has since been exempted from public access. The case officer must make a new version.',
  },
  'Bare vedlegg til en sak kan gjøres offentlige eller unntas': {
    nn: 'Berre vedlegg til ei sak kan gjerast offentlege eller unnatakast',
    en: 'Only attachments to a case can be made public or exempted',
  },
  'Bare saksbehandlere kan endre om et vedlegg er offentlig': {
    nn: 'Berre saksbehandlarar kan endre om eit vedlegg er offentleg',
    en: 'Only case officers can change whether an attachment is public',
  },
  'Bare den som sendte innspillet kan gi eller trekke samtykket til publisering': {
    nn: 'Berre den som sende innspelet, kan gi eller trekkje samtykket til publisering',
    en: 'Only the person who sent the input can give or withdraw consent to publish it',
  },
  'For mange forespørsler fra din adresse. Vent litt og prøv igjen.': {
    nn: 'For mange førespurnader frå adressa di. Vent litt og prøv igjen.',
    en: 'Too many requests from your address. Wait a little and try again.',
  },
  'Protokolltilførsel kan bare gis i drøftingsmøter': {
    nn: 'Protokolltilførsel kan berre givast i drøftingsmøte',
    en: 'Statements for the minutes can only be given in consultation meetings',
  },
  'Bare tillitsvalgte kan gi protokolltilførsel': {
    nn: 'Berre tillitsvalde kan gi protokolltilførsel',
    en: 'Only union representatives can give a statement for the minutes',
  },

  // allocation, analysis
  'Fant ikke fordelingssaken': { nn: 'Fann ikkje fordelingssaka', en: 'Could not find the allocation case' },
  'Fant ikke fordelingsscenarioet': { nn: 'Fann ikkje fordelingsscenarioet', en: 'Could not find the allocation scenario' },
  'Fant ikke scenarioet': { nn: 'Fann ikkje scenarioet', en: 'Could not find the scenario' },
  'Fant ikke datasettet i denne fordelingssaken': {
    nn: 'Fann ikkje datasettet i denne fordelingssaka',
    en: 'Could not find the dataset in this allocation case',
  },
  'Fant ikke modellversjonen i denne fordelingssaken': {
    nn: 'Fann ikkje modellversjonen i denne fordelingssaka',
    en: 'Could not find the model version in this allocation case',
  },
  'Fant ikke enheten i scenarioet': { nn: 'Fann ikkje eininga i scenarioet', en: 'Could not find the unit in the scenario' },
  'Fant ikke kriteriet i scenarioet': { nn: 'Fann ikkje kriteriet i scenarioet', en: 'Could not find the criterion in the scenario' },
  'Fant ikke følsomhetsanalysen': { nn: 'Fann ikkje sensitivitetsanalysen', en: 'Could not find the sensitivity analysis' },
  'Fant ikke importen': { nn: 'Fann ikkje importen', en: 'Could not find the import' },
  'Fant ikke analysen': { nn: 'Fann ikkje analysen', en: 'Could not find the analysis' },
  'Fant ikke tiltaket i planen': { nn: 'Fann ikkje tiltaket i planen', en: 'Could not find the measure in the plan' },
  'Saken har allerede en fordelingssak': { nn: 'Saka har alt ei fordelingssak', en: 'The case already has an allocation case' },
  'Scenarioet er allerede vedtatt': { nn: 'Scenarioet er alt vedteke', en: 'The scenario has already been adopted' },
  'Scenarioet er vedtatt og kan ikke endres. Lag en revisjon eller et nytt scenario.': {
    nn: 'Scenarioet er vedteke og kan ikkje endrast. Lag ein revisjon eller eit nytt scenario.',
    en: 'The scenario has been adopted and cannot be changed. Make a revision or a new scenario.',
  },
  'Bare et vedtatt scenario kan revideres': {
    nn: 'Berre eit vedteke scenario kan reviderast',
    en: 'Only an adopted scenario can be revised',
  },
  'Vedtaket hører ikke til fordelingssakens sak': {
    nn: 'Vedtaket høyrer ikkje til saka til fordelingssaka',
    en: "The decision does not belong to the allocation case's case",
  },
  'Kriteriet har ingen sats for dette trinnet': {
    nn: 'Kriteriet har ingen sats for dette steget',
    en: 'The criterion has no rate for this stage',
  },
  'Sammenlign med «budget», «lastYear» eller et annet scenario': {
    nn: 'Samanlikn med «budget», «lastYear» eller eit anna scenario',
    en: 'Compare with «budget», «lastYear» or another scenario',
  },
  'Filen må være CSV, XLSX eller JSON (.csv, .xlsx eller .json)': {
    nn: 'Fila må vere CSV, XLSX eller JSON (.csv, .xlsx eller .json)',
    en: 'The file must be CSV, XLSX or JSON (.csv, .xlsx or .json)',
  },
  'Id-en «{{id}}» er brukt før i listen': { nn: 'Id-en «{{id}}» er brukt før i lista', en: 'The id «{{id}}» is used earlier in the list' },
  'Du har allerede {{count}} eksporter som lages. Vent til de er ferdige, og prøv igjen.': {
    nn: 'Du har alt {{count}} eksportar som blir laga. Vent til dei er ferdige, og prøv igjen.',
    en: 'You already have {{count}} exports being made. Wait until they are done, and try again.',
  },

  // allocation.ts: the column mapping of an imported spreadsheet; allocation.service.ts
  'Ukjent felt': { nn: 'Ukjent felt', en: 'Unknown field' },
  'Velg en kolonne': { nn: 'Vel ein kolonne', en: 'Choose a column' },
  'Velg kolonnen for {{field}}': { nn: 'Vel kolonnen for {{field}}', en: 'Choose the column for {{field}}' },
  'Velg kolonnen for organisasjonsnummer eller id (enhetene kjennes igjen på en av dem)': {
    nn: 'Vel kolonnen for organisasjonsnummer eller id (einingane blir kjende att på ein av dei)',
    en: 'Choose the column for organisation number or id (the units are recognised by one of them)',
  },
  'Kolonnen er alt valgt for «{{field}}»': {
    nn: 'Kolonnen er alt vald for «{{field}}»',
    en: 'The column is already chosen for «{{field}}»',
  },
  '«{{field}}» har ingen skoleår': { nn: '«{{field}}» har ingen skuleår', en: '«{{field}}» has no school years' },
  'Velg enten én kolonne for hele året eller én per skoleår for «{{field}}»': {
    nn: 'Vel anten éin kolonne for heile året eller éin per skuleår for «{{field}}»',
    en: 'Choose either one column for the whole year or one per school year for «{{field}}»',
  },
  'Velg kolonnen for {{field}} også, eller én kolonne for hele året': {
    nn: 'Vel kolonnen for {{field}} òg, eller éin kolonne for heile året',
    en: 'Choose the column for {{field}} too, or one column for the whole year',
  },
  'Fant ikke datasettet': { nn: 'Fann ikkje datasettet', en: 'The dataset was not found' },
  'Filen er ikke gyldig JSON': { nn: 'Fila er ikkje gyldig JSON', en: 'The file is not valid JSON' },
  'Tabellen mangler overskriftsrad': { nn: 'Tabellen manglar overskriftsrad', en: 'The table has no header row' },

  // analysis.service.ts, measure-rules.ts: adoption through a decision
  'Bare tiltak i en innsparingsplan og skolestrukturscenarioer vedtas': {
    nn: 'Berre tiltak i ein innsparingsplan og skulestrukturscenario blir vedtekne',
    en: 'Only measures in a savings plan and school structure scenarios are adopted',
  },
  'Scenarioet er vedtatt og kan ikke endres. Lag et nytt scenario for en ny endring.': {
    nn: 'Scenarioet er vedteke og kan ikkje endrast. Lag eit nytt scenario for ei ny endring.',
    en: 'The scenario has been adopted and cannot be changed. Make a new scenario for a new change.',
  },
  'Tiltaket «{{title}}» er vedtatt og kan ikke endres': {
    nn: 'Tiltaket «{{title}}» er vedteke og kan ikkje endrast',
    en: 'The measure «{{title}}» has been adopted and cannot be changed',
  },
  'Det vedtatte tiltaket «{{title}}» kan ikke fjernes': {
    nn: 'Det vedtekne tiltaket «{{title}}» kan ikkje fjernast',
    en: 'The adopted measure «{{title}}» cannot be removed',
  },
  'Et tiltak blir vedtatt gjennom et vedtak i saken, ikke ved å sette status': {
    nn: 'Eit tiltak blir vedteke gjennom eit vedtak i saka, ikkje ved å setje status',
    en: 'A measure is adopted through a decision in the case, not by setting its status',
  },

  // documents.ts, documents.service.ts, archive.service.ts
  'Velg bokmål, nynorsk eller engelsk': { nn: 'Vel bokmål, nynorsk eller engelsk', en: 'Choose bokmål, nynorsk or English' },
  'Velg hvilket dokument som skal lages': { nn: 'Vel kva dokument som skal lagast', en: 'Choose which document to make' },
  'Fant ikke dokumentet': { nn: 'Fann ikkje dokumentet', en: 'The document was not found' },
  'Bare den som ga innspillet og saksbehandlere kan lage kvitteringen': {
    nn: 'Berre den som gav innspelet, og sakshandsamarar kan lage kvitteringa',
    en: 'Only the person who gave the input and case officers can make the receipt',
  },
  'Bare saksbehandlere kan lage saks- og møtedokumenter': {
    nn: 'Berre sakshandsamarar kan lage saks- og møtedokument',
    en: 'Only case officers can make case and meeting documents',
  },
  'Arkivuttrekk lages når saken er avsluttet. Saken er nå «{{phase}}». Flytt den til «{{closed}}» først.': {
    nn: 'Arkivuttrekk blir laga når saka er avslutta. Saka er no «{{phase}}». Flytt henne til «{{closed}}» først.',
    en: 'The archive extract is made when the case has been closed. The case is now «{{phase}}». Move it to «{{closed}}» first.',
  },

  // innsyn.ts, innsyn, rounds (publishing consent), the calendar feed
  'Søket kan være høyst 200 tegn': { nn: 'Søket kan vere høgst 200 teikn', en: 'The search can have at most 200 characters' },
  'Fant ikke kommunen': { nn: 'Fann ikkje kommunen', en: 'The municipality was not found' },
  'Svar om innspillet kan publiseres': { nn: 'Svar om innspelet kan publiserast', en: 'Answer whether the input may be published' },
  'Fant ikke kalenderadressen': { nn: 'Fann ikkje kalenderadressa', en: 'The calendar address was not found' },
  'Fant ikke kalenderen': { nn: 'Fann ikkje kalenderen', en: 'The calendar was not found' },
  'Forespørselen kom ikke fra Samråd': { nn: 'Førespurnaden kom ikkje frå Samråd', en: 'The request did not come from Samråd' },
  'Idempotensnøkkelen er allerede brukt for et annet innspill (kvittering {{receipt}}, mottatt {{time}}, SHA-256 {{sha}}). Det lagrede innspillet er ikke endret. Send et nytt innspill med en ny nøkkel, eller endre det lagrede.':
    {
      nn: 'Idempotensnøkkelen er alt brukt for eit anna innspel (kvittering {{receipt}}, motteke {{time}}, SHA-256 {{sha}}). Det lagra innspelet er ikkje endra. Send eit nytt innspel med ein ny nøkkel, eller endre det lagra.',
      en: 'The idempotency key has already been used for another input (receipt {{receipt}}, received {{time}}, SHA-256 {{sha}}). The stored input has not been changed. Send a new input with a new key, or change the stored one.',
    },
  ...OIDC_MESSAGES,
  // integrations.ts and the integration tokens, personal data and anonymisation (#21)
  'Velg minst én tilgang': { nn: 'Vel minst éin tilgang', en: 'Choose at least one scope' },
  'Ukjent tilgang': { nn: 'Ukjend tilgang', en: 'Unknown scope' },
  'Utløpsdatoen må være fram i tid': { nn: 'Utløpsdatoen må vere fram i tid', en: 'The expiry date must be in the future' },
  'Utløpsdatoen kan være høyst to år fram i tid': {
    nn: 'Utløpsdatoen kan vere høgst to år fram i tid',
    en: 'The expiry date can be at most two years ahead',
  },
  'Fant ikke tokenet': { nn: 'Fann ikkje tokenet', en: 'The token was not found' },
  'Tokenet er ugyldig, utløpt eller trukket tilbake': {
    nn: 'Tokenet er ugyldig, utløpt eller trekt tilbake',
    en: 'The token is invalid, expired or revoked',
  },
  'Tokenet gir ikke tilgang til dette': { nn: 'Tokenet gir ikkje tilgang til dette', en: 'The token does not give access to this' },
  'Fant ikke brukeren': { nn: 'Fann ikkje brukaren', en: 'The user was not found' },
  'Du kan ikke anonymisere deg selv': { nn: 'Du kan ikkje anonymisere deg sjølv', en: 'You cannot anonymise yourself' },
  'Brukeren er allerede anonymisert': { nn: 'Brukaren er alt anonymisert', en: 'The user has already been anonymised' },
  // impartiality.ts, impartiality (habilitet) in meetings and cases
  'Velg lovgrunnlaget for inhabiliteten': { nn: 'Vel lovgrunnlaget for ugildskapen', en: 'Choose the legal basis of the disqualification' },
  'Velg hva organet vedtok': { nn: 'Vel kva organet vedtok', en: 'Choose what the body decided' },
  'Vara kalles bare inn for den som er inhabil': {
    nn: 'Vara blir berre kalla inn for den som er ugild',
    en: 'A substitute is called in only for someone disqualified',
  },
  'Bare saksbehandler kan registrere inhabilitet for andre': {
    nn: 'Berre sakshandsamar kan registrere ugildskap for andre',
    en: 'Only a case officer can record a disqualification for others',
  },
  'Bare medlemmer av {{body}} kan erklære seg inhabile i dette møtet': {
    nn: 'Berre medlemmer av {{body}} kan erklære seg ugilde i dette møtet',
    en: 'Only members of {{body}} can declare themselves disqualified in this meeting',
  },
  'Personen er ikke medlem av {{body}} og møtte ikke': {
    nn: 'Personen er ikkje medlem av {{body}} og møtte ikkje',
    en: 'The person is not a member of {{body}} and did not attend',
  },
  'Saken er allerede votert over; habiliteten avgjøres før voteringen': {
    nn: 'Saka er alt røysta over; ugildskapen blir avgjord før røystinga',
    en: 'The case has already been voted on; impartiality is decided before the vote',
  },
  'Habiliteten til personen i denne saken er allerede registrert': {
    nn: 'Ugildskapen til personen i denne saka er alt registrert',
    en: 'This person’s impartiality in this case is already recorded',
  },
  'Fant ikke habilitetserklæringen': { nn: 'Fann ikkje erklæringa om ugildskap', en: 'The impartiality declaration was not found' },
  'Den inhabile kan ikke være sin egen vara': {
    nn: 'Den ugilde kan ikkje vere sin eigen vara',
    en: 'The disqualified member cannot be their own substitute',
  },
  'Fant ikke varaen': { nn: 'Fann ikkje varaen', en: 'The substitute was not found' },
  'Varaen møter allerede i møtet': { nn: 'Varaen møter alt i møtet', en: 'The substitute already attends the meeting' },
  '{{name}} er inhabil i sak {{case}} og kan ikke stemme (fratrådte under behandlingen). Begrunnelse: {{reason}}': {
    nn: '{{name}} er ugild i sak {{case}} og kan ikkje røyste (fråtredde under handsaminga). Grunngiving: {{reason}}',
    en: '{{name}} is disqualified in case {{case}} and cannot vote (withdrew while the case was dealt with). Reason: {{reason}}',
  },
  '{{name}} er inhabil i saken og kan ikke stemme, og dermed ikke ta dissens': {
    nn: '{{name}} er ugild i saka og kan ikkje røyste, og dermed ikkje ta dissens',
    en: '{{name}} is disqualified in the case and cannot vote, and so cannot dissent',
  },
  'Personen står to ganger i listen over hvem som stemte': {
    nn: 'Personen står to gonger i lista over kven som røysta',
    en: 'The person is listed twice among those who voted',
  },
  '{{name}} har erklært seg inhabil; organet må avgjøre habiliteten før voteringen': {
    nn: '{{name}} har erklært seg ugild; organet må avgjere ugildskapen før røystinga',
    en: '{{name}} has declared a disqualification; the body must decide on it before the vote',
  },
  'Personen møtte ikke i saken og kan ikke stemme': {
    nn: 'Personen møtte ikkje i saka og kan ikkje røyste',
    en: 'The person did not attend for the case and cannot vote',
  },
  'Du er inhabil i saken og kan ikke forberede den ({{reason}}). Saken må tildeles en annen saksbehandler.': {
    nn: 'Du er ugild i saka og kan ikkje førebu henne ({{reason}}). Saka må givast til ein annan sakshandsamar.',
    en: 'You are disqualified in the case and cannot prepare it ({{reason}}). The case must be assigned to another case officer.',
  },
  'Personen er ikke saksbehandler i kommunen': {
    nn: 'Personen er ikkje sakshandsamar i kommunen',
    en: 'The person is not a case officer in the municipality',
  },
  'Saksbehandleren er allerede registrert som inhabil i saken': {
    nn: 'Sakshandsamaren er alt registrert som ugild i saka',
    en: 'The case officer is already recorded as disqualified in the case',
  },
  'Saksbehandleren er inhabil i saken og kan ikke få den': {
    nn: 'Sakshandsamaren er ugild i saka og kan ikkje få henne',
    en: 'The case officer is disqualified in the case and cannot be given it',
  },
};

/** The fields of an imported spreadsheet's column mapping (`MAPPED_FIELD_LABELS` in contracts/allocation.ts). */
const MAPPED_FIELDS: Record<string, Entry> = {
  Id: { nn: 'Id', en: 'Id' },
  Navn: { nn: 'Namn', en: 'Name' },
  Skole: { nn: 'Skule', en: 'School' },
  Organisasjonsnummer: { nn: 'Organisasjonsnummer', en: 'Organisation number' },
  Trinn: { nn: 'Trinn', en: 'Stage' },
  Årsverk: { nn: 'Årsverk', en: 'Full-time equivalents' },
  Budsjett: { nn: 'Budsjett', en: 'Budget' },
  'Fjorårets budsjett': { nn: 'Budsjettet i fjor', en: "Last year's budget" },
  Elever: { nn: 'Elevar', en: 'Pupils' },
  'Trinn som undervises': { nn: 'Trinn som blir undervist', en: 'Years taught' },
  'Elever med svært store behov': { nn: 'Elevar med svært store behov', en: 'Pupils with very high needs' },
  'Minoritetsspråklige elever': { nn: 'Minoritetsspråklege elevar', en: 'Pupils from language minorities' },
  'Timer redusert leseplikt (seniorer)': { nn: 'Timar redusert leseplikt (seniorar)', en: 'Hours of reduced teaching duty (seniors)' },
};

/** Each mapped field as the mapping's messages name it: as is, in lower case, and per school year. */
function mappedFieldWords(): Record<string, Entry> {
  const out: Record<string, Entry> = {};
  const lower = (e: Entry): Entry => ({ nn: e.nn.toLowerCase(), en: e.en.toLowerCase() });
  for (const [nb, e] of Object.entries(MAPPED_FIELDS)) {
    for (const [nbYear, nnYear, enYear] of [
      ['', '', ''],
      [' (vår)', ' (vår)', ' (spring)'],
      [' (høst)', ' (haust)', ' (autumn)'],
    ] as const) {
      const entry = { nn: e.nn + nnYear, en: e.en + enYear };
      out[nb + nbYear] = entry;
      out[(nb + nbYear).toLowerCase()] = lower(entry);
    }
  }
  return out;
}

/** The phases of a case (`PHASE_LABELS` in domain/case-lifecycle.ts), as the frontend's caseStatus names them. */
const PHASES: Record<string, Entry> = {
  Utkast: { nn: 'Utkast', en: 'Draft' },
  'Under utredning': { nn: 'Under utgreiing', en: 'Being prepared' },
  Innspillsrunde: { nn: 'Innspelsrunde', en: 'Consultation round' },
  'I arbeidsgruppen': { nn: 'I arbeidsgruppa', en: 'With the working group' },
  Innstilt: { nn: 'Innstilt', en: 'Recommended' },
  'Til behandling': { nn: 'Til handsaming', en: 'For consideration' },
  Vedtatt: { nn: 'Vedteken', en: 'Decided' },
  'Til oppfølging': { nn: 'Til oppfølging', en: 'For follow-up' },
  Avsluttet: { nn: 'Avslutta', en: 'Closed' },
};

/** Words a message names (field labels, vote kinds) in nynorsk and English, by their bokmål. */
export const MESSAGE_WORDS: Record<string, Entry> = {
  ...mappedFieldWords(),
  ...PHASES,
  // The subjects of the generic templates («{{label}} må fylles ut», «… kan ha høyst {{max}} tegn», «… må stå på én linje»)
  Teksten: { nn: 'Teksten', en: 'The text' },
  Passord: { nn: 'Passord', en: 'Password' },
  Passordet: { nn: 'Passordet', en: 'The password' },
  Filnavnet: { nn: 'Filnamnet', en: 'The file name' },
  Organisasjonsnummeret: { nn: 'Organisasjonsnummeret', en: 'The organisation number' },
  Tittel: { nn: 'Tittel', en: 'Title' },
  Tittelen: { nn: 'Tittelen', en: 'The title' },
  Navn: { nn: 'Namn', en: 'Name' },
  Navnet: { nn: 'Namnet', en: 'The name' },
  'Navnet på kommunen': { nn: 'Namnet på kommunen', en: 'The name of the municipality' },
  'Navnet på administratoren': { nn: 'Namnet på administratoren', en: "The administrator's name" },
  Begrunnelsen: { nn: 'Grunngivinga', en: 'The reason' },
  Merknaden: { nn: 'Merknaden', en: 'The comment' },
  Innspillet: { nn: 'Innspelet', en: 'The input' },
  Innstillingen: { nn: 'Innstillinga', en: 'The recommendation' },
  Vedtaket: { nn: 'Vedtaket', en: 'The decision' },
  Forslaget: { nn: 'Framlegget', en: 'The motion' },
  Partiet: { nn: 'Partiet', en: 'The party' },
  Spørsmålene: { nn: 'Spørsmåla', en: 'The questions' },
  Protokollen: { nn: 'Protokollen', en: 'The minutes' },
  Protokolltilførselen: { nn: 'Protokolltilførselen', en: 'The statement for the minutes' },
  Referansen: { nn: 'Referansen', en: 'The reference' },
  Videolenken: { nn: 'Videolenkja', en: 'The video link' },
  Oppgave: { nn: 'Oppgåve', en: 'Task' },
  'Antall treff per side': { nn: 'Talet på treff per side', en: 'The number of results per page' },
  Startpunktet: { nn: 'Startpunktet', en: 'The starting point' },
  For: { nn: 'For', en: 'For' },
  Mot: { nn: 'Mot', en: 'Against' },
  Blanke: { nn: 'Blanke', en: 'Blank' },
  for: { nn: 'for', en: 'for' },
  mot: { nn: 'mot', en: 'against' },
  blanke: { nn: 'blanke', en: 'blank' },
  ...OIDC_WORDS,
  Systemet: { nn: 'Systemet', en: 'The system' },
};

interface Pattern {
  regex: RegExp;
  names: string[];
  entry: Entry;
  literal: number;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const HAS_PLACEHOLDER = /\{\{\w+\}\}/;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The templates, longest literal text first (so the most specific one wins). */
const patterns: Pattern[] = Object.entries(SERVER_MESSAGES)
  .filter(([nb]) => HAS_PLACEHOLDER.test(nb))
  .map(([nb, entry]): Pattern => {
    const names: string[] = [];
    const parts = nb.split(/\{\{(\w+)\}\}/);
    const source = parts.map((part, i) => (i % 2 === 1 ? (names.push(part), '(.+?)') : escape(part))).join('');
    return { regex: new RegExp(`^${source}$`, 's'), names, entry, literal: nb.replace(PLACEHOLDER, '').length };
  })
  .sort((a, b) => b.literal - a.literal);

function word(value: string, language: 'nn' | 'en'): string {
  return MESSAGE_WORDS[value]?.[language] ?? value;
}

/**
 * A message of the API in the given language: bokmål as written, nynorsk or English from the
 * catalogue. A message the catalogue does not know is left as it is (in bokmål).
 */
export function translateMessage(message: string, language: Language): string {
  if (language === 'nb') return message;
  const exact = SERVER_MESSAGES[message];
  if (exact) return exact[language];
  for (const p of patterns) {
    const m = p.regex.exec(message);
    if (!m) continue;
    const values = Object.fromEntries(p.names.map((name, i) => [name, word(m[i + 1]!, language)]));
    return p.entry[language].replace(PLACEHOLDER, (_, name: string) => values[name] ?? '');
  }
  return message;
}

/** Whether the catalogue knows a message (exactly, or by one of its templates). */
export function knowsMessage(message: string): boolean {
  return translateMessage(message, 'en') !== message || SERVER_MESSAGES[message] !== undefined;
}
