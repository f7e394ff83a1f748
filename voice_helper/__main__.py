"""``python -m voice_helper`` is the same as the ``voice-helper`` command."""

import sys

from .cli import main

sys.exit(main())
