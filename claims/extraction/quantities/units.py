"""The unit lexicon: measures, currencies and common count nouns of general English news, with the class
each normalises to (singular, lower-case)."""

from __future__ import annotations

import re


def _expand(table: dict[str, str]) -> dict[str, str]:
    """Every spelling of the table ("a|b|c": cls) as its own key."""
    out: dict[str, str] = {}
    for keys, cls in table.items():
        for k in keys.split("|"):
            out[k] = cls
    return out


# Case-insensitive unit words and abbreviations written after a number (single tokens or glued suffixes).
MEASURES = _expand(
    {
        "percent|per-cent|per cent|pct|pc|%|percentage": "percentage",
        "year-old|years-old|year-olds|years old|year old|yr-old": "year of age",
        "rpm|revolutions per minute": "revolutions per minute",
        "tonne|tonnes|ton|tons|t|metric ton|metric tons|metric tonnes": "tonne",
        "kilotonne|kilotonnes|kilotons|kiloton|kt": "kilotonne",
        "megatonne|megatonnes|megaton|megatons": "megatonne",
        "gigatonne|gigatonnes|gigaton|gigatons": "gigaton",
        "kilogram|kilograms|kilogramme|kilogrammes|kg|kgs|kilo|kilos": "kilogram",
        "gram|grams|gramme|grammes|g": "gram",
        "milligram|milligrams|mg": "milligram",
        "microgram|micrograms|mcg|µg|μg": "microgram",
        "pound-mass|lb|lbs": "pound-mass",
        "ounce|ounces|oz": "ounce",
        "stone": "stone",
        "kilometre|kilometres|kilometer|kilometers|km|kms": "kilometre",
        "metre|metres|meter|meters|m": "metre",
        "centimetre|centimetres|centimeter|centimeters|cm": "centimetre",
        "millimetre|millimetres|millimeter|millimeters|mm": "millimetre",
        "micrometre|micrometres|micrometer|micrometers|micron|microns|µm|μm": "micrometre",
        "nanometre|nanometres|nanometer|nanometers|nm": "nanometre",
        "mile|miles|mi": "mile",
        "yard|yards|yd|yds": "yard",
        "foot|feet|ft|'|\u2032": "foot",
        'inch|inches|in.|"|″|”': "inch",
        "nautical mile|nautical miles": "nautical mile",
        "km/h|kph|kmh|kmph|kilometres per hour|kilometers per hour": "kilometre per hour",
        "mph|miles per hour|mile per hour|miles an hour": "mile per hour",
        "knot|knots|kt|kts": "knot",
        "mpg|miles per gallon": "mile per gallon",
        "m/s|metres per second|meters per second": "metre per second",
        "hp|horsepower|bhp|horses|ps": "horsepower",
        "watt|watts|w": "watt",
        "kilowatt|kilowatts|kw": "kilowatt",
        "megawatt|megawatts|mw": "megawatt",
        "gigawatt|gigawatts|gw": "gigawatt",
        "kwh|kilowatt-hour|kilowatt-hours|kilowatt hours": "kilowatt hour",
        "mwh|megawatt-hours|megawatt hours": "megawatt hour",
        "gwh|gigawatt-hours|gigawatt hours": "gigawatt hour",
        "twh|terawatt-hours|terawatt hours": "terawatt hour",
        "volt|volts|v": "volt",
        "kv|kilovolt|kilovolts": "kilovolt",
        "amp|amps|ampere|amperes": "ampere",
        "mah": "milliampere-hour",
        "hz|hertz": "hertz",
        "khz|kilohertz": "kilohertz",
        "mhz|megahertz": "megahertz",
        "ghz|gigahertz": "gigahertz",
        "nm|newton-metre|newton-metres|newton metres|newton-meters": "newton metre",
        "lb-ft|lb ft|lb.-ft.": "foot pound-force",
        "pound-feet|pound-foot|pound feet": "pound-foot",
        "byte|bytes": "byte",
        "kb|kilobyte|kilobytes": "kilobyte",
        "mb|megabyte|megabytes": "megabyte",
        "gb|gig|gigs|gigabyte|gigabytes": "gigabyte",
        "tb|terabyte|terabytes": "terabyte",
        "pb|petabyte|petabytes": "petabyte",
        "mbps|mb/s": "megabit per second",
        "gbps|gb/s": "gigabit per second",
        "kbps": "kilobit per second",
        "litre|litres|liter|liters|l": "litre",
        "millilitre|millilitres|milliliter|milliliters|ml": "millilitre",
        "gallon|gallons|gal": "gallon",
        "pint|pints": "pint",
        "quart|quarts": "quart",
        "barrel|barrels|bbl": "barrel",
        "dram|drams": "dram",
        "bpd|barrels a day|barrels per day|barrel-a-day|barrels-a-day|barrel-per-day": "barrel per day",
        "degree|degrees|°|deg": "degree",
        "°c|degc|celsius|centigrade|degrees celsius|degrees centigrade|deg c|degree celsius": "celsius",
        "°f|degf|fahrenheit|degrees fahrenheit|deg f|degree fahrenheit": "fahrenheit",
        "kelvin": "kelvin",
        "acre|acres": "acre",
        "hectare|hectares|ha": "hectare",
        "square mile|square miles|sq mi|sq miles": "square mile",
        "square kilometre|square kilometres|square kilometers|square kilometer|sq km|km2|km²": "square kilometre",
        "square metre|square metres|square meters|square meter|sq m|sqm|m2|m²": "square metre",
        "square foot|square feet|sq ft|sqft|ft2|ft²": "square foot",
        "cubic metre|cubic metres|cubic meters|m3|m³": "cubic metre",
        "cubic feet|cubic foot": "cubic foot",
        "calorie|calories|kcal|cal": "calorie",
        "joule|joules|j": "joule",
        "decibel|decibels|db": "decibel",
        "pascal|pascals|pa": "pascal",
        "kpa": "kilopascal",
        "mpa|megapascal|megapascals": "megapascal",
        "gpa|gigapascal|gigapascals": "gigapascal",
        "psi": "pound per square inch",
        "ksi": "kilopound per square inch",
        "ppm|parts per million": "part per million",
        "ppb|parts per billion": "part per billion",
        "basis point|basis points|bps|bp": "basis point",
        "percentage point|percentage points|pp|ppt|ppts": "percentage point",
        "point|points|pts|pt": "point",
        "carat|carats|ct": "carat",
        "second|seconds|sec|secs|s": "second",
        "minute|minutes|min|mins": "minute",
        "hour|hours|hr|hrs|h": "hour",
        "day|days": "day",
        "week|weeks|wk|wks": "week",
        "month|months|mo|mos": "month",
        "year|years|yr|yrs": "year",
        "decade|decades": "decade",
        "century|centuries": "century",
        "millennium|millennia": "millennium",
        "fortnight|fortnights": "fortnight",
        "times|fold": "count",
        "x": "count",
        "ppg": "point per game",
        "rpg": "rebound per game",
        "apg": "assist per game",
    }
)

