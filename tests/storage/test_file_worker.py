"""The file reader's child process (storage/file_worker.py) starts on what reading needs only."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_the_file_readers_child_loads_no_database_code() -> None:
    """Each upload starts a fresh child: the ORM and the drivers would double its start-up time
    (issue 21), and reading a file needs neither."""
    script = (
        "import sys\n"
        "import storage.file_worker\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'sqlalchemy', 'sqlmodel'}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=Path.cwd()
    )
    assert done.stdout.splitlines()[-1] == "[]"
