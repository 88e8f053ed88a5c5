import type { SlotGeometry } from './geometry.ts';
import { valueClass } from './describe.ts';

const DOT_RADIUS = 3.5;

/** A value cell: the inline value's text (plain SVG text, never markup) or a reference dot. */
export function SlotCell({ geometry }: { geometry: SlotGeometry }) {
  const { cell, slot, text, dot } = geometry;
  const full = slot.value.kind === 'inline' ? slot.value.text : '';
  const centred = geometry.indexAt !== null || geometry.labelBox === null;
  return (
    <g>
      <rect className={`heap-cell${slot.changed ? ' is-changed' : ''}`} x={cell.x} y={cell.y} width={cell.width} height={cell.height} />
      {geometry.indexAt && (
        <text className="heap-index" x={geometry.indexAt.x} y={geometry.indexAt.y} textAnchor="middle">{geometry.label}</text>
      )}
      {dot && <circle className="heap-dot" cx={dot.x} cy={dot.y} r={DOT_RADIUS} />}
      {text && (
        <text
          className={`heap-value ${slot.result && slot.label === 'Exception' ? 'is-error' : valueClass(full)}`}
          x={centred ? cell.x + cell.width / 2 : cell.x + 6}
          y={cell.y + cell.height - (geometry.indexAt ? 8 : cell.height / 2 - 4)}
          textAnchor={centred ? 'middle' : 'start'}
        >
          {text !== full && <title>{full}</title>}
          {text}
        </text>
      )}
    </g>
  );
}
