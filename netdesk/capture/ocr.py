"""Reading a paper business card from a photo: find it, straighten it, read its lines.

OpenCV finds the card (the largest four-sided shape that stands out from the table), corrects
its perspective and evens out the light; Tesseract reads it on this machine: the engine comes
with the ``tesserocr`` wheel (loaded once per thread, not a process per call), the models from
the system's packages (Debian: ``tesseract-ocr-script-latn``). The README says why, and what it
scores on netdesk's generated cards (``bench/capture_bench.py``).
"""

from __future__ import annotations

import itertools
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PIL import Image

# Tesseract's models, best first: the Latin-script model (Debian: tesseract-ocr-script-latn)
# reads Spanish and English cards with every accent (Ñ, á, ü, ë) and the @ of addresses; the
# Spanish model keeps Spanish accents but reads ü as ú and @ as O'; English alone drops accents.
LANGUAGES = ("Latin", "spa", "eng")
# A straightened card is read at this width (about 200 dpi for a standard 85 mm card): type of
# 7 to 20 points then has the 15 to 40 pixel x-height Tesseract's models read best, and accents
# on large names survive (at 300 dpi they were dropped more often).
CARD_WIDTH = 1000
# Words Tesseract is less sure of than this (0–100) mark their field "to check".
UNSURE_BELOW = 70


class OcrUnavailable(Exception):
    """Tesseract is not installed; QR codes are still read."""


@dataclass
class OcrLine:
    text: str
    confidence: float  # the lowest word confidence on the line, 0–100
    height: float  # the median word height in pixels: the bigger the type, the more it matters
    top: int
    left: int
    right: int = 0
    bottom: int = 0


@dataclass
class OcrResult:
    lines: list[OcrLine]
    card: Image.Image  # the straightened card as OCR read it (grey, light evened out)
    found_card: bool
    # The same card in its colours, for the user to see (kept with the contact).
    colour: Image.Image | None = None


# Where Debian, Fedora, Homebrew and Tesseract's own installs keep the models.
_TESSDATA_DIRS = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/opt/homebrew/share/tessdata",
    "C:/Program Files/Tesseract-OCR/tessdata",
)


@cache
def tessdata() -> Path | None:
    """The folder holding Tesseract's models: $TESSDATA_PREFIX, else the usual places."""
    candidates = [os.environ.get("TESSDATA_PREFIX", ""), *_TESSDATA_DIRS]
    for folder in candidates:
        if folder and any(Path(folder).glob("*.traineddata")):
            return Path(folder)
    return None


@cache
def available_languages() -> tuple[str, ...]:
    """Of LANGUAGES, those whose model is installed and the engine (tesserocr) loads; empty
    when either is missing."""
    folder = tessdata()
    if folder is None:
        return ()
    try:
        import tesserocr  # noqa: F401
    except ImportError:
        return ()
    return tuple(lang for lang in LANGUAGES if (folder / f"{lang}.traineddata").is_file())


_engines = threading.local()
_stderr_lock = threading.Lock()


@contextmanager
def _quiet_stderr() -> Iterator[None]:
    """Leptonica, under Tesseract, prints notes such as "Error in boxClipToRectangle" straight
    to the process's stderr while reading a card; they are not errors of netdesk's and would
    alarm whoever reads the command line's output."""
    try:
        fd = sys.stderr.fileno()
    except (AttributeError, OSError, ValueError):
        yield
        return
    with _stderr_lock:
        saved = os.dup(fd)
        try:
            with open(os.devnull, "wb") as null:
                os.dup2(null.fileno(), fd)
            yield
        finally:
            os.dup2(saved, fd)
            os.close(saved)


def _engine(lang: str, psm: int) -> Any:
    """A Tesseract instance with ``lang`` loaded, one per thread and language (loading the Latin
    model takes half a second; reading a card with it, a quarter)."""
    import tesserocr

    cache: dict[str, Any] = _engines.__dict__.setdefault("apis", {})
    api = cache.get(lang)
    if api is None:
        api = tesserocr.PyTessBaseAPI(path=f"{tessdata()}/", lang=lang, oem=tesserocr.OEM.LSTM_ONLY)
        api.SetVariable("debug_file", os.devnull)
        cache[lang] = api
    api.SetPageSegMode(psm)
    return api


