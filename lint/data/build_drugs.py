#!/usr/bin/env python3
"""Rebuild lint/data/drugs.tsv, the offline lexicon of prescription-only medicines.

This script is a build tool. healthlint never imports it, nor the packages it
reads: the linter only reads the committed drugs.tsv.

Inputs (fetched by their ordinary clients, then read as files; nothing is
installed and no package code is imported):

  drug_named_entity_recognition-2.0.9-py3-none-any.whl
      pip download --no-deps drug-named-entity-recognition==2.0.9
      Drug names and synonyms (DrugBank open vocabulary, MeSH, MedlinePlus,
      NHS, Wikipedia), MIT licence. Read from the bundled
      drug_ner_dictionary.pkl.bz2.
  gnumed-server_22.19-1_all.deb          (Debian 12 "bookworm", main)
      apt-get download gnumed-server=22.19-1
      Its atc_only-utf8.csv (ATC classification, January 2009) is used only
      to decide which drugs are kept and which coarse class they get; no ATC
      code or ATC text is written to drugs.tsv.
  wamerican_2020.12.07-2_all.deb, wbritish_2020.12.07-2_all.deb
      apt-get download wamerican=2020.12.07-2 wbritish=2020.12.07-2
      English word lists, used to drop brand names that are ordinary words.

Curated inputs kept next to this script:
  otc_exclusions.txt  names that are over the counter (in the US or the UK),
                      supplements, or body substances; never emitted.

Usage:
  python lint/data/build_drugs.py --src DIR [--out lint/data/drugs.tsv] [--check]

DIR holds the four downloaded files above. --check rebuilds in memory and
exits 1 if the committed file differs.
"""

from __future__ import annotations

import argparse
import bz2
import csv
import difflib
import glob
import hashlib
import io
import lzma
import os
import pickle
import re
import sys
import tarfile
import unicodedata
import zipfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))

EXPECTED_SHA256 = {
    "drug_named_entity_recognition-2.0.9-py3-none-any.whl":
        "dc0c9cb4487b4cd31c123f941cd9d5edfc55facdb280ab65e7b2cd08d3fd391c",
    "gnumed-server_22.19-1_all.deb":
        "91f8060fc617b5f3ba19d35469839c8fa42babaa59a0ac608d3437c9dcbbe114",
    "wamerican_2020.12.07-2_all.deb":
        "c8f8e2b2ad0d37bfdd41f0e40f1e4c8e5f907467d768a1d3698b164e9617f0b4",
    "wbritish_2020.12.07-2_all.deb":
        "f80571f14aa987ef0d727e2077d4f2abd84adf92492af494e7de04882c53be3f",
}

