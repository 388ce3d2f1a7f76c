"""Hashed asset names, the trimmed theme styles, the style bundle, font preloads, tag sizes."""

from __future__ import annotations

import hashlib
from pathlib import Path

from gialai.assets import (
    bundle_links,
    drop_font_faces,
    hashed_name,
    minify_css,
    page_classes,
    rewrite_page,
    trim_css,
    use_hashed_assets,
)
from gialai.views import tag_weight


def test_a_hashed_name_carries_the_first_ten_hex_of_the_content_hash():
    digest = hashlib.sha256(b"body{}").hexdigest()[:10]
    assert hashed_name("assets/stylesheets/gialai.css", b"body{}") == (
        f"assets/stylesheets/gialai.{digest}.css"
    )


def test_a_page_is_rewritten_once_and_only_whole_names_change():
    names = {"assets/stylesheets/gialai.css": "assets/stylesheets/gialai.0123456789.css"}
    page = (
        '<link rel="stylesheet" href="../assets/stylesheets/gialai.css">'
        '<a href="../assets/stylesheets/gialai.css.map">map</a>'
    )
    once = rewrite_page(page, names)
    assert once == (
        '<link rel="stylesheet" href="../assets/stylesheets/gialai.0123456789.css">'
        '<a href="../assets/stylesheets/gialai.css.map">map</a>'
    )
    assert rewrite_page(once, names) == once


def test_the_theme_keeps_only_rules_whose_classes_a_page_uses():
    css = (
        ":root{--a:1}.md-header{color:red}.md-tabs,.md-header__title{margin:0}"
        ".md-typeset :is(.admonition,details){x:1}"
        ".md-typeset kbd,.md-typeset>p{k:1}"
        "@media screen and (min-width:60em){.md-nav{a:1}.md-sidebar{b:2}}"
        "@media print{.md-unused{c:3}}"
        "@font-face{font-family:x;src:url(a.woff2)}"
        "[data-md-color-primary=red]{--p:red}[data-md-color-primary=custom]{--p:0}"
        '.md-select:not([data-md-color-primary=red]) .md-ok{d:"}{"}'
    )
    used = page_classes(
        '<body data-md-color-primary="custom" class="md-typeset">'
        '<header class="md-header md-header__title"><nav class="md-nav md-select md-ok"><p>'
    )
    assert trim_css(css, used) == (
        ":root{--a:1}.md-header{color:red}.md-header__title{margin:0}"
        ".md-typeset :is(.admonition,details){x:1}"
        ".md-typeset>p{k:1}"
        "@media screen and (min-width:60em){.md-nav{a:1}}"
        "@font-face{font-family:x;src:url(a.woff2)}"
        "[data-md-color-primary=custom]{--p:0}"
        '.md-select:not([data-md-color-primary=red]) .md-ok{d:"}{"}'
    )


def test_trimming_with_every_class_gives_the_sheet_back():
    css = "a{b:c}.x .y,.z{d:e}@media (min-width:1px){.x{f:g}}@supports (display:grid){.z{h:i}}"
    assert trim_css(css, {"x", "y", "z", "<a"}) == css


def test_four_style_links_become_one_to_their_bundle():
    page = (
        "<head>\n"
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/fonts.0123456789.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/gialai.0123456789.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/kiosk.0123456789.css">\n'
        "</head>"
    )
    key = (
        "assets/stylesheets/main.0123abcd.min.css",
        "assets/stylesheets/palette.0123abcd.min.css",
        "assets/stylesheets/fonts.0123456789.css",
        "assets/stylesheets/gialai.0123456789.css",
    )
    out = bundle_links(page, {key: "assets/stylesheets/site.aaaaaaaaaa.css"})
    assert out == (
        "<head>\n"
        '<link rel="stylesheet" href="../assets/stylesheets/site.aaaaaaaaaa.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/kiosk.0123456789.css">\n'
        "</head>"
    )


