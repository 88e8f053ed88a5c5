"""What user code sees instead of the real world: captured output, stdin, an interruptible
sleep, exits that end the run instead of the interpreter, and guards on the tracer itself."""
import builtins
import os
import random
import sys
import time

STDOUT, STDERR, STDIN_ECHO = 1, 2, 3
MAX_RECURSION_LIMIT = 3000  # deeper recursion overflows the WebAssembly stack in some browsers


class Output:
    """All text the program writes, in order, tagged by stream; bounded by `limit` UTF-16 units."""

    def __init__(self, limit):
        self.limit = limit
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
        return len(text)

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
        if line is None:
            reason = self._host.stop_requested()
            if reason:
                self._tracer.stop(reason)
            self._eof = True
            return False
        self._buffer += str(line) + "\n"
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


class HardExit(SystemExit):
    """os._exit(): ends the run like sys.exit() would, without touching the interpreter."""


class Sandbox:
    """Installs the replacements for one run and removes them afterwards."""

    def __init__(self, output, tracer, host, stdin_text, interactive):
        self.output = output
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
        self._replace(time, "sleep", self.sleep)
        self._replace(os, "_exit", _hard_exit)
        self._replace(sys, "settrace", _ignore_settrace)
        real_limit = sys.setrecursionlimit
        self._replace(sys, "setrecursionlimit", lambda n: real_limit(min(int(n), MAX_RECURSION_LIMIT)))
        return self

    def __exit__(self, *exc):
        for owner, name, value in reversed(self._saved):
            setattr(owner, name, value)
        self._saved.clear()
        sys.setrecursionlimit(1000)
        return False

    def input(self, prompt=""):
        prompt = str(prompt)
        if prompt:
            self.stdout.write(prompt)
        line = self.stdin.readline(prompt=prompt)
        if not line:
            raise EOFError("EOF when reading a line")
        self.output.write(STDIN_ECHO, line if line.endswith("\n") else line + "\n")
        return line[:-1] if line.endswith("\n") else line

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


def _hard_exit(status):
    raise HardExit(status)


def _ignore_settrace(function):
    """User code may not switch the tracer off; the request is ignored."""
