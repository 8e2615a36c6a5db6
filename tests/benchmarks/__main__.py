"""Run every benchmark in this package: `python -m tests.benchmarks` (what `make bench` does).

Each `bench_*.py` module runs as if started on its own (`python -m tests.benchmarks.bench_x`)
with its default options, one after the other, so the figures of a whole run come from the
same machine state. A benchmark that fails is reported and the others still run.
"""

from __future__ import annotations

import pkgutil
import runpy
import sys
import traceback
from pathlib import Path


def main() -> int:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_")
    )
    failed = []
    for name in names:
        module = f"tests.benchmarks.{name}"
        print(f"== {name}", flush=True)
        saved, sys.argv = sys.argv, [module]
        sys.modules.pop(module, None)  # imported by an earlier bench: run it afresh, unwarned
        try:
            runpy.run_module(module, run_name="__main__", alter_sys=True)
        except Exception:  # one broken bench must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
        finally:
            sys.argv = saved
    if failed:
        print(f"failed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
