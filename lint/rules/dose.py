"""Family: a daily amount of a vitamin or mineral recommended above the adult Tolerable Upper Intake Level.

Units are normalised (g, mg, mcg/µg, IU for vitamins A and D). The limits come from ``lint/data/upper_limits.yaml``
(NIH Office of Dietary Supplements). A sentence that warns about the amount ("more than", "toxic", "upper
limit"), or that is about food rather than supplements for nutrients whose limit applies to supplements only,
is not a recommendation and passes; so does a negated one (the shared context check).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import regex

from ..document import Document, Span
from ..finding import Category, Reference, Severity
from .base import CONTEXT_DEFAULT, Hit, Rule
from .family import info
from .lexicon import LazyPattern

DATA = Path(__file__).resolve().parent.parent / "data" / "upper_limits.yaml"
_F = regex.IGNORECASE | regex.V0
_UNIT_TO_BASE = {"mg": ("mg", 1.0), "milligram": ("mg", 1.0), "g": ("mg", 1000.0), "gram": ("mg", 1000.0),
                 "mcg": ("mcg", 1.0), "µg": ("mcg", 1.0), "μg": ("mcg", 1.0), "ug": ("mcg", 1.0),
                 "microgram": ("mcg", 1.0), "iu": ("iu", 1.0), "international unit": ("iu", 1.0)}
_AMOUNT = r"(?P<amount>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(?P<unit>mg|milligrams?|mcg|µg|μg|ug|micrograms?|g|grams?|IU|international\s+units?)\b"
_UNIT_AFTER_NUMBER = r"\d\s*(?:mg|milligrams?|mcg|µg|μg|ug|micrograms?|g|grams?|iu|international\s+units?)(?:[^\w]|$)"
_RECOMMEND = LazyPattern(
    r"\b(?:take|taking|have|use|using|need|needs|should|recommend\w*|dose|doses|dosage|try|swallow|aim\s+for|get|"
    r"supplement\s+with|boost|megadose\w*|start\s+with)\b", _F)
_WARNING = LazyPattern(
    r"\b(?:more\s+than|above|over|exceed\w*|upper\s+(?:intake\s+)?limit|maximum|toxic\w*|harm\w*|too\s+much|overdose\w*|"
    r"side\s+effects?|safe\s+limit|no\s+more\s+than|not\s+more\s+than|poison\w*|danger\w*|risk\w*|caus\w*|led\s+to|"
    r"hospital\w*|case\s+reports?)\b", _F)
_NOT_DAILY = LazyPattern(r"\b(?:(?:a|per|each|every|once\s+a)\s+(?:week|fortnight|month)|weekly|monthly)\b", _F)
_SPACES = LazyPattern(r"\s+")
_PLURAL_S = LazyPattern(r"s$")
_FOOD = LazyPattern(r"\bfrom\s+(?:food|foods|diet|your\s+diet|meals|natural\s+sources)\b", _F)


@dataclass(frozen=True, slots=True)
class Limit:
    name: str
    amount: float
    unit: str  # mg or mcg
    iu_per_unit: float | None
    supplemental: bool
    url: str


@lru_cache(maxsize=1)
def limits() -> tuple[dict[str, Limit], regex.Pattern[str]]:
    """Nutrient alias → limit, and the pattern of amounts; kept in the per-user cache (see ``interactions``)."""
    from ..cache import cached

    return cached([DATA], lambda: (_limits(), True), "upper-limits")


def _limits() -> tuple[dict[str, Limit], regex.Pattern[str]]:
    import yaml

    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    by_alias: dict[str, Limit] = {}
    for n in data["nutrients"]:
        limit = Limit(n["name"], float(n["amount"]), n["unit"], n.get("iu_per_unit"), bool(n.get("supplemental")), n["url"])
        for alias in n["aliases"]:
            by_alias[alias.lower()] = limit
    names = "|".join(sorted((regex.escape(a).replace(r"\ ", r"\s+") for a in by_alias), key=len, reverse=True))
    pattern = regex.compile(
        rf"{_AMOUNT}\s+(?:of\s+)?(?:(?:supplemental|extra|elemental|pure)\s+)?(?P<nutrient>{names})\b"
        rf"|\b(?P<nutrient2>{names})\b[^.!?\n]{{0,40}}?\b{_AMOUNT.replace('amount', 'amount2').replace('unit', 'unit2')}",
        _F,
    )
    return by_alias, pattern


def _to_limit_unit(value: float, unit: str, limit: Limit) -> float | None:
    base, factor = _UNIT_TO_BASE[_PLURAL_S.sub("", unit.lower().replace("international units", "international unit"))]
    if base == "iu":
        return value / limit.iu_per_unit if limit.iu_per_unit else None
    value *= factor
    if base == limit.unit:
        return value
    return value * 1000 if base == "mg" else value / 1000  # mg -> mcg, or mcg -> mg


class DoseAboveUpperLimit(Rule):
    info = info(
        code="DNG001", id="dose-above-upper-limit", category=Category.DANGEROUS_ADVICE, severity=Severity.WARNING,
        statement="A daily amount of a vitamin or mineral is recommended above the adult tolerable upper intake level.",
        verdict="dangerous", message="Recommends a daily amount above the adult tolerable upper intake level.",
        explanation="""The tolerable upper intake level (UL) is the highest daily intake unlikely to cause harm in
            almost all adults. Recommending more, without a doctor's reason and supervision, exposes readers to
            side effects: diarrhoea from supplemental magnesium, liver damage and birth defects from vitamin A,
            high calcium from vitamin D, nerve damage from vitamin B6, and so on.""",
        correction="Keep supplement advice within the adult UL (for example 350 mg a day of supplemental magnesium, "
                   "4,000 IU of vitamin D, 45 mg of iron), or say that higher doses are only for a doctor to prescribe "
                   "and monitor.",
        references=(
            Reference("NIH Office of Dietary Supplements: Dietary Supplement Fact Sheets",
                      "https://ods.od.nih.gov/factsheets/list-all/"),
            Reference("NIH ODS: Magnesium — Fact Sheet for Health Professionals",
                      "https://ods.od.nih.gov/factsheets/Magnesium-HealthProfessional/"),
        ),
        flag=(
            "Take 800 mg of magnesium a day to stop the twitching.",
            "For strong bones, have 10,000 IU of vitamin D every day.",
            "You should take 100 mg of iron daily if you feel tired.",
            "Try vitamin B6, 200 mg a day, for restless legs.",
        ),
        allow=(
            "Adults should not take more than 350 mg of supplemental magnesium a day.",
            "Take 300 mg of magnesium a day only if your doctor advises it.",
            "Doses above 4,000 IU of vitamin D a day can be harmful.",
            "A cup of cooked spinach gives about 150 mg of magnesium.",
            "Most adults need 600 to 800 IU of vitamin D a day.",
        ),
        module=__name__,
        context=CONTEXT_DEFAULT,
    )

    def prefilter(self) -> list[list[str]]:
        """Every match holds a number with a unit: the prefilter skips the many documents without one."""
        return [[_UNIT_AFTER_NUMBER]]

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        by_alias, pattern = limits()
        prose = doc.prose
        for m in pattern.finditer(prose):
            nutrient = (m.group("nutrient") or m.group("nutrient2")).lower()
            amount, unit = (m.group("amount"), m.group("unit")) if m.group("amount") else (m.group("amount2"), m.group("unit2"))
            limit = by_alias.get(_SPACES.sub(" ", nutrient))
            if limit is None:
                continue
            value = _to_limit_unit(float(amount.replace(",", "")), unit, limit)
            if value is None or value <= limit.amount:
                continue
            sentence = doc.sentence_at(m.start())
            if not _RECOMMEND.search(prose, sentence.start, sentence.end) or _WARNING.search(prose, sentence.start, sentence.end):
                continue
            if limit.supplemental and _FOOD.search(prose, sentence.start, sentence.end):
                continue
            if _NOT_DAILY.search(prose, sentence.start, sentence.end):
                continue  # the limit is per day; weekly or monthly doses are another matter
            shown = f"{limit.amount:,.0f} {limit.unit}"
            yield Hit(Span(m.start(), m.end()), message=(
                f"Recommends {amount} {unit} of {limit.name}; the adult upper limit is {shown} a day"
                f"{' from supplements' if limit.supplemental else ''} ({limit.url})."))


RULES = [DoseAboveUpperLimit()]
