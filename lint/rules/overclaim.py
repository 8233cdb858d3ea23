"""Family: promotional certainty in a health claim (miracle cures, guarantees, "no side effects", "doctors hate",
cures "for good", "natural so safe", instant and "proven" cures).

A hedged statement ("may help", "for some people") or a negated or debunked one ("there is no miracle cure")
passes. The shared context check handles debunking and quotations; negation is checked here, in the clause
that holds the match but outside the matched words, because several of these claims carry their own negation
("no side effects", "doctors don't want you to know", "you'll never catch a cold again").
"""
from __future__ import annotations


import regex

from ..context import CLAUSE as _CLAUSE, NEGATION as _NEGATION
from ..document import Document, Span
from ..finding import Category, Reference, Severity
from .base import ContextPolicy
from .family import PatternFamily, info
from .lexicon import LazyPattern, pattern_prefilter

_F = regex.IGNORECASE | regex.V0
_HEDGE = LazyPattern(r"\b(?:may|might|could|can\s+help|some\s+people|most\s+people|many\s+people|usually|rarely|"
                       r"in\s+some\s+cases|possibly|claims?|claimed|says?|said|label|labels|labelled|labeled|"
                       r"marketed|advertised|advert|adverts|ads?|promises?|promised|sold\s+as|so-called|beware|"
                       r"red\s+flags?|scam\w*|wary|suspicious|sceptical|skeptical|fraud\w*)\b", _F)
_APOS = "['’]"
_REFS = (
    Reference("FDA: Health Fraud Scams", "https://www.fda.gov/consumers/health-fraud-scams"),
    Reference("NCCIH: Using Dietary Supplements Wisely",
              "https://www.nccih.nih.gov/health/using-dietary-supplements-wisely"),
)
_FDA_FRAUD_SIGNS = Reference(
    "FDA: 6 Tip-offs to Rip-offs: Don't Fall for Health Fraud Scams",
    "https://www.fda.gov/consumers/consumer-updates/6-tip-offs-rip-offs-dont-fall-health-fraud-scams")
_FDA_SCAMS_WOMEN = Reference("FDA: Health Scams! Don't take the risk",
                             "https://www.fda.gov/consumers/free-publications-women/health-scams-dont-take-risk")
# The shared context check runs debunking and quotation checks; negation is ours (see _negated).
_POLICY = ContextPolicy(negation=False, debunk=True, quote=True)


def _negated(doc: Document, match: regex.Match[str], sentence: Span) -> bool:
    """A negation cue in the clause that holds the match, outside the matched words themselves."""
    prose = doc.prose
    start, end = sentence.start, sentence.end
    for m in _CLAUSE.finditer(prose, sentence.start, sentence.end):
        if m.end() <= match.start():
            start = m.end()
        elif m.start() >= match.end():
            end = m.start()
            break
    while start < match.start() and not prose[start].isalnum():
        start += 1
    text = prose[start:match.start()] + " claim " + prose[match.end():end]
    return bool(_NEGATION.search(text))


class _OverclaimRule(PatternFamily):
    def prefilter(self) -> list[list[str]] | None:
        return pattern_prefilter(self)

    def keep(self, doc: Document, match: regex.Match[str], sentence: Span) -> bool:
        return not _HEDGE.search(doc.prose, sentence.start, sentence.end) and not _negated(doc, match, sentence)


