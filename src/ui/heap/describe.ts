/** Words for the diagram: accessible names of objects and buttons (repr text stays plain text). */
import { objectName, type GraphFrame, type GraphObject, type GraphSlot } from './heap-graph.ts';

function slotWords(slot: GraphSlot, names: ReadonlyMap<number, string>): string {
  return slot.value.kind === 'inline' ? slot.value.text : (names.get(slot.value.objectId) ?? `object #${slot.value.objectId}`);
}

/** e.g. `list object #3: [1, 2]`, `P object #5: x = 1, items → list #6`. */
export function objectLabel(object: GraphObject, names: ReadonlyMap<number, string>): string {
  const head = `${object.typeName} object #${object.objectId}`;
  let body: string;
  if (object.kind === 'instance') {
    body = object.slots.map((slot) => `${slot.label} ${slot.value.kind === 'ref' ? '→' : '='} ${slotWords(slot, names)}`).join(', ');
    if (!body) body = 'no attributes';
  } else {
    body = object.repr;
  }
  const notes: string[] = [];
  if (object.changed) notes.push('changed at this step');
  if (object.hidden > 0 || object.untraced > 0) notes.push(`showing ${object.slots.length} of ${object.length} items`);
  return `${head}: ${body}${notes.length ? ` (${notes.join('; ')})` : ''}`;
}

/** e.g. `Frame f (current), line 4: n = 3, acc → list #2`. */
export function frameLabel(frame: GraphFrame, names: ReadonlyMap<number, string>): string {
  const title = frame.name === '<module>' ? 'Global frame' : `Frame ${frame.name}`;
  const variables = frame.slots.map((slot) => `${slot.label} ${slot.value.kind === 'ref' ? '→' : '='} ${slotWords(slot, names)}`);
  return `${title}${frame.innermost ? ' (current)' : ''}, line ${frame.line}${variables.length ? `: ${variables.join(', ')}` : ''}`;
}

export function toggleLabel(object: GraphObject): string {
  const name = objectName(object.kind, object.typeName, object.objectId);
  return object.hidden > 0 ? `Show ${object.hidden} more items of ${name}` : `Show fewer items of ${name}`;
}

export function untracedTitle(object: GraphObject): string {
  const recorded = object.length - object.untraced;
  return `The trace recorded ${recorded} of ${object.length} items of this ${object.typeName}`;
}

/** Colour class of an inline value by what its repr looks like. */
export function valueClass(text: string): string {
  const first = text[0];
  if (first === "'" || first === '"' || ((first === 'b' || first === 'f') && (text[1] === "'" || text[1] === '"'))) return 'is-string';
  if (text === 'None' || text === 'True' || text === 'False') return 'is-keyword';
  if (/^-?(\d|\.\d|inf|nan)/.test(text)) return 'is-number';
  return '';
}
