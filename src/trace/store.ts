import { GrowableInt32, lastAtOrBefore } from './growable.ts';
import {
  LOG_ACTIVATION, LOG_CHANGE_BASE, LOG_OBJECT, LOG_OUTPUT, LOG_VALUE, VALUE_EXCEPTION, type RawBatch,
} from './raw-batch.ts';
import { HeapLog } from './heap-log.ts';
import { OutputLog } from './output-log.ts';
import { StringTable } from './string-table.ts';
import {
  STEP_KINDS, type FrameView, type HeapObject, type OutputStream, type StepKind, type StepValue, type Variable,
} from './types.ts';

/** A code object as the trace records it. */
export interface CodeInfo {
  file: number;
  name: string;
  firstLine: number;
}

/** One change record: a slot's new repr (string id; -1: unbound) and object id (-1: inline). */
export interface SlotChange {
  slot: number;
  valueId: number;
  objectId: number;
}

/**
 * The compact in-memory trace: columns of ints filled from raw batches, delta-encoded (a step
 * stores only the variables that changed). The state at any step is materialized on demand by
 * binary searches — per variable, per object, per output mark — never by replaying from step 0.
 */
export class TraceStore {
  readonly strings = new StringTable();
  // per step
  private readonly kindLine = new GrowableInt32(1024); // line << 2 | kind
  private readonly changeStart = new GrowableInt32(1024); // first change record of the step
  // runs: the step from which an activation is current, and which
  private readonly activationRunStep = new GrowableInt32();
  private readonly activationRunValue = new GrowableInt32();
  // changes: slot, string id (-1 unbound), object id (-1 inline)
  private readonly changes = new GrowableInt32(1024);
  private readonly slotChanges: GrowableInt32[] = [];
  private readonly slots = new GrowableInt32(); // frame id, name id, rank
  private readonly frameSlots: number[][] = []; // frame id -> slots sorted by rank
  private readonly activations = new GrowableInt32(); // frame id, parent, depth
  private readonly callerLines = new GrowableInt32(); // per activation: the caller's line at the call
  private readonly frameFirstActivation = new GrowableInt32(); // per frame
  private readonly frameLastActivation = new GrowableInt32(); // per frame
  private readonly lastLineOf: number[] = []; // per activation, while ingesting
  private currentActivation = -1;
  private readonly frames = new GrowableInt32(); // code id
  private readonly codes = new GrowableInt32(); // file id, name id, first line
  // sparse per-step records
  private readonly valueSteps = new GrowableInt32();
  private readonly valueData = new GrowableInt32(); // kind, string id, ref
  private readonly exceptionSteps = new GrowableInt32();
  private readonly heap = new HeapLog(this.strings);
  private readonly printed = new OutputLog();

  /** Source text of each file id (0: the program, 1: the `main()` wrapper of a call entry). */
  readonly sources: string[];
  private sourceLineCache: string[][] = [];

  constructor(sources: string[] = ['']) {
    this.sources = sources;
  }

  // -- ingestion --------------------------------------------------------------------------------

  append(batch: RawBatch): void {
    this.strings.appendTerminated(batch.strings);
    this.appendSlots(batch.slots);
    this.appendActivations(batch.activations);
    this.frames.pushAll(batch.frames);
    this.codes.pushAll(batch.codes);
    this.heap.append(batch.versions, batch.pool);
    this.printed.append(batch.outputText, batch.outputStreams);
    this.appendLog(batch.log);
  }

  private appendSlots(slots: Int32Array): void {
    for (let i = 0; i < slots.length; i += 3) {
      const slot = this.slots.length / 3;
      const frame = slots[i];
      const rank = slots[i + 2];
      this.slots.pushAll(slots.subarray(i, i + 3));
      this.slotChanges.push(new GrowableInt32(4));
      const list = (this.frameSlots[frame] ??= []);
      let at = list.length;
      while (at > 0 && this.slots.get(list[at - 1] * 3 + 2) > rank) at--;
      list.splice(at, 0, slot);
    }
  }

