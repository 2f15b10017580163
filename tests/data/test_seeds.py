"""The raw articles are immutable: sources.csv pins each one's bytes, and lists every one."""

import hashlib
import shutil

from support import find, problems

from helpers import paths


def test_every_seed_is_listed_with_its_hash(tables):
    """The pin lives in the data: sources.csv names every file in seeds/ with its sha256."""
    recorded = dict(zip(tables["sources"]["file"], tables["sources"]["sha256"], strict=True))
    on_disk = {
        f"seeds/{p.name}": hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(paths.SEEDS.glob("*.txt"))
    }
    assert recorded == on_disk and len(on_disk) >= 2


def test_an_edited_seed_is_named(data_copy):
    seed = data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("Kono", "Kōno", 1), encoding="utf-8")
    digest = "ae16c6babbca7b9d0413ea6d53e6446e24b64c9994441e71f395c57428872cee"
    find(problems(data_copy), "sources.csv", 3, "sha256", digest)


def test_a_seed_no_row_lists_is_named(data_copy):
    shutil.copy(
        data_copy.parent / "seeds" / "001_43d3fd295df8e4e4.txt", data_copy.parent / "seeds" / "002_copy.txt"
    )
    found = [str(p) for p in problems(data_copy) if p.file == "seeds"]
    assert found == [
        "seeds: value '002_copy.txt': "
        "expected a row of sources.csv naming this file (add articles with make article)"
    ]