# ---------------------------------------------------------------------------
# Which ATC groups are kept, and the class word each gets.
#
# Only groups whose medicines are prescription-only in both the US and the UK
# as a rule are listed; every ATC group not listed here is dropped (analgesics
# N02B, antihistamines R06, antacids and PPIs A02, laxatives, vitamins A11,
# minerals A12, topical products D, eye/ear products S except glaucoma,
# vaccines J07, ...). Single medicines of a kept group that are sold over the
# counter are removed by otc_exclusions.txt.
#
# (prefix, class, sedating). The longest matching prefix wins for one ATC
# code; a drug with several ATC codes takes the class of the code whose rule
# comes first in this list (so CNS depressant classes win).
# ---------------------------------------------------------------------------
RULES = [
    # --- CNS depressants first: their class wins over any other code --------
    ("N05BA", "benzodiazepine", True),
    ("N05CD", "benzodiazepine", True),
    ("N03AE", "benzodiazepine", True),
    ("N05CF", "z-drug", True),
    ("N05CA", "barbiturate", True),
    ("N03AA", "barbiturate", True),
    ("N02A", "opioid", True),
    ("N01AH", "opioid", True),  # opioid anaesthetics: alfentanil, remifentanil ...
    ("N07BC", "opioid", True),
    ("R05DA", "opioid", True),  # codeine, hydrocodone, ...; OTC antitussives excluded
    ("N01A", "anesthetic", True),
    ("N05C", "hypnotic", True),
    ("N05CH", "hypnotic", False),  # melatonin agonists (melatonin itself excluded)
    ("N05BB", "anxiolytic", True),  # hydroxyzine
    ("N05BC", "anxiolytic", True),  # meprobamate
    ("N05B", "anxiolytic", False),
    ("M03B", "muscle relaxant", True),
    ("N05AN", "mood stabilizer", False),  # lithium
    ("N05A", "antipsychotic", False),
    ("N06A", "antidepressant", False),
    ("N03A", "anticonvulsant", False),
    # --- other nervous system ----------------------------------------------
    ("N04BC", "dopamine agonist", False),
    ("N04A", "antiparkinson", False),
    ("N04B", "antiparkinson", False),
    ("N06BA", "stimulant", False),
    ("N06D", "anti-dementia", False),
    ("C02", "antihypertensive", False),  # before N02C: clonidine
    ("N02C", "antimigraine", False),
    ("N07A", "other", False),
    ("N07BA", "smoking cessation", False),
    ("N07BB", "addiction treatment", False),
    ("N07X", "other", False),
    # --- cardiovascular -----------------------------------------------------
    ("C01A", "cardiac glycoside", False),
    ("C01B", "antiarrhythmic", False),
    ("C01D", "vasodilator", False),
    ("C01E", "other", False),
    ("C03", "diuretic", False),
    ("C07", "beta blocker", False),
    ("C08", "calcium channel blocker", False),
    ("C09A", "ace inhibitor", False),
    ("C09B", "ace inhibitor", False),
    ("C09C", "angiotensin receptor blocker", False),
    ("C09D", "angiotensin receptor blocker", False),
    ("C09X", "antihypertensive", False),
    ("C10AA", "statin", False),
    ("C10AB", "lipid-lowering", False),
    ("C10AC", "lipid-lowering", False),
    ("C10AX", "lipid-lowering", False),
    # --- blood --------------------------------------------------------------
    ("B01AA", "anticoagulant", False),
    ("B01AB", "anticoagulant", False),
    ("B01AE", "anticoagulant", False),
    ("B01AF", "anticoagulant", False),
    ("B01AX", "anticoagulant", False),
    ("B01AC", "antiplatelet", False),
    ("B01AD", "thrombolytic", False),
    ("B03XA", "other", False),  # erythropoiesis-stimulating agents
    # --- alimentary tract and metabolism -----------------------------------
    ("A10A", "insulin", False),
    ("A10B", "antidiabetic", False),
    ("A03FA", "antiemetic", False),
    ("A04A", "antiemetic", False),
    ("A07AA", "antibiotic", False),
    ("A07EA", "corticosteroid", False),
    ("A07EC", "aminosalicylate", False),
    ("A08A", "anti-obesity", False),
    ("A14A", "anabolic steroid", False),
    ("A16AB", "other", False),
    ("A16AX", "other", False),
    # --- genito-urinary system and sex hormones ---------------------------
    ("G03A", "hormonal contraceptive", False),
    ("G03B", "hormone", False),
    ("G03C", "hormone", False),
    ("G03D", "hormone", False),
    ("G03F", "hormone", False),
    ("G03G", "hormone", False),
    ("G03H", "hormone", False),
    ("G03X", "hormone", False),
    ("G04BD", "urinary antispasmodic", False),
    ("G04BE", "erectile dysfunction", False),
    ("G04CA", "alpha blocker", False),
    ("G04CB", "5-alpha reductase inhibitor", False),
    # --- systemic hormones ---------------------------------------------------
    ("H01", "hormone", False),
    ("H02", "corticosteroid", False),
    ("H03A", "thyroid", False),
    ("H03B", "antithyroid", False),
    ("H04", "hormone", False),
    ("H05", "other", False),
    # --- anti-infectives for systemic use ------------------------------------
    ("J01", "antibiotic", False),
    ("J02", "antifungal", False),
    ("J04", "antibiotic", False),
    ("J05", "antiviral", False),
    ("P01A", "antiprotozoal", False),
    ("P01B", "antimalarial", False),
    ("P01C", "antiprotozoal", False),
    ("P02", "anthelmintic", False),
    # --- antineoplastic and immunomodulating ---------------------------------
    ("L01", "chemotherapy", False),
    ("L02", "hormonal antineoplastic", False),
    ("L03", "immunostimulant", False),
    ("L04", "immunosuppressant", False),
    # --- musculo-skeletal ------------------------------------------------------
    ("M01A", "nsaid", False),
    ("M01C", "antirheumatic", False),
    ("M03A", "neuromuscular blocker", False),
    ("M03C", "muscle relaxant", False),
    ("M04", "antigout", False),
    ("M05BA", "bisphosphonate", False),
    ("M05BB", "bisphosphonate", False),
    ("M05BX", "other", False),
    # --- respiratory ------------------------------------------------------------
    ("R03AC", "bronchodilator", False),
    ("R03BA", "inhaled corticosteroid", False),
    ("R03BB", "bronchodilator", False),
    ("R03CC", "bronchodilator", False),
    ("R03DA", "bronchodilator", False),
    ("R03DC", "antiasthmatic", False),
    ("R03DX", "antiasthmatic", False),
    # --- dermatological and sensory, systemic or prescription-only only ---
    ("D10BA", "retinoid", False),  # oral isotretinoin
    ("D05BB", "retinoid", False),  # oral acitretin
    ("S01E", "glaucoma", False),
]
DEPRESSANT_CLASSES = {"benzodiazepine", "z-drug", "barbiturate", "opioid",
                      "hypnotic", "anesthetic", "muscle relaxant"}
