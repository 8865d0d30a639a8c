import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { computeAllocation, type AllocationResult } from '../src/engine/index.js';

const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const input = JSON.parse(readFileSync(fixture('grimstad-2009.input.json'), 'utf8'));
const figure = JSON.parse(readFileSync(fixture('grimstad-2009.figur-4-1.json'), 'utf8')) as {
  tolerance: number;
  averageTolerance: number;
  units: Record<string, Record<string, number>>;
  average: Record<string, number>;
};

function expectFigure41(result: AllocationResult) {
  for (const [unitId, expected] of Object.entries(figure.units)) {
    const unit = result.units.find((u) => u.id === unitId);
    expect(unit, unitId).toBeDefined();
    for (const [criterion, thousands] of Object.entries(expected)) {
      const actual = unit!.criteria[criterion]!.perPupil! / 1000;
      expect(Math.abs(actual - thousands), `${unitId}.${criterion}: ${actual} vs ${thousands}`).toBeLessThanOrEqual(
        figure.tolerance + 1e-9,
      );
    }
  }
  for (const [criterion, thousands] of Object.entries(figure.average)) {
    const actual = result.average[criterion]! / 1000;
    expect(Math.abs(actual - thousands), `average ${criterion}`).toBeLessThanOrEqual(figure.averageTolerance + 1e-9);
  }
}

describe('Grimstad 2009 (Figur 4-1)', () => {
  it('reproduces the published per-pupil figures through the library', () => {
    const result = computeAllocation(input);
    expect(result.scale).toBe(1);
    expect(result.units).toHaveLength(10);
    expectFigure41(result);
  });

  // A process of its own (npx, tsx): seconds on a busy machine, so a generous limit.
  it('reproduces them through the CLI (json)', { timeout: 60_000 }, () => {
    const out = execFileSync('npx', ['tsx', 'src/cli/model.ts', fixture('grimstad-2009.input.json'), '--format', 'json'], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      encoding: 'utf8',
    });
    const result = JSON.parse(out) as AllocationResult;
    expect(result.format).toBe('samrad.allocation-result/v1');
    expectFigure41(result);
  });
});