  private appendActivations(activations: Int32Array): void {
    let activation = this.activations.length / 3;
    this.activations.pushAll(activations);
    for (let i = 0; i < activations.length; i += 3, activation++) {
      const frame = activations[i];
      while (this.frameFirstActivation.length <= frame) {
        this.frameFirstActivation.push(activation);
        this.frameLastActivation.push(activation);
      }
      this.frameLastActivation.view()[frame] = activation;
    }
  }

  private appendLog(log: Int32Array): void {
    const changes = this.changes;
    for (let i = 0; i < log.length; i++) {
      const x = log[i];
      if (x >= 0) {
        this.kindLine.push(x);
        this.changeStart.push(changes.length / 3);
        this.lastLineOf[this.currentActivation] = x >> 2;
      } else if (x <= LOG_CHANGE_BASE) {
        this.addChange(LOG_CHANGE_BASE - x, log[i + 1], -1);
        i += 1;
      } else if (x === LOG_OBJECT) {
        this.addChange(log[i + 1], log[i + 2], log[i + 3]);
        i += 3;
      } else if (x === LOG_ACTIVATION) {
        const activation = log[++i];
        this.activationRunStep.push(this.kindLine.length);
        this.activationRunValue.push(activation);
        this.currentActivation = activation;
        if (activation === this.callerLines.length) {
          this.callerLines.push(this.lastLineOf[this.parentActivation(activation)] ?? 0);
        }
      } else if (x === LOG_OUTPUT) {
        this.printed.mark(this.kindLine.length, log[++i]);
      } else if (x === LOG_VALUE) {
        this.valueSteps.push(this.kindLine.length - 1);
        this.valueData.pushAll(log.subarray(i + 1, i + 4));
        if (log[i + 1] === VALUE_EXCEPTION) this.exceptionSteps.push(this.kindLine.length - 1);
        i += 3;
      } else {
        throw new Error(`corrupt trace log record ${x}`);
      }
    }
  }

  private addChange(slot: number, stringId: number, objectId: number): void {
    const changes = this.changes;
    this.slotChanges[slot].push(changes.length / 3);
    changes.push(slot);
    changes.push(stringId);
    changes.push(objectId);
  }

  // -- steps ------------------------------------------------------------------------------------

  get stepCount(): number {
    return this.kindLine.length;
  }

  kind(step: number): StepKind {
    return STEP_KINDS[this.kindLine.get(step) & 3];
  }

  line(step: number): number {
    return this.kindLine.get(step) >> 2;
  }

  activation(step: number): number {
    const run = this.runIndexAt(step);
    return run < 0 ? -1 : this.activationRunValue.get(run);
  }

  // Activation runs: maximal stretches of consecutive steps in one activation. Navigation
  // (step over/out) scans runs instead of steps.

  get runCount(): number {
    return this.activationRunStep.length;
  }

  /** The run containing a step. */
  runIndexAt(step: number): number {
    return lastAtOrBefore((i) => this.activationRunStep.get(i), 0, this.activationRunStep.length, step);
  }

  runStart(run: number): number {
    return this.activationRunStep.get(run);
  }

  runActivation(run: number): number {
    return this.activationRunValue.get(run);
  }

  /** A call step that resumes a generator or coroutine frame seen before (not a fresh call). */
  isResume(step: number): boolean {
    const activation = this.activation(step);
    return this.kind(step) === 'call' && this.frameFirstActivation.get(this.frameOfActivation(activation)) !== activation;
  }

  /** A return step that suspends a generator (a later step resumes the same frame). */
  isYield(step: number): boolean {
    const activation = this.activation(step);
    return this.kind(step) === 'return' && this.frameLastActivation.get(this.frameOfActivation(activation)) !== activation;
  }

  frameOfActivation(activation: number): number {
    return this.activations.get(activation * 3);
  }

  parentActivation(activation: number): number {
    return this.activations.get(activation * 3 + 1);
  }

  depth(activation: number): number {
    return this.activations.get(activation * 3 + 2);
  }

  get activationCount(): number {
    return this.activations.length / 3;
  }

  get frameCount(): number {
    return this.frames.length;
  }

  get codeCount(): number {
    return this.codes.length / 3;
  }

  /** A code object: its file id, name (`<module>`, a function's name, …) and first line. */
  code(code: number): CodeInfo {
    return {
      file: this.codes.get(code * 3),
      name: this.strings.get(this.codes.get(code * 3 + 1)),
      firstLine: this.codes.get(code * 3 + 2),
    };
  }

