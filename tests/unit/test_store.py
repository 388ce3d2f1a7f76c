"""The store: what a build makes from its inputs alone, kept where $GIALAI_STORE says."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from gialai.fonts import FontCutter
from gialai.options import STORE_VARIABLE, BuildOptions

REPO = Path(__file__).resolve().parents[2]
HAN_FONT = REPO / "fonts" / "NotoSansSC-Regular.ttf"


def test_the_store_is_the_variables_folder_or_the_cache(make_site, monkeypatch, tmp_path):
    monkeypatch.delenv(STORE_VARIABLE, raising=False)
    site = make_site({})
    assert site.store_dir == site.cache_dir == tmp_path / "cache"
    assert site.images.cache_dir == tmp_path / "cache" / "images"

    monkeypatch.setenv(STORE_VARIABLE, str(tmp_path / "shared"))
    site = make_site({})
    assert site.store_dir == tmp_path / "shared"
    assert site.cache_dir == tmp_path / "cache"
    assert site.images.cache_dir == tmp_path / "shared" / "images"
    assert site.qr.cache_dir == tmp_path / "shared" / "qr"


def test_the_store_travels_to_a_language_process_with_the_other_options(tmp_path):
    options = BuildOptions(
        build_date=dt.date(2026, 11, 23), cache_dir=tmp_path / "c", store_dir=tmp_path / "s"
    )
    assert BuildOptions.from_env(options.to_env()) == options


def test_the_same_cut_gives_the_same_bytes_whenever_it_is_made(tmp_path, monkeypatch):
    """Builds sharing a store may cut one slice at once: both must write the same file."""
    from fontTools.ttLib.tables import _h_e_a_d

    cuts = []
    for when in (3_000_000_000, 3_000_086_400):  # two days apart
        monkeypatch.setattr(_h_e_a_d, "timestampNow", lambda when=when: when)
        cuts.append(FontCutter(tmp_path / f"store-{when}").cut(HAN_FONT, "嘉莱省的咖啡"))
    assert cuts[0] == cuts[1]
    assert len(cuts[0]) > 1000
