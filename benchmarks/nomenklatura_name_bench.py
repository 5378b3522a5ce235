"""Run nomenklatura's logic-v2 matcher over the name-bench cases (runs in benchmarks/.venv-nk).

Invoked by screening_quality.py as ``benchmarks/.venv-nk/bin/python benchmarks/nomenklatura_name_bench.py CASES``;
prints one score per case, in file order. Mirrors the upstream harness (contrib/name_bench/run.py,
comparator ``logicv2``): each name becomes a single-property entity of the case's schema.
"""

import csv
import sys

from followthemoney import model  # type: ignore[import-not-found]
from nomenklatura.matching import LogicV2  # type: ignore[import-not-found]
from nomenklatura.matching.types import ScoringConfig  # type: ignore[import-not-found]


def main() -> None:
    config = ScoringConfig.defaults()
    with open(sys.argv[1], encoding="utf-8") as handle:
        for number, row in enumerate(csv.DictReader(handle)):
            pair = []
            for side in ("name1", "name2"):
                entity = model.make_entity(row["schema"])
                entity.id = f"{side}-{number}"
                entity.add("name", row[side])
                pair.append(entity)
            print(f"{LogicV2.compare(pair[0], pair[1], config).score:.6f}")


if __name__ == "__main__":
    main()
