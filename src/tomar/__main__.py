"""`python -m tomar` is the `tomar` command."""

import sys

from .cli import main

sys.exit(main())
