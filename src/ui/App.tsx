import { useEffect, type ReactNode } from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import { createBrowserEngine } from '../engine/browser.ts';
import { useAppStore } from '../state/app-store.ts';
import { loadSettings, persistState } from '../state/persistence.ts';
import { startEngine } from '../state/run-controller.ts';
import { persistEndpoint } from '../state/endpoint-storage.ts';
import { DiffPanel } from './diff/DiffPanel.tsx';
import { PredictionPanel } from './prediction/PredictionPanel.tsx';
import { CodeEditor } from './editor/CodeEditor.tsx';
import { FramesView } from './frames/FramesView.tsx';
import { Header } from './header/Header.tsx';
import { Icon } from './Icon.tsx';
import { OutputPanel } from './output/OutputPanel.tsx';
import { RunBar } from './controls/RunBar.tsx';
import { Timeline } from './timeline/Timeline.tsx';
import { useStepKeys } from './timeline/use-step-keys.ts';
import { useMediaQuery, useThemeAttribute } from './theme.ts';
import './theme.css';
import './app.css';

function Alert() {
  const alert = useAppStore((s) => s.alert);
  const setAlert = useAppStore((s) => s.setAlert);
  return (
    <div role="alert" className={alert ? 'app-alert' : 'app-alert empty'}>
      {alert && (
        <>
          <span>{alert}</span>
          <button type="button" className="icon" onClick={() => setAlert(null)} aria-label="Dismiss"><Icon name="close" size={12} /></button>
        </>
      )}
    </div>
  );
}

function Region({ label, title, children, className }: { label: string; title?: string; children: ReactNode; className?: string }) {
  return (
    <section aria-label={label} className={`region ${className ?? ''}`}>
      {title && <h2 className="region-title">{title}</h2>}
      <div className="region-body">{children}</div>
    </section>
  );
}

function ObjectsAndFrames() {
  return (
    <div className="state-view">
      <FramesView />
    </div>
  );
}

export function App() {
  useThemeAttribute();
  useStepKeys();
  const narrow = useMediaQuery('(max-width: 760px)');
  const compareOpen = useAppStore((s) => s.compareOpen);
  useEffect(() => {
    useAppStore.setState(loadSettings(localStorage));
    startEngine(createBrowserEngine);
    const stopDraft = persistState(localStorage);
    const stopEndpoint = persistEndpoint(localStorage);
    return () => {
      stopDraft();
      stopEndpoint();
    };
  }, []);

  const editor = (
    <Region label="Editor" className="editor-region">
      <RunBar />
      <CodeEditor />
      <Timeline />
    </Region>
  );
  const variables = <Region label="Variables" title="Frames and objects"><ObjectsAndFrames /></Region>;
  const output = <Region label="Output" title="Output"><OutputPanel /></Region>;
  const prediction = <Region label="Prediction" title="Prediction"><PredictionPanel /></Region>;
  const diff = <Region label="Diff" title="Diff"><DiffPanel /></Region>;

  return (
    <div className={`app${narrow ? ' narrow' : ''}`}>
      <Header />
      <Alert />
      {narrow ? (
        <main className="stacked">
          {editor}
          {variables}
          {output}
          {compareOpen && prediction}
          {compareOpen && diff}
        </main>
      ) : (
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
      )}
    </div>
  );
}
