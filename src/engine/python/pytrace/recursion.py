"""Recursion limits under the tracer: the numbers, and how deep the stack is."""
import sys

# Recursion. The tracer enforces the limit user code sees (sys.getrecursionlimit(), 1000 by
# default, at most MAX_RECURSION_LIMIT): a deeper call raises RecursionError in the caller, and
# the interpreter's own limit stays RECURSION_HEADROOM frames higher, so that the tracer (which
# runs on top of the deepest frame) always has room to record the RecursionError unwinding.
#
# What is safe (measured, Node 20, both runtimes): Python-to-Python calls do not use the native
# stack in 3.11 or 3.14 (frames live on the heap; 200,000 frames run fine), so plain recursion is
# bounded only by this clamp. Recursion that passes through C on every level (map/sorted key
# callbacks, operator dunders, __init__ via a class call, __repr__/__getattr__) costs ~3.4 KB
# (3.11) to ~4.2 KB (3.14) of native stack per level, and overflowing that stack is fatal to the
# runtime (RangeError in V8): ~230-340 levels fit in Node's main thread (984 KB, V8's default),
# ~950-1,400 in a Node worker's default 4 MB. The Node engine therefore runs its worker with a
# 32 MB stack (~7,000 such levels), which covers MAX_RECURSION_LIMIT + RECURSION_HEADROOM with room
# to spare. A browser's worker stack is smaller and cannot be changed: in headless Chromium 156 a
# dedicated worker recurses ~75% as deep as Node's main thread (10,326 vs 13,683 trivial JS frames),
# so ~180-250 levels of recursion through C fit there — below the default limit of 1,000. Such a
# run ends as `crashed` and the client starts a fresh worker; past call depth 128 the tracer hands
# its records over every 16 levels (tracer._push), so the steps up to the overflow are kept.
MAX_RECURSION_LIMIT = 3000
DEFAULT_RECURSION_LIMIT = 1000
RECURSION_HEADROOM = 150

RECURSION_MESSAGE = "maximum recursion depth exceeded"
# Before 3.12 the interpreter's recursion counter counts C calls (class instantiation, key
# functions, dunders called from C) as well as Python frames, so counting frames does not tell how
# close its limit is: from a quarter of the limit on, every 16 levels, check that the tracer still
# has TRACER_ROOM levels left (see _push; ~40 for the tracer's own calls, the rest for up to 16
# levels of recursion through C until the next check). From 3.12 it counts Python frames only.
COUNTS_C_CALLS = sys.version_info < (3, 12)
TRACER_ROOM = 90


def has_room():
    """Are there TRACER_ROOM more levels below the interpreter's recursion limit?"""
    try:
        return descend(TRACER_ROOM)
    except RecursionError:
        return False


def descend(levels):
    return levels <= 0 or descend(levels - 1)


def frame_depth(frame):
    depth = 0
    while frame is not None:
        depth += 1
        frame = frame.f_back
    return depth
