import ExcelJS from 'exceljs';
import type {
  AnalysisResults,
  PeerComparisonResult,
  SavingsPlanResult,
  SfoScenarioResult,
  StructureScenarioResult,
} from '../engine/index.js';

const NOK = '#,##0';

interface StoredMeasure {
  id: string;
  title: string;
  fullYearEffect: number | string;
  startMonth: string;
  owner?: string;
  status?: string;
  assessment?: { pupils?: string; parents?: string; staff?: string };
}

function savingsSheets(wb: ExcelJS.Workbook, input: { measures?: StoredMeasure[] }, r: SavingsPlanResult) {
  const plan = wb.addWorksheet('Innsparingskrav');
  plan.addRow(['År', 'Krav', 'Effekt av tiltakene', 'Avvik (krav − effekt)']);
  for (const y of r.years) plan.addRow([y.year, y.target, y.effect, y.gap]);
  plan.getColumn(2).numFmt = plan.getColumn(3).numFmt = plan.getColumn(4).numFmt = NOK;
  const measures = wb.addWorksheet('Tiltak');
  measures.addRow([
    'Tiltak',
    'Ansvarlig',
    'Status',
    'Start',
    'Helårseffekt',
    ...r.years.map((y) => `Effekt ${y.year}`),
    'Konsekvenser for elever',
    'Konsekvenser for foreldre',
    'Konsekvenser for ansatte',
  ]);
  for (const m of input.measures ?? []) {
    measures.addRow([
      m.title,
      m.owner ?? '',
      m.status ?? '',
      m.startMonth,
      Number(m.fullYearEffect),
      ...r.years.map((y) => y.measures.find((x) => x.id === m.id)?.effect ?? 0),
      m.assessment?.pupils ?? '',
      m.assessment?.parents ?? '',
      m.assessment?.staff ?? '',
    ]);
  }
}

function sfoSheets(wb: ExcelJS.Workbook, r: SfoScenarioResult) {
  const places = wb.addWorksheet('Plasser');
  places.addRow(['Plasstype', 'Plasser før', 'Pris før', 'Plasser etter', 'Pris etter']);
  r.before.forEach((k, i) => places.addRow([k.label, k.places, k.monthlyPrice, r.after[i]!.places, r.after[i]!.monthlyPrice]));
  places.addRow([]);
  places.addRow(['Inntekt før', r.incomeBefore]);
  places.addRow(['Inntekt etter', r.incomeAfter]);
  const changes = wb.addWorksheet('Endringer');
  changes.addRow(['Endring', 'Type', 'Merinntekt', 'Elever som flytter', 'Fra opprinnelige plasser', 'Fra elever som har flyttet']);
  for (const c of r.changes)
    changes.addRow([c.label ?? '', c.type, c.extraIncome, c.pupilsMoved ?? '', c.fromOriginalPlaces ?? '', c.fromMovedPupils ?? '']);
  changes.addRow(['Sum', '', r.totalExtraIncome]);
  if (r.eleventhTerm) {
    changes.addRow([]);
    changes.addRow(['11. termin: inntekt', '', r.eleventhTerm.income]);
    changes.addRow(['11. termin: kostnad per elev som bruker feriene', '', r.eleventhTerm.costPerUser]);
    changes.addRow(['11. termin: balansepunkt (andel elever)', '', r.eleventhTerm.breakEvenShare]);
  }
}

function structureSheets(wb: ExcelJS.Workbook, r: StructureScenarioResult) {
  const s = wb.addWorksheet('Skolestruktur');
  s.addRow(['Skole', 'Kapasitet', 'Elever før', 'Ledig før', 'Utnyttelse før (%)', 'Elever etter', 'Ledig etter', 'Utnyttelse etter (%)']);
  for (const x of r.schools)
    s.addRow([x.name, x.capacity, x.before.pupils, x.before.free, x.before.utilisation, x.after.pupils, x.after.free, x.after.utilisation]);
  s.addRow(['Sum', r.totals.capacity, r.totals.before.pupils, r.totals.before.free, '', r.totals.after.pupils, r.totals.after.free, '']);
}

function peerSheets(wb: ExcelJS.Workbook, r: PeerComparisonResult) {
  const s = wb.addWorksheet('Sammenligning');
  s.addRow(['Kommune', 'Kr per barn 6-15', 'Forskjell', 'Effekt på deres nivå', 'Elever per skole']);
  s.addRow([`${r.own.name} (egen)`, r.own.costPerChild, '', '', r.own.pupilsPerSchool ?? '']);
  for (const p of r.peers) s.addRow([p.name, p.costPerChild, p.difference, p.effect, p.pupilsPerSchool ?? '']);
  // Municipalities of the data not chosen for the comparison: only in the curve (absent in results stored before).
  for (const o of r.others ?? []) s.addRow([`${o.name} (bare i kurven)`, o.costPerChild, '', '', o.pupilsPerSchool ?? '']);
  for (const c of [2, 3, 4]) s.getColumn(c).numFmt = NOK;
  if (r.fit) {
    s.addRow([]);
    s.addRow(['Logaritmisk kurve: konstantledd', r.fit.intercept]);
    s.addRow(['Logaritmisk kurve: stigningstall (per ln elever per skole)', r.fit.slope]);
    s.addRow(['R²', r.fit.rSquared]);
    s.addRow([`${r.own.name} mot kurven`, r.fit.ownResidual ?? '']);
  }
}

/** A tool of the analysis workbench as a workbook: its input and result on named sheets. */
export async function analysisWorkbook<K extends keyof AnalysisResults>(
  kind: K,
  title: string,
  input: Record<string, unknown>,
  result: AnalysisResults[K],
): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.title = title;
  if (kind === 'savings') savingsSheets(wb, input as { measures?: StoredMeasure[] }, result as SavingsPlanResult);
  else if (kind === 'sfo') sfoSheets(wb, result as SfoScenarioResult);
  else if (kind === 'structure') structureSheets(wb, result as StructureScenarioResult);
  else peerSheets(wb, result as PeerComparisonResult);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
