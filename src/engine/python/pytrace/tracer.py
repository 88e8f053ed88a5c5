"""The settrace hook: turns call/line/return/exception events in user code into compact records.

Records are appended to flat int lists (layout: RECORDS below and docs/trace-format.md, "raw
batches"); `flush` hands the host what was added since the previous flush and forgets it. Only
changes are stored: a variable whose repr and object are unchanged since its frame's last record
is not written again. The hook is a closure over local names because it runs for every event:
attribute lookups there cost more than the recording itself.
"""
import dis
import sys
import time
from array import array

from .recursion import COUNTS_C_CALLS, RECURSION_MESSAGE, frame_depth, has_room
from .values import INLINE_TYPES, STABLE_TYPES, StopRun

CALL, LINE, RETURN, EXCEPTION = 0, 1, 2, 3
VALUE_RETURN, VALUE_EXCEPTION = 0, 1
_CHECK_EVERY = 4096  # events between checks of the clock and the stop flag
_FLUSH_EVERY = 65536  # events between batches handed to the host
_DEEP = 128  # from this call depth on, flush every 16 levels (see _push)
_NEW_LOCALS = 0x2  # CO_NEWLOCALS: unset for module and class bodies, whose locals hold dunders
_GENERATOR_FLAGS = 0x3A0  # generator, coroutine, iterable coroutine, async generator
_UNBOUND_RANK = 1 << 20
_FAST_TYPES = frozenset((int, float, bool, type(None)))  # short, exact repr; immutable
# Before 3.13 a frame's f_locals is one dict that keeps its keys in first-bound order; from 3.13
# (PEP 667) it is a view listing names in the code's layout order.
_LAYOUT_ORDER = sys.version_info >= (3, 13)
# Before 3.12, settrace reports no line event for a jump to itself: an empty one-line loop
# (`while True: pass`) would run without a single step. Such frames get opcode events instead.
_SPIN_JUMPS = sys.version_info < (3, 12)
_settrace = sys.settrace  # the sandbox hides sys.settrace from user code while a run lasts
_setprofile = sys.setprofile
# Stands in a variable's state for a value whose repr may change while it stays the same object:
# no value is ever `is` this, so such a variable is always looked at again.
_CHANGEABLE = object()
_id = id  # the sandbox replaces builtins.id while a run lasts

# The event log: one flat list of ints, read in order (docs/trace-format.md, "raw batches").
#   x >= 0                      a step: line << 2 | kind
#   x <= CHANGE_BASE, sid       slot (CHANGE_BASE - x) of the step just logged now holds an inline
#                               value whose repr is string sid (-1: the name is unbound)
#   OBJECT, slot, sid, oid      slot now refers to object oid, whose repr is string sid
#   ACTIVATION, a               the steps that follow belong to activation a
#   OUTPUT, length              output length (UTF-16 units) from the next step on
#   VALUE, kind, sid, ref       return value (kind 0; ref) or exception (kind 1; ref = repr string id)
ACTIVATION, OUTPUT, VALUE, OBJECT, CHANGE_BASE = -1, -2, -3, -4, -16

# name, ints per record. A batch holds these in this order.
RECORDS = (
    ("log", 1),
    ("slots", 3),  # frame id, string id of the name, rank (position of the name in f_locals)
    ("activations", 3),  # frame id, parent activation (-1: none), depth
    ("frames", 1),  # code id
    ("codes", 3),  # file id, string id of the name, first line
    ("versions", 3),  # step, object id, offset into pool
    ("pool", 1),  # per version: kind, type name, repr, length, n refs, refs...
)