class MiracleCure(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:miracle|wonder|magic(?:al)?)[\s-]+(?:cures?|remed(?:y|ies)|drugs?|pills?|supplements?|treatments?|herbs?"
        r"|oils?|teas?|juices?|foods?|fruits?|spices?|berr(?:y|ies)|minerals?|vitamins?|capsules?|creams?|products?"
        r"|potions?|tonics?|elixirs?|powders?|plants?|seeds?|ingredients?|solutions?|fix(?:es)?|bullets?|shots?"
        r"|drinks?|diets?|molecules?)\b"
        r"|\bmiracle[\s-]+work(?:ing|er)\b|\bworks?\s+(?:like\s+)?(?:miracles|magic)\b"
        rf"|\b(?:doctors|physicians|(?:big|the)\s+pharma|(?:the\s+)?pharmaceutical\s+(?:industry|companies)"
        r"|(?:the\s+)?drug\s+companies|the\s+medical\s+(?:industry|establishment))\s+(?:(?:secretly|all)\s+)?"
        rf"(?:hate|(?:don{_APOS}?t|do\s+not|doesn{_APOS}?t|does\s+not)\s+want\s+(?:you|anyone|people|the\s+public)"
        rf"\s+to\s+(?:know|find\s+out|learn|hear)|won{_APOS}?t\s+tell\s+you|will\s+never\s+tell\s+you"
        r"|(?:are|have\s+been)\s+(?:hiding|suppressing|covering\s+up|burying)|keep\s+(?:hidden|secret|quiet)"
        r"|suppress(?:es|ed)?|hid|are\s+afraid\s+of)\b"
        rf"|\bwhat\s+(?:your\s+)?(?:doctors?|gp|pharmacist|big\s+pharma|the\s+drug\s+companies)\s+"
        rf"(?:(?:don|doesn|won){_APOS}?t|do\s+not|does\s+not|will\s+not|will\s+never)\s+(?:want\s+you\s+to\s+know|tell\s+you)\b"
        r"|\bone\s+(?:weird|simple|strange|odd|crazy|bizarre)\s+(?:trick|tip|hack|secret)\b"
        r"|\b(?:suppressed|hidden|secret|forbidden|banned)\s+(?:cures?|remed(?:y|ies)|treatments?)\b",
        _F,
    )
    info = info(
        code="OVR001", id="miracle-cure-language", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='Miracle language: "miracle cure", "doctors hate this", "one weird trick", "the cure they hide".',
        verdict="overstated", message="Miracle-cure or 'doctors hate this' language.",
        explanation="""Miracle and conspiracy phrasing is the signature of health fraud. Real treatments come with
            evidence, limits and side effects; a "miracle cure", a trick "doctors hate" or a cure that the drug
            industry is supposedly hiding promises none of that.""",
        correction="Describe what the evidence shows, for whom, and with which limits and risks.",
        references=(*_REFS, _FDA_FRAUD_SIGNS),
        flag=("This miracle cure ends night cramps in a week.",
              "Doctors hate this simple bedtime ritual.",
              "One weird trick stops restless legs.",
              "Turmeric is the wonder remedy for every ache.",
              "Big Pharma doesn't want you to know about this kitchen spice.",
              "Here is the secret remedy that drug companies have been hiding for decades.",
              "This berry works like magic on tired joints."),
        allow=("There is no miracle cure for restless legs syndrome.",
               "Beware of products sold as a miracle cure.",
               "Stretching may help some people with night cramps.",
               "Miracle pills for weight loss do not exist.",
               "Your doctor will tell you about the side effects of any new medicine."),
        module=__name__, context=_POLICY, generic=True,
    )


