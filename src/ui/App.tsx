import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createBrowserEngine } from '../engine/browser.ts';
import type { EngineStatus, RunResult } from '../engine/client.ts';
import { RUNTIME_IDS, RUNTIMES, type RuntimeId } from '../engine/runtimes.ts';
import { emitCwm } from '../trace/cwm/emit.ts';

const SAMPLE = `def f(nums):
    total = 0
    for n in nums:
        total += n
    return total

print(f([1, 2, 3]))
`;

function statusText(status: EngineStatus): string {
  switch (status.state) {
    case 'booting': return `Starting Python (${status.progress.phase}, ${Math.round(status.progress.fraction * 100)}%)…`;
    case 'idle': return `Python ${status.info.pythonVersion} ready (booted in ${Math.round(status.info.bootMs)} ms)`;
    case 'running': return 'Running…';
    case 'awaiting-input': return `Waiting for input: ${status.prompt}`;
    case 'failed': return `Python failed to start: ${status.error}`;
  }
}

export function App() {
  const [runtime, setRuntime] = useState<RuntimeId>('3.11');
  const engine = useMemo(() => createBrowserEngine('3.11'), []);
  const status = useSyncExternalStore((listener) => engine.subscribe(listener), () => engine.status);
  const [code, setCode] = useState(SAMPLE);
  const [call, setCall] = useState('');
  const [stdin, setStdin] = useState('');
  const [result, setResult] = useState<RunResult | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void engine.setRuntime(runtime).catch((e: unknown) => setError(String(e)));
  }, [engine, runtime]);
  useEffect(() => () => engine.dispose(), [engine]);

  const run = async () => {
    setError(null);
    try {
      setResult(await engine.run({ code, call, stdin }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const running = status.state === 'running' || status.state === 'awaiting-input';
  return (
    <main>
      <h1>Python Trace Playground</h1>
      <p role="status">{statusText(status)}</p>
      <section aria-label="Editor">
        <textarea aria-label="Code" value={code} onChange={(e) => setCode(e.target.value)} rows={12} cols={80} spellCheck={false} />
      </section>
      <label>Call <input value={call} onChange={(e) => setCall(e.target.value)} placeholder="f([1, 2])" /></label>
      <label>Runtime{' '}
        <select value={runtime} onChange={(e) => setRuntime(e.target.value as RuntimeId)}>
          {RUNTIME_IDS.map((id) => <option key={id} value={id}>{RUNTIMES[id].label}</option>)}
        </select>
      </label>
      <label>Stdin <textarea value={stdin} onChange={(e) => setStdin(e.target.value)} rows={2} /></label>
      <button type="button" onClick={run} disabled={running}>Run</button>
      <button type="button" onClick={() => engine.stop()} disabled={!running}>Stop</button>
      {error && <p role="alert">{error}</p>}
      {result && (
        <>
          <p data-testid="outcome">{result.outcome.reason} after {result.outcome.steps} steps ({Math.round(result.durationMs)} ms)</p>
          <section aria-label="Output"><pre>{result.store.output}</pre></section>
          <section aria-label="Trace"><pre>{emitCwm(result.store, { complete: result.outcome.reason === 'completed' }).replaceAll('<|frame_sep|>', '<|frame_sep|>\n')}</pre></section>
        </>
      )}
    </main>
  );
}
