"""Photos of business cards and QR badges, made here, with the fields each one holds.

Cards are drawn with Pillow in several layouts, Spanish and English, with accents (Ñ, á, ü),
then "photographed": put on a table, turned, seen at an angle, lit unevenly, blurred and saved
as JPEG. QR badges and digital cards hold vCard 2.1/3.0/4.0, MeCard or BIZCARD payloads made by
segno. The tests and ``bench/capture_bench.py`` use the same generator with different seeds.
"""

from __future__ import annotations

import io
import random
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

FONT_DIRS = [Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/truetype/liberation")]
REGULAR = ["DejaVuSans.ttf", "DejaVuSerif.ttf", "LiberationSans-Regular.ttf"]
BOLD = ["DejaVuSans-Bold.ttf", "DejaVuSerif-Bold.ttf", "LiberationSans-Bold.ttf"]

GIVEN_ES = [
    "María",
    "José",
    "Lucía",
    "Íñigo",
    "Begoña",
    "Álvaro",
    "Nuria",
    "Raúl",
    "Sofía",
    "Jesús",
    "Ainhoa",
    "Óscar",
    "Carmen",
    "Joaquín",
    "Inés",
    "Martín",
    "Noemí",
    "Adrián",
]
FAMILY_ES = [
    "García",
    "Núñez",
    "Peña",
    "Muñoz",
    "Ibáñez",
    "Gómez",
    "Martínez",
    "Castaño",
    "Sáez",
    "Güell",
    "Rodríguez",
    "Fernández",
    "López",
    "Díaz",
    "Cañete",
    "Ortiz",
    "Álvarez",
    "Jiménez",
]
GIVEN_EN = [
    "Emma",
    "Oliver",
    "Charlotte",
    "James",
    "Amelia",
    "Henry",
    "Grace",
    "Thomas",
    "Chloe",
    "William",
    "Hannah",
    "George",
    "Zoë",
    "Noah",
    "Isla",
    "Samuel",
]
FAMILY_EN = [
    "Taylor",
    "Brown",
    "Wilson",
    "Thompson",
    "Walker",
    "Robinson",
    "Wright",
    "Hughes",
    "Edwards",
    "Green",
    "Hall",
    "Wood",
    "Clarke",
    "Turner",
    "Bennett",
    "Müller",
]
TITLES_ES = [
    "Directora de Marketing",
    "Abogado",
    "Arquitecta",
    "Socio fundador",
    "Consultora de estrategia",
    "Gerente comercial",
    "Diseñador gráfico",
    "Ingeniera de software",
    "Responsable de ventas",
    "Asesor fiscal",
]
TITLES_EN = [
    "Marketing Director",
    "Senior Consultant",
    "Managing Partner",
    "Architect",
    "Head of Sales",
    "Software Engineer",
    "Chief Executive Officer",
    "Product Designer",
    "Account Manager",
    "Financial Advisor",
]
ORGS_ES = [
    "Peña & Muñoz Abogados",
    "Estudio Castaño Arquitectura",
    "Grupo Ibérica S.L.",
    "Soluciones Núcleo S.A.",
    "Asesoría Gómez",
    "Diseño Añil Estudio",
    "Tecnologías Albor S.L.",
    "Consultores Llobregat",
]
ORGS_EN = [
    "Northwind Consulting Ltd",
    "Harbour Legal LLP",
    "Bright Lane Design Studio",
    "Greenfield Capital Partners",
    "Kestrel Software Inc",
    "Oakridge Architects",
    "Bluebell Marketing Group",
    "Summit Analytics Ltd",
]
STREETS_ES = [
    ("C/ Alcalá, 123", "28009 Madrid"),
    ("Avda. Diagonal, 450, 3º", "08006 Barcelona"),
    ("Plaza del Pilar, 7", "50003 Zaragoza"),
    ("Calle Larios, 12", "29005 Málaga"),
]
STREETS_EN = [
    ("221 King Street", "London EC2V 7HH"),
    ("14 Queen Road", "Bristol BS8 1QU"),
    ("5 Market Square", "Leeds LS1 6DE"),
    ("88 Harbour Lane", "Brighton BN1 1AA"),
]


@dataclass
class CardTruth:
    full_name: str
    title: str
    organization: str
    emails: list[str]
    phones: list[str]  # E.164
    web: str
    language: str
    layout: str = ""
    street: str = ""
    city: str = ""
    payload: str = ""  # for QR photos: what the code holds
    kind: str = "paper"  # paper, vcard21, vcard3, vcard4, mecard, bizcard
    extra: dict[str, str] = field(default_factory=dict)


def _ascii(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    ).lower()


def _font(names: list[str], size: int, rng: random.Random) -> ImageFont.FreeTypeFont:
    options = [d / n for n in names for d in FONT_DIRS if (d / n).is_file()]
    if not options:
        raise FileNotFoundError("no DejaVu or Liberation fonts (Debian: fonts-dejavu-core)")
    return ImageFont.truetype(str(rng.choice(options)), size)


def person(rng: random.Random, language: str | None = None) -> CardTruth:
    language = language or rng.choice(["es", "en"])
    if language == "es":
        given, family = rng.choice(GIVEN_ES), rng.choice(FAMILY_ES)
        second = rng.choice(FAMILY_ES) if rng.random() < 0.5 else ""
        full = " ".join(p for p in (given, family, second) if p)
        title, org = rng.choice(TITLES_ES), rng.choice(ORGS_ES)
        street, city = rng.choice(STREETS_ES)
        mobile = "+34 6" + "".join(str(rng.randint(0, 9)) for _ in range(8))
        office = (
            "+34 9" + str(rng.randint(1, 8)) + "".join(str(rng.randint(0, 9)) for _ in range(7))
        )
        tld = rng.choice(["es", "com"])
    else:
        given, family = rng.choice(GIVEN_EN), rng.choice(FAMILY_EN)
        full = f"{given} {family}"
        title, org = rng.choice(TITLES_EN), rng.choice(ORGS_EN)
        street, city = rng.choice(STREETS_EN)
        mobile = "+44 7" + "".join(str(rng.randint(0, 9)) for _ in range(9))
        office = "+44 20 " + "".join(str(rng.randint(0, 9)) for _ in range(8))
        tld = rng.choice(["co.uk", "com"])
    domain = "".join(ch for ch in _ascii(org.split()[0] + org.split()[-1]) if ch.isalnum())
    local = rng.choice(
        [_ascii(given), f"{_ascii(given)}.{_ascii(family)}", f"{_ascii(given)[0]}{_ascii(family)}"]
    ).replace(" ", "")
    phones = [mobile] + ([office] if rng.random() < 0.6 else [])
    return CardTruth(
        full_name=full,
        title=title,
        organization=org,
        emails=[f"{local}@{domain}.{tld}"],
        phones=[p.replace(" ", "") for p in phones],
        web=f"www.{domain}.{tld}",
        language=language,
        street=street,
        city=city,
    )


def _group(number: str, language: str) -> str:
    """A phone as cards print it: +34 612 345 678, +44 7700 900123, +44 20 1234 5678."""
    if number.startswith("+34"):
        n = number[3:]
        return f"+34 {n[:3]} {n[3:6]} {n[6:]}"
    n = number[3:]
    if n.startswith("20"):
        return f"+44 20 {n[2:6]} {n[6:]}"
    return f"+44 {n[:4]} {n[4:]}"


def draw_card(truth: CardTruth, rng: random.Random, layout: str | None = None) -> Image.Image:
    """The card as printed, 1050 × 600 pixels (85 × 55 mm at about 300 dpi)."""
    layout = layout or rng.choice(["left", "centred", "columns", "bottom", "caps"])
    truth.layout = layout
    width, height = 1050, 600
    paper = rng.choice([(255, 255, 255), (250, 247, 240), (245, 245, 245), (255, 252, 245)])
    ink = rng.choice([(20, 20, 20), (30, 40, 70), (50, 50, 50), (10, 60, 50)])
    accent = rng.choice([(170, 30, 40), (20, 80, 160), (0, 110, 90), (90, 90, 90)])
    card = Image.new("RGB", (width, height), paper)
    draw = ImageDraw.Draw(card)
    big = _font(BOLD, rng.randint(50, 60), rng)
    mid = _font(REGULAR, rng.randint(32, 36), rng)
    org_font = _font(BOLD, rng.randint(34, 40), rng)
    small = _font(REGULAR, rng.randint(27, 30), rng)
    es = truth.language == "es"
    labels = rng.random() < 0.6
    mobile_label = ("Móvil: " if es else "Mobile: ") if labels else ""
    office_label = ("Tel.: " if es else "Tel: ") if labels else ""
    contact_lines = [mobile_label + _group(truth.phones[0], truth.language)]
    if len(truth.phones) > 1:
        contact_lines.append(office_label + _group(truth.phones[1], truth.language))
    contact_lines.append(("Email: " if labels and not es else "") + truth.emails[0])
    contact_lines.append(truth.web)
    address = [truth.street, truth.city] if rng.random() < 0.5 else []
    name = truth.full_name.upper() if layout == "caps" else truth.full_name

    def block(
        x: int,
        y: int,
        lines: list[tuple[str, ImageFont.FreeTypeFont, tuple[int, ...]]],
        anchor: str = "la",
        gap: int = 10,
    ) -> int:
        for text, font, colour in lines:
            draw.text((x, y), text, font=font, fill=colour, anchor=anchor)
            box = draw.textbbox((x, y), text, font=font, anchor=anchor)
            y = box[3] + gap
        return y

    if layout in ("left", "caps"):
        y = block(60, 50, [(name, big, ink), (truth.title, mid, accent)])
        y = block(60, y + 10, [(truth.organization, org_font, ink)])
        block(60, y + 15, [(t, small, ink) for t in contact_lines + address], gap=6)
    elif layout == "centred":
        y = block(width // 2, 40, [(truth.organization, org_font, accent)], anchor="ma")
        draw.line((width // 2 - 200, y + 5, width // 2 + 200, y + 5), fill=accent, width=3)
        y = block(width // 2, y + 25, [(name, big, ink), (truth.title, mid, ink)], anchor="ma")
        block(width // 2, y + 15, [(t, small, ink) for t in contact_lines], anchor="ma", gap=5)
    elif layout == "columns":
        draw.rectangle((0, 0, 300, height), fill=accent)
        words = truth.organization.split()
        rows = [" ".join(words[:2]), " ".join(words[2:])]
        size = 30
        column = _font(BOLD if rng.random() < 0.5 else REGULAR, size, rng)
        while size > 18 and max(draw.textlength(r, font=column) for r in rows) > 250:
            size -= 2
            column = column.font_variant(size=size)
        block(30, 220, [(r, column, paper) for r in rows if r])
        y = block(340, 50, [(name, big, ink), (truth.title, mid, accent)])
        block(340, y + 30, [(t, small, ink) for t in contact_lines], gap=6)
    else:  # bottom: organisation top right, name low on the left
        block(width - 50, 40, [(truth.organization, org_font, accent)], anchor="ra")
        block(width - 50, 110, [(t, small, ink) for t in contact_lines], anchor="ra", gap=6)
        block(50, 420, [(name, big, ink), (truth.title, mid, ink)])
    return card


def qr_payload(truth: CardTruth, kind: str) -> str:
    given, _, family = truth.full_name.partition(" ")
    phone = truth.phones[0]
    email = truth.emails[0]
    if kind == "mecard":
        return (
            f"MECARD:N:{family},{given};TEL:{phone};EMAIL:{email};ORG:{truth.organization};"
            f"TITLE:{truth.title};URL:https://{truth.web};;"
        )
    if kind == "bizcard":
        return (
            f"BIZCARD:N:{given};X:{family};T:{truth.title};C:{truth.organization};"
            f"B:{phone};E:{email};;"
        )
    version = {"vcard21": "2.1", "vcard3": "3.0", "vcard4": "4.0"}[kind]
    lines = ["BEGIN:VCARD", f"VERSION:{version}"]
    if version == "2.1":
        lines.append(f"N;CHARSET=UTF-8:{family};{given}")
        lines.append(f"FN;CHARSET=UTF-8:{truth.full_name}")
        lines.append(f"TEL;CELL:{phone}")
        lines.append(f"EMAIL;INTERNET:{email}")
    else:
        lines.append(f"N:{family};{given};;;")
        lines.append(f"FN:{truth.full_name}")
        lines.append(f"TEL;TYPE=cell:{phone}" if version == "3.0" else f"TEL;TYPE=cell:tel:{phone}")
        lines.append(f"EMAIL:{email}")
    lines += [f"ORG:{truth.organization}", f"TITLE:{truth.title}", "END:VCARD"]
    return "\n".join(lines)


def draw_badge(payloads: list[str], rng: random.Random, name: str = "") -> Image.Image:
    """A conference badge (or a phone's screen) with one or more QR codes on it."""
    import segno

    width = 900 if len(payloads) == 1 else 1400
    badge = Image.new("RGB", (width, 1100), rng.choice([(255, 255, 255), (240, 244, 250)]))
    draw = ImageDraw.Draw(badge)
    if name:
        draw.text((width // 2, 60), name, font=_font(BOLD, 60, rng), fill=(20, 20, 20), anchor="ma")
    for i, payload in enumerate(payloads):
        buf = io.BytesIO()
        segno.make_qr(payload, error="m").save(buf, kind="png", scale=8, border=4)
        code = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
        code.thumbnail((620, 620))
        x = 140 + i * 660 if len(payloads) > 1 else (width - code.width) // 2
        badge.paste(code, (x, 250))
    return badge


def photograph(
    card: Image.Image,
    rng: random.Random,
    *,
    size: tuple[int, int] = (2000, 1500),
    angle: float | None = None,
    tilt: float = 0.06,
    blur: float | None = None,
    quality: int | None = None,
) -> bytes:
    """``card`` lying on a table, photographed: turned, at an angle, uneven light, JPEG."""
    import cv2

    width, height = size
    table = rng.choice([(70, 50, 35), (40, 40, 45), (120, 100, 80), (30, 60, 40), (200, 200, 195)])
    base = np.full((height, width, 3), table, dtype=np.float32)
    base += np.random.default_rng(rng.randint(0, 2**31)).normal(0, 6, base.shape)
    scale = rng.uniform(0.5, 0.72) * width / card.width
    cw, ch = card.width * scale, card.height * scale
    cx, cy = (
        width / 2 + rng.uniform(-0.08, 0.08) * width,
        height / 2 + rng.uniform(-0.08, 0.08) * height,
    )
    theta = np.radians(angle if angle is not None else rng.uniform(-15, 15))
    corners = np.array([[-cw / 2, -ch / 2], [cw / 2, -ch / 2], [cw / 2, ch / 2], [-cw / 2, ch / 2]])
    rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]])
    placed = corners @ rot.T + [cx, cy]
    placed += np.array(
        [[rng.uniform(-tilt, tilt) * cw, rng.uniform(-tilt, tilt) * ch] for _ in range(4)]
    )
    source = np.array(
        [[0, 0], [card.width, 0], [card.width, card.height], [0, card.height]], dtype=np.float32
    )
    matrix = cv2.getPerspectiveTransform(source, placed.astype(np.float32))
    warped = cv2.warpPerspective(np.asarray(card, dtype=np.float32), matrix, (width, height))
    mask = cv2.warpPerspective(
        np.ones((card.height, card.width), np.float32), matrix, (width, height)
    )
    shadow = cv2.GaussianBlur(mask, (0, 0), 12) * 0.35
    photo = base * (1 - shadow[..., None]) * (1 - mask[..., None]) + warped * mask[..., None]
    # A lamp on one side: light falls off across the frame by up to 35 %.
    gx = np.linspace(0, 1, width)[None, :]
    gy = np.linspace(0, 1, height)[:, None]
    direction = rng.uniform(0, 2 * np.pi)
    light = 1 - rng.uniform(0.1, 0.35) * (np.cos(direction) * gx + np.sin(direction) * gy + 1) / 2
    photo = np.clip(photo * light[..., None], 0, 255).astype(np.uint8)
    image = Image.fromarray(photo)
    image = image.filter(
        ImageFilter.GaussianBlur(blur if blur is not None else rng.uniform(0.4, 1.3))
    )
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=quality or rng.randint(60, 88))
    return out.getvalue()


def paper_card_photo(
    seed: int, language: str | None = None, **kwargs: object
) -> tuple[bytes, CardTruth]:
    rng = random.Random(seed)
    truth = person(rng, language)
    return photograph(draw_card(truth, rng), rng, **kwargs), truth  # type: ignore[arg-type]


def qr_photo(seed: int, kind: str, **kwargs: object) -> tuple[bytes, CardTruth]:
    rng = random.Random(seed)
    truth = person(rng)
    truth.kind = kind
    truth.payload = qr_payload(truth, kind)
    badge = draw_badge([truth.payload], rng, name=truth.full_name)
    return photograph(badge, rng, **kwargs), truth  # type: ignore[arg-type]
