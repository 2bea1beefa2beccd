"""Capture without typing: business cards read from photos (QR codes and OCR), on this machine.

Qt-free, so the window and the command line share it: ``photo.read_photo`` turns one image file
into contacts, which then go through the same import batch as vCard files.
"""
