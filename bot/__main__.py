"""`python -m bot` is the `kompas` command."""

import sys

from bot.cli import main

sys.exit(main())
