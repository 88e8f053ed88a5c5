import { useAppStore } from '../../state/app-store.ts';
import { RUNTIMES } from '../../engine/runtimes.ts';

/** Whether Python is ready, booting (with progress) or running. */
export function EngineStatus() {
  const engine = useAppStore((s) => s.engine);
  switch (engine.state) {
    case 'booting':
      return (
        <span className="engine-status booting" role="status">
          Starting {RUNTIMES[engine.runtime].label}…
          {engine.progress.phase === 'loading runtime'
            ? <progress aria-label="Python start-up" />
            : <progress max={1} value={engine.progress.fraction} aria-label="Python start-up" />}
        </span>
      );
    case 'failed':
      return <span className="engine-status failed" role="status">Python failed to start</span>;
    case 'running':
      return <span className="engine-status running" role="status">Running on Python {engine.info.pythonVersion}…</span>;
    case 'awaiting-input':
      return <span className="engine-status running" role="status">Waiting for input</span>;
    case 'idle':
      return (
        <span className="engine-status ready" role="status" data-boot-ms={Math.round(engine.info.bootMs)} title={engine.info.canInterrupt ? 'Stop interrupts Python' : 'This page is not cross-origin isolated: Stop restarts Python'}>
          Python {engine.info.pythonVersion} ready
        </span>
      );
  }
}
