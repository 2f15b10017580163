"""The temporal expressions of English news, as rules: words in, an interval of days out.

Each rule reads one form of expression, in TimeML's (TIMEX3) sense as HeidelTime's English rules
normalise it, against the article's date (the *anchor*), and gives the smallest interval of
whole days the words allow: never a guessed day. Bounds are inclusive; ``..`` is an open bound.

===============================================  =============================================
form (a leading "in", "on", "at" or "the" is      interval
dropped; case and spacing do not matter)
===============================================  =============================================
``yesterday`` / ``today`` / ``tomorrow``          that day
``Friday``, ``on Friday``                          the latest Friday on or before the anchor:
                                                   news use a bare weekday for one of the past
                                                   six days
``last Friday``                                    the latest Friday before the anchor
``this Friday``                                    the Friday of the anchor's week
``next Friday``                                    the first Friday after the anchor
``five days ago``, ``3 weeks ago``, ``a month      that day; that ISO week; that month; that
ago``, ``two years ago``                           year
``Oct. 3``, ``October 3``, ``3 October``           that day in the year that puts it nearest
                                                   the anchor (within six months)
``October 3, 2017``, ``3 October 2017``            that day
``Oct. 3-4``, ``3-4 October`` (with a year too)    those days
``November``, ``Nov.``, ``in November 2017``       that month (nearest the anchor without a year)
``2017``, ``in 2018``                              that year
``early`` / ``mid`` / ``late`` + a month,          TimeML's START / MID / END: a month's days
a year, or a this/last/next week, month or year;   1-10, 11-20, 21-end; a year's Jan-Apr,
also hyphenated: ``mid-March``                     May-Aug, Sep-Dec; a week's Mon-Wed, Wed-Fri,
                                                   Fri-Sun (weeks have no thirds: they overlap)
``this`` / ``last`` / ``next`` + ``week``,         the ISO week (Monday to Sunday), its
``weekend``, ``month`` or ``year``                 Saturday and Sunday, the calendar month or
                                                   year containing the anchor, or the one
                                                   before or after it
``earlier this week`` / ``month`` / ``year``       from its first day to the day before the
                                                   anchor (refused on its first day)
``later this week`` / ``month`` / ``year``         from the day after the anchor to its last
                                                   day (refused on its last day)
``the end of`` / ``the beginning of`` + a week,    as ``late`` / ``early``: the last or first
month or year form above                           third of it (Fri-Sun, Mon-Wed for a week)
``by the end of`` + a week, month or year form     from the anchor to that form's last day
``X or Y``                                         the smallest interval that holds both
``soon``, ``shortly``, ``in the near future``,     from the anchor, open-ended: ``ANCHOR ..``
``at an early date``, ``in the coming days``
(``weeks``, ``months``)
``recently``, ``lately``, ``in recent days``       open-started, up to the anchor: ``.. ANCHOR``
(``weeks``, ``months``)
===============================================  =============================================

Anything else is refused with a message that lists these forms.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from datetime import date, timedelta

from helpers.data.interval import Interval, UnresolvableDate

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS |= {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name} | {"sept": 9}
NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
NUMBERS |= {"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
SHIFT = {"last": -1, "this": 0, "next": 1}
# TimeML's START / MID / END, per unit: offsets from Monday, day numbers, month numbers.
PARTS = {
    "week": {"early": (0, 2), "mid": (2, 4), "late": (4, 6)},
    "month": {"early": (1, 10), "mid": (11, 20), "late": (21, 31)},
    "year": {"early": (1, 4), "mid": (5, 8), "late": (9, 12)},
}
SYNONYMS = {"beginning": "early", "start": "early", "end": "late"}
# Vague words, after a leading in/at/the is dropped: "in the near future" reads "near future".
FUTURE = r"soon|shortly|near future|(?:an )?early date|coming (?:days|weeks|months)"
PAST = r"recently|lately|recent (?:days|weeks|months)"

MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
DAY = r"(?P<first>\d{1,2})(?:st|nd|rd|th)?"
YEAR = r"(?P<year>\d{4})"
PART = r"(?P<part>early|mid|late)"
COUNT = r"(?P<count>\d+|" + "|".join(NUMBERS) + r")"
UNIT = r"(?P<unit>week|weekend|month|year)"


def _days(anchor: date, n: int) -> Interval:
    return Interval.day(anchor + timedelta(days=n))


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def _add_months(year: int, month: int, shift: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + shift
    return index // 12, index % 12 + 1


def _nearest_year(anchor: date, month: int) -> int:
    """The year that puts ``month`` within six months of the anchor."""
    return _add_months(anchor.year, anchor.month, (month - anchor.month + 6) % 12 - 6)[0]


def _whole(unit: str, anchor: date, shift: int = 0) -> Interval:
    """The week, weekend, month or year containing the anchor, moved by ``shift`` of them."""
    if unit in ("week", "weekend"):
        monday = _monday(anchor) + timedelta(weeks=shift)
        return Interval(monday + timedelta(days=5 if unit == "weekend" else 0), monday + timedelta(days=6))
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, shift))
    return Interval(date(anchor.year + shift, 1, 1), date(anchor.year + shift, 12, 31))


def _month(year: int, month: int) -> Interval:
    return Interval(date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]))


def _part(unit: str, whole: Interval, part: str | None) -> Interval:
    """The early, mid or late part of a whole week, month or year (all of it without a part)."""
    if part is None:
        return whole
    if unit not in PARTS:
        raise UnresolvableDate(f"a {unit} has no {part} part")
    first, last = PARTS[unit][part]
    start = whole.start
    if unit == "week":
        return Interval(start + timedelta(days=first), start + timedelta(days=last))
    if unit == "month":
        return Interval(start.replace(day=first), start.replace(day=min(last, whole.end.day)))
    return Interval(_month(start.year, first).start, _month(start.year, last).end)


def _unit_of(interval: Interval) -> str:
    """Which whole unit an interval is, for 'the end of ...'; refused if none."""
    unit = {"week": "week", "month": "month", "year": "year"}.get(interval.precision)
    if unit is None:
        raise UnresolvableDate("'the end of' or 'the beginning of' needs a week, a month or a year")
    return unit


# The rules. Each handler takes the anchor and the match of its pattern (on the whole
# expression, normalised) and returns the interval, or raises UnresolvableDate saying why.


def _relative_day(anchor: date, m: re.Match) -> Interval:
    return _days(anchor, {"yesterday": -1, "today": 0, "tomorrow": 1}[m["word"]])


def _weekday(anchor: date, m: re.Match) -> Interval:
    target, shift = WEEKDAYS[m["weekday"]], m["shift"]
    if shift == "this":
        return Interval.day(_monday(anchor) + timedelta(days=target))
    if shift == "next":
        return _days(anchor, (target - anchor.weekday() - 1) % 7 + 1)
    back = (anchor.weekday() - target) % 7
    return _days(anchor, -(back or (7 if shift == "last" else 0)))


def _ago(anchor: date, m: re.Match) -> Interval:
    count = int(m["count"]) if m["count"].isdigit() else NUMBERS[m["count"]]
    if m["unit"] == "day":
        return _days(anchor, -count)
    return _whole(m["unit"], anchor, -count)


def _named_day(anchor: date, m: re.Match) -> Interval:
    """A day, or a range of days, of a named month; the year nearest the anchor if none."""
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _nearest_year(anchor, month)
    first = int(m["first"])
    last = int(m.groupdict().get("last") or first)
    if last < first:
        raise UnresolvableDate(f"a range of days must run forward, not {first}-{last}")
    try:
        return Interval(date(year, month, first), date(year, month, last))
    except ValueError:
        raise UnresolvableDate(f"{calendar.month_name[month]} {year} has no day {last}") from None


def _named_month(anchor: date, m: re.Match) -> Interval:
    month = MONTHS[m["month"]]
    year = int(m["year"]) if m["year"] else _nearest_year(anchor, month)
    return _part("month", _month(year, month), m["part"])


def _named_year(anchor: date, m: re.Match) -> Interval:
    year = int(m["year"])
    return _part("year", Interval(date(year, 1, 1), date(year, 12, 31)), m["part"])


def _shifted(anchor: date, m: re.Match) -> Interval:
    return _part(m["unit"], _whole(m["unit"], anchor, SHIFT[m["shift"]]), m["part"])


def _earlier_or_later(anchor: date, m: re.Match) -> Interval:
    whole = _whole(m["unit"], anchor)
    if m["side"] == "earlier":
        interval = Interval(whole.start, anchor - timedelta(days=1))
    else:
        interval = Interval(anchor + timedelta(days=1), whole.end)
    if interval.start > interval.end:
        raise UnresolvableDate(
            f"'{m[0]}' is empty on the {m['unit']}'s {'first' if m['side'] == 'earlier' else 'last'} day"
        )
    return interval


def _edge(anchor: date, m: re.Match) -> Interval:
    rest = m["rest"]
    inner = _whole(rest, anchor) if rest in ("week", "month", "year") else resolve_text(rest, anchor)
    if m["by"]:
        if inner.end is None or inner.end < anchor:
            raise UnresolvableDate(f"'{m[0]}' lies before the article's date")
        return Interval(anchor, inner.end)
    return _part(_unit_of(inner), inner, SYNONYMS[m["edge"]])


def _future(anchor: date, m: re.Match) -> Interval:
    return Interval(anchor, None)


def _past(anchor: date, m: re.Match) -> Interval:
    return Interval(None, anchor)


RULES: list[tuple[re.Pattern, Callable[[date, re.Match], Interval]]] = [
    (re.compile(p), handler)
    for p, handler in (
        (r"(?P<word>yesterday|today|tomorrow)", _relative_day),
        (rf"(?:(?P<shift>last|this|next) )?{WEEKDAY}", _weekday),
        (rf"{COUNT} (?P<unit>day|week|month|year)s? ago", _ago),
        (rf"{MONTH} {DAY}(?:,? {YEAR})?", _named_day),
        (rf"{DAY} (?:of )?{MONTH}(?:,? {YEAR})?", _named_day),
        (rf"{MONTH} (?P<first>\d{{1,2}}) ?- ?(?P<last>\d{{1,2}})(?:,? {YEAR})?", _named_day),
        (rf"(?P<first>\d{{1,2}}) ?- ?(?P<last>\d{{1,2}}) {MONTH}(?:,? {YEAR})?", _named_day),
        (rf"(?:{PART} )?{MONTH}(?:,? {YEAR})?", _named_month),
        (rf"(?:{PART} )?{YEAR}", _named_year),
        (rf"(?:{PART} )?(?P<shift>last|this|next) {UNIT}", _shifted),
        (r"(?P<side>earlier|later) this (?P<unit>week|month|year)", _earlier_or_later),
        (r"(?P<by>by )?(?:the )?(?P<edge>end|beginning|start) of (?:the )?(?P<rest>.+)", _edge),
        (rf"(?:{FUTURE})", _future),
        (rf"(?:{PAST})", _past),
    )
]
KNOWN_FORMS = (
    "known forms are yesterday/today/tomorrow; a weekday, with last/this/next; 'N days (weeks, "
    "months, years) ago'; 'Oct. 3', '3 October', 'October 3, 2017'; 'Oct. 3-4'; a month or a year, "
    "with early/mid/late; this/last/next week, weekend, month or year, with early/mid/late; "
    "earlier/later this week, month or year; (by) the end/beginning of one of these; 'X or Y'; "
    "and, as open ranges, soon/in the near future/at an early date/in the coming days and "
    "recently/in recent days"
)


def normalise(expression: str) -> str:
    """Lower case, one space between words, dashes as '-', no leading in/on/at/the."""
    text = " ".join(expression.lower().replace("\u2013", "-").replace("\u2014", "-").split())
    text = re.sub(r"\b(early|mid|late)-", r"\1 ", text).strip(" ,;")
    return re.sub(r"^(?:(?:in|on|at|the) )+", "", text)


def resolve_text(expression: str, anchor: date) -> Interval:
    """Resolve one expression (no 'or') against the anchor, by the first rule that reads it."""
    text = normalise(expression)
    for pattern, handler in RULES:
        if match := pattern.fullmatch(text):
            return handler(anchor, match)
    raise UnresolvableDate(f"cannot resolve date expression {expression!r}: {KNOWN_FORMS}")


# Finding expressions in running text (``helpers.curate draft``): the rules' forms, each
# matched on its own, case-insensitive, with month and weekday names capitalised as in prose
# ("may" the verb is not May). The longest match wins where two overlap; "X or Y" joins.
_EDGE = (
    r"(?:by )?(?:the )?(?:end|beginning|start) of (?:the )?(?:(?:last|this|next) )?"
    rf"(?:week|month|year|{MONTH}|{YEAR})"
)
FINDERS = [re.compile(rf"\b(?:{p})(?![\w-])", re.IGNORECASE) for p in (
    r"yesterday|today|tomorrow",
    rf"(?:(?:last|this|next) )?{WEEKDAY}",
    rf"{COUNT} (?:day|week|month|year)s? ago",
    rf"{MONTH} (?P<first>\d{{1,2}})(?: ?- ?(?P<last>\d{{1,2}}))?(?:,? {YEAR})?",
    rf"(?P<first>\d{{1,2}})(?: ?- ?(?P<last>\d{{1,2}}))? (?:of )?{MONTH}(?:,? {YEAR})?",
    rf"(?:{PART}[ -])?{MONTH}(?:,? {YEAR})?",
    rf"(?:{PART}[ -])?{YEAR}",
    rf"(?:{PART} )?(?:last|this|next) {UNIT}",
    r"(?:earlier|later) this (?:week|month|year)",
    _EDGE,
    rf"(?:in )?(?:the )?(?:{FUTURE})",
    rf"(?:in )?(?:{PAST})",
)]  # fmt: skip
_NAMES = {*MONTHS, *WEEKDAYS}
# Month names written short, with a full stop that is part of the word ("Nov."; May is no abbreviation).
ABBREVIATED = set(MONTHS) - {name.lower() for name in calendar.month_name}


def _proper(text: str) -> bool:
    """Month and weekday names in the span are capitalised, as names are in prose."""
    return all(word[0].isupper() for word in re.findall(r"[A-Za-z]+", text) if word.lower() in _NAMES)


def find_expressions(sentence: str) -> list[str]:
    """The date expressions of a sentence, verbatim, in order: the longest where two overlap."""
    spans = sorted(
        ((m.start(), m.end()) for finder in FINDERS for m in finder.finditer(sentence) if _proper(m.group())),
        key=lambda span: (span[0], -span[1]),
    )
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        if kept and start < kept[-1][1]:
            continue
        if kept and sentence[kept[-1][1] : start] == " or ":
            kept[-1] = (kept[-1][0], end)
            continue
        kept.append((start, end))
    return [_trim(sentence[start:end]) for start, end in kept]


def _trim(text: str) -> str:
    """Drop a sentence's full stop after a word that is not an abbreviation ("Nov." keeps it)."""
    last = re.findall(r"[A-Za-z]+\.$", text)
    return text[:-1] if last and last[0][:-1].lower() not in ABBREVIATED else text