class Tracer:
    def __init__(self, values, files, options, host, output):
        self.values = values
        self.files = files  # filename -> file id
        self.host = host
        self.output = output
        output.on_length = self._log_output
        self.max_steps = options["maxSteps"]
        self.deadline = time.monotonic() + options["timeLimitMs"] / 1000.0
        self.records = {name: [] for name, _ in RECORDS}
        self.records["versions"] = values.versions
        self.records["pool"] = values.pool
        self.log = self.records["log"]
        # id(code) -> (code id, watched global names, hide dunders, name -> rank); False: not user code
        self.code_info = {}
        self.keep_codes = []
        self.frame_ids = {}  # live frame -> frame id
        self.frame_count = 0
        self.activation_frames = []  # activation -> frame id
        self.activation_depths = []  # activation -> depth
        self.stack = []  # activation ids, innermost last
        self.frame_state = {}  # frame id -> {name: (slot, string id, object id, stable value)}
        self.slot_count = 0
        self.module_frame = None  # "pending" until the traced module's frame id is known
        self.module_globals = None
        self.stop_reason = None
        self.exit_code = None  # os._exit()'s status
        # The recursion limit user code sees (the sandbox keeps the interpreter's own limit higher,
        # so that the tracer always has room to run): a call deeper than this raises RecursionError.
        self._recursion_limit = 1000
        self.base_depth = None  # frames below the first traced frame, itself included
        self.max_depth = -1  # deepest activation depth allowed (-1: not known before the first call)
        self.overflow_frames = []  # frames refused by the recursion limit: not in tracebacks
        self.spin_previous = {}  # frame -> offset of its previous opcode event (see _SPIN_JUMPS)
        self.next_check = [min(_CHECK_EVERY, self.max_steps)]
        self.steps_at_flush = 0
        self.hook, self.count = self._make_hook()

    @property
    def recursion_limit(self):
        return self._recursion_limit

    @recursion_limit.setter
    def recursion_limit(self, limit):
        self._recursion_limit = limit
        if self.base_depth is not None:
            self.max_depth = limit - self.base_depth

    def start(self):
        _settrace(self.hook)

    def finish(self):
        _settrace(None)
        _setprofile(None)  # a pending switch back on (see the hook's error handling) must not fire later

    @property
    def step_count(self):
        return self.count()

    def exit(self, code):
        """os._exit(code): end the run like a stop (user code cannot go on), reason `exited`."""
        self.exit_code = code
        self.stop("exited")

    def stop(self, reason):
        """End the run: remember why, send everything recorded, and unwind user code."""
        if self.stop_reason is None:
            self.stop_reason = reason
            self.next_check[0] = 0  # every later event raises again
            self.flush()
        raise StopRun(reason)

    # -- the hook -----------------------------------------------------------------------------

    def _make_hook(self):
        log = self.log
        log_append = log.append
        code_info = self.code_info
        stack = self.stack
        activation_frames = self.activation_frames
        frame_state = self.frame_state
        string_ids = self.values.string_ids
        pending_append = self.values.pending_strings.append
        next_check = self.next_check
        slow_variable = self._record_variable
        fast_types = _FAST_TYPES
        real_id = _id
        frame_ids_get = self.frame_ids.get
        stack_pop = stack.pop
        n = 0  # steps recorded
        current = None  # the frame of the previous event while it stays the same
        state = info = frame_id = None

        def hook(frame, event, arg):
            nonlocal n, current, state, info, frame_id
            try:
                if frame is not current or event != "line":
                    if event == "call":
                        code_info_entry = code_info.get(real_id(frame.f_code))
                        if code_info_entry is None:
                            code_info_entry = self._register_code(frame.f_code)
                        if code_info_entry is False:
                            return None
                        info = code_info_entry
                        activation = self._push(frame, info)
                        kind = CALL
                    else:
                        if event == "opcode":  # only in frames with an empty one-line loop
                            if not self._spin_step(frame):
                                return hook
                            event = "line"
                        activation = stack[-1]
                        kind = LINE if event == "line" else RETURN if event == "return" else EXCEPTION
                        if frame is not current:
                            info = code_info[real_id(frame.f_code)]
                    frame_id = activation_frames[activation]
                    state = frame_state[frame_id]
                    if frame is not current or kind == CALL:
                        log_append(ACTIVATION)
                        log_append(activation)
                    current = frame
                else:
                    kind = LINE
                if n >= next_check[0]:
                    self._periodic_checks(n)
                log_append(frame.f_lineno << 2 | kind)
                f_locals = frame.f_locals
                for name, v in f_locals.items():
                    previous = state.get(name)
                    if previous is not None and previous[3] is v:
                        continue
                    if type(v) in fast_types and previous is not None and previous[0] >= 0:
                        try:
                            text = repr(v)
                        except ValueError:  # an int with more digits than int_max_str_digits
                            text = "<int with %d bits>" % v.bit_length()
                        string_id = string_ids.get(text)
                        if string_id is None:
                            string_id = string_ids[text] = len(string_ids)
                            pending_append(text)
                        state[name] = (previous[0], string_id, -1, v)
                        if previous[1] != string_id or previous[2] != -1:
                            log_append(CHANGE_BASE - previous[0])
                            log_append(string_id)
                    else:
                        slow_variable(state, frame_id, name, v, info, n)
                if len(f_locals) < len(state):
                    self._record_unbound(state, f_locals)
                if info[1] and self.module_globals is not None:
                    self._record_globals(info[1], frame_id, n)
                if kind >= RETURN:
                    if kind == RETURN:
                        self._record_return(frame, arg, n)
                        current = None
                    else:
                        self._record_exception(arg)
                n += 1
                return hook
            except (RecursionError, MemoryError):
                # A call refused by the recursion limit (see _push), or the tracer itself ran out
                # of stack or memory part-way through an event. CPython switches tracing off when
                # a trace function raises: switch it back on at the next call or return event.
                # A frame this event was entering or leaving is gone. (No calls here: there may
                # be no stack left for one.)
                if (event == "call" or event == "return") and stack and activation_frames[stack[-1]] == frame_ids_get(frame):
                    stack_pop()
                current = None
                _setprofile(resume)
                raise

        def resume(frame, event, arg):
            # The first call or return event (of any kind: the profiler's) since tracing went
            # off. Frames may have ended unseen meanwhile: forget them, then trace again.
            nonlocal current
            _setprofile(None)
            self._forget_ended(frame.f_back if event == "return" or event == "call" else frame)
            current = None
            _settrace(hook)

        def count():
            return n

        return hook, count

    # -- slow paths ---------------------------------------------------------------------------

    def _register_code(self, code):
        file_id = self.files.get(code.co_filename)
        self.keep_codes.append(code)  # so that its id is not reused
        if file_id is None:
            self.code_info[_id(code)] = False
            return False
        codes = self.records["codes"]
        code_id = len(codes) // 3
        codes.extend((file_id, self.values.sid(code.co_name), code.co_firstlineno))
        is_function = bool(code.co_flags & _NEW_LOCALS)
        # code id, watched global names, hide dunders, name -> rank, offsets of jumps to themselves
        info = (code_id, tuple(code.co_names) if is_function else (), not is_function,
                _local_ranks(code) if is_function and _LAYOUT_ORDER else None,
                _self_jumps(code) if _SPIN_JUMPS else None)
        self.code_info[_id(code)] = info
        return info

    def _spin_step(self, frame):
        """An opcode event (only frames of code with a jump to itself get them): a step when the
        frame executes such a jump for the second time in a row, i.e. the loop goes round again
        (its first pass was the line event)."""
        offset = frame.f_lasti
        previous = self.spin_previous.get(frame)
        self.spin_previous[frame] = offset
        return offset == previous and offset in self.code_info[_id(frame.f_code)][4]

    def _push(self, frame, info):
        stack = self.stack
        parent = stack[-1] if stack else -1
        depth = self.activation_depths[parent] + 1 if parent >= 0 else 0
        if depth > self.max_depth or (COUNTS_C_CALLS and depth & 15 == 0 and self._near_limit(depth)):
            self._check_depth(frame, depth)
        if depth >= _DEEP and not depth & 15 and self.count() - self.steps_at_flush >= 64:
            # Deep recursion through C can overflow a browser worker's native stack, which kills the
            # runtime (see recursion.py): hand over what was recorded while the stack grows.
            self.flush()
        if info[4]:
            frame.f_trace_opcodes = True
        frame_id = self.frame_ids.get(frame)
        if frame_id is None:
            frame_id = self.frame_count
            self.frame_count += 1
            self.records["frames"].append(info[0])
            self.frame_ids[frame] = frame_id
            self.frame_state[frame_id] = {}
            if self.module_frame == "pending" and info[2] and frame.f_globals is frame.f_locals:
                self.module_frame = frame_id
                self.module_globals = frame.f_globals
        activation = len(self.activation_frames)
        self.activation_frames.append(frame_id)
        self.activation_depths.append(depth)
        self.records["activations"].extend((frame_id, parent, depth))
        stack.append(activation)
        return activation

    def _near_limit(self, depth):
        return depth > self._recursion_limit >> 2 and not has_room()

    def _check_depth(self, frame, depth):
        """Refuse a call deeper than the recursion limit as CPython would, by raising
        RecursionError. The interpreter's own limit is higher (see Sandbox), so the tracer still
        has room to record the unwinding."""
        if self.base_depth is None:
            self.base_depth = frame_depth(frame)
            self.max_depth = self._recursion_limit - self.base_depth
        if depth > self.max_depth or (COUNTS_C_CALLS and depth & 15 == 0 and self._near_limit(depth)):
            self.overflow_frames.append(frame)
            raise RecursionError(RECURSION_MESSAGE)

    def _forget_ended(self, frame):
        """Pop the activations of frames that are no longer on the stack below `frame`."""
        live = set()
        while frame is not None:
            live.add(_id(frame))
            frame = frame.f_back
        frames = {frame_id: f for f, frame_id in self.frame_ids.items()}
        stack = self.stack
        while stack:
            ended = frames.get(self.activation_frames[stack[-1]])
            if ended is not None and _id(ended) in live:
                break
            stack.pop()
            if ended is not None and not _is_suspended(ended):
                frame_id = self.frame_ids.pop(ended, None)
                if frame_id is not None and frame_id != self.module_frame:
                    self.frame_state.pop(frame_id, None)

    def _record_return(self, frame, arg, n):
        values = self.values
        values.new_step(n)
        text, ref = values.ref(arg)
        self.log.extend((VALUE, VALUE_RETURN, values.sid(text), ref))
        self.stack.pop()
        if not _is_suspended(frame):
            if self.spin_previous:
                self.spin_previous.pop(frame, None)
            frame_id = self.frame_ids.pop(frame, None)
            if frame_id is not None and frame_id != self.module_frame:
                self.frame_state.pop(frame_id, None)

    def _record_variable(self, state, frame_id, name, v, info, n):
        """Any variable that the hook's fast path (a rebound int) does not cover."""
        values = self.values
        previous = state.get(name)
        if info[2] and name[:2] == "__" and name[-2:] == "__":
            state[name] = (-1, -1, -1, v)  # module and class dunders are not shown
            return
        if type(v) in INLINE_TYPES:
            string_id = values.sid(values.inline_text(v))
            object_id = -1
        else:
            values.new_step(n)
            text, object_id = values.describe(v, 0)
            string_id = values.sid(text)
        stable = v if type(v) in STABLE_TYPES else _CHANGEABLE
        if previous is None:
            slot = self.slot_count
            self.slot_count += 1
            ranks = info[3]
            rank = ranks.get(name, _UNBOUND_RANK) if ranks is not None else slot
            self.records["slots"].extend((frame_id, values.sid(name), rank))
        else:
            slot = previous[0]
            if previous[1] == string_id and previous[2] == object_id:
                state[name] = (slot, string_id, object_id, stable)
                return
        state[name] = (slot, string_id, object_id, stable)
        if object_id < 0:
            self.log.extend((CHANGE_BASE - slot, string_id))
        else:
            self.log.extend((OBJECT, slot, string_id, object_id))

    def _record_unbound(self, state, f_locals):
        for name in [name for name in state if name not in f_locals]:
            slot = state.pop(name)[0]
            if slot >= 0:
                self.log.extend((CHANGE_BASE - slot, -1))

    def _record_globals(self, names, frame_id, n):
        """While a function runs, keep the module frame's view of the globals it names current."""
        module_frame = self.module_frame
        if frame_id == module_frame:
            return
        module = self.module_globals
        state = self.frame_state[module_frame]
        for name in names:
            if name in module:
                value = module[name]
                previous = state.get(name)
                if previous is None or previous[3] is not value:
                    self._record_variable(state, module_frame, name, value, (None, (), True, None), n)
            elif name in state:
                slot = state.pop(name)[0]
                if slot >= 0:
                    self.log.extend((CHANGE_BASE - slot, -1))

    def _record_exception(self, arg):
        values = self.values
        exc_type, exc, _ = arg
        try:
            message = str(exc)
        except BaseException:
            message = "<message unavailable>"
        described = "%s: %s" % (exc_type.__name__, message) if message else exc_type.__name__
        if " at 0x" in described and values.canonical_text is not None:
            described = values.canonical_text(described)
        self.log.extend((VALUE, VALUE_EXCEPTION, values.sid(described), values.sid(values.safe_repr(exc))))

    def _log_output(self, length):
        self.log.extend((OUTPUT, length))

    def _periodic_checks(self, n):
        if self.stop_reason is not None:
            raise StopRun(self.stop_reason)
        if n >= self.max_steps:
            self.stop("step limit")
        self.next_check[0] = min(n + _CHECK_EVERY, self.max_steps)
        if time.monotonic() > self.deadline:
            self.stop("time limit")
        reason = self.host.stop_requested()
        if reason:
            self.stop(reason)
        if n - self.steps_at_flush >= _FLUSH_EVERY:
            self.flush()

    # -- batches ------------------------------------------------------------------------------

    def flush(self):
        """Hand the host everything recorded since the previous flush."""
        self.steps_at_flush = self.count()
        self.host.flush(*self.take_batch())

    def take_batch(self):
        """The records in RECORDS order as int arrays, then the new strings, each ended by NUL,
        as UTF-8 bytes, then the new output text and its (stream, length) chunks."""
        batch = []
        for name, _ in RECORDS:
            items = self.records[name]
            batch.append(array("i", items))
            del items[:]
        pending = self.values.take_pending_strings()
        batch.append(("\0".join(pending) + "\0").encode("utf-8", "surrogatepass") if pending else b"")
        batch.extend(self.output.take_pending())
        return batch


