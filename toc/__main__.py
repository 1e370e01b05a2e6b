"""``python -m toc``."""

import sys

from toc.cli import main

sys.exit(main())
