/**
 * Node positions and arrow routes from ELK's layered algorithm: frames in the first column,
 * objects to the right by nesting depth, each column ordered by canonical object id (model
 * order) so objects keep their places from step to step.
 */
import type { ELK, ElkExtendedEdge, ElkNode, ElkPort } from 'elkjs/lib/elk-api.js';
import type { DiagramGeometry, Port } from './geometry.ts';
import { FRAMES_NODE } from './heap-graph.ts';

export interface Point {
  x: number;
  y: number;
}

export interface DiagramLayout {
  width: number;
  height: number;
  /** Top-left corner of each node (frames block and objects) by node id. */
  nodes: Map<string, Point>;
  /** Each arrow's route from its port to the object's in-port, by edge id. */
  edges: Map<string, Point[]>;
}

const PADDING = 12;

/**
 * Chosen for stability over compactness (measured in layout.test.ts): the gap between columns is
 * wide enough for a dozen arrow tracks, so it does not widen (shifting every column to its right)
 * as arrows come and go; one fixed node-placement alignment instead of the balanced average of
 * four keeps a column's objects from drifting when an unrelated object changes; and the
 * greedy-switch crossing post-pass is off because it reorders nodes against model order.
 */
const LAYOUT_OPTIONS: Record<string, string> = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.padding': `[top=${PADDING},left=${PADDING},bottom=${PADDING},right=${PADDING}]`,
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeNode': '12',
  'elk.spacing.edgeEdge': '6',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.layered.spacing.edgeNodeBetweenLayers': '8',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '5',
  'elk.layered.cycleBreaking.strategy': 'GREEDY_MODEL_ORDER',
  'elk.layered.layering.strategy': 'LONGEST_PATH_SOURCE',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.layered.crossingMinimization.forceNodeModelOrder': 'true',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'LEFTUP',
  'elk.separateConnectedComponents': 'false',
};

function elkPort(port: Port): ElkPort {
  return { id: port.id, x: port.x, y: port.y, width: 0, height: 0, layoutOptions: { 'elk.port.side': port.side } };
}

/** The ELK input for a diagram: node sizes, fixed port positions, and the edges between ports. */
export function toElkGraph(geometry: DiagramGeometry): ElkNode {
  const frames = geometry.frames;
  const children: ElkNode[] = [{
    id: frames.id, width: frames.width, height: frames.height, ports: frames.ports.map(elkPort),
    layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.layered.layering.layerConstraint': 'FIRST' },
  }];
  for (const object of geometry.objects) {
    children.push({
      id: object.id, width: object.width, height: object.height,
      ports: [object.inPort, ...object.ports].map(elkPort),
      layoutOptions: { 'elk.portConstraints': 'FIXED_POS', 'elk.alignment': 'LEFT' },
    });
  }
  const edges: ElkExtendedEdge[] = geometry.graph.edges.map((edge) => ({
    id: edge.id, sources: [edge.port], targets: [`${edge.target}.in`],
  }));
  return { id: 'root', layoutOptions: LAYOUT_OPTIONS, children, edges };
}

/** Everything the layout depends on, as text: equal keys give equal layouts. */
export function layoutKey(graph: ElkNode): string {
  const parts: string[] = [];
  for (const node of graph.children ?? []) {
    parts.push(`${node.id} ${node.width} ${node.height}`);
    for (const port of node.ports ?? []) parts.push(`:${port.id} ${port.x} ${port.y}`);
  }
  for (const edge of graph.edges ?? []) parts.push(`>${edge.sources[0]} ${edge.targets[0]}`);
  return parts.join('\n');
}

