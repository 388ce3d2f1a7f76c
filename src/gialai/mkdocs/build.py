"""Running MkDocs: the strict build command, and a site loaded from a config file."""

from __future__ import annotations

import sys
from pathlib import Path

from ..options import BuildOptions
from ..site import Site
from .config import settings_from_mkdocs


def build_command(
    config_file: Path, site_dir: Path, quiet: bool = False, reuse: bool = False
) -> list[str]:
    """The strict MkDocs build every build of the site runs.

    ``reuse``: pages whose inputs did not change come from the page cache
    (``gialai.pagecache``); MkDocs calls that a dirty build, the folder is new all the same.
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict"]
    command += ["--config-file", str(config_file), "--site-dir", str(site_dir)]
    return command + (["--quiet"] if quiet else []) + (["--dirty"] if reuse else [])


def load_site(config_file: Path, options: BuildOptions) -> Site:
    """The site a config file describes, checked, without building it."""
    return load_site_and_fingerprint(config_file, options)[0]


def load_site_and_fingerprint(config_file: Path, options: BuildOptions) -> tuple[Site, str]:
    """The site, and the fingerprint its pages are cached under (``adapter.build_fingerprint``)."""
    from mkdocs.config import load_config

    from .adapter import build_fingerprint

    config = load_config(str(config_file))
    site = Site.load(settings_from_mkdocs(config), options)
    return site, build_fingerprint(site, config)
