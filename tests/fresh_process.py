"""What a fresh Python process loads: start-up cost is decided by which packages come along."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path


def packages_loaded(imports: str, packages: Iterable[str]) -> set[str]:
    """Which of `packages` a fresh interpreter has loaded after `import <imports>`."""
    script = (
        f"import sys\nimport {imports}\n"
        "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    return set(done.stdout.split()) & set(packages)