class Guaranteed(_OverclaimRule):
    pattern = LazyPattern(
        r"\bguaranteed?\s+(?:to\s+)?(?:cure|work|heal|stop|fix|end|relief|results?|prevent|protect|reverse|eliminate"
        r"|clear|banish|knock|give|make|help|boost|lose|melt|burn|restore|remove|get\s+rid|beat|improve|shrink|detox"
        r"|regrow|kill)\w*"
        r"|\bguarantee[sd]?\s+(?:[\w'’]+\s+){0,4}?(?:results?|relief|recovery|sleep|cure|success|weight\s+loss|protection"
        r"|immunity|healing|health|knock-?out|improvement)\b"
        rf"|\bguarantee[sd]?\s+(?:that\s+)?(?:you|your|it|they)(?:{_APOS}ll|\s+will|\s+won{_APOS}?t|{_APOS}re|\s+are)?\s+"
        r"(?:never|won|will|be|stay|feel|get|sleep|lose|heal)"
        r"|\bguaranteed\s+(?:results?|relief|recovery|cure|success|weight\s+loss|protection|immunity|healing"
        r"|knock-?out|sleep|fix)\b"
        r"|\b100\s?(?:%|percent|per\s+cent)\s+(?:effective|safe|natural\s+and\s+safe|cure|success|guaranteed|results?"
        r"|proven|successful|protection|protective|cure\s+rate|recovery|effectiveness|success\s+rate)\b"
        r"|\bworks\s+(?:for\s+)?(?:every(?:one|body)|every\s+(?:single\s+)?(?:time|person|patient|case)|100\s?%"
        r"|without\s+fail|each\s+and\s+every\s+time)\b"
        r"|\bcures?\s+(?:all|every(?:thing)?|any(?:thing)?|almost\s+(?:any|every)\w*)\s+(?:\w+\s+)?(?:diseases?"
        r"|illness(?:es)?|ailments?|conditions?|infections?|sickness(?:es)?|disorders?|ills|problems?)\b"
        r"|\bcures?\s+(?:everything|anything)\b"
        r"|\bcures?\s+for\s+(?:all|any|every)\s+(?:\w+\s+)?(?:diseases?|illness(?:es)?|ailments?|conditions?"
        r"|infections?|ills|sickness(?:es)?|disorders?)\b"
        r"|\bcure[-\s]all\b|\bpanaceas?\b"
        r"|\bkills?\s+(?:all|every|any)\s+(?:(?:known|single|kind\s+of|type\s+of)\s+)?(?:viruse?s?|bacteri\w*|germs?"
        r"|pathogens?|microbes?|parasites?|fungus|fungi|cancer\s+cells?|infections?)\b"
        r"|\b(?:protects?|shields?|safeguards?|immuni[sz]es?)\s+(?:\w+\s+){0,3}?(?:from|against)\s+(?:any|all|every)\s+"
        r"(?:(?:kind|type|form|sort)s?\s+of\s+)?(?:damage|harm|disease|illness|infection|virus|germ|cancer|sickness)"
        r"(?:s|es)?\b"
        r"|\b(?:complete|total|full|100\s?%|perfect)\s+protection\s+(?:from|against)\b",
        _F,
    )
    info = info(
        code="OVR002", id="guaranteed-result", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A guaranteed or 100 % result: "guaranteed to work", "100% effective", "cures all diseases", '
                  '"kills every virus", "protects against any damage".',
        verdict="overstated", message="Promises a guaranteed, total or 100% result.",
        explanation="""No treatment works for everyone or protects against everything. Guarantees, "100 %
            effective" claims, cure-alls and promises of total protection are not supported by any trial and
            are a hallmark of health fraud.""",
        correction="Say how often the treatment helps in studies and that it does not work for everyone.",
        references=(*_REFS, _FDA_FRAUD_SIGNS),
        flag=("This tea is guaranteed to cure insomnia.",
              "Our magnesium spray is 100% effective against cramps.",
              "The oil works for everyone, every time.",
              "Our tonic cures every ailment you can name.",
              "These drops guarantee a full night's sleep from the first use.",
              "The spray kills every germ it touches.",
              "A daily shot of this tonic shields your joints from all damage."),
        allow=("No sleep aid is guaranteed to work.",
               "The vaccine is not 100% effective, but it greatly lowers the risk.",
               "The label says it is guaranteed to work; no trial supports that.",
               "Exercise is not a cure-all, but it helps many conditions.",
               "Hand washing removes many germs from the skin."),
        module=__name__, context=_POLICY, generic=True,
    )


