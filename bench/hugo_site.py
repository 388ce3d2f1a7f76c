"""The benchmark corpus as a minimal Hugo site, for comparing build times with Hugo.

The Markdown files are copied as they are (Hugo reads their YAML front matter; the
translations have no date or category, which Hugo accepts). Each language's ``index.md``
becomes ``_index.md``, Hugo's home page content. The layouts are deliberately small: an
article (title, date, content), a paginated list of titles for sections, tags and the
home page, and nothing else (no feeds, sitemap, robots.txt or 404 page).

    python -m bench.hugo_site CONTENT_DIR HUGO_PROJECT_DIR
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

LANGUAGES = (
    # code, name, site title, weight
    ("vi", "Tiếng Việt", "Gia Lai – Thông tin đối ngoại", 1),
    ("en", "English", "Gia Lai External Information", 2),
    ("km", "ខ្មែរ", "ព័ត៌មានការបរទេស ខេត្តយ៉ាឡាយ", 3),
    ("lo", "ລາວ", "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ", 4),
    ("zh", "中文", "嘉莱省对外信息", 5),
)
PAGE_SIZE = 12  # extra.gialai.page_size in mkdocs.yml

CONFIG = """\
baseURL = "https://doingoai.gialai.gov.vn/"
defaultContentLanguage = "vi"
defaultContentLanguageInSubdir = false
disableKinds = ["RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
paginate = {page_size}

[taxonomies]
  tag = "tags"

[markup.goldmark.renderer]
  unsafe = true

[languages]
{languages}
"""

LANGUAGE = """\
  [languages.{code}]
    contentDir = "content/{code}"
    languageName = "{name}"
    title = "{title}"
    weight = {weight}
"""

BASEOF = """\
<!doctype html>
<html lang="{{ .Site.Language.Lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} – {{ end }}{{ .Site.Title }}</title>
</head>
<body>
<header>
<a href="{{ "/" | relLangURL }}">{{ .Site.Title }}</a>
<nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}</nav>
<nav>{{ range .Translations }}
<a href="{{ .RelPermalink }}" hreflang="{{ .Lang }}">{{ .Language.LanguageName }}</a>
{{ end }}</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
"""

SINGLE = """\
{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
{{ with .Date }}{{ if not .IsZero }}
<time datetime="{{ .Format "2006-01-02" }}">{{ .Format "2006-01-02" }}</time>
{{ end }}{{ end }}
{{ .Content }}
</article>
{{ end }}
"""

LIST = """\
{{ define "main" }}
<h1>{{ .Title }}</h1>
{{ $pager := .Paginate .Pages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

INDEX = """\
{{ define "main" }}
{{ .Content }}
{{ $pager := .Paginate .Site.RegularPages }}
<ul>
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}
</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

LAYOUTS = {
    "_default/baseof.html": BASEOF,
    "_default/single.html": SINGLE,
    "_default/list.html": LIST,
    "index.html": INDEX,
}


def make_hugo_site(content_dir: Path, dst: Path, languages=LANGUAGES) -> Path:
    """Write a Hugo project for ``content_dir`` (content/<lang>/...) into ``dst``.

    Returns ``dst``. An existing ``dst`` is replaced.
    """
    content_dir = Path(content_dir)
    # The languages the corpus has: Lao and Chinese are written only when asked for.
    languages = [language for language in languages if (content_dir / language[0]).is_dir()]
    dst = Path(dst)
    if dst.exists():
        shutil.rmtree(dst)
    dst.mkdir(parents=True)
    blocks = "".join(
        LANGUAGE.format(code=code, name=name, title=title, weight=weight)
        for code, name, title, weight in languages
    )
    (dst / "config.toml").write_text(
        CONFIG.format(page_size=PAGE_SIZE, languages=blocks), encoding="utf-8"
    )
    for rel, text in LAYOUTS.items():
        path = dst / "layouts" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for code, *_ in languages:
        source = content_dir / code
        for md in sorted(source.rglob("*.md")):
            rel = md.relative_to(source)
            if rel.name == "index.md":  # MkDocs' section index is Hugo's _index.md
                rel = rel.with_name("_index.md")
            target = dst / "content" / code / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(md, target)
    return dst


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bench.hugo_site", description="Write the corpus as a Hugo project."
    )
    parser.add_argument("content_dir", type=Path)
    parser.add_argument("hugo_dir", type=Path)
    args = parser.parse_args(argv)
    make_hugo_site(args.content_dir, args.hugo_dir)
    print(f"Hugo project in {args.hugo_dir}; build it with: hugo -s {args.hugo_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
