import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  AnalysisInputError,
  computePeerComparison,
  computeSavingsPlan,
  computeSfoScenario,
  computeStructureScenario,
  GRIMSTAD_2009,
  logarithmicFit,
} from '../src/engine/index.js';

const fixture = (name: string) => JSON.parse(readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), 'utf8'));

function issuesOf(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (e instanceof AnalysisInputError) return e.errors;
    throw e;
  }
  throw new Error('expected an AnalysisInputError');
}

describe('savings plan (chapter 2.9): measures against the target', () => {
  // Hand-computed: 8.6 M × 5/12 = 3,583,333.33 in 2010 (start with the school year, August), 8.6 M in 2011.
  const plan = computeSavingsPlan(GRIMSTAD_2009.savings);

  it.each([
    { year: 2010, target: 4_300_000, effect: 3_583_333.33, gap: 716_666.67 },
    { year: 2011, target: 8_600_000, effect: 8_600_000, gap: 0 },
  ])('$year: target $target, effect $effect, gap $gap', ({ year, target, effect, gap }) => {
    const y = plan.years.find((r) => r.year === year)!;
    expect(y).toMatchObject({ target, effect, gap });
  });

  it('each measure has 5/12 of its full-year effect in 2010 and all of it in 2011', () => {
    const y2010 = Object.fromEntries(plan.years[0]!.measures.map((m) => [m.id, [m.months, m.effect]]));
    expect(y2010).toEqual({
      sfo: [5, 416_666.67],
      toppfinansiering: [5, 416_666.67],
      spesialskole: [5, 625_000],
      rammer: [5, 2_125_000],
    });
    expect(plan.years[1]!.measures.map((m) => m.effect)).toEqual([1_000_000, 1_000_000, 1_500_000, 5_100_000]);
    expect(plan.fullYearEffect).toBe(8_600_000);
  });

  it('an earlier start or the months given change the first year; a later year has no effect before the start', () => {
    const r = computeSavingsPlan({
      targets: [
        { year: 2009, amount: '340000' },
        { year: 2010, amount: 740_000 },
      ],
      measures: [
        { id: 'a', title: 'Fra januar', fullYearEffect: 120_000, startMonth: '2010-01' },
        { id: 'b', title: 'Tre måneder', fullYearEffect: '240000.00', startMonth: '2010-03', monthsFirstYear: 3 },
      ],
    });
    expect(r.years[0]).toMatchObject({ year: 2009, effect: 0, gap: 340_000 });
    // 120,000 + 240,000 × 3/12 = 180,000; gap 740,000 − 180,000.
    expect(r.years[1]).toMatchObject({ year: 2010, effect: 180_000, gap: 560_000 });
  });

  it('more than the target gives a negative gap', () => {
    const r = computeSavingsPlan({
      targets: [{ year: 2011, amount: 1_000_000 }],
      measures: [{ id: 'x', title: 'X', fullYearEffect: 1_500_000, startMonth: '2010-08' }],
    });
    expect(r.years[0]!.gap).toBe(-500_000);
  });

  it('refuses bad input with Norwegian messages', () => {
    const errors = issuesOf(() =>
      computeSavingsPlan({
        targets: [],
        measures: [{ id: 'x', title: '', fullYearEffect: -1, startMonth: '2010-13' }],
      }),
    );
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'targets', message: 'Planen må ha minst ett års innsparingskrav' },
        { path: 'measures[0].title', message: 'Må fylles ut' },
        { path: 'measures[0].fullYearEffect', message: 'Kan ikke være negativt' },
        { path: 'measures[0].startMonth', message: 'Startmåneden må skrives ÅÅÅÅ-MM, f.eks. 2010-08' },
      ]),
    );
    expect(
      issuesOf(() =>
        computeSavingsPlan({
          targets: [
            { year: 2010, amount: 1 },
            { year: 2010, amount: 2 },
          ],
          measures: [],
        }),
      ),
    ).toEqual([{ path: 'targets[1].year', message: 'Året 2010 har allerede et innsparingskrav' }]);
  });
});