  frameId(step: number): number {
    return this.frameOfActivation(this.activation(step));
  }

  codeOfFrame(frame: number): number {
    return this.frames.get(frame);
  }

  frameName(frame: number): string {
    return this.strings.get(this.codes.get(this.codeOfFrame(frame) * 3 + 1));
  }

  frameFile(frame: number): number {
    return this.codes.get(this.codeOfFrame(frame) * 3);
  }

  /** The whole source line (no newline) of a step, from its frame's file. */
  sourceLine(step: number): string {
    const file = this.frameFile(this.frameId(step));
    const lines = (this.sourceLineCache[file] ??= (this.sources[file] ?? '').split('\n'));
    return lines[this.line(step) - 1] ?? '';
  }

  /** Return value or exception recorded at a step. */
  value(step: number): StepValue | null {
    const i = lastAtOrBefore((k) => this.valueSteps.get(k), 0, this.valueSteps.length, step);
    if (i < 0 || this.valueSteps.get(i) !== step) return null;
    const kind = this.valueData.get(i * 3);
    const id = this.valueData.get(i * 3 + 1);
    const ref = this.valueData.get(i * 3 + 2);
    if (kind === VALUE_EXCEPTION) return { text: this.strings.get(id), repr: this.strings.get(ref), objectId: -1 };
    return { text: this.refText(ref, step, id), objectId: ref >= 0 ? ref : -1 };
  }

  /** Steps at or before `step` where an exception was raised or passed through (at most `limit`, the latest). */
  exceptionStepsUpTo(step: number, limit = 1000): number[] {
    const list = this.exceptionSteps;
    const end = lastAtOrBefore((i) => list.get(i), 0, list.length, step) + 1;
    const steps: number[] = [];
    for (let i = Math.max(0, end - limit); i < end; i++) steps.push(list.get(i));
    return steps;
  }

  // -- variables --------------------------------------------------------------------------------

  /** Slots of a frame in f_locals order. */
  frameSlotIds(frame: number): readonly number[] {
    return this.frameSlots[frame] ?? [];
  }

  slotName(slot: number): string {
    return this.strings.get(this.slots.get(slot * 3 + 1));
  }

  slotFrame(slot: number): number {
    return this.slots.get(slot * 3);
  }

  /** Where the slot sorts among its frame's slots (its position in f_locals). */
  slotRank(slot: number): number {
    return this.slots.get(slot * 3 + 2);
  }

  get slotCount(): number {
    return this.slots.length / 3;
  }

  /** The change records logged at a step, in log order (the delta from the state before it). */
  changesAt(step: number): SlotChange[] {
    const end = step + 1 < this.changeStart.length ? this.changeStart.get(step + 1) : this.changes.length / 3;
    const result: SlotChange[] = [];
    for (let change = this.changeStart.get(step); change < end; change++) {
      result.push({
        slot: this.changes.get(change * 3),
        valueId: this.changes.get(change * 3 + 1),
        objectId: this.changes.get(change * 3 + 2),
      });
    }
    return result;
  }

  /** Index of the slot's last change at or before the step, or -1. */
  private lastChange(slot: number, step: number): number {
    const list = this.slotChanges[slot];
    const limit = step + 1 < this.changeStart.length ? this.changeStart.get(step + 1) : this.changes.length / 3;
    const i = lastAtOrBefore((k) => list.get(k), 0, list.length, limit - 1);
    return i < 0 ? -1 : list.get(i);
  }

  /** The string id of a slot's repr at a step (-1: unbound), without touching the heap. */
  slotValueId(slot: number, step: number): number {
    const change = this.lastChange(slot, step);
    return change < 0 ? -1 : this.changes.get(change * 3 + 1);
  }

