"""Run every benchmark in this package: `python -m tests.benchmarks` (what `make bench` does).

Each `bench_*.py` module has a `main()` that parses its own options; here each runs with its
defaults, one after the other, so the figures of a whole run come from the same machine state.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path


def main() -> None:
    names = sorted(
        info.name
        for info in pkgutil.iter_modules([str(Path(__file__).parent)])
        if info.name.startswith("bench_")
    )
    for name in names:
        module = importlib.import_module(f"tests.benchmarks.{name}")
        print(f"== {name}", flush=True)
        saved, sys.argv = sys.argv, [f"tests.benchmarks.{name}"]
        try:
            module.main()
        finally:
            sys.argv = saved


if __name__ == "__main__":
    main()
