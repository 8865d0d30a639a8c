import { describe, expect, it } from 'vitest';
import { validateAllocationInput, computeAllocation, AllocationInputError } from '../src/engine/index.js';
import { baseInput } from './helpers.js';

function errorsOf(input: unknown) {
  const r = validateAllocationInput(input);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.errors;
}

describe('validation messages (Norwegian, with path)', () => {
  it('accepts the base input', () => {
    expect(validateAllocationInput(baseInput()).ok).toBe(true);
  });

  it('unknown driver on a criterion', () => {
    const input = baseInput();
    input.criteria[0]!.driver = 'teachers';
    expect(errorsOf(input)).toContainEqual({
      path: 'criteria[0].driver',
      message: expect.stringContaining('Ukjent driver «teachers»'),
    });
  });

  it('unknown driver among a unit’s counts', () => {
    const input = baseInput();
    input.units[0]!.counts = { pupils: 10, buses: 2 };
    expect(errorsOf(input)).toContainEqual({ path: 'units[0].counts.buses', message: expect.stringContaining('Ukjent driver «buses»') });
  });

  it('a custom driver is accepted once declared', () => {
    const input = baseInput();
    input.customDrivers = [{ id: 'buses', label: 'Skoleskyss' }];
    input.units[0]!.counts = { pupils: 10, buses: 2 };
    input.criteria.push({ id: 'bus', label: 'Skyss', driver: 'buses', rate: { barnetrinn: { nok: 1000 }, ungdomstrinn: { nok: 1000 } } });
    const r = computeAllocation(input);
    expect(r.units[0]!.criteria.bus!.amount).toBe(2000);
  });

  it('negative count', () => {
    const input = baseInput();
    input.units[1]!.counts = { pupils: -4 };
    expect(errorsOf(input)).toContainEqual({ path: 'units[1].counts.pupils', message: 'Kan ikke være negativt' });
  });

  it('numbers too large to compute exactly', () => {
    const input = baseInput();
    input.units[0]!.counts = { pupils: 2_000_000_000 };
    input.frame = '20000000000000';
    expect(errorsOf(input)).toEqual(
      expect.arrayContaining([
        { path: 'units[0].counts.pupils', message: 'Tallet er for stort (må være mindre enn 1\u00a0000\u00a0000\u00a0000)' },
        { path: 'frame', message: 'Tallet er for stort (må være mindre enn 10\u00a0000\u00a0000\u00a0000\u00a0000)' },
      ]),
    );
  });

  it('a unit whose stage has no rate', () => {
    const input = baseInput();
    delete input.criteria[0]!.rate.ungdomstrinn;
    expect(errorsOf(input)).toContainEqual({
      path: 'criteria[0].rate.ungdomstrinn',
      message: 'Kriteriet «Pr. elev» mangler sats for ungdomstrinn, som enheten «B skole» hører til',
    });
  });

  it('hours without an hour cost for the stage', () => {
    const input = baseInput();
    input.hourCost = { barnetrinn: 765.8 };
    expect(errorsOf(input)).toContainEqual({
      path: 'hourCost.ungdomstrinn',
      message: expect.stringContaining('Timekostnad for ungdomstrinn mangler'),
    });
  });

  it('a frame smaller than the adjustments', () => {
    const input = baseInput();
    input.mode = 'distribution';
    input.frame = 1000;
    input.adjustments = [{ unit: 'a', amount: 5000, reason: 'Forsterket avdeling' }];
    expect(errorsOf(input)).toContainEqual({ path: 'frame', message: 'Rammen (1000) må være større enn summen av justeringene (5000)' });
  });

  it('a frame change that leaves nothing to distribute', () => {
    const input = baseInput();
    input.mode = 'distribution';
    input.frameChange = -1e12;
    expect(() => computeAllocation(input)).toThrow(AllocationInputError);
    try {
      computeAllocation(input);
    } catch (e) {
      expect((e as AllocationInputError).errors[0]!.path).toBe('frameChange');
    }
  });

  it('duplicate unit ids', () => {
    const input = baseInput();
    input.units[1]!.id = 'a';
    expect(errorsOf(input)).toContainEqual({ path: 'units[1].id', message: 'Enhets-id «a» er brukt før (enhet nr. 1)' });
  });

  it('distribution mode without a frame', () => {
    const input = baseInput();
    input.mode = 'distribution';
    expect(errorsOf(input)).toContainEqual({ path: 'frame', message: expect.stringContaining('krever en ramme') });
  });

  it('an adjustment without a reason, and one for an unknown unit', () => {
    const input = baseInput();
    input.adjustments = [{ unit: 'a', amount: 10, reason: ' ' }];
    expect(errorsOf(input)).toContainEqual({ path: 'adjustments[0].reason', message: 'En justering må ha en begrunnelse' });
    input.adjustments = [
      { unit: 'a', amount: 10, reason: 'Skyss' },
      { unit: 'x', amount: 10, reason: 'Skyss' },
    ];
    expect(errorsOf(input)).toContainEqual({ path: 'adjustments[1].unit', message: 'Justeringen gjelder en ukjent enhet «x»' });
  });

  it('pot keys that do not add up to 100 %', () => {
    const input = baseInput();
    input.pots = [{ id: 'office', label: 'Kontor', amount: 100000, keys: { unit: 0.4, pupils: 0.4 } }];
    expect(errorsOf(input)).toContainEqual({ path: 'pots[0].keys', message: expect.stringContaining('må summere til 1') });
  });

  it('wrong stage and wrong format in Norwegian', () => {
    const input = baseInput() as Record<string, unknown>;
    (input.units as Record<string, unknown>[])[0]!.stage = 'vgs';
    input.format = 'other';
    const errors = errorsOf(input);
    expect(errors).toContainEqual({ path: 'format', message: 'Formatet må være «samrad.allocation-input/v1»' });
    expect(errors).toContainEqual({ path: 'units[0].stage', message: 'Trinn må være «barnetrinn» eller «ungdomstrinn»' });
  });

  it('a missing field gets the Norwegian default message', () => {
    const input = baseInput() as Record<string, unknown>;
    delete input.criteria;
    expect(errorsOf(input)).toContainEqual({ path: 'criteria', message: expect.stringMatching(/^Ugyldig input/) });
  });
});