RULE_ORDER = {prefix: i for i, (prefix, _, _) in enumerate(RULES)}
RULE_BY_PREFIX = {prefix: (cls, sed) for prefix, cls, sed in RULES}

# Drugs whose ATC codes give a misleading class (a cancer or heart code for a
# drug mostly used otherwise, a benzodiazepine filed as a muscle relaxant).
CLASS_OVERRIDE = {
    "celecoxib": "nsaid",
    "indometacin": "nsaid",
    "tretinoin": "retinoid",
    "alitretinoin": "retinoid",
    "lofexidine": "addiction treatment",
    "tetrazepam": "benzodiazepine",
    "droperidol": "antipsychotic",
    "esketamine": "antidepressant",
}

# Medicines of the kept groups that are CNS depressants with a warning against
# alcohol although their class default is "no".
SEDATING = {
    # gabapentinoids and other sedating anticonvulsants
    "gabapentin", "pregabalin", "perampanel",
    # sedating antipsychotics
    "chlorpromazine", "levomepromazine", "promazine", "thioridazine",
    "mesoridazine", "clozapine", "olanzapine", "quetiapine", "zotepine",
    "chlorprothixene", "asenapine", "loxapine", "periciazine",
    # sedating antidepressants
    "amitriptyline", "nortriptyline", "imipramine", "clomipramine", "doxepin",
    "dosulepin", "trimipramine", "maprotiline", "amoxapine", "lofepramine",
    "mianserin", "mirtazapine", "trazodone", "nefazodone", "esketamine",
    # other central depressants
    "clonidine", "lofexidine", "dexmedetomidine", "sodium oxybate",
    "dronabinol", "nabilone", "suvorexant", "lemborexant", "daridorexant",
}

# Recent medicines missing from the January 2009 ATC table, taken by name from
# the drug_named_entity_recognition data with a hand-assigned class.
SUPPLEMENT = {
    "rotigotine": "dopamine agonist",
    "brivaracetam": "anticonvulsant",
    "cenobamate": "anticonvulsant",
    "perampanel": "anticonvulsant",
    "eslicarbazepine": "anticonvulsant",
    "rufinamide": "anticonvulsant",
    "clobazam": "benzodiazepine",
    "apixaban": "anticoagulant",
    "edoxaban": "anticoagulant",
    "rivaroxaban": "anticoagulant",
    "dabigatran": "anticoagulant",
    "ticagrelor": "antiplatelet",
    "prasugrel": "antiplatelet",
    "lurasidone": "antipsychotic",
    "cariprazine": "antipsychotic",
    "brexpiprazole": "antipsychotic",
    "iloperidone": "antipsychotic",
    "lumateperone": "antipsychotic",
    "vortioxetine": "antidepressant",
    "vilazodone": "antidepressant",
    "levomilnacipran": "antidepressant",
    "esketamine": "antidepressant",
    "suvorexant": "hypnotic",
    "lemborexant": "hypnotic",
    "daridorexant": "hypnotic",
    "eszopiclone": "z-drug",
    "tapentadol": "opioid",
    "oliceridine": "opioid",
    "lisdexamfetamine": "stimulant",
    "solriamfetol": "stimulant",
    "pitolisant": "other",
    "safinamide": "antiparkinson",
    "opicapone": "antiparkinson",
    "istradefylline": "antiparkinson",
    "semaglutide": "antidiabetic",
    "liraglutide": "antidiabetic",
    "dulaglutide": "antidiabetic",
    "exenatide": "antidiabetic",
    "tirzepatide": "antidiabetic",
    "empagliflozin": "antidiabetic",
    "dapagliflozin": "antidiabetic",
    "canagliflozin": "antidiabetic",
    "ertugliflozin": "antidiabetic",
    "linagliptin": "antidiabetic",
    "insulin degludec": "insulin",
    "insulin glargine": "insulin",
    "insulin detemir": "insulin",
    "sacubitril": "antihypertensive",
    "tofacitinib": "immunosuppressant",
    "baricitinib": "immunosuppressant",
    "upadacitinib": "immunosuppressant",
    "erenumab": "antimigraine",
    "fremanezumab": "antimigraine",
    "galcanezumab": "antimigraine",
    "rimegepant": "antimigraine",
    "ubrogepant": "antimigraine",
    "lasmiditan": "antimigraine",
    "dolutegravir": "antiviral",
    "bictegravir": "antiviral",
    "sofosbuvir": "antiviral",
    "remdesivir": "antiviral",
    "nirmatrelvir": "antiviral",
    "baloxavir": "antiviral",
    "mirabegron": "urinary antispasmodic",
    "benzonatate": "other",
}

