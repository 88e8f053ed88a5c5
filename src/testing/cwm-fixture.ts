/** The CWM CRUXEval fixture (../shared/fixtures/cwm-cruxeval/results.jsonl), for Node tests and benchmarks. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface FixtureItem {
  id: string;
  code: string;
  input: string;
  expected: string;
  predicted: string | null;
  correct: boolean;
  n_gt_frames: number;
  n_pred_frames: number;
  metrics: {
    valid_trace_format: number;
    state_exact_match: number;
    action_exact_match: number;
    valid_json_format: number;
    key_match: number;
    key_value_match: number;
  };
  generation: string;
}

export const FIXTURE_PATH = fileURLToPath(new URL('../../../shared/fixtures/cwm-cruxeval/results.jsonl', import.meta.url));

export function loadCwmFixture(): FixtureItem[] {
  return readFileSync(FIXTURE_PATH, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line) as FixtureItem);
}

/** Items where the real CWM generation was fully right (622 of 800). */
export function isFullyRight(item: FixtureItem): boolean {
  const m = item.metrics;
  return m.state_exact_match === 1 && m.action_exact_match === 1 && m.valid_trace_format === 1 && item.correct;
}
