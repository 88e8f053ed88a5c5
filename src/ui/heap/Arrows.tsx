import { memo } from 'react';
import type { DiagramGeometry } from './geometry.ts';
import type { DiagramLayout, Point } from './layout.ts';

const CORNER = 6;

/** A route as an SVG path with rounded corners. */
export function routePath(points: Point[]): string {
  if (points.length < 2) return '';
  let d = `M${points[0].x} ${points[0].y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const [a, b, c] = [points[i - 1], points[i], points[i + 1]];
    const r = Math.min(CORNER, Math.hypot(b.x - a.x, b.y - a.y) / 2, Math.hypot(c.x - b.x, c.y - b.y) / 2);
    const from = towards(b, a, r);
    const to = towards(b, c, r);
    d += ` L${from.x} ${from.y} Q${b.x} ${b.y} ${to.x} ${to.y}`;
  }
  const last = points[points.length - 1];
  return `${d} L${last.x} ${last.y}`;
}

function towards(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  return { x: from.x + ((to.x - from.x) * distance) / length, y: from.y + ((to.y - from.y) * distance) / length };
}

/** Where each arrow starts: the reference dot inside its cell, in diagram coordinates. */
function dotPositions(geometry: DiagramGeometry, layout: DiagramLayout): Map<string, Point> {
  const dots = new Map<string, Point>();
  const add = (nodeId: string, slots: { slot: { port: string }; dot: Point | null }[]) => {
    const at = layout.nodes.get(nodeId);
    if (!at) return;
    for (const slot of slots) if (slot.dot) dots.set(slot.slot.port, { x: at.x + slot.dot.x, y: at.y + slot.dot.y });
  };
  for (const frame of geometry.frames.frames) add(geometry.frames.id, frame.slots);
  for (const object of geometry.objects) add(object.id, object.slots);
  return dots;
}

export const Arrows = memo(function Arrows({ geometry, layout, markerId }: { geometry: DiagramGeometry; layout: DiagramLayout; markerId: string }) {
  const dots = dotPositions(geometry, layout);
  return (
    <g aria-hidden="true">
      <defs>
        <marker id={markerId} viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} orient="auto-start-reverse" markerUnits="userSpaceOnUse">
          <path className="heap-arrowhead" d="M0 0 L10 5 L0 10 z" />
        </marker>
      </defs>
      {geometry.graph.edges.map((edge) => {
        const route = layout.edges.get(edge.id);
        const dot = dots.get(edge.port);
        if (!route || !dot) return null;
        return <path key={edge.id} className="heap-arrow" d={routePath([dot, ...route])} markerEnd={`url(#${markerId})`} />;
      })}
    </g>
  );
});
