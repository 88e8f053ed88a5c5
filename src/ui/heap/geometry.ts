/**
 * Sizes of the diagram's nodes and the places inside them (cells, dots, ports), computed from
 * the graph alone so the layout can be cached by them. Text is monospace, measured by counting
 * characters; long text is clipped with `…` (the full text goes in a tooltip and aria-label).
 */
import {
  FRAMES_NODE, type GraphFrame, type GraphObject, type GraphSlot, type HeapGraph,
} from './heap-graph.ts';

export const FONT_SIZE = 12;
export const SMALL_FONT_SIZE = 10;
/** Advance of one character of the monospace font at FONT_SIZE (0.6 em, a little spare). */
export const CHAR_WIDTH = 7.4;
const SMALL_CHAR_WIDTH = (CHAR_WIDTH * SMALL_FONT_SIZE) / FONT_SIZE;

const PAD = 6;
const MIN_CELL = 30;
const DOT_CELL = 30;
const HEADER = 20;
const ROW = 24;
const INDEXED_CELL = 36;
const PLAIN_CELL = 26;
const FRAME_GAP = 10;
const CELLS_PER_ROW = 10;
const MAX_VALUE_CHARS = 28;
const MAX_VARIABLE_CHARS = 20;
const MAX_RESULT_CHARS = 24;
const MAX_KEY_CHARS = 18;
const MAX_BOX_CHARS = 36;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export type PortSide = 'EAST' | 'WEST';

export interface Port {
  id: string;
  x: number;
  y: number;
  side: PortSide;
}

export interface SlotGeometry {
  slot: GraphSlot;
  /** The value cell, in node coordinates. */
  cell: Box;
  /** Label (variable name, key, attribute) box, when drawn beside the cell. */
  labelBox: Box | null;
  /** Index label position (cells of lists and tuples). */
  indexAt: { x: number; y: number } | null;
  /** Displayed text: the inline value, clipped; '' for references. */
  text: string;
  /** Displayed label, clipped. */
  label: string;
  /** Where a reference's arrow starts inside the cell, and the port it leaves the node by. */
  dot: { x: number; y: number } | null;
  port: Port | null;
}

export interface FrameGeometry {
  frame: GraphFrame;
  box: Box;
  slots: SlotGeometry[];
}

export interface FramesGeometry {
  id: typeof FRAMES_NODE;
  width: number;
  height: number;
  frames: FrameGeometry[];
  ports: Port[];
  /** Where the frames left out of a deep stack are mentioned. */
  omitted: { y: number; text: string } | null;
}

export interface ObjectGeometry {
  id: string;
  object: GraphObject;
  width: number;
  height: number;
  /** Type name shown in the header. */
  title: string;
  slots: SlotGeometry[];
  /** The "+k more" / "show fewer" button. */
  toggle: (Box & { text: string }) | null;
  /** The marker for items the trace did not record. */
  untraced: (Box & { text: string }) | null;
  /** Body text of function, class and other boxes. */
  body: { text: string; box: Box } | null;
  inPort: Port;
  ports: Port[];
}

export interface DiagramGeometry {
  graph: HeapGraph;
  frames: FramesGeometry;
  objects: ObjectGeometry[];
}

/** Width of text in the monospace font (wide East Asian characters and emoji count double). */
export function textWidth(text: string, charWidth = CHAR_WIDTH): number {
  let units = 0;
  for (const ch of text) units += isWide(ch.codePointAt(0)!) ? 2 : 1;
  return units * charWidth;
}

function isWide(code: number): boolean {
  return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
    || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
    || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
}

/** Text cut to at most `max` characters, ending in `…` when cut. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/**
 * Node widths go up in steps, so a value growing by a character or two (9 → 10) leaves the
 * layout (and its cache key) alone.
 */
const WIDTH_STEP = 16;

function snap(width: number): number {
  return Math.ceil(width / WIDTH_STEP) * WIDTH_STEP;
}

/** Share the room a snapped width added among the cells of a single row. */
function spread(boxes: Box[], room: number): void {
  if (room <= 0 || !boxes.length || boxes.some((box) => box.y !== boxes[0].y)) return;
  const extra = room / boxes.length;
  let x = boxes[0].x;
  for (const box of boxes) {
    box.x = x;
    box.width += extra;
    x += box.width;
  }
}

export function measureDiagram(graph: HeapGraph): DiagramGeometry {
  return { graph, frames: measureFrames(graph.frames, graph.omittedFrames), objects: graph.objects.map(measureObject) };
}

function valueText(slot: GraphSlot, max = MAX_VALUE_CHARS): string {
  return slot.value.kind === 'inline' ? clip(slot.value.text, max) : '';
}

