"""The fields of a business card from the lines OCR read off it.

What is certain by its shape goes first: e-mail addresses, web addresses, phone numbers (found
and normalised by ``phonenumbers`` with the user's region as default, labelled mobile, work or
fax from the words beside them in Spanish or English) and postal addresses. Of the lines left,
the person's name is the one that looks like a name set in the largest type; the job title is
the line with a title's words (or the one under the name); the organisation is the line with a
company's words, or the largest line left. A field read from a line OCR was unsure of is listed
in ``unsure`` so the review dialog can mark it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from netdesk.capture.ocr import UNSURE_BELOW, OcrLine
from netdesk.domain.contact_data import (
    ContactData,
    EmailAddress,
    PhoneNumber,
    PostalAddress,
    WebAddress,
)


@dataclass
class CardFields:
    contact: ContactData
    unsure: list[str] = field(default_factory=list)  # field names: full_name, emails, …
    text: str = ""  # every line read, for the review dialog and the card's record


_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
_URL = re.compile(
    r"(?i)\b(?:https?://)?(?:www\d?\.)?[a-z0-9][a-z0-9\-]*(?:\.[a-z0-9\-]+)*"
    r"\.(?:com|es|net|org|io|eu|co|uk|de|fr|it|pt|mx|ar|cl|info|biz|studio|design|law|legal|"
    r"dev|app|me|cat|gal|eus|us|ca|au|ie|nl|be|ch|at)(?:\.[a-z]{2})?\b(?:/[^\s]*)?"
)
_LABEL = re.compile(
    r"(?i)^\s*(?:e-?mail|correo(?:\s+electr[oó]nico)?|mail|web|www|tel[eé]?f?o?n?o?|tlf|"
    r"phone|mobile|m[oó]vil|cell|office|oficina|fax|direcci[oó]n|address|m|t|f|e|w|p)"
    r"\s*[.:|/]?\s*"
)
_MOBILE = re.compile(r"(?i)\b(?:m[oó]vil|movil|mobile|cell|celular|m[oó]v|mob)\b|^\s*m\s*[.:]")
_FAX = re.compile(r"(?i)\bfax\b|^\s*f\s*[.:]")
_WORK = re.compile(
    r"(?i)\b(?:tel[eé]fono|tel|tlf|phone|office|oficina|fijo|work|direct|directo)\b|^\s*[tp]\s*[.:]"
)
_STREET = re.compile(
    r"(?i)(?:^|\s)(?:c/|calle|avda\.?|avenida|av\.|plaza|pza\.?|paseo|p[º°]|camino|ronda|"
    r"carrer|travesía|glorieta|pol[ií]gono|street|st\.|road|rd\.|avenue|ave\.|lane|square|"
    r"suite|floor|planta|piso|oficina\s+\d|\d+(?:st|nd|rd|th)\s+floor)(?:\s|$|,)"
)
_POSTCODE = re.compile(
    r"\b(?:\d{5}|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|\d{4}\s?[A-Z]{2})\b(?:\s|,|$)"
)
_COMPANY = re.compile(
    r"(?i)(?:\b(?:s\.?\s?l\.?u?|s\.?\s?a\.?|s\.?\s?coop|ltd|limited|inc|llc|llp|plc|gmbh|corp|"
    r"co\.|group|grupo|abogados|asesores|asesor[ií]a|consulting|consultores|consultor[ií]a|"
    r"partners|asociados|studio|estudio|arquitectura|architects|architecture|design|dise[nñ]o|"
    r"solutions|soluciones|labs?|technologies|tecnolog[ií]as?|software|systems|sistemas|"
    r"agency|agencia|ventures|capital|holdings|industries|industrias|foundation|fundaci[oó]n|"
    r"institute|instituto|academy|academia|clinic|cl[ií]nica|bank|banco|media|marketing|"
    r"legal|law|notar[ií]a|gestor[ií]a|inmobiliaria|construcciones|ingenier[ií]a|"
    r"engineering|analytics|digital|creative|publishing|editorial|hotel|restaurante)\b\.?)"
)
_TITLE = re.compile(
    r"(?i)\b(?:ceo|cto|cfo|coo|cmo|founder|co-?founder|fundador[a]?|cofundador[a]?|"
    r"director[a]?|directora|manager|gerente|head|jefe|jefa|lead|leader|responsable|"
    r"partner|socio|socia|owner|propietari[oa]|president[e]?|presidenta|vp|vice|chief|officer|"
    r"consultant|consultor[a]?|advisor|adviser|asesor[a]?|abogad[oa]|lawyer|attorney|solicitor|"
    r"arquitect[oa]|architect|engineer|ingenier[oa]|designer|diseñador[a]?|developer|"
    r"desarrollador[a]?|analyst|analista|specialist|especialista|coordinator|coordinador[a]?|"
    r"executive|ejecutiv[oa]|representative|comercial|sales|ventas|account|accountant|"
    r"contable|economista|auditor[a]?|notari[oa]|doctor[a]?|dr\.?|dra\.?|m[eé]dic[oa]|"
    r"psic[oó]log[oa]|psychologist|therapist|terapeuta|coach|mentor|trainer|formador[a]?|"
    r"photographer|fot[oó]graf[oa]|writer|redactor[a]?|editor[a]?|journalist|periodista|"
    r"agent|agente|broker|realtor|assistant|asistente|secretari[oa]|administrador[a]?|"
    r"administrator|técnic[oa]|tecnic[oa]|technician|senior|junior|principal|associate|"
    r"asociad[oa]|marketing|community|product|project|proyectos|operations|operaciones|"
    r"finance|finanzas|hr|rrhh|recursos|talent|strategy|estrategia|business|negocio)\b"
)
_NAME_PARTICLES = {"de", "del", "la", "las", "los", "y", "i", "van", "von", "der", "da", "di"}
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’\-]*\.?|[A-ZÀ-ÖØ-Þ]\.)$")


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    # Spanish writes güe and güi, never gúe or gúi: OCR models often mistake the diaeresis.
    text = re.sub(r"GÚ(?=[EI])", "GÜ", text)
    text = re.sub(r"([gG])ú(?=[ei])", lambda m: m.group(1) + "ü", text)
    text = text.replace("|", " ").replace("—", "-").replace("–", "-")
    # OCR reads an ampersand between words as a euro sign; a euro sign sits beside a number.
    if not re.search(r"\d", text):
        text = re.sub(r"(?<=[^\W\d]) [«»]?€(?= [^\W\d]|$)", " &", text)
    text = re.sub(r"\s+", " ", text).strip(" ,;:-·•")
    # A full stop ends a sentence, not a card line, unless it ends an abbreviation (S.L., Inc.).
    if text.endswith(".") and not re.search(r"(?:\b\w\.\w\.|\b[A-Z][a-z]{0,3}\.)$", text):
        text = text.rstrip(".")
    return text


def _email_text(text: str) -> str:
    """Undo what OCR does to addresses: spaces around ``@`` and dots, ``(at)``, ``©``."""
    fixed = re.sub(r"\s*(?:\(at\)|\[at\]|©|®)\s*", "@", text, flags=re.I)
    fixed = re.sub(r"\s*@\s*", "@", fixed)
    # A comma for a dot before the @ ("ana,ruiz@…"): addresses never hold commas.
    fixed = re.sub(r"(?<=\w),(?=[\w.+-]*@)", ".", fixed)
    return re.sub(r"(?<=[\w-])\s*\.\s*(?=[\w-]+@|[A-Za-z]{2,}\b)", ".", fixed)


def _emails(line: str) -> list[str]:
    if "@" not in line and "(at)" not in line.lower() and "©" not in line:
        return []
    return [m.group(0).strip(".").lower() for m in _EMAIL.finditer(_email_text(line))]


def _urls(line: str, emails: Sequence[str]) -> list[str]:
    without = _email_text(line)
    for email in emails:
        without = re.sub(re.escape(email), " ", without, flags=re.I)
    found = []
    for match in _URL.finditer(without):
        value = match.group(0).rstrip(".,;")
        if "@" in value or re.fullmatch(r"(?i)[\d.]+", value):
            continue
        found.append(value.lower() if "/" not in value else value)
    return found


def _phones(line: str, region: str) -> list[PhoneNumber]:
    import phonenumbers

    # OCR reads the letter O for a zero and l for a one inside long digit runs.
    digits = re.sub(r"(?<=\d)[Oo](?=[\d\s])|(?<=\d\s)[Oo](?=\d)", "0", line)
    digits = re.sub(r"(?<=\d)[lI](?=\d)", "1", digits)
    found: list[PhoneNumber] = []
    matcher = phonenumbers.PhoneNumberMatcher(
        digits, region or "ES", leniency=phonenumbers.Leniency.POSSIBLE
    )
    for match in matcher:
        number = match.number
        if not phonenumbers.is_possible_number(number):
            continue
        before = digits[: match.start]
        kind = ""
        if _FAX.search(before) or (_FAX.search(line) and not _MOBILE.search(line)):
            kind = "fax"
        elif _MOBILE.search(before):
            kind = "cell"
        elif _WORK.search(before):
            kind = "work"
        elif phonenumbers.number_type(number) == phonenumbers.PhoneNumberType.MOBILE:
            kind = "cell"
        formatted = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
        found.append(PhoneNumber(formatted, kind))
    return found


def _is_address(line: str) -> bool:
    """A street with its number, or a postcode with a town ("Bright Lane Design" is not)."""
    if not re.search(r"\d", line):
        return False
    return bool(_STREET.search(line)) or (
        bool(_POSTCODE.search(line)) and bool(re.search(r"[A-Za-zÀ-ÿ]{3,}", line))
    )


def _looks_like_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in line):
        return False
    if _COMPANY.search(line) or _TITLE.search(line) or "@" in line or _URL.search(line):
        return False
    capitalised = [w for w in words if w.lower() not in _NAME_PARTICLES]
    if len(capitalised) < 2:
        return False
    letters = [w for w in capitalised if _NAME_WORD.match(w) or (w.isupper() and w.isalpha())]
    return len(letters) == len(capitalised)


def _title_case(name: str) -> str:
    """A name set in capitals on the card, written as a name ("ANA GARCÍA" → "Ana García")."""
    if not name.isupper():
        return name
    parts = []
    for word in name.split():
        lower = word.lower()
        if lower in _NAME_PARTICLES:
            parts.append(lower)
        else:  # each run of letters: O'Brien, García-Peña
            parts.append(re.sub(r"[^\W\d_]+", lambda m: m.group(0).capitalize(), lower))
    return " ".join(parts)


def _split_name(data: ContactData) -> None:
    words = data.full_name.split()
    if len(words) >= 2:
        data.given_name = words[0]
        data.family_name = " ".join(words[1:])


def _same_block(upper: OcrLine, lower: OcrLine) -> bool:
    """Whether ``lower`` goes on from ``upper``: right below it, in the same type, aligned."""
    return (
        -0.3 * upper.height <= lower.top - upper.bottom < 1.2 * upper.height
        and abs(lower.height - upper.height) <= 0.3 * upper.height
        and (
            abs(lower.left - upper.left) < upper.height
            or abs(lower.right - upper.right) < upper.height
            or abs((lower.left + lower.right) - (upper.left + upper.right)) < 2 * upper.height
        )
    )


def _continued(rest: list[tuple[str, OcrLine]], chosen: int, taken: set[int]) -> list[int]:
    """``chosen`` with the lines above and below that carry on the same name (an organisation
    set over two lines in a narrow column)."""
    parts = [chosen]
    free = [i for i in range(len(rest)) if i not in taken and i != chosen]
    grew = True
    while grew:
        grew = False
        for i in free:
            if i in parts or _TITLE.search(rest[i][0]):
                continue
            if _same_block(rest[parts[-1]][1], rest[i][1]):
                parts.append(i)
                grew = True
            elif _same_block(rest[i][1], rest[parts[0]][1]):
                parts.insert(0, i)
                grew = True
    return parts


def fields_from_lines(lines: Sequence[OcrLine], region: str) -> CardFields:
    """The contact a card's OCR lines describe, and which of its fields OCR was unsure of."""
    data = ContactData()
    unsure: set[str] = set()
    rest: list[tuple[str, OcrLine]] = []
    address_lines: list[tuple[str, OcrLine]] = []
    for line in lines:
        text = _clean(line.text)
        if not text or not re.search(r"[\wÀ-ÿ]{2,}", text):
            continue
        shaky = line.confidence < UNSURE_BELOW
        emails = _emails(text)
        urls = _urls(text, emails)
        for value in emails:
            if value not in (e.value for e in data.emails):
                data.emails.append(EmailAddress(value, "work"))
                if shaky:
                    unsure.add("emails")
        for value in urls:
            if value not in (u.value for u in data.urls):
                data.urls.append(WebAddress(value))
                if shaky:
                    unsure.add("urls")
        remainder = text
        for value in emails + urls:
            remainder = re.sub(re.escape(value), " ", _email_text(remainder), flags=re.I)
        phones = _phones(remainder, region) if re.search(r"\d{3}", remainder) else []
        for phone in phones:
            if phone.value not in (p.value for p in data.phones):
                data.phones.append(phone)
                if shaky:
                    unsure.add("phones")
        if emails or urls or phones:
            continue
        if _is_address(text):
            address_lines.append((_LABEL.sub("", text), line))
            continue
        rest.append((text, line))

    if address_lines:
        street = address_lines[0][0]
        city = ", ".join(t for t, _l in address_lines[1:])
        postal = ""
        match = _POSTCODE.search(city or street)
        if match:
            postal = match.group(0).strip(" ,")
        data.addresses.append(PostalAddress(kind="work", street=street, label=""))
        if city:
            data.addresses[0].city = _clean(city.replace(postal, "")) if postal else city
        data.addresses[0].postal_code = postal
        if not city and postal:
            data.addresses[0].street = _clean(street.replace(postal, ""))
            data.addresses[0].city = _clean(street.split(postal, 1)[-1]) or ""
        if any(line.confidence < UNSURE_BELOW for _t, line in address_lines):
            unsure.add("addresses")

    taken: set[int] = set()
    names = [i for i, (text, _l) in enumerate(rest) if _looks_like_name(text)]
    if names:
        best = max(names, key=lambda i: (rest[i][1].height, -rest[i][1].top))
        data.full_name = _title_case(rest[best][0])
        taken.add(best)
        if rest[best][1].confidence < UNSURE_BELOW:
            unsure.add("full_name")
    titles = [i for i, (text, _l) in enumerate(rest) if i not in taken and _TITLE.search(text)]
    companies = [
        i
        for i, (text, _l) in enumerate(rest)
        if i not in taken and _COMPANY.search(text) and i not in titles
    ]
    if not titles and names:
        below = [
            i
            for i, (_t, line) in enumerate(rest)
            if i not in taken and i not in companies and line.top > rest[best][1].top
        ]
        if below:
            titles = [min(below, key=lambda i: rest[i][1].top)]
    if titles:
        chosen = min(
            titles, key=lambda i: abs(rest[i][1].top - (rest[best][1].top if names else 0))
        )
        data.title = rest[chosen][0]
        taken.add(chosen)
        if rest[chosen][1].confidence < UNSURE_BELOW:
            unsure.add("title")
    if not companies:
        companies = [i for i in range(len(rest)) if i not in taken]
    if companies:
        chosen = max(
            companies, key=lambda i: (bool(_COMPANY.search(rest[i][0])), rest[i][1].height)
        )
        parts = _continued(rest, chosen, taken)
        data.organization = " ".join(rest[i][0] for i in parts)
        taken.update(parts)
        if any(rest[i][1].confidence < UNSURE_BELOW for i in parts):
            unsure.add("organization")
    if not data.full_name and data.emails:
        unsure.add("full_name")  # nothing looked like a name: the user types it
    _split_name(data)
    leftover = [text for i, (text, _l) in enumerate(rest) if i not in taken]
    if leftover:
        data.note = "\n".join(leftover)
    return CardFields(
        contact=data,
        unsure=sorted(unsure),
        text="\n".join(_clean(line.text) for line in lines if line.text.strip()),
    )


__all__ = ["CardFields", "fields_from_lines"]
