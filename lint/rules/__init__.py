"""Rule kinds (phrase, cooccur, substitution) and the rule families written in Python.

Families are listed here explicitly, one module each, so a reader sees the whole set in one place.
"""
from __future__ import annotations

from .base import Rule


def family_rules() -> list[Rule]:
    """Instances of every rule family written in code."""
    from . import article_elements, dose, drug_list, duplicate, foreign_script, overclaim, statistic

    return [*article_elements.RULES, *dose.RULES, *drug_list.RULES, *duplicate.RULES, *foreign_script.RULES,
            *overclaim.RULES, *statistic.RULES]
