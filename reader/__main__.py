"""``python -m reader`` is the same as the ``kabar`` command."""

import sys

from reader.app import main

sys.exit(main())
