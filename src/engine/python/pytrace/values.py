"""Values as the trace records them: bounded repr text, interned strings, and the object graph.

Every value becomes a *ref*: an object id (>= 0) for things drawn as heap objects, or
-(string id + 1) for values drawn inline (None, bools, numbers, strings, bytes), where the
string is the value's repr. Repr text is exactly Python's repr() for ordinary values, with memory
addresses removed and long text cut with a visible marker. Object ids are canonical: numbered by
first appearance in the run, so two runs of the same program give the same ids.
"""
import re
from bisect import bisect_right
from itertools import accumulate, islice
from operator import invert, is_

TRUNCATION_MARK = "\u2026"
INLINE_TYPES = frozenset((type(None), bool, int, float, complex, str, bytes))
# Objects whose repr cannot change while they live: a variable still bound to the same one
# needs no new record. (Functions and classes could be renamed in place; nobody does that.)
STABLE_TYPES = INLINE_TYPES | frozenset((type(lambda: 0), type(len), type, type(re)))

KIND_LIST, KIND_TUPLE, KIND_DICT, KIND_SET, KIND_FROZENSET = 0, 1, 2, 3, 4
KIND_INSTANCE, KIND_FUNCTION, KIND_CLASS, KIND_OTHER = 5, 6, 7, 8

_CONTAINER_TYPES = frozenset((list, tuple, set, frozenset, dict))
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
_FUNCTION_TYPES = (type(lambda: 0), type(len), type(print.__call__), type([].append))
_IN_PROGRESS = object()
_id = id  # the sandbox replaces builtins.id while a run lasts


class StopRun(BaseException):
    """Raised into user code to end a run (limit reached or stop requested). Not an Exception,
    so ordinary `except Exception` handlers in user code do not swallow it."""