_JUMP_TO_ITSELF = bytes((dis.opmap.get("JUMP_BACKWARD", 0), 1))


def _self_jumps(code):
    """Offsets of JUMP_BACKWARD instructions that jump to themselves (3.11: an empty loop on one
    line, `while True: pass`), or None. settrace reports no line event for such a jump."""
    raw = code.co_code
    found = []
    at = raw.find(_JUMP_TO_ITSELF)
    while at >= 0:
        if at % 2 == 0 and (at < 2 or raw[at - 2] != dis.EXTENDED_ARG):
            found.append(at)
        at = raw.find(_JUMP_TO_ITSELF, at + 1)
    return frozenset(found) if found else None


def _is_suspended(frame):
    """True when a return event is a generator/coroutine yielding rather than finishing."""
    if not frame.f_code.co_flags & _GENERATOR_FLAGS:
        return False
    code = frame.f_code.co_code
    lasti = frame.f_lasti
    return 0 <= lasti < len(code) and code[lasti] in _yield_ops()


def _local_ranks(code):
    """name -> index in the frame's locals layout: the order a 3.13+ f_locals lists them in."""
    name_of = getattr(code, "_varname_from_oparg", None)
    if name_of is None:
        names = code.co_varnames + code.co_cellvars + code.co_freevars
    else:
        names = []
        try:
            while True:
                names.append(name_of(len(names)))
        except (IndexError, ValueError):
            pass
    ranks = {}
    for i, name in enumerate(names):
        ranks.setdefault(name, i)
    return ranks


_YIELD_OPS = []


def _yield_ops():
    if not _YIELD_OPS:
        import dis
        _YIELD_OPS.append(frozenset(dis.opmap[op] for op in ("YIELD_VALUE",) if op in dis.opmap))
    return _YIELD_OPS[0]
