import { useMemo } from 'react';
import { Arrows } from './Arrows.tsx';
import { objectLabel } from './describe.ts';
import { FramesView } from './FramesView.tsx';
import { objectName } from './heap-graph.ts';
import { ObjectView } from './ObjectView.tsx';
import type { ShownDiagram } from './use-diagram-layout.ts';

const ORIGIN = { x: 0, y: 0 };

interface Props {
  shown: ShownDiagram;
  zoom: number;
  markerId: string;
  onToggle(objectId: number): void;
}

/** The diagram as SVG: the frames block, the object nodes, and the arrows on top (each starts at
 * a dot inside a node; ELK routes them around the nodes). */
export function DiagramCanvas({ shown, zoom, markerId, onToggle }: Props) {
  const { geometry, layout } = shown;
  const graph = geometry.graph;
  const names = useMemo(
    () => new Map(graph.objects.map((o) => [o.objectId, objectName(o.kind, o.typeName, o.objectId)])),
    [graph],
  );
  return (
    <svg
      role="group"
      aria-label={`Frames and objects at step ${graph.step + 1}`}
      width={Math.ceil(layout.width * zoom)}
      height={Math.ceil(layout.height * zoom)}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
    >
      <FramesView geometry={geometry.frames} at={layout.nodes.get(geometry.frames.id) ?? ORIGIN} names={names} />
      {geometry.objects.map((object) => {
        const position = layout.nodes.get(object.id);
        return position ? (
          <ObjectView key={object.id} geometry={object} at={position} label={objectLabel(object.object, names)} onToggle={onToggle} />
        ) : null;
      })}
      <Arrows geometry={geometry} layout={layout} markerId={markerId} />
    </svg>
  );
}
