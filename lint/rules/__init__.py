"""Rule kinds (phrase, cooccur, substitution) and the rule families written in Python.

Families are listed here explicitly, one module each, so a reader sees the whole set in one place.
"""
from __future__ import annotations

from .base import Rule


def family_rules() -> list[Rule]:
    """Instances of every rule family written in code."""
    from . import (article_elements, combination, dose, drug_list, duplicate, foreign_script, misspelling, overclaim,
                   readability, statistic)

    return [*article_elements.RULES, *combination.RULES, *dose.RULES, *drug_list.RULES, *duplicate.RULES,
            *foreign_script.RULES, *misspelling.RULES, *overclaim.RULES, *readability.RULES, *statistic.RULES]
