# ruff: noqa: E501  (the facts are kept as whole sentences, as the source writes them)
"""Write v4c_fcdo.xlsx: the outputs of DFID Nigeria's Voices for Change (V4C) logframe as a
practitioner keeps them in DFID's results framework (2011 template).

Facts: the V4C logframe's outputs, their impact weighting and risk rating, assumptions, indicators,
sources and the baseline (2013), milestones (2014-2016) and target (2017) of the first three
indicators, as held in fixtures/v4c.json of aptivate/intranet-logframe (the logframe tool built for
V4C), commit 0c27213ce677f3ec17c17bb153a2aac77fc473eb. What was left out or changed, and why, is
in README.md beside this file. Nothing here is made up: a cell the source leaves empty is empty.

The sheet is laid out as DFID's template is filled in, not as toc writes it: a programme title
row, one header row per indicator (OUTPUT n, Output Indicator n.m, Baseline, Milestone 1-3 and
Target with their years in the header), Planned / Achieved / Source rows under it, the output's
statement merged down the first column over all its indicators, the IMPACT WEIGHTING (%) and RISK
RATING labels in one row with their values below (the weighting typed as 20% is stored by Excel as
0.2 with a percent format), the assumptions beside their label, and a RECORD OF CHANGES sheet.
Run from the repository root: ``python tests/data/logframes/make_v4c.py``.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).parents[3]))  # run as a script from anywhere
from tests.data.logframes.dfid import finish, indicator_block, record_of_changes, statement, title_row
from tests.data.logframes.make_vvsg import saved  # the same fixed dates: the same bytes every run

HERE = Path(__file__).parent

TITLE = (
    "Voices for Change (V4C): Improving the Enabling Environment for Adolescent Girls and Women in Nigeria"
)
COLUMNS = (
    "Baseline (2013)",
    "Milestone 1 (2014)",
    "Milestone 2 (2015)",
    "Milestone 3 (2016)",
    "Target (2017)",
)

SKILLS = "Number of AGW who are in the safe space programme demonstrating:\na. A support network of at least five friends\nb. A mentor\nc. Knowledge on basic health topics\nd. Knowledge of where to receive SRH services in their geographical community\ne. Financial literacy\nf. Negotiating, influencing and relationship skills including skills specifically for the V4C programme\ng. Assertiveness\nh. Understanding of social norms/social change processes"
"""Indicator 1.3, which the source splits into two sub-indicators with their own targets."""

Indicator = tuple[str, str, tuple[str, ...], str]
"""Number, wording, values by column (Baseline … Target; none when the source gives none), source."""

# (statement, impact weighting, risk rating, assumptions, indicators)
OUTPUTS: list[tuple[str, float, str, list[str], list[Indicator]]] = [
    (
        "Adolescent girls and women with improved life skills",
        0.20,
        "Low",
        [
            "Stream level: changes in the three Streams occur at rates that mean the effects are mutually reinforcing.",
            "An increasing number of girls are reached as more SS IPs are mobilised and improve in their delivery of the CSAGE package. The 4th year marks the start of the winding down phase.",
        ],
        [
            (
                "1.1",
                "Number of girls who receive CSAGE package, across six targeted States in Northern Nigeria",
                ("0", "10,000", "40,000", "80,000", "100,000"),
                "A safe space monitoring tool to be developed by Population Council.\nCSAGE biannual field performance survey.",
            ),
            (
                "1.2",
                "Cumulative number of girls (aged 16 – 25 years) who receive innovative V4C direct package, across four targeted States",
                ("0", "3,000", "7,000", "14,000", "20,000"),
                "Safe Space monitoring tool to be developed by V4C",
            ),
            (
                "1.3a",
                f"{SKILLS}\n— Population Council Targets (with at least 4/6 skills)",
                ("tbc", "10,000", "35,000", "70,000", "72,500"),
                "A Safe Space monitoring tool to be developed jointly with Population Council.",
            ),
            (
                "1.3b",
                f"{SKILLS}\n— V4C Targets (with at least 4/8 skills)",
                ("tbc", "2,250", "5,250", "10,500", "15,000"),
                "A Safe Space monitoring tool to be developed jointly with Population Council.",
            ),
        ],
    ),
    (
        "Community of people with improved knowledge and attitudes that challenges gender discrimination",
        0.35,
        "Medium",
        [
            "V4C has resources to work at a sufficient scale to reaches critical mass to change attitudes in target audiences.",
            "Girl Hub and other gender programmes’ communications are consistent with V4C’s and there is an additive effect.",
            "Mainstream media remains relatively free of government control.",
        ],
        [
            (
                "2.1",
                "Cumulative number of people reached with V4C different key messages",
                (),
                "V4C communications campaign survey and follow-up monitoring.",
            ),
            (
                "2.2",
                "Number of people who expect other people’s attitude on key V4C issues to change",
                (),
                "KAP survey for V4C as indicator 2.3 (below) and follow-up monitoring.",
            ),
            (
                "2.3",
                "Nigerians have shifted at least X stages along the knowledge & attitudinal change scale",
                (),
                "KAP survey for V4C – with some tailoring towards issues on which V4C is working.\n"
                "Survey will be repeated annually in all V4C target locations as well as broader sample areas to give both a picture of trend dynamics in V4C focal areas as well as in broader Nigerian society.\n"
                "V4C-designed 'Continuum of Change' (stages of attitudinal/behavioural change) assessment provides fifteen narrative statements describing different levels of knowledge, attitude, and practice and rates each one 0-5, from which an overall score can be derived. Data will be made available disaggregated in a number of ways (inter alia, by state, sex, and other factors that highlight the stages of knowledge / attitudinal change).",
            ),
            (
                "2.4",
                "Number of written remarks and statements on the internet and social media supporting issues catalysed by V4C",
                (),
                "V4C communications campaign survey and follow-up monitoring.",
            ),
        ],
    ),
    (
        "Key influencers, including boys and men, with improved attitudes to girls and women",
        0.20,
        "Medium",
        [
            "Work with boys and men may create some backlash against AGW; however, monitoring and mitigation will be applied.",
            "Targeted influencers stay relevant in society.",
        ],
        [
            (
                "3.1",
                "Number of male social networks supported to challenge discriminatory social norms in V4C communities",
                (),
                "Quarterly field performance assessment and reporting by V4C and implementing partners.",
            ),
            (
                "3.2",
                "Number of men and boys who are in V4C male peer-to-peer group programme demonstrating:\na. Knowledge on the role of male socialisation, masculinity, power, privilege and control as root causes of gender inequality\nb. Communication skills – to listen to girls and women with attention and compassion, and without judgment, advice or interruptions\nc. Improved relationship skills - involving girls and women in decision making",
                (),
                "A monitoring tool to be developed.",
            ),
            (
                "3.3",
                "Cumulative number of traditional, religious and political leaders with whom V4C has engaged, who report speaking out, mentoring or taking action regarding the need to improve the status of girls and women.",
                (),
                "Survey of key influencers’ attitudes to gender issues implemented as a component within the larger KAP survey.",
            ),
            (
                "3.5",
                "Number of media personalities who endorse the ‘V4C message’ and make at least 1 supportive public communication on AGW issues/year",
                (),
                "V4C monitoring endorsements and media watch on named personalities’ public communications.",
            ),
        ],
    ),
]


def build() -> bytes:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.title = "RESULTS FRAMEWORK"
    title_row(ws, "PROGRAMME TITLE:", TITLE, 8)
    row = 3
    for k, (statement_text, weighting, risk, assumptions, indicators) in enumerate(OUTPUTS, start=1):
        top = row + 1
        for n, (number, indicator, values, source) in enumerate(indicators):
            level = f"OUTPUT {k}" if n == 0 else None
            row = indicator_block(
                ws, row, level, f"Output Indicator {number}", COLUMNS, indicator, values, source
            )
        statement(ws, top, row - 1, statement_text)
        ws.cell(row=row, column=1, value="IMPACT WEIGHTING (%)")
        ws.cell(row=row, column=4, value="RISK RATING")
        ws.cell(row=row + 1, column=1, value=weighting).number_format = "0%"
        ws.cell(row=row + 1, column=4, value=risk)
        ws.cell(row=row + 2, column=1, value="Assumptions")
        ws.cell(row=row + 2, column=2, value="\n".join(assumptions))
        ws.merge_cells(start_row=row + 2, end_row=row + 2, start_column=2, end_column=8)
        row += 4  # and an empty row between outputs
    finish(ws, (30, 45, 10, 16, 16, 16, 16, 16))
    record_of_changes(book)
    return saved(book, datetime(2013, 1, 1))


if __name__ == "__main__":
    (HERE / "v4c_fcdo.xlsx").write_bytes(build())
    sys.exit(0)