def ocr_status() -> str | None:
    """None when OCR works here, else a sentence for the user saying what to install."""
    langs = available_languages()
    if not langs:
        return (
            "reading paper cards needs Tesseract's models (Debian/Ubuntu: sudo apt install "
            "tesseract-ocr-script-latn tesseract-ocr-osd); QR codes work"
        )
    if "Latin" not in langs:
        return "cards read better with tesseract-ocr-script-latn installed (accents, @)"
    return None


def _order_corners(points: Any) -> Any:
    import numpy as np

    pts = np.asarray(points, dtype="float32").reshape(4, 2)
    ordered = np.zeros((4, 2), dtype="float32")
    sums = pts.sum(axis=1)
    diffs = np.diff(pts, axis=1).ravel()
    ordered[0] = pts[np.argmin(sums)]  # top left
    ordered[2] = pts[np.argmax(sums)]  # bottom right
    ordered[1] = pts[np.argmin(diffs)]  # top right
    ordered[3] = pts[np.argmax(diffs)]  # bottom left
    return ordered


def _not_table(rgb: Any) -> Any:
    """Where the photo differs from the table it was taken on (the colour along its border):
    the whole card, dark stripes and logos included."""
    import cv2
    import numpy as np

    border = np.concatenate(
        [
            rgb[:4].reshape(-1, 3),
            rgb[-4:].reshape(-1, 3),
            rgb[:, :4].reshape(-1, 3),
            rgb[:, -4:].reshape(-1, 3),
        ]
    )
    table = np.median(border, axis=0)
    spread = float(np.median(np.abs(border - table).sum(axis=1)))
    distance = np.abs(rgb.astype(np.int16) - table.astype(np.int16)).sum(axis=2)
    mask = (distance > max(45.0, 3 * spread)).astype(np.uint8) * 255
    kernel = np.ones((5, 5), np.uint8)
    return cv2.morphologyEx(mask, cv2.MORPH_CLOSE, kernel, iterations=2)


