import { LazyCodeEditor as CodeEditor } from '../editor/LazyCodeEditor.tsx';
import { OutputPanel } from '../output/OutputPanel.tsx';
import { Region } from '../Region.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { EngineStatus } from '../header/EngineStatus.tsx';
import { StateView } from './Workspace.tsx';
import type { EmbedMode } from '../embed.ts';

/** The embedded view: code and stepping with frames and output, compact; read-only by default. */
export function EmbedView({ mode }: { mode: EmbedMode }) {
  const full = `${location.pathname}${location.hash}`;
  return (
    <div className="embed">
      <header className="embed-header">
        <EngineStatus />
        <a href={full} target="_blank" rel="noopener">Open in the playground ↗</a>
      </header>
      <main className="embed-main">
        <Region label="Editor" className="editor-region">
          <CodeEditor readOnly={!mode.editable} />
          <Timeline />
        </Region>
        <div className="embed-side">
          <Region label="Variables" title="Frames and objects"><StateView /></Region>
          <Region label="Output" title="Output"><OutputPanel /></Region>
        </div>
      </main>
    </div>
  );
}
