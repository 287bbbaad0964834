"""Build campaign level 4, Confrontation (maps/campaign/04_confrontation.tmx), with the
campaign builder (tools/build_campaign_maps.py) plus what only this level has: drone
spawns, murals to defend and the wave table as WaveGroup objects.

Run: python tools/build_confrontation_map.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build_campaign_maps as bcm  # noqa: E402

OUT = bcm.OUT / "04_confrontation.tmx"
# The great mural sits on a wall tile like any other wall.
bcm.LEGEND.setdefault("G", (bcm.PAVING, (20,)))
bcm.TEMPLATE_OF.setdefault("DroneSpawn", "drone-spawn")
bcm.TEMPLATE_OF.setdefault("MuralWall", "mural-wall")
bcm.TEMPLATE_SIZE.setdefault("DroneSpawn", 16)

SPEC = bcm.LevelSpec(
    layout="04_confrontation.txt",
    out=OUT.name,
    properties={
        "title": ("string", "Confrontation"),
        "author": ("string", "Reclaim 2147 team"),
        "objective": ("string", "survive"),
        "objective_target": ("string", "spark"),
        "objective_amount": ("int", 8),  # the HUD counts waves cleared of wave_count
        "objective_text": ("string", "Hold the great mural: survive every wave"),
        "seed": ("int", 2150),
        "par_seconds": ("int", 150),
        "wave_count": ("int", 8),
        "first_wave_seconds": ("int", 60),
        "wave_interval_seconds": ("int", 35),
    },
    amounts={"organic": 3, "polymer": 2, "alloy": 4},
    seed=4,
    objects={
        "G": ("MuralWall", {"name": "the great mural", "stage": "luminescent",
                            "health": 360, "great": "true", "radius": 12,
                            "size": (4, 1)}),
        "M": ("MuralWall", {"name": "side mural", "stage": "colour", "health": 80,
                            "size": (2, 1)}),
        "S": ("DroneSpawn", {"name": "gate", "first_wave": 1}),
    },
)

# The wave table (see docs/MAPPING.md, "Waves"): spawn names the DroneSpawn by position:
# "west", "east", "south" (first_wave of those spawns: 1, 2, 3), "" for every spawn.
SPAWN_FIRST_WAVE = {"west": 1, "east": 2, "south": 3}
# The last three waves are the swarm itself: hundreds of scouts and sprayers down every
# street at once (emitters' pulses arc through a packed crowd, so they can be held).
WAVES: list[dict] = [
    {"name": "scouts", "drone": "scout", "spawn": "", "first_wave": 1, "count": 4,
     "scaling": 2.0, "max": 16},
    {"name": "sprayers west", "drone": "sprayer", "spawn": "west", "first_wave": 2,
     "count": 2, "scaling": 1.0, "max": 7},
    {"name": "heavies south", "drone": "heavy", "spawn": "south", "first_wave": 3,
     "spacing": 2, "count": 1, "scaling": 1.0, "max": 3, "shield_scaling": 4},
    {"name": "jammers east", "drone": "jammer", "spawn": "east", "first_wave": 4,
     "count": 1, "scaling": 0.5, "max": 3},
    {"name": "sprayers east", "drone": "sprayer", "spawn": "east", "first_wave": 5,
     "count": 3, "scaling": 2.0, "max": 8, "shields": 3},
    {"name": "the swarm", "drone": "scout", "spawn": "", "first_wave": 6, "count": 160,
     "scaling": 120.0, "max": 400, "shields": 6},
    {"name": "sprayer swarm", "drone": "sprayer", "spawn": "", "first_wave": 7,
     "count": 16, "scaling": 16.0, "max": 32},
]


def _typed(value: object) -> tuple[str, str]:
    if isinstance(value, bool):
        return "bool", str(value).lower()
    if isinstance(value, int):
        return "int", str(value)
    if isinstance(value, float):
        return "float", repr(value)
    return "string", str(value)


def build() -> str:
    xml = bcm.build(SPEC)
    # name the spawns by where they stand, and give each its first wave
    spawns = list(re.finditer(r'<object id="(\d+)" name="gate" template="../templates/'
                              r'drone-spawn.tx" x="(\d+)" y="(\d+)"', xml))
    ids = {}
    for m in spawns:
        x = int(m.group(2))
        side = "west" if x < 64 else "east" if x > 640 else "south"
        ids[side] = int(m.group(1))
        xml = xml.replace(m.group(0), m.group(0).replace('name="gate"', f'name="{side} gate"'))
        xml = re.sub(rf'(<object id="{m.group(1)}" .*?<property name="first_wave" '
                     r'type="int" value=")1(")', rf"\g<1>{SPAWN_FIRST_WAVE[side]}\2", xml,
                     flags=re.S)
    next_id = int(re.search(r'nextobjectid="(\d+)"', xml).group(1))
    lines = []
    for i, group in enumerate(WAVES):
        props = {k: v for k, v in group.items() if k != "name"}
        props["spawn"] = ids[props["spawn"]] if props["spawn"] else 0
        body = "\n".join(
            f'    <property name="{k}" type="{"object" if k == "spawn" else t}" '
            f'value={quoteattr(v)}/>' for k, (t, v) in
            ((k, _typed(v)) for k, v in props.items()))
        lines.append(f'  <object id="{next_id}" name={quoteattr(group["name"])} '
                     f'template="../templates/wave-group.tx" x="{8 + 16 * i}" y="4">\n'
                     f'   <properties>\n{body}\n   </properties>\n  </object>')
        next_id += 1
    xml = xml.replace(" </objectgroup>", "\n".join(lines) + "\n </objectgroup>")
    return re.sub(r'nextobjectid="\d+"', f'nextobjectid="{next_id}"', xml, count=1)


def main() -> None:
    OUT.write_text(build())
    print("wrote", OUT)


if __name__ == "__main__":
    main()
