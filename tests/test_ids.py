import re
from pathlib import Path

from hypothesis import given, settings, strategies as st

from generator.ids import MAX_SLUG, RESERVED, article_id, slugify, unique_ids

SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@given(st.text())
def test_slugs_are_safe_idempotent_and_never_reserved(text):
    slug = slugify(text)
    assert SAFE.fullmatch(slug)
    assert slugify(slug) == slug
    assert slug not in RESERVED
    assert len(slug) <= 80


def test_path_traversal_and_reserved_names():
    assert slugify("../../etc/passwd") == "etc-passwd"
    assert slugify("CON") not in RESERVED
    assert SAFE.fullmatch(slugify("🎉🎉"))
    assert slugify("🎉🎉") != slugify("🎈")


def test_unique_ids_are_stable_and_distinct():
    paths = ["a b.txt", "a-b.txt", "c.txt"]
    first = unique_ids(paths)
    assert len(set(first)) == 3
    assert unique_ids(paths) == first
    assert first[2] == "c"


NAMES = st.one_of(
    st.text(max_size=20),
    st.sampled_from(["CON", "con", "index", "../../etc/passwd", "a b", "a-b", "A-B", "a_b", "🎉", "🎈", "",
                     ".", "..", "a/b", "nul", "x" * 90, "x" * 90 + "y"]),
)
PATHS = st.lists(NAMES.map(lambda name: Path(f"{name}.txt").as_posix()), max_size=12, unique=True)


@settings(max_examples=200, deadline=None)
@given(PATHS, st.randoms(use_true_random=False))
def test_unique_ids_are_safe_distinct_and_independent_of_order(paths, rnd):
    ids = unique_ids(paths)
    assert len(set(ids)) == len(ids)
    for id_ in ids:
        assert SAFE.fullmatch(id_) and id_ not in RESERVED and "/" not in id_
        if len(id_) <= MAX_SLUG:  # an id read back as a file name gives itself
            assert article_id(f"{id_}.txt") == id_
    shuffled = list(paths)
    rnd.shuffle(shuffled)
    assert dict(zip(shuffled, unique_ids(shuffled))) == dict(zip(paths, ids))


def test_an_id_survives_unrelated_files_coming_and_going():
    alone = unique_ids(["politics/vote.txt", "sport.txt"])
    crowded = unique_ids(["politics/vote.txt", "sport.txt", "weather.txt", "a b.txt", "a-b.txt"])
    assert crowded[:2] == alone
