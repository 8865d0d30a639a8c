/** Demo people are named by role only — never real names. One password for all, shown by `npm start`. */
export const DEMO_PASSWORD = 'Samrad-demo-2026';

export interface DemoPerson {
  key: string;
  email: string;
  name: string;
  title: string;
  isAdmin?: boolean;
  isCaseOfficer?: boolean;
  /** Notification settings other than the default (e-mail for each notice, no digest). */
  emailNotifications?: boolean;
  digest?: 'off' | 'daily';
}

export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'admin', email: 'admin@solvik.kommune.test', name: 'Systemadministrator', title: 'Systemadministrator, IT', isAdmin: true },
  {
    key: 'officer',
    email: 'saksbehandler@solvik.kommune.test',
    name: 'Rådgiver, oppvekst',
    title: 'Saksbehandler, oppvekstsektoren',
    isCaseOfficer: true,
  },
  {
    key: 'director',
    email: 'kommunalsjef@solvik.kommune.test',
    name: 'Kommunalsjef, oppvekst',
    title: 'Kommunalsjef for oppvekst',
    isCaseOfficer: true,
  },
  {
    key: 'chair',
    email: 'leder.driftsutvalget@solvik.kommune.test',
    name: 'Leder, Driftsutvalget',
    title: 'Leder av Driftsutvalget (posisjon)',
  },
  {
    key: 'deputy',
    email: 'nestleder.driftsutvalget@solvik.kommune.test',
    name: 'Nestleder, Driftsutvalget',
    title: 'Nestleder av Driftsutvalget (opposisjon)',
  },
  {
    key: 'du3',
    email: 'medlem3.driftsutvalget@solvik.kommune.test',
    name: 'Medlem, Driftsutvalget (posisjon)',
    title: 'Medlem av Driftsutvalget',
  },
  {
    key: 'du4',
    email: 'medlem4.driftsutvalget@solvik.kommune.test',
    name: 'Medlem, Driftsutvalget (opposisjon)',
    title: 'Medlem av Driftsutvalget',
  },
  {
    key: 'du5',
    email: 'medlem5.driftsutvalget@solvik.kommune.test',
    name: 'Medlem, Driftsutvalget (posisjon 2)',
    title: 'Medlem av Driftsutvalget',
  },
  {
    key: 'councilPos',
    email: 'kommunestyret.posisjon@solvik.kommune.test',
    name: 'Kommunestyremedlem, posisjon',
    title: 'Kommunestyremedlem (posisjon)',
  },
  {
    key: 'councilOpp',
    email: 'kommunestyret.opposisjon@solvik.kommune.test',
    name: 'Kommunestyremedlem, opposisjon',
    title: 'Kommunestyremedlem (opposisjon)',
  },
  {
    key: 'udf',
    email: 'htv.utdanningsforbundet@solvik.kommune.test',
    name: 'Hovedtillitsvalgt, Utdanningsforbundet',
    title: 'Hovedtillitsvalgt, Utdanningsforbundet',
  },
  {
    key: 'ff',
    email: 'htv.fagforbundet@solvik.kommune.test',
    name: 'Hovedtillitsvalgt, Fagforbundet',
    title: 'Hovedtillitsvalgt, Fagforbundet',
  },
  {
    key: 'kfu',
    email: 'leder.kfu@solvik.kommune.test',
    name: 'Leder, KFU',
    title: 'Leder av kommunalt foreldreutvalg (KFU)',
    emailNotifications: false,
    digest: 'daily',
  },
  { key: 'fau', email: 'fau.nordby@solvik.kommune.test', name: 'FAU-leder, Nordby skole', title: 'Leder av FAU, Nordby skole' },
  { key: 'principal', email: 'rektor.nordby@solvik.kommune.test', name: 'Rektor, Nordby skole', title: 'Rektor, Nordby skole' },
  {
    key: 'su',
    email: 'su.nordby@solvik.kommune.test',
    name: 'Leder, samarbeidsutvalget Nordby',
    title: 'Leder av samarbeidsutvalget, Nordby skole',
  },
  { key: 'youth', email: 'ungdomsradet@solvik.kommune.test', name: 'Leder, Ungdomsrådet', title: 'Leder av Ungdomsrådet' },
];

/** A user of another municipality, to show that tenants never see each other. */
export const OTHER_MUNICIPALITY_ADMIN = {
  email: 'admin@nabovik.kommune.test',
  name: 'Systemadministrator (Nabovik)',
  title: 'Systemadministrator',
};
