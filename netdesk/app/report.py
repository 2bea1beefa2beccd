"""The return-on-networking report for a period, as one self-contained HTML document.

Pure Python and escaped throughout (names come from the user's data). The HTML keeps to what
both browsers and Qt's rich-text engine lay out (plain tables, cell colours, no scripts), so the
same text prints from a browser and becomes the PDF (``netdesk.ui.report_pdf``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from netdesk.app import balance as bal
from netdesk.app import roi
from netdesk.app.referrals import ReferralLedger, ReferralRow
from netdesk.store.db import Database

TOP_ASKED = 10

CSS = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 9.5pt; color: #1a1a1a; }
h1 { font-size: 17pt; margin: 0 0 2pt 0; }
h2 { font-size: 12.5pt; margin: 16pt 0 5pt 0; color: #1d3f6e; }
p.sub { color: #555555; margin: 0 0 8pt 0; }
table { border-collapse: collapse; margin-bottom: 6pt; }
th { background-color: #e8eef6; text-align: left; font-weight: bold; }
th, td { border: 1px solid #b8c2cf; vertical-align: top; }
th, td { padding-left: 6px; padding-right: 6px; padding-top: 2px; padding-bottom: 2px; }
td.num, th.num { text-align: right; }
td.good { color: #1b6b2a; font-weight: bold; }
td.none { color: #777777; }
p.note { color: #555555; font-size: 8.5pt; }
p.warn { color: #8a4b00; }
@media print { h2 { page-break-after: avoid; } tr { page-break-inside: avoid; } }
@page { size: A4; margin: 16mm; }
"""


@dataclass(frozen=True)
class ReportData:
    """Everything the report shows, computed once."""

    start: dt.date
    end: dt.date
    generated: dt.date
    rate: roi.Rate
    events: list[roi.EventFigures]  # ranked, best return first
    totals: roi.Figures
    organisers: list[roi.Figures]
    months: list[roi.Figures]
    balance: bal.Balance
    balance_months: list[bal.MonthBalance]
    referral_months: list[bal.MonthReferrals]
    referrals: list[ReferralRow]
    most_asked: list[bal.ContactBalance]  # contacts where asks outweigh giving
    organiser: str | None = None  # one event series only; "" = events without organiser


def build_report(
    db: Database,
    start: dt.date,
    end: dt.date,
    *,
    rate: roi.Rate | None = None,
    today: dt.date | None = None,
    organiser: str | None = None,
) -> ReportData:
    """Gather the figures of events dated and touchpoints falling in the period, and the
    referrals credited to those events.

    With ``organiser`` everything is about that series: its events, and the touchpoints and
    referrals that came from them.
    """
    if end < start:
        raise ValueError(f"to: {end.isoformat()} is before from: {start.isoformat()}")
    rate = rate if rate is not None else roi.hourly_rate(db)
    events = roi.event_figures(db, start=start, end=end, rate=rate, organiser=organiser)
    ids = None if organiser is None else roi.organiser_event_ids(db, organiser)
    asked = [
        row
        for row in bal.contact_balances(db, start=start, end=end, event_ids=ids)
        if row.balance.ask > row.balance.give + row.balance.connect
    ]
    # The referrals the totals count — those credited to the period's events, whenever they
    # came — so the list, the months and the totals agree (one source for every figure).
    credited = roi.credited_event_ids(events)
    referrals = [r for r in ReferralLedger(db).list() if r.event_id in set(credited)]
    return ReportData(
        start=start,
        end=end,
        generated=today or dt.date.today(),
        rate=rate,
        events=roi.ranked(events),
        totals=roi.total(events),
        organisers=roi.by_organiser(db, start=start, end=end, rate=rate, organiser=organiser),
        months=roi.by_period(db, start, end, "month", rate=rate, organiser=organiser),
        balance=bal.balance(db, start=start, end=end, event_ids=ids),
        balance_months=bal.balance_by_month(db, start=start, end=end, event_ids=ids),
        referral_months=bal.referrals_by_month(
            db, start=start, end=end, event_ids=credited, span_only=True
        ),
        referrals=referrals,
        most_asked=asked[:TOP_ASKED],
        organiser=organiser,
    )


def report_html(
    db: Database,
    start: dt.date,
    end: dt.date,
    *,
    rate: roi.Rate | None = None,
    today: dt.date | None = None,
    organiser: str | None = None,
) -> str:
    data = build_report(db, start, end, rate=rate, today=today, organiser=organiser)
    return render_html(data)


def report_title(start: dt.date, end: dt.date, organiser: str | None = None) -> str:
    """The report's title (the HTML title, the PDF's title and its page footer)."""
    return f"Return on networking {start.isoformat()} – {end.isoformat()}" + _series(organiser)


def _series(organiser: str | None) -> str:
    if organiser is None:
        return ""
    return f" · {organiser}" if organiser else " · events without organiser"


