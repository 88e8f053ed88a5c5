import { useEffect, useMemo, useReducer, useState } from 'react';
import type { DiagramGeometry } from './geometry.ts';
import { layoutKey, toElkGraph, type DiagramLayout } from './layout.ts';
import { LayoutQueue, SupersededError } from './layout-queue.ts';
import { loadWorkerElk } from './elk-loader.ts';

/** One queue (one ELK worker, one cache) for every diagram on the page. */
export const sharedLayoutQueue = new LayoutQueue(loadWorkerElk);

export interface ShownDiagram {
  geometry: DiagramGeometry;
  layout: DiagramLayout;
}

/**
 * The diagram to draw: this geometry with its layout when the layout is known (cached), else
 * the last diagram drawn while the new layout is computed in the background. Layouts that
 * arrive after the step moved on are cached, not shown.
 */
export function useDiagramLayout(geometry: DiagramGeometry, queue = sharedLayoutQueue): { shown: ShownDiagram | null; pending: boolean } {
  const elkGraph = useMemo(() => toElkGraph(geometry), [geometry]);
  const key = useMemo(() => layoutKey(elkGraph), [elkGraph]);
  const [owner] = useState(() => ({}));
  const [, layoutArrived] = useReducer((n: number) => n + 1, 0);
  const layout = queue.peek(key);

  useEffect(() => {
    if (layout) return;
    let live = true;
    queue.request(owner, key, elkGraph).then(
      () => { if (live) layoutArrived(); },
      (error: unknown) => { if (!(error instanceof SupersededError)) console.warn(error); },
    );
    return () => { live = false; };
  }, [queue, owner, key, elkGraph, layout]);

  useEffect(() => () => queue.cancel(owner), [queue, owner]);

  const [previous, setPrevious] = useState<ShownDiagram | null>(null);
  if (layout && (previous?.geometry !== geometry || previous.layout !== layout)) {
    setPrevious({ geometry, layout }); // remember what was drawn last (a render-phase update)
  }
  return { shown: layout ? { geometry, layout } : previous, pending: !layout };
}