# Currency names written after the amount; a nationality before them picks the national currency.
CURRENCY_WORDS = _expand(
    {
        "dollar|dollars|usd": "dollar",
        "euro|euros|eur": "euro",
        "cent|cents|c": "cent",
        "pence|penny|pennies|p": "penny",
        "sterling|gbp": "pound sterling",
        "yen|jpy": "japanese yen",
        "yuan|renminbi|rmb|cny": "chinese yuan",
        "rupee|rupees|inr": "indian rupee",
        "rouble|roubles|ruble|rubles|rub": "russian ruble",
        "shekel|shekels|nis": "shekel",
        "peso|pesos": "peso",
        "rand": "south african rand",
        "won": "south korean won",
        "ringgit|myr": "malaysian ringgit",
        "sen": "sen",
        "baht": "thai baht",
        "lira|liras|lire": "turkish lira",
        "franc|francs|chf": "swiss franc",
        "dinar|dinars": "dinar",
        "dirham|dirhams": "dirham",
        "riyal|riyals": "riyal",
        "naira": "nigerian naira",
        "rupiah": "indonesian rupiah",
        "real|reais": "real",
        "krona|kronor": "swedish krona",
        "krone|kroner|crowns": "krone",
        "zloty|zlotys": "polish zloty",
        "bitcoin|bitcoins|btc": "bitcoin",
        "hryvnia|hryvnias": "ukrainian hryvnia",
        "bolivar|bolivars": "bolivar",
    }
)
NATIONAL_CURRENCY = {
    ("canadian", "dollar"): "canadian dollar",
    ("australian", "dollar"): "australian dollar",
    ("singapore", "dollar"): "singaporean dollar",
    ("singaporean", "dollar"): "singaporean dollar",
    ("hong", "dollar"): "hong kong dollar",
    ("zealand", "dollar"): "new zealand dollar",
    ("danish", "krone"): "danish krone",
    ("norwegian", "krone"): "norwegian krone",
    ("swedish", "krone"): "swedish krona",
    ("czech", "krone"): "czech koruna",
    ("mexican", "peso"): "mexican peso",
    ("brazilian", "real"): "brazilian real",
    ("chinese", "chinese yuan"): "chinese yuan",
    ("japanese", "japanese yen"): "japanese yen",
    ("indian", "indian rupee"): "indian rupee",
    ("pakistani", "indian rupee"): "pakistani rupee",
    ("argentine", "peso"): "argentine peso",
    ("philippine", "peso"): "philippine peso",
    ("british", "pound-mass"): "pound sterling",
}
CURRENCY_PREFIXES = {
    "$": "dollar",
    "US$": "dollar",
    "$US": "dollar",
    "USD": "dollar",
    "US": "dollar",
    "A$": "australian dollar",
    "AU$": "australian dollar",
    "$A": "australian dollar",
    "AUD": "australian dollar",
    "C$": "canadian dollar",
    "CA$": "canadian dollar",
    "CAD": "canadian dollar",
    "S$": "singaporean dollar",
    "SGD": "singaporean dollar",
    "HK$": "hong kong dollar",
    "NZ$": "new zealand dollar",
    "R$": "brazilian real",
    "£": "pound sterling",
    "PS": "pound sterling",
    "GBP": "pound sterling",
    "€": "euro",
    "EUR": "euro",
    "¥": "japanese yen",
    "Y=": "japanese yen",
    "JPY": "japanese yen",
    "CNY": "chinese yuan",
    "₹": "indian rupee",
    "Rs": "indian rupee",
    "Rs.": "indian rupee",
    "INR": "indian rupee",
    "₽": "russian ruble",
    "₩": "south korean won",
    "RM": "malaysian ringgit",
    "CHF": "swiss franc",
}
# Letters written as a separate word before "$" ("US $58", "C $6", "S $1mil").
DOLLAR_QUALIFIERS = {
    "US": "US$",
    "U.S.": "US$",
    "A": "A$",
    "AU": "A$",
    "C": "C$",
    "CA": "C$",
    "S": "S$",
    "HK": "HK$",
    "NZ": "NZ$",
    "R": "R$",
}
# Abbreviations that are too ambiguous to read as units unless glued to the number ("5m", "3s", "2h").
GLUED_ONLY = {
    "m",
    "s",
    "h",
    "t",
    "g",
    "l",
    "w",
    "v",
    "x",
    "c",
    "p",
    "j",
    "b",
    "in.",
    "pa",
    "ha",
    "mi",
    "ps",
    "min",
    "mo",
    "'",
    '"',
    "″",
    "”",
    "\u2032",
    "ct",
    "pt",
    "pp",
    "bp",
    "kt",
    "gal",
    "cal",
    "deg",
    "sec",
    "db",
    "nm",
    "mg",
    "pc",
}

