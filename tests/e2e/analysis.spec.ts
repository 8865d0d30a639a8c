import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { expectAccessible, journeys } from '../support/browser.js';
import { addMeasure, commentOnMeasure, createAnalysisTool, openAnalysis, openAnalysisTool, saveAnalysisInput } from './steps/analysis.js';

const base = inject('baseUrl');
const OFFICER = 'saksbehandler@solvik.kommune.test';
const FAU = 'fau.nordby@solvik.kommune.test';
const PLAN = 'Innsparingskrav og tiltak 2010–2011';

describe('the analysis workbench (#19) in the browser', () => {
  const j = journeys(base);
  beforeAll(() => j.start());
  afterAll(() => j.close());

  it('an officer adds a measure to the savings plan and builds a peer comparison; a parent comments on a measure', async () => {
    const officer = await j.open('analysis-officer', OFFICER);
    await openAnalysis(officer);
    await expectAccessible(officer, 'Analyse');
    await openAnalysisTool(officer, PLAN);
    await officer.getByText('Mangler 716 667 kr').waitFor();
    await expectAccessible(officer, 'innsparingsplan');
    await addMeasure(officer, {
      title: 'Færre assistenttimer',
      fullYearEffect: 600000,
      startMonth: '2011-01',
      owner: 'Rektorene',
      status: 'Foreslått',
      school: 'Nordby skole',
    });

    await openAnalysis(officer);
    const caseOption = (await officer
      .locator('#tool-case option', { hasText: 'Ny ressursfordelingsmodell for grunnskolen' })
      .textContent())!;
    await createAnalysisTool(officer, {
      kind: 'Sammenligning med andre kommuner (KOSTRA)',
      caseOption,
      title: 'KOSTRA-sammenligning',
      mandateItem: '3. Ressurstildelingsmodellen',
    });
    await saveAnalysisInput(officer, {
      format: 'samrad.peer-comparison/v1',
      own: { name: 'Solvik', costPerChild: 62344, children6to15: 2900, pupilsPerSchool: 353 },
      peers: [
        { name: 'Stjørdal', costPerChild: 51829, pupilsPerSchool: 216 },
        { name: 'Skedsmo', costPerChild: 49170, pupilsPerSchool: 429 },
        { name: 'Fjell', costPerChild: 64765, pupilsPerSchool: 203 },
      ],
    });
    await officer.getByRole('img', { name: /Kostnad per barn mot elever per skole/ }).waitFor();
    await expectAccessible(officer, 'KOSTRA-sammenligning');

    const parent = await j.open('analysis-parent', FAU);
    await openAnalysisTool(parent, PLAN);
    await commentOnMeasure(parent, {
      measure: 'Høyere foreldrebetaling i SFO',
      text: 'Hva betyr prisøkningen for familier med flere barn?',
    });
    await expectAccessible(parent, 'innsparingsplan (forelder)');
  });
});
