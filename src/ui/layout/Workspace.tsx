import { Group, Panel, Separator } from 'react-resizable-panels';
import { useAppStore } from '../../state/app-store.ts';
import { RunBar } from '../controls/RunBar.tsx';
import { DiffPanel } from '../diff/DiffPanel.tsx';
import { LazyCodeEditor as CodeEditor } from '../editor/LazyCodeEditor.tsx';
import { FramesView } from '../frames/FramesView.tsx';
import { HeapDiagram } from '../heap/HeapDiagram.tsx';
import { OutputPanel } from '../output/OutputPanel.tsx';
import { PredictionPanel } from '../prediction/PredictionPanel.tsx';
import { Region } from '../Region.tsx';
import { useMediaQuery } from '../theme.ts';
import { Timeline } from '../timeline/Timeline.tsx';

export function StateView() {
  const run = useAppStore((s) => s.run);
  const step = useAppStore((s) => s.step);
  const steps = run?.steps ?? 0;
  return (
    <div className="state-view">
      <FramesView />
      {run && steps > 0 && <HeapDiagram store={run.store} step={Math.min(step, steps - 1)} />}
    </div>
  );
}

/** The full playground: editor | frames, objects and output | prediction and diff (when open). */
export function Workspace() {
  const narrow = useMediaQuery('(max-width: 760px)');
  const compareOpen = useAppStore((s) => s.compareOpen);
  const editor = (
    <Region label="Editor" className="editor-region">
      <RunBar />
      <CodeEditor />
      <Timeline />
    </Region>
  );
  const variables = <Region label="Variables" title="Frames and objects"><StateView /></Region>;
  const output = <Region label="Output" title="Output"><OutputPanel /></Region>;
  const prediction = <Region label="Prediction" title="Prediction"><PredictionPanel /></Region>;
  const diff = <Region label="Diff" title="Diff"><DiffPanel /></Region>;

  if (narrow) {
    return (
      <main className="stacked">
        {editor}
        {variables}
        {output}
        {compareOpen && prediction}
        {compareOpen && diff}
      </main>
    );
  }
  return (
    <main className="workspace">
      <Group orientation="horizontal" id="workspace">
        <Panel id="left" defaultSize={compareOpen ? '38%' : '50%'} minSize="22%">{editor}</Panel>
        <Separator className="separator vertical" />
        <Panel id="middle" defaultSize={compareOpen ? '34%' : '50%'} minSize="18%">
          <Group orientation="vertical" id="middle-split">
            <Panel id="variables" defaultSize="65%" minSize="15%">{variables}</Panel>
            <Separator className="separator horizontal" />
            <Panel id="output" minSize="10%">{output}</Panel>
          </Group>
        </Panel>
        {compareOpen && <Separator className="separator vertical" />}
        {compareOpen && (
          <Panel id="right" defaultSize="28%" minSize="18%">
            <Group orientation="vertical" id="right-split">
              <Panel id="prediction" defaultSize="55%" minSize="10%">{prediction}</Panel>
              <Separator className="separator horizontal" />
              <Panel id="diff" minSize="10%">{diff}</Panel>
            </Group>
          </Panel>
        )}
      </Group>
    </main>
  );
}
