"""Small UI pieces shared by the HUD and menus: panels, bars, icon counters, menus."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.audio import ui
from game.render import palette
from game.render.font import BitmapFont
from game.render.images import icon

PANEL_ALPHA = 190


def panel(target: pygame.Surface, rect: pygame.Rect, alpha: int = PANEL_ALPHA,
          border: tuple[int, int, int] | None = None) -> None:
    surf = pygame.Surface(rect.size, pygame.SRCALPHA)
    surf.fill((*palette.UI_PANEL, alpha))
    edge = border or palette.UI_DIM
    pygame.draw.rect(surf, (*edge, 255), surf.get_rect(), 1)
    # a lighter top edge reads as a bevel; blended into the panel's own fill (drawn
    # straight in, its low alpha let the last frame show through an opaque bar)
    if rect.width > 2:
        bevel = pygame.Surface((rect.width - 2, 1), pygame.SRCALPHA)
        bevel.fill((*palette.UI_TEXT, 40))
        surf.blit(bevel, (1, 1))
    target.blit(surf, rect)


def bar(target: pygame.Surface, rect: pygame.Rect, fraction: float,
        color: tuple[int, int, int]) -> None:
    pygame.draw.rect(target, palette.UI_PANEL, rect)
    inner = rect.inflate(-2, -2)
    inner.width = max(0, round(inner.width * max(0.0, min(1.0, fraction))))
    if inner.width:
        pygame.draw.rect(target, color, inner)
    pygame.draw.rect(target, palette.UI_DIM, rect, 1)


def icon_count(target: pygame.Surface, font: BitmapFont, pos: tuple[int, int], name: str,
               text: str, color: tuple[int, int, int] | None = None) -> int:
    """Draw an icon and a number after it; returns the x after the text."""
    x, y = pos
    target.blit(icon(name), (x, y + (font.line_height - 8) // 2))
    rect = font.draw(target, text, (x + 10, y), color or palette.UI_TEXT, shadow=(0, 0, 0))
    return rect.right


@dataclass
class MenuItem:
    label: str
    action: Callable[[], None]


class Menu:
    """A vertical menu: Up/Down/W/S to move, Enter/Space to choose, mouse hover+click."""

    def __init__(self, items: list[MenuItem], font: BitmapFont, scale: int = 1) -> None:
        self.items = items
        self.font = font
        self.scale = scale
        self.index = 0
        self.rects: list[pygame.Rect] = []

    def handle(self, event: pygame.event.Event, mouse_pos: tuple[int, int] | None) -> bool:
        before = self.index
        if event.type == pygame.KEYDOWN:
            if event.key in (pygame.K_UP, pygame.K_w):
                self.index = (self.index - 1) % len(self.items)
                ui("menu_move")
                return True
            if event.key in (pygame.K_DOWN, pygame.K_s):
                self.index = (self.index + 1) % len(self.items)
                ui("menu_move")
                return True
            if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
                ui("menu_select")
                self.items[self.index].action()
                return True
        if mouse_pos is not None:
            for i, rect in enumerate(self.rects):
                if rect.collidepoint(mouse_pos):
                    if event.type == pygame.MOUSEMOTION:
                        self.index = i
                        if i != before:
                            ui("menu_move")
                    elif event.type == pygame.MOUSEBUTTONDOWN and event.button == 1:
                        self.index = i
                        ui("menu_select")
                        self.items[i].action()
                        return True
        return False

    def draw(self, target: pygame.Surface, center_x: int, top: int) -> pygame.Rect:
        self.rects = []
        gap = self.font.line_height * self.scale + 6
        for i, item in enumerate(self.items):
            selected = i == self.index
            label = f"> {item.label} <" if selected else item.label
            color = palette.UI_ACCENT if selected else palette.UI_TEXT
            rect = self.font.draw(target, label, (center_x, top + i * gap), color,
                                  scale=self.scale, shadow=(0, 0, 0), align="center")
            self.rects.append(rect.inflate(16, 4))
        return pygame.Rect(center_x, top, 0, gap * len(self.items)).inflate(200, 0)


def list_choice(event: pygame.event.Event, index: int, count: int,
                rects: list[pygame.Rect] | None = None,
                to_logical=None) -> tuple[int, bool]:
    """Navigation of a list screen: Up/Down/W/S move, Enter/Space choose, the mouse
    hovers and clicks. Returns the new index and whether the row was chosen."""
    new, chosen = _list_choice(event, index, count, rects, to_logical)
    if chosen:
        ui("menu_select")
    elif new != index:
        ui("menu_move")
    return new, chosen


def _list_choice(event: pygame.event.Event, index: int, count: int,
                 rects: list[pygame.Rect] | None, to_logical) -> tuple[int, bool]:
    if count <= 0:
        return index, False
    if event.type == pygame.KEYDOWN:
        if event.key in (pygame.K_UP, pygame.K_w):
            return (index - 1) % count, False
        if event.key in (pygame.K_DOWN, pygame.K_s):
            return (index + 1) % count, False
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE):
            return index, True
    elif rects and to_logical and event.type in (pygame.MOUSEMOTION,
                                                  pygame.MOUSEBUTTONDOWN):
        pos = to_logical(event.pos)
        for i, rect in enumerate(rects):
            if rect.collidepoint(pos):
                return i, event.type == pygame.MOUSEBUTTONDOWN and event.button == 1
    return index, False