class NoSideEffects(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:has|have|had|with|carries|carry|causes?|produces?|comes?\s+with)\s+(?:absolutely\s+|virtually\s+"
        r"|practically\s+|literally\s+|totally\s+)?(?:no|zero)\s+(?:\w+\s+)?side[-\s]effects\b"
        r"|\bwithout\s+(?:any\s+)?(?:\w+\s+)?side[-\s]effects\b"
        r"|\bnever\s+(?:\w+\s+)?(?:have|has|cause|causes|produce|produces|give|gives)\s+(?:any\s+)?(?:\w+\s+)?"
        r"side[-\s]effects\b"
        r"|\bfree\s+(?:of|from)\s+(?:all\s+|any\s+)?side[-\s]effects\b|\bside[-\s]effects?[-\s]free\b"
        r"|\b(?:completely|totally|100\s?%|100\s+percent|entirely|absolutely|utterly|wholly)\s+(?:safe|harmless"
        r"|risk[-\s]free|non[-\s]?toxic)\b"
        r"|\bperfectly\s+(?:safe|harmless)\b(?=[^.!?]{0,40}\b(?:for|to|in)\b)"
        rf"|\b(?:is|are|{_APOS}s|{_APOS}re|be)\s+(?:always\s+)?risk[-\s]free\b"
        rf"|\b(?:is|are|{_APOS}s|{_APOS}re)\s+always\s+(?:safe|harmless|mild|benign)\b"
        rf"|\b(?:is|are|{_APOS}s|{_APOS}re)\s+never\s+(?:dangerous|harmful|serious|risky|toxic|fatal)\b"
        r"|\bsafe\s+(?:in|at)\s+any\s+(?:dose|amount|quantity|age)\b"
        r"|\bsafe\s+for\s+(?:every(?:one|body)|all\s+ages|anyone|people\s+of\s+all\s+ages)\b",
        _F,
    )
    info = info(
        code="OVR003", id="no-side-effects", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A remedy said to have "no side effects", to be "completely safe", "risk-free" or "safe for '
                  'everyone".',
        verdict="overstated", message="Claims a remedy has no side effects or is completely safe.",
        explanation="""Anything with an effect on the body can have unwanted effects or interactions, including
            herbs and supplements. "No side effects" or "completely safe" stops readers from watching for harm or
            telling their doctor.""",
        correction="List the known side effects and interactions, and advise checking with a pharmacist or doctor.",
        references=_REFS,
        flag=("This sleep remedy has no side effects at all.",
              "Our sleep patches come with zero side effects.",
              "This cramp gel is completely safe for children and adults.",
              "The capsules never cause any side effects.",
              "Because the powder is made from roots and bark, it is totally harmless.",
              "The cream is safe for everyone, from babies to grandparents."),
        allow=("No medicine is completely free of side effects.",
               "Most people have no side effects from the flu vaccine, but a sore arm is common.",
               "It is a myth that herbal remedies have no side effects.",
               "No supplement is completely safe for everyone.",
               "Ask your pharmacist about side effects before you start."),
        module=__name__, generic=True, context=_POLICY,
    )


class PermanentCure(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:cure[sd]?|curing|heal(?:s|ed|ing)?|clear(?:s|ed|ing)?|fix(?:es|ed|ing)?|gets?\s+rid\s+of|got\s+rid\s+of"
        r"|getting\s+rid\s+of|eliminat\w+|banish\w*|revers(?:e|es|ed|ing)|eradicat\w+|wipes?\s+out|erases?)\b"
        r"[^.!?]{0,50}?\b(?:for\s+good|forever|for\s+ever|permanently|for\s+life|once\s+and\s+for\s+all"
        r"|never\s+to\s+(?:return|come\s+back))\b"
        r"|\b(?:permanently|forever)\s+(?:cures?|heals?|clears?|fix(?:es)?|gets?\s+rid\s+of|eliminates?|banish(?:es)?"
        r"|reverses?|eradicates?|removes?|ends?)\b"
        r"|\b(?:permanent|lifelong|definitive|total|complete)\s+cure\b"
        r"|\bgone\s+(?:for\s+good|forever)\b"
        rf"|\b(?:you(?:{_APOS}ll|\s+will)\s+never|never\s+(?:have|need)\s+to)\s+(?:\w+\s+){{0,5}}?(?:again|another)\b"
        r"|\bnever\s+(?:get|gets|catch|catches|suffer|suffers|feel|take|worry)\s+(?:\w+\s+){0,4}?again\b",
        _F,
    )
    info = info(
        code="OVR004", id="permanent-cure-promise", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A promise that a remedy cures a condition for good: "cured forever", "permanently", '
                  '"you\'ll never get sick again".',
        verdict="overstated", message="Promises a permanent cure or that the problem will never come back.",
        explanation="""Most conditions that remedies are sold for come and go, and even effective treatments
            do not make an illness impossible. A promise that a problem is gone "for good" or will "never"
            return is a typical sign of an unproven product.""",
        correction="Say what the treatment can do, how long the effect lasts in studies, and that symptoms may "
                   "return.",
        references=(_FDA_FRAUD_SIGNS, _FDA_SCAMS_WOMEN),
        flag=("These insoles cure back pain for good.",
              "Sip the tonic for a week and your hay fever is gone forever.",
              "Follow the programme and you'll never suffer a migraine again.",
              "The patch permanently eliminates joint stiffness after one course.",
              "A total cure for eczema in a bottle."),
        allow=("There is no permanent cure for migraine, but treatment can reduce attacks.",
               "Symptoms often come back, so the tablets may need to be taken again.",
               "Quitting smoking for good lowers the risk of heart disease.",
               "Hay fever does not go away for good, but it can be controlled."),
        module=__name__, context=_POLICY, generic=True,
    )


