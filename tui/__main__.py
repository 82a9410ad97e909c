"""``python -m tui [CORPUS] [VECTORS_FILE]``: open the wordlab app, as ``wordlab`` does.

The arguments are checked by the command line's own code (``cli.main.app_main``), so a typo
or an unreadable file is one line on stderr and exit code 2 here too."""

import sys

from cli.main import main_app

sys.exit(main_app(sys.argv[1:], prog="python -m tui"))
