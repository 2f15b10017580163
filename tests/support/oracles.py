"""Independent oracles: what each page should say, worked out from the tables with plain pandas
and Python, sharing no code with the package beyond the tables themselves. Tests compare the
pages' numbers and selections with these."""

from __future__ import annotations

import pandas as pd

CONTACT_KINDS = {"phone_call", "meeting", "summit", "talks", "visit"}
SCHEDULE_KINDS = {"summit", "visit", "talks", "meeting", "survey"}


def in_window(first, last, start, end) -> bool:
    """An interval with a bound reaches into [start, end], an open side as far as it may."""
    if pd.isna(first) and pd.isna(last):
        return False
    return (pd.isna(first) or first <= end) and (pd.isna(last) or last >= start)


def shown_events(tables, p, kinds: set[str], wanted: tuple = ()) -> pd.DataFrame:
    """Events of ``kinds`` (narrowed to ``wanted`` if given) in the window, held only unless
    include_planned."""
    keep = set(wanted) & kinds if wanted else kinds
    rows = [
        r
        for r in tables["events"].itertuples()
        if r.kind in keep
        and in_window(r.date_start, r.date_end, p.start_date, p.end_date)
        and (p.include_planned or r.status == "occurred")
    ]
    return pd.DataFrame(rows, columns=["Index", *tables["events"].columns])


def pair_of(tables, event_id: str) -> str | None:
    """The surnames of the people in an event, sorted and joined, or its states' names."""
    actors = tables["actors"].set_index("actor_id")
    ids = tables["participants"].loc[tables["participants"]["event_id"] == event_id, "actor_id"]
    people = sorted({actors.loc[a, "name"].split()[-1] for a in ids if actors.loc[a, "kind"] == "person"})
    states = sorted({actors.loc[a, "name"] for a in ids if actors.loc[a, "kind"] == "state"})
    names = people or states
    return " – ".join(names) if names else None


def contacts(tables, p) -> pd.DataFrame:
    """The cadence page's contacts: id, pair and status."""
    events = shown_events(tables, p, CONTACT_KINDS, p.kinds)
    if p.actors:
        involved = set(
            tables["participants"].loc[tables["participants"]["actor_id"].isin(p.actors), "event_id"]
        )
        events = events.loc[events["event_id"].isin(involved)]
    return pd.DataFrame(
        {
            "event_id": list(events["event_id"]),
            "pair": [pair_of(tables, e) for e in events["event_id"]],
            "status": list(events["status"]),
        }
    )


def announced(tables) -> set[str]:
    """Events any known article reports as planned or proposed."""
    m = tables["mentions"]
    return set(m.loc[m["reported_status"].isin(["planned", "proposed"]), "event_id"])


def schedule_counts(tables, p) -> tuple[int, int, int]:
    """The schedule page's events, those held, and those announced in advance."""
    events = shown_events(tables, p, SCHEDULE_KINDS, p.kinds)
    held = int((events["status"] == "occurred").sum())
    ahead = int(events["event_id"].isin(announced(tables)).sum())
    return len(events), held, ahead


def adopted_measures(tables, p) -> dict[str, pd.Timestamp]:
    """Each adopted measure in force by the window's end, with its first day in force: the cited
    adoption day of its resolution, else the last day the articles allow."""
    cited = {r.event_id: r.adopted for r in tables["resolutions"].itertuples() if pd.notna(r.event_id)}
    last = dict(zip(tables["events"]["event_id"], tables["events"]["date_end"], strict=True))
    out = {}
    for r in tables["sanctions"].itertuples():
        if r.status != "adopted" or (p.categories and r.category not in p.categories):
            continue
        if r.event_id not in last:
            continue
        day = cited.get(r.event_id, last[r.event_id])
        if day <= p.end_date:
            out[r.measure_id] = day
    return out


def regime_headline_numbers(tables) -> tuple[int, int, int, int, set[str]]:
    """The regime chart's year, resolutions that year, resolutions in all, the articles' ones
    (linked to an event the known articles report), and the categories they opened first."""
    res = tables["resolutions"].sort_values("adopted")
    year = int(res["adopted"].max().year)
    known = set(tables["events"]["event_id"])
    articles = set(res.loc[res["event_id"].isin(known), "resolution_id"])
    measures = tables["resolution_measures"]
    order = {r: i for i, r in enumerate(res["resolution_id"])}
    opened = set()
    for category, group in measures.groupby(measures["category"].astype("str")):
        first = min(group["resolution_id"], key=order.__getitem__)
        if first in articles:
            opened.add(category)
    return year, int((res["adopted"].dt.year == year).sum()), len(res), len(articles), opened


