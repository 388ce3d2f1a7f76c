"""Responsive images: resized WebP and JPEG/PNG variants made once and cached.

Originals never reach readers: a page gets ``<picture>`` with variants no wider than
needed, and ``width``/``height`` so the layout does not jump while they load.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

OUTPUT_DIR = "_img"
WEBP_QUALITY = 78
JPEG_QUALITY = 80


@dataclass(frozen=True)
class Variant:
    """One resized copy of an image."""

    width: int
    height: int
    path: str  # relative to the site root, like _img/thac-50-3fa2c1d0-960.webp
    mime: str


@dataclass(frozen=True)
class ResponsiveImage:
    """All variants of one source image."""

    source: Path
    width: int
    height: int
    variants: tuple[Variant, ...]

    def of_type(self, mime: str) -> list[Variant]:
        return [variant for variant in self.variants if variant.mime == mime]

    @property
    def fallback_mime(self) -> str:
        return next(v.mime for v in self.variants if v.mime != "image/webp")

    def fallback(self, near: int = 960) -> Variant:
        """The non-WebP variant closest to ``near`` pixels wide, for ``src``."""
        candidates = self.of_type(self.fallback_mime)
        return min(candidates, key=lambda v: abs(v.width - near))


EXIF_ORIENTATION = 0x0112
ROTATED = (5, 6, 7, 8)  # orientations that turn the picture a quarter


class ImageCache:
    """Makes variants on demand; a variant already in the cache folder is not made again."""

    def __init__(self, cache_dir: Path, widths: tuple[int, ...]) -> None:
        self.cache_dir = cache_dir
        self.widths = tuple(sorted(widths))
        self._known: dict[Path, ResponsiveImage] = {}
        self.made = 0

    def known(self) -> list[ResponsiveImage]:
        """Every image this cache has handed out so far."""
        return list(self._known.values())

    def get(self, source: Path) -> ResponsiveImage:
        """Variants of ``source``, made now if the cache does not have them."""
        source = source.resolve()
        if source in self._known:
            return self._known[source]
        digest = hashlib.sha256(source.read_bytes()).hexdigest()[:10]
        with Image.open(source) as opened:
            # Size, rotation and transparency come from the header: the pixels are decoded
            # only when a variant has to be made (a camera photo takes ~0.1 s to decode).
            width, height = opened.size
            if opened.getexif().get(EXIF_ORIENTATION, 1) in ROTATED:
                width, height = height, width
            has_alpha = opened.mode in ("RGBA", "LA", "PA") or "transparency" in opened.info
            fallback_ext, fallback_mime = (
                (".png", "image/png") if has_alpha else (".jpg", "image/jpeg")
            )
            targets = [w for w in self.widths if w < width] + [min(width, self.widths[-1])]
            targets = sorted(set(targets))
            variants = []
            missing = []
            for target in targets:
                target_height = round(height * target / width)
                for ext, mime in ((".webp", "image/webp"), (fallback_ext, fallback_mime)):
                    name = f"{source.stem}-{digest}-{target}{ext}"
                    out = self.cache_dir / name
                    if not out.exists():
                        missing.append((target, target_height, out, ext))
                    variants.append(Variant(target, target_height, f"{OUTPUT_DIR}/{name}", mime))
            if missing:
                image = ImageOps.exif_transpose(opened)
                for target, target_height, out, ext in missing:
                    self._write(image, target, target_height, out, ext)
        result = ResponsiveImage(source, width, height, tuple(variants))
        self._known[source] = result
        return result

    def _write(self, image: Image.Image, width: int, height: int, out: Path, ext: str) -> None:
        resized = image.resize((width, height), Image.Resampling.LANCZOS)
        if ext == ".jpg" and resized.mode != "RGB":
            resized = resized.convert("RGB")
        out.parent.mkdir(parents=True, exist_ok=True)
        # Write then rename, so a parallel build never reads half a file.
        handle, temp = tempfile.mkstemp(dir=out.parent, suffix=ext)
        os.close(handle)
        try:
            if ext == ".webp":
                resized.save(temp, "WEBP", quality=WEBP_QUALITY, method=4)
            elif ext == ".jpg":
                resized.save(temp, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
            else:
                resized.save(temp, "PNG", optimize=True)
            os.replace(temp, out)
        finally:
            if os.path.exists(temp):
                os.unlink(temp)
        self.made += 1


def render_picture(
    image: ResponsiveImage,
    alt: str,
    base_url: str,
    sizes: str,
    lazy: bool = True,
    css_class: str = "",
) -> str:
    """``<picture>`` markup; ``base_url`` leads from the page to the site root."""
    base = base_url.rstrip("/") + "/" if base_url not in ("", ".") else ""

    def srcset(mime: str) -> str:
        return ", ".join(f"{base}{v.path} {v.width}w" for v in image.of_type(mime))

    fallback = image.fallback()
    attrs = [
        f'src="{base}{fallback.path}"',
        f'srcset="{srcset(image.fallback_mime)}"',
        f'sizes="{sizes}"',
        f'width="{fallback.width}"',
        f'height="{fallback.height}"',
        f'alt="{html.escape(alt, quote=True)}"',
        'decoding="async"',
        'loading="lazy"' if lazy else 'fetchpriority="high"',
    ]
    if css_class:
        attrs.insert(0, f'class="{css_class}"')
    return (
        f'<picture><source type="image/webp" srcset="{srcset("image/webp")}" sizes="{sizes}">'
        f"<img {' '.join(attrs)}></picture>"
    )


_MARKDOWN_IMAGE = re.compile(
    r'!\[(?P<alt>[^\]]*)\]\((?P<target>[^)\s]+)(?:\s+"(?P<title>[^"]*)")?\)'
)
BODY_SIZES = "(min-width: 45em) 42rem, calc(100vw - 1.6rem)"


def rewrite_body_images(
    markdown: str, page_dir: Path, images_root: Path, cache: ImageCache, base_url: str
) -> str:
    """Replace Markdown images of content/images/ by responsive ``<picture>`` markup.

    An image alone on its line becomes a figure; its title (if any) is the caption.
    """
    root = images_root.resolve()

    def replace(match: re.Match) -> str:
        target = (page_dir / match.group("target")).resolve()
        try:
            target.relative_to(root)
        except ValueError:
            return match.group(0)
        if not target.is_file():
            return match.group(0)
        picture = render_picture(cache.get(target), match.group("alt"), base_url, BODY_SIZES)
        return picture

    lines = []
    for line in markdown.split("\n"):
        match = _MARKDOWN_IMAGE.fullmatch(line.strip())
        if match and match.group("title"):
            replaced = replace(match)
            if replaced != match.group(0):
                caption = html.escape(match.group("title"))
                line = (
                    f'<figure class="gl-figure">{replaced}'
                    f"<figcaption>{caption}</figcaption></figure>"
                )
                lines.append(line)
                continue
        lines.append(_MARKDOWN_IMAGE.sub(replace, line))
    return "\n".join(lines)
