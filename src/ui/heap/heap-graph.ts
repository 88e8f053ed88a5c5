/**
 * The objects diagram as a pure graph: the frames at one step with their variables, the objects
 * reachable from them (kind-specific slots), and the references between them. No geometry here.
 */
import type { TraceStore } from '../../trace/store.ts';
import type { HeapObject, ObjectKind, Ref } from '../../trace/types.ts';

export interface HeapGraphOptions {
  /** Objects the user expanded: all their recorded items are shown. */
  expanded?: ReadonlySet<number>;
  /** Items shown of a collapsed container before a "+k more" cell. */
  collapsedItems?: number;
  /** Most objects drawn; references to objects beyond this are shown as text. */
  maxObjects?: number;
  /** Most frames drawn: the outermost one and the innermost `maxFrames - 1` (deep recursion). */
  maxFrames?: number;
}

export const DEFAULT_COLLAPSED_ITEMS = 8;
export const DEFAULT_MAX_OBJECTS = 120;
export const DEFAULT_MAX_FRAMES = 30;

/** What a variable or container slot holds: a value drawn inline, or a reference to an object node. */
export type SlotValue = { kind: 'inline'; text: string } | { kind: 'ref'; objectId: number };

export interface GraphSlot {
  /** Port id, unique in the graph. */
  port: string;
  /** Variable name, index, key text or attribute name ('' for set items). */
  label: string;
  value: SlotValue;
  /** Rebound at this step (variables), or differs from the object's previous version (items). */
  changed: boolean;
  /** The frame's return value or exception (not a variable). */
  result?: true;
}

export interface GraphFrame {
  activation: number;
  name: string;
  line: number;
  /** The frame executing at this step. */
  innermost: boolean;
  slots: GraphSlot[];
}

export type ObjectShape = 'cells' | 'rows' | 'box';

export interface GraphObject {
  /** Node id, unique in the graph. */
  id: string;
  objectId: number;
  kind: ObjectKind;
  typeName: string;
  repr: string;
  /** cells: sequences and sets of inline values; rows: dicts, instances, sequences holding
   * references; box: function, class, other. */
  shape: ObjectShape;
  /** Index labels above the cells (lists and tuples). */
  indexed: boolean;
  slots: GraphSlot[];
  /** Items or attributes the object has (may exceed what the trace recorded). */
  length: number;
  /** Items recorded by the trace but folded away (> 0: an expand button). */
  hidden: number;
  /** Items the trace did not record (it walks at most `maxItems` per container). */
  untraced: number;
  expanded: boolean;
  /** New at this step, or its own items changed at this step. */
  changed: boolean;
}

export interface GraphEdge {
  id: string;
  /** Port the arrow starts from (a variable or a slot). */
  port: string;
  /** Node id of the frames block or of the containing object. */
  source: string;
  /** Node id of the object referred to. */
  target: string;
  /** The arrow in words, e.g. `a → list #3`. */
  description: string;
}

export interface HeapGraph {
  step: number;
  /** Outermost first (the stack grows downwards). */
  frames: GraphFrame[];
  /** Ordered by canonical object id (first appearance), which is stable across steps. */
  objects: GraphObject[];
  edges: GraphEdge[];
  /** Reachable objects left out because of `maxObjects`. */
  omittedObjects: number;
  /** Frames left out (between the outermost and the innermost ones) because of `maxFrames`. */
  omittedFrames: number;
}

export const FRAMES_NODE = 'frames';

export function objectNodeId(objectId: number): string {
  return `o${objectId}`;
}

/** Short name of an object for descriptions: `list #3`, `P instance #5`. */
export function objectName(kind: ObjectKind, typeName: string, objectId: number): string {
  return `${kind === 'instance' ? `${typeName} instance` : typeName} #${objectId}`;
}

export function buildHeapGraph(store: TraceStore, step: number, options: HeapGraphOptions = {}): HeapGraph {
  const builder = new GraphBuilder(store, step, options);
  return builder.build();
}

/** How an object is drawn: sequences and sets as a row of cells while they hold only inline
 * values, and as a column of rows (one arrow per row) once they hold references. */
function shapeOf(kind: ObjectKind, slots: GraphSlot[]): ObjectShape {
  switch (kind) {
    case 'dict': case 'instance': return 'rows';
    case 'function': case 'class': case 'other': return 'box';
    default: return slots.some((slot) => slot.value.kind === 'ref') ? 'rows' : 'cells';
  }
}

class GraphBuilder {
  private readonly expanded: ReadonlySet<number>;
  private readonly collapsedItems: number;
  private readonly maxObjects: number;
  private readonly maxFrames: number;
  private omittedFrames = 0;
  private readonly heap = new Map<number, HeapObject | null>();
  /** Objects to draw, in the order they were reached. */
  private readonly reached: number[] = [];
  private readonly isReached = new Set<number>();
  private readonly omitted = new Set<number>();

