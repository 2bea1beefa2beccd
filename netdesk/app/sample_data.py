"""Deterministic made-up contacts for screenshots, benchmarks and tests.

Names are combined from short lists, so the same seed always gives the same people; none of them
is a real person.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Iterator

from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)
from netdesk.store.bulk import insert_contacts
from netdesk.store.db import Database

GIVEN = [
    "Ana",
    "Bruno",
    "Carla",
    "Diego",
    "Elena",
    "Fernando",
    "Gabriela",
    "Hugo",
    "Irene",
    "Javier",
    "Laura",
    "Manuel",
    "Nuria",
    "Óscar",
    "Paula",
    "Raúl",
    "Sofía",
    "Tomás",
    "Valeria",
    "Xavier",
    "Alice",
    "Ben",
    "Chloe",
    "David",
    "Emma",
    "Frank",
    "Grace",
    "Henry",
    "Isla",
    "Jack",
]
FAMILY = [
    "García",
    "Martínez",
    "López",
    "Sánchez",
    "Pérez",
    "Gómez",
    "Fernández",
    "Ruiz",
    "Díaz",
    "Moreno",
    "Muñoz",
    "Álvarez",
    "Romero",
    "Navarro",
    "Torres",
    "Smith",
    "Jones",
    "Taylor",
    "Brown",
    "Wilson",
    "Evans",
    "Walker",
    "Hughes",
    "Clarke",
    "Wood",
]
ORGS = [
    "Estudio Norte Arquitectura",
    "Bufete Ruiz & Asociados",
    "Cámara de Comercio",
    "Taller Sur",
    "Gestoría Central",
    "Blue Harbour Consulting",
    "Northwind Design",
    "Clínica Dental Sonrisa",
    "Imprenta Rápida",
    "Agencia Faro",
    "Brightside Accounting",
    "Green Leaf Catering",
]
TITLES = [
    "Socia",
    "Director",
    "Abogada",
    "Architect",
    "Consultant",
    "Gerente",
    "Designer",
    "Accountant",
    "Fundador",
    "Marketing lead",
]
TAGS = ["referral-partner", "client", "prospect", "supplier", "madrid", "barcelona", "bni"]
CITIES = ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao", "London", "Manchester"]


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.lower())
    return folded.encode("ascii", "ignore").decode()


def generate(count: int, seed: int = 7, photos_every: int = 0) -> Iterator[ContactData]:
    rng = random.Random(seed)
    tiny_png = (
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00"
        b"\x00\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff"
        b"\x89\x99=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
    )
    for i in range(count):
        given = rng.choice(GIVEN)
        family = rng.choice(FAMILY)
        org = rng.choice(ORGS)
        slug = _ascii(f"{given}.{family}") or "contact"
        domain = _ascii(org.split()[0]) or "example"
        yield ContactData(
            given_name=given,
            family_name=family,
            organization=org,
            title=rng.choice(TITLES),
            emails=[EmailAddress(f"{slug}{i}@{domain}.example", "work", True)],
            phones=[PhoneNumber(f"+34 6{rng.randrange(10**7, 10**8)}", "cell")],
            addresses=[PostalAddress(kind="work", city=rng.choice(CITIES))],
            urls=[WebAddress(f"https://{domain}.example/")],
            note=rng.choice(
                [
                    "Met at the breakfast; wants introductions to accountants.",
                    "Looking for a designer for their new shop.",
                    "Knows everyone at the chamber of commerce.",
                    "",
                ]
            ),
            tags=rng.sample(TAGS, k=rng.randrange(0, 3)),
            photo=tiny_png if photos_every and i % photos_every == 0 else None,
            photo_mime="image/png" if photos_every and i % photos_every == 0 else None,
        )


def seed_contacts(db: Database, count: int, seed: int = 7, chunk: int = 2000) -> list[int]:
    """Fill the database with ``count`` generated contacts; returns their ids."""
    ids: list[int] = []
    batch: list[ContactData] = []
    with db.engine.begin() as conn:
        for data in generate(count, seed):
            batch.append(data)
            if len(batch) >= chunk:
                ids.extend(insert_contacts(conn, batch, "ES"))
                batch = []
        ids.extend(insert_contacts(conn, batch, "ES"))
    return ids