class Values:
    """Interns strings and describes values; records a new heap version of an object whenever
    what it looks like (repr, children) differs from its last recorded version."""

    def __init__(self, max_repr, max_items, user_module):
        self.max_repr = max_repr
        self.max_items = max_items
        self.user_module = user_module
        self.string_ids = {}
        self.pending_strings = []
        self.object_ids = {}
        self.keep_alive = []  # so that id() values are never reused within a run
        self.last_signature = {}
        self.versions = []  # per version: step, object id, offset into pool
        self.pool = []  # per version: kind, type name, repr, length, n refs, refs...
        self.pool_size = 0  # the pool is handed to the host in batches; offsets count from the run's start
        self.step = 0
        self.memo = {}  # id(obj) -> (text, ref) for the current step only
        # object id -> (length, items snapshot, text) of containers holding only inline values:
        # while the same items (by identity) are in place, the text cannot have changed.
        self.flat_cache = {}
        # Rewrites the memory addresses in a text (default reprs inside strings) the way the
        # program's output shows them; set by run() (see sandbox.Addresses).
        self.canonical_text = None
        self.sid("")  # string id 0 is the empty string

    def sid(self, text):
        """The id of an interned string. The table is NUL-separated, so NUL is written as \\x00."""
        if "\0" in text:
            text = text.replace("\0", "\\x00")
        ids = self.string_ids
        i = ids.get(text)
        if i is None:
            i = len(ids)
            ids[text] = i
            self.pending_strings.append(text)
        return i

    def take_pending_strings(self):
        pending = self.pending_strings[:]
        del self.pending_strings[:]  # cleared in place: the tracer holds its bound append
        return pending

    def new_step(self, step):
        if step != self.step:
            self.step = step
            if self.memo:
                self.memo = {}

    # -- text ---------------------------------------------------------------------------------

    def inline_text(self, v):
        """repr() of a value of one of INLINE_TYPES, bounded."""
        t = type(v)
        limit = self.max_repr
        if t is str or t is bytes:
            if t is str and " at 0x" in v and self.canonical_text is not None:
                v = self.canonical_text(v)
            if len(v) > limit:
                s = repr(v[:limit])
                return s[:-1] + TRUNCATION_MARK + s[-1]
            return repr(v)
        if t is int:
            try:
                s = repr(v)
            except ValueError:  # more digits than int_max_str_digits allows
                return "<int with %d bits>" % v.bit_length()
        else:
            s = repr(v)
        return s if len(s) <= limit else s[:limit] + TRUNCATION_MARK

    def safe_repr(self, v):
        try:
            s = repr(v)
            if type(s) is not str:
                raise TypeError("__repr__ returned non-string")
        except StopRun:
            raise
        except KeyboardInterrupt:
            raise
        except BaseException as e:  # a user __repr__ may raise anything, RecursionError included
            return "<%s object (repr raised %s)>" % (_type_name(v), type(e).__name__)
        if " at 0x" in s:
            s = _ADDRESS.sub("", s)
        if len(s) > self.max_repr:
            s = s[: self.max_repr] + TRUNCATION_MARK
        return s

    # -- refs ---------------------------------------------------------------------------------

    def ref(self, v):
        """(repr text, ref) of any value; records heap versions of objects reached."""
        if type(v) in INLINE_TYPES:
            text = self.inline_text(v)
            return text, -self.sid(text) - 1
        return self.describe(v, 0)

    def describe(self, v, depth):
        key = _id(v)
        memo = self.memo
        seen = memo.get(key)
        if seen is not None:
            if seen is _IN_PROGRESS:
                return _recursion_text(v), self.object_ids[key]
            return seen
        oid = self.object_ids.get(key)
        if oid is None:
            oid = len(self.object_ids)
            self.object_ids[key] = oid
            self.keep_alive.append(v)
        t = type(v)
        snapshot = None
        if t in _CONTAINER_TYPES:
            snapshot = _snapshot(v, t, self.max_items)
            flat = self.flat_cache.get(oid)
            if flat is not None and flat[0] == len(v) and len(flat[1]) == len(snapshot) and all(map(is_, flat[1], snapshot)):
                result = (flat[2], oid)
                memo[key] = result
                return result
        memo[key] = _IN_PROGRESS
        try:
            kind, text, refs, length = self._contents(v, t, snapshot, depth)
        finally:
            memo.pop(key, None)
        result = (text, oid)
        memo[key] = result
        if snapshot is not None:
            if all(r < 0 for r in refs):
                self.flat_cache[oid] = (length, snapshot, text)
            else:
                self.flat_cache.pop(oid, None)
        self._record(oid, kind, v, text, refs, length)
        return result

    def _contents(self, v, t, snapshot, depth):
        if t is dict:
            return self._mapping(v, snapshot, depth)
        if snapshot is not None:
            return self._sequence(v, t, snapshot, depth)
        text = self.safe_repr(v)
        if isinstance(v, type):
            return KIND_CLASS, text, (), 0
        if isinstance(v, _FUNCTION_TYPES):
            return KIND_FUNCTION, text, (), 0
        if getattr(t, "__module__", None) == self.user_module:
            attrs = getattr(v, "__dict__", None)
            if type(attrs) is dict:
                return self._attributes(attrs, text, depth)
        return KIND_OTHER, text, (), 0

    def _inline_parts(self, items):
        """Texts and refs of items that are all inline values, computed in bulk; None otherwise."""
        if not set(map(type, items)) <= INLINE_TYPES:
            return None
        try:
            texts = list(map(repr, items))
        except ValueError:  # an int too long to print
            return None
        if texts and max(map(len, texts)) > self.max_repr:
            return None
        ids = self.string_ids
        string_ids = list(map(ids.get, texts))
        if None in string_ids:
            string_ids = [self.sid(t) if i is None else i for i, t in zip(string_ids, texts)]
        return texts, list(map(invert, string_ids))

    def _within_budget(self, lengths):
        """How many leading items fit the repr budget (the first one always does)."""
        prefix = list(accumulate(n + 2 for n in lengths))
        return min(len(prefix), bisect_right(prefix, self.max_repr, 0, max(len(prefix) - 1, 0)) + 1)

    def _sequence(self, v, t, items, depth):
        n = len(v)
        parts = []
        refs = []
        if depth < 8:
            bulk = self._inline_parts(items)
            if bulk is not None:
                keep = self._within_budget(map(len, bulk[0]))
                parts, refs = bulk[0][:keep], bulk[1][:keep]
            else:
                budget = self.max_repr
                for item in items:
                    if budget < 0:
                        break
                    text, r = self.ref(item) if type(item) in INLINE_TYPES else self.describe(item, depth + 1)
                    parts.append(text)
                    refs.append(r)
                    budget -= len(text) + 2
        cut = len(parts) < n
        if cut:
            parts.append(TRUNCATION_MARK)
        body = ", ".join(parts)
        if t is list:
            return KIND_LIST, "[" + body + "]", refs, n
        if t is tuple:
            return KIND_TUPLE, ("(" + body + ",)") if n == 1 and not cut else "(" + body + ")", refs, n
        if t is set:
            return KIND_SET, ("{" + body + "}") if n else "set()", refs, n
        return KIND_FROZENSET, ("frozenset({" + body + "})") if n else "frozenset()", refs, n

    def _mapping(self, v, snapshot, depth):
        n = len(v)
        parts = []
        refs = []
        half = len(snapshot) // 2
        bulk = self._inline_parts(snapshot) if depth < 8 else None
        if bulk is not None:
            texts, bulk_refs = bulk
            pairs = [k + ": " + t for k, t in zip(texts[:half], texts[half:])]
            keep = self._within_budget(map(len, pairs))
            parts = pairs[:keep]
            for k, r in zip(bulk_refs[:keep], bulk_refs[half:half + keep]):
                refs.append(k)
                refs.append(r)
        elif depth < 8:
            budget = self.max_repr
            for k, item in zip(snapshot[:half], snapshot[half:]):
                if budget < 0:
                    break
                ktext, kref = self.ref(k) if type(k) in INLINE_TYPES else self.describe(k, depth + 1)
                vtext, vref = self.ref(item) if type(item) in INLINE_TYPES else self.describe(item, depth + 1)
                parts.append(ktext + ": " + vtext)
                refs.append(kref)
                refs.append(vref)
                budget -= len(ktext) + len(vtext) + 4
        if len(parts) < n:
            parts.append(TRUNCATION_MARK)
        return KIND_DICT, "{" + ", ".join(parts) + "}", refs, n

    def _attributes(self, attrs, text, depth):
        refs = []
        if depth < 8:
            for i, (name, item) in enumerate(list(attrs.items())):
                if i >= self.max_items:
                    break
                refs.append(-self.sid(str(name)) - 1)
                refs.append(self.ref(item)[1] if type(item) in INLINE_TYPES else self.describe(item, depth + 1)[1])
        return KIND_INSTANCE, text, refs, len(attrs)

    def _record(self, oid, kind, v, text, refs, length):
        signature = (text, tuple(refs), length)
        if self.last_signature.get(oid) == signature:
            return
        self.last_signature[oid] = signature
        pool = self.pool
        self.versions.extend((self.step, oid, self.pool_size))
        pool.extend((kind, self.sid(_type_name(v)), self.sid(text), length, len(refs)))
        pool.extend(refs)
        self.pool_size += 5 + len(refs)


def _snapshot(v, t, limit):
    """The first `limit` items of a container (keys then values for a dict), gathered in C."""
    if t is dict:
        return tuple(islice(v.keys(), limit)) + tuple(islice(v.values(), limit))
    if t is list or t is tuple:
        return tuple(v[:limit])
    return tuple(islice(v, limit))


def _type_name(v):
    t = type(v)
    module = getattr(t, "__module__", "builtins")
    name = getattr(t, "__qualname__", t.__name__)
    return name if module in ("builtins", "__main__") else "%s.%s" % (module, name)


def _recursion_text(v):
    if isinstance(v, list):
        return "[...]"
    if isinstance(v, dict):
        return "{...}"
    if isinstance(v, tuple):
        return "(...)"
    return "%s(...)" % type(v).__name__
