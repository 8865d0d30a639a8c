import type { PeerComparisonInput } from './peers.js';
import type { SavingsPlanInput } from './savings.js';
import type { SfoScenarioInput } from './sfo.js';
import type { StructureScenarioInput } from './structure.js';

/**
 * The 2009 Grimstad report's figures as the tools' inputs (chapters 2, 5 and 6): the demo municipality's
 * analysis data. Tests check the tools against hand-computed values, not against these.
 */
export const GRIMSTAD_2009 = {
  savings: {
    targets: [
      { year: 2010, amount: 4_300_000 },
      { year: 2011, amount: 8_600_000 },
    ],
    measures: [
      { id: 'sfo', title: 'Høyere foreldrebetaling i SFO', fullYearEffect: 1_000_000, startMonth: '2010-08' },
      {
        id: 'toppfinansiering',
        title: 'Pleie- og omsorgsutgifter for svært ressurskrevende elever meldt til toppfinansieringsordningen',
        fullYearEffect: 1_000_000,
        startMonth: '2010-08',
      },
      {
        id: 'spesialskole',
        title: 'Lavere kostnader ved den interkommunale spesialskolen',
        fullYearEffect: 1_500_000,
        startMonth: '2010-08',
      },
      { id: 'rammer', title: 'Lavere rammer til skolene (fordelt etter modellen)', fullYearEffect: 5_100_000, startMonth: '2010-08' },
    ],
  } satisfies SavingsPlanInput,
  sfo: {
    paymentMonths: 10,
    kinds: [
      { id: 'full', label: 'Hel plass', places: 247, monthlyPrice: 1862 },
      { id: 'part', label: 'Deltidsplass', places: 438, monthlyPrice: 1239, weeklyHours: 15 },
    ],
    changes: [
      { type: 'hours', label: 'Deltid ned fra 15 til 12 timer', kind: 'part', weeklyHours: 12 },
      { type: 'move', label: '20 % av deltidselevene går over til hel plass', from: 'part', to: 'full', share: 0.2 },
      { type: 'price', label: 'Hel plass +10 % (til 2 050 kr)', kind: 'full', monthlyPrice: 2050 },
    ],
    eleventhTerm: { pupilsPerAdult: 15, monthlyWage: 33_150, months: 1 },
  } satisfies SfoScenarioInput,
  structure: {
    schoolYear: '2009/10',
    schools: [
      { id: 'frivoll', name: 'Frivoll', capacity: 185, pupils: 158 },
      { id: 'jappa', name: 'Jappa', capacity: 345, pupils: 289 },
      { id: 'landvik', name: 'Landvik', capacity: 330, pupils: 400 },
      { id: 'eide', name: 'Eide', capacity: 140, pupils: 121 },
      { id: 'holviga', name: 'Holviga', capacity: 600, pupils: 460 },
      { id: 'grimstad-u', name: 'Grimstad ungdomsskole', capacity: 400, pupils: 380 },
      { id: 'fevik', name: 'Fevik', capacity: 330, pupils: 387 },
      { id: 'fjaere', name: 'Fjære', capacity: 650, pupils: 622 },
    ],
    moves: [
      { from: 'landvik', to: 'holviga', pupils: 70 },
      { from: 'fevik', to: 'holviga', pupils: 57 },
    ],
  } satisfies StructureScenarioInput,
  peers: {
    format: 'samrad.peer-comparison/v1',
    source: 'Grimstad 2009 report, chapter 2.7 (KOSTRA 2008)',
    year: 2008,
    measure: 'Netto driftsutgifter til grunnskoleundervisning inkl. spesialskoler, per innbygger 6-15 år (NOK)',
    own: { name: 'Grimstad', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 },
    peers: [
      { name: 'Arendal', costPerChild: 61908, pupilsPerSchool: 295 },
      { name: 'Fjell', costPerChild: 64765, pupilsPerSchool: 203 },
      { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216 },
      { name: 'Eidsvoll', costPerChild: 54912, pupilsPerSchool: 259 },
      { name: 'Vestby', costPerChild: 58285, pupilsPerSchool: 248 },
      { name: 'Skedsmo', costPerChild: 49170, pupilsPerSchool: 429 },
      { name: 'KOSTRA-gruppe 8', costPerChild: 63721, pupilsPerSchool: 194 },
    ],
  } satisfies PeerComparisonInput,
};
