import type { CompareMode, TraceFrame } from './frame.ts';
import { frameDifferences, frameStatus } from './frame-compare.ts';
import { emptyCounts, type Divergence, type StepStatus, type TraceDiff } from './diff-types.ts';
import { divergenceOf, lengthDivergence } from './divergence.ts';

/**
 * The diff of two whole traces aligned by position (docs/metrics.md, "The diff"). `ended: false`
 * treats the prediction as still streaming: real frames past its end are not missing yet.
 * DiffState computes the same thing incrementally.
 */
export function diffTraces(
  real: readonly TraceFrame[],
  predicted: readonly TraceFrame[],
  mode: CompareMode = 'strict',
  options: { ended?: boolean } = {},
): TraceDiff {
  const ended = options.ended ?? true;
  const length = ended ? Math.max(real.length, predicted.length) : predicted.length;
  const statuses: StepStatus[] = new Array<StepStatus>(length);
  const counts = emptyCounts();
  let firstDivergence: Divergence | null = null;
  for (let index = 0; index < length; index++) {
    let status: StepStatus;
    if (index >= predicted.length) status = 'missing';
    else if (index >= real.length) status = 'extra';
    else status = frameStatus(real[index], predicted[index], mode);
    statuses[index] = status;
    counts[status]++;
    if (firstDivergence === null && status !== 'match') {
      firstDivergence = status === 'missing' || status === 'extra'
        ? lengthDivergence(status === 'missing' ? 'predicted' : 'real', real.length, predicted.length)
        : { index, ...divergenceOf(frameDifferences(real[index], predicted[index], mode)) };
    }
  }
  return { statuses, firstDivergence, counts, realLength: real.length, predictedLength: predicted.length, ended };
}
