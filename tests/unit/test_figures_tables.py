"""The committed unit and currency tables are what pint and CLDR (Babel) give today, and they hold
the entries the grammar relies on."""

from __future__ import annotations

import json

from newsfacts.figures import currencies, tables, units


def test_units_table_is_current() -> None:
    assert json.loads(tables.UNITS_FILE.read_text(encoding="utf-8")) == tables.build_units()


def test_currencies_table_is_current() -> None:
    assert json.loads(tables.CURRENCIES_FILE.read_text(encoding="utf-8")) == tables.build_currencies()


def test_currency_tables_cover_iso_4217_and_news_marks() -> None:
    assert {"USD", "EUR", "JPY", "CNY", "INR", "KRW", "TRY", "ZAR", "MYR", "SAR", "AED", "ILS", "SEK"} <= (
        currencies.CODES
    )
    assert {currencies.NAMES[w] for w in ("yuan", "renminbi", "rmb")} == {"CNY"}
    assert currencies.NAMES["hong kong dollars"] == "HKD"
    assert currencies.SYMBOLS["C$"] == "CAD"  # news usage, although CLDR gives C$ to the córdoba
    assert currencies.MINOR["pence"] == ("GBP", 0.01)


def test_unit_tables_hold_names_symbols_and_plurals() -> None:
    assert units.NAMES["kilometres"] == ("km", "length")
    assert units.NAMES["barrels per day"] == ("barrel/day", "flow")
    assert units.SYMBOLS["MW"] == ("MW", "power")
    assert "m" not in units.SYMBOLS  # "5m" is five million far more often than five metres
