"""A game started without its libraries names them and how to install them."""

from game.deps import NEEDED, missing, problem


def test_nothing_is_missing_here():
    assert missing() == [] and problem("python") == ""


def test_a_missing_library_is_named_with_the_fix():
    def find(module):
        return None if module in ("pygame", "platformdirs") else object()

    assert missing(find) == ["pygame-ce", "platformdirs"]
    said = problem("/usr/bin/python3", find)
    assert "/usr/bin/python3 lacks pygame-ce, platformdirs" in said
    assert "pip install -e ." in said


def test_the_list_matches_the_package_metadata():
    import tomllib
    from pathlib import Path

    meta = tomllib.loads((Path(__file__).parent.parent / "pyproject.toml").read_text())
    names = {d.split(">")[0].split("=")[0].strip() for d in meta["project"]["dependencies"]}
    assert set(NEEDED.values()) == names
