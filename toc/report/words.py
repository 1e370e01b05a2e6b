"""The fixed words of the assessment report, in English and Dutch (others fall back to English).

Model text (statements, labels) comes from the model in the chosen language; these are the
headings and column names around it.
"""

from __future__ import annotations

__all__ = ["word"]

_EN: dict[str, str] = {
    "title": "Assessment of the theory of change",
    "programme": "Programme",
    "period": "Period",
    "as-of": "Indicator status as of",
    "method": "Method",
    "method-text": (
        "Assumption status is derived from the recorded evidence (stance weighted by strength). "
        "Confidence is a Bayesian posterior (contribution tracing): each independent observation updates "
        "the prior with its sensitivity P(E|H) and type I error P(E|¬H). Defaults and formulas are in the "
        "annex."
    ),
    "summary": "Summary",
    "assumptions": "Assumption register",
    "links": "Causal links and contribution claims",
    "pathways": "Pathways of change and their confidence",
    "results": "Results: confidence and risk",
    "indicators": "Indicator progress",
    "harvest": "Outcome harvest",
    "recommendations": "Recommendations and the findings they answer",
    "annex": "Annex: how the numbers are computed",
    "diagram": "Diagram",
    "no-diagram": "The diagram is not included: {reason}.",
    "id": "Id",
    "statement": "Statement",
    "kind": "Kind",
    "importance": "Importance",
    "likelihood": "Likelihood",
    "declared": "Declared status",
    "derived": "Derived status",
    "status": "Status",
    "confidence": "Confidence",
    "posterior": "Posterior",
    "prior": "Prior",
    "triangulation": "Triangulation",
    "default": "default",
    "applies-to": "Applies to",
    "unattached": "not attached to any link",
    "mitigation": "Mitigation",
    "rationale": "Rationale",
    "evidence": "Evidence",
    "no-evidence": "No evidence recorded.",
    "weights": "support weight {s:g}, contradiction weight {c:g}",
    "mismatch": "but the evidence says {derived}",
    "arithmetic": "Arithmetic",
    "step": "#",
    "item": "Evidence item",
    "observed": "Observed",
    "found": "found",
    "absent": "absent",
    "basis": "Basis of Se, α",
    "lr": "LR",
    "before": "P before",
    "calculation": "Calculation",
    "after": "P after",
    "not-counted": "Not counted",
    "combined": "one observation ({group}): LR {ratios} = {product}",
    "combined-capped": (
        "one observation ({group}): LR {ratios} = {product}, capped at its most probative item"
    ),
    "reason": "Reason",
    "prior-of": "prior {p} ({basis})",
    "posterior-of": "posterior {p}",
    "low": "below the threshold {t}",
    "tri-text": "{level}: {items} item(s), {sources} independent source(s), {methods} method(s) ({names})",
    "tri-docs": "documents: {docs}; investigators: {inv}",
    "tri-agree": "the found items agree",
    "tri-disagree": "the found items do not all agree",
    "method-col": "Method",
    "source": "Source",
    "sample": "n",
    "stance": "Stance",
    "test": "Test",
    "cites": "Cited in",
    "harvest-ref": "harvest record {id}",
    "link": "Link",
    "from-to": "From → to",
    "rests-on": "Rests on",
    "weakest": "Weakest factor",
    "broken": "Broken by",
    "joint": "Joint (best chain) if independent",
    "pathway": "Pathway",
    "label": "Label",
    "n-links": "Links",
    "weakest-link": "Weakest link",
    "none": "none",
    "claim": "Claim",
    "about": "About",
    "node": "Result",
    "level": "Level",
    "best-chain": "Best-supported chain",
    "at-risk": "At risk",
    "affected-by": "Affected by",
    "yes": "yes",
    "no": "no",
    "unreached": "not reached from any activity",
    "indicator": "Indicator",
    "baseline": "Baseline",
    "target": "Target",
    "actual": "Actual",
    "progress": "Progress",
    "elapsed": "Period elapsed",
    "results-evidence": "Evidence about results",
    "change": "Change",
    "social-actor": "Social actor",
    "when": "When",
    "where": "Where",
    "significance": "Significance",
    "contribution": "Contribution of the programme",
    "substantiation": "Substantiation",
    "not-substantiated": "not substantiated",
    "relates-to": "Relates to",
    "used-by": "Used as evidence by",
    "no-harvest": "No outcome-harvest records.",
    "recommendation": "Recommendation",
    "addressee": "Addressee",
    "priority": "Priority",
    "responds-to": "Responds to",
    "finding": "Finding",
    "no-recommendations": "No recommendations recorded.",
    "s-assumptions": "Assumptions: {n} ({counts}).",
    "s-low": "Claims with a posterior below {t}: {items}.",
    "s-indicators": "Indicators: {n} ({counts}) as of {date}.",
    "s-pathways": "Pathways: {items}.",
    "s-risk": "Results at risk (every chain to them is broken): {items}.",
    "s-unattached": "Assumptions not attached to any link: {items}.",
    "formulas": "Formulas",
    "defaults": "Default sensitivity and type I error",
    "independence": "Independence",
    "independence-text": (
        "Items that share an independence group (their group, else their source) are one observation: "
        "the group updates the claim once, with the product of its items' likelihood ratios, capped at the "
        "ratio of its most probative item (the one furthest from 1). Items that agree do not compound; "
        "items that disagree partly cancel. "
        "With a likelihood ratio LR: P(H|E) = LR·P(H) / (LR·P(H) + 1 − P(H))."
    ),
    "untyped-straw": (
        "Items with neither probabilities nor a test type are read as straws in the wind whose lean follows "
        "their strength (weak {w}, moderate {m}, strong {s}); against the claim, Se and α are swapped."
    ),
    "untyped-exclude": "Items with neither probabilities nor a test type are left out of the posteriors.",
    "priors-text": (
        "Priors: as recorded; else, for an assumption, its likelihood (almost certain {ac}, likely {l}, "
        "unlikely {u}); else {d}."
    ),
    "confidence-text": (
        "A link's confidence is the smallest of its own posterior and those of the assumptions and "
        "conditions it rests on (1 − P for a risk). A chain is no stronger than its weakest link; where "
        "there are parallel routes, the best one counts: a result's confidence is that of its best chain "
        "from an activity, and a pathway's that of its weakest end result, each reached by its best chain "
        "inside the pathway. The joint value multiplies the distinct factors of those best chains: their "
        "worth if every factor were independent."
    ),
    "straw-in-the-wind": "straw in the wind",
    "hoop": "hoop",
    "smoking-gun": "smoking gun",
    "doubly-decisive": "doubly decisive",
    "explicit": "as recorded",
    "assumption": "assumption",
    "condition": "condition",
    "risk": "risk",
    "untested": "untested",
    "supported": "supported",
    "contradicted": "contradicted",
    "mixed": "mixed",
    "supports": "supports",
    "contradicts": "contradicts",
    "weak": "weak",
    "moderate": "moderate",
    "strong": "strong",
    "achieved": "achieved",
    "on-track": "on track",
    "off-track": "off track",
    "not-achieved": "not achieved",
    "no-data": "no data",
    "qualitative": "qualitative",
    "activity": "activity",
    "output": "output",
    "outcome": "outcome",
    "impact": "impact",
    "link-kind": "link",
    "claim-kind": "claim",
    "none-level": "no evidence",
    "single-source": "single source",
    "single-method": "one method",
    "triangulated": "triangulated",
}

