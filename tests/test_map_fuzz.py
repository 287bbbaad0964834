"""Property-based: whatever a mutation does to a valid map, loading either succeeds or
raises MapError — never another exception."""

from __future__ import annotations

import os

import pytest
from hostile.build import encode, tmx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.level import LevelData, MapError, load_level

pytestmark = pytest.mark.usefixtures("toy_maps")  # one mechanic or format, on tiny maps

VALID = tmx(data=encode([1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 1, 1], "zlib"), objects=(
    '<objectgroup id="2" name="o"><object id="1" name="spawn" type="PlayerSpawn" x="4" '
    'y="4" width="8" height="8"/><object id="2" name="p" type="Waste" x="36" y="4" '
    'width="8" height="8"><properties><property name="kind" value="alloy"/><property '
    'name="amount" type="int" value="2"/></properties></object></objectgroup>'),
    extra='<group id="5" name="g"><layer id="6" name="top" width="4" height="3">'
    + encode([0] * 11 + [2], "csv") + "</layer></group>")
CSV = VALID.replace(encode([1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 1, 1], "zlib"),
                    encode([1, 2, 1, 1, 3, 1, 1, 1, 4, 1, 1, 1], "csv"))
TOKENS = ['"', "<", ">", "/>", "=", "&amp;", "&x;", ",", "-1", "0", "99999999999", "4294967296",
          "base64", "zstd", "gzip", "csv", "infinite", "1", "template", "..", "/", "class",
          "type", "<chunk>", "</data>", "NaN", "1e999", "\x00", "é", " "]

mutation = st.one_of(
    st.tuples(st.just("replace"), st.integers(0, 10**6), st.integers(0, 40),
              st.sampled_from(TOKENS)),
    st.tuples(st.just("delete"), st.integers(0, 10**6), st.integers(1, 60), st.just("")),
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.integers(0, 255), st.just("")),
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.just(0), st.just("")),
)


def mutate(text: str, ops) -> bytes:
    data = bytearray(text.encode())
    for kind, pos, n, token in ops:
        pos %= max(1, len(data))
        if kind == "replace":
            data[pos:pos + n % 5] = token.encode()
        elif kind == "delete":
            del data[pos:pos + n]
        elif kind == "flip":
            if data:
                data[pos] ^= n or 1
        else:
            del data[pos:]
    return bytes(data)


@settings(max_examples=int(os.environ.get("MAP_FUZZ_EXAMPLES", "300")), deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(base=st.sampled_from([VALID, CSV]), ops=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_maps_load_or_raise_map_error(tmp_path, base, ops):
    path = tmp_path / "fuzz.tmx"
    path.write_bytes(mutate(base, ops))
    try:
        level = load_level(path)
    except MapError as exc:
        assert exc.message and exc.file == str(path)
    else:
        assert isinstance(level, LevelData)


def test_the_unmutated_maps_are_valid(tmp_path):
    for text in (VALID, CSV):
        path = tmp_path / "ok.tmx"
        path.write_text(text)
        assert load_level(path).objects_of("Waste")[0].properties["kind"] == "alloy"
