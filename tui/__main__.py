"""``python -m tui``: open the wordlab app."""

import sys

from tui.app import main

sys.exit(main())
