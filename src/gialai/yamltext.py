"""Reading the site's YAML files (locales, glossary, redirects) quickly, with the same results.

PyYAML's libyaml loader parses about ten times faster than its pure-Python one, and every
build process reads every language's locales file. A file libyaml cannot read is read again
by the pure-Python loader, so a mistake is reported exactly as before: with its line and
the text around it.
"""

from __future__ import annotations

from typing import Any

import yaml

# PyYAML wheels carry libyaml; a build without it falls back to the pure-Python loader.
FAST_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> Any:
    """``yaml.safe_load(text)``, by libyaml where PyYAML has it."""
    try:
        return yaml.load(text, Loader=FAST_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError:
        return yaml.safe_load(text)  # raises with PyYAML's own wording


def compose(text: str) -> yaml.Node | None:
    """``yaml.compose(text)`` with the safe loader: the nodes, with their lines."""
    try:
        return yaml.compose(text, Loader=FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)