function valueWidth(text: string): number {
  return text ? Math.max(MIN_CELL, textWidth(text) + 2 * PAD) : DOT_CELL;
}

function measureFrames(frames: GraphFrame[], omittedFrames: number): FramesGeometry {
  let labelWidth = 0;
  let cellWidth = DOT_CELL;
  let headerWidth = 0;
  for (const frame of frames) {
    headerWidth = Math.max(headerWidth, textWidth(frameTitle(frame)) + textWidth(`line ${frame.line}`, SMALL_CHAR_WIDTH) + 6 * PAD);
    for (const slot of frame.slots) {
      labelWidth = Math.max(labelWidth, textWidth(clip(slot.label, MAX_KEY_CHARS)));
      cellWidth = Math.max(cellWidth, valueWidth(valueText(slot, variableChars(slot))));
    }
  }
  const labelColumn = labelWidth + 2 * PAD;
  const width = snap(Math.max(140, headerWidth, labelColumn + cellWidth + 2 * PAD));
  const cellX = width - PAD - cellWidth;
  const result: FrameGeometry[] = [];
  const ports: Port[] = [];
  let omitted: FramesGeometry['omitted'] = null;
  let y = 0;
  for (const frame of frames) {
    if (omittedFrames > 0 && result.length === 1) {
      omitted = { y: y + ROW / 2, text: `⋮ ${omittedFrames} more frames` };
      y += ROW + FRAME_GAP;
    }
    const top = y;
    y += HEADER + 2;
    const slots = frame.slots.map((slot) => {
      const text = valueText(slot, variableChars(slot));
      const cell = refCell({ x: cellX, y: y + 2, width: cellWidth, height: ROW - 4 }, slot);
      const dot = slot.value.kind === 'ref' ? { x: cell.x + cell.width / 2, y: y + ROW / 2 } : null;
      const port: Port | null = dot ? { id: slot.port, x: width, y: dot.y, side: 'EAST' } : null;
      if (port) ports.push(port);
      const geometry: SlotGeometry = {
        slot, cell, labelBox: { x: PAD, y, width: cellX - 2 * PAD, height: ROW }, indexAt: null,
        text, label: clip(slot.label, MAX_KEY_CHARS), dot, port,
      };
      y += ROW;
      return geometry;
    });
    y += frame.slots.length ? PAD : 0;
    result.push({ frame, box: { x: 0, y: top, width, height: y - top }, slots });
    y += FRAME_GAP;
  }
  return { id: FRAMES_NODE, width, height: Math.max(HEADER, y - FRAME_GAP), frames: result, ports, omitted };
}

function variableChars(slot: GraphSlot): number {
  return slot.result ? MAX_RESULT_CHARS : MAX_VARIABLE_CHARS;
}

export function frameTitle(frame: GraphFrame): string {
  return frame.name === '<module>' ? 'Global frame' : frame.name;
}

function measureObject(object: GraphObject): ObjectGeometry {
  if (object.shape === 'cells') return measureCells(object);
  if (object.shape === 'rows') return measureRows(object);
  return measureBox(object);
}

/** A reference's cell is a small box at the start of its value column, next to its label; its
 * arrow runs from the dot across the rest of the column to the port. */
function refCell(column: Box, slot: GraphSlot): Box {
  return slot.value.kind === 'ref' ? { ...column, width: DOT_CELL } : column;
}

function objectTitle(object: GraphObject): string {
  if (object.kind === 'instance') return `${object.typeName} instance`;
  if (object.kind === 'class') return 'class';
  return object.typeName;
}

/** What a box shows: a function's or class's name rather than its whole repr. */
export function boxText(object: Pick<GraphObject, 'kind' | 'repr'>): string {
  const name = object.kind === 'function' ? /^<(?:built-in )?function (.+)>$/.exec(object.repr)
    : object.kind === 'class' ? /^<class '(?:__main__\.)?(.+)'>$/.exec(object.repr) : null;
  return name ? name[1] : object.repr;
}

function toggleText(object: GraphObject): string | null {
  if (object.hidden > 0) return `+${object.hidden} more`;
  return object.expanded ? 'show fewer' : null;
}

function untracedText(object: GraphObject): string | null {
  return object.untraced > 0 ? `…${object.untraced} not traced` : null;
}

function inPort(object: GraphObject): Port {
  return { id: `${object.id}.in`, x: 0, y: HEADER / 2, side: 'WEST' };
}