# Alternative non-proprietary names that the source files as separate entries
# or as salts; mapped by hand to their INN.
EXTRA_ALIASES = {
    "valproate": "valproic acid",
    "sodium valproate": "valproic acid",
    "semisodium valproate": "valproic acid",
    "valproate semisodium": "valproic acid",
    "divalproex": "valproic acid",
    "divalproex sodium": "valproic acid",
    "valproate sodium": "valproic acid",
    "levothyroxine sodium": "levothyroxine",
    # US adopted names and British approved names the source keeps apart
    "mesalamine": "mesalazine",
    "ethinyl estradiol": "ethinylestradiol",
    "norethindrone": "norethisterone",
    "frusemide": "furosemide",
    "dothiepin": "dosulepin",
    "amylobarbitone": "amobarbital",
    "quinalbarbitone": "secobarbital",
    "bendrofluazide": "bendroflumethiazide",
    "benzhexol": "trihexyphenidyl",
    "methotrimeprazine": "levomepromazine",
    "meperidine": "pethidine",
    "glyburide": "glibenclamide",
    "rifampin": "rifampicin",
    "cyclosporine": "ciclosporin",
    "cyclosporin": "ciclosporin",
    "amphetamine": "amfetamine",
    "dexamphetamine": "dexamfetamine",
    "dextroamphetamine": "dexamfetamine",
    "methamphetamine": "metamfetamine",
}
# ATC names whose salt word is part of the usual name.
KEEP_SALT_NAME = {"meglumine antimonate", "calcium carbimide", "sodium oxybate"}
# Misspellings in the English column of the ATC table.
ATC_NAME_FIXES = {
    "insuline glargine": "insulin glargine",
}
# Brand names missing from the source, added by hand.
EXTRA_BRANDS = {
    "epilim": "valproic acid",
}

# Names that the English word lists carry but that are unambiguous medicine
# names (kept although found in the dictionary).
DICT_ALLOWED = {
    "amphetamine", "aureomycin", "cipro", "darvon", "dexedrine", "librium",
    "miltown", "norplant", "oxycontin", "prozac", "quaalude", "ritalin",
    "seconal", "thorazine", "valium", "ventolin", "zoloft",
}

# Brand names that are also Latin, Spanish or English words, or common
# personal names, found by checking the candidates against a larger word list
# (wamerican-huge) by hand.
AMBIGUOUS_NAMES = {
    "arvin", "copal", "dagan", "dolin", "factive", "forane", "kempi", "longum",
    "luminal", "mareen", "modus", "palin", "planum", "rayos", "votum",
}

