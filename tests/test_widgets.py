"""The list navigation shared by the level select, custom maps and replay screens."""

import pygame

from game.render.widgets import list_choice


def key(k: int) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="")


def test_keys_wrap_around_and_enter_chooses():
    assert list_choice(key(pygame.K_DOWN), 2, 3) == (0, False)
    assert list_choice(key(pygame.K_UP), 0, 3) == (2, False)
    assert list_choice(key(pygame.K_s), 0, 3) == (1, False)
    assert list_choice(key(pygame.K_RETURN), 1, 3) == (1, True)
    assert list_choice(key(pygame.K_x), 1, 3) == (1, False)
    assert list_choice(key(pygame.K_RETURN), 0, 0) == (0, False)  # empty list: nothing


def test_mouse_hovers_and_clicks_rows():
    rects = [pygame.Rect(0, 0, 100, 10), pygame.Rect(0, 10, 100, 10)]
    same = lambda pos: pos  # noqa: E731 - window and logical coordinates agree here
    hover = pygame.event.Event(pygame.MOUSEMOTION, pos=(5, 15), rel=(0, 0), buttons=(0, 0, 0))
    assert list_choice(hover, 0, 2, rects, same) == (1, False)
    click = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 3), button=1)
    assert list_choice(click, 1, 2, rects, same) == (0, True)
    right = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(5, 3), button=3)
    assert list_choice(right, 1, 2, rects, same) == (0, False)
    miss = pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(500, 3), button=1)
    assert list_choice(miss, 1, 2, rects, same) == (1, False)
