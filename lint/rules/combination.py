"""Family: a risky combination of medicines (or a medicine and alcohol) presented as safe or recommended.

The pairs and the mentions that make up each side are data (``lint/data/interactions.yaml``, every pair with
its FDA, NIH or NHS sources): a sedating medicine with alcohol, an opioid with another sedating medicine, a
blood thinner with an NSAID, metronidazole with alcohol. Sedating medicines come from the lexicon's
``sedating`` column and classes, plus over-the-counter sedating antihistamines.

A sentence is reported when it names both sides of a pair, links them ("with", "alongside", "and", "while
on", ...), and presents the combination as safe ("it's fine", "won't hurt", "no problem") or recommends it
(an instruction such as "take ... with ...", "you can ...", or a benefit such as "helps it work"). Warnings and
hedges ("never", "avoid", "risk", "bleeding", "ask your pharmacist", "unless"), questions and debunkings pass.
The family is generic: a specific claim about the same sentence (for example DRG353, alcohol with sleeping
pills) takes precedence.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import regex

from ..document import Document, Span
from ..finding import Category, Reference, Severity
from .base import ContextPolicy, Hit, Rule
from .family import info
from .lexicon import DATA, LazyPattern, contains_any, drugs, folded

_F = regex.IGNORECASE | regex.V0
_WS = r"[\s\u00a0]+"

# Wording that presents a combination as safe; removed from the sentence before looking for warnings, so the
# "no" in "no problem" or the "n't" in "won't hurt" does not count as one.
_SAFE = LazyPattern(
    r"\b(?:(?:perfectly|completely|totally|quite|generally)\s+)?(?:safe(?:ly)?|fine|okay|ok|alright|all\s+right|harmless)\b"
    r"|\bno\s+(?:problem|harm|danger|issue|worries)s?\b|\bnot\s+a\s+problem\b|\bnothing\s+(?:to\s+worry\s+about|wrong\s+with)\b"
    r"|\b(?:won['’]?t|will\s+not|doesn['’]?t|does\s+not|can['’]?t)\s+(?:hurt|harm|do\s+(?:any\s+)?harm)\b"
    r"|\b(?:don['’]?t|do\s+not|doesn['’]?t|does\s+not|won['’]?t)\s+interact\b|\bno\s+interactions?\b"
    r"|\bno\s+(?:need|reason)\s+to\s+(?:avoid|skip|give\s+up|stop|worry)\b|\bno\s+reason\s+not\s+to\b"
    r"|\b(?:go|goes|work|works)\s+(?:well|nicely|perfectly)\s+together\b|\bpairs?\s+(?:well|nicely)\b"
    r"|\bcompatible\b|\bcomplement\s+each\s+other\b|\bfeel\s+free\s+to\b|\bgo\s+ahead\s+and\b",
    _F,
)
# An instruction or permission to combine: at the start of a clause, or after "you can", "it's fine to", ...
_RECOMMEND = LazyPattern(
    r"(?:^|[,;:—–(]|\b(?:just|simply|then|so|also|and|you\s+(?:can|could|may|might\s+as\s+well)|why\s+not))\W*"
    r"(?:take|have|enjoy|try|pair|mix|combine|wash|washing|pour|sip|drink|add|pop|chase|follow|reach\s+for)\b",
    _F,
)
_BENEFIT = LazyPattern(
    r"\b(?:helps?|boosts?|enhanc\w*|strengthens?|intensif\w*|speeds?\s+up)\b[^.;!?]{0,40}"
    r"\b(?:work|effect|kick|sleep|relax|pain|relief|wind\s+down|drowsy)\w*"
    r"|\b(?:works?|kicks?\s+in)\s+(?:better|faster|quicker)\b|\bmore\s+effective\b|\bextra\s+kick\b"
    r"|\btake\s+the\s+edge\s+off\b",
    _F,
)
_WARNING = LazyPattern(
    r"\b(?:never|not|no|none|without|n['’]t|cannot|avoid\w*|don['’]?t|do\s+not|stop\w*|instead|rather|unless|except|"
    r"danger\w*|unsafe|risk\w*|harmful|hazard\w*|deadly|fatal|death|deaths|die|dies|dying|coma|overdos\w*|"
    r"breath\w*|bleed\w*|interact\w*|warn\w*|caution\w*|careful\w*|serious\w*|severe\w*|limit\w*|toxic\w*|"
    r"drows\w*|sedat\w*|dizz\w*|impair\w*|myths?|whether|check\w*|ask|asking|consult\w*|prescri\w*|"
    r"supervis\w*|(?:talk|speak)\w*\s+(?:to|with)|tell\s+(?:your|a)|leaflet)\b",
    _F,
)
_LINK = LazyPattern(
    r"\b(?:with|alongside|together|and|plus|while|whilst|when|after|before|on\s+top\s+of|along\s+with|"
    r"in\s+addition\s+to|combined|combining|mixed|mixing|washed\s+down|chased|as\s+well\s+as|on|"
    r"if\s+you(?:['’]re|\s+are)?\s+(?:on|take|taking|use|using))\b|[+&/]",
    _F,
)
# Words one of which each cue pattern needs (in lower case): a sentence without any cannot match it.
_SAFE_WORDS = ("safe", "fine", "ok", "right", "harm", "problem", "danger", "issue", "worries", "nothing", "hurt",
               "interact", "need", "reason", "together", "pair", "compatible", "complement", "free", "ahead")
_RECOMMEND_WORDS = ("take", "have", "enjoy", "try", "pair", "mix", "combine", "wash", "pour", "sip", "drink", "add",
                    "pop", "chase", "follow", "reach")
_BENEFIT_WORDS = ("help", "boost", "enhanc", "strengthen", "intensif", "speed", "work", "kick", "effective", "take")
_BEFORE_FIRST = LazyPattern(
    r"\b(?:while|whilst|when|if)\s+(?:you['’]?re\s+|you\s+are\s+|)(?:on|taking|using)\b[^.;!?]{0,40}$", _F)


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    groups: tuple[str, str]
    risk: str
    references: tuple[Reference, ...]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    group: str
    key: str  # the generic (or the lower-case text) to tell two mentions of one drug apart


_NAME_TOKEN = LazyPattern(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True, slots=True)
class Groups:
    """How mentions are found: a pattern per group (class words, everyday wording) and a name index."""

    patterns: dict[str, regex.Pattern[str]]
    names: dict[str, frozenset[str]]  # lower-case name (words joined by one space) → groups
    longest: int  # the most words in a name
    first_words: frozenset[str] = frozenset()  # the first word of every name (empty: not known, try every word)

    def mentions(self, prose: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, group) of every mention in ``prose``."""
        for group, pattern in self.patterns.items():
            for m in pattern.finditer(prose):
                yield m.start(), m.end(), group
        tokens = [(m.start(), m.end(), m.group(0).lower()) for m in _NAME_TOKEN.finditer(prose)]
        first = self.first_words
        for i, (start, end, word) in enumerate(tokens):
            if first and word not in first:
                continue  # no name starts with this word
            key = word
            for j in range(i, min(i + self.longest, len(tokens))):
                if j > i:
                    if prose[tokens[j - 1][1]:tokens[j][0]].strip():
                        break  # only whitespace may separate the words of a name
                    key += " " + tokens[j][2]
                    end = tokens[j][1]
                for group in self.names.get(key, ()):
                    yield start, end, group


