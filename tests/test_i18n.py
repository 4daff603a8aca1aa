"""Tests of clusterlib.i18n: locale number formats, dates and UI strings."""

from __future__ import annotations

import datetime as dt
import math
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from clusterlib import i18n
from clusterlib.i18n import MINUS, add_strings, format_date, format_number, format_percent, t

finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False, allow_infinity=False)


def test_number_symbols_cldr_tr_en():
    """Unicode CLDR locale data (Unicode Common Locale Data Repository, ``common/main/tr.xml``
    and ``en.xml``, numbers/symbols and decimalFormats): Turkish decimal ``,`` group ``.``; English
    decimal ``.`` group ``,``; pattern ``#,##0.###`` groups by three."""
    assert format_number(1234567.891, "tr", decimals=3) == "1.234.567,891"
    assert format_number(1234567.891, "en", decimals=3) == "1,234,567.891"
    assert format_number(999, "tr") == "999"
    assert format_number(1000, "tr") == "1.000"


def test_percent_pattern_cldr_tr_en():
    """Unicode CLDR percentFormats: Turkish ``%#,##0`` (sign before the number), English
    ``#,##0%`` (CLDR ``common/main/tr.xml``, ``en.xml``)."""
    assert format_percent(0.125, "tr") == "%12,5"
    assert format_percent(0.125, "en") == "12.5%"
    assert format_percent(12.345, "tr", decimals=0) == "%1.235"
    assert format_percent(-0.05, "tr", decimals=0) == f"{MINUS}%5"


def test_rounding_half_away_from_zero_on_decimal_repr():
    """Round as a reader rounds the printed number: 2.675 → 2.68 (binary float is 2.67499…)."""
    assert format_number(2.675, "en", decimals=2) == "2.68"
    assert format_number(-2.5, "en") == f"{MINUS}3"
    assert format_number(0.5, "en") == "1"


def test_missing_values_are_a_dash():
    import numpy as np
    import pandas as pd

    for missing in (None, float("nan"), np.nan, pd.NA, pd.NaT):
        assert format_number(missing, "tr") == i18n.MISSING
        assert format_percent(missing, "en") == i18n.MISSING


def test_numpy_and_infinite_numbers():
    import numpy as np

    assert format_number(np.int64(1234), "tr") == "1.234"
    assert format_number(np.float32(0.5), "tr", decimals=1) == "0,5"
    assert format_number(math.inf, "tr") == "∞"
    assert format_number(-math.inf, "en") == f"{MINUS}∞"


def test_no_negative_zero():
    assert format_number(-0.0001, "tr", decimals=2) == "0,00"
    assert format_percent(-0.00001, "en") == "0.0%"


@given(finite, st.integers(min_value=0, max_value=4))
def test_tr_and_en_differ_only_in_symbols(x, decimals):
    tr_text = format_number(x, "tr", decimals=decimals)
    en_text = format_number(x, "en", decimals=decimals)
    assert tr_text.translate(str.maketrans(",.", ".,")) == en_text


@given(finite, st.integers(min_value=0, max_value=4))
def test_turkish_text_parses_back_to_the_rounded_value(x, decimals):
    text = format_number(x, "tr", decimals=decimals)
    parsed = Decimal(text.replace(".", "").replace(",", ".").replace(MINUS, "-"))
    expected = Decimal(str(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    assert parsed == expected
    if decimals:
        assert len(text.split(",")[1]) == decimals
    groups = text.lstrip(MINUS).split(",")[0].split(".")
    assert all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3


@given(st.floats(min_value=-100, max_value=100, allow_nan=False))
def test_percent_is_number_times_hundred(x):
    text = format_percent(x, "tr", decimals=2)
    assert text.replace("%", "") == format_number(Decimal(str(x)) * 100, "tr", decimals=2)
    assert text.index("%") <= 1


def test_format_number_rejects_text():
    with pytest.raises(TypeError, match="'x' must be a real number, got str"):
        format_number("12", "tr")


def test_format_number_rejects_bool():
    with pytest.raises(TypeError, match="'x' must be a real number, got bool"):
        format_number(True, "tr")


def test_format_number_rejects_negative_decimals():
    with pytest.raises(ValueError, match="'decimals' must be a non-negative integer, got -1"):
        format_number(1.0, "tr", decimals=-1)


def test_unknown_language_lists_choices():
    with pytest.raises(ValueError, match=r"'lang' must be one of \['tr', 'en'\], got 'de'"):
        format_number(1.0, "de")


def test_format_date_turkish_months():
    """Turkish month names as in the TDK spelling guide (Yazım Kılavuzu): Ocak … Aralık."""
    assert format_date(dt.date(2026, 2, 1), "tr") == "1 Şubat 2026"
    assert format_date(dt.date(2026, 8, 30), "tr") == "30 Ağustos 2026"
    assert format_date(dt.datetime(2026, 12, 31, 23, 59), "en", time=True) == "31 December 2026 23:59"


def test_format_date_shows_utc_times_in_turkiye_time():
    """A run stamped 06:54 UTC (run.json ``+00:00``) happened at 09:54 TSİ (UTC+3, Europe/Istanbul)."""
    stamp = dt.datetime.fromisoformat("2026-11-28T06:54:00+00:00")
    assert format_date(stamp, "tr", time=True, zone=True) == "28 Kasım 2026 09:54 TSİ"
    assert format_date(stamp, "en", time=True, zone=True) == "28 November 2026 09:54 TRT"
    assert format_date(stamp, "tr") == "28 Kasım 2026"
    late = dt.datetime.fromisoformat("2026-11-28T22:30:00+00:00")  # already the next day in Türkiye
    assert format_date(late, "tr") == "29 Kasım 2026"


def test_format_date_rejects_text():
    with pytest.raises(TypeError, match="'value' must be a date or datetime, got str"):
        format_date("2026-01-01", "tr")


def test_t_translates_and_fills_fields():
    assert t("status.failed", "tr") == "Başarısız"
    assert t("status.failed", "en") == "Failed"
    assert t("index.summary", "en", total=3, ok=2, failed=1) == "Last run: 3 reports, 2 succeeded, 1 failed"


def test_every_string_has_every_language():
    for key in i18n.registered_keys():
        for lang in i18n.LANGUAGES:
            assert t(key, lang).strip()


def test_t_unknown_key_suggests():
    with pytest.raises(KeyError, match=r"no UI string 'status\.faild'; did you mean 'status\.failed'"):
        t("status.faild", "tr")


def test_add_strings_needs_every_language():
    message = r"string 'x\.only_tr' needs a text in \['tr', 'en'\]; missing \['en'\]"
    with pytest.raises(ValueError, match=message):
        add_strings({"x.only_tr": {"tr": "yalnız"}})


def test_add_strings_refuses_to_change_a_string():
    with pytest.raises(ValueError, match=r"string 'status\.ok' is already registered with other texts"):
        add_strings({"status.ok": {"tr": "Tamam", "en": "Fine"}})


def test_language_name():
    assert i18n.language_name("en", in_lang="tr") == "İngilizce"
    with pytest.raises(ValueError, match="'lang' must be one of"):
        i18n.check_language(None)
