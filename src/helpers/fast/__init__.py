"""The one room for speed: Arrow and NumPy kernels, the join memo and the thread pool.

Domain code (``helpers.data``, ``helpers.views``, ``helpers.analysis``) says what it computes
in pandas terms; where pandas is too slow at a million rows it calls a kernel from here, whose
docstring names the pandas expression it equals. ``tests/fast/`` checks each one against that
expression on random frames with ties and missing values, and ``benchmarks/`` measures them.

When each pays off (figures in ``benchmarks/README.md``):

==========================  ==================================================================
kernel                      pays off because
==========================  ==================================================================
``joins.positions``,        pandas converts Arrow strings to Python objects to ``merge``,
``isin``                    ``map`` or ``isin`` them; Arrow's hash join stays in C.
``joins`` memo              the loader's key checks and then every helper join the same id
                            columns; only joins of 65,536 rows or more are remembered.
``keys.codes``, ``order``,  Arrow ranks many distinct strings faster than pandas
``duplicated``, ``repeats`` factorizes them; then NumPy sorts and compares integers.
``groups.*``                the groups are already row positions from a join, so a
                            ``groupby`` would only hash them again.
``text.*``                  Arrow's strict casts parse a valid column at once; a literal
                            RE2 search skips ahead where ``match_substring`` scans.
``pool.side_by_side``       Arrow and NumPy release the GIL, so two cores help, but only
                            from 65,536 rows: below that the tasks run in turn.
==========================  ==================================================================
"""

from helpers.fast.groups import first_of_earliest, group_first, group_max, group_min, joined_per_group
from helpers.fast.joins import clear_memo, isin, positions, positions_all, prefetch, take
from helpers.fast.keys import codes, duplicated, order, repeats, row_keys, sort_key
from helpers.fast.pool import PARALLEL_MIN_ROWS, side_by_side
from helpers.fast.text import categorical, contains, iso_dates, numbers

__all__ = [
    "PARALLEL_MIN_ROWS",
    "categorical",
    "clear_memo",
    "codes",
    "contains",
    "duplicated",
    "first_of_earliest",
    "group_first",
    "group_max",
    "group_min",
    "isin",
    "iso_dates",
    "joined_per_group",
    "numbers",
    "order",
    "positions",
    "positions_all",
    "prefetch",
    "repeats",
    "row_keys",
    "side_by_side",
    "sort_key",
    "take",
]
