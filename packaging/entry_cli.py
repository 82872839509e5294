"""PyInstaller entry of the command line (`tomar`): see build_installer.spec."""

import multiprocessing
import sys

if __name__ == "__main__":
    multiprocessing.freeze_support()  # intake's worker pool, as in entry_gui.py
    from tomar.cli import main

    sys.exit(main())
