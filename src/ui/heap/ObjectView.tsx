import { memo, type KeyboardEvent } from 'react';
import type { ObjectGeometry } from './geometry.ts';
import { SlotCell } from './SlotCell.tsx';
import { toggleLabel, untracedTitle } from './describe.ts';
import type { Point } from './layout.ts';

interface Props {
  geometry: ObjectGeometry;
  at: Point;
  /** What the object is, in words (the drawing itself is hidden from screen readers). */
  label: string;
  onToggle(objectId: number): void;
}

/** One object: a header with its type, then cells (sequences, sets), rows (dicts, instances) or its repr. */
export const ObjectView = memo(function ObjectView({ geometry, at, label, onToggle }: Props) {
  const { object, toggle } = geometry;
  const press = () => onToggle(object.objectId);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      press();
    }
  };
  return (
    <g className={`heap-object${object.changed ? ' is-changed' : ''}`} transform={`translate(${at.x} ${at.y})`} role="group" aria-label={label}>
      <ObjectDrawing geometry={geometry} />
      {toggle && (
        <g
          className="heap-toggle"
          role="button"
          tabIndex={0}
          aria-label={toggleLabel(object)}
          aria-expanded={object.expanded}
          onClick={press}
          onKeyDown={onKeyDown}
        >
          <rect x={toggle.x + 2} y={toggle.y + 3} width={toggle.width - 4} height={toggle.height - 6} rx={3} />
          <text x={toggle.x + toggle.width / 2} y={toggle.y + toggle.height / 2 + 3.5} textAnchor="middle">{toggle.text}</text>
        </g>
      )}
    </g>
  );
});

function ObjectDrawing({ geometry }: { geometry: ObjectGeometry }) {
  const { object, width, height, untraced, body } = geometry;
  const empty = !geometry.slots.length && !geometry.toggle && !untraced && !body;
  const labelClass = object.kind === 'dict' ? 'heap-key' : object.kind === 'instance' ? 'heap-attr' : 'heap-index';
  return (
    <g aria-hidden="true">
      <rect className="heap-object-box" width={width} height={height} rx={4} />
      <text className="heap-object-title" x={6} y={13}>{geometry.title}</text>
      {geometry.slots.map((slot) => (
        <g key={slot.slot.port}>
          {slot.labelBox && (
            <text className={labelClass} x={slot.labelBox.x + slot.labelBox.width - 6} y={slot.labelBox.y + slot.labelBox.height / 2 + 4} textAnchor="end">
              {slot.label !== slot.slot.label && <title>{slot.slot.label}</title>}
              {slot.label}
            </text>
          )}
          <SlotCell geometry={slot} />
        </g>
      ))}
      {body && (
        <text className="heap-body" x={body.box.x} y={body.box.y + body.box.height / 2 + 4}>
          {body.text !== object.repr && <title>{object.repr}</title>}
          {body.text}
        </text>
      )}
      {empty && <text className="heap-note" x={6} y={height - 10}>empty</text>}
      {untraced && (
        <g>
          <title>{untracedTitle(object)}</title>
          <rect className="heap-untraced" x={untraced.x + 2} y={untraced.y + 3} width={untraced.width - 4} height={untraced.height - 6} rx={3} />
          <text className="heap-note" x={untraced.x + untraced.width / 2} y={untraced.y + untraced.height / 2 + 3.5} textAnchor="middle">
            {untraced.text}
          </text>
        </g>
      )}
    </g>
  );
}