@lru_cache(maxsize=1)
def interactions() -> tuple[Groups, dict[str, str], tuple[Pair, ...]]:
    """(how to find each group's mentions, group → label, pairs), from ``lint/data/interactions.yaml``.

    Built once per data version and kept in the per-user cache (a run then reads no YAML and compiles nothing)."""
    from ..cache import cached

    return cached([DATA / "interactions.yaml", DATA / "drugs.tsv"], lambda: (_interactions(), True), "interactions")


def _interactions() -> tuple[Groups, dict[str, str], tuple[Pair, ...]]:
    import yaml

    data = yaml.safe_load((DATA / "interactions.yaml").read_text(encoding="utf-8"))
    lexicon = drugs()
    patterns: dict[str, regex.Pattern[str]] = {}
    names: dict[str, set[str]] = {}
    labels: dict[str, str] = {}
    for name, group in data["groups"].items():
        members = {n.lower() for n in group.get("names", ())}
        select = group.get("lexicon") or {}
        classes = set(select.get("classes", ()))
        generics = set(select.get("generics", ()))
        for drug_name, drug in lexicon.items():
            if (select.get("sedating") and drug.sedating) or drug.drug_class in classes or drug.generic in generics:
                members.add(drug_name)
        for member in members:
            names.setdefault(" ".join(member.split()), set()).add(name)
        alternatives = [p.replace(" ", _WS) for p in group.get("patterns", ())]
        if alternatives:
            patterns[name] = regex.compile(r"(?<![\w-])(?:" + "|".join(alternatives) + r")(?![\w-])", _F)
        labels[name] = group["label"]
    pairs = tuple(
        Pair(p["id"], tuple(p["groups"]), p["risk"], tuple(Reference(r["title"], r["url"]) for r in p["references"]))
        for p in data["pairs"])
    longest = max((len(n.split()) for n in names), default=1)
    first = frozenset(n.split(" ")[0] for n in names)
    return Groups(patterns, {k: frozenset(v) for k, v in names.items()}, longest, first), labels, pairs


