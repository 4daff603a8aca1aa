"""The string catalogue: every user-facing text in Turkish and English, filled through slots.

The texts live in catalogue files, ``clusterlib/resources/strings/<module>.yaml`` (one per module
that uses them, ``key: {tr: ..., en: ...}``), loaded once when this module is imported;
:func:`add_strings` registers further texts at run time.  :func:`t` looks one up and fills its
slots.  A slot is ``{field}`` or ``{field|filter|filter:arg:arg}``; filters run left to right:

========================  ==================================================================
number filters            ``num[:d]`` (:func:`format_number`), ``pct[:d]`` (:func:`format_percent`),
                          ``signed[:d]``, ``signed_pct[:d]``, ``ratio[:d]`` ("0,89 katı"),
                          ``abs`` (size without sign, for a sentence whose verb carries the sign)
words chosen by a value   ``sign:POS:NEG[:ZERO]`` (:func:`by_sign`: ``{change|sign:arttı:azaldı}``),
                          ``plural:ONE:MANY`` (English), ``ord`` (``2.`` / ``2nd``)
text                      ``lower`` (first letter, Turkish rules), ``cap``, ``upper``,
                          ``list`` (:func:`join_list`; text filters before it apply to each item)
Turkish case suffixes     ``loc abl dat gen acc poss poss_loc poss_abl poss_dat poss_acc
                          poss_gen ins`` (:func:`inflect`); before
                          them ``proper`` / ``common`` / ``compound`` override the guesses.
                          In English texts they leave the value unchanged.
========================  ==================================================================

So a template never hard-writes a suffix: ``"{sector|lower|loc} {p|pct:0|poss_loc}"`` gives
"ana metal sanayiinde %100'ünde".  ``{{`` and ``}}`` are literal braces; a slot without ``|`` is
filled by :meth:`str.format` as before (``{year}``, ``{x:.1f}``).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from importlib import resources

import yaml

from clusterlib.config import DEFAULT_LANGUAGE, LANGUAGES
from clusterlib.i18n import formatting as fmt
from clusterlib.i18n.text import by_sign, join_list, ordinal, plural
from clusterlib.i18n.turkish import (
    CASES,
    inflect,
    lower_first,
    lower_first_en,
    turkish_capitalize,
    turkish_upper,
)

__all__ = [
    "CATALOGUE_FOLDER",
    "FILTERS",
    "add_strings",
    "catalogue_files",
    "catalogue_problems",
    "has_string",
    "language_name",
    "read_catalogue",
    "registered_keys",
    "render",
    "slot_fields",
    "t",
    "template",
]

#: UI strings: key -> {language: text}.
_STRINGS: dict[str, dict[str, str]] = {}

_SLOT = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def add_strings(strings: Mapping[str, Mapping[str, str]]) -> None:
    """Register UI strings so that :func:`t` can find them.

    Other modules (the methodology steps) register their own short texts here, e.g. finding
    templates, instead of building sentences in notebooks.

    Parameters
    ----------
    strings : mapping
        ``{key: {"tr": text, "en": text}}``; every key needs a text in every language of
        :data:`~clusterlib.config.LANGUAGES`.  Registering an existing key with a different text is
        an error.

    Raises
    ------
    ValueError
        When a key lacks a language or would change an existing string.

    Examples
    --------
    >>> add_strings({"demo.hello": {"tr": "Merhaba {name}", "en": "Hello {name}"}})
    >>> t("demo.hello", "tr", name="Çorum")
    'Merhaba Çorum'
    """
    for key, texts in strings.items():
        missing = [lang for lang in LANGUAGES if not isinstance(texts.get(lang), str)]
        if missing:
            raise ValueError(f"string {key!r} needs a text in {list(LANGUAGES)}; missing {missing}")
        known = _STRINGS.get(key)
        new = {lang: texts[lang] for lang in LANGUAGES}
        if known is not None and known != new:
            raise ValueError(f"string {key!r} is already registered with other texts: {known}")
        _STRINGS[key] = new


#: The package folder of the catalogue files.
CATALOGUE_FOLDER = "resources/strings"


def catalogue_files() -> list[str]:
    """Names of the catalogue files (``needs.findings.yaml`` …), sorted."""
    folder = resources.files("clusterlib").joinpath(CATALOGUE_FOLDER)
    return sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".yaml"))


def read_catalogue(name: str) -> dict[str, dict[str, str]]:
    """The entries of one catalogue file, ``{key: {"tr": text, "en": text}}``.

    Raises
    ------
    ValueError
        When the file is not a mapping of keys to ``{tr, en}`` texts (naming the file and key).
    """
    path = resources.files("clusterlib").joinpath(CATALOGUE_FOLDER, name)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{CATALOGUE_FOLDER}/{name}: expected a mapping of keys to texts")
    problems = [p for p in catalogue_problems(data) if "slots differ" not in p]  # slots: tests/ check them
    if problems:
        raise ValueError(f"{CATALOGUE_FOLDER}/{name}: " + "; ".join(problems))
    return data


def slot_fields(text: str) -> set[str]:
    """The field names of the slots of a template (filters and format specs left out).

    Examples
    --------
    >>> sorted(slot_fields("{sector|lower|loc} {p|pct:0} {year} {x:.1f} {{literal}}"))
    ['p', 'sector', 'x', 'year']
    """
    fields = set()
    for match in _SLOT.finditer(text):
        if match.group(1) is not None:
            fields.add(match.group(1).split("|")[0].split(":")[0].strip())
    return fields


def catalogue_problems(entries: Mapping[str, object]) -> list[str]:
    """Every problem of catalogue entries: a missing or empty language, slots that differ.

    Examples
    --------
    >>> catalogue_problems({"a.b": {"tr": "{n} firma", "en": "{count} firms"}, "a.c": {"tr": "x"}})
    ["'a.b': the slots differ (tr: n; en: count)", "'a.c': needs a text in tr and en"]
    """
    problems = []
    for key, texts in entries.items():
        if not isinstance(texts, Mapping) or set(texts) != set(LANGUAGES) or not all(
            isinstance(texts[lang], str) and texts[lang].strip() for lang in LANGUAGES
        ):
            problems.append(f"{key!r}: needs a text in {' and '.join(LANGUAGES)}")
            continue
        fields = {lang: slot_fields(texts[lang]) for lang in LANGUAGES}
        if len({frozenset(f) for f in fields.values()}) > 1:
            shown = "; ".join(f"{lang}: {', '.join(sorted(f)) or '-'}" for lang, f in fields.items())
            problems.append(f"{key!r}: the slots differ ({shown})")
    return problems


def _load_catalogues() -> None:
    for name in catalogue_files():
        entries = read_catalogue(name)
        clash = sorted(set(entries) & set(_STRINGS))
        if clash:
            raise ValueError(f"{CATALOGUE_FOLDER}/{name}: keys defined twice: {clash[:5]}")
        add_strings(entries)


def has_string(key: str) -> bool:
    """True when :func:`t` knows ``key``.

    Examples
    --------
    >>> has_string("status.ok"), has_string("status.nope")
    (True, False)
    """
    return key in _STRINGS


def registered_keys() -> list[str]:
    """Every registered key (those of the modules imported so far), sorted."""
    return sorted(_STRINGS)


def template(key: str, lang: str) -> str:
    """The raw text of ``key`` in ``lang``, slots unfilled."""
    fmt.check_language(lang)
    try:
        return _STRINGS[key][lang]
    except KeyError:
        close = difflib.get_close_matches(key, list(_STRINGS), n=3, cutoff=0.6)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise KeyError(f"no UI string {key!r}{hint}") from None


def t(key: str, lang: str = DEFAULT_LANGUAGE, /, **fields: object) -> str:
    """Translate a UI string and fill its slots.

    Parameters
    ----------
    key : str
        Dotted key such as ``"report.key_findings"``.
    lang : {"tr", "en"}
    **fields
        Values for the ``{slots}`` of the text (see the module docstring for filters).

    Returns
    -------
    str

    Raises
    ------
    KeyError
        For an unknown key (the message suggests the closest keys) or a slot without a value.
    ValueError
        For an unknown language or filter.

    Examples
    --------
    >>> t("report.key_findings", "tr"), t("report.key_findings", "en")
    ('Temel bulgular', 'Key findings')
    >>> t("index.cell", "tr", cell=4)
    'Hücre 4'
    """
    text = template(key, lang)
    return _render(text, lang, key, fields) if fields else text


def language_name(lang: str, *, in_lang: str | None = None) -> str:
    """The name of language ``lang`` written in ``in_lang`` (default: in itself).

    Examples
    --------
    >>> language_name("tr"), language_name("en", in_lang="tr")
    ('Türkçe', 'İngilizce')
    """
    fmt.check_language(lang)
    return t(f"language.{lang}", in_lang or lang)


def _decimals(args: list[str], default: int) -> int:
    return int(args[0]) if args else default


def _number_filter(function: Callable[..., str], default: int) -> Callable[..., object]:
    def apply(value: object, lang: str, args: list[str], state: dict) -> object:
        return function(value, lang, decimals=_decimals(args, default))

    return apply


def _text_filter(
    function: Callable[[str], str], english: Callable[[str], str] | None = None
) -> Callable[..., object]:
    def apply(value: object, lang: str, args: list[str], state: dict) -> object:
        chosen = english if english is not None and lang == "en" else function
        if isinstance(value, (list, tuple)):
            return [chosen(str(v)) for v in value]
        return chosen(str(value))

    return apply


def _case_filter(case: str) -> Callable[..., object]:
    def apply(value: object, lang: str, args: list[str], state: dict) -> object:
        if isinstance(value, float):
            raise TypeError(f"format the number before the case suffix '{case}' (e.g. '|num|{case}')")
        if lang != "tr":
            return value
        if isinstance(value, (list, tuple)):
            raise TypeError(f"join the list before the case suffix '{case}' (e.g. '|list|{case}')")
        return inflect(
            str(value), case, proper=state.pop("proper", None), compound=state.pop("compound", None)
        )

    return apply


def _flag(name: str, flag: bool) -> Callable[..., object]:
    def apply(value: object, lang: str, args: list[str], state: dict) -> object:
        state[name] = flag
        return value

    return apply


def _sign(value: object, lang: str, args: list[str], state: dict) -> object:
    if len(args) not in (2, 3):
        raise ValueError("'sign' needs two or three words: sign:POSITIVE:NEGATIVE[:ZERO]")
    return by_sign(value, *args)


def _plural(value: object, lang: str, args: list[str], state: dict) -> object:
    if len(args) != 2:
        raise ValueError("'plural' needs two words: plural:ONE:MANY")
    return plural(value, *args)


def _list(value: object, lang: str, args: list[str], state: dict) -> object:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise TypeError(f"'list' needs a list of names, got {type(value).__name__}")
    return join_list(value, lang)


def _ordinal(value: object, lang: str, args: list[str], state: dict) -> object:
    return ordinal(value, lang)


def _abs(value: object, lang: str, args: list[str], state: dict) -> object:
    return value if fmt.is_missing(value) else abs(value)  # type: ignore[arg-type]


#: Filter name -> function(value, lang, args, state).
FILTERS: dict[str, Callable[..., object]] = {
    "num": _number_filter(fmt.format_number, 0),
    "pct": _number_filter(fmt.format_percent, 1),
    "signed": _number_filter(fmt.format_signed, 0),
    "signed_pct": _number_filter(fmt.format_signed_percent, 1),
    "ratio": _number_filter(fmt.format_ratio, 2),
    "abs": _abs,
    "sign": _sign,
    "plural": _plural,
    "ord": _ordinal,
    "lower": _text_filter(lower_first, lower_first_en),
    "cap": _text_filter(turkish_capitalize, lambda text: text[:1].upper() + text[1:]),
    "upper": _text_filter(turkish_upper, str.upper),
    "list": _list,
    "proper": _flag("proper", True),
    "common": _flag("proper", False),
    "compound": _flag("compound", True),
    **{case: _case_filter(case) for case in CASES},
}


def _fill(slot: str, lang: str, key: str, fields: Mapping[str, object]) -> str:
    if "|" not in slot:
        try:
            return ("{" + slot + "}").format(**fields)
        except KeyError as err:
            raise KeyError(f"string {key!r} needs a value for {err.args[0]!r}") from None
    name, *steps = slot.split("|")
    name = name.strip()
    if name not in fields:
        raise KeyError(f"string {key!r} needs a value for {name!r}")
    value = fields[name]
    state: dict = {}
    for step in steps:
        filter_name, *args = step.strip().split(":")
        try:
            function = FILTERS[filter_name]
        except KeyError:
            raise ValueError(
                f"string {key!r}: unknown filter {filter_name!r}; known: {sorted(FILTERS)}"
            ) from None
        value = function(value, lang, args, state)
    if isinstance(value, (list, tuple)):
        return join_list(value, lang)
    return str(value)


def render(text: str, lang: str, /, **fields: object) -> str:
    """Fill the ``{slots}`` of ``text`` (see the module docstring).

    Examples
    --------
    >>> render("ilk {k|loc}, {p|pct:0|poss_loc}", "tr", k=5, p=0.996)
    "ilk 5'te, %100'ünde"
    >>> render("{change|abs|num} kişi {change|sign:arttı:azaldı}", "tr", change=-5202)
    '5.202 kişi azaldı'
    """
    return _render(text, lang, "<text>", fields)


def _render(text: str, lang: str, key: str, fields: Mapping[str, object]) -> str:
    """:func:`render` for the catalogue text ``key`` (named in error messages); any field name works."""
    fmt.check_language(lang)

    def replace(match: re.Match) -> str:
        whole = match.group(0)
        if whole == "{{":
            return "{"
        if whole == "}}":
            return "}"
        return _fill(match.group(1), lang, key, fields)

    return _SLOT.sub(replace, text)


_load_catalogues()
