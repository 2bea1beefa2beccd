"""Qt's values as plain ints, for what runs before the window's first paint (#19).

The first time PySide6's ``Qt`` namespace is touched it makes all 94 of its enums: ~25 ms on
CPython 3.11, a sixth of a bare window's start. Item data roles arrive as ints anyway, and
properties set through ``setProperty`` take ints, so the shell is built without it.
tests/ui/test_first_paint_lean.py checks each value against Qt's own.
"""

DISPLAY_ROLE = 0
TOOLTIP_ROLE = 3
ALIGNMENT_ROLE = 7
USER_ROLE = 0x0100

ALIGN_LEFT = 0x0001
ALIGN_CENTER = 0x0084  # AlignHCenter | AlignVCenter
ALIGN_RIGHT_MIDDLE = 0x0082  # AlignRight | AlignVCenter
