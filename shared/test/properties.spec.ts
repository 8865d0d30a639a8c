import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAllocation, type AllocationInputDraft } from '../src/engine/index.js';

const unitArb = fc.record({
  stage: fc.constantFrom('barnetrinn' as const, 'ungdomstrinn' as const),
  pupils: fc.integer({ min: 0, max: 800 }),
  highNeedsPupils: fc.integer({ min: 0, max: 10 }),
  minorityPupils: fc.integer({ min: 0, max: 60 }),
  seniorReducedHours: fc.integer({ min: 0, max: 600 }),
});

const modelArb = fc.record({
  units: fc.array(unitArb, { minLength: 1, maxLength: 25 }),
  perPupil: fc.integer({ min: 1000, max: 90000 }),
  perUnit: fc.integer({ min: 0, max: 1500000 }),
  weeklyHours: fc.double({ min: 0, max: 20, noNaN: true }).map((v) => Math.round(v * 10) / 10),
});

type Model = typeof modelArb extends fc.Arbitrary<infer T> ? T : never;

function toInput(m: Model, order?: number[]): AllocationInputDraft {
  const units = m.units.map((u, i) => ({
    id: `u${i}`,
    name: `Enhet ${i}`,
    stage: u.stage,
    counts: {
      pupils: u.pupils,
      highNeedsPupils: u.highNeedsPupils,
      minorityPupils: u.minorityPupils,
      seniorReducedHours: u.seniorReducedHours,
    },
  }));
  return {
    format: 'samrad.allocation-input/v1',
    mode: 'allocation',
    teachingWeeks: 38,
    hourCost: { barnetrinn: 765.8, ungdomstrinn: 881.6 },
    criteria: [
      {
        id: 'perPupil',
        label: 'Pr. elev',
        driver: 'pupils',
        rate: { barnetrinn: { nok: m.perPupil }, ungdomstrinn: { nok: m.perPupil + 12850 } },
      },
      { id: 'perUnit', label: 'Pr. skole', driver: 'unit', rate: { barnetrinn: { nok: m.perUnit }, ungdomstrinn: { nok: m.perUnit / 2 } } },
      {
        id: 'highNeeds',
        label: 'Store behov',
        driver: 'highNeedsPupils',
        rate: { barnetrinn: { weeklyHours: 14.4, uplift: 0.2 }, ungdomstrinn: { weeklyHours: 16.4 } },
      },
      {
        id: 'minority',
        label: 'Minoritet',
        driver: 'minorityPupils',
        rate: { barnetrinn: { weeklyHours: m.weeklyHours }, ungdomstrinn: { weeklyHours: m.weeklyHours } },
      },
      {
        id: 'senior',
        label: 'Senior',
        driver: 'seniorReducedHours',
        rate: { barnetrinn: { annualHours: 1 }, ungdomstrinn: { annualHours: 1 } },
      },
    ],
    units: order ? order.map((i) => units[i]!) : units,
  };
}

const frameArb = fc.integer({ min: 1_000_000, max: 2_000_000_000 });

describe('engine properties', () => {
  it('distribution mode sums to the frame to the krone', () => {
    fc.assert(
      fc.property(modelArb, frameArb, (m, frame) => {
        const input = toInput(m);
        fc.pre(computeAllocation(input).unscaledTotal > 0);
        const r = computeAllocation({ ...input, mode: 'distribution', frame });
        expect(r.units.reduce((s, u) => s + u.total, 0)).toBe(frame);
        expect(r.total).toBe(frame);
      }),
      { numRuns: 150 },
    );
  });

  it('doubling the frame doubles every criterion amount', () => {
    fc.assert(
      fc.property(modelArb, frameArb, (m, frame) => {
        const input = toInput(m);
        fc.pre(computeAllocation(input).unscaledTotal > 0);
        const one = computeAllocation({ ...input, mode: 'distribution', frame });
        const two = computeAllocation({ ...input, mode: 'distribution', frame: frame * 2 });
        one.units.forEach((u, i) => {
          for (const [id, cell] of Object.entries(u.criteria)) {
            // amounts are shown to the øre; doubling may move the last øre by one
            const øre = (v: number) => Math.round(v * 100);
            expect(Math.abs(øre(two.units[i]!.criteria[id]!.amount) - 2 * øre(cell.amount))).toBeLessThanOrEqual(1);
          }
        });
      }),
      { numRuns: 100 },
    );
  });

  it('unit order does not change any result', () => {
    fc.assert(
      fc.property(
        modelArb.chain((m) => fc.tuple(fc.constant(m), fc.shuffledSubarray([...m.units.keys()], { minLength: m.units.length }))),
        frameArb,
        ([m, order], frame) => {
          fc.pre(computeAllocation(toInput(m)).unscaledTotal > 0);
          const a = computeAllocation({ ...toInput(m), mode: 'distribution', frame });
          const b = computeAllocation({ ...toInput(m, order), mode: 'distribution', frame });
          const byId = new Map(b.units.map((u) => [u.id, u]));
          for (const u of a.units) expect(byId.get(u.id)).toEqual(u);
          expect(b.scaleExact).toBe(a.scaleExact);
          expect(b.criteria).toEqual(a.criteria);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('in allocation mode adding a pupil never lowers a unit’s total', () => {
    fc.assert(
      fc.property(modelArb, fc.nat(), (m, pick) => {
        const i = pick % m.units.length;
        const before = computeAllocation(toInput(m));
        const more = structuredClone(m);
        more.units[i]!.pupils += 1;
        const after = computeAllocation(toInput(more));
        expect(after.units[i]!.total).toBeGreaterThanOrEqual(before.units[i]!.total);
      }),
      { numRuns: 150 },
    );
  });

  it('results are deterministic', () => {
    fc.assert(
      fc.property(modelArb, frameArb, (m, frame) => {
        fc.pre(computeAllocation(toInput(m)).unscaledTotal > 0);
        const input = { ...toInput(m), mode: 'distribution' as const, frame };
        expect(computeAllocation(structuredClone(input))).toEqual(computeAllocation(structuredClone(input)));
      }),
      { numRuns: 50 },
    );
  });
});