_NL: dict[str, str] = {
    "title": "Beoordeling van de veranderingstheorie",
    "programme": "Programma",
    "period": "Periode",
    "as-of": "Stand van de indicatoren op",
    "method": "Methode",
    "method-text": (
        "De status van een hypothese volgt uit het geregistreerde bewijs (richting gewogen naar sterkte). "
        "Het vertrouwen is een Bayesiaanse a-posteriorikans (contribution tracing): elke onafhankelijke "
        "waarneming werkt de a-priorikans bij met haar sensitiviteit P(E|H) en fout van de eerste soort "
        "P(E|¬H). Standaardwaarden en formules staan in de bijlage."
    ),
    "summary": "Samenvatting",
    "assumptions": "Register van hypothesen",
    "links": "Oorzakelijke schakels en bijdrageclaims",
    "pathways": "Wegen van verandering en hun betrouwbaarheid",
    "results": "Resultaten: betrouwbaarheid en risico",
    "indicators": "Voortgang van de indicatoren",
    "harvest": "Outcome harvesting",
    "recommendations": "Aanbevelingen en de bevindingen waarop ze antwoorden",
    "annex": "Bijlage: hoe de cijfers berekend zijn",
    "diagram": "Schema",
    "no-diagram": "Het schema is niet opgenomen: {reason}.",
    "statement": "Omschrijving",
    "kind": "Soort",
    "importance": "Belang",
    "likelihood": "Waarschijnlijkheid",
    "declared": "Opgegeven status",
    "derived": "Afgeleide status",
    "confidence": "Vertrouwen",
    "triangulation": "Triangulatie",
    "default": "standaard",
    "posterior": "A-posteriori",
    "prior": "A-priori",
    "applies-to": "Geldt voor",
    "unattached": "aan geen enkele schakel verbonden",
    "mitigation": "Beheersmaatregel",
    "rationale": "Verantwoording",
    "evidence": "Bewijs",
    "no-evidence": "Geen bewijs geregistreerd.",
    "weights": "gewicht voor {s:g}, gewicht tegen {c:g}",
    "mismatch": "maar het bewijs zegt {derived}",
    "arithmetic": "Berekening",
    "item": "Bewijsstuk",
    "observed": "Waargenomen",
    "found": "gevonden",
    "absent": "afwezig",
    "basis": "Herkomst Se, α",
    "before": "P vooraf",
    "calculation": "Berekening",
    "after": "P achteraf",
    "not-counted": "Niet meegeteld",
    "combined": "één waarneming ({group}): LR {ratios} = {product}",
    "combined-capped": "één waarneming ({group}): LR {ratios} = {product}, begrensd tot het sterkste stuk",
    "reason": "Reden",
    "prior-of": "a-priori {p} ({basis})",
    "posterior-of": "a-posteriori {p}",
    "low": "onder de drempel {t}",
    "tri-text": (
        "{level}: {items} stuk(ken), {sources} onafhankelijke bron(nen), {methods} methode(n) ({names})"
    ),
    "tri-docs": "documenten: {docs}; onderzoekers: {inv}",
    "tri-agree": "de gevonden stukken wijzen dezelfde kant op",
    "tri-disagree": "de gevonden stukken wijzen niet allemaal dezelfde kant op",
    "method-col": "Methode",
    "source": "Bron",
    "stance": "Richting",
    "cites": "Vindplaats",
    "harvest-ref": "harvest-record {id}",
    "link": "Schakel",
    "from-to": "Van → naar",
    "rests-on": "Steunt op",
    "weakest": "Zwakste factor",
    "broken": "Gebroken door",
    "joint": "Samen (beste keten), indien onafhankelijk",
    "pathway": "Weg van verandering",
    "label": "Naam",
    "n-links": "Schakels",
    "weakest-link": "Zwakste schakel",
    "none": "geen",
    "claim": "Claim",
    "about": "Over",
    "node": "Resultaat",
    "level": "Niveau",
    "best-chain": "Best onderbouwde keten",
    "at-risk": "In gevaar",
    "affected-by": "Geraakt door",
    "yes": "ja",
    "no": "nee",
    "unreached": "door geen enkele activiteit bereikt",
    "indicator": "Indicator",
    "baseline": "Basiswaarde",
    "target": "Streefwaarde",
    "actual": "Gerealiseerd",
    "progress": "Voortgang",
    "elapsed": "Verstreken periode",
    "results-evidence": "Bewijs over resultaten",
    "change": "Verandering",
    "social-actor": "Sociale actor",
    "when": "Wanneer",
    "where": "Waar",
    "significance": "Betekenis",
    "contribution": "Bijdrage van het programma",
    "substantiation": "Staving",
    "not-substantiated": "niet gestaafd",
    "relates-to": "Heeft betrekking op",
    "used-by": "Gebruikt als bewijs door",
    "no-harvest": "Geen outcome-harvestrecords.",
    "recommendation": "Aanbeveling",
    "addressee": "Gericht aan",
    "priority": "Prioriteit",
    "responds-to": "Antwoordt op",
    "finding": "Bevinding",
    "no-recommendations": "Geen aanbevelingen geregistreerd.",
    "s-assumptions": "Hypothesen: {n} ({counts}).",
    "s-low": "Claims met een a-posteriorikans onder {t}: {items}.",
    "s-indicators": "Indicatoren: {n} ({counts}) op {date}.",
    "s-pathways": "Wegen van verandering: {items}.",
    "s-risk": "Resultaten in gevaar (elke keten ernaartoe is gebroken): {items}.",
    "s-unattached": "Hypothesen die aan geen schakel verbonden zijn: {items}.",
    "formulas": "Formules",
    "defaults": "Standaardwaarden voor sensitiviteit en fout van de eerste soort",
    "independence": "Onafhankelijkheid",
    "independence-text": (
        "Stukken met dezelfde onafhankelijkheidsgroep (hun groep, anders hun bron) zijn één waarneming: de "
        "groep werkt de kans één keer bij, met het product van de likelihood ratio's van haar stukken, "
        "begrensd tot die van het stuk met de meeste bewijskracht. Stukken die overeenstemmen, stapelen "
        "niet; stukken die elkaar tegenspreken, heffen elkaar deels op. "
        "Met een likelihood ratio LR: P(H|E) = LR·P(H) / (LR·P(H) + 1 − P(H))."
    ),
    "untyped-straw": (
        "Stukken zonder kansen en zonder testtype gelden als 'straw in the wind' naar hun sterkte "
        "(zwak {w}, matig {m}, sterk {s}); tegen de claim worden Se en α verwisseld."
    ),
    "untyped-exclude": "Stukken zonder kansen en zonder testtype tellen niet mee in de berekening.",
    "priors-text": (
        "A-priorikansen: zoals opgegeven; anders, voor een hypothese, haar waarschijnlijkheid (zo goed als "
        "zeker {ac}, waarschijnlijk {l}, onwaarschijnlijk {u}); anders {d}."
    ),
    "confidence-text": (
        "Het vertrouwen in een schakel is het kleinste van haar eigen a-posteriorikans en die van de "
        "hypothesen en condities waarop ze steunt (1 − P voor een risico). Een keten is niet sterker dan "
        "de zwakste schakel; waar er parallelle routes zijn, telt de beste: het vertrouwen in een resultaat "
        "is dat van de best onderbouwde keten vanaf een activiteit, dat in een weg van verandering dat van "
        "zijn zwakste eindresultaat, telkens via de beste keten binnen de weg. De gezamenlijke waarde "
        "vermenigvuldigt de verschillende factoren van die ketens, alsof ze onafhankelijk waren."
    ),
    "explicit": "zoals opgegeven",
    "assumption": "hypothese",
    "condition": "conditie",
    "risk": "risico",
    "untested": "niet getoetst",
    "supported": "ondersteund",
    "contradicted": "weerlegd",
    "mixed": "gemengd",
    "supports": "ondersteunt",
    "contradicts": "weerlegt",
    "weak": "zwak",
    "moderate": "matig",
    "strong": "sterk",
    "achieved": "bereikt",
    "on-track": "op schema",
    "off-track": "achter op schema",
    "not-achieved": "niet bereikt",
    "no-data": "geen gegevens",
    "qualitative": "kwalitatief",
    "activity": "activiteit",
    "link-kind": "schakel",
    "none-level": "geen bewijs",
    "single-source": "één bron",
    "single-method": "één methode",
    "triangulated": "getrianguleerd",
}

_WORDS = {"en": _EN, "nl": _NL}


def word(key: str, lang: str | None, **values: object) -> str:
    """A fixed phrase in ``lang`` (English where it has no translation), with ``{names}`` filled in."""
    table = _WORDS.get((lang or "en").split("-")[0], _EN)
    text = table.get(key, _EN[key])
    return text.format(**values) if values else text
