"""`python -m bot` is the `kompas` command."""

import sys

from bot.cli.main import main

sys.exit(main())
