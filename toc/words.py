"""The one catalogue of fixed words — the headings, legends and column names that diagrams,
logframe tables and assessment reports put around the model's own text — in English and
Dutch (any other language falls back to English, word by word).

One key, one meaning: where a diagram and a report say different things, they use
different keys (the logframe's ``logframe-indicators`` column, the report's
``indicator-progress`` section). A word is stored once, in the form it takes inside a
sentence; :func:`heading` capitalises it for a heading or column, :func:`status_word`
writes an assumption status as diagrams show it.

Also here: the donors' names for the rows of a logframe (:data:`TERMS`).
"""

from __future__ import annotations

__all__ = ["LANGUAGES", "TERMS", "heading", "row_name", "status_word", "word"]

_EN: dict[str, str] = {
    # --- logframe workbooks (toc.io.logframe): the donors' own header words, which the reader
    # also recognises; the FCDO results framework is written in English only, as FCDO uses it
    "wb-results": "Results",
    "wb-chain": "Results chain",
    "wb-indicators": "Indicators",
    "wb-baselines": "Baselines (value and reference year)",
    "wb-targets": "Targets (value and reference year)",
    "wb-current": "Current value (reference year)",
    "wb-sources": "Sources and means of verification",
    "wb-assumptions": "Assumptions",
    "wb-activities": "Activities",
    "wb-means": "Means",
    "wb-eu-impact": "Impact (Overall objective)",
    "wb-eu-outcome": "Outcome (Specific objective)",
    "wb-eu-output": "Outputs",
    "wb-objectives": "Objectives",
    "wb-verification": "Means of verification",
    "wb-goal": "Goal",
    "wb-purpose": "Purpose",
    "wb-outputs": "Outputs",
    "wb-level": "Level",
    # --- shared by diagrams and reports
    "activity": "activity",
    "output": "output",
    "outcome": "outcome",
    "impact": "impact",
    "contradicted": "contradicted",
    "untested": "untested",
    "mixed": "mixed",
    "supported": "supported",
    "achieved": "achieved",
    "on-track": "on track",
    "off-track": "off track",
    "not-achieved": "not achieved",
    "no-data": "no data",
    "qualitative": "qualitative",
    "assumption": "assumption",
    "condition": "condition",
    "risk": "risk",
    "evidence": "evidence",
    "rests-on": "rests on",
    "at-risk": "at risk",
    "as-of": "indicator status as of",
    "source": "Source",
    "period": "period",
    "baseline": "baseline",
    "target": "target",
    "actual": "actual",
    "level": "Level",
    "id": "Id",
    "programme": "Programme",
    # --- diagrams and the logframe matrix
    "legend": "Legend",
    "preconditions": "Pre-conditions",
    "for": "for",
    "against": "against",
    "legend-pathways": "Pathways",
    "sound": "no contradicted or untested assumption",
    "affected": "affected",
    "legend-at-risk": "at risk: every chain to this result rests on a contradicted assumption",
    "legend-affected": "affected: after a contradicted assumption, but another chain still reaches it",
    "off-route": "reached off-theory",
    "legend-off-route": (
        "reached off-theory: observed, though every chain to it rests on a contradicted assumption; "
        "the programme got there by a route the theory does not describe"
    ),
    "unintended": "unintended",
    "negative": "negative",
    "legend-unintended": "unintended: a result the programme did not plan (dashed border)",
    "legend-negative": "negative: a result that harms (red fill)",
    "judged": "judged",
    "undated": "undated",
    "milestone": "milestone",
    "legend-judged": "judged: the status is an evaluator's verdict, not a measurement",
    "ceiling": "Ceiling of accountability: the programme answers for the results inside the dashed frame",
    "view-pathway": "View: pathway",
    "view-focus": "View: within {depth} link(s) of",
    "view-risk": "View: what is at risk if this does not hold:",
    "line-contradicted": "thick red line, ✗, dark note",
    "line-untested": "dotted line, ?, white note",
    "line-mixed": "dashed line, ±, orange note",
    "line-supported": "thin solid line, ✓, pale note",
    "precondition-of": "open-diamond arrow: precondition of",
    "intervention-logic": "Intervention logic",
    "logframe-indicators": "Indicators (baseline → target; actual)",
    "verification": "Means of verification",
    "logframe-assumptions": "Assumptions",
    "means-costs": "Means and costs (not recorded)",
    "logframe": "Logframe matrix",
    # --- assessment reports
    "title": "Assessment of the theory of change",
    "method": "Method",
    "method-text": (
        "Assumption status is derived from the recorded evidence (stance weighted by strength). Confidence "
        "is a Bayesian posterior (contribution tracing): each independent observation updates the prior "
        "with its sensitivity P(E|H) and type I error P(E|¬H). Defaults and formulas are in the annex."
    ),
    "summary": "Summary",
    "assumption-register": "Assumption register",
    "links": "Causal links and contribution claims",
    "pathways-confidence": "Pathways of change and their confidence",
    "results": "Results: confidence and risk",
    "indicator-progress": "Indicator progress",
    "harvest": "Outcome harvest",
    "recommendations": "Recommendations and the findings they answer",
    "annex": "Annex: how the numbers are computed",
    "diagram": "Diagram",
    "no-diagram": "The diagram is not included: {reason}.",
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
    "sample": "n",
    "stance": "Stance",
    "test": "Test",
    "cites": "Cited in",
    "harvest-ref": "harvest record {id}",
    "link": "Link",
    "from-to": "From → to",
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
    "best-chain": "Best-supported chain",
    "affected-by": "Affected by",
    "yes": "yes",
    "no": "no",
    "unreached": "not reached from any activity",
    "indicator": "Indicator",
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
    "s-off-route": (
        "Results observed although every chain to them is broken, reached by a route the theory "
        "does not describe: {items}."
    ),
    "s-unplanned": "Unintended or negative results: {items}.",
    "s-unattached": "Assumptions not attached to any link: {items}.",
    "formulas": "Formulas",
    "defaults": "Default sensitivity and type I error",
    "independence": "Independence",
    "independence-text": (
        "Items that share an independence group (their group, else their source) are one observation: the "
        "group updates the claim once, with the product of its items' likelihood ratios, capped at the "
        "ratio of its most probative item (the one furthest from 1). Items that agree do not compound; "
        "items that disagree partly cancel. With a likelihood ratio LR: P(H|E) = LR·P(H) / (LR·P(H) + 1 − "
        "P(H))."
    ),
    "untyped-straw": (
        "Items with neither probabilities nor a test type are read as straws in the wind whose lean "
        "follows their strength (weak {w}, moderate {m}, strong {s}); against the claim, Se and α are "
        "swapped."
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
    "supports": "supports",
    "contradicts": "contradicts",
    "weak": "weak",
    "moderate": "moderate",
    "strong": "strong",
    "link-kind": "link",
    "claim-kind": "claim",
    "none-level": "no evidence",
    "single-source": "single source",
    "single-method": "one method",
    "triangulated": "triangulated",
    # --- the interactive explorer (toc.export.explorer)
    "x-search": "Search",
    "x-search-label": "Search labels and statements",
    "x-filters": "Filters",
    "x-pathway": "Pathway",
    "x-level": "Level",
    "x-assumption-status": "Assumption status",
    "x-indicator-status": "Indicator status",
    "x-at-risk-only": "At risk or affected only",
    "x-all": "all",
    "x-language": "Language",
    "x-fit": "Fit",
    "x-zoom-in": "Zoom in",
    "x-zoom-out": "Zoom out",
    "x-close": "Close",
    "x-diagram": "Diagram: drag or use the arrow keys to pan, + and - to zoom, 0 to fit",
    "x-details": "Details",
    "x-overview": "Overview of the whole diagram",
    "x-result": "result",
    "x-link": "link",
    "x-evidence": "Evidence",
    "x-evidence-for": "Evidence for",
    "x-evidence-against": "Evidence against",
    "x-evidence-mixed": "Mixed evidence",
    "x-quote": "Quote",
    "x-sample-size": "Sample size",
    "x-source": "Source",
    "x-citation": "Citation",
    "x-date": "Date",
    "x-strength": "Strength",
    "x-indicators": "Indicators",
    "x-rests-on": "Rests on",
    "x-resting": "What rests on it",
    "x-downstream": "Results downstream",
    "x-pathways": "Pathways",
    "x-from": "From",
    "x-to": "To",
    "x-no-match": "Nothing matches.",
    "x-matches": "{n} matches",
    "x-comment": "Comment",
    "x-unit": "Unit",
    "x-verdict": "Verdict (judged, not measured)",
    "x-judged-by": "by",
    "x-unintended": "unintended result",
    "x-negative": "negative result",
    "x-owner": "Owner",
    "x-weights": "Support weight {s}, contradiction weight {c}",
    "x-confidence": "Confidence",
    "x-chain": "Highlight upstream and downstream",
    "x-keys": "Keys: / search, Esc close, + - 0 zoom, arrows pan, Tab and Enter to pick an element",
    "x-one-language": ("The diagram is drawn in {lang} only (large model); the panels follow the language."),
    # --- toc diff
    "diff-title": "Changes to the theory of change",
    "diff-no-change": "no change of meaning",
    "diff-summary": "{added} added, {removed} removed, {changed} changed, {renamed} renamed",
    "diff-changes": "changes",
    "diff-all-changes": "all {count} changes",
    "diff-findings-moved": "{count} findings of toc check new or resolved",
    "diff-consequences": "what the changes do to the conclusions",
    "diff-added": "added",
    "diff-removed": "removed",
    "diff-changed": "changed",
    "diff-renamed": "renamed",
    "diff-same-content": "same content",
    "diff-none": "(none)",
    "diff-change": "change",
    "diff-kind": "kind",
    "diff-field": "field",
    "diff-old": "old",
    "diff-new": "new",
    "diff-assumption-status": "derived status",
    "diff-risk": "risk",
    "diff-indicator-status": "indicator status",
    "diff-pathway-confidence": "pathway confidence",
    "diff-finding": "finding of toc check",
    "diff-newly-at-risk": "newly at risk",
    "diff-no-longer-at-risk": "no longer at risk",
    "diff-new-finding": "new finding",
    "diff-resolved-finding": "resolved finding",
}


_NL: dict[str, str] = {
    "wb-results": "Resultaten",
    "wb-chain": "Resultatenketen",
    "wb-indicators": "Indicatoren",
    "wb-baselines": "Basiswaarden (waarde en referentiejaar)",
    "wb-targets": "Streefwaarden (waarde en referentiejaar)",
    "wb-current": "Huidige waarde (referentiejaar)",
    "wb-sources": "Bronnen en verificatiemiddelen",
    "wb-assumptions": "Aannames",
    "wb-activities": "Activiteiten",
    "wb-means": "Middelen",
    "wb-eu-impact": "Impact (Algemene doelstelling)",
    "wb-eu-outcome": "Outcome (Specifieke doelstelling)",
    "wb-eu-output": "Outputs",
    "wb-objectives": "Doelstellingen",
    "wb-verification": "Verificatiebronnen",
    "wb-goal": "Algemene doelstelling",
    "wb-purpose": "Specifieke doelstelling",
    "wb-outputs": "Outputs",
    "wb-level": "Niveau",
    # --- shared by diagrams and reports
    "activity": "activiteit",
    "output": "output",
    "outcome": "outcome",
    "impact": "impact",
    "contradicted": "weerlegd",
    "untested": "niet getoetst",
    "mixed": "gemengd",
    "supported": "ondersteund",
    "achieved": "bereikt",
    "on-track": "op schema",
    "off-track": "achter op schema",
    "not-achieved": "niet bereikt",
    "no-data": "geen gegevens",
    "qualitative": "kwalitatief",
    "assumption": "hypothese",
    "condition": "conditie",
    "risk": "risico",
    "evidence": "bewijs",
    "rests-on": "steunt op",
    "at-risk": "in gevaar",
    "as-of": "stand van de indicatoren op",
    "source": "Bron",
    "period": "periode",
    "baseline": "basiswaarde",
    "target": "streefwaarde",
    "actual": "gerealiseerd",
    "level": "Niveau",
    "id": "Id",
    "programme": "Programma",
    # --- diagrams and the logframe matrix
    "legend": "Legende",
    "preconditions": "Randvoorwaarden",
    "for": "voor",
    "against": "tegen",
    "legend-pathways": "Wegen van verandering",
    "sound": "geen weerlegde of ongeteste hypothese",
    "affected": "geraakt",
    "legend-at-risk": "in gevaar: elke keten naar dit resultaat steunt op een weerlegde hypothese",
    "legend-affected": "geraakt: ligt na een weerlegde hypothese, maar een andere keten bereikt het nog",
    "off-route": "buiten de theorie bereikt",
    "legend-off-route": (
        "buiten de theorie bereikt: waargenomen, hoewel elke keten ernaartoe steunt op een weerlegde "
        "hypothese; het programma kwam er langs een weg die de theorie niet beschrijft"
    ),
    "unintended": "niet beoogd",
    "negative": "negatief",
    "legend-unintended": "niet beoogd: een resultaat dat het programma niet plande (gestippelde rand)",
    "legend-negative": "negatief: een resultaat dat schaadt (rode vulling)",
    "judged": "beoordeeld",
    "undated": "zonder datum",
    "milestone": "mijlpaal",
    "legend-judged": "beoordeeld: de status is het oordeel van een evaluator, geen meting",
    "ceiling": (
        "Plafond van verantwoordelijkheid: het programma staat in voor de resultaten binnen het "
        "gestippelde kader"
    ),
    "view-pathway": "Weergave: weg van verandering",
    "view-focus": "Weergave: binnen {depth} schakel(s) van",
    "view-risk": "Weergave: wat in gevaar komt als dit niet opgaat:",
    "line-contradicted": "dikke rode lijn, ✗, donkere notitie",
    "line-untested": "stippellijn, ?, witte notitie",
    "line-mixed": "streepjeslijn, ±, oranje notitie",
    "line-supported": "dunne volle lijn, ✓, lichte notitie",
    "precondition-of": "pijl met open ruit: voorwaarde voor",
    "intervention-logic": "Interventielogica",
    "logframe-indicators": "Indicatoren (basiswaarde → streefwaarde; gerealiseerd)",
    "verification": "Verificatiebronnen",
    "logframe-assumptions": "Hypothesen",
    "means-costs": "Middelen en kosten (niet opgenomen)",
    "logframe": "Logframe",
    # --- assessment reports
    "title": "Beoordeling van de veranderingstheorie",
    "method": "Methode",
    "method-text": (
        "De status van een hypothese volgt uit het geregistreerde bewijs (richting gewogen naar sterkte). "
        "Het vertrouwen is een Bayesiaanse a-posteriorikans (contribution tracing): elke onafhankelijke "
        "waarneming werkt de a-priorikans bij met haar sensitiviteit P(E|H) en fout van de eerste soort "
        "P(E|¬H). Standaardwaarden en formules staan in de bijlage."
    ),
    "summary": "Samenvatting",
    "assumption-register": "Register van hypothesen",
    "links": "Oorzakelijke schakels en bijdrageclaims",
    "pathways-confidence": "Wegen van verandering en hun betrouwbaarheid",
    "results": "Resultaten: betrouwbaarheid en risico",
    "indicator-progress": "Voortgang van de indicatoren",
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
    "posterior": "A-posteriori",
    "prior": "A-priori",
    "triangulation": "Triangulatie",
    "default": "standaard",
    "applies-to": "Geldt voor",
    "unattached": "aan geen enkele schakel verbonden",
    "mitigation": "Beheersmaatregel",
    "rationale": "Verantwoording",
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
    "stance": "Richting",
    "cites": "Vindplaats",
    "harvest-ref": "harvest-record {id}",
    "link": "Schakel",
    "from-to": "Van → naar",
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
    "best-chain": "Best onderbouwde keten",
    "affected-by": "Geraakt door",
    "yes": "ja",
    "no": "nee",
    "unreached": "door geen enkele activiteit bereikt",
    "indicator": "Indicator",
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
    "s-off-route": (
        "Resultaten die waargenomen zijn hoewel elke keten ernaartoe gebroken is, bereikt langs een "
        "weg die de theorie niet beschrijft: {items}."
    ),
    "s-unplanned": "Niet beoogde of negatieve resultaten: {items}.",
    "s-unattached": "Hypothesen die aan geen schakel verbonden zijn: {items}.",
    "formulas": "Formules",
    "defaults": "Standaardwaarden voor sensitiviteit en fout van de eerste soort",
    "independence": "Onafhankelijkheid",
    "independence-text": (
        "Stukken met dezelfde onafhankelijkheidsgroep (hun groep, anders hun bron) zijn één waarneming: de "
        "groep werkt de kans één keer bij, met het product van de likelihood ratio's van haar stukken, "
        "begrensd tot die van het stuk met de meeste bewijskracht. Stukken die overeenstemmen, stapelen "
        "niet; stukken die elkaar tegenspreken, heffen elkaar deels op. Met een likelihood ratio LR: "
        "P(H|E) = LR·P(H) / (LR·P(H) + 1 − P(H))."
    ),
    "untyped-straw": (
        "Stukken zonder kansen en zonder testtype gelden als 'straw in the wind' naar hun sterkte (zwak "
        "{w}, matig {m}, sterk {s}); tegen de claim worden Se en α verwisseld."
    ),
    "untyped-exclude": "Stukken zonder kansen en zonder testtype tellen niet mee in de berekening.",
    "priors-text": (
        "A-priorikansen: zoals opgegeven; anders, voor een hypothese, haar waarschijnlijkheid (zo goed als "
        "zeker {ac}, waarschijnlijk {l}, onwaarschijnlijk {u}); anders {d}."
    ),
    "confidence-text": (
        "Het vertrouwen in een schakel is het kleinste van haar eigen a-posteriorikans en die van de "
        "hypothesen en condities waarop ze steunt (1 − P voor een risico). Een keten is niet sterker dan "
        "de zwakste schakel; waar er parallelle routes zijn, telt de beste: het vertrouwen in een "
        "resultaat is dat van de best onderbouwde keten vanaf een activiteit, dat in een weg van "
        "verandering dat van zijn zwakste eindresultaat, telkens via de beste keten binnen de weg. De "
        "gezamenlijke waarde vermenigvuldigt de verschillende factoren van die ketens, alsof ze "
        "onafhankelijk waren."
    ),
    "explicit": "zoals opgegeven",
    "supports": "ondersteunt",
    "contradicts": "weerlegt",
    "weak": "zwak",
    "moderate": "matig",
    "strong": "sterk",
    "link-kind": "schakel",
    "none-level": "geen bewijs",
    "single-source": "één bron",
    "single-method": "één methode",
    "triangulated": "getrianguleerd",
    # --- the interactive explorer (toc.export.explorer)
    "x-search": "Zoeken",
    "x-search-label": "Zoek in labels en omschrijvingen",
    "x-filters": "Filters",
    "x-pathway": "Weg van verandering",
    "x-level": "Niveau",
    "x-assumption-status": "Status van de aanname",
    "x-indicator-status": "Status van de indicator",
    "x-at-risk-only": "Alleen in gevaar of geraakt",
    "x-all": "alle",
    "x-language": "Taal",
    "x-fit": "Passend",
    "x-zoom-in": "Inzoomen",
    "x-zoom-out": "Uitzoomen",
    "x-close": "Sluiten",
    "x-diagram": (
        "Diagram: sleep of gebruik de pijltjestoetsen om te schuiven, + en - om te zoomen, 0 om te passen"
    ),
    "x-details": "Details",
    "x-overview": "Overzicht van het hele diagram",
    "x-result": "resultaat",
    "x-link": "verband",
    "x-evidence": "Bewijs",
    "x-evidence-for": "Bewijs voor",
    "x-evidence-against": "Bewijs tegen",
    "x-evidence-mixed": "Gemengd bewijs",
    "x-quote": "Citaat",
    "x-sample-size": "Steekproefgrootte",
    "x-source": "Bron",
    "x-citation": "Vindplaats",
    "x-date": "Datum",
    "x-strength": "Sterkte",
    "x-indicators": "Indicatoren",
    "x-rests-on": "Steunt op",
    "x-resting": "Wat erop steunt",
    "x-downstream": "Resultaten verderop",
    "x-pathways": "Wegen van verandering",
    "x-from": "Van",
    "x-to": "Naar",
    "x-no-match": "Niets gevonden.",
    "x-matches": "{n} gevonden",
    "x-comment": "Opmerking",
    "x-unit": "Eenheid",
    "x-verdict": "Oordeel (beoordeeld, niet gemeten)",
    "x-judged-by": "door",
    "x-unintended": "onbedoeld resultaat",
    "x-negative": "negatief resultaat",
    "x-owner": "Verantwoordelijke",
    "x-weights": "Gewicht voor {s}, gewicht tegen {c}",
    "x-confidence": "Vertrouwen",
    "x-chain": "Markeer wat ervoor en erna komt",
    "x-keys": "Toetsen: / zoeken, Esc sluiten, + - 0 zoomen, pijltjes schuiven, Tab en Enter om te kiezen",
    "x-one-language": (
        "Het diagram is alleen in het {lang} getekend (groot model); de panelen volgen de taal."
    ),
    # --- toc diff
    "diff-title": "Wijzigingen in de theorie van verandering",
    "diff-no-change": "geen inhoudelijke wijziging",
    "diff-summary": "{added} toegevoegd, {removed} verwijderd, {changed} gewijzigd, {renamed} hernoemd",
    "diff-changes": "wijzigingen",
    "diff-all-changes": "alle {count} wijzigingen",
    "diff-findings-moved": "{count} bevindingen van toc check nieuw of opgelost",
    "diff-consequences": "wat de wijzigingen aan de conclusies veranderen",
    "diff-added": "toegevoegd",
    "diff-removed": "verwijderd",
    "diff-changed": "gewijzigd",
    "diff-renamed": "hernoemd",
    "diff-same-content": "zelfde inhoud",
    "diff-none": "(geen)",
    "diff-change": "wijziging",
    "diff-kind": "soort",
    "diff-field": "veld",
    "diff-old": "oud",
    "diff-new": "nieuw",
    "diff-assumption-status": "afgeleide status",
    "diff-risk": "risico",
    "diff-indicator-status": "status van de indicator",
    "diff-pathway-confidence": "vertrouwen in de weg van verandering",
    "diff-finding": "bevinding van toc check",
    "diff-newly-at-risk": "nu in gevaar",
    "diff-no-longer-at-risk": "niet langer in gevaar",
    "diff-new-finding": "nieuwe bevinding",
    "diff-resolved-finding": "opgeloste bevinding",
}

_WORDS = {"en": _EN, "nl": _NL}
LANGUAGES = tuple(_WORDS)
"""The languages the catalogue covers."""


def word(key: str, lang: str | None, **values: object) -> str:
    """A fixed word or phrase in ``lang`` (English where it has no translation), with
    ``{names}`` filled in from ``values`` when any are given."""
    table = _WORDS.get((lang or "en").split("-")[0], _EN)
    text = table.get(key, _EN[key])
    return text.format(**values) if values else text


def heading(key: str, lang: str | None, **values: object) -> str:
    """The word as a heading or column name: its first letter a capital."""
    text = word(key, lang, **values)
    return text[:1].upper() + text[1:]


LOUD_STATUSES = frozenset({"contradicted", "untested", "mixed"})
"""Assumption statuses that need attention: diagrams write them in capitals."""


def status_word(status: str, lang: str | None) -> str:
    """An assumption status as a diagram writes it: ``CONTRADICTED``, but ``supported``."""
    text = word(status, lang)
    return text.upper() if status in LOUD_STATUSES else text


TERMS: dict[str, dict[str, str]] = {
    "toc": {},
    "eu-pcm": {
        "impact": "Overall objective",
        "outcome": "Purpose",
        "output": "Results",
        "activity": "Activities",
    },
    "eu-prag": {
        "impact": "Impact",
        "outcome": "Outcome",
        "output": "Outputs",
        "activity": "Activities",
    },
    "dfid": {
        "impact": "Impact",
        "outcome": "Outcome",
        "output": "Outputs",
        "activity": "Inputs/activities",
    },
    "usaid": {
        "impact": "Goal",
        "outcome": "Purpose",
        "output": "Outputs",
        "activity": "Inputs",
    },
}
"""Row names of the logframe matrix by donor convention, by level; ``toc`` uses the catalogue's
level words."""


def row_name(level: str, terms: str, lang: str | None) -> str:
    """The logframe row name of a level (``activity`` …) under a donor's ``terms``."""
    return TERMS[terms].get(level) or heading(level, lang)