SALT_WORDS = {
    "sodium", "potassium", "calcium", "magnesium", "lithium", "zinc",
    "hydrochloride", "hcl", "dihydrochloride", "hydrobromide", "sulfate",
    "sulphate", "bisulfate", "phosphate", "citrate", "maleate", "mesylate",
    "mesilate", "besylate", "besilate", "tartrate", "bitartrate",
    "hemitartrate", "succinate", "fumarate", "acetate", "bromide", "chloride",
    "nitrate", "lactate", "gluconate", "tosylate", "napsylate", "pamoate",
    "embonate", "hyclate", "monohydrate", "dihydrate", "trihydrate",
    "hemihydrate", "anhydrous", "dipropionate", "propionate", "valerate",
    "furoate", "xinafoate", "decanoate", "enanthate", "cypionate",
    "undecanoate", "disodium", "trometamol", "meglumine", "medoxomil",
    "axetil", "pivoxil", "etexilate", "dimesylate", "oxalate", "salt",
}
FORM_WORDS = {
    "injection", "oral", "inhalation", "transdermal", "ophthalmic", "topical",
    "vaginal", "nasal", "spray", "patch", "rectal", "tablet", "tablets",
    "capsule", "capsules", "solution", "suspension", "cream", "gel",
    "extended-release", "release", "extended", "powder", "implant", "film",
    "system", "buccal", "sublingual", "chewable", "liquid", "drops",
}
# Chemical nomenclature: a synonym with one of these parts is a chemical name,
# not a brand.
CHEMICAL = re.compile(
    r"(methyl|ethyl|propyl|butyl|phenyl|benzyl|benzo|chloro|fluoro|bromo|iodo|"
    r"hydroxy|amino|carbox|sulfon|sulfan|pyrid|pyrrol|pyrim|piperid|"
    r"piperaz|imidaz|indol|quinol|guanid|cyclo|dimethyl|isomer|ester|"
    r"hydrate|acid|amide|anhydr|racemic|chain|peptide|globulin|acetyl|"
    r"adamant|arabino|furanosyl|deoxy|desoxy|didehydro|hydrazin|hydrazide|"
    r"nicotino|phospho|ferrate|carbamoyl|carbamyl|carbethoxy|nitroso|dithiol|"
    r"thione|bitartrate|norephedrin|nortestosterone|toxiferine|[a-z]{3}yl[a-z]{4})"
)
# Generic-company products written as one word: amantadinratiopharm ...
COMPANY = re.compile(r"(ratiopharm|neuraxpharm|stada|heumann|sandoz|teva|mylan|"
                     r"hexal|azu|beta|puren|basics|abz)$")