# -- formatting ----------------------------------------------------------------------------------
def ratio_text(figures: roi.Figures) -> str:
    """The return as the report prints it, with the reason when there is none."""
    ratio = figures.return_ratio
    if ratio is not None:
        return f"{ratio:.2f}×"
    if figures.full_cost.is_zero():
        return "no cost"
    return "mixed currencies"


def _money(amounts: roi.Amounts | None) -> str:
    """An amount for a table cell: one line per currency."""
    return "–" if amounts is None else amounts.format("\n")


def _hours(hours: Decimal) -> str:
    return f"{hours.normalize():f}" if hours else "0"


def _percent(share: float) -> str:
    return f"{share * 100:.0f}%"


def _row(
    cells: list[str], numeric: set[int] | None = None, cls: dict[int, str] | None = None
) -> str:
    out = []
    for i, cell in enumerate(cells):
        classes = []
        if numeric and i in numeric:
            classes.append("num")
        if cls and i in cls:
            classes.append(cls[i])
        attr = f' class="{" ".join(classes)}"' if classes else ""
        out.append(f"<td{attr}>{escape(cell).replace(chr(10), '<br>')}</td>")
    return "<tr>" + "".join(out) + "</tr>"


def _head(cells: list[str], numeric: set[int] | None = None) -> str:
    out = []
    for i, cell in enumerate(cells):
        attr = ' class="num"' if numeric and i in numeric else ""
        out.append(f"<th{attr}>{escape(cell)}</th>")
    return "<thead><tr>" + "".join(out) + "</tr></thead>"


def _table(head: list[str], rows: list[str], numeric: set[int]) -> str:
    return (
        '<table border="1" cellspacing="0" cellpadding="5" width="100%">'
        + _head(head, numeric)
        + "<tbody>"
        + "".join(rows)
        + "</tbody></table>"
    )


FIGURE_HEAD = [
    "Events",
    "Money spent",
    "Hours",
    "Full cost",
    "Won",
    "Return",
    "Met",
    "Follow-ups done",
    "Meetings",
    "Referrals in / out",
]
FIGURE_NUMERIC = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}


def _figure_cells(f: roi.Figures) -> list[str]:
    return [
        str(f.events),
        _money(f.cost),
        _hours(f.hours),
        _money(f.full_cost),
        _money(f.won_value),
        ratio_text(f),
        str(f.contacts_met),
        f"{f.touchpoints_done} of {f.touchpoints_planned}",
        str(f.meetings),
        f"{f.referrals_received} / {f.referrals_given}",
    ]


def _summary(data: ReportData) -> str:
    t = data.totals
    items = [
        ("Events", str(t.events)),
        ("Money spent", _money(t.cost)),
        ("Hours spent", f"{_hours(t.hours)} (valued at {t.hours_value.format()})"),
        ("Full cost", _money(t.full_cost)),
        ("Won business", _money(t.won_value)),
        ("Return (won ÷ full cost)", ratio_text(t)),
        ("Contacts met", str(t.contacts_met)),
        ("Follow-ups done", f"{t.touchpoints_done} of {t.touchpoints_planned}"),
        ("Meetings held", str(t.meetings)),
        ("Cost per meeting", _money(t.cost_per_meeting)),
        ("Referrals received / given", f"{t.referrals_received} / {t.referrals_given}"),
        ("Cost per referral received", _money(t.cost_per_referral)),
    ]
    rows = "".join(
        f"<tr><th>{escape(label)}</th><td class='num'>{escape(value).replace(chr(10), '<br>')}"
        "</td></tr>"
        for label, value in items
    )
    return f'<table border="1" cellspacing="0" cellpadding="5">{rows}</table>'


def _events(data: ReportData) -> str:
    if not data.events:
        return "<p>No events in this period.</p>"
    head = [
        "#",
        "Event",
        "Date",
        "Organiser",
        "Full cost",
        "Won",
        "Return",
        "Meetings",
        "Cost per meeting",
        "Follow-ups done",
        "Referrals in / out",
    ]
    rows = []
    for rank, f in enumerate(data.events, start=1):
        cells = [
            str(rank),
            f.name,
            f.date.isoformat() if f.date else "",
            f.organiser,
            _money(f.full_cost),
            _money(f.won_value),
            ratio_text(f),
            str(f.meetings),
            _money(f.cost_per_meeting),
            f"{f.touchpoints_done} of {f.touchpoints_planned}",
            f"{f.referrals_received} / {f.referrals_given}",
        ]
        ratio = f.return_ratio
        mark = {6: "good" if ratio is not None and ratio >= 1 else "none" if ratio is None else ""}
        rows.append(_row(cells, {0, 4, 5, 6, 7, 8, 9, 10}, {k: v for k, v in mark.items() if v}))
    return _table(head, rows, {0, 4, 5, 6, 7, 8, 9, 10})


