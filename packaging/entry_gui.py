"""PyInstaller entry of the desktop app (`tomar-gui`): see build_installer.spec."""

import multiprocessing
import sys

if __name__ == "__main__":
    # The organizer's intake opens large batches in a pool of spawned processes; in a
    # frozen app each of them starts this executable, which must then run the worker.
    multiprocessing.freeze_support()
    from tomar.gui.app import main

    sys.exit(main())
