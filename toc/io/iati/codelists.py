"""The IATI codelists the importer, the exporter and the ``iati`` rules check codes against.

The 2.03 schema checks structure only: ``measure="NDP"`` passes it. These are the codes of the
IATI Standard's codelists (https://iatistandard.org/en/iati-standard/203/codelists/, version 2.03;
Country is ISO 3166-1 alpha-2 plus XK, Language ISO 639-1, Currency ISO 4217), kept here as
facts, with the names the writer and the messages need.
"""

from __future__ import annotations

__all__ = [
    "ACTIVITY_DATE_TYPE",
    "ACTIVITY_STATUS",
    "COUNTRY",
    "CURRENCY",
    "INDICATOR_MEASURE",
    "INDICATOR_VOCABULARY",
    "LANGUAGE",
    "ORGANISATION_ROLE",
    "RESULT_TYPE",
    "SOURCE",
]

SOURCE = "https://iatistandard.org/en/iati-standard/203/codelists/"

RESULT_TYPE = {"1": "Output", "2": "Outcome", "3": "Impact", "9": "Other"}
INDICATOR_MEASURE = {"1": "Unit", "2": "Percentage", "3": "Nominal", "4": "Ordinal", "5": "Qualitative"}
INDICATOR_VOCABULARY = {
    "1": "WHO Registry",
    "2": "DAC BLOCK",
    "3": "Sphere Handbook",
    "4": "Core Humanitarian Standard",
    "5": "Joint IDP Profiling Service",
    "6": "Humanitarian Response Indicator",
    "7": "UK DfID",
    "8": "EU Results Framework",
    "9": "United Nations Sustainable Development Goals (SDG) Indicators",
    "99": "Reporting Organisation",
}
ORGANISATION_ROLE = {"1": "Funding", "2": "Accountable", "3": "Extending", "4": "Implementing"}
ACTIVITY_DATE_TYPE = {"1": "Planned start", "2": "Actual start", "3": "Planned End", "4": "Actual end"}
ACTIVITY_STATUS = {
    "1": "Pipeline/identification",
    "2": "Implementation",
    "3": "Finalisation",
    "4": "Closed",
    "5": "Cancelled",
    "6": "Suspended",
}

COUNTRY = frozenset(
    """
    AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS
    BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE
    EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM
    HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC
    LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA
    NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW
    SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO
    TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW
    """.split()
)

LANGUAGE = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da
    de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz
    ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln
    lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi
    pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti
    tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
    """.split()
)

CURRENCY = frozenset(
    """
    AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD BTN BWP
    BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB
    EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF IDR ILS INR IQD IRR ISK JMD JOD
    JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU
    MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD
    RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY
    TTD TWD TZS UAH UGX USD USN UYI UYU UYW UZS VES VED VND VUV WST XAF XCD XDR XOF XPF XSU XUA YER
    ZAR ZMW ZWL
    """.split()
)