  constructor(private readonly store: TraceStore, private readonly step: number, options: HeapGraphOptions) {
    this.expanded = options.expanded ?? new Set();
    this.collapsedItems = options.collapsedItems ?? DEFAULT_COLLAPSED_ITEMS;
    this.maxObjects = options.maxObjects ?? DEFAULT_MAX_OBJECTS;
    this.maxFrames = Math.max(2, options.maxFrames ?? DEFAULT_MAX_FRAMES);
  }

  build(): HeapGraph {
    const frames = this.frames();
    // Breadth first from the frames: nearer objects win when there are too many to draw.
    const objects: GraphObject[] = [];
    for (let i = 0; i < this.reached.length; i++) objects.push(this.objectNode(this.reached[i]));
    objects.sort((a, b) => a.objectId - b.objectId);
    const edges = this.edges(frames, objects);
    return { step: this.step, frames, objects, edges, omittedObjects: this.omitted.size, omittedFrames: this.omittedFrames };
  }

  private lookup(objectId: number): HeapObject | null {
    let object = this.heap.get(objectId);
    if (object === undefined) {
      object = this.store.object(objectId, this.step);
      this.heap.set(objectId, object);
    }
    return object;
  }

  /** The slot value for a reference, queueing the object to be drawn (or falling back to text). */
  private valueOf(objectId: number, text: string): SlotValue {
    if (objectId < 0) return { kind: 'inline', text };
    if (this.isReached.has(objectId)) return { kind: 'ref', objectId };
    const object = this.lookup(objectId);
    if (!object) return { kind: 'inline', text: text || '?' };
    if (this.reached.length >= this.maxObjects) {
      this.omitted.add(objectId);
      return { kind: 'inline', text: object.repr };
    }
    this.reached.push(objectId);
    this.isReached.add(objectId);
    return { kind: 'ref', objectId };
  }

  private refValue(ref: Ref): SlotValue {
    return 'inline' in ref ? { kind: 'inline', text: ref.inline } : this.valueOf(ref.objectId, '');
  }

  private frames(): GraphFrame[] {
    const stack = this.store.stack(this.step).reverse();
    const frames: GraphFrame[] = [];
    this.omittedFrames = Math.max(0, stack.length - this.maxFrames);
    stack.forEach((frame, index) => {
      if (index > 0 && index <= this.omittedFrames) return;
      const innermost = index === stack.length - 1;
      // Ports are named by stack position, not activation: the next call of the same function
      // with the same shape of data then reuses the cached layout.
      const slots: GraphSlot[] = frame.variables.map((variable) => ({
        port: `f${index}.${variable.name}`,
        label: variable.name,
        value: this.valueOf(variable.objectId, variable.value),
        changed: variable.changed,
      }));
      if (innermost) {
        const result = this.resultSlot(frame.activation, index);
        if (result) slots.push(result);
      }
      frames.push({ activation: frame.activation, name: frame.name, line: frame.line, innermost, slots });
    });
    return frames;
  }

  /** The returned value (or raised exception) shown on the frame that returns it. */
  private resultSlot(activation: number, index: number): GraphSlot | null {
    const { store, step } = this;
    const kind = store.kind(step);
    if (kind !== 'return' && kind !== 'exception') return null;
    const port = `f${index}!result`; // no variable name has a '!'
    // A return right after an exception in the same frame is the exception propagating out of it.
    const raised = kind === 'exception' ? step
      : step > 0 && store.kind(step - 1) === 'exception' && store.activation(step - 1) === activation ? step - 1 : -1;
    if (raised >= 0) {
      const exception = store.value(raised);
      const text = exception?.text ?? 'exception';
      return { port, label: 'Exception', value: { kind: 'inline', text }, changed: true, result: true };
    }
    // The module "returns" None when the program ends: not worth a row.
    const value = index === 0 ? null : store.value(step);
    if (!value) return null;
    return { port, label: 'Return value', value: this.valueOf(value.objectId, value.text), changed: true, result: true };
  }

  private objectNode(objectId: number): GraphObject {
    const object = this.lookup(objectId)!;
    const boxed = object.kind === 'function' || object.kind === 'class' || object.kind === 'other';
    const perItem = object.kind === 'dict' || object.kind === 'instance' ? 2 : 1;
    const recorded = boxed ? 0 : Math.floor(object.refs.length / perItem);
    const expanded = this.expanded.has(objectId);
    // Folding one item to make room for a "+1 more" cell would save nothing.
    const shown = expanded || recorded <= this.collapsedItems + 1 ? recorded : this.collapsedItems;
    const previous = this.previousVersion(object);
    const slots = this.slots(object, shown, previous);
    return {
      id: objectNodeId(objectId),
      objectId,
      kind: object.kind,
      typeName: object.typeName,
      repr: object.repr,
      shape: shapeOf(object.kind, slots),
      indexed: object.kind === 'list' || object.kind === 'tuple',
      slots,
      length: object.length,
      hidden: recorded - shown,
      untraced: boxed ? 0 : Math.max(0, object.length - recorded),
      expanded: expanded && recorded > this.collapsedItems + 1,
      changed: object.since === this.step && (previous === null || !sameContents(object, previous)),
    };
  }

