"""What templates show: plain dictionaries built from entries, listings and strings."""

from __future__ import annotations

import functools
import json
import math
import re
from typing import Any

from markupsafe import Markup

from .catalog import DRAFT, SCHEDULED, Catalog, Entry
from .images import ImageCache, render_picture
from .languages import DIGITS
from .listings import SEARCH_PATH, TAGS_PATH, Listing, page_path, related, tag_slug
from .qr import QrCodes
from .strings import Strings

# The width of each picture's slot (gialai.css; 1rem is 20 px in Material's type scale):
# the browser takes the smallest variant (settings.image_widths) that fills it.
CARD_SIZES = (
    "(min-width: 76.25em) 19rem, (min-width: 60em) calc(33vw - 1.5rem), "
    "(min-width: 45em) calc(50vw - 2rem), calc(100vw - 1.6rem)"
)
LEAD_SIZES = "(min-width: 76.25em) 36rem, (min-width: 45em) 58vw, calc(100vw - 1.6rem)"
COVER_SIZES = "(min-width: 45em) 42rem, calc(100vw - 1.6rem)"
_WORD = re.compile(r"\w+")
_KHMER_CHARS = re.compile(r"[\u1780-\u17FF]")
# Khmer has no spaces between words; about six code points make a word on average.
_KHMER_CHARS_PER_WORD = 6
# Chinese has no spaces either, and \w+ would take a whole sentence for one word. A word
# of Chinese is about two characters, so the site's pace is some 400 characters a minute.
_HAN_CHARS = re.compile(r"[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]")
_HAN_CHARS_PER_WORD = 2
WORDS_PER_MINUTE = 200


def article_url(lang_prefix: str, key: str) -> str:
    """Site-root path of an article: 'en/du-lich/thac-50/'."""
    return f"{lang_prefix}{key}/"


def reading_minutes(text: str) -> int:
    """Minutes a reader needs, counting Khmer and Chinese words by their average length."""
    khmer = len(_KHMER_CHARS.findall(text))
    han = len(_HAN_CHARS.findall(text))
    other = len(_WORD.findall(_HAN_CHARS.sub(" ", _KHMER_CHARS.sub(" ", text))))
    words = other + khmer / _KHMER_CHARS_PER_WORD + han / _HAN_CHARS_PER_WORD
    return max(1, math.ceil(words / WORDS_PER_MINUTE))