def _grouped(title: str, items: list[roi.Figures], empty_label: str) -> str:
    rows = [
        _row([f.label or empty_label, *_figure_cells(f)], {i + 1 for i in FIGURE_NUMERIC})
        for f in items
        if f.events
    ]
    if not rows:
        return ""
    head = [title, *FIGURE_HEAD]
    return _table(head, rows, {i + 1 for i in FIGURE_NUMERIC})


def _bar(b: bal.Balance) -> str:
    """Shares as one row of coloured cells (prints in colour and in grey)."""
    if not b.total:
        return ""
    colours = {"give": "#3a8d4f", "connect": "#4a78b5", "ask": "#d9822b"}
    cells = "".join(
        f'<td width="{max(1, round(b.share(i) * 100))}%" bgcolor="{colours[i]}" '
        f'style="background-color: {colours[i]}; border: none;">&nbsp;</td>'
        for i in bal.INTENTS
        if getattr(b, i)
    )
    return f'<table width="100%" cellspacing="0" cellpadding="0"><tr>{cells}</tr></table>'


def _balance(data: ReportData) -> str:
    b = data.balance
    if not b.total:
        return "<p>No touchpoints in this period.</p>"
    parts = [
        f"<p>Over {b.total} touchpoints: giving {_percent(b.share('give'))}, connecting "
        f"{_percent(b.share('connect'))}, asking {_percent(b.share('ask'))} "
        "(green give, blue connect, orange ask).</p>",
        _bar(b),
    ]
    rows = [
        _row(
            [
                m.month,
                str(m.balance.give),
                str(m.balance.connect),
                str(m.balance.ask),
                _percent(m.balance.share("ask")) if m.balance.total else "–",
            ],
            {1, 2, 3, 4},
        )
        for m in data.balance_months
    ]
    parts.append(_table(["Month", "Give", "Connect", "Ask", "Share of asks"], rows, {1, 2, 3, 4}))
    if data.most_asked:
        names = ", ".join(
            f"{c.name} ({c.balance.ask} asks of {c.balance.total})" for c in data.most_asked
        )
        parts.append(
            f"<p class='warn'>Mostly asking, not giving: {escape(names)}. "
            "You're selling, not networking, with them.</p>"
        )
    return "".join(parts)


def _referrals(data: ReportData) -> str:
    if not data.referrals:
        return "<p>No referrals in this period.</p>"
    month_rows = [
        _row([m.month, str(m.given), str(m.received)], {1, 2}) for m in data.referral_months
    ]
    parts = [_table(["Month", "Given", "Received"], month_rows, {1, 2})]
    rows = []
    for r in data.referrals:
        if r.direction == "given":
            who = f"to {r.contact or '?'}" + (
                f" (introduced to {r.other_contact})" if r.other_contact else ""
            )
        else:
            who = f"from {r.contact or '?'}" + (
                f" (client {r.other_contact})" if r.other_contact else ""
            )
        value = f"{r.value:,.2f} {r.currency}" if r.value else ""
        rows.append(
            _row(
                [
                    r.date.isoformat() if r.date else "",
                    r.direction,
                    who,
                    r.status,
                    value,
                    r.event,
                    r.description,
                ],
                {4},
            )
        )
    parts.append(
        _table(["Date", "Direction", "Who", "Status", "Value", "Event", "Description"], rows, {4})
    )
    return "".join(parts)


def _method(data: ReportData) -> str:
    rate = data.rate
    rate_text = (
        f"{rate.amount:,.2f} {rate.currency} per hour"
        if rate.amount
        else "not set (hours are counted but cost nothing)"
    )
    return (
        "<p class='note'>Full cost = money spent + hours × your hourly rate "
        f"({escape(rate_text)}). Return = value of won referrals received ÷ full cost. "
        "Amounts in different currencies are kept apart, never converted or added; the return "
        "is shown only when the won value and the full cost are in one and the same currency. "
        "Events are counted in the period of their date; follow-ups and referrals count with the "
        "event they came from.</p>"
    )


def render_html(data: ReportData) -> str:
    """The report as a complete, printable HTML document."""
    period = f"{data.start.isoformat()} – {data.end.isoformat()}" + _series(data.organiser)
    sections = [
        ("Summary", _summary(data)),
        ("Events, best return first", _events(data)),
        ("By organiser", _grouped("Organiser", data.organisers, "(no organiser)")),
        ("By month", _grouped("Month", data.months, "")),
        ("Give / ask balance", _balance(data)),
        ("Referrals", _referrals(data)),
    ]
    body = "".join(f"<h2>{escape(title)}</h2>{html}" for title, html in sections if html)
    return (
        "<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape('Return on networking, ' + period)}</title>"
        f"<style>{CSS}</style></head><body>"
        f"<h1>Return on networking</h1><p class='sub'>{escape(period)} · made "
        f"{escape(data.generated.isoformat())} with netdesk</p>"
        f"{body}{_method(data)}</body></html>\n"
    )
