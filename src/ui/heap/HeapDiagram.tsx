import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState, type JSX } from 'react';
import type { TraceStore } from '../../trace/store.ts';
import { DiagramCanvas } from './DiagramCanvas.tsx';
import { measureDiagram } from './geometry.ts';
import { buildHeapGraph, type HeapGraph } from './heap-graph.ts';
import { sharedLayoutQueue, useDiagramLayout } from './use-diagram-layout.ts';
import { usePanByDrag } from './use-pan.ts';
import { ZoomControls } from './ZoomControls.tsx';
import './heap.css';

const NO_IDS: ReadonlySet<number> = new Set();
const EMPTY_GRAPH: HeapGraph = { step: 0, frames: [], objects: [], edges: [], omittedObjects: 0, omittedFrames: 0 };

/**
 * The objects diagram of one step: frames with their variables, the objects reachable from them,
 * and arrows from variables and container slots to the objects they refer to. Layout runs in a
 * worker; until a step's layout is ready the previous diagram stays up.
 */
export function HeapDiagram({ store, step }: { store: TraceStore; step: number }): JSX.Element {
  const [expansion, setExpansion] = useState({ store, ids: NO_IDS });
  const expanded = expansion.store === store ? expansion.ids : NO_IDS;
  const toggle = useCallback((objectId: number) => {
    setExpansion((current) => {
      const ids = new Set(current.store === store ? current.ids : NO_IDS);
      if (!ids.delete(objectId)) ids.add(objectId);
      return { store, ids };
    });
  }, [store]);
  const [zoom, setZoom] = useState(1);
  const scrollBox = useRef<HTMLDivElement>(null);
  const zoomFrom = useRef(1);
  useLayoutEffect(() => {
    // Keep the point at the top left of the view in place when zooming.
    const box = scrollBox.current;
    const ratio = zoom / zoomFrom.current;
    zoomFrom.current = zoom;
    if (box && ratio !== 1) box.scrollTo(box.scrollLeft * ratio, box.scrollTop * ratio);
  }, [zoom]);
  const pan = usePanByDrag();
  const markerId = `heap-arrow-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  useEffect(() => sharedLayoutQueue.warmUp(), []);

  const at = Math.min(Math.max(0, step), store.stepCount - 1);
  const graph = useMemo(() => (at >= 0 ? buildHeapGraph(store, at, { expanded }) : EMPTY_GRAPH), [store, at, expanded]);
  const geometry = useMemo(() => measureDiagram(graph), [graph]);
  const { shown, pending } = useDiagramLayout(geometry);

  if (!graph.frames.length) {
    return (
      <section className="heap" aria-label="Objects">
        <p className="heap-empty">{store.stepCount ? 'No frames at this step.' : 'Run a program to see its objects.'}</p>
      </section>
    );
  }
  const drawn = shown?.geometry.graph;
  return (
    <section className="heap" aria-label="Objects" aria-busy={pending}>
      <div className="heap-toolbar">
        {pending && <span className="heap-status" aria-hidden="true">laying out…</span>}
        <ZoomControls zoom={zoom} onZoom={setZoom} />
      </div>
      {shown && drawn && (
        <div className="heap-scroll" tabIndex={0} ref={scrollBox} {...pan}>
          <DiagramCanvas shown={shown} zoom={zoom} markerId={markerId} onToggle={toggle} />
          {drawn.omittedObjects > 0 && (
            <p className="heap-note-text">{drawn.omittedObjects} more objects are not drawn (too many to show).</p>
          )}
          <ul className="heap-visually-hidden" aria-label="References">
            {drawn.edges.map((edge) => <li key={edge.id}>{edge.description}</li>)}
          </ul>
          {drawn.omittedFrames > 0 && <p className="heap-visually-hidden">{drawn.omittedFrames} frames in the middle of the stack are not drawn.</p>}
        </div>
      )}
    </section>
  );
}