# Classes of common count nouns in news; anything else is counted under its own lemma.
COUNT_CLASSES = _expand(
    {
        "plane|airplane|aeroplane|jet|aircraft|airliner|warplane|jetliner": "aircraft",
        "troop|soldier|serviceman|servicemen|servicewoman|infantryman|paratrooper|commando": "soldier",
        "bomber": "bomber",
        "fighter jet|fighter": "fighter",
        "helicopter|chopper": "helicopter",
        "ship|vessel|warship": "ship",
        "drone": "drone",
        "tank": "tank",
        "missile|rocket": "missile",
        "person|persons|individual": "person",
        "people": "people",
        "kid|child|children": "child",
        "arrest|apprehension": "arrest",  # border and police figures use both words for one count
    }
)
# Classes where "a/an X" in an event report counts one ("a Russian aircraft landed").
SINGLE_COUNT_CLASSES = {"aircraft", "bomber", "fighter", "helicopter", "ship", "tank", "missile", "drone"}
PER_WORDS = {"per", "a", "an", "each", "every", "/"}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}

_IRREGULAR = {
    "feet": "foot",
    "men": "man",
    "women": "woman",
    "children": "child",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "people": "people",
    "series": "series",
    "species": "species",
    "data": "data",
    "media": "media",
    "criteria": "criterion",
    "aircraft": "aircraft",
    "staff": "staff",
    "personnel": "personnel",
    "news": "news",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "halves": "half",
    "shelves": "shelf",
    "leaves": "leaf",
    "thieves": "thief",
}
_SING_RULES = [
    (re.compile(r"(.*[^aeiou])ies$"), r"\1y"),
    (re.compile(r"(.*(?:ss|sh|ch|x|z|o))es$"), r"\1"),
    (re.compile(r"(.*men)$"), r"\1"),
    (re.compile(r"(.*[^su])s$"), r"\1"),
]