class InstantCure(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:cure[sd]?|curing|heal(?:s|ed|ing)?|revers(?:e|es|ed|ing)|eliminat\w+|eradicat\w+|dissolv\w+"
        r"|gets?\s+rid\s+of|getting\s+rid\s+of|wipes?\s+out|clears?\s+up|banish\w*)\b[^.!?]{0,40}?"
        r"\b(?:instantly|overnight|in\s+(?:just\s+|only\s+|under\s+)?(?:\d+\s+)?(?:seconds|minutes|one\s+night"
        r"|a\s+single\s+night|24\s+hours|a\s+day|one\s+day|hours)|within\s+(?:\d+\s+)?(?:seconds|minutes|hours"
        r"|a\s+day|24\s+hours))\b"
        r"|\b(?:instantly|immediately)\s+(?:cures?|heals?|reverses?|eliminates?|gets?\s+rid\s+of|clears?|dissolves?)\b"
        r"|\b(?:instant|overnight|one[-\s]day|24[-\s]hour|quick|rapid|speedy|same[-\s]day)\s+cures?\b",
        _F,
    )
    info = info(
        code="OVR005", id="instant-cure-promise", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A cure promised instantly or overnight: "cures it overnight", "instant cure", "a one-day cure".',
        verdict="overstated", message="Promises an instant or overnight cure.",
        explanation="""Quick-fix claims ("cures in minutes", "overnight results") are one of the signs of health
            fraud that the FDA warns about. Real treatments take time to work, and few illnesses are cured in a
            day.""",
        correction="Say how long the treatment usually takes to help in studies, and what to do if it does not.",
        references=(_FDA_FRAUD_SIGNS, _REFS[0]),
        flag=("This balm heals eczema overnight.",
              "The gargle gets rid of a sore throat in minutes.",
              "It is an instant cure for heartburn.",
              "One sachet instantly eliminates bloating."),
        allow=("There is no overnight cure for eczema.",
               "Most sore throats clear up within a week on their own.",
               "A reliever inhaler eases wheezing within minutes."),
        module=__name__, context=_POLICY, generic=True,
    )


