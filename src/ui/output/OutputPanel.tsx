import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useAppStore } from '../../state/app-store.ts';
import { submitInput } from '../../state/run-controller.ts';
import { outputAtStep, outputView } from './output-view.ts';
import './output.css';

function InputPrompt({ prompt }: { prompt: string }) {
  const [line, setLine] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    field.current?.focus();
  }, []);
  const send = (event: FormEvent) => {
    event.preventDefault();
    submitInput(line);
    setLine('');
  };
  return (
    <form className="input-prompt" onSubmit={send}>
      <label>
        <span>{prompt ? `input(${JSON.stringify(prompt)})` : 'input()'} is waiting:</span>
        <input ref={field} type="text" aria-label="Program input" value={line} onChange={(e) => setLine(e.target.value)} autoComplete="off" />
      </label>
      <button type="submit" className="primary">Send</button>
      <button type="button" onClick={() => submitInput(null)} title="Send end-of-file (EOFError in the program)">End of input</button>
    </form>
  );
}

/** What the program printed up to the current step (everything so far while it runs). */
export function OutputPanel() {
  const run = useAppStore((s) => s.run);
  const step = useAppStore((s) => s.step);
  const prompt = useAppStore((s) => s.inputPrompt);
  const steps = run?.steps ?? 0;
  const live = run !== null && run.outcome === null;
  const view = useMemo(() => {
    if (!run) return null;
    if (live) return outputView(run.store, run.store.output.length, run.store.output.length);
    return steps > 0 ? outputAtStep(run.store, Math.min(step, steps - 1)) : outputView(run.store, run.store.output.length, 0);
  }, [run, live, steps, step]);
  const bottom = useRef<HTMLDivElement>(null);
  useEffect(() => {
    bottom.current?.scrollIntoView({ block: 'nearest' });
  }, [view]);

  return (
    <div className="output">
      <pre className="output-text" aria-label={live ? 'Output so far' : 'Output up to this step'}>
        {view && view.hidden > 0 && <span className="muted">{`… ${view.hidden.toLocaleString('en-US')} earlier characters not shown\n`}</span>}
        {view?.pieces.map((piece, i) => (
          <span key={i} className={`stream-${piece.stream}${piece.fresh ? ' fresh' : ''}`}>{piece.text}</span>
        ))}
        {view && view.pieces.length === 0 && <span className="muted">{run && run.store.output.length > 0 ? 'Nothing printed yet at this step.' : 'No output.'}</span>}
        {!view && <span className="muted">Output appears here.</span>}
        <div ref={bottom} />
      </pre>
      {prompt !== null && <InputPrompt prompt={prompt} />}
    </div>
  );
}
