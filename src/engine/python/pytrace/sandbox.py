"""What user code sees instead of the real world: captured output, stdin, an interruptible
sleep, exits that end the run instead of the interpreter, and guards on the tracer itself."""
import builtins
import operator
import os
import random
import re
import sys
import time

from .recursion import DEFAULT_RECURSION_LIMIT, MAX_RECURSION_LIMIT, RECURSION_HEADROOM, frame_depth

STDOUT, STDERR, STDIN_ECHO = 1, 2, 3


class Addresses:
    """Deterministic memory addresses. Where objects land in memory depends on what earlier runs
    left behind, so the real addresses differ from run to run: user code sees fake ones instead,
    numbered by first appearance — from id(), and in the `<... at 0x...>` of default reprs in the
    output and in strings. The same object keeps its address; an address that CPython reuses for
    a new object stays the same too."""

    BASE, STEP = 0x100000, 0x20

    def __init__(self):
        self._fake = {}  # real address -> fake address
        self._keep = []  # objects given an id(): CPython cannot reuse their addresses

    def _for(self, real):
        fake = self._fake.get(real)
        if fake is None:
            fake = self._fake[real] = self.BASE + self.STEP * len(self._fake)
        return fake

    def id(self, obj):
        """builtins.id while a run lasts."""
        real = _real_id(obj)
        if real not in self._fake:
            self._keep.append(obj)
        return self._for(real)

    def text(self, text):
        if " at 0x" not in text:
            return text
        return _DEFAULT_REPR_ADDRESS.sub(lambda m: "%s0x%x" % (m.group(1), self._for(int(m.group(2), 16))), text)


_DEFAULT_REPR_ADDRESS = re.compile(r"(<[^<>]* at )0x([0-9a-fA-F]+)(?=>)")
_real_id = id