def test_a_built_site_gets_hashed_copies_a_bundle_and_pages_pointing_at_them(tmp_path: Path):
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.0123abcd.min.css").write_text(".md-used{a:1}.md-unused{b:2}")
    (styles / "palette.4567cdef.min.css").write_text("[data-md-color-scheme=slate]{c:3}")
    (styles / "fonts.css").write_text("@font-face{font-family:x}")
    (styles / "gialai.css").write_text(".gl-card{d:4}")
    page = tmp_path / "en" / "index.html"
    page.parent.mkdir()
    page.write_text(
        '<html><head><meta charset="utf-8">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/main.0123abcd.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/palette.4567cdef.min.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/fonts.css">\n'
        '<link rel="stylesheet" href="../assets/stylesheets/gialai.css">\n'
        '</head><body class="md-used"><p class="gl-card">x</p></body></html>'
    )
    use_hashed_assets(tmp_path)
    text = page.read_text()
    links = [line for line in text.splitlines() if "stylesheet" in line]
    assert len(links) == 1
    href = links[0].split('href="')[1].split('"')[0]
    bundle = (page.parent / href).resolve()
    css = bundle.read_text()
    assert css == ".md-used{a:1}@font-face{font-family:x}.gl-card{d:4}"
    assert hashlib.sha256(bundle.read_bytes()).hexdigest()[:10] in bundle.name
    assert (styles / "gialai.css").is_file()  # the original stays for pages cached before


def test_tag_sizes_grow_with_the_number_of_articles_on_a_log_scale():
    assert [tag_weight(n, 2) for n in (1, 2)] == [1, 2]
    assert [tag_weight(n, 40) for n in (1, 2, 13, 40)] == [1, 2, 3, 4]
    assert tag_weight(1, 1) == 1


def test_the_bundle_is_minified_and_keeps_what_each_rule_says():
    css = '/* note */\n.a  >  .b {\n  margin: 0 calc(1rem + 2px);\n  content: "a  b";\n}\n'
    assert minify_css(css) == '.a>.b{margin:0 calc(1rem + 2px);content:"a  b"}'


def test_the_rules_of_a_cut_font_are_dropped_and_nothing_else():
    css = (
        '@font-face{font-family:"Noto Sans SC";src:url(a.woff2)}'
        '@font-face{font-family:"Noto Sans SC Names";src:url(b.woff2)}'
        "@font-face{font-family: Noto Sans;src:url(c.woff2)}"
        '@media print{.x{y:1}}.z{font-family:"Noto Sans SC"}'
    )
    out = drop_font_faces(css, ["Noto Sans SC"])
    assert "a.woff2" not in out
    assert "b.woff2" in out and "c.woff2" in out
    assert "@media print{.x{y:1}}" in out and '.z{font-family:"Noto Sans SC"}' in out
    assert drop_font_faces(css, []) == css


def test_only_pages_showing_han_characters_get_the_chinese_font_rules(tmp_path: Path):
    styles = tmp_path / "assets" / "stylesheets"
    styles.mkdir(parents=True)
    (styles / "main.0123abcd.min.css").write_text(".md-used{a:1}")
    (styles / "palette.4567cdef.min.css").write_text("")
    (styles / "fonts.css").write_text(
        '@font-face{font-family:"Noto Sans";src:url(latin.woff2)}'
        '@font-face{font-family:"Noto Sans SC";src:url(slice.woff2)}'
    )
    (styles / "gialai.css").write_text(".gl-card{d:4}")
    head = "".join(
        f'<link rel="stylesheet" href="../assets/stylesheets/{name}">\n'
        for name in ("main.0123abcd.min.css", "palette.4567cdef.min.css", "fonts.css", "gialai.css")
    )
    pages = {
        # The language menu names Chinese in its own small font (data-script), and the
        # search form lists the other languages' names for its script: neither needs slices.
        "en": '<a lang="zh-Hans" data-script="Hans">中文</a>'
        '<form data-others=\'[{"name": "中文"}]\'></form><p class="gl-card">Pleiku</p>',
        "zh": '<a lang="vi" data-script="Latn">Tiếng Việt</a><p class="gl-card">嘉莱省</p>',
        "vi": '<p class="gl-card">Chữ Hán: <span lang="zh-Hans">嘉莱</span></p>',
    }
    for lang, body in pages.items():
        page = tmp_path / lang / "index.html"
        page.parent.mkdir()
        page.write_text(
            f'<html><head><meta charset="utf-8">\n{head}</head><body>{body}</body></html>'
        )
    use_hashed_assets(tmp_path)
    bundles = {}
    for lang in pages:
        page = tmp_path / lang / "index.html"
        (href,) = [
            line.split('href="')[1].split('"')[0]
            for line in page.read_text().splitlines()
            if "stylesheet" in line
        ]
        bundles[lang] = (page.parent / href).resolve().read_text()
    assert "latin.woff2" in bundles["en"] and "slice.woff2" not in bundles["en"]
    assert "slice.woff2" in bundles["zh"] and "slice.woff2" in bundles["vi"]
    assert bundles["zh"] == bundles["vi"]
