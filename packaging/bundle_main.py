"""Entry point of the stand-alone bundle: the same main() as the installed `netdesk` script."""

import sys

from netdesk.__main__ import main

if __name__ == "__main__":
    sys.exit(main())
