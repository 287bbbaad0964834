"""Custom maps tell their own story: a `.story.toml` beside the map (the campaign's
dialogue format) with a briefing, trigger dialogue, a closing scene and a cast of its
own; `check` validates it and the Custom maps screen plays it."""

from __future__ import annotations

from mapkit import write_map, write_png

from game.campaign.map_story import inspect_with_story as inspect_map
from game.campaign.map_story import load_story
from game.level.errors import ERROR, WARNING

ROWS = ["........",
        ".@..o.P.",
        "..a.p...",
        "........"]
TRIGGER = ('<object id="50" name="gate" type="Trigger" x="48" y="0" width="32" '
           'height="64"><properties><property name="dialogue" value="{did}"/></properties>'
           "</object>\n </objectgroup>")
STORY = '''
[cast.mira]
name = "Mira Okafor"
portrait = "faces/mira.png"
colour = "bloom_3"

[briefing]
title = "The old garden"
lines = [
  ["mira", "The garden behind the depot has been empty for years."],
  ["elara", "Then let's wake it up."],
]

[gate]
lines = [["kora", "Through the gate: the beds are on the left."]]

[closing]
lines = [["mira", "It's green again."]]
'''


def story_map(tmp_path, story: str | None = STORY, did: str = "gate"):
    path = write_map(tmp_path, ROWS, amounts={"alloy": 2, "polymer": 1}, name="garden.tmx")
    path.write_text(path.read_text().replace(" </objectgroup>", TRIGGER.format(did=did)))
    if story is not None:
        (tmp_path / "garden.story.toml").write_text(story)
    write_png(tmp_path / "faces" / "mira.png", 48, 48)
    return path


def test_a_map_with_its_story_checks_clean_and_loads_it(tmp_path):
    path = story_map(tmp_path)
    level, problems = inspect_map(path)
    assert level is not None and problems == [], [p.format() for p in problems]
    story = load_story(path)
    assert set(story.scenes) == {"briefing", "gate", "closing"}
    assert story.scenes["briefing"].title == "The old garden"
    assert story.speaker("mira").name == "Mira Okafor"
    assert story.speaker("kora").name == "Kora Shipton"  # the campaign's cast is there too
    assert story.faces == {"mira": (tmp_path / "faces" / "mira.png").resolve()}


def test_trigger_ids_are_checked_against_the_story(tmp_path):
    path = story_map(tmp_path, did="gaet")
    level, problems = inspect_map(path)
    assert level is None
    assert [(p.severity, p.element, p.message, p.hint) for p in problems] == [
        (ERROR, 'object #50 "gate"', "the Trigger plays dialogue 'gaet', which "
         "garden.story.toml does not have", 'did you mean "gate"?')]


def test_trigger_without_a_story_file_warns(tmp_path):
    path = story_map(tmp_path, story=None)
    level, problems = inspect_map(path)
    assert level is not None
    assert [(p.severity, p.message, p.hint) for p in problems] == [
        (WARNING, "the Trigger plays dialogue 'gate', but the map has no story file",
         "write the scene [gate] into garden.story.toml beside the map")]


def test_story_mistakes_are_listed(tmp_path):
    bad = STORY.replace('"faces/mira.png"', '"../../mira.png"').replace(
        '["kora", "Through', '["kroa", "Through') + '\n[empty]\nlines = []\n[odd]\nlines = [1]\n'
    path = story_map(tmp_path, story=bad)
    _, problems = inspect_map(path)
    found = {(p.element, p.message) for p in problems}
    assert ("cast.mira", "portrait path '../../mira.png' leads outside the map's folder") in found
    assert ("scene gate", "line 1 is spoken by 'kroa', who is not in the cast") in found
    assert ("scene empty", "the scene has no lines") in found
    assert ("", "[odd] line 1 is not [\"who\", \"text\"]; skipped") in found


def test_broken_toml_and_huge_portraits(tmp_path):
    path = story_map(tmp_path, story="[briefing\nlines = ")
    _, problems = inspect_map(path)
    assert problems[0].message.startswith("not valid TOML")
    write_png(tmp_path / "faces" / "mira.png", 300, 20)
    (tmp_path / "garden.story.toml").write_text(STORY)
    _, problems = inspect_map(path)
    assert [p.message for p in problems] == [
        "portrait 'faces/mira.png' is 300×20 pixels, more than 256 a side"]


def test_custom_map_plays_its_briefing_trigger_and_closing(tmp_path):
    """From the Custom maps screen: briefing first, the trigger's scene while playing
    (the level stands still under it), the closing scene after the win."""
    from game.app import App
    from game.scenes.briefing import BriefingScene
    from game.scenes.custom_maps import CustomMapsScene
    from game.scenes.dialogue import DialogueScene
    from game.scenes.play import PlayScene

    maps = tmp_path / "data" / "maps"
    story_map(maps)
    app = App(tmp_path / "data", headless=True)
    screen = CustomMapsScene(app)
    app.push(screen)
    assert screen.scanner.wait(120)
    screen.index = [r.path.name for r in screen.rows].index("garden.tmx")
    screen.start()
    assert isinstance(app.scene, BriefingScene)
    assert app.scene.script.lines[0].text.startswith("The garden behind the depot")
    assert app.scene._custom_cast() == ["mira", "elara"]
    app.frame(fixed_ticks=0)
    app.scene.finish()
    play = app.scene
    assert isinstance(play, PlayScene)
    from game.scenes.story import QUIET_TICKS
    from game.sim import events as ev

    for _ in range(QUIET_TICKS):  # nobody talks in the first seconds after a briefing
        play.sim.step([])
    play.story.on_events(play, [ev.Event(ev.TRIGGER, play.sim.tick, {"dialogue": "gate"})])
    assert isinstance(app.scene, DialogueScene)
    assert app.scene.script.id == "gate" and app.scene.story is play.story.custom
    app.frame(fixed_ticks=0)  # draws the box with Kora's portrait
    app.scene.finish()
    assert app.scene is play
    shown = []
    play.story.then_results(type("P", (), {"sim": type("S", (), {"outcome": "won"})(),
                                           "input": play.input})(),
                            lambda: shown.append("results"))
    assert isinstance(app.scene, DialogueScene) and app.scene.script.id == "closing"
    app.scene.finish()
    assert shown == ["results"]