class Views:
    """Builds template data for one language of one build."""

    def __init__(
        self,
        catalog: Catalog,
        lang: str,
        strings: Strings,
        images: ImageCache | None,
        qr: QrCodes | None = None,
    ) -> None:
        self.catalog = catalog
        self.qr = qr or QrCodes()
        self.settings = catalog.settings
        self.lang = lang
        self.prefix = self.settings.language(lang).prefix
        self.t = strings
        self.images = images
        self._pictures: dict[tuple, str] = {}

    @functools.cached_property
    def search(self) -> dict[str, str]:
        """What the search form and its script need: where to search and what to say."""
        t = self.t
        language = self.settings.language(self.lang)
        return {
            "lang": self.lang,
            "text": language.search.text,
            "digits": DIGITS[language.digits],
            "prefix": self.prefix,
            "page": f"{self.prefix}{SEARCH_PATH}",
            "label": t("search_label"),
            "placeholder": t("search_placeholder"),
            "button": t("search_button"),
            "loading": t("search_loading"),
            "offline": t("search_offline"),
            "all": t("search_all"),
            # Filled in by the script: {query} and {count}.
            "none": t.values["search_none"],
            "one": t.values["search_one"],
            "other": t.values["search_other"],
            "elsewhere": t("search_elsewhere"),
            # When nothing matches, the script counts the matches in these languages.
            "others": json.dumps(
                [
                    {
                        "lang": other.code,
                        "name": other.name,
                        # The script marks the name with it: drawn by the names font.
                        "script": other.script,
                        "text": other.search.text,
                        "prefix": other.prefix,
                        "page": f"{other.prefix}{SEARCH_PATH}",
                    }
                    for other in self.settings.languages
                    if other.code != self.lang
                ],
                ensure_ascii=False,
            ),
        }

    def picture(self, image_name: str, alt: str, base_url: str, sizes: str, lazy: bool) -> str:
        if self.images is None:
            return ""
        key = (image_name, alt, base_url, sizes, lazy)
        if key not in self._pictures:
            source = self.settings.images_path / image_name
            # HTML made here from escaped values: templates print it as it is.
            self._pictures[key] = Markup(
                render_picture(self.images.get(source), alt, base_url, sizes, lazy=lazy)
            )
        return self._pictures[key]

    def category(self, key: str) -> dict[str, str]:
        category = self.settings.category(key)
        if category is None:
            return {"name": key, "url": self.prefix}
        return {"name": category.name(self.lang), "url": f"{self.prefix}{category.folder}/"}

    def badge(self, entry: Entry) -> str:
        if entry.state == DRAFT:
            return self.t.html("draft_badge")
        if entry.state == SCHEDULED and entry.source.publish_date:
            return self.t.html("scheduled_badge", date=self.t.date(entry.source.publish_date))
        return ""

    def card(
        self, entry: Entry, base_url: str, lazy: bool = True, sizes: str = ""
    ) -> dict[str, Any]:
        """A teaser of an article for listings."""
        article = entry.article
        date = entry.source.date
        cover = article.cover
        return {
            "title": article.title,
            "summary": article.summary,
            "url": article_url(self.prefix, entry.key),
            "date": self.t.date_html(date) if date else "",
            "iso_date": date.isoformat() if date else "",
            "category": self.category(entry.source.category),
            "picture": self.picture(cover.image, cover.alt, base_url, sizes or CARD_SIZES, lazy)
            if cover
            else "",
            "badge": self.badge(entry),
        }

    def article(self, entry: Entry, base_url: str, page_text: str) -> dict[str, Any]:
        """Everything an article page shows around its body."""
        article = entry.article
        source = entry.source
        cover = article.cover
        minutes = reading_minutes(page_text)
        data: dict[str, Any] = {
            "kind": "article",
            "title": article.title,
            "summary": article.summary,
            "date": self.t.date_html(source.date) if source.date else "",
            "iso_date": source.date.isoformat() if source.date else "",
            "byline": article.byline,
            "source": article.source_name,
            "translator": self.t.html("translated_by", name=article.translator)
            if article.translator and entry.translated
            else "",
            "dateline": article.dateline,
            "category": self.category(source.category),
            "reading_time": self.t.html("reading_time_one")
            if minutes == 1
            else self.t.html("reading_time_other", minutes=minutes),
            "tags": [
                {"name": tag, "url": f"{self.prefix}{TAGS_PATH}{tag_slug(tag)}/"}
                for tag in (article.tags if entry.translated else ())
            ],
            "cover": None,
            "related": [
                self.card(other, base_url)
                for other in related(self.catalog, entry, self.settings.related_count)
            ],
            "badge": self.badge(entry),
            "fallback": entry.fallback,
            "content_lang": article.lang,
            "outdated": False,
            "source_url": article_url("", entry.key),
            "source_lang": self.settings.default_language.lang,
        }
        public = f"{self.settings.public_url}{article_url(self.prefix, entry.key)}"
        data["share"] = {"url": public, "qr": Markup(self.qr.svg(public, self.t("print_qr")))}
        if cover:
            image = (
                self.images.get(self.settings.images_path / cover.image) if self.images else None
            )
            data["image"] = image.fallback().path if image else ""
            data["image_alt"] = cover.alt
            data["cover"] = {
                "picture": self.picture(cover.image, cover.alt, base_url, COVER_SIZES, False),
                "caption": cover.caption,
                "credit": self.t.html("photo_credit", credit=cover.credit) if cover.credit else "",
            }
        if entry.translated and entry.lang != self.settings.default_language.code:
            data["outdated"] = article.source_revision != source.revision
        return data

    def listing(self, listing: Listing, base_url: str) -> dict[str, Any]:
        """A listing page: its cards and its previous/next links."""
        most = max((count for _tag, _slug, count in listing.tag_counts), default=0)
        first_photo = next((e for e in listing.entries if e.article.cover), None)
        return {
            "kind": listing.kind,
            "title": listing.title,
            "cards": [
                # Only the first photo is fetched at once (fetchpriority): on a phone it
                # is the largest thing on the first screen.
                self.card(entry, base_url, lazy=entry is not first_photo)
                for entry in listing.entries
            ],
            "page": listing.page,
            "pages": listing.pages,
            "page_of": self.t.html("page_of", page=listing.page, pages=listing.pages),
            "previous": f"{self.prefix}{listing.previous_path}" if listing.previous_path else "",
            "next": f"{self.prefix}{listing.next_path}" if listing.next_path else "",
            # Every page of the listing, for the kiosk: any article is one tap from a page
            # that the listing's first page links to.
            "page_links": [
                {
                    "number": self.t.number(number),
                    "url": f"{self.prefix}{page_path(listing.base, number)}",
                    "current": number == listing.page,
                }
                for number in range(1, listing.pages + 1)
            ]
            if listing.pages > 1
            else [],
            "tags": [
                {
                    "name": tag,
                    "url": f"{self.prefix}{TAGS_PATH}{slug}/",
                    "count": count,
                    "weight": tag_weight(count, most),
                }
                for tag, slug, count in listing.tag_counts
            ],
        }

    def home(self, base_url: str, latest_count: int = 4, per_category: int = 2) -> dict:
        """The front page: a lead story and the ways in, the newest articles, then a few
        more of each category. No article is shown twice."""
        listed = self.catalog.listed(self.lang)
        # The lead is the newest article with a photo: the first phone screen shows it.
        lead = next((e for e in listed if e.article.cover), listed[0] if listed else None)
        rest = [e for e in listed if e is not lead]
        latest = rest[:latest_count]
        shown = {id(e) for e in latest}
        sections = []
        ways = []
        for category in self.settings.categories:
            url = f"{self.prefix}{category.folder}/"
            name = category.name(self.lang)
            ways.append({"name": name, "url": url, "audience": ""})
            entries = [e for e in rest if e.source.category == category.key and id(e) not in shown][
                :per_category
            ]
            if entries:
                sections.append(
                    {
                        "name": name,
                        "url": url,
                        "more": self.t("more_in", category=name),
                        "cards": [self.card(e, base_url) for e in entries],
                    }
                )
        for category in self.settings.categories:
            if category.audience:
                label = self.t(f"audience_{category.audience}")
                ways.append(
                    {"name": label, "url": f"{self.prefix}{category.folder}/", "audience": "yes"}
                )
        return {
            "kind": "home",
            "lead": self.card(lead, base_url, lazy=False, sizes=LEAD_SIZES) if lead else None,
            "ways": ways,
            "latest": [self.card(entry, base_url) for entry in latest],
            "sections": sections,
        }


