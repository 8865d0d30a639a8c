/** Every route of the app in one place. Norwegian URLs: they are read by people. */
export const paths = {
  home: '/',
  login: '/logg-inn',
  acceptInvite: '/invitasjon',
  forgotPassword: '/glemt-passord',
  resetPassword: '/nytt-passord',
  mandate: '/mandat',
  /** A mandate item's stable anchor on the mandate page. */
  mandateItem: (id: string) => `/mandat#punkt-${id}`,
  mandateReport: '/mandat/sluttrapport',
  bodies: '/organer',
  body: (id: string) => `/organer/${id}`,
  users: '/brukere',
  municipality: '/kommune',
  cases: '/saker',
  case: (id: string) => `/saker/${id}`,
  caseInputs: (id: string) => `/saker/${id}/innspill`,
  round: (id: string) => `/innspill/${id}`,
  decisions: '/vedtak',
  search: '/sok',
  meetings: '/moter',
  meeting: (id: string) => `/moter/${id}`,
  allocation: '/fordeling',
  analysis: '/analyse',
  analysisTool: (id: string) => `/analyse/${id}`,
  notifications: '/varsler',
  profile: '/profil',
  /** Innsyn without an account: the municipalities, then one municipality's registers by its slug. */
  innsyn: '/innsyn',
  innsynHome: (slug: string) => `/innsyn/${slug}`,
  innsynCase: (slug: string, id: string) => `/innsyn/${slug}/saker/${id}`,
  innsynDecisions: (slug: string) => `/innsyn/${slug}/vedtak`,
  innsynMeetings: (slug: string) => `/innsyn/${slug}/moter`,
  innsynMeeting: (slug: string, id: string) => `/innsyn/${slug}/moter/${id}`,
  innsynMandate: (slug: string) => `/innsyn/${slug}/mandat`,
  innsynRound: (slug: string, id: string) => `/innsyn/${slug}/innspill/${id}`,
  innsynScenario: (slug: string, id: string) => `/innsyn/${slug}/fordeling/${id}`,
  /** The tilgjengelighetserklæring (accessibility statement), linked from every page's footer. */
  accessibility: '/tilgjengelighet',
} as const;

/** Pages the server renders itself (the operators' job board): reached by loading them, not by the router. */
export const SERVER_PAGES = ['/drift/'] as const;

/**
 * Where to go after logging in: the page that sent the person to log in when it is one of Samråd's own
 * paths (never another site: `//host` and `/\host` are refused), else the start page.
 */
export function afterLogin(next: string | null): { path: string; serverPage: boolean } {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return { path: paths.home, serverPage: false };
  return { path: next, serverPage: SERVER_PAGES.some((prefix) => next.startsWith(prefix)) };
}
