"""The raw articles are immutable: their bytes are pinned here and in sources.csv."""

import hashlib

import pytest

from helpers import paths

PINNED = {
    "000_11f20d2174864b71.txt": "9906b5af98240fd3348fa39c1d8f4a3cd761fc5c2a0f5161b01ff3650e22b159",
    "001_43d3fd295df8e4e4.txt": "ae16c6babbca7b9d0413ea6d53e6446e24b64c9994441e71f395c57428872cee",
}


def test_every_seed_is_pinned():
    assert sorted(p.name for p in paths.SEEDS.iterdir()) == sorted(PINNED)


@pytest.mark.parametrize("name", sorted(PINNED))
def test_seed_bytes_unchanged(name):
    assert hashlib.sha256((paths.SEEDS / name).read_bytes()).hexdigest() == PINNED[name]


def test_sources_table_pins_the_same_hashes(tables):
    recorded = dict(zip(tables["sources"]["file"], tables["sources"]["sha256"], strict=True))
    assert recorded == {f"seeds/{name}": digest for name, digest in PINNED.items()}
