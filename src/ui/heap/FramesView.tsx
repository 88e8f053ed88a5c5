import { memo } from 'react';
import type { FramesGeometry } from './geometry.ts';
import { frameTitle } from './geometry.ts';
import { SlotCell } from './SlotCell.tsx';
import type { Point } from './layout.ts';
import { frameLabel } from './describe.ts';

interface Props {
  geometry: FramesGeometry;
  at: Point;
  names: ReadonlyMap<number, string>;
}

/** The call stack: one box per frame (outermost on top), variables as name | value rows. */
export const FramesView = memo(function FramesView({ geometry, at, names }: Props) {
  return (
    <g transform={`translate(${at.x} ${at.y})`}>
      {geometry.frames.map(({ frame, box, slots }) => (
        <g
          key={frame.activation}
          className={`heap-frame${frame.innermost ? ' is-active' : ''}`}
          role="img"
          aria-label={frameLabel(frame, names)}
        >
          <rect className="heap-frame-box" x={box.x} y={box.y} width={box.width} height={box.height} rx={4} />
          {frame.innermost && <rect className="heap-frame-bar" x={box.x} y={box.y} width={4} height={box.height} rx={2} />}
          <text className="heap-frame-name" x={box.x + 10} y={box.y + 15}>{frameTitle(frame)}</text>
          <text className="heap-frame-line" x={box.x + box.width - 6} y={box.y + 15} textAnchor="end">line {frame.line}</text>
          {slots.map((slot) => (
            <g key={slot.slot.port}>
              <text
                className={`heap-label${slot.slot.result ? ' is-result' : ''}`}
                x={slot.labelBox!.x + slot.labelBox!.width}
                y={slot.labelBox!.y + slot.labelBox!.height / 2 + 4}
                textAnchor="end"
              >
                {slot.label !== slot.slot.label && <title>{slot.slot.label}</title>}
                {slot.label}
              </text>
              <SlotCell geometry={slot} />
            </g>
          ))}
        </g>
      ))}
      {geometry.omitted && (
        <text className="heap-note" x={geometry.width / 2} y={geometry.omitted.y + 4} textAnchor="middle">{geometry.omitted.text}</text>
      )}
    </g>
  );
});
