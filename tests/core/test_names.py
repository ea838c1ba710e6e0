"""Country names and dates as pages write them (app/names.py)."""

from datetime import date

import pytest

from app.names import country_name, long_date


@pytest.mark.parametrize(
    ("day", "written"),
    [(date(2019, 5, 14), "14 May 2019"), (date(1999, 12, 1), "1 December 1999"),
     (date(2024, 1, 31), "31 January 2024"), (None, "undated")],
)  # fmt: skip
def test_long_date_writes_day_month_name_and_year(day, written):
    assert long_date(day) == written


def test_country_name_of_a_code():
    assert country_name("FR") == "France"