def tag_weight(count: int, most: int, steps: int = 4) -> int:
    """The size step (1 to ``steps``) of a tag in the cloud: by its share of the most used."""
    if count <= 1:
        return 1
    # Logarithmic, on a scale of at least 2^(steps-1): a tag of 40 articles does not dwarf
    # the rest, and on a young site a tag of 2 is not set as large as one of 40.
    scale = max(most, 2 ** (steps - 1))
    return min(steps, 1 + round((steps - 1) * math.log(count) / math.log(scale)))


def dashboard(session, lang: str) -> dict[str, Any]:
    """The translation status of every article, for the preview's dashboard page."""
    from .translations import count_states, translation_status

    settings = session.settings
    t = session.strings[lang]
    status = translation_status(session.catalog)
    tables = []
    for code, rows in status.items():
        language = settings.language(code)
        tables.append(
            {
                "lang": language.lang,
                "name": language.name,
                "counts": count_states(rows),
                "rows": [
                    {
                        "state": row.state,
                        "state_label": t(f"state_{row.state.replace('-', '_')}"),
                        "title": row.title,
                        "source_url": f"{row.key}/" if row.source else "",
                        "url": f"{language.prefix}{row.key}/" if row.translation else "",
                        "file": row.translation or row.source,
                    }
                    for row in rows
                ],
            }
        )
    source = settings.default_language
    return {
        "kind": "dashboard",
        "title": t("dashboard_title"),
        "tables": tables,
        "source_name": source.name,
        "source_lang": source.lang,
    }