  /** A frame's variables as they are at a step, in f_locals order. */
  variables(frame: number, step: number): Variable[] {
    const result: Variable[] = [];
    const stepChanges = step < this.changeStart.length ? this.changeStart.get(step) : Infinity;
    for (const slot of this.frameSlotIds(frame)) {
      const change = this.lastChange(slot, step);
      if (change < 0) continue;
      const stringId = this.changes.get(change * 3 + 1);
      if (stringId < 0) continue;
      const objectId = this.changes.get(change * 3 + 2);
      let value: string;
      let changed = change >= stepChanges;
      if (objectId >= 0) {
        const reprId = this.heap.reprIdAt(objectId, step);
        value = this.strings.get(reprId >= 0 ? reprId : stringId);
        changed ||= step > 0 && this.heap.changedAt(objectId, step);
      } else {
        value = this.strings.get(stringId);
      }
      result.push({ slot, name: this.slotName(slot), value, objectId, changed });
    }
    return result;
  }

  /** The next step after `step` at which the slot's value changes, or -1. */
  nextChangeOf(slot: number, step: number): number {
    const list = this.slotChanges[slot];
    const limit = step + 1 < this.changeStart.length ? this.changeStart.get(step + 1) : this.changes.length / 3;
    const i = lastAtOrBefore((k) => list.get(k), 0, list.length, limit - 1) + 1;
    if (i >= list.length) return -1;
    return this.stepOfChange(list.get(i));
  }

  private stepOfChange(change: number): number {
    return lastAtOrBefore((k) => this.changeStart.get(k), 0, this.changeStart.length, change);
  }

  /** The call stack at a step, innermost first, each frame with its variables. */
  stack(step: number): FrameView[] {
    const result: FrameView[] = [];
    let line = this.line(step);
    for (let activation = this.activation(step); activation >= 0; activation = this.parentActivation(activation)) {
      const frameId = this.frameOfActivation(activation);
      result.push({
        activation, frameId, name: this.frameName(frameId), file: this.frameFile(frameId), line,
        depth: this.depth(activation), variables: this.variables(frameId, step),
      });
      line = this.callLine(activation);
    }
    return result;
  }

  /** The line a caller was on when it made the call that started `activation`. */
  private callLine(activation: number): number {
    return activation < this.callerLines.length ? this.callerLines.get(activation) : 0;
  }

  // -- heap -------------------------------------------------------------------------------------

  get objectCount(): number {
    return this.heap.objectCount;
  }

  /** An object as it is at a step (its first recorded version if it was seen only later). */
  object(objectId: number, step: number): HeapObject | null {
    return this.heap.object(objectId, step);
  }

  /** Every recorded version of an object, oldest first (empty for an id never recorded). */
  objectHistory(objectId: number): HeapObject[] {
    return this.heap.history(objectId);
  }

  /** Text of a ref as it is at a step: a string id for inline values, else the object's repr. */
  private refText(ref: number, step: number, fallbackId: number): string {
    if (ref < 0) return this.strings.get(-ref - 1);
    const reprId = this.heap.reprIdAt(ref, step);
    return this.strings.get(reprId >= 0 ? reprId : fallbackId);
  }

  // -- output -----------------------------------------------------------------------------------

  get output(): string {
    return this.printed.text;
  }

  /** Output length (UTF-16 units) printed before a step ran. */
  outputLengthAt(step: number): number {
    return this.printed.lengthAt(step);
  }

  /** Runs of output by stream, [start, end) in UTF-16 units, overlapping [from, to) (all by default). */
  outputRuns(from = 0, to = Infinity): { stream: OutputStream; start: number; end: number }[] {
    return this.printed.runs(from, to);
  }

  // -- size -------------------------------------------------------------------------------------

  private columns(): GrowableInt32[] {
    return [
      this.kindLine, this.changeStart, this.activationRunStep, this.activationRunValue, this.changes,
      this.slots, this.activations, this.callerLines, this.frameFirstActivation, this.frameLastActivation,
      this.frames, this.codes, this.valueSteps, this.valueData, this.exceptionSteps,
      ...this.slotChanges, ...this.heap.columns(), ...this.printed.columns(),
    ];
  }

  /** The run has ended: give back the spare capacity the columns grew into. */
  seal(): void {
    for (const column of this.columns()) column.trim();
    this.strings.trim();
  }

  /** Bytes the store holds (typed arrays and strings; output text counted at 2 bytes a unit). */
  get byteLength(): number {
    let bytes = this.strings.byteLength;
    for (const column of this.columns()) bytes += column.byteLength;
    return bytes + this.printed.length * 2;
  }
}
