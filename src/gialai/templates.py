"""The site's own templates print every value as text: Jinja's autoescape, decided once.

Material's templates are written for an environment without autoescape and print HTML
(``page.content``, icons) as plain strings, so escaping is switched on per template: every
template of the site's own folder (``theme.custom_dir``) escapes, Material's do not. Values
that are HTML on purpose (a rendered body, a ``<picture>``, a QR code's SVG) are handed to
templates as ``Markup`` by the code that made them, or marked ``| safe`` where the page body
is printed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

# Compiled templates depend on this policy: a bytecode cache made without it must not be
# reused, so its folder name says which policy compiled it.
BYTECODE_FOLDER = "jinja-autoescape"


def escape_policy(own_dir: Path | str) -> Callable[[str | None], bool]:
    """Autoescape for the templates found in ``own_dir``, not for the theme's."""
    folder = Path(own_dir)
    known: dict[str, bool] = {}

    def escapes(name: str | None) -> bool:
        if name is None:
            return True  # a template made from a string in code
        if name not in known:
            known[name] = (folder / name).is_file()
        return known[name]

    return escapes