describe('SFO fee scenario (chapter 5.1)', () => {
  const r = computeSfoScenario(GRIMSTAD_2009.sfo);

  it('685 pupils in 247 full-time and 438 part-time places', () => {
    expect(r.pupils).toBe(685);
    // (247 × 1,862 + 438 × 1,239) × 10 = 1,002,596 × 10
    expect(r.incomeBefore).toBe(10_025_960);
  });

  it('20 % of part-time pupils move to full time: 87 pupils × 623 × 10 ≈ 540,000', () => {
    const move = r.changes.find((c) => c.type === 'move')!;
    expect(move.pupilsMoved).toBe(87);
    expect(move.extraIncome).toBe(542_010);
    expect(Math.round(move.extraIncome / 10_000) * 10_000).toBe(540_000);
  });

  it('full-time +188 to 2,050: 188 × 247 × 10 ≈ 460,000 plus 188 × 87 × 10 ≈ 160,000', () => {
    const price = r.changes.find((c) => c.type === 'price')!;
    expect(price.fromOriginalPlaces).toBe(464_360);
    expect(price.fromMovedPupils).toBe(163_560);
    expect(price.extraIncome).toBe(627_920);
  });

  it('both together ≈ 1.16–1.17 million, and the income after is the sum of the places at the new prices', () => {
    expect(r.totalExtraIncome).toBe(1_169_930);
    // 334 × 2,050 + 351 × 1,239 = 1,119,589 per month, × 10.
    expect(r.incomeAfter).toBe(11_195_890);
    expect(r.after).toEqual([
      { id: 'full', label: 'Hel plass', places: 334, monthlyPrice: 2050, weeklyHours: null },
      { id: 'part', label: 'Deltidsplass', places: 351, monthlyPrice: 1239, weeklyHours: 12 },
    ]);
  });

  it('an 11th term breaks even when about 2/3 of the pupils use the holiday weeks (1 adult per 15, 33,150 a month)', () => {
    // 1,002,596 ÷ (685 × 33,150 / 15) = 1,002,596 ÷ 1,513,850 = 0.662282…
    expect(r.eleventhTerm).toMatchObject({ income: 1_002_596, costPerUser: 2210, breakEvenShare: 0.662282 });
    const net = computeSfoScenario({ ...GRIMSTAD_2009.sfo, eleventhTerm: { ...GRIMSTAD_2009.sfo.eleventhTerm, expectedShare: 0.8 } });
    // 1,002,596 − 0.8 × 1,513,850 = −208,484: at 80 % use the term loses money.
    expect(net.eleventhTerm!.netAtExpectedShare).toBe(-208_484);
  });

  it('a move by a number of pupils, and unknown kinds refused in Norwegian', () => {
    const moved = computeSfoScenario({ ...GRIMSTAD_2009.sfo, changes: [{ type: 'move', from: 'part', to: 'full', pupils: 10 }] });
    expect(moved.totalExtraIncome).toBe(62_300);
    expect(
      issuesOf(() => computeSfoScenario({ ...GRIMSTAD_2009.sfo, changes: [{ type: 'price', kind: 'helg', monthlyPrice: 100 }] })),
    ).toEqual([{ path: 'changes[0].kind', message: 'Fant ikke plasstypen «helg»' }]);
    expect(
      issuesOf(() => computeSfoScenario({ ...GRIMSTAD_2009.sfo, changes: [{ type: 'move', from: 'part', to: 'full', share: 1.5 }] })),
    ).toEqual([{ path: 'changes[0].share', message: 'Andelen må være mellom 0 og 1 (0,2 = 20 %)' }]);
  });
});

describe('school structure (chapter 6)', () => {
  const r = computeStructureScenario(GRIMSTAD_2009.structure);

  it('the eight schools of 2009/10 have 163 free places in all; Landvik and Fevik are over capacity', () => {
    expect(r.totals.before).toEqual({ pupils: 2817, free: 163 });
    expect(r.totals.capacity).toBe(2980);
    const free = Object.fromEntries(r.schools.map((s) => [s.id, s.before.free]));
    expect(free).toEqual({ frivoll: 27, jappa: 56, landvik: -70, eide: 19, holviga: 140, 'grimstad-u': 20, fevik: -57, fjaere: 28 });
    // 400 ÷ 330 = 121.2 %
    expect(r.schools.find((s) => s.id === 'landvik')!.before.utilisation).toBe(121.2);
  });

  it('moving 70 from Landvik and 57 from Fevik to Holviga uses Holviga’s free capacity', () => {
    const holviga = r.schools.find((s) => s.id === 'holviga')!;
    // 460 + 127 = 587 of 600: 13 free, 97.8 %
    expect(holviga.after).toMatchObject({ pupils: 587, free: 13, utilisation: 97.8 });
    expect(r.schools.find((s) => s.id === 'landvik')!.after.free).toBe(0);
    expect(r.schools.find((s) => s.id === 'fevik')!.after.free).toBe(0);
    expect(r.totals.after).toEqual({ pupils: 2817, free: 163 });
    expect(r.overCapacityAfter).toEqual([]);
  });

  it('moves by grade change pupils per grade, and forecasts give free capacity per year', () => {
    const g = computeStructureScenario({
      schools: [
        { id: 'a', name: 'A', capacity: 100, pupils: 90, grades: { '1': 30, '2': 30, '3': 30 }, forecast: [{ year: 2011, pupils: 110 }] },
        { id: 'b', name: 'B', capacity: 100, pupils: 40, grades: { '1': 20, '2': 20 }, forecast: [{ year: 2011, pupils: 45 }] },
      ],
      moves: [{ from: 'a', to: 'b', pupils: 10, grade: '3' }],
    });
    expect(g.schools[0]!.before.pupilsPerGrade).toBe(30);
    expect(g.schools[1]!.after).toMatchObject({ pupils: 50, grades: { '1': 20, '2': 20, '3': 10 }, pupilsPerGrade: 16.7 });
    expect(g.forecastTotals).toEqual([{ year: 2011, pupils: 155, free: 45 }]);
  });

  it('refuses impossible moves in Norwegian', () => {
    expect(
      issuesOf(() => computeStructureScenario({ ...GRIMSTAD_2009.structure, moves: [{ from: 'eide', to: 'jappa', pupils: 500 }] })),
    ).toEqual([{ path: 'moves[0].pupils', message: 'Skolen har bare 121 elever å flytte' }]);
    expect(
      issuesOf(() => computeStructureScenario({ ...GRIMSTAD_2009.structure, moves: [{ from: 'nord', to: 'jappa', pupils: 1 }] })),
    ).toEqual([{ path: 'moves[0].from', message: 'Fant ikke skolen «nord»' }]);
  });
});