function measureCells(object: GraphObject): ObjectGeometry {
  const title = objectTitle(object);
  const cellHeight = object.indexed && object.slots.length ? INDEXED_CELL : PLAIN_CELL;
  const toggle = toggleText(object);
  const untraced = untracedText(object);
  // Cells, then the toggle and untraced markers, flowed into rows (one row unless expanded).
  const widths = object.slots.map((slot) => valueWidth(valueText(slot)));
  const extras = [toggle, untraced].filter((text): text is string => text !== null);
  const all = [...widths, ...extras.map((text) => textWidth(text, SMALL_CHAR_WIDTH) + 2 * PAD)];
  const perRow = object.expanded ? CELLS_PER_ROW : Math.max(1, all.length);
  const rows = Math.max(1, Math.ceil(all.length / perRow));
  const boxes: Box[] = [];
  let rowWidth = 0;
  let maxRow = 0;
  all.forEach((w, i) => {
    if (i % perRow === 0) rowWidth = 0;
    boxes.push({ x: PAD + rowWidth, y: HEADER + Math.floor(i / perRow) * cellHeight, width: w, height: cellHeight });
    rowWidth += w;
    maxRow = Math.max(maxRow, rowWidth);
  });
  const width = snap(Math.max(2 * PAD + maxRow, textWidth(title, SMALL_CHAR_WIDTH) + 2 * PAD, 40));
  spread(boxes, width - 2 * PAD - maxRow);
  const height = HEADER + rows * cellHeight + PAD;
  // Cells hold inline values only (see shapeOf): no dots, no ports.
  const slots = object.slots.map((slot, i): SlotGeometry => {
    const cell = boxes[i];
    return {
      slot, cell, labelBox: null, indexAt: object.indexed ? { x: cell.x + cell.width / 2, y: cell.y + 11 } : null,
      text: valueText(slot), label: slot.label, dot: null, port: null,
    };
  });
  const extraBoxes = boxes.slice(object.slots.length);
  const toggleBox = toggle ? { ...extraBoxes.shift()!, text: toggle } : null;
  const untracedBox = untraced ? { ...extraBoxes.shift()!, text: untraced } : null;
  return {
    id: object.id, object, width, height, title, slots, toggle: toggleBox, untraced: untracedBox, body: null,
    inPort: inPort(object), ports: [],
  };
}

function measureRows(object: GraphObject): ObjectGeometry {
  const title = objectTitle(object);
  const toggle = toggleText(object);
  const untraced = untracedText(object);
  let keyWidth = 0;
  let cellWidth = DOT_CELL;
  for (const slot of object.slots) {
    keyWidth = Math.max(keyWidth, textWidth(clip(slot.label, MAX_KEY_CHARS)));
    cellWidth = Math.max(cellWidth, valueWidth(valueText(slot)));
  }
  const keyColumn = keyWidth ? keyWidth + 2 * PAD : 0;
  const extrasWidth = Math.max(...[toggle, untraced].map((text) => (text ? textWidth(text, SMALL_CHAR_WIDTH) + 2 * PAD : 0)));
  const width = snap(Math.max(2 * PAD + keyColumn + cellWidth, 2 * PAD + extrasWidth, textWidth(title) + 2 * PAD, 60));
  cellWidth = width - 2 * PAD - keyColumn;
  const ports: Port[] = [];
  let y = HEADER;
  const slots = object.slots.map((slot): SlotGeometry => {
    const cell = refCell({ x: PAD + keyColumn, y, width: cellWidth, height: ROW }, slot);
    const dot = slot.value.kind === 'ref' ? { x: cell.x + cell.width / 2, y: y + ROW / 2 } : null;
    const port: Port | null = dot ? { id: slot.port, x: width, y: dot.y, side: 'EAST' } : null;
    if (port) ports.push(port);
    y += ROW;
    return {
      slot, cell, labelBox: { x: PAD, y: cell.y, width: keyColumn, height: ROW }, indexAt: null,
      text: valueText(slot), label: clip(slot.label, MAX_KEY_CHARS), dot, port,
    };
  });
  const extra = (text: string | null) => {
    if (!text) return null;
    const box = { x: PAD, y, width: width - 2 * PAD, height: ROW - 2, text };
    y += ROW;
    return box;
  };
  const toggleBox = extra(toggle);
  const untracedBox = extra(untraced);
  if (!object.slots.length && !toggleBox && !untracedBox) y += 4;
  return {
    id: object.id, object, width, height: y + PAD, title, slots, toggle: toggleBox, untraced: untracedBox, body: null,
    inPort: inPort(object), ports,
  };
}

function measureBox(object: GraphObject): ObjectGeometry {
  const title = objectTitle(object);
  const text = clip(boxText(object), MAX_BOX_CHARS);
  const width = snap(Math.max(textWidth(text), textWidth(title, SMALL_CHAR_WIDTH)) + 2 * PAD);
  return {
    id: object.id, object, width, height: HEADER + ROW + 2, title, slots: [], toggle: null, untraced: null,
    body: { text, box: { x: PAD, y: HEADER, width: width - 2 * PAD, height: ROW } }, inPort: inPort(object), ports: [],
  };
}
