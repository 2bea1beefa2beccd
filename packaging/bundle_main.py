"""Entry point of the stand-alone bundle: the same main() as the installed `netdesk` script."""

import multiprocessing
import sys

from netdesk.__main__ import main

if __name__ == "__main__":
    # Big vCard imports parse in 'spawn' worker processes, which a frozen program starts by
    # running its own executable again; freeze_support turns that run into the worker.
    multiprocessing.freeze_support()
    sys.exit(main())
