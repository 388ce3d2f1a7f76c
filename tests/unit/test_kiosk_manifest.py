"""The kiosk bundle's manifest on plain data: paths it accepts, how editions are ordered."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from gialai import kiosk_bundle
from gialai.kiosk_bundle import BundleError, Edition


@pytest.mark.parametrize(
    "path",
    ["index.html", "km/du-lich/thac-50/index.html", "_img/a-0123456789-480.webp", "404.html"],
)
def test_plain_relative_paths_are_safe(path: str) -> None:
    assert kiosk_bundle._safe_path(path)


@pytest.mark.parametrize(
    "path",
    [
        "",
        "/etc/passwd",
        "../outside.html",
        "km/../../outside.html",
        "km//index.html",
        "km/./index.html",
        ".hidden",
        "en/.git/config",
        "km\\index.html",
        "index.html\x00.txt",
        "km/",
        None,
        7,
    ],
)
def test_paths_that_could_leave_or_hide_are_refused(path: object) -> None:
    assert not kiosk_bundle._safe_path(path)


def edition(day: str, version: str) -> Edition:
    return Edition(
        kiosk="mkdocs.kiosk.yml",
        build_date=dt.date.fromisoformat(day),
        version=version,
        files={"start/index.html": {"size": 3, "sha256": "0" * 64}},
        key="0000 0000 0000 0000",
    )


def test_a_later_build_date_is_newer_even_if_made_earlier() -> None:
    assert (
        edition("2026-12-02", "20261201.080000").order
        > edition("2026-12-01", "20261202.090000").order
    )
    assert (
        edition("2026-12-02", "20261202.101500").order
        > edition("2026-12-02", "20261202.091500").order
    )


def test_manifest_round_trip() -> None:
    original = edition("2026-12-02", "20261202.101500")
    data = kiosk_bundle._manifest_bytes(original)
    assert kiosk_bundle._parse_manifest(data, "x.bundle") == original
    assert original.folder_name == "2026-12-02_20261202.101500"
    assert original.describe() == "the edition of 2026-12-02 (version 20261202.101500)"


@pytest.mark.parametrize(
    "change",
    [
        {"format": "gialai-kiosk-bundle/2"},
        {"build_date": "hôm qua"},
        {"version": "../x"},
        {"files": {"../etc/passwd": {"size": 1, "sha256": "0" * 64}}},
        {"files": {"index.html": {"size": "1", "sha256": "0" * 64}}},
        {"files": []},
    ],
)
def test_manifests_that_are_not_ours_are_refused(change: dict) -> None:
    data = json.loads(kiosk_bundle._manifest_bytes(edition("2026-12-02", "20261202.101500")))
    data.update(change)
    with pytest.raises(BundleError) as error:
        kiosk_bundle._parse_manifest(json.dumps(data).encode(), "x.bundle")
    assert str(error.value) == "x.bundle has a manifest this version of gialai cannot read."
