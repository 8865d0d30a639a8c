import { useMemo, useState } from 'react';
import { allocate, AllocationInputError, parseAllocationInput, withFrame } from '@samrad/shared/engine';
import { decimalOf } from '../../lib/numbers.js';
import type { ScenarioView } from './api.js';
import { overridesFrom, withOverrides } from './rateEdits.js';

/**
 * A live scenario: a frame change and edited rates on top of a stored scenario, recomputed in the
 * browser with the same engine as the server. `live` is null while nothing is edited.
 */
export function useLiveScenario(scenario: ScenarioView | undefined) {
  const [frameChange, setFrameChange] = useState('');
  const [rateEdits, setRateEdits] = useState<Record<string, string>>({});
  const overrides = useMemo(() => (scenario ? overridesFrom(scenario.input, rateEdits) : []), [scenario, rateEdits]);
  const live = useMemo(() => {
    if (!scenario) return null;
    // A bad rate is shown on its own field, not as a failed computation.
    if ('invalid' in overrides) return null;
    if (frameChange.trim() === '' && overrides.length === 0) return null;
    try {
      const edited = withOverrides(scenario.input, overrides);
      const input = parseAllocationInput(frameChange.trim() === '' ? edited : withFrame(edited, { frameChange: decimalOf(frameChange) }));
      return { result: allocate(input), input };
    } catch (error) {
      return { error: error instanceof AllocationInputError ? error.errors.map((e) => e.message).join(' ') : (error as Error).message };
    }
  }, [scenario, frameChange, overrides]);
  const reset = () => {
    setFrameChange('');
    setRateEdits({});
  };
  return { frameChange, setFrameChange, rateEdits, setRateEdits, overrides, live, reset };
}

export type LiveScenario = ReturnType<typeof useLiveScenario>;