def check_busiest(contacts, headline: str, articles: int | None = None) -> None:
    """Oracle: only a strictly busiest pair is called the busiest; a tie names the tied pairs.
    With ``articles`` (the count the articles report), ``contacts`` are the cited record's."""
    counts: dict[str, int] = {}
    for pair in contacts["pair"]:
        counts[pair] = counts.get(pair, 0) + 1
    most = max(counts.values())
    tied = sorted(p for p, n in counts.items() if n == most)
    total = len(contacts)
    noun = "contacts" if articles is None else "contacts on record"
    if articles is not None:
        assert headline.endswith(f"; the articles report {articles:,}"), headline
        headline = headline.removesuffix(f"; the articles report {articles:,}")
    if len(tied) == 1:
        said = f"{tied[0]} was the busiest channel: {most:,} of {total:,} {noun}"
        if articles is None:
            held = sum(1 for r in contacts.itertuples() if r.pair == tied[0] and r.status == "occurred")
            said += f", {held:,} of them held"
        assert headline == said
    elif len(tied) <= 3:
        assert "busiest channel:" not in headline and headline.endswith(f"{most:,} of {total:,} {noun} each")
        assert all(p in headline for p in tied), (tied, headline)
    else:
        assert (
            headline == f"No busiest channel: {len(tied):,} pairs tied with {most:,} of {total:,} {noun} each"
        )


def recorded_contacts(tables, p) -> pd.DataFrame:
    """The cadence page's contacts on record: the chronology's contacts in the window, of the
    kinds and with the actors asked for, each with its pair of surnames."""
    names = {r.actor_id: r.name.split()[-1] for r in tables["actors"].itertuples() if r.kind == "person"}
    names |= {r.actor_id: r.name.split()[-1] for r in tables["people"].itertuples()}
    states = {r.actor_id: r.name for r in tables["actors"].itertuples() if r.kind == "state"}
    kinds = set(p.kinds) & CONTACT_KINDS if p.kinds else CONTACT_KINDS
    rows = []
    for r in tables["chronology"].itertuples():
        parties = [a for a in (r.actor_a, r.actor_b) if isinstance(a, str)]
        if r.kind not in kinds or not in_window(r.date_start, r.date_end, p.start_date, p.end_date):
            continue
        if p.actors and not set(parties) & set(p.actors):
            continue
        people = sorted(names[a] for a in parties if a in names)
        rows.append((r.fact_id, " – ".join(people or sorted(states[a] for a in parties if a in states))))
    return pd.DataFrame(rows, columns=["fact_id", "pair"])


def recorded_triggers(tables, p, reported: pd.DataFrame) -> set[str]:
    """The escalation page's launches and tests on record: the chronology's in the window, less
    those that are one of the articles' launches already drawn (``reported``)."""
    drawn = set(reported["event_id"])
    return {
        r.fact_id
        for r in tables["chronology"].itertuples()
        if r.kind in ("missile_launch", "nuclear_test")
        and in_window(r.date_start, r.date_end, p.start_date, p.end_date)
        and r.event_id not in drawn
    }


def plans_shown(every_plan: pd.DataFrame, p) -> set[str]:
    """The plans page 04 shows: its announced window or what happened overlaps the parameters'
    window; without include_planned, only those that happened, in full or in part."""
    shown = set()
    for r in every_plan.itertuples():
        near = in_window(r.window_start, r.window_end, p.start_date, p.end_date) or in_window(
            r.realised_start, r.realised_end, p.start_date, p.end_date
        )
        if near and (p.include_planned or r.outcome in ("held", "partly")):
            shown.add(r.event_id)
    return shown


# How the chronology page names each strand's count: singular or plural, either will do here.
STRAND_WORDS = {
    "contact": "Japan–Russia contacts?",
    "launch": "(?:launch or test|launches and tests)",
    "council": "Security Council actions?",
}


def chronology_facts(tables, p) -> pd.DataFrame:
    """The chronology page's facts: in the window, of the kinds and with the actors asked for,
    each with its strand."""
    strands = {k: "contact" for k in CONTACT_KINDS}
    strands |= {"missile_launch": "launch", "nuclear_test": "launch"}
    strands |= {k: "council" for k in ("resolution", "presidential_statement", "press_statement")}
    rows = []
    for r in tables["chronology"].itertuples():
        parties = {a for a in (r.actor_a, r.actor_b) if isinstance(a, str)}
        if p.kinds and r.kind not in p.kinds:
            continue
        if p.actors and not parties & set(p.actors):
            continue
        if in_window(r.date_start, r.date_end, p.start_date, p.end_date):
            rows.append((r.fact_id, strands[r.kind]))
    return pd.DataFrame(rows, columns=["fact_id", "strand"])
