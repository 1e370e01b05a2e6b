"""Synthetic models of any size with realistic proportions, as YAML text (deterministic per seed).

Per 100 nodes: 45 activities, 30 outputs, 20 outcomes, 5 impacts; about 130 links
(each node linked to one above it, plus cross-links that skip or share targets);
one assumption per four links; indicators on 60 % of outputs, outcomes and impacts,
each with a baseline and 1–3 periods; two evidence items per assumption; a pathway
and a recommendation per 20 nodes; a third of the labels in two languages.

Written in the free-graph shape (what ``toc fmt`` produces), as text built directly
so that generating 100k nodes takes seconds and does not depend on the code measured.
Used by every benchmark: ``from benchmarks.synth import synth_yaml``.
"""

from __future__ import annotations

import random

__all__ = ["synth_yaml"]

_LEVELS = (("activity", 45), ("output", 30), ("outcome", 20), ("impact", 5))
_PREFIX = {"activity": "act", "output": "op", "outcome": "oc", "impact": "imp"}
_WORDS = [
    "households",
    "municipalities",
    "partners",
    "schools",
    "farmers",
    "cooperatives",
    "water",
    "health",
    "training",
    "capacity",
    "policy",
    "budget",
    "access",
    "quality",
    "services",
    "youth",
    "women",
    "markets",
    "data",
    "plans",
]
_METHODS = ("document-review", "monitoring-data", "survey", "interview", "focus-group", "site-visit")
_STANCES = ("supports", "supports", "contradicts", "mixed")


def _counts(n_nodes: int) -> dict[str, int]:
    counts = {level: max(1, n_nodes * share // 100) for level, share in _LEVELS}
    counts["activity"] += n_nodes - sum(counts.values())  # rounding goes to the activities
    return counts


def synth_yaml(n_nodes: int, seed: int = 0) -> str:
    """A valid model of about ``n_nodes`` result nodes (at least 4), as YAML text."""
    rng = random.Random(seed)
    n_nodes = max(4, n_nodes)
    out: list[str] = []
    w = out.append

    def phrase(k: int = 4) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(k)).capitalize()

    def label(prefix: str = "label") -> None:
        if rng.random() < 1 / 3:
            w(f"    {prefix}: {{en: {phrase()}, nl: {phrase()}}}")
        else:
            w(f"    {prefix}: {phrase(6)}")

    w("toc: 1")
    w("languages: [en, nl]")
    w("programme:")
    w(f"  id: synth-{n_nodes}")
    w(f"  title: Synthetic programme of {n_nodes} results")
    w("  period: {start: 2017-01, end: 2021-12}")
    w("  budget: {amount: 12500000, currency: EUR}")
    w("sources:")
    n_sources = 3
    for s in range(n_sources):
        w(f"  - id: src-{s}")
        w(f"    title: Evaluation report volume {s + 1}")
        w("    kind: evaluation-report")
        w("    date: 2020-06")

    counts = _counts(n_nodes)
    ids: dict[str, list[str]] = {}
    w("nodes:")
    for level, _ in _LEVELS:
        ids[level] = [f"{_PREFIX[level]}-{i}" for i in range(counts[level])]
        for ident in ids[level]:
            w(f"  - id: {ident}")
            w(f"    level: {level}")
            label()
            if level == "outcome":
                w(f"    horizon: {rng.choice(('short', 'intermediate', 'long'))}")
            if level != "activity" and rng.random() < 0.6:
                w("    indicators:")
                w(f"      - id: ind-{ident}")
                w(f"        label: Share of {phrase(3).lower()}")
                w("        measure: percentage")
                base = rng.randint(0, 50)
                w(f"        baseline: {{year: 2016, value: {base}}}")
                w("        periods:")
                for p in range(rng.randint(1, 3)):
                    year = 2017 + p
                    target = base + 10 * (p + 1)
                    actual = base + rng.randint(0, 12 * (p + 1))
                    w(
                        f"          - {{start: {year}-01, end: {year}-12, "
                        f"target: {{value: {target}}}, actual: {{value: {actual}}}}}"
                    )
                w("        means_of_verification: annual monitoring report")

    above = {"activity": "output", "output": "outcome", "outcome": "impact"}
    links: list[str] = []
    pairs: set[tuple[str, str]] = set()
    for level, parent in above.items():
        for ident in ids[level]:
            pairs.add((ident, rng.choice(ids[parent])))
    extra = round(n_nodes * 1.3) - len(pairs)
    lower = [(i, level) for level in above for i in ids[level]]
    for _ in range(20 * max(0, extra)):  # bounded: tiny models may run out of new pairs
        if extra <= 0:
            break
        src, level = rng.choice(lower)
        targets = ids[above[level]] if rng.random() < 0.8 else ids["outcome"] + ids["impact"]
        pair = (src, rng.choice(targets))
        if pair[0] != pair[1] and pair not in pairs:
            pairs.add(pair)
            extra -= 1
    ordered = sorted(pairs, key=lambda p: (p[0].split("-")[0], int(p[0].split("-")[1]), p[1]))
    n_assumptions = max(1, len(ordered) // 4)
    assumption_ids = [f"as-{i}" for i in range(n_assumptions)]
    resting = rng.sample(range(len(ordered)), n_assumptions)
    on_link = {index: assumption_ids[k] for k, index in enumerate(resting)}
    w("links:")
    for index, (src, dst) in enumerate(ordered):
        links.append(f"{src}->{dst}")
        w(f"  - from: {src}")
        w(f"    to: {dst}")
        if rng.random() < 0.3:
            w(f"    rationale: {phrase(8)}")
        if index in on_link:
            w(f"    assumptions: [{on_link[index]}]")

    w("assumptions:")
    for ident in assumption_ids:
        w(f"  - id: {ident}")
        label("statement")
        w(f"    kind: {rng.choice(('assumption', 'assumption', 'risk', 'condition'))}")
        w(f"    importance: {rng.choice(('low', 'medium', 'high'))}")
        w(f"    likelihood: {rng.choice(('almost-certain', 'likely', 'unlikely'))}")

    w("evidence:")
    for k in range(2 * n_assumptions):
        w(f"  - id: ev-{k}")
        w(f"    about: [{rng.choice(assumption_ids)}]")
        w(f"    summary: {phrase(10)}")
        w(f"    method: {rng.choice(_METHODS)}")
        w(f"    source: {rng.choice(('survey 2019', 'interviews 2019', 'monitoring data', 'site visits'))}")
        w(f"    sample_size: {rng.randint(5, 800)}")
        w(f"    stance: {rng.choice(_STANCES)}")
        w(f"    strength: {rng.choice(('weak', 'moderate', 'strong'))}")
        w(f"    cite: {{source: src-{rng.randrange(n_sources)}, locator: p. {rng.randint(1, 200)}}}")

    n_groups = max(1, n_nodes // 20)
    w("pathways:")
    for k in range(n_groups):
        chosen = sorted(rng.sample(range(len(links)), min(len(links), 8)))
        w(f"  - id: pw-{k}")
        w(f"    label: Pathway {k + 1}")
        w(f"    links: [{', '.join(links[i] for i in chosen)}]")
    w("recommendations:")
    for k in range(n_groups):
        w(f"  - id: rec-{k}")
        w(f"    text: {phrase(9)}")
        w(f"    responds_to: [{rng.choice(assumption_ids)}]")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - manual use
    import sys

    sys.stdout.write(synth_yaml(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