_SPACES = LazyPattern(r"\s+")


def _key(text: str) -> str:
    lower = _SPACES.sub(" ", text.lower())
    drug = drugs().get(lower)
    return drug.generic if drug else lower.rstrip("s")


def _presents_as_safe(prose: str, sentence: Span, first: Mention, second: Mention) -> bool:
    text = prose[sentence.start:sentence.end]
    if text.rstrip().endswith("?"):
        return False  # a question ("Can I drink alcohol with zolpidem?")
    between = prose[first.end:second.start]
    before = prose[sentence.start:first.start]
    if not (_LINK.search(between) or _BEFORE_FIRST.search(before)):
        return False
    safe = [(m.start(), m.end()) for m in _SAFE.finditer(text)]
    cue = bool(safe) or bool(_RECOMMEND.search(text)) or bool(_BENEFIT.search(text))
    if not cue:
        return False
    rest = text
    for s, e in safe:
        rest = rest[:s] + " " * (e - s) + rest[e:]
    return not _WARNING.search(rest)


class RiskyCombinationAsSafe(Rule):
    info = info(
        code="DRG003", id="risky-combination-presented-as-safe", category=Category.DRUG_SAFETY,
        severity=Severity.ERROR,
        statement="A dangerous combination (a sedating medicine with alcohol or another sedative, a blood thinner "
                  "with an NSAID, metronidazole with alcohol) is presented as safe or recommended.",
        verdict="dangerous", message="Presents a risky combination of medicines or of a medicine and alcohol as safe.",
        explanation="""Some combinations are dangerous even when each part is safe on its own. Alcohol, opioids,
            benzodiazepines, sleeping pills, gabapentinoids, sedating antidepressants and antihistamines, and
            muscle relaxants all slow the brain and breathing, and their effects add up: deep sedation, falls,
            blackouts, stopped breathing and death. NSAID painkillers such as ibuprofen raise the risk of serious
            bleeding in people taking blood thinners such as warfarin. Alcohol with metronidazole can cause
            sickness, flushing and a racing heart. Telling readers such a combination is fine, or advising it,
            removes the warning that official leaflets give.""",
        correction="Say that the combination should be avoided unless a doctor has prescribed it knowing all the "
                   "medicines involved, and tell readers to check the leaflet or ask a pharmacist.",
        references=(
            Reference("NIAAA: Harmful Interactions: Mixing Alcohol with Medicines",
                      "https://www.niaaa.nih.gov/publications/brochures-and-fact-sheets/harmful-interactions-mixing-alcohol-with-medicines"),
            Reference("FDA: Serious risks and death when combining opioid pain or cough medicines with benzodiazepines (2016)",
                      "https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-fda-warns-about-serious-risks-and-death-when-combining-opioid-pain-or"),
            Reference("NHS: Warfarin", "https://www.nhs.uk/medicines/warfarin/"),
        ),
        flag=(
            "Take your mirtazapine with a small glass of red wine so it kicks in faster.",
            "A couple of beers won't hurt while you're on quetiapine.",
            "Cyclobenzaprine and a nightcap go well together after a long day.",
            "For back pain, take naproxen alongside your rivaroxaban.",
            "Tramadol plus baclofen is no problem for most people with sciatica.",
            "Pour yourself a gin and tonic while you're on tinidazole.",
        ),
        allow=(
            "Never mix mirtazapine with wine: the drowsiness adds up.",
            "Do not drink alcohol while taking quetiapine.",
            "Is it safe to have a beer with cyclobenzaprine?",
            "Naproxen taken alongside rivaroxaban raises the risk of bleeding.",
            "It is a myth that a nightcap makes baclofen work better.",
            "Mirtazapine is usually taken at night, and most people find it safe.",
            "Take the tablet with a drink of water, with or without food.",
        ),
        module=__name__, context=ContextPolicy(negation=False, debunk=True, quote=True), generic=True,
    )

    def check(self, doc: Document, regions: Sequence[Span] | None = None) -> Iterator[Hit]:
        groups = pairs = None
        prose = doc.prose
        low = folded(doc)
        for sentence in doc.sentences:
            # Cheap first: most sentences present nothing as safe or advisable (and most lack every word a cue
            # pattern needs, which a substring test on the lower-case text rules out without a search).
            words = low[sentence.start:sentence.end]
            text = prose[sentence.start:sentence.end]
            if not ((contains_any(words, _SAFE_WORDS) and _SAFE.search(text))
                    or (contains_any(words, _RECOMMEND_WORDS) and _RECOMMEND.search(text))
                    or (contains_any(words, _BENEFIT_WORDS) and _BENEFIT.search(text))):
                continue
            if groups is None:
                groups, _labels, pairs = interactions()
            mentions = [Mention(sentence.start + a, sentence.start + b, group, _key(text[a:b]))
                        for a, b, group in groups.mentions(text)]
            if len(mentions) < 2:
                continue
            found = self._pair(prose, sentence, mentions, pairs)
            if found is None:
                continue
            pair, first, second = found
            named = f"{prose[first.start:first.end]!r} with {prose[second.start:second.end]!r}"
            yield Hit(Span(first.start, second.end),
                      message=f"Presents {named} as safe or advisable; {pair.risk} ({pair.references[0].url}).")

    @staticmethod
    def _pair(prose: str, sentence: Span, mentions: list[Mention],
              pairs: tuple[Pair, ...]) -> tuple[Pair, Mention, Mention] | None:
        for pair in pairs:
            left = [m for m in mentions if m.group == pair.groups[0]]
            right = [m for m in mentions if m.group == pair.groups[1]]
            for a in left:
                for b in right:
                    if a.key == b.key or (a.start < b.end and b.start < a.end):
                        continue  # one drug named twice, or one mention in both groups
                    first, second = (a, b) if a.start < b.start else (b, a)
                    if _presents_as_safe(prose, sentence, first, second):
                        return pair, first, second
        return None


RULES = [RiskyCombinationAsSafe()]
