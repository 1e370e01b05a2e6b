"""The fixed words of diagrams and tables (headings, legend), in English and Dutch,
and the donors' names for the rows of a logframe (methodology.md §1).

Model text comes from the model in the chosen language; these are the words around it.
Any other language falls back to English.
"""

from __future__ import annotations

from toc.model import Level

__all__ = ["TERMS", "row_name", "word"]

_WORDS: dict[str, dict[str, str]] = {
    "en": {
        "activity": "Activity",
        "output": "Output",
        "outcome": "Outcome",
        "impact": "Impact",
        "contradicted": "CONTRADICTED",
        "untested": "UNTESTED",
        "mixed": "MIXED",
        "supported": "supported",
        "achieved": "achieved",
        "on-track": "on track",
        "off-track": "off track",
        "not-achieved": "not achieved",
        "no-data": "no data",
        "qualitative": "qualitative",
        "legend": "Legend",
        "assumption": "assumption",
        "condition": "condition",
        "risk": "risk",
        "preconditions": "Pre-conditions",
        "evidence": "evidence",
        "for": "for",
        "against": "against",
        "pathways": "Pathways",
        "rests-on": "rests on",
        "sound": "no contradicted or untested assumption",
        "at-risk": "at risk",
        "affected": "affected",
        "legend-at-risk": "at risk: every chain to this result rests on a contradicted assumption",
        "legend-affected": "affected: after a contradicted assumption, but another chain still reaches it",
        "ceiling": "Ceiling of accountability: the programme answers for the results inside the dashed frame",
        "as-of": "indicator status as of",
        "source": "Source",
        "period": "period",
        "view-pathway": "View: pathway",
        "view-focus": "View: within {depth} link(s) of",
        "view-risk": "View: what is at risk if this does not hold:",
        "line-contradicted": "thick red line, ✗, dark note",
        "line-untested": "dotted line, ?, white note",
        "line-mixed": "dashed line, ±, orange note",
        "line-supported": "thin solid line, ✓, pale note",
        "precondition-of": "open-diamond arrow: precondition of",
        "intervention-logic": "Intervention logic",
        "indicators": "Indicators (baseline → target; actual)",
        "verification": "Means of verification",
        "assumptions": "Assumptions",
        "baseline": "baseline",
        "target": "target",
        "actual": "actual",
        "level": "Level",
        "id": "Id",
        "means-costs": "Means and costs (not recorded)",
        "programme": "Programme",
        "logframe": "Logframe matrix",
    },
    "nl": {
        "activity": "Activiteit",
        "output": "Output",
        "outcome": "Outcome",
        "impact": "Impact",
        "contradicted": "WEERLEGD",
        "untested": "NIET GETOETST",
        "mixed": "GEMENGD",
        "supported": "ondersteund",
        "achieved": "bereikt",
        "on-track": "op schema",
        "off-track": "achter op schema",
        "not-achieved": "niet bereikt",
        "no-data": "geen gegevens",
        "qualitative": "kwalitatief",
        "legend": "Legende",
        "assumption": "hypothese",
        "condition": "conditie",
        "risk": "risico",
        "preconditions": "Randvoorwaarden",
        "evidence": "bewijs",
        "for": "voor",
        "against": "tegen",
        "pathways": "Wegen van verandering",
        "rests-on": "steunt op",
        "sound": "geen weerlegde of ongeteste hypothese",
        "at-risk": "in gevaar",
        "affected": "geraakt",
        "legend-at-risk": "in gevaar: elke keten naar dit resultaat steunt op een weerlegde hypothese",
        "legend-affected": "geraakt: ligt na een weerlegde hypothese, maar een andere keten bereikt het nog",
        "ceiling": "Plafond van verantwoordelijkheid: het programma staat in voor de resultaten binnen het "
        "gestippelde kader",
        "as-of": "stand van de indicatoren op",
        "source": "Bron",
        "period": "periode",
        "view-pathway": "Weergave: weg van verandering",
        "view-focus": "Weergave: binnen {depth} schakel(s) van",
        "view-risk": "Weergave: wat in gevaar komt als dit niet opgaat:",
        "line-contradicted": "dikke rode lijn, ✗, donkere notitie",
        "line-untested": "stippellijn, ?, witte notitie",
        "line-mixed": "streepjeslijn, ±, oranje notitie",
        "line-supported": "dunne volle lijn, ✓, lichte notitie",
        "precondition-of": "pijl met open ruit: voorwaarde voor",
        "intervention-logic": "Interventielogica",
        "indicators": "Indicatoren (basiswaarde → streefwaarde; gerealiseerd)",
        "verification": "Verificatiebronnen",
        "assumptions": "Hypothesen",
        "baseline": "basiswaarde",
        "target": "streefwaarde",
        "actual": "gerealiseerd",
        "level": "Niveau",
        "id": "Id",
        "means-costs": "Middelen en kosten (niet opgenomen)",
        "programme": "Programma",
        "logframe": "Logframe",
    },
}


def word(key: str, lang: str | None) -> str:
    """A fixed word in ``lang`` (English when the language is not covered)."""
    table = _WORDS.get((lang or "en").split("-")[0], _WORDS["en"])
    return table.get(key, _WORDS["en"][key])


TERMS: dict[str, dict[Level, str]] = {
    "toc": {},
    "eu-pcm": {
        Level.IMPACT: "Overall objective",
        Level.OUTCOME: "Purpose",
        Level.OUTPUT: "Results",
        Level.ACTIVITY: "Activities",
    },
    "eu-prag": {
        Level.IMPACT: "Impact",
        Level.OUTCOME: "Outcome",
        Level.OUTPUT: "Outputs",
        Level.ACTIVITY: "Activities",
    },
    "dfid": {
        Level.IMPACT: "Impact",
        Level.OUTCOME: "Outcome",
        Level.OUTPUT: "Outputs",
        Level.ACTIVITY: "Inputs/activities",
    },
    "usaid": {
        Level.IMPACT: "Goal",
        Level.OUTCOME: "Purpose",
        Level.OUTPUT: "Outputs",
        Level.ACTIVITY: "Inputs",
    },
}
"""Row names of the logframe matrix by donor convention (methodology.md §1); ``toc`` uses ours."""


def row_name(level: Level, terms: str, lang: str | None) -> str:
    return TERMS[terms].get(level) or word(level.value, lang)
