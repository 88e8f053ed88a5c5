import { useMemo } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { keyLabel, stepActions, type StepActionName } from '../../state/step-actions.ts';
import { describeEnd, describeStep } from '../../trace/describe.ts';
import { CodeText } from '../CodeText.tsx';
import { TimelineStrip } from '../diff/TimelineStrip.tsx';
import { QuizCard } from './QuizCard.tsx';
import { Icon, type IconName } from '../Icon.tsx';
import './timeline.css';

const BUTTONS: { action: StepActionName & IconName; label: string }[] = [
  { action: 'first', label: 'First step' },
  { action: 'previousBreakpoint', label: 'Back to previous breakpoint' },
  { action: 'backOver', label: 'Back to previous line' },
  { action: 'back', label: 'Step back' },
  { action: 'forward', label: 'Step forward' },
  { action: 'over', label: 'Step over' },
  { action: 'out', label: 'Step out' },
  { action: 'nextBreakpoint', label: 'Continue to next breakpoint' },
  { action: 'last', label: 'Last step' },
];

const format = (n: number) => n.toLocaleString('en-US');

/** Stepping controls, the Step slider, "Step K of N" and what happened at the step. */
export function Timeline() {
  const run = useAppStore((s) => s.run);
  const step = useAppStore((s) => s.step);
  const setStep = useAppStore((s) => s.setStep);
  const steps = run?.steps ?? 0;
  const current = Math.min(step, Math.max(steps - 1, 0));
  const description = useMemo(() => (run && steps > 0 ? describeStep(run.store, current) : null), [run, steps, current]);
  const ended = run?.outcome ? describeEnd(run.outcome) : null;
  const disabled = steps === 0;
  const atStart = current <= 0;
  const atEnd = current >= steps - 1;

  return (
    <div className="timeline">
      <div className="timeline-buttons" role="toolbar" aria-label="Stepping">
        {BUTTONS.map(({ action, label }) => {
          const backwards = action === 'first' || action === 'back' || action === 'backOver' || action === 'previousBreakpoint';
          const key = keyLabel(action);
          return (
            <button
              key={action}
              type="button"
              className="icon"
              aria-label={label}
              title={key ? `${label} (${key})` : label}
              disabled={disabled || (backwards ? atStart : atEnd)}
              onClick={stepActions[action]}
            >
              <Icon name={action} />
            </button>
          );
        })}
      </div>
      <input
        className="timeline-slider"
        type="range"
        aria-label="Step"
        min={0}
        max={Math.max(steps - 1, 0)}
        value={current}
        disabled={disabled}
        onChange={(e) => setStep(Number(e.target.value))}
      />
      <TimelineStrip />
      <div className="timeline-status">
        <span className="step-count" aria-live="off">
          {steps > 0 ? `Step ${format(current + 1)} of ${format(steps)}${run?.outcome ? '' : '…'}` : run ? 'Running…' : 'No trace yet — press Run'}
        </span>
        {description && (
          <span className={`step-description kind-${description.kind}`}>
            <CodeText text={description.text} />
          </span>
        )}
      </div>
      <QuizCard />
      {ended && <p className={`run-end reason-${run!.outcome!.reason.replace(/ /g, '-')}`}>{ended}</p>}
    </div>
  );
}