def singular_word(word: str) -> str:
    """A plural English word made singular by rule ("burglaries" -> "burglary", "feet" -> "foot")."""
    w = word.lower()
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    if w.endswith("men") and len(w) > 4:
        return w[:-3] + "man"
    if len(w) <= 3:
        return w
    for rx, rep in _SING_RULES:
        if rx.match(w):
            return rx.sub(rep, w)
    return w


def singular(phrase: str) -> str:
    """The phrase lower-cased with its last word singular ("Tu-160 strategic bombers" -> "... bomber")."""
    words = phrase.lower().split()
    if not words:
        return ""
    words[-1] = singular_word(words[-1])
    return " ".join(words)


# Single letters whose case decides: "5G" is no gram, "5M" no metre (M is read as million), "2L" is a litre.
_LOWER_ONLY = {"m", "g", "s", "h", "t", "p", "b", "x", "j", "c"}
_UPPER_ONLY = {"L", "W", "V", "F", "C"}
# Abbreviations whose case tells them apart ("Nm" newton metre, "nm" nanometre; "PS" metric horsepower).
_CASED = {
    "Nm": "newton metre",
    "nm": "nanometre",
    "PS": "horsepower",
    "MW": "megawatt",
    "mW": "milliwatt",
    "Mb": "megabit",
    "MB": "megabyte",
    "Gb": "gigabit",
    "GB": "gigabyte",
    "kt": "knot",
}


def measure_class(word: str, glued: bool) -> str | None:
    """The class of a unit word or abbreviation, or None; short abbreviations only count when glued."""
    if word in _CASED:
        return _CASED[word]
    w = word.lower()
    if len(word) == 1 and word.isalpha():
        if word in _UPPER_ONLY:
            return {"L": "litre", "W": "watt", "V": "volt", "F": "fahrenheit", "C": "celsius"}[word]
        if word not in _LOWER_ONLY:
            return None
    if not glued and w in GLUED_ONLY:
        return None
    return MEASURES.get(w) or CURRENCY_WORDS.get(w)


def count_class(lemma: str) -> str:
    """The normalised class of a counted noun ("planes" -> "aircraft"), else its singular lemma."""
    lem = lemma.lower()
    return COUNT_CLASSES.get(lem) or COUNT_CLASSES.get(singular_word(lem)) or singular_word(lem)