export async function computeLayout(elk: ELK, graph: ElkNode): Promise<DiagramLayout> {
  const result = await elk.layout(graph);
  const nodes = new Map<string, Point>();
  for (const node of result.children ?? []) nodes.set(node.id, { x: node.x ?? 0, y: node.y ?? 0 });
  const edges = new Map<string, Point[]>();
  const fromFrames: string[] = [];
  for (const edge of result.edges ?? []) {
    const section = edge.sections?.[0];
    if (!section) continue;
    edges.set(edge.id, [section.startPoint, ...(section.bendPoints ?? []), section.endPoint]);
    if (edge.sources[0].startsWith('f')) fromFrames.push(edge.id);
  }
  let gapEnd = Infinity;
  for (const node of result.children ?? []) if (node.id !== FRAMES_NODE) gapEnd = Math.min(gapEnd, node.x ?? 0);
  const layout = { width: result.width ?? 0, height: result.height ?? 0, nodes, edges };
  pinFramesToTop(layout, fromFrames, gapEnd);
  normalize(layout);
  return layout;
}

/**
 * Move the frames block up to the top edge (ELK centres it among the objects it points to) so
 * it stays put as the stack and the heap change. Its arrows leave it horizontally into the gap
 * before the first column of objects: each gets a vertical jog in that gap back to its old route.
 */
function pinFramesToTop(layout: DiagramLayout, fromFrames: readonly string[], gapEnd: number): void {
  const frames = layout.nodes.get(FRAMES_NODE);
  if (!frames || frames.y <= PADDING) return;
  const dy = frames.y - PADDING;
  frames.y = PADDING;
  const jogs = fromFrames.length;
  fromFrames.forEach((id, k) => {
    const route = layout.edges.get(id)!;
    const [start, next] = route;
    if (route.length > 2 && next.y === start.y && next.x < gapEnd) {
      // The route already turns inside the gap: move its first run up with the frames.
      route[0] = { x: start.x, y: start.y - dy };
      route[1] = { x: next.x, y: next.y - dy };
    } else {
      const x = start.x + ((gapEnd - start.x) * (k + 1)) / (jogs + 1);
      route.splice(0, 1, { x: start.x, y: start.y - dy }, { x, y: start.y - dy }, { x, y: start.y });
    }
  });
}

/** Shift everything so the topmost node or arrow is at the padding, and fit the height. */
function normalize(layout: DiagramLayout): void {
  let top = Infinity;
  let bottom = 0;
  for (const point of layout.nodes.values()) top = Math.min(top, point.y);
  for (const route of layout.edges.values()) for (const point of route) top = Math.min(top, point.y);
  const shift = PADDING - top;
  if (!Number.isFinite(shift) || shift === 0) return;
  for (const [id, point] of layout.nodes) layout.nodes.set(id, { x: point.x, y: point.y + shift });
  for (const route of layout.edges.values()) {
    for (let i = 0; i < route.length; i++) {
      route[i] = { x: route[i].x, y: route[i].y + shift };
      bottom = Math.max(bottom, route[i].y);
    }
  }
  layout.height = Math.max(layout.height + shift, bottom + PADDING);
}

/** A plain layout for when ELK fails: frames, then one column of objects, straight arrows. */
export function fallbackLayout(graph: ElkNode): DiagramLayout {
  const padding = 12;
  const gap = 48;
  const nodes = new Map<string, Point>();
  const ports = new Map<string, Point>();
  const [frames, ...objects] = graph.children ?? [];
  let width = padding;
  let height = padding;
  if (frames) {
    nodes.set(frames.id, { x: padding, y: padding });
    width = padding + (frames.width ?? 0);
    height = padding + (frames.height ?? 0);
  }
  const column = width + gap;
  let y = padding;
  for (const node of objects) {
    nodes.set(node.id, { x: column, y });
    width = Math.max(width, column + (node.width ?? 0));
    y += (node.height ?? 0) + 18;
  }
  height = Math.max(height, y);
  for (const node of graph.children ?? []) {
    const at = nodes.get(node.id)!;
    for (const port of node.ports ?? []) ports.set(port.id, { x: at.x + (port.x ?? 0), y: at.y + (port.y ?? 0) });
  }
  const edges = new Map<string, Point[]>();
  for (const edge of graph.edges ?? []) {
    const from = ports.get(edge.sources[0]);
    const to = ports.get(edge.targets[0]);
    if (from && to) edges.set(edge.id, [from, to]);
  }
  return { width: width + padding, height: height + padding, nodes, edges };
}
