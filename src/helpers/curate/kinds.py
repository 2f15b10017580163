"""Which kind of event a sentence reports, read from its main verb.

A keyword anywhere in a sentence is a poor guide: "Their telephone conversation came in the wake of
North Korea's launch of a ballistic missile" is about neither a call nor a launch being made, and
"the Asia-Pacific Economic Cooperation leaders' summit" names a place, not a summit held. So a kind
is suggested only where one of its verb phrases ("met", "fired a missile", "held talks", "adopted
a resolution") stands in the sentence's main clause: the sentence less its dateline, its
attribution ("..., the official said") and any clause that a subordinator opens ("after ...",
"in the wake of ...", "which ..."). Where the main clause has several, the first is the main verb.
Every kind named here is one of the events vocabulary's (a test checks it).
"""

from __future__ import annotations

import re

# Each kind by the verb phrases that report one, as news English puts them.
KIND_VERBS = {
    "phone_call": r"(?:talk(?:ed|s)?|spoke|speak|confer(?:red)?) (?:by|over the) (?:tele)?phone"
    r"|(?:held|hold|holds|had|have) (?:a |their |an? [\w-]+ )?(?:tele)?phone (?:talks|conversation|call)"
    r"|phoned",
    "nuclear_test": r"(?:conduct(?:ed|s)?|carr(?:ied|y|ies) out) (?:[\w-]+ ){0,3}nuclear test",
    "missile_launch": r"(?:fired|fires|fire|launched|launches|test-fired) (?:[\w-]+ ){0,4}"
    r"(?:missiles?|rockets?)",
    "resolution": r"(?:adopt(?:ed|s)?|pass(?:ed|es)?|approv(?:ed|es)) (?:[\w.-]+ ){0,5}resolution",
    "sanction_proposal": r"(?:impos(?:e|es|ed|ing)|propos(?:e|es|ed|ing)) (?:[\w-]+ ){0,4}"
    r"(?:sanctions|embargo)",
    "designation": r"designat(?:e|es|ed)",
    "appointment": r"(?:was |were )?appointed|took up (?:his|her) post",
    "survey": r"(?:survey(?:ed|s)?|conduct(?:ed|s)? (?:[\w-]+ ){0,3}(?:survey|studies))",
    "summit": r"(?:held|hold|holds|had) (?:a |their |the )?(?:[\w-]+ )?summit",
    "talks": r"(?:held|hold|holds|had|have) (?:[\w-]+ ){0,2}talks|for talks",
    "visit": r"visit(?:s|ed)?",
    "meeting": r"met|meet|meets",
    "cooperation": r"cooperate|work together|start (?:the )?joint (?:economic )?activit",
}
_VERBS = re.compile(
    "|".join(rf"(?P<{kind}>\b(?:{words})\b)" for kind, words in KIND_VERBS.items()), re.IGNORECASE
)
# What is not the main clause: a dateline ("DA NANG, Vietnam - ", "TOKYO (Kyodo) -- "), an
# attribution at the end, and everything from a subordinator on.
_DATELINE = re.compile(r"^[A-Z][A-Z .,'()A-Za-z]*?\s(?:--|-|—)\s")
_ATTRIBUTION = re.compile(r",[^,]*\b(?:said|says|told reporters|added|reported)\b[^,]*[.!?]?$")
_SUBORDINATE = re.compile(
    r",?\s\b(?:after|before|in the wake of|following|since|because|while|when|which|who|whose|as part of)\b",
    re.IGNORECASE,
)


def main_clause(sentence: str) -> str:
    """The sentence less its dateline, its closing attribution and its subordinate clauses."""
    body = _DATELINE.sub("", sentence, count=1)
    body = _ATTRIBUTION.sub("", body)
    cut = _SUBORDINATE.search(body)
    return body[: cut.start()] if cut else body


def kind_of(sentence: str) -> str:
    """The kind whose verb phrase comes first in the main clause, or '' where none does."""
    found = _VERBS.search(main_clause(sentence))
    return found.lastgroup if found else ""
