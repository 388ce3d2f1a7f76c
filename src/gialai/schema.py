"""The fields of an article's front matter, declared once.

Parsing and its messages (articles.py), the "unknown field" checks and the front matter that
`gialai new` and `gialai translate` write (cli.py) all read this table, so a field is added,
renamed or explained in one place. Like the PostConfig with which Material for MkDocs
validates a blog post, each field is a declaration; unlike it, this needs no MkDocs.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


class Form(enum.Enum):
    """The three kinds of Markdown file, named as the messages name them."""

    SOURCE = "an article"  # a Vietnamese article in a category folder
    TRANSLATION = "a translation"  # the same article in another language
    PAGE = "a page"  # a file that is not an article, like the home page


class Need(enum.Enum):
    """Whether a form of file must, may or may only carry a field."""

    REQUIRED = "required"
    OPTIONAL = "optional"
    # Allowed, and left to MkDocs or the theme: never read or checked here.
    ACCEPTED = "accepted"


class Type(enum.Enum):
    """What a field's value is; each has one reader in articles.py."""

    TEXT = "text"
    DATE = "date"
    LIST = "list of text"
    CHOICE = "one of a few words"
    REVISION = "a fingerprint the tools write"
    MAPPING = "fields of its own"


class Inherit(enum.Enum):
    """How a translation gets a field: see catalog._inherit."""

    NO = "its own"
    ALWAYS = "the source's"
    UNLESS_GIVEN = "its own, else the source's"


class Skeleton(enum.Enum):
    """The commands that write a new file's front matter."""

    NEW = "new"
    TRANSLATE = "translate"


class Write(enum.Enum):
    """How a skeleton writes a field."""

    GIVEN = "given"  # the value the command has; left out when it has none
    PLACEHOLDER = "placeholder"  # the field's placeholder, to be replaced
    # A group of fields as comments with their placeholders: written live, an empty cover
    # would be refused as a photo without a file.
    COMMENTED = "commented"


@dataclass(frozen=True)
class Field:
    """One front-matter field: where it belongs, its type, and how it is written."""

    name: str
    type: Type
    source: Need | None = None
    translation: Need | None = None
    page: Need | None = None
    default: Any = ""
    inherit: Inherit = Inherit.NO
    # A value that is right, as messages show it.
    example: str = ""
    # What the message for a missing required value asks for: "missing; {fix}".
    fix: str = ""
    # A required field may be left out when this other field is given.
    unless: str = ""
    # The Article attribute, when it is not the field's name.
    attribute: str = ""
    choices: tuple[str, ...] = ()
    item: str = ""  # what one entry of a list is called
    fields: tuple[Field, ...] = ()  # the fields of a mapping
    placeholder: str = ""  # YAML a skeleton writes for the writer to replace
    comment: str = ""  # said beside the placeholder
    new: Write | None = None
    translate: Write | None = None

    @property
    def key(self) -> str:
        """The name the Article gives the value."""
        return self.attribute or self.name

    def need(self, form: Form) -> Need | None:
        """Whether this form of file must or may carry the field; None: it may not."""
        if form is Form.SOURCE:
            return self.source
        return self.translation if form is Form.TRANSLATION else self.page

    def written_by(self, skeleton: Skeleton) -> Write | None:
        """How a skeleton writes the field; None: it leaves it out."""
        return self.new if skeleton is Skeleton.NEW else self.translate


REQUIRED, OPTIONAL, ACCEPTED = Need.REQUIRED, Need.OPTIONAL, Need.ACCEPTED
GIVEN, PLACEHOLDER, COMMENTED = Write.GIVEN, Write.PLACEHOLDER, Write.COMMENTED
DATE_EXAMPLE = "2025-12-30"
_BYLINE_EXAMPLE = "Nguyễn Thu Hà"
_SOURCE_EXAMPLE = "Báo Gia Lai"

# What `gialai new` writes as the text: a published article must not still hold it.
BODY_PLACEHOLDER = "Viết đoạn mở đầu ở đây."

COVER_FIELDS = (
    Field(
        "image",
        Type.TEXT,
        source=REQUIRED,
        # Accepted in a translation, but the photo is always the source's.
        translation=OPTIONAL,
        inherit=Inherit.ALWAYS,
        example="thac-50.jpg",
        fix="write the file name of the photo in content/images/, like thac-50.jpg.",
        placeholder="ten-anh.jpg",
        comment="a photo in content/images/",
        new=PLACEHOLDER,
    ),
    Field(
        "alt",
        Type.TEXT,
        source=REQUIRED,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example="Dòng thác trắng đổ xuống vách đá giữa rừng xanh",
        fix="describe the photo in a sentence for readers who cannot see it.",
        placeholder="Mô tả bức ảnh cho người không nhìn thấy",
        new=PLACEHOLDER,
        translate=GIVEN,
    ),
    Field(
        "caption",
        Type.TEXT,
        source=OPTIONAL,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example="Thác 50 vào mùa mưa",
        placeholder="Chú thích ảnh",
        new=PLACEHOLDER,
        translate=GIVEN,
    ),
    Field(
        "credit",
        Type.TEXT,
        source=OPTIONAL,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example="Ban biên tập",
        placeholder="Tên tác giả ảnh",
        new=PLACEHOLDER,
    ),
)