def find_card(rgb: Any) -> Any | None:
    """The four corners of the card in an RGB photo, or None when no card edge is clear."""
    import cv2
    import numpy as np

    height, width = rgb.shape[:2]
    scale = 800 / max(height, width)
    small_rgb = cv2.resize(rgb, (round(width * scale), round(height * scale)))
    small = cv2.cvtColor(small_rgb, cv2.COLOR_RGB2GRAY)
    blurred = cv2.GaussianBlur(small, (5, 5), 0)
    area = small.shape[0] * small.shape[1]
    candidates = []
    # Edges; a light card on a dark table (or the reverse) by Otsu's threshold; and whatever is
    # not the colour of the table, which keeps a card's dark stripe with the rest of it.
    edges = cv2.dilate(cv2.Canny(blurred, 30, 120), np.ones((3, 3), np.uint8), iterations=2)
    _t, otsu = cv2.threshold(blurred, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    for mask in (edges, otsu, 255 - otsu, _not_table(cv2.GaussianBlur(small_rgb, (5, 5), 0))):
        contours, _h = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
        for contour in sorted(contours, key=cv2.contourArea, reverse=True)[:5]:
            hull = cv2.convexHull(contour)
            hull_area = cv2.contourArea(hull)
            if not 0.12 * area < hull_area < 0.97 * area:
                continue
            approx = cv2.approxPolyDP(hull, 0.02 * cv2.arcLength(hull, True), True)
            if len(approx) == 4:
                candidates.append((hull_area, approx.reshape(4, 2)))
            else:
                rect = cv2.minAreaRect(hull)
                box_area = rect[1][0] * rect[1][1]
                if box_area > 0 and hull_area / box_area > 0.9:
                    candidates.append((hull_area, cv2.boxPoints(rect)))
    if not candidates:
        return None
    # A card is about 85 × 55 mm (1.55:1) whichever way up; a shape far from that is part of a
    # card (its white half beside a dark stripe) or something else, so card-like shapes win.
    card_like = [c for c in candidates if 1.3 <= _aspect(c[1]) <= 2.0]
    _area, corners = max(card_like or candidates, key=lambda c: c[0])
    return _order_corners(np.asarray(corners, dtype="float32") / scale)


def _aspect(corners: Any) -> float:
    import numpy as np

    tl, tr, br, bl = _order_corners(corners)
    width = max(float(np.linalg.norm(tr - tl)), float(np.linalg.norm(br - bl)))
    height = max(float(np.linalg.norm(bl - tl)), float(np.linalg.norm(br - tr)))
    return max(width, height) / max(min(width, height), 1.0)


def straighten(image: Image.Image) -> tuple[Image.Image, bool, Image.Image]:
    """The card cut out of the photo, flat and upright-ish: for OCR with even light, and as
    it looks (in colour) for the user."""
    import cv2
    import numpy as np
    from PIL import Image as PILImage

    rgb = np.asarray(image)
    gray = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    corners = find_card(rgb)
    found = corners is not None
    if corners is not None:
        (tl, tr, br, bl) = corners
        width = max(float(np.linalg.norm(tr - tl)), float(np.linalg.norm(br - bl)))
        height = max(float(np.linalg.norm(bl - tl)), float(np.linalg.norm(br - tr)))
        target_w = CARD_WIDTH if width >= height else round(CARD_WIDTH * 0.6)
        target_h = max(round(target_w * height / max(width, 1.0)), 1)
        destination = np.array(
            [[0, 0], [target_w - 1, 0], [target_w - 1, target_h - 1], [0, target_h - 1]],
            dtype="float32",
        )
        matrix = cv2.getPerspectiveTransform(corners, destination)
        gray = cv2.warpPerspective(gray, matrix, (target_w, target_h), flags=cv2.INTER_CUBIC)
        rgb = cv2.warpPerspective(rgb, matrix, (target_w, target_h), flags=cv2.INTER_CUBIC)
    elif gray.shape[1] > 2 * CARD_WIDTH:
        factor = 2 * CARD_WIDTH / gray.shape[1]
        gray = cv2.resize(gray, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
        rgb = cv2.resize(rgb, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    colour = PILImage.fromarray(rgb)
    gray = _invert_dark_blocks(gray)
    # Divide by a blurred copy: shadows and a lamp's gradient go, the type stays.
    background = cv2.GaussianBlur(gray, (0, 0), sigmaX=25)
    flat = cv2.divide(gray, background, scale=230)
    return PILImage.fromarray(flat), found, colour


def _invert_dark_blocks(gray: Any) -> Any:
    """Light type on a dark band (a coloured stripe, a logo block) made dark on light, so the
    whole card reads one way."""
    import cv2
    import numpy as np

    dark = (cv2.GaussianBlur(gray, (0, 0), 9) < 110).astype(np.uint8)
    contours, _h = cv2.findContours(dark, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    area = gray.shape[0] * gray.shape[1]
    blocks = np.zeros_like(dark)
    for contour in contours:
        _x, _y, w, h = cv2.boundingRect(contour)
        if cv2.contourArea(contour) > 0.03 * area and w > 40 and h > 40:
            # Filled: the type inside the band (holes in the mask) turns with it.
            cv2.drawContours(blocks, [contour], -1, 1, thickness=cv2.FILLED)
    if not blocks.any():
        return gray
    return np.where(blocks.astype(bool), 255 - gray, gray).astype(gray.dtype)


def _group_lines(data: dict[str, list[Any]]) -> list[OcrLine]:
    """Tesseract's words as lines; a line with a wide gap in it is two columns side by side
    (a name in a coloured band beside the phone numbers) and becomes two lines."""
    words: dict[tuple[int, int, int], list[int]] = {}
    for i, text in enumerate(data["text"]):
        if str(text).strip() and float(data["conf"][i]) >= 0:
            key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
            words.setdefault(key, []).append(i)
    lines: list[OcrLine] = []
    for indices in words.values():
        indices.sort(key=lambda i: data["left"][i])
        height = sorted(int(data["height"][i]) for i in indices)[len(indices) // 2]
        run = [indices[0]]
        for previous, current in itertools.pairwise(indices):
            gap = int(data["left"][current]) - (
                int(data["left"][previous]) + int(data["width"][previous])
            )
            if gap > 2.5 * max(height, 8):
                lines.append(_line(data, run))
                run = []
            run.append(current)
        lines.append(_line(data, run))
    lines.sort(key=lambda line: (line.top, line.left))
    return lines


def _line(data: dict[str, list[Any]], indices: list[int]) -> OcrLine:
    heights = sorted(int(data["height"][i]) for i in indices)
    return OcrLine(
        text=" ".join(str(data["text"][i]).strip() for i in indices),
        confidence=min(float(data["conf"][i]) for i in indices),
        height=float(heights[len(heights) // 2]),
        top=min(int(data["top"][i]) for i in indices),
        left=min(int(data["left"][i]) for i in indices),
        right=max(int(data["left"][i]) + int(data["width"][i]) for i in indices),
        bottom=max(int(data["top"][i]) + int(data["height"][i]) for i in indices),
    )


def _primary_language() -> str:
    """The best model installed (LANGUAGES' order). Combining models ("spa+eng") was tried and
    is worse: the English model's reading wins on large type and drops the accents."""
    langs = available_languages()
    return langs[0] if langs else "eng"


# A word ending in a domain: an e-mail address whose @ OCR read as O', G', t', Q, © or (.
_LOST_AT = re.compile(r"\S{3,}\.[A-Za-z]{2,}(?:\.[A-Za-z]{2})?")


def _read(image: Image.Image, psm: int) -> list[OcrLine]:
    api = _engine(_primary_language(), psm)
    with _quiet_stderr():
        api.SetImage(image)
        tsv = api.GetTSVText(0)
    data: dict[str, list[Any]] = {key: [] for key in _TSV_COLUMNS}
    for row in tsv.splitlines():
        cells = row.split("\t")
        if len(cells) < len(_TSV_COLUMNS):
            continue
        for key, cell in zip(_TSV_COLUMNS, cells, strict=False):
            data[key].append(cell if key == "text" else float(cell) if key == "conf" else int(cell))
    lines = _group_lines(data)
    if "eng" in available_languages():
        for line in lines:
            if _may_be_email(line.text):
                _reread_in_english(image, line)
    return lines


_TSV_COLUMNS = (
    "level",
    "page_num",
    "block_num",
    "par_num",
    "line_num",
    "word_num",
    "left",
    "top",
    "width",
    "height",
    "conf",
    "text",
)


def _may_be_email(text: str) -> bool:
    if "@" in text:
        return False
    return any(
        _LOST_AT.fullmatch(word.strip(".,;")) and not word.lower().startswith(("www", "http"))
        for word in text.split()
    )


def _reread_in_english(image: Image.Image, line: OcrLine) -> None:
    """Read one line again with the English model, which knows ``@``; keep it if it found one."""
    import tesserocr

    pad = max(4, round(line.height * 0.4))
    box = (
        max(line.left - pad, 0),
        max(line.top - pad, 0),
        min(line.right + pad, image.width),
        min(line.bottom + pad, image.height),
    )
    api = _engine("eng", tesserocr.PSM.SINGLE_LINE)
    with _quiet_stderr():
        api.SetImage(image.crop(box))
        text = str(api.GetUTF8Text()).strip()
    if "@" in text:
        line.text = text


def _upright_turn(card: Image.Image) -> int:
    """Degrees (counter-clockwise) that make the card upright, by Tesseract's orientation
    detection; 0 when it is unsure or its model (osd) is not installed."""
    import tesserocr

    folder = tessdata()
    if folder is None or not (folder / "osd.traineddata").is_file():
        return 0
    api = _engine("osd", tesserocr.PSM.OSD_ONLY)
    try:
        with _quiet_stderr():
            api.SetImage(card)
            found = api.DetectOrientationScript()
    except RuntimeError:
        return 0  # too little text to tell
    if not found or float(found.get("orient_conf", 0)) < 1.5:
        return 0
    return int(found.get("orient_deg", 0)) % 360


def _score(lines: list[OcrLine]) -> float:
    return sum(len(line.text) * max(line.confidence, 0) for line in lines)


_AUTO = 3  # Tesseract's page segmentation: find the blocks and lines by itself


def read_card(image: Image.Image) -> OcrResult:
    """Straighten the card in ``image`` and read its lines. Raises OcrUnavailable."""
    if not available_languages():
        raise OcrUnavailable(ocr_status() or "Tesseract is not available")
    card, found, colour = straighten(image)
    lines = _read(card, psm=_AUTO)
    # A card photographed on its side or upside down reads poorly: only then ask Tesseract's
    # orientation detector which way is up, so an upright card pays for one pass.
    mean = _score(lines) / max(sum(len(line.text) for line in lines), 1)
    if mean < 60 or card.height > card.width:
        turn = _upright_turn(card)
        if turn:
            turned = card.rotate(turn, expand=True)
            attempt = _read(turned, psm=_AUTO)
            if _score(attempt) > _score(lines):
                lines, card = attempt, turned
                colour = colour.rotate(turn, expand=True)
    return OcrResult(lines=lines, card=card, found_card=found, colour=colour)


__all__ = [
    "CARD_WIDTH",
    "LANGUAGES",
    "UNSURE_BELOW",
    "OcrLine",
    "OcrResult",
    "OcrUnavailable",
    "available_languages",
    "find_card",
    "ocr_status",
    "read_card",
    "straighten",
]