describe('peer comparison (KOSTRA 2008, chapter 2.7)', () => {
  const r = computePeerComparison(fixture('kostra-2008.peers.json'));
  const peer = (name: string) => r.peers.find((p) => p.name === name)!;

  it.each([
    // (peer − 62,344) × 2,900
    { name: 'Stjørdal', difference: -10_515, effect: -30_493_500 },
    { name: 'Skedsmo', difference: -13_174, effect: -38_204_600 },
    { name: 'Fjell', difference: 2_421, effect: 7_020_900 },
  ])('$name at its cost level: $effect', ({ name, difference, effect }) => {
    expect(peer(name)).toMatchObject({ difference, effect });
  });

  it('rounds to the report’s ≈ −30.5, −38.2 and +7.0 million', () => {
    const millions = (n: number) => Math.round(n / 100_000) / 10;
    expect([millions(peer('Stjørdal').effect), millions(peer('Skedsmo').effect), millions(peer('Fjell').effect)]).toEqual([
      -30.5, -38.2, 7,
    ]);
  });

  it('fits cost = a + b·ln(pupils per school) over the eight given, and places Grimstad against it', () => {
    // Least squares over (ln 353, 62,344), (ln 295, 61,908), … computed by hand in 40-digit decimals.
    expect(r.fit!.points).toBe(8);
    expect(r.fit!.intercept).toBeCloseTo(108_555.93, 2);
    expect(r.fit!.slope).toBeCloseTo(-8_994.17, 2);
    expect(r.fit!.rSquared).toBeCloseTo(0.184413, 6);
    expect(r.fit!.ownPredicted).toBeCloseTo(55_791.89, 2);
    expect(r.fit!.ownResidual).toBeCloseTo(6_552.11, 2);
  });

  it('a curve through points on it has R² = 1', () => {
    // y = 5,000 − 1,000 · ln x at x = 1, e², e⁴ (exact to 40 digits)
    const e2 = Math.exp(2);
    const e4 = Math.exp(4);
    const f = logarithmicFit([
      { x: 1, y: 5000 },
      { x: e2, y: 3000 },
      { x: e4, y: 1000 },
    ])!;
    expect(f.intercept.toNumber()).toBeCloseTo(5000, 6);
    expect(f.slope.toNumber()).toBeCloseTo(-1000, 6);
    expect(f.rSquared.toNumber()).toBeCloseTo(1, 9);
  });

  it('compares with the chosen peers only, while the fit still runs over all the data given', () => {
    const data = fixture('kostra-2008.peers.json') as { peers: { name: string }[] };
    const chosen = new Set(['Stjørdal', 'Skedsmo', 'Fjell']);
    const some = computePeerComparison({ ...data, peers: data.peers.map((p) => ({ ...p, chosen: chosen.has(p.name) })) });
    expect(some.peers.map((p) => [p.name, p.effect])).toEqual([
      ['Fjell', 7_020_900],
      ['Stjørdal', -30_493_500],
      ['Skedsmo', -38_204_600],
    ]);
    expect(some.others.map((o) => o.name)).toEqual(['Arendal', 'Eidsvoll', 'Vestby', 'KOSTRA-gruppe 8']);
    expect(some.fit).toEqual(r.fit);
    expect(r.others).toEqual([]);
    expect(issuesOf(() => computePeerComparison({ ...data, peers: data.peers.map((p) => ({ ...p, chosen: false })) }))).toEqual([
      { path: 'peers', message: 'Velg minst én kommune å sammenligne med' },
    ]);
  });

  it('refuses another format in Norwegian', () => {
    expect(issuesOf(() => computePeerComparison({ ...fixture('kostra-2008.peers.json'), format: 'x' }))).toEqual([
      { path: 'format', message: 'Formatet må være «samrad.peer-comparison/v1»' },
    ]);
  });
});