class Output:
    """All text the program writes, in order, tagged by stream; bounded by `limit` UTF-16 units.
    Memory addresses in default reprs are rewritten by `canonical` (see Addresses)."""

    def __init__(self, limit, canonical=None):
        self.limit = limit
        self.canonical = canonical
        self.closed = False  # after os._exit(): writes are dropped
        self.length = 0
        self.on_limit = None
        self.on_length = None  # told the new length after every write
        self._texts = []
        self._streams = []  # stream, length (UTF-16 units) per pending chunk

    def write(self, stream, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not %s" % type(text).__name__)
        if not text:
            return 0
        written = len(text)
        if self.closed:
            return written
        if self.canonical is not None and " at 0x" in text:
            text = self.canonical(text)
        size = len(text) if text.isascii() else len(text.encode("utf-16-le", "surrogatepass")) // 2
        room = self.limit - self.length
        if size > room:
            text = _cut_utf16(text, room)
            size = room
        if size:
            self._texts.append(text)
            self._streams.extend((stream, size))
            self.length += size
            if self.on_length is not None:
                self.on_length(self.length)
        if self.length >= self.limit and self.on_limit is not None:
            self.on_limit()
        return written

    def take_pending(self):
        from array import array

        text, streams = "".join(self._texts), array("i", self._streams)
        self._texts, self._streams = [], []
        return text, streams


def _cut_utf16(text, units):
    if text.isascii():
        return text[:units]
    return text.encode("utf-16-le", "surrogatepass")[: units * 2].decode("utf-16-le", "ignore")


class _Writer:
    encoding = "utf-8"
    errors = "strict"

    def __init__(self, output, stream):
        self._output = output
        self._stream = stream

    def write(self, text):
        return self._output.write(self._stream, text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        pass

    def isatty(self):
        return False

    def writable(self):
        return True

    def readable(self):
        return False


class _Reader:
    """sys.stdin: prepared text first, then (if the host can) lines typed by the user."""

    encoding = "utf-8"
    errors = "strict"

    def __init__(self, prepared, host, interactive, tracer):
        self._buffer = prepared
        self._host = host
        self._interactive = interactive
        self._tracer = tracer
        self._eof = False

    def _fill(self, prompt):
        if self._eof or not self._interactive:
            return False
        self._tracer.flush()  # the user sees the prompt and the steps so far while typing
        started = time.monotonic()
        line = self._host.read_line(prompt)
        self._tracer.deadline += time.monotonic() - started  # waiting for the user is not run time
        if not isinstance(line, str):  # None: end of input (or the run was stopped)
            reason = self._host.stop_requested()
            if reason:
                self._tracer.stop(reason)
            self._eof = True
            return False
        self._buffer += line + "\n"
        return True

    def readline(self, size=-1, prompt=""):
        while "\n" not in self._buffer and self._fill(prompt):
            pass
        cut = self._buffer.find("\n") + 1 or len(self._buffer)
        if size is not None and size >= 0:
            cut = min(cut, size)
        line, self._buffer = self._buffer[:cut], self._buffer[cut:]
        return line

    def read(self, size=-1):
        while self._fill(""):
            pass
        if size is None or size < 0:
            text, self._buffer = self._buffer, ""
        else:
            text, self._buffer = self._buffer[:size], self._buffer[size:]
        return text

    def readlines(self):
        return list(iter(self.readline, ""))

    def __iter__(self):
        return iter(self.readline, "")

    def isatty(self):
        return False

    def readable(self):
        return True


class Sandbox:
    """Installs the replacements for one run and removes them afterwards."""

    def __init__(self, output, tracer, host, stdin_text, interactive, addresses):
        self.output = output
        self.addresses = addresses
        self.tracer = tracer
        self.host = host
        self.stdout = _Writer(output, STDOUT)
        self.stderr = _Writer(output, STDERR)
        self.stdin = _Reader(stdin_text, host, interactive, tracer)
        self._saved = []

    def _replace(self, owner, name, value):
        self._saved.append((owner, name, getattr(owner, name)))
        setattr(owner, name, value)

    def __enter__(self):
        random.seed(0)
        self._replace(sys, "stdout", self.stdout)
        self._replace(sys, "stderr", self.stderr)
        self._replace(sys, "stdin", self.stdin)
        self._replace(builtins, "input", self.input)
        self._replace(builtins, "id", self.addresses.id)
        self._replace(time, "sleep", self.sleep)
        self._replace(os, "_exit", self.hard_exit)
        self._replace(sys, "settrace", _ignore_settrace)
        self._replace(sys, "setrecursionlimit", self.setrecursionlimit)
        self._replace(sys, "getrecursionlimit", self.getrecursionlimit)
        self._set_recursion_limit(DEFAULT_RECURSION_LIMIT)
        return self

    def __exit__(self, *exc):
        for owner, name, value in reversed(self._saved):
            setattr(owner, name, value)
        self._saved.clear()
        _real_setrecursionlimit(DEFAULT_RECURSION_LIMIT)
        return False

    def _set_recursion_limit(self, limit):
        self.tracer.recursion_limit = limit
        _real_setrecursionlimit(limit + RECURSION_HEADROOM)

    def setrecursionlimit(self, limit):
        """sys.setrecursionlimit, clamped to MAX_RECURSION_LIMIT."""
        limit = operator.index(limit)
        if limit < 1:
            raise ValueError("recursion limit must be greater or equal than 1")
        depth = frame_depth(sys._getframe(1))
        if limit <= depth:
            raise RecursionError("cannot set the recursion limit to %d at the recursion depth %d: "
                                 "the limit is too low" % (limit, depth))
        self._set_recursion_limit(min(limit, MAX_RECURSION_LIMIT))

    def getrecursionlimit(self):
        return self.tracer.recursion_limit

    def input(self, prompt=""):
        prompt = str(prompt)
        if prompt:
            self.stdout.write(prompt)
        line = self.stdin.readline(prompt=prompt)
        if not line:
            raise EOFError("EOF when reading a line")
        self.output.write(STDIN_ECHO, line if line.endswith("\n") else line + "\n")
        return line[:-1] if line.endswith("\n") else line

    def hard_exit(self, status):
        """os._exit(): ends the run at once, as the real one ends the process — no `except` or
        `finally` of the program runs any more, and nothing it writes after it is kept."""
        status = operator.index(status)
        self.output.closed = True
        self.tracer.exit(status)

    def sleep(self, seconds):
        seconds = float(seconds)
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        end = time.monotonic() + seconds
        while True:
            remaining = end - time.monotonic()
            if remaining <= 0:
                return None
            if time.monotonic() > self.tracer.deadline:
                self.tracer.stop("time limit")
            reason = self.host.sleep(min(remaining, 0.05) * 1000)
            if reason:
                self.tracer.stop(reason)


_real_setrecursionlimit = sys.setrecursionlimit


def _ignore_settrace(function):
    """User code may not switch the tracer off; the request is ignored."""