WORD = re.compile(r"^[a-z][a-z-]*[a-z]$")
INN_WORD = re.compile(r"^[a-z][a-z0-9-]*[a-z0-9]$")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def deb_member(deb_path, wanted_suffix):
    """Return the bytes of one file inside a .deb (ar archive of tarballs)."""
    with open(deb_path, "rb") as f:
        data = f.read()
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit(f"{deb_path}: not a Debian package")
    pos = 8
    while pos < len(data):
        header = data[pos:pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        body = data[pos + 60:pos + 60 + size]
        pos += 60 + size + (size & 1)
        if not name.startswith("data.tar"):
            continue
        if name.endswith(".xz"):
            body = lzma.decompress(body)
        elif name.endswith(".gz"):
            import gzip
            body = gzip.decompress(body)
        elif name.endswith(".zst"):
            raise SystemExit(f"{deb_path}: zstd data member not supported")
        with tarfile.open(fileobj=io.BytesIO(body)) as tar:
            for member in tar.getmembers():
                if member.name.endswith(wanted_suffix):
                    return tar.extractfile(member).read()
    raise SystemExit(f"{deb_path}: no member ending with {wanted_suffix}")


def find_input(src, pattern):
    hits = sorted(glob.glob(os.path.join(src, pattern)))
    if not hits:
        raise SystemExit(f"missing input {pattern} in {src} (see the module docstring)")
    path = hits[-1]
    expected = EXPECTED_SHA256.get(os.path.basename(path))
    if expected and sha256(path) != expected:
        print(f"warning: {os.path.basename(path)} differs from the pinned file",
              file=sys.stderr)
    return path


def load_dner(path):
    with zipfile.ZipFile(path) as z:
        raw = z.read("drug_named_entity_recognition/drug_ner_dictionary.pkl.bz2")
    # The package's own data file, loaded as the package itself loads it.
    return pickle.loads(bz2.decompress(raw))


def load_atc(path):
    raw = deb_member(path, "/atc_only-utf8.csv").decode("utf-8")
    codes = {}
    for row in csv.reader(io.StringIO(raw)):
        if len(row) >= 2 and len(row[0]) == 7:
            codes[row[0]] = row[1]
    return codes


def load_words(paths):
    lower, proper = set(), set()
    for path in paths:
        raw = deb_member(path, "/share/dict/" + (
            "american-english" if "wamerican" in path else "british-english"))
        for line in raw.decode("utf-8").splitlines():
            w = line.strip()
            if not w or "'" in w:
                continue
            (lower if w == w.lower() else proper).add(w.lower())
    return lower, proper - lower


def load_list(path):
    with open(path, encoding="utf-8") as f:
        return {line.strip().lower() for line in f if line.strip()}


def norm(text):
    text = unicodedata.normalize("NFC", text).lower().strip()
    text = re.sub(r"\s*\((human|beef|pork|bovine|porcine)\)", "", text)
    return re.sub(r"\s+", " ", text)


def strip_words(name, words):
    toks = name.split()
    while len(toks) > 1 and toks[-1] in words:
        toks.pop()
    while len(toks) > 1 and toks[0] in words:
        toks.pop(0)
    return " ".join(toks)


def classify_codes(codes):
    """Return (class, sedating, rule prefix) for a set of ATC codes, or None."""
    best = None
    for code in codes:
        for n in range(len(code), 0, -1):
            prefix = code[:n]
            if prefix in RULE_BY_PREFIX:
                key = RULE_ORDER[prefix]
                if best is None or key < best[0]:
                    best = (key, prefix)
                break
    if best is None:
        return None
    cls, sed = RULE_BY_PREFIX[best[1]]
    return cls, sed, best[1]


def is_foreign_form(variant, generic):
    """clonazepamum, quetiapina, levetiracetame, amoxicilline ..."""
    if variant == generic:
        return False
    endings = ("um", "a", "e", "o", "ina", "ino", "an", "as", "ane")
    return any(variant.startswith(a) and variant[len(a):] in endings
               for a in (generic, generic[:-1], generic[:-2]) if len(a) >= 5)


COMBINATION = re.compile(r"\s*(?:,|/|\band\b|\bwith\b|\bplus\b)\s*")


def base_name(canonical):
    """The source's entry name without route, dosage form, salt or notes."""
    name = re.sub(r"\s*\(.*?\)", "", norm(canonical))
    toks = [t for t in name.split() if t not in FORM_WORDS]
    while toks and toks[-1] in ("and", "or", ","):
        toks.pop()
    return strip_words(" ".join(toks), SALT_WORDS)


def acid_form(name):
    """alendronate -> alendronic acid (the INN of many anions is the acid)."""
    return name[:-3] + "ic acid" if name.endswith("ate") and " " not in name else name


def spelling_key(name, generic):
    """Fold the systematic spelling differences between INN, BAN and USAN."""
    k = name
    if generic.endswith("al") and k.endswith("one"):
        k = k[:-3] + "al"  # phenobarbitone -> phenobarbital
    for a, b in (("sulph", "sulf"), ("ph", "f"), ("th", "t"), ("ch", "c"),
                 ("ae", "e"), ("oe", "e"), ("y", "i"), ("k", "c")):
        k = k.replace(a, b)
    return k


def classify_variant(v, g, stems, known_brands):
    """Return (kind, None) for a kept synonym of generic g, or (None, reason)."""
    if v in stems:
        return ("generic", None) if WORD.match(v.replace(" ", "-")) else (None, "form")
    if v in EXTRA_ALIASES:
        return "generic", None
    if not v.isascii() or not WORD.match(v.replace(" ", "-")):
        return None, "punctuation, digits or accents"
    toks = v.split()
    if any(s in toks for s in stems) or any(
            t in SALT_WORDS or t in FORM_WORDS for t in toks):
        return None, "salt or product of the generic"
    if is_foreign_form(v, g):
        return None, "foreign form"
    if CHEMICAL.search(v):
        return None, "chemical name"
    if v in g.split() or acid_form(v) == g:
        return "generic", None  # glargine for insulin glargine; alendronate
    if len(v) > len(g) + 2 and v.startswith(g[:-1]) and COMPANY.search(v):
        return None, "generic-company product"
    vowels = sum(ch in "aeiouy" for ch in v)
    if vowels / len(v.replace(" ", "")) < 0.25:
        return None, "abbreviation or code"
    if spelling_key(v, g) == spelling_key(g, g):
        return "generic", None  # amoxycillin, cephalexin, phenobarbitone ...
    if difflib.SequenceMatcher(None, v, g).ratio() >= 0.8:
        if v in known_brands:
            return "brand", None
        return None, "foreign or misspelt form"
    if " " in v or "-" in v:
        return None, "multi-word name"
    return "brand", None


def build(src):
    dner = load_dner(find_input(src, "drug_named_entity_recognition-*.whl"))
    atc = load_atc(find_input(src, "gnumed-server_*.deb"))
    dict_lower, dict_proper = load_words([
        find_input(src, "wamerican_*.deb"), find_input(src, "wbritish_*.deb")])
    otc = load_list(os.path.join(HERE, "otc_exclusions.txt"))

    v2c = dner["drug_variant_to_canonical"]
    canon_data = dner["drug_canonical_to_data"]
    variants_of = defaultdict(set)
    for variant, canonicals in v2c.items():
        for c in canonicals:
            variants_of[c].add(variant)

    # ATC English name -> codes
    atc_by_name = defaultdict(set)
    atc_full = {}  # lookup key (name, or name without salt) -> ATC name
    for code, name in sorted(atc.items()):
        n = ATC_NAME_FIXES.get(norm(name), norm(name))
        bare = strip_words(n, SALT_WORDS)
        atc_by_name[n].add(code)
        atc_by_name[bare].add(code)
        atc_full[n] = n
        if atc_full.get(bare, n) != bare and len(n) <= len(atc_full.get(bare, n)):
            atc_full[bare] = n

    # 1. Map each source entry (DNER canonical) to an ATC name.
    entry_to_generic = {}
    generic_codes = defaultdict(set)
    combinations = []
    for c in sorted(canon_data):
        base = base_name(c)
        if COMBINATION.search(base):
            combinations.append(c)
            continue
        match = None
        for cand in (norm(c), base, acid_form(base)):
            if cand in atc_by_name:
                match = cand
                break
        if match is None:
            hits = [strip_words(v, SALT_WORDS) for v in variants_of.get(c, ())]
            hits = [v for v in hits if v in atc_by_name]
            if hits:
                match = max(sorted(hits), key=lambda v: difflib.SequenceMatcher(
                    None, v, norm(c)).ratio())
        if match is None:
            if base in SUPPLEMENT or base in EXTRA_ALIASES:
                entry_to_generic[c] = EXTRA_ALIASES.get(base, base)
            continue
        entry_to_generic[c] = atc_full[match]
        generic_codes[atc_full[match]] |= atc_by_name[match]

    # The INN written in drugs.tsv: the ATC name without a trailing salt word
    # when the bare name is also a known synonym of the same medicine.
    def display(generic):
        bare = strip_words(generic, SALT_WORDS)
        if generic in KEEP_SALT_NAME:
            return generic
        return bare if bare in v2c or bare in SUPPLEMENT else generic

    # 2. Class and sedation of each generic.
    info = {}
    for generic, codes in generic_codes.items():
        got = classify_codes(codes)
        if got is None:
            continue
        cls, sed, _ = got
        g = display(generic)
        info[g] = (cls, sed)
    for g, cls in SUPPLEMENT.items():
        if g in v2c and g not in info:
            info[g] = (cls, cls in DEPRESSANT_CLASSES)
    for g in list(info):
        cls, sed = info[g]
        if g in CLASS_OVERRIDE:
            cls = CLASS_OVERRIDE[g]
            sed = cls in DEPRESSANT_CLASSES
        info[g] = (cls, sed or g in SEDATING)

    # 3. Names of each generic.
    names = defaultdict(dict)  # name -> {generic: kind}

    def add(name, generic, kind):
        names[name].setdefault(generic, kind)

    dropped = defaultdict(set)
    known_brands = {v for v, data in dner["drug_variant_to_variant_data"].items()
                    if data.get("is_brand")}
    for c, generic in sorted(entry_to_generic.items()):
        g = display(generic) if generic in generic_codes else generic
        if g not in info:
            continue
        add(g, g, "generic")
        stems = {g, strip_words(norm(c), SALT_WORDS | FORM_WORDS)}
        for v in sorted(variants_of.get(c, ())) + [norm(c)]:
            v = norm(v)
            kind, why = classify_variant(v, g, stems, known_brands)
            if kind:
                add(v, EXTRA_ALIASES.get(v, g), kind)
            else:
                dropped[why].add(v)
    for alias, g in EXTRA_ALIASES.items():
        if g in info:
            add(alias, g, "generic")

    # Brands of combination products (Suboxone, Seglentis ...) are filed under
    # their main prescription-only ingredient: the one whose class comes first
    # in RULES. Every ingredient must be known; products that pair codeine or
    # dihydrocodeine with an over-the-counter painkiller are left out, as
    # low-strength ones are sold in UK pharmacies without prescription.
    single = {n: next(iter(gs)) for n, gs in names.items() if len(gs) == 1}
    class_rank = {}
    for _, cls, _ in RULES:
        class_rank.setdefault(cls, len(class_rank))
    for c in combinations:
        parts = [strip_words(p, SALT_WORDS) for p in COMBINATION.split(base_name(c)) if p]
        resolved = []
        for part in parts:
            if part in otc:
                resolved.append(None)
            elif part in single:
                resolved.append(single[part])
            else:
                resolved = []
                break
        rx = sorted({g for g in resolved if g and g not in otc and g in info})
        if not rx:
            dropped["combination without a known prescription-only part"].add(c)
            continue
        if None in resolved and set(rx) <= {"codeine", "dihydrocodeine"}:
            dropped["codeine combination sold in pharmacies"].add(c)
            continue
        main = min(rx, key=lambda g: (class_rank[info[g][0]], g))
        stems = set(parts) | {norm(c)}
        for v in sorted(variants_of.get(c, ())):
            v = norm(v)
            kind, why = classify_variant(v, main, stems, known_brands)
            if kind == "brand":
                add(v, main, "brand")
    for brand, g in EXTRA_BRANDS.items():
        if g in info:
            add(brand, g, "brand")

    # 4. Filters on every name.
    rows = []
    removed_otc = set()
    for name in sorted(names):
        gens = names[name]
        if len(gens) > 1:
            if name in gens:
                gens = {name: gens[name]}
            else:
                dropped["ambiguous"].add(name)
                continue
        (g, kind), = gens.items()
        if g in otc or name in otc:
            removed_otc.add(name)
            continue
        if name in AMBIGUOUS_NAMES:
            dropped["ambiguous in prose"].add(name)
            continue
        if len(name.replace(" ", "")) < 5:
            dropped["short"].add(name)
            continue
        # An INN is kept even when it is a dictionary word (morphine, quinine)
        # or has digits (interferon beta-1a); other names must be plain words
        # that are not English words.
        is_inn = kind == "generic" and name == g
        if not (INN_WORD if is_inn else WORD).match(name.replace(" ", "-")):
            dropped["punctuation, digits or accents"].add(name)
            continue
        if not is_inn and name not in DICT_ALLOWED:
            if name in dict_lower:
                dropped["dictionary word"].add(name)
                continue
            if name in dict_proper:
                dropped["dictionary proper noun"].add(name)
                continue
        cls, sed = info[g]
        rows.append((name, g, kind, cls, "yes" if sed else "no"))
    stats = {"source entries": len(canon_data),
             "ATC substances matched": len(generic_codes),
             "generics in kept ATC groups or added": len(info)}
    return rows, dropped, removed_otc, stats


def render(rows):
    out = io.StringIO()
    out.write("name\tgeneric\tkind\tclass\tsedating\n")
    for row in rows:
        out.write("\t".join(row) + "\n")
    return out.getvalue()


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--src", required=True, help="folder with the downloaded inputs")
    ap.add_argument("--out", default=os.path.join(HERE, "drugs.tsv"))
    ap.add_argument("--check", action="store_true",
                    help="do not write; exit 1 if --out differs from a rebuild")
    ap.add_argument("--report", action="store_true", help="print what was dropped")
    args = ap.parse_args(argv)

    rows, dropped, removed_otc, stats = build(args.src)
    text = render(rows)
    generics = {r[1] for r in rows}
    brands = sum(1 for r in rows if r[2] == "brand")
    classes = {r[3] for r in rows}
    print(f"{len(rows)} names: {len(generics)} generics, "
          f"{sum(1 for r in rows if r[2] == 'generic')} generic names, "
          f"{brands} brand names, {len(classes)} classes; "
          f"{len(removed_otc)} names removed by otc_exclusions.txt", file=sys.stderr)
    if args.report:
        print("; ".join(f"{k}: {v}" for k, v in stats.items()), file=sys.stderr)
        for reason in sorted(dropped):
            print(f"# {reason}: {len(dropped[reason])}", file=sys.stderr)
            print("  " + ", ".join(sorted(dropped[reason])), file=sys.stderr)
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            same = f.read() == text
        print("up to date" if same else "DIFFERS", file=sys.stderr)
        return 0 if same else 1
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
