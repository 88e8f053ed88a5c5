"""One traced run: compile, execute under the tracer and the sandbox, report how it ended."""
import builtins
import json
import linecache
import sys
import time
import types

from .sandbox import Addresses, Output, Sandbox, STDERR
from .tracer import Tracer
from .values import StopRun, Values

USER_FILE = "main.py"
ENTRY_FILE = "<entry>"
FILES = {USER_FILE: 0, ENTRY_FILE: 1}


def run(request_json, host):
    """Run one request (JSON, see src/engine/protocol.ts). Returns JSON: the outcome, and the
    program's wall time in ms (not part of the trace, which holds no clock values)."""
    request = json.loads(request_json)
    options = request["limits"]
    addresses = Addresses()
    values = Values(options["maxReprLength"], options["maxItems"], "__main__")
    values.canonical_text = addresses.text
    output = Output(options["maxOutputChars"], addresses.text)
    tracer = Tracer(values, FILES, options, host, output)
    output.on_limit = lambda: tracer.stop("output limit")
    clock = [0.0, 0.0]
    outcome = _execute(request, tracer, output, host, clock, addresses)
    outcome["steps"] = tracer.step_count
    tracer.flush()
    return json.dumps({"outcome": outcome, "elapsedMs": (clock[1] - clock[0]) * 1000})


def _execute(request, tracer, output, host, clock, addresses):
    code = request["code"]
    call = request.get("call") or None
    linecache.cache[USER_FILE] = (len(code), None, code.splitlines(True), USER_FILE)
    try:
        user_code = compile(code, USER_FILE, "exec", dont_inherit=True)
        main = _compile_entry(call, request["entrySource"]) if call else None
    except _CallSyntaxError as e:
        return _syntax_outcome(e.error, "call")
    except (SyntaxError, ValueError) as e:
        return _syntax_outcome(e, "code")
    user_globals = {"__name__": "__main__", "__builtins__": builtins}
    sandbox = Sandbox(output, tracer, host, request.get("stdin") or "", bool(request.get("interactive")), addresses)
    traced = request.get("traced", True)  # untraced runs exist to measure the tracer's cost
    outcome = {"reason": "completed"}
    try:
        with sandbox:
            if main is None:
                tracer.module_frame = "pending"
                clock[0] = time.perf_counter()
                if traced:
                    tracer.start()
                try:
                    exec(user_code, user_globals)
                finally:
                    tracer.finish()
                    clock[1] = time.perf_counter()
            else:
                exec(user_code, user_globals)
                main = types.FunctionType(main, user_globals, "main")
                clock[0] = time.perf_counter()
                if traced:
                    tracer.start()
                try:
                    main()
                finally:
                    tracer.finish()
                    clock[1] = time.perf_counter()
    except StopRun:
        outcome = _stop_outcome(tracer, "stopped")
    except KeyboardInterrupt:  # the host's interrupt: Stop pressed or its watchdog fired
        outcome = _stop_outcome(tracer, host.stop_requested() or "stopped")
    except SystemExit as e:
        outcome = {"reason": "exited", "exitCode": _exit_code(e)}
        if e.code is not None and not isinstance(e.code, int):
            output.write(STDERR, str(e.code) + "\n")
    except BaseException as e:  # the program's own uncaught exception, MemoryError included
        outcome = _exception_outcome(e, output, tracer.overflow_frames, addresses.text)
    if tracer.stop_reason and outcome["reason"] != tracer.stop_reason:
        outcome = _stop_outcome(tracer, tracer.stop_reason)
    return outcome


def _stop_outcome(tracer, fallback):
    """The run was stopped (a limit, Stop, or os._exit): user code may have caught the stop and
    gone on, but the reason stays the first one."""
    reason = tracer.stop_reason or fallback
    if reason == "exited":
        return {"reason": "exited", "exitCode": tracer.exit_code}
    return {"reason": reason}


class _CallSyntaxError(Exception):
    def __init__(self, error):
        self.error = error


def _compile_entry(call, source):
    try:
        compile(call, "<call>", "eval", dont_inherit=True)
    except (SyntaxError, ValueError) as e:
        raise _CallSyntaxError(e)
    linecache.cache[ENTRY_FILE] = (len(source), None, source.splitlines(True), ENTRY_FILE)
    module = compile(source, ENTRY_FILE, "exec", dont_inherit=True)
    return next(c for c in module.co_consts if isinstance(c, types.CodeType))


def _syntax_outcome(error, where):
    outcome = {"reason": "syntax error", "where": where, "type": type(error).__name__}
    if isinstance(error, SyntaxError):
        outcome.update(message=error.msg, line=error.lineno or 1, column=error.offset or 1)
        if getattr(error, "end_lineno", None):
            outcome.update(endLine=error.end_lineno, endColumn=error.end_offset or error.offset or 1)
    else:
        outcome.update(message=str(error), line=1, column=1)
    return outcome


def _exit_code(e):
    if e.code is None:
        return 0
    return e.code if isinstance(e.code, int) else 1


_RECURSIVE_CUTOFF = 3  # as in CPython's tracebacks: identical entries after the third are counted


def _exception_outcome(e, output, hidden, canonical):
    frames = []
    tb = e.__traceback__
    while tb is not None:
        # `hidden`: frames whose call the tracer refused (recursion limit) never ran
        if tb.tb_frame.f_code.co_filename in FILES and not any(tb.tb_frame is f for f in hidden):
            frames.append(tb)
        tb = tb.tb_next
    line = frames[-1].tb_lineno if frames and frames[-1].tb_frame.f_code.co_filename == USER_FILE else None
    try:
        message = canonical(str(e))
    except BaseException:
        message = ""
    text = ["Traceback (most recent call last):\n"]
    previous, repeats = None, 0
    for tb in frames:
        code = tb.tb_frame.f_code
        entry = (code.co_filename, tb.tb_lineno, code.co_name)
        if entry == previous:
            repeats += 1
            if repeats > _RECURSIVE_CUTOFF:
                continue
        else:
            _repeated(text, repeats)
            previous, repeats = entry, 1
        text.append('  File "%s", line %d, in %s\n' % entry)
        source = linecache.getline(code.co_filename, tb.tb_lineno).strip()
        if source:
            text.append("    %s\n" % source)
    _repeated(text, repeats)
    text.append("%s: %s\n" % (type(e).__name__, message) if message else "%s\n" % type(e).__name__)
    output.on_limit = None
    output.write(STDERR, "".join(text))
    return {"reason": "uncaught exception", "type": type(e).__name__, "message": message, "line": line}


def _repeated(text, repeats):
    more = repeats - _RECURSIVE_CUTOFF
    if more > 0:
        text.append("  [Previous line repeated %d more time%s]\n" % (more, "s" if more > 1 else ""))
