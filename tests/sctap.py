# Copyright 2026 The Snap Confine authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""TAP for the Python tests (standard library only).

Two ways to write a test, mixed freely in one file:

    import sctap
    from sctap import check, test

    @test                       # or @test("its name"), @test(todo="known bug: …")
    def show_exits_0(tmp):      # tmp: a fresh folder, removed afterwards (optional)
        code = ...
        assert code == 0, f"exit {code}"    # any exception fails the test, its text is shown
        raise sctap.Skip("no journal")      # reported as skipped, never as passed

    check("missing PATH exits 2", code == 2, f"exit {code}")   # one result, right away

    sys.exit(sctap.main())      # runs the @test functions, prints the plan, exit status

Results print as "ok N - name", "not ok N - name" with the detail as "# "
lines, "ok N - name # SKIP reason" and "... # TODO reason"; the plan comes
last ("1..N"). A failing TODO test does not fail the run; a passing one is
a plain pass with a "# fixed:" note (meson counts "ok # TODO" as a failure).
"""
import inspect
import shutil
import sys
import tempfile
import traceback

__all__ = ["Skip", "check", "skip", "skip_all", "test", "main"]


class Skip(Exception):
    """Raise in a test to report it as skipped, with the reason."""


_tests = []      # (name, function, todo)
_results = []    # (ok, name, detail, directive)


def _emit(ok, name, detail="", directive=""):
    number = len(_results) + 1
    _results.append((ok, name, detail, directive))
    line = f"{'ok' if ok else 'not ok'} {number} - {name}"
    if directive:
        line += f" # {directive}"
    print(line, flush=True)
    if detail and (not ok or directive.startswith("TODO")):
        for text in str(detail).splitlines()[:40]:
            print(f"# {text}", flush=True)


def check(name, condition, detail=""):
    """Records one result now; DETAIL is printed when it fails."""
    _emit(bool(condition), name, detail)
    return bool(condition)


def skip(name, reason):
    _emit(True, name, directive=f"SKIP {reason}")


def skip_all(reason):
    """Skips the whole file (e.g. the program under test is not there) and exits."""
    print(f"1..0 # SKIP {reason}", flush=True)
    sys.exit(0)


def test(func=None, todo=None, *, name=None):
    """Registers a test run by main(). As @test, @test("its name"),
    @test(name=…, todo=…) or test("its name", "known bug")(function)."""
    if isinstance(func, str):
        func, name = None, func

    def register(f):
        _tests.append((name or f.__name__.replace("_", " "), f, todo))
        return f
    return register(func) if func is not None else register


def _run(name, func, todo):
    tmp = None
    try:
        if inspect.signature(func).parameters:
            tmp = tempfile.mkdtemp(prefix="sc-test-")
            result = func(tmp)
        else:
            result = func()
        if isinstance(result, str) and result.startswith("SKIP"):
            _emit(True, name, directive=result)
        else:
            if todo:
                # meson counts "ok # TODO" as a failure: a plain pass, and say so.
                print(f"# fixed: {todo} -- remove its todo marker", flush=True)
            _emit(True, name)
    except Skip as e:
        _emit(True, name, directive=f"SKIP {e}")
    except Exception as e:  # noqa: BLE001 - every failure is a TAP result
        detail = str(e) or repr(e)
        if not isinstance(e, AssertionError):
            detail = "".join(traceback.format_exception(e)).rstrip()
        _emit(False, name, detail, directive=f"TODO {todo}" if todo else "")
    finally:
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


def main(only=None):
    """Runs the registered tests (those whose name contains one of the
    strings ONLY, if given), prints the plan and returns the exit status."""
    if isinstance(only, str):
        only = [only]
    for name, func, todo in _tests:
        if not only or any(o in name for o in only):
            _run(name, func, todo)
    print(f"1..{len(_results)}", flush=True)
    failed = [r for r in _results if not r[0] and not r[3].startswith("TODO")]
    return 1 if failed else 0
