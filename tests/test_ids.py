import re

from hypothesis import given, strategies as st

from generator.ids import RESERVED, slugify, unique_ids

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
