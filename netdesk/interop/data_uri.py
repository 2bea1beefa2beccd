"""Pictures as ``data:`` URIs (RFC 2397): how a photo travels in a CSV cell or a vCard 4.0."""

from __future__ import annotations

import base64
import binascii

__all__ = ["picture_from_uri", "picture_uri"]


def picture_uri(picture: bytes, mime: str | None) -> str:
    return f"data:{mime or 'image/jpeg'};base64,{base64.b64encode(picture).decode('ascii')}"


def picture_from_uri(text: str) -> tuple[bytes, str] | None:
    """The picture and its MIME type in a base64 ``data:image/…`` URI; None for anything else."""
    header, _, body = text.strip().partition(",")
    if not header.lower().startswith("data:") or ";base64" not in header.lower():
        return None
    mime = header[5:].split(";")[0].strip().lower()
    try:
        picture = base64.b64decode("".join(body.split()), validate=True)
    except (binascii.Error, ValueError):
        return None
    return (picture, mime) if mime.startswith("image/") and picture else None