  /** The version before this step's, if the object changed at this step and existed before. */
  private previousVersion(object: HeapObject): HeapObject | null {
    if (object.since !== this.step || this.step === 0) return null;
    const previous = this.store.object(object.id, this.step - 1);
    return previous && previous.since < object.since ? previous : null;
  }

  private slots(object: HeapObject, shown: number, previous: HeapObject | null): GraphSlot[] {
    const node = objectNodeId(object.id);
    const refs = object.refs;
    const slots: GraphSlot[] = [];
    if (object.kind === 'dict' || object.kind === 'instance') {
      const before = previous ? pairsByKey(previous, (id) => this.lookup(id)) : null;
      for (let i = 0; i < shown; i++) {
        const label = this.keyText(refs[2 * i]);
        const ref = refs[2 * i + 1];
        const old = before?.get(label);
        slots.push({
          port: `${node}.${i}`, label, value: this.refValue(ref),
          changed: before !== null && (old === undefined || !sameRef(old, ref)),
        });
      }
      return slots;
    }
    const labelled = object.kind === 'list' || object.kind === 'tuple';
    for (let i = 0; i < shown; i++) {
      const old = previous?.refs[i];
      slots.push({
        port: `${node}.${i}`, label: labelled ? String(i) : '', value: this.refValue(refs[i]),
        changed: previous !== null && (old === undefined || !sameRef(old, refs[i])),
      });
    }
    return slots;
  }

  /** A dict key or attribute name as text (keys that are objects are shown by their repr). */
  private keyText(ref: Ref): string {
    if ('inline' in ref) return ref.inline;
    return this.lookup(ref.objectId)?.repr ?? '?';
  }

  private edges(frames: GraphFrame[], objects: GraphObject[]): GraphEdge[] {
    const edges: GraphEdge[] = [];
    const names = new Map(objects.map((object) => [object.objectId, objectName(object.kind, object.typeName, object.objectId)]));
    const add = (slot: GraphSlot, source: string, from: string) => {
      if (slot.value.kind !== 'ref') return;
      const target = slot.value.objectId;
      edges.push({
        id: `e:${slot.port}`, port: slot.port, source, target: objectNodeId(target),
        description: `${from} → ${names.get(target) ?? `object #${target}`}`,
      });
    };
    frameNames(frames).forEach((prefix, i) => {
      for (const slot of frames[i].slots) add(slot, FRAMES_NODE, `${prefix}${slot.label}`);
    });
    for (const object of objects) {
      const owner = names.get(object.objectId)!;
      for (const slot of object.slots) add(slot, object.id, slotPath(object, owner, slot));
    }
    return edges;
  }
}

/** How arrows from each frame's variables begin: `a`, `f: n`, or `f (call 2): n` in recursion. */
function frameNames(frames: GraphFrame[]): string[] {
  const total = new Map<string, number>();
  for (const frame of frames) total.set(frame.name, (total.get(frame.name) ?? 0) + 1);
  const seen = new Map<string, number>();
  return frames.map((frame) => {
    if (frame.name === '<module>') return '';
    const k = (seen.get(frame.name) ?? 0) + 1;
    seen.set(frame.name, k);
    return total.get(frame.name)! > 1 ? `${frame.name} (call ${k}): ` : `${frame.name}: `;
  });
}

function slotPath(object: GraphObject, owner: string, slot: GraphSlot): string {
  if (object.kind === 'instance') return `${owner} .${slot.label}`;
  if (object.kind === 'set' || object.kind === 'frozenset') return `${owner} item`;
  return `${owner} [${slot.label}]`;
}

function sameRef(a: Ref, b: Ref): boolean {
  return 'inline' in a ? 'inline' in b && a.inline === b.inline : 'objectId' in b && a.objectId === b.objectId;
}

/** Same items in the same order (a new version that differs only in a nested object's repr). */
function sameContents(a: HeapObject, b: HeapObject): boolean {
  if (a.kind === 'function' || a.kind === 'class' || a.kind === 'other') return a.repr === b.repr;
  if (a.length !== b.length || a.refs.length !== b.refs.length) return false;
  return a.refs.every((ref, i) => sameRef(ref, b.refs[i]));
}

function pairsByKey(object: HeapObject, lookup: (id: number) => HeapObject | null): Map<string, Ref> {
  const pairs = new Map<string, Ref>();
  for (let i = 0; i + 1 < object.refs.length; i += 2) {
    const key = object.refs[i];
    pairs.set('inline' in key ? key.inline : (lookup(key.objectId)?.repr ?? '?'), object.refs[i + 1]);
  }
  return pairs;
}