# In the order the skeletons write them.
FIELDS = (
    Field(
        "title",
        Type.TEXT,
        source=REQUIRED,
        translation=REQUIRED,
        page=REQUIRED,
        example="Thác 50 ở Kbang",
        fix="every article needs a title.",
        new=GIVEN,
        translate=GIVEN,
    ),
    Field(
        "summary",
        Type.TEXT,
        source=REQUIRED,
        translation=REQUIRED,
        page=OPTIONAL,
        example="Dòng thác giữa đại ngàn.",
        fix="every article needs a summary.",
        placeholder='""',
        new=PLACEHOLDER,
        translate=GIVEN,
    ),
    Field(
        "date",
        Type.DATE,
        source=REQUIRED,
        default=None,
        inherit=Inherit.ALWAYS,
        example=DATE_EXAMPLE,
        fix=f"write the date like {DATE_EXAMPLE}.",
        new=GIVEN,
    ),
    Field(
        "category",
        Type.TEXT,
        source=REQUIRED,
        inherit=Inherit.ALWAYS,
        example="tourism",
        fix="every article needs a category.",
        new=GIVEN,
    ),
    Field(
        "tags",
        Type.LIST,
        source=OPTIONAL,
        translation=OPTIONAL,
        default=(),
        example="[Kbang, thác nước]",
        item="tag",
        placeholder="[]",
        new=PLACEHOLDER,
        translate=GIVEN,
    ),
    Field(
        "byline",
        Type.TEXT,
        source=REQUIRED,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example=_BYLINE_EXAMPLE,
        fix=(
            f"every article needs a byline, like byline: {_BYLINE_EXAMPLE} (or, for an "
            f"article taken from a newspaper, source: {_SOURCE_EXAMPLE})."
        ),
        unless="source",
        new=GIVEN,
    ),
    Field(
        "source",  # the publication an article is taken from
        Type.TEXT,
        source=OPTIONAL,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example=_SOURCE_EXAMPLE,
        attribute="source_name",
        new=GIVEN,
    ),
    Field(
        "dateline",
        Type.TEXT,
        source=OPTIONAL,
        translation=OPTIONAL,
        inherit=Inherit.UNLESS_GIVEN,
        example="Kbang",
        placeholder="Pleiku",
        new=PLACEHOLDER,
    ),
    Field(
        "cover",
        Type.MAPPING,
        source=OPTIONAL,
        translation=OPTIONAL,
        default=None,
        inherit=Inherit.UNLESS_GIVEN,
        fields=COVER_FIELDS,
        new=COMMENTED,
        translate=GIVEN,
    ),
    Field(
        "status",
        Type.CHOICE,
        source=OPTIONAL,
        translation=OPTIONAL,
        page=OPTIONAL,
        default="published",
        example="published",
        choices=("published", "draft"),
        placeholder="draft",
        new=PLACEHOLDER,
        translate=PLACEHOLDER,
    ),
    Field(
        "publish",
        Type.DATE,
        source=OPTIONAL,
        default=None,
        inherit=Inherit.ALWAYS,
        example=DATE_EXAMPLE,
    ),
    Field(
        "translator",
        Type.TEXT,
        translation=OPTIONAL,
        page=ACCEPTED,
        example="Trần Văn An",
    ),
    Field(
        "source_revision",
        Type.REVISION,
        translation=OPTIONAL,
        page=ACCEPTED,
        example="3fa2c1d04b9e",
        translate=GIVEN,
    ),
    Field("template", Type.TEXT, page=OPTIONAL, example="home.html"),
    Field("hide", Type.LIST, page=ACCEPTED, default=(), example="[navigation, toc]"),
)

_BY_NAME = {field.name: field for field in FIELDS}


def field(name: str) -> Field:
    """The top-level field of this name."""
    return _BY_NAME[name]


def fields_of(form: Form, among: tuple[Field, ...] = FIELDS) -> tuple[Field, ...]:
    """The fields a form of file may carry, in the schema's order."""
    return tuple(item for item in among if item.need(form) is not None)


def required_of(form: Form) -> tuple[Field, ...]:
    """The fields a form of file must carry."""
    return tuple(item for item in FIELDS if item.need(form) is REQUIRED)


def skeleton_lines(
    skeleton: Skeleton, values: Mapping[str, str | Mapping[str, str] | None]
) -> list[str]:
    """The front-matter lines a command writes; ``values`` holds what it has, as YAML text."""
    lines: list[str] = []
    for item in FIELDS:
        how = item.written_by(skeleton)
        value = values.get(item.name)
        if how is PLACEHOLDER:
            lines.append(_line(f"{item.name}: {item.placeholder}", item.comment))
        elif how is COMMENTED:
            lines.append(f"# {item.name}:")
            lines += [
                _line(f"#   {sub.name}: {sub.placeholder}", sub.comment)
                for sub in item.fields
                if sub.written_by(skeleton) is PLACEHOLDER
            ]
        elif how is GIVEN and isinstance(value, Mapping):
            lines.append(f"{item.name}:")
            lines += [
                f"  {sub.name}: {value[sub.name]}"
                for sub in item.fields
                if sub.written_by(skeleton) is GIVEN
            ]
        elif how is GIVEN and value is not None:
            lines.append(f"{item.name}: {value}")
    return lines


def _line(text: str, comment: str) -> str:
    # Comments start in one column, so that several of them line up.
    return f"{text:<29} # {comment}" if comment else text