class ProvenCure(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:(?:scientifically|clinically|medically)\s+)?proven\s+(?:natural\s+|herbal\s+|home\s+)?cures?\b"
        r"|\bproven\s+(?:natural|herbal|home)\s+remed(?:y|ies)\b"
        r"|\b(?:scientifically|clinically|medically)\s+proven\s+to\s+(?:cure|heal|reverse|prevent|eliminate|eradicate"
        r"|stop|fix|end|work|boost|detox|melt|burn|restore|regrow|beat)\b"
        r"|\bproven\s+to\s+(?:cure|reverse|eradicate|heal)\b",
        _F,
    )
    info = info(
        code="OVR006", id="proven-cure-claim", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement='A remedy called a "proven cure" or "clinically proven" to cure, with no evidence given.',
        verdict="overstated", message='Calls a remedy a "proven cure" or "clinically proven" without evidence.',
        explanation="""Words such as "proven cure" or "clinically proven" sound scientific but are often used
            without any published trial behind them. Where trials exist, they rarely show a cure.""",
        correction="Cite the study, say what it found and in whom, and avoid the word \"cure\" unless the "
                   "evidence shows one.",
        references=(_FDA_FRAUD_SIGNS, _FDA_SCAMS_WOMEN),
        flag=("Ginger water is a proven cure for vertigo.",
              "The serum is clinically proven to regrow lost hair.",
              "This cream is proven to cure psoriasis.",
              "Our drink is scientifically proven to melt belly fat."),
        allow=("There is no proven cure for tinnitus.",
               "Statins have been shown in large trials to lower the risk of heart attacks.",
               "The remedy has not been proven to work."),
        module=__name__, context=_POLICY, generic=True,
    )


class RemedyCuresDisease(_OverclaimRule):
    pattern = LazyPattern(
        r"\b(?:herbs?|herbal\s+\w+|supplements?|teas?|juices?|juicing|oils?|diets?|foods?|spices?|vinegar|remed(?:y|ies)"
        r"|extracts?|powders?|capsules?|tinctures?|cleanses?|detox\w*|baking\s+soda|turmeric|curcumin|ginger|honey"
        r"|lemons?|seeds?|leaf|leaves|roots?|mushrooms?|smoothies?|fasting|vitamins?|minerals?|drops|tonics?)\b"
        r"[^.!?]{0,60}?\b(?:cures?|cured|curing|reverses?|reversed|reversing|eradicates?|eradicated|heals?|healed"
        r"|eliminates?|eliminated|gets?\s+rid\s+of|got\s+rid\s+of)\s+(?:\w+\s+){0,2}?(?:cancers?|tumou?rs?|diabetes"
        r"|heart\s+disease|alzheimer\W?s|dementia|arthritis|autism|hiv|aids|multiple\s+sclerosis|parkinson\W?s|asthma"
        r"|high\s+blood\s+pressure|hypertension|epilepsy|kidney\s+disease|hepatitis|leuk(?:a)?emia|lupus|psoriasis"
        r"|depression|infertility|hypothyroidism|thyroid\s+disease|crohn\W?s|colitis|cirrhosis|glaucoma"
        r"|cataracts?|osteoporosis|fibromyalgia|endometriosis)\b",
        _F,
    )
    info = info(
        code="OVR007", id="remedy-cures-chronic-disease", category=Category.OVERCLAIM, severity=Severity.WARNING,
        statement="A food, herb, supplement or home remedy said to cure or reverse a serious chronic disease.",
        verdict="overstated", message="Says a food, herb or supplement cures a serious disease.",
        explanation="""Products that claim to cure cancer, diabetes, arthritis or other serious diseases are the
            most common kind of health fraud. No food, herb or supplement has been shown to cure these diseases,
            and relying on one can delay treatment that works.""",
        correction="Say what the evidence shows (often a small effect on symptoms at most), and that the "
                   "condition needs care from a doctor.",
        references=(_REFS[0], _FDA_FRAUD_SIGNS),
        flag=("A spoonful of black seed oil each morning cured my arthritis.",
              "This green juice reverses kidney disease in weeks.",
              "The mushroom extract eradicates tumours.",
              "Juicing got rid of my psoriasis completely."),
        allow=("No herbal tea can cure diabetes.",
               "Fish oil may ease joint stiffness a little in rheumatoid arthritis.",
               "A healthy diet lowers the risk of heart disease."),
        module=__name__, context=_POLICY, generic=True,
    )


RULES = [MiracleCure(), Guaranteed(), NoSideEffects(), PermanentCure(), InstantCure(),
         ProvenCure(), RemedyCuresDisease()]
