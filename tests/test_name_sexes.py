"""The build of `pipeline/data/name_sexes.json` from name counts, and the shipped file."""
from __future__ import annotations

import pandas as pd

from pipeline.build_name_sexes import name_sexes
from pipeline.names import FIRST_NAMES, NAME_SEX


def test_a_name_counts_when_given_often_enough_and_mostly_to_one_sex():
    births = pd.DataFrame([
        ("Rhys", "M", 800), ("Rhys", "F", 50),  # 94% male
        ("Wren", "F", 400), ("Wren", "M", 90),  # 82% female: either
        ("Tamsin", "F", 60),
        ("Zed", "M", 20),  # too rare
        ("Kenji", "M", 30), ("Kenji", "M", 40),  # counted over the years
    ], columns=["name", "sex", "n"])
    assert name_sexes(births) == {"m": ["kenji", "rhys"], "f": ["tamsin"]}


def test_the_shipped_sexes_add_to_the_census_without_making_first_names():
    assert NAME_SEX["rhys"] == "m" and NAME_SEX["kenji"] == "m" and NAME_SEX["tamsin"] == "f"
    assert NAME_SEX["mary"] == "f"  # the census lists come first
    assert "rhys" not in FIRST_NAMES  # only the census lists say what a first name is
