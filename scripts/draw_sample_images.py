#!/usr/bin/env python3
"""Draw the cover illustrations used by the sample articles.

The six pictures this script writes to ``content/images/`` are stylised
illustrations drawn for the sample site of the Gia Lai external-information
website. They are not photographs and do not show any real scene exactly.
They were made for this site by the editorial team and are credited
"Ban biên tập" (editorial team); they are released under CC BY 4.0
(see ``content/images/CREDITS.txt``).

    thac-50.jpg      a waterfall in green jungle (50 Waterfall, Kbang)
    chu-dang-ya.jpg  a green volcano cone, wild sunflowers in front, blue sky
    bien-ho.jpg      a calm lake with pine trees on the shore (Biển Hồ)
    quy-nhon.jpg     sea, sand, basket boats and fishing boats, green hills
    ca-phe.jpg       close-up of a coffee branch with red cherries
    cong-chieng.jpg  bronze gongs of graded sizes on a wooden frame in front
                     of a tall-roofed Central Highlands communal house

The output is deterministic: every scene draws from its own
``random.Random`` with a fixed seed, and nothing depends on the clock or
the machine. Each scene is drawn at twice the final size and scaled down,
which smooths the edges. Files are 2400 x 1600 px JPEG, quality 82.

Usage (Pillow is installed in the project virtualenv)::

    .venv/bin/python scripts/draw_sample_images.py [NAME ...]

With no NAME all six images are drawn; a NAME such as ``bien-ho`` draws
only that one.
"""

from __future__ import annotations

import math
import random
import sys
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter

FINAL = (2400, 1600)
SS = 2  # supersampling factor
W, H = FINAL[0] * SS, FINAL[1] * SS
QUALITY = 82
OUT_DIR = Path(__file__).resolve().parent.parent / "content" / "images"

Color = tuple[int, int, int]


# --------------------------------------------------------------------------
# Small drawing toolkit
# --------------------------------------------------------------------------

def mix(c1: Color, c2: Color, t: float) -> Color:
    t = max(0.0, min(1.0, t))
    return tuple(int(round(a + (b - a) * t)) for a, b in zip(c1, c2))  # type: ignore[return-value]


def ramp(stops, t: float) -> Color:
    """Colour at position t (0..1) of a list of (position, colour) stops."""
    if t <= stops[0][0]:
        return stops[0][1]
    for (p0, c0), (p1, c1) in zip(stops, stops[1:]):
        if t <= p1:
            return mix(c0, c1, (t - p0) / (p1 - p0) if p1 > p0 else 0.0)
    return stops[-1][1]


def vgradient(stops, size=(W, H)) -> Image.Image:
    w, h = size
    col = Image.new("RGB", (1, h))
    col.putdata([ramp(stops, y / max(1, h - 1)) for y in range(h)])
    return col.resize((w, h), Image.NEAREST)


def hgradient(stops, size=(W, H)) -> Image.Image:
    w, h = size
    row = Image.new("RGB", (w, 1))
    row.putdata([ramp(stops, x / max(1, w - 1)) for x in range(w)])
    return row.resize((w, h), Image.NEAREST)


def vmask(stops, size=(W, H)) -> Image.Image:
    """Vertical greyscale ramp; stops are (position, level 0..255)."""
    img = vgradient([(p, (v, v, v)) for p, v in stops], size)
    return img.convert("L")


def hmask(stops, size=(W, H)) -> Image.Image:
    img = hgradient([(p, (v, v, v)) for p, v in stops], size)
    return img.convert("L")


def new_mask(size=(W, H)) -> tuple[Image.Image, ImageDraw.ImageDraw]:
    m = Image.new("L", size, 0)
    return m, ImageDraw.Draw(m)


def poly_mask(points, blur: float = 0, size=(W, H)) -> Image.Image:
    m, d = new_mask(size)
    d.polygon(points, fill=255)
    return m.filter(ImageFilter.GaussianBlur(blur)) if blur else m


def scale_mask(mask: Image.Image, opacity: float) -> Image.Image:
    return mask.point(lambda v: int(v * opacity))


def fill(base: Image.Image, src, mask: Image.Image, opacity: float = 1.0) -> None:
    """Paint ``src`` (a colour or an image) onto ``base`` through ``mask``."""
    if isinstance(src, tuple):
        src = Image.new("RGB", base.size, src)
    if opacity < 1.0:
        mask = scale_mask(mask, opacity)
    base.paste(src, (0, 0), mask)


def ridge(rng: random.Random, y: float, amp: float, x0: float = -60,
          x1: float = W + 60, step: float = 10, freq: float = 1.6,
          octaves=((1, 1.0), (2.3, 0.45), (5.1, 0.2), (11.3, 0.08), (23.0, 0.03))):
    """A wavy skyline: list of points from x0 to x1 around height y."""
    phases = [rng.uniform(0, math.tau) for _ in octaves]
    base = freq * math.tau / W
    pts = []
    x = x0
    while x <= x1:
        v = sum(a * math.sin(x * base * f + ph) for (f, a), ph in zip(octaves, phases))
        pts.append((x, y - amp * v))
        x += step
    return pts


def below(points, bottom: float = H + 10):
    return list(points) + [(points[-1][0], bottom), (points[0][0], bottom)]


def vsmear(img: Image.Image, factor: int) -> Image.Image:
    """Blur along the vertical only (for falling water and reflections)."""
    w, h = img.size
    small = img.resize((w, max(1, h // factor)), Image.BOX)
    return small.resize((w, h), Image.BILINEAR)


def soft_blobs(ellipses, blur: float, size=(W, H)) -> Image.Image:
    m, d = new_mask(size)
    for box in ellipses:
        d.ellipse(box, fill=255)
    return m.filter(ImageFilter.GaussianBlur(blur))


def cloud(base: Image.Image, rng: random.Random, cx: float, cy: float,
          w: float, h: float, colour: Color = (255, 255, 255),
          shade: Color = (196, 210, 228), opacity: float = 0.95,
          blur: float = 18) -> None:
    """A soft cumulus with a flat base and shaded underside."""
    boxes = []
    n = rng.randint(9, 14)
    for i in range(n):
        u = (i + 0.5) / n
        bx = cx - w / 2 + u * w + rng.uniform(-w * 0.04, w * 0.04)
        swell = math.sin(math.pi * u) ** 0.8
        r = h * (0.28 + 0.55 * swell) * rng.uniform(0.75, 1.1)
        by = cy - r * 0.55 - swell * h * 0.25
        boxes.append((bx - r, by - r, bx + r, by + r))
    m, d = new_mask()
    for b in boxes:
        d.ellipse(b, fill=255)
    d.rectangle((0, cy + h * 0.08, W, H), fill=0)
    m = m.filter(ImageFilter.GaussianBlur(blur))
    fill(base, colour, m, opacity)
    under = vmask([(0, 0), (max(0.0, (cy - h * 0.9) / H), 0), (min(1.0, (cy + h * 0.1) / H), 255), (1, 255)])
    fill(base, shade, ImageChops.multiply(m, under), 0.75)


def sphere(draw: ImageDraw.ImageDraw, cx: float, cy: float, r: float,
           dark: Color, light: Color, ry: float | None = None,
           light_dir=(-0.45, -0.5), steps: int | None = None) -> None:
    """A shaded ball: concentric ellipses that drift towards the light."""
    ry = ry if ry is not None else r
    steps = steps or max(12, int(r / 1.5))
    for i in range(steps):
        t = i / (steps - 1)
        k = 1 - t * 0.9
        ox = cx + light_dir[0] * r * t * 0.55
        oy = cy + light_dir[1] * ry * t * 0.55
        draw.ellipse((ox - r * k, oy - ry * k, ox + r * k, oy + ry * k),
                     fill=mix(dark, light, t ** 1.4))


def curve_strip(pts, widths):
    """Polygon around a centre line, with a width at every point."""
    left, right = [], []
    for i, (x, y) in enumerate(pts):
        a = pts[max(0, i - 1)]
        b = pts[min(len(pts) - 1, i + 1)]
        tx, ty = b[0] - a[0], b[1] - a[1]
        ln = math.hypot(tx, ty) or 1.0
        nx, ny = -ty / ln, tx / ln
        hw = widths[i] / 2
        left.append((x + nx * hw, y + ny * hw))
        right.append((x - nx * hw, y - ny * hw))
    return left + right[::-1]


def bezier(p0, p1, p2, p3, n: int = 60):
    pts = []
    for i in range(n + 1):
        t = i / n
        a = (1 - t) ** 3
        b = 3 * (1 - t) ** 2 * t
        c = 3 * (1 - t) * t ** 2
        d = t ** 3
        pts.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0],
                    a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return pts


def leaf_shape(x0, y0, angle, length, width, bend=0.12, n=36, power=1.0):
    """Points of a pointed leaf starting at (x0, y0).

    Returns (upper half, lower half, midrib) so the halves can be shaded
    differently, which reads as a leaf folded along its midrib.
    """
    ca, sa = math.cos(angle), math.sin(angle)

    def place(px, py):
        return (x0 + px * ca - py * sa, y0 + px * sa + py * ca)

    up, lo, mid = [], [], []
    for i in range(n + 1):
        u = i / n
        cx, cy = u * length, bend * length * u * u
        tx, ty = length, 2 * bend * length * u
        ln = math.hypot(tx, ty)
        nx, ny = -ty / ln, tx / ln
        hw = width / 2 * (math.sin(math.pi * u ** 0.85) ** power)
        up.append(place(cx + nx * hw, cy + ny * hw))
        lo.append(place(cx - nx * hw, cy - ny * hw))
        mid.append(place(cx, cy))
    return up, lo, mid


def draw_leaf(draw, x0, y0, angle, length, width, c_light, c_dark,
              vein=None, bend=0.12, veins=0, power=1.0, alpha=255):
    up, lo, mid = leaf_shape(x0, y0, angle, length, width, bend, power=power)
    draw.polygon(up + mid[::-1], fill=c_light + (alpha,))
    draw.polygon(lo + mid[::-1], fill=c_dark + (alpha,))
    if vein:
        draw.line(mid, fill=vein + (int(alpha * 0.8),), width=max(1, int(width * 0.035)))
        for k in range(veins):
            u = 0.15 + 0.75 * (k + 0.5) / veins
            i = int(u * (len(mid) - 1))
            j = min(len(mid) - 1, i + len(mid) // 9)
            for side in (up, lo):
                sx = mid[i][0] + (side[j][0] - mid[j][0]) * 0.85
                sy = mid[i][1] + (side[j][1] - mid[j][1]) * 0.85
                tx = mid[j][0] + (side[j][0] - mid[j][0]) * 0.85
                ty = mid[j][1] + (side[j][1] - mid[j][1]) * 0.85
                draw.line([mid[i], ((sx + tx) / 2, (sy + ty) / 2)],
                          fill=vein + (int(alpha * 0.45),), width=max(1, int(width * 0.018)))


def finish(img: Image.Image, name: str) -> Path:
    out = img.resize(FINAL, Image.LANCZOS)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / f"{name}.jpg"
    out.save(path, "JPEG", quality=QUALITY, optimize=True)
    return path


# --------------------------------------------------------------------------
# Shared motifs
# --------------------------------------------------------------------------

def tree_crowns(base, rng, region, count, palette, rmin, rmax, keep_out=None):
    """Jungle canopy: overlapping crowns built from small leaf clumps.

    Each crown is a cluster of small dark clumps with lighter clumps on
    its upper left, so it reads as foliage lit from the upper left.
    """
    x0, y0, x1, y1 = region
    crowns = []
    for _ in range(count):
        x = rng.uniform(x0, x1)
        y = rng.uniform(y0, y1)
        r = rng.uniform(rmin, rmax) * (0.75 + 0.5 * (y - y0) / max(1, y1 - y0))
        if keep_out and keep_out(x, y, r):
            continue
        crowns.append((y, x, r))
    crowns.sort()
    d = ImageDraw.Draw(base, "RGBA")
    for y, x, r in crowns:
        dark, mid, light = rng.choice(palette)
        for _ in range(16):
            a = rng.uniform(0, math.tau)
            q = r * math.sqrt(rng.random()) * 0.75
            rr = r * rng.uniform(0.25, 0.42)
            cx, cy = x + math.cos(a) * q, y + math.sin(a) * q * 0.8
            d.ellipse((cx - rr, cy - rr * 0.85, cx + rr, cy + rr * 0.85), fill=dark)
        for _ in range(11):
            a = rng.uniform(math.pi * 0.85, math.pi * 1.75)
            q = r * rng.uniform(0.1, 0.6)
            rr = r * rng.uniform(0.16, 0.3)
            cx, cy = x + math.cos(a) * q, y + math.sin(a) * q * 0.8
            d.ellipse((cx - rr, cy - rr * 0.8, cx + rr, cy + rr * 0.8), fill=mid + (235,))
        for _ in range(9):
            a = rng.uniform(math.pi * 1.0, math.pi * 1.6)
            q = r * rng.uniform(0.3, 0.75)
            rr = r * rng.uniform(0.05, 0.12)
            cx, cy = x + math.cos(a) * q, y + math.sin(a) * q * 0.8
            d.ellipse((cx - rr, cy - rr * 0.8, cx + rr, cy + rr * 0.8), fill=light + (140,))
    return crowns


def pine(draw, rng, x, ground, height, trunk_w, dark, mid, light,
         trunk=(74, 52, 40), crown_from=0.42):
    """A tall Central Highlands pine: straight trunk, open crown of
    feathery needle tufts at the ends of short branches."""
    top = ground - height
    draw.polygon([(x - trunk_w / 2, ground), (x + trunk_w / 2, ground),
                  (x + trunk_w * 0.18, top), (x - trunk_w * 0.18, top)], fill=trunk)
    draw.polygon([(x - trunk_w / 2, ground), (x - trunk_w * 0.1, ground),
                  (x - trunk_w * 0.02, top), (x - trunk_w * 0.18, top)],
                 fill=mix(trunk, (200, 170, 140), 0.3))
    crown_h = height * (1 - crown_from)
    tufts = []
    n = rng.randint(7, 9)
    for i in range(n):
        u = i / (n - 1)
        ty = top + crown_h * (0.04 + 0.92 * u)
        spread = height * (0.05 + 0.10 * math.sin(math.pi * (0.2 + 0.75 * u)))
        sides = (-1, 1) if rng.random() < 0.45 else ((-1,) if i % 2 else (1,))
        for side in sides:
            tx = x + side * spread * rng.uniform(0.55, 1.0)
            tyy = ty - height * rng.uniform(0.0, 0.03)
            draw.line([(x, ty + height * 0.02), ((x + tx) / 2, (ty + tyy) / 2 + height * 0.004), (tx, tyy)],
                      fill=trunk, width=max(2, int(trunk_w * 0.2)))
            tufts.append((tx, tyy, spread * rng.uniform(0.5, 0.72)))
    tufts.append((x, top + crown_h * 0.02, height * 0.05))
    w_needle = max(1, int(trunk_w * 0.08))
    for tx, ty, r in tufts:
        subs = []
        for _ in range(9):
            a = rng.uniform(0, math.tau)
            q = math.sqrt(rng.random())
            subs.append((tx + math.cos(a) * q * r * 0.62, ty + math.sin(a) * q * r * 0.26,
                         r * rng.uniform(0.28, 0.42)))
        for sx, sy, sr in subs:
            draw.ellipse((sx - sr, sy - sr * 0.72, sx + sr, sy + sr * 0.72), fill=dark)
        # fuzzy outline of needles radiating from the tuft
        for _ in range(int(40 + r * 0.5)):
            a = rng.uniform(0, math.tau)
            ex, ey = tx + math.cos(a) * r * 0.8, ty + math.sin(a) * r * 0.4
            ln = r * rng.uniform(0.12, 0.3)
            ang = a + rng.uniform(-0.5, 0.5)
            draw.line([(ex - math.cos(ang) * ln * 0.6, ey - math.sin(ang) * ln * 0.5),
                       (ex + math.cos(ang) * ln, ey + math.sin(ang) * ln * 0.8)], fill=dark + (230,),
                      width=w_needle)
        for sx, sy, sr in subs:
            if sy < ty + r * 0.05:
                k = 0.62
                draw.ellipse((sx - sr * k - sr * 0.15, sy - sr * 0.72 * k - sr * 0.2,
                              sx + sr * k - sr * 0.15, sy + sr * 0.72 * k - sr * 0.2), fill=mid + (235,))
        for _ in range(int(18 + r * 0.25)):
            sx = tx + rng.uniform(-0.7, 0.4) * r
            sy = ty - rng.uniform(0.05, 0.38) * r
            a = rng.uniform(-math.pi * 0.9, -math.pi * 0.2)
            ln = r * rng.uniform(0.1, 0.25)
            draw.line([(sx, sy), (sx + math.cos(a) * ln, sy + math.sin(a) * ln * 0.7)], fill=light + (190,),
                      width=w_needle)


def conifer_silhouette(draw, x, ground, h, w, colour):
    pts = []
    tiers = 5
    for i in range(tiers + 1):
        u = i / tiers
        y = ground - h + h * u
        hw = w / 2 * (0.15 + 0.85 * u)
        pts.append((x - hw, y))
    right = [(2 * x - px, py) for px, py in pts]
    draw.polygon([(x, ground - h * 1.05)] + pts + right[::-1], fill=colour)


# --------------------------------------------------------------------------
# Scenes
# --------------------------------------------------------------------------

def scene_chu_dang_ya() -> Image.Image:
    rng = random.Random(2025_11_12)
    img = vgradient([(0.0, (38, 104, 196)), (0.35, (88, 154, 222)),
                     (0.62, (178, 214, 242)), (1.0, (210, 230, 246))])
    for cx, cy, cw, ch in [(0.16, 0.20, 0.22, 0.07), (0.83, 0.15, 0.26, 0.08),
                           (0.55, 0.09, 0.14, 0.04), (0.95, 0.44, 0.16, 0.05),
                           (0.05, 0.47, 0.13, 0.04)]:
        cloud(img, rng, cx * W, cy * H, cw * W, ch * H)

    # distant hills
    fill(img, (132, 168, 182), poly_mask(below(ridge(rng, 0.655 * H, 0.022 * H)), 3))
    fill(img, (104, 146, 126), poly_mask(below(ridge(rng, 0.69 * H, 0.016 * H, freq=2.4)), 3))

    # the volcano cone: a concave profile, flattened summit with a crater dip
    xc, yb, yt = 0.53 * W, 0.80 * H, 0.34 * H
    half_l, half_r = 0.44 * W, 0.40 * W
    top_h, dip, power = 0.78, 0.04, 1.45

    def height(d):
        cone = (1 - d) ** power
        crater_r = 0.24
        flat = top_h - dip * max(0.0, 1 - (d / crater_r) ** 2)
        k = 0.035
        return -k * math.log(math.exp(-cone / k) + math.exp(-flat / k))

    prof = []
    for i in range(-300, 301):
        s = i / 300
        hw = half_l if s < 0 else half_r
        d = abs(s)
        wob = 0.004 * math.sin(s * 37) + 0.003 * math.sin(s * 91 + 1)
        prof.append((xc + s * hw, yb - (yb - yt) / top_h * (height(d) + wob * (1 - d))))
    cone_mask = poly_mask(below(prof, yb + 40), 1.5)

    tex = hgradient([(0.0, (146, 190, 86)), (0.45, (116, 168, 70)), (0.75, (82, 132, 58)),
                     (1.0, (62, 108, 54))])
    td = ImageDraw.Draw(tex, "RGBA")
    # patchwork of fields following the contours of the slope
    patch_cols = [(170, 196, 92), (98, 150, 62), (186, 184, 96), (128, 170, 76),
                  (78, 126, 56), (150, 176, 84), (196, 170, 104)]
    levels = [0.0, 0.05, 0.1, 0.16, 0.22, 0.29, 0.36, 0.44, 0.52, 0.6, 0.68, 0.76]

    def contour(hl, u):
        d = 1 - hl ** (1 / power)
        xl, xr = xc - half_l * d * 1.02, xc + half_r * d * 1.02
        y = yb - (yb - yt) / top_h * hl
        sag = (xr - xl) * 0.06
        return (xl + (xr - xl) * u, y + sag * math.sin(math.pi * u))

    hedges = []
    for lo, hi in zip(levels, levels[1:]):
        cuts = [0.0]
        while cuts[-1] < 1.0:
            cuts.append(min(1.0, cuts[-1] + rng.uniform(0.05, 0.16)))
        for a, b in zip(cuts, cuts[1:]):
            pts = [contour(lo, a + (b - a) * k / 8) for k in range(9)]
            pts += [contour(hi, b - (b - a) * k / 8) for k in range(9)]
            c = rng.choice(patch_cols)
            td.polygon(pts, fill=c + (rng.randint(50, 120),))
        if rng.random() < 0.75:
            hedges.append(lo)
    for hl in hedges:
        u = rng.uniform(0, 0.2)
        while u < 1:
            run = u + rng.uniform(0.05, 0.25)
            while u < min(run, 1.0):
                x, y = contour(hl, u)
                r = rng.uniform(8, 16) * (1.2 - hl * 0.6)
                td.ellipse((x - r, y - r * 1.4, x + r, y + r * 0.5), fill=(44, 86, 44, 200))
                u += rng.uniform(0.004, 0.012)
            u += rng.uniform(0.05, 0.3)
    for _ in range(24):
        hl = rng.uniform(0.0, 0.5)
        u0 = rng.uniform(0.05, 0.95)
        for _ in range(rng.randint(3, 6)):
            x, y = contour(hl, u0 + rng.uniform(-0.015, 0.015))
            y += rng.uniform(-10, 10)
            r = rng.uniform(7, 13)
            td.ellipse((x - r, y - r * 1.5, x + r, y + r * 0.5), fill=(40, 80, 42, 220))
    fill(img, tex, cone_mask)
    # shading: sunlit left flank, shadowed right flank, light haze
    shade = ImageChops.multiply(cone_mask, hmask([(0, 0), (0.5, 20), (0.66, 150), (0.9, 230)]))
    fill(img, (28, 52, 58), shade, 0.7)
    fill(img, (40, 70, 50), ImageChops.multiply(cone_mask, vmask([(0.6, 0), (0.8, 120)])), 0.4)
    rim = soft_blobs([(xc - half_l * 0.3, yt - 40, xc + half_r * 0.05, yt + 0.05 * H)], 40)
    fill(img, (210, 226, 150), ImageChops.multiply(cone_mask, rim), 0.35)
    fill(img, (190, 215, 235), cone_mask, 0.12)

    # foreground meadow
    field = ridge(rng, 0.785 * H, 0.01 * H, freq=1.1)
    field_mask = poly_mask(below(field), 2)
    fill(img, vgradient([(0.0, (118, 150, 62)), (0.78, (118, 150, 62)), (0.86, (78, 118, 46)),
                         (1.0, (40, 74, 34))]), field_mask)

    d = ImageDraw.Draw(img, "RGBA")

    def foliage(y0, y1, count, rmin, rmax):
        for _ in range(count):
            x = rng.uniform(-0.02 * W, 1.02 * W)
            y = rng.uniform(y0, y1)
            t = (y - 0.78 * H) / (0.22 * H)
            r = rng.uniform(rmin, rmax) * (0.4 + 1.4 * t)
            g = rng.choice([(48, 92, 38), (62, 110, 46), (80, 124, 52), (40, 78, 36)])
            if rng.random() < 0.5:
                d.ellipse((x - r, y - r * 0.5, x + r, y + r * 0.5), fill=g + (230,))
            else:
                a = rng.uniform(-math.pi * 0.9, -math.pi * 0.1)
                draw_leaf(d, x, y, a, r * 2.0, r * 0.8, g, mix(g, (20, 40, 20), 0.3), bend=rng.uniform(-0.2, 0.2))

    def sunflower(cx, cy, r, tilt):
        n = rng.randint(11, 14)
        rot = rng.uniform(0, math.tau)
        petals = []
        for k in range(n):
            a = rot + k * math.tau / n + rng.uniform(-0.1, 0.1)
            petals.append((math.sin(a), a))
        petals.sort()
        for _, a in petals:
            ln = r * rng.uniform(0.85, 1.05)
            wd = r * rng.uniform(0.30, 0.40)
            pts = []
            for s in range(13):
                u = s / 12
                hw = wd / 2 * math.sin(math.pi * min(1.0, u * 1.1) ** 0.7)
                pts.append((ln * (0.18 + 0.82 * u), hw))
            pts += [(px, -py) for px, py in pts[::-1]]
            ca, sa = math.cos(a), math.sin(a)
            poly = [(cx + px * ca - py * sa, cy + (px * sa + py * ca) * tilt) for px, py in pts]
            base_c = mix((252, 206, 28), (255, 178, 10), rng.random())
            lit = 0.5 + 0.5 * math.cos(a + 2.2)
            d.polygon(poly, fill=mix(mix(base_c, (214, 140, 8), 0.35), base_c, lit))
            if r > 20:
                d.line([(cx + ln * 0.25 * ca, cy + ln * 0.25 * sa * tilt),
                        (cx + ln * 0.85 * ca, cy + ln * 0.85 * sa * tilt)],
                       fill=(222, 150, 10, 110), width=max(1, int(r * 0.03)))
        dr = r * 0.34
        sphere(d, cx, cy, dr, (150, 84, 10), (240, 176, 40), ry=dr * tilt, steps=max(6, int(dr / 2)))
        if r > 30:
            for _ in range(int(r * 0.4)):
                a = rng.uniform(0, math.tau)
                q = dr * math.sqrt(rng.random()) * 0.85
                px, py = cx + math.cos(a) * q, cy + math.sin(a) * q * tilt
                s = r * 0.025
                d.ellipse((px - s, py - s, px + s, py + s), fill=(120, 64, 10, 170))

    # far band: specks of yellow in dark green bushes
    foliage(0.785 * H, 0.84 * H, 900, 16, 40)
    for _ in range(1100):
        x = rng.uniform(0, W)
        y = rng.uniform(0.79 * H, 0.845 * H)
        r = rng.uniform(5, 11) * (1 + (y - 0.79 * H) / (0.05 * H))
        d.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6),
                  fill=mix((250, 204, 40), (255, 170, 10), rng.random()))
    foliage(0.83 * H, 0.90 * H, 420, 30, 70)
    mids = [(rng.uniform(0.84, 0.9) * H, rng.uniform(-0.02, 1.02) * W) for _ in range(200)]
    for y, x in sorted(mids):
        t = (y - 0.84 * H) / (0.06 * H)
        sunflower(x, y, (18 + 36 * t) * rng.uniform(0.85, 1.15), rng.uniform(0.45, 0.7))
    foliage(0.88 * H, 1.02 * H, 140, 60, 120)
    # near flowers with leaves
    near = []
    for k in range(18):
        near.append((rng.uniform(0.875, 0.975) * H, (k + rng.uniform(0.1, 0.9)) / 18 * 1.08 * W - 0.04 * W))
    for y, x in sorted(near):
        t = (y - 0.875 * H) / (0.1 * H)
        r = (100 + 200 * t) * rng.uniform(0.85, 1.1)
        for _ in range(3):
            a = rng.uniform(-math.pi, 0) + rng.uniform(-0.3, 0.3)
            c1 = rng.choice([(70, 120, 48), (58, 104, 42), (86, 134, 56)])
            draw_leaf(d, x, y + r * 0.4, a, r * rng.uniform(1.4, 2.0), r * 0.7, c1,
                      mix(c1, (20, 50, 20), 0.35), vein=(140, 176, 100), veins=3,
                      bend=rng.uniform(-0.15, 0.15))
        d.line([(x, y), (x + rng.uniform(-r, r) * 0.3, y + r * 2.5)], fill=(62, 96, 40),
               width=int(r * 0.1))
        sunflower(x, y, r, rng.uniform(0.55, 0.85))
    return img


def scene_bien_ho() -> Image.Image:
    rng = random.Random(2025_09_03)
    hz = int(0.50 * H)
    img = vgradient([(0.0, (96, 140, 190)), (0.22, (150, 182, 212)), (0.42, (226, 220, 206)),
                     (0.50, (246, 226, 196)), (1.0, (246, 226, 196))])
    glow = soft_blobs([(0.55 * W, 0.30 * H, 0.85 * W, 0.56 * H)], 260)
    fill(img, (255, 240, 208), glow, 0.7)
    for cx, cy, cw in [(0.2, 0.16, 0.4), (0.62, 0.1, 0.5), (0.85, 0.24, 0.3), (0.38, 0.3, 0.25)]:
        m = soft_blobs([(cx * W - cw * W / 2, cy * H - 30, cx * W + cw * W / 2, cy * H + 30),
                        (cx * W - cw * W / 3, cy * H - 60, cx * W + cw * W / 4, cy * H + 10)], 40)
        fill(img, (252, 246, 238), m, 0.55)

    # far hills and the pine belt along the far shore
    fill(img, (150, 166, 180), poly_mask(below(ridge(rng, 0.445 * H, 0.028 * H, freq=1.2)), 4))
    fill(img, (120, 142, 146), poly_mask(below(ridge(rng, 0.475 * H, 0.016 * H, freq=2.0)), 3))
    d = ImageDraw.Draw(img, "RGBA")
    for layer, (col, hmin, hmax, wid) in enumerate([((92, 118, 112), 40, 100, 0.35),
                                                    ((62, 92, 80), 60, 150, 0.4)]):
        x = -40.0
        while x < W + 40:
            h = rng.uniform(hmin, hmax) * (1.3 if 0.55 * W < x < 0.95 * W else 1.0)
            if layer == 1 and rng.random() < 0.25:
                pine(d, rng, x, hz + 4, h * 2.2, 7, col, mix(col, (120, 140, 110), 0.3),
                     mix(col, (170, 180, 140), 0.4), trunk=mix(col, (40, 40, 40), 0.4), crown_from=0.55)
            else:
                conifer_silhouette(d, x, hz + 4, h, h * wid, col)
            x += rng.uniform(14, 34)
    fill(img, (62, 86, 74), poly_mask([(0, hz - 10), (W, hz - 10), (W, hz + 6), (0, hz + 6)], 2))

    # reflection of everything above the waterline
    top = img.crop((0, 0, W, hz)).transpose(Image.FLIP_TOP_BOTTOM)
    top = top.crop((0, 0, W, H - hz))
    top = vsmear(top, 6)
    water = Image.blend(top, vgradient([(0, (70, 104, 124)), (1, (40, 70, 90))], (W, H - hz)), 0.32)
    img.paste(water, (0, hz))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(520):
        y = hz + (H - hz) * rng.random() ** 1.6
        t = (y - hz) / (H - hz)
        ln = rng.uniform(40, 260) * (0.4 + 2.2 * t)
        x = rng.uniform(-ln, W)
        th = max(2, int(2 + 5 * t))
        c = (255, 246, 226, rng.randint(24, 70)) if rng.random() < 0.6 else (30, 56, 72, rng.randint(20, 50))
        d.line([(x, y), (x + ln, y)], fill=c, width=th)
    # morning mist resting on the water
    m, md = new_mask()
    for _ in range(16):
        x = rng.uniform(-0.2, 0.95) * W
        w = rng.uniform(0.2, 0.5) * W
        y = hz + rng.uniform(-0.03, 0.03) * H
        md.ellipse((x, y - 45, x + w, y + 45), fill=255)
    mist = m.filter(ImageFilter.GaussianBlur(60))
    fill(img, (250, 244, 236), mist, 0.55)

    # foreground bank on the left with tall pines, grass on the right corner
    bank = bezier((-40, 0.70 * H), (0.22 * W, 0.74 * H), (0.38 * W, 0.92 * H), (0.52 * W, H + 40), 80)
    bank_mask = poly_mask(bank + [(-40, H + 40)], 3)
    fill(img, vgradient([(0, (86, 110, 58)), (0.75, (70, 96, 48)), (1.0, (38, 58, 34))]), bank_mask)
    edge = Image.new("L", (W, H), 0)
    ImageDraw.Draw(edge).line(bank, fill=255, width=30)
    fill(img, (232, 208, 160), edge.filter(ImageFilter.GaussianBlur(10)), 0.35)
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(1600):
        x = rng.uniform(-40, 0.52 * W)
        y = rng.uniform(0.70 * H, H)
        if not bank_mask.getpixel((int(min(W - 1, max(0, x))), int(min(H - 1, y)))):
            continue
        t = (y - 0.7 * H) / (0.3 * H)
        ln = rng.uniform(10, 30) * (1 + 2.5 * t)
        c = rng.choice([(120, 150, 70), (96, 128, 56), (150, 170, 84), (70, 100, 46)])
        d.line([(x, y), (x + rng.uniform(-0.3, 0.3) * ln, y - ln)], fill=c + (220,),
               width=max(2, int(2 + 3 * t)))
    for x, g, hgt, w in [(0.06, 0.77, 1.05, 46), (0.19, 0.80, 0.98, 40), (0.31, 0.87, 1.02, 50)]:
        pine(d, rng, x * W, g * H, hgt * H, w, (34, 62, 42), (58, 94, 56), (120, 150, 92))
    corner = bezier((0.80 * W, H + 40), (0.86 * W, 0.95 * H), (0.94 * W, 0.9 * H), (W + 40, 0.89 * H), 40)
    fill(img, vgradient([(0, (80, 104, 56)), (1, (40, 62, 36))]), poly_mask(corner + [(W + 40, H + 40)], 3))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(260):
        x = rng.uniform(0.84 * W, W)
        y = rng.uniform(0.92 * H, H)
        ln = rng.uniform(50, 130)
        d.line([(x, y), (x + rng.uniform(-30, 20), y - ln)],
               fill=rng.choice([(110, 140, 70), (80, 112, 52), (140, 160, 80)]) + (230,), width=5)
    return img


def boulder(img, rng, cx, cy, rx, ry, moss=True):
    """A rounded wet boulder, lit from the upper left, with moss on top."""
    pts = []
    for k in range(30):
        a = math.pi + k / 29 * math.pi
        rr = 1 + rng.uniform(-0.06, 0.06)
        pts.append((cx + math.cos(a) * rx * rr, cy + math.sin(a) * ry * rr))
    pts += [(cx + rx, H + 20), (cx - rx, H + 20)]
    m = poly_mask(pts, 2)
    fill(img, vgradient([(max(0.0, (cy - ry) / H), (118, 118, 106)), (min(1.0, cy / H + 0.02), (58, 60, 56)),
                         (1.0, (34, 36, 34))]), m)
    hl = soft_blobs([(cx - rx * 0.85, cy - ry * 1.05, cx + rx * 0.1, cy - ry * 0.45)], rx * 0.18)
    fill(img, (182, 186, 172), ImageChops.multiply(m, hl), 0.55)
    sh = soft_blobs([(cx + rx * 0.2, cy - ry * 0.6, cx + rx * 1.2, cy + ry)], rx * 0.25)
    fill(img, (20, 24, 24), ImageChops.multiply(m, sh), 0.5)
    if moss:
        mm, md = new_mask()
        for _ in range(14):
            a = rng.uniform(math.pi * 1.15, math.pi * 1.85)
            x = cx + math.cos(a) * rx * 0.9
            y = cy + math.sin(a) * ry * 0.92
            r = rx * rng.uniform(0.08, 0.18)
            md.ellipse((x - r, y - r * 0.5, x + r, y + r * 0.6), fill=255)
        fill(img, (96, 138, 64), ImageChops.multiply(m, mm.filter(ImageFilter.GaussianBlur(6))), 0.85)


def scene_thac_50() -> Image.Image:
    rng = random.Random(2025_06_14)
    img = vgradient([(0.0, (190, 218, 222)), (0.25, (222, 236, 228)), (1.0, (222, 236, 228))])
    for y, amp, col in [(0.13, 0.05, (160, 192, 184)), (0.19, 0.04, (124, 164, 144)),
                        (0.25, 0.035, (92, 134, 104))]:
        fill(img, col, poly_mask(below(ridge(rng, y * H, amp * H, freq=1.8)), 4))

    lip_y, pool_y = 0.20 * H, 0.78 * H
    # the cliff wall: a broad rock face with ledges, darker where it is wet
    top_edge = ridge(rng, 0.175 * H, 0.012 * H, freq=3)
    cliff_mask = poly_mask(below(top_edge, pool_y + 0.04 * H), 3)
    rock = vgradient([(0.15, (124, 118, 100)), (0.5, (96, 92, 80)), (0.85, (64, 64, 58))])
    fill(img, rock, cliff_mask)
    shadows, sd_ = new_mask()
    lights, ld_ = new_mask()
    y = 0.21 * H
    while y < pool_y:
        line = ridge(rng, y, 0.01 * H, freq=rng.uniform(3, 6), step=24)
        i = 0
        while i < len(line) - 2:
            j = min(len(line), i + rng.randint(12, 50))
            if rng.random() < 0.7:
                seg = line[i:j]
                drop = rng.uniform(24, 56)
                sd_.polygon(seg + [(x + 30, yy + drop) for x, yy in seg[::-1]], fill=255)
                ld_.line([(x, yy - 6) for x, yy in seg], fill=255, width=8)
            i = j + rng.randint(0, 14)
        y += rng.uniform(0.04, 0.07) * H
    for _ in range(40):
        x = rng.uniform(0.1, 0.9) * W
        y0 = rng.uniform(0.2, 0.7) * H
        sd_.line([(x, y0), (x + rng.uniform(-30, 30), y0 + rng.uniform(80, 260))], fill=200, width=10)
    fill(img, (40, 38, 34), ImageChops.multiply(cliff_mask, shadows.filter(ImageFilter.GaussianBlur(10))), 0.55)
    fill(img, (184, 176, 150), ImageChops.multiply(cliff_mask, lights.filter(ImageFilter.GaussianBlur(4))), 0.5)
    mosses, mo_ = new_mask()
    for _ in range(70):
        x, y = rng.uniform(0.1, 0.9) * W, rng.uniform(0.2, 0.76) * H
        r = rng.uniform(40, 140)
        mo_.ellipse((x - r, y - r * 0.18, x + r, y + r * 0.18), fill=255)
    fill(img, (84, 124, 62), ImageChops.multiply(cliff_mask, mosses.filter(ImageFilter.GaussianBlur(12))), 0.7)
    wet = hmask([(0.3, 0), (0.42, 200), (0.58, 200), (0.7, 0)])
    fill(img, (30, 40, 38), ImageChops.multiply(cliff_mask, wet), 0.45)
    fill(img, (24, 34, 30), ImageChops.multiply(cliff_mask, hmask([(0.1, 150), (0.3, 0), (0.7, 0), (0.9, 160)])),
         0.55)

    # the main fall
    top_l, top_r, bot_l, bot_r = 0.415 * W, 0.585 * W, 0.37 * W, 0.635 * W

    def edge(t, left):
        a, b = (top_l, bot_l) if left else (top_r, bot_r)
        return a + (b - a) * t ** 1.3

    fall_pts = [(edge(i / 24, True) + rng.uniform(-14, 14), lip_y + (pool_y - lip_y) * i / 24) for i in range(25)]
    fall_pts += [(edge(i / 24, False) + rng.uniform(-14, 14), lip_y + (pool_y - lip_y) * i / 24)
                 for i in range(24, -1, -1)]
    fall_mask = poly_mask(fall_pts, 8)
    water = vgradient([(0.2, (206, 226, 232)), (0.5, (184, 210, 218)), (0.78, (236, 244, 246))])
    wd = ImageDraw.Draw(water, "RGBA")
    for _ in range(1300):
        t0 = rng.random() ** 1.2
        y0 = lip_y + (pool_y - lip_y) * t0 - 60
        x = rng.uniform(edge(t0, True), edge(t0, False))
        ln = rng.uniform(180, 1000)
        if rng.random() < 0.6:
            c = (255, 255, 255, rng.randint(140, 240))
        else:
            c = (110, 150, 164, rng.randint(70, 150))
        spread = (x - 0.5 * W) / (0.5 * W)
        wd.line([(x, y0), (x + spread * ln * 0.12, y0 + ln)], fill=c, width=rng.randint(6, 24))
    water = vsmear(water, 16)
    fill(img, water, fall_mask)
    spray = Image.new("L", (W, H), 0)
    sd = ImageDraw.Draw(spray)
    for _ in range(160):
        t0 = rng.uniform(0.1, 1.0)
        left = rng.random() < 0.5
        x = edge(t0, left) + (rng.uniform(-60, 10) if left else rng.uniform(-10, 60))
        y = lip_y + (pool_y - lip_y) * t0
        sd.line([(x, y), (x, y + rng.uniform(60, 240))], fill=rng.randint(80, 200), width=rng.randint(4, 12))
    fill(img, (244, 250, 250), vsmear(spray.filter(ImageFilter.GaussianBlur(4)), 8), 0.8)
    lip = soft_blobs([(top_l - 10, lip_y - 16, top_r + 10, lip_y + 26)], 10)
    fill(img, (250, 253, 253), lip, 0.95)

    # pool with the fall's reflection
    pool = bezier((0.1 * W, 0.80 * H), (0.3 * W, 0.76 * H), (0.7 * W, 0.76 * H), (0.9 * W, 0.80 * H), 40)
    pool += bezier((0.9 * W, 0.80 * H), (0.8 * W, 0.97 * H), (0.2 * W, 0.97 * H), (0.1 * W, 0.80 * H), 40)
    pool_mask = poly_mask(pool, 4)
    pool_tex = vgradient([(0.76, (84, 134, 126)), (0.97, (34, 82, 80))])
    pd = ImageDraw.Draw(pool_tex, "RGBA")
    refl = poly_mask([(0.40 * W, 0.78 * H), (0.60 * W, 0.78 * H), (0.65 * W, 0.97 * H), (0.35 * W, 0.97 * H)], 50)
    fill(pool_tex, (200, 226, 226), refl, 0.4)
    pool_tex = vsmear(pool_tex, 10)
    pd = ImageDraw.Draw(pool_tex, "RGBA")
    for _ in range(360):
        y = rng.uniform(0.78, 0.96) * H
        x = rng.uniform(0.12, 0.85) * W
        ln = rng.uniform(60, 300)
        pd.line([(x, y), (x + ln, y)], fill=(226, 242, 238, rng.randint(40, 110)), width=rng.randint(3, 9))
    fill(img, pool_tex, pool_mask)
    foam = soft_blobs([(0.34 * W, 0.75 * H, 0.66 * W, 0.82 * H), (0.3 * W, 0.78 * H, 0.7 * W, 0.86 * H)], 40)
    fill(img, (250, 252, 250), foam, 0.92)
    mist, md = new_mask()
    for _ in range(30):
        x = rng.uniform(0.25, 0.75) * W
        y = rng.uniform(0.55, 0.8) * H
        r = rng.uniform(140, 360)
        md.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=rng.randint(70, 170))
    fill(img, (246, 250, 248), mist.filter(ImageFilter.GaussianBlur(100)), 0.8)

    # jungle: the rim above the cliff, both flanks, a few shrubs on ledges
    palette = [((30, 70, 40), (52, 104, 50), (130, 178, 86)),
               ((38, 84, 44), (72, 124, 56), (156, 194, 94)),
               ((24, 60, 38), (44, 94, 52), (112, 160, 84)),
               ((44, 88, 36), (86, 132, 50), (176, 200, 100))]
    tree_crowns(img, rng, (0.0 * W, 0.10 * H, 1.0 * W, 0.185 * H), 150, palette, 50, 110,
                lambda x, y, r: 0.42 * W < x < 0.58 * W and y > 0.14 * H)
    tree_crowns(img, rng, (-0.06 * W, 0.12 * H, 0.22 * W, 0.92 * H), 220, palette, 90, 200,
                lambda x, y, r: x > 0.14 * W + (y - 0.2 * H) * 0.05 - r * 0.2)
    tree_crowns(img, rng, (0.78 * W, 0.12 * H, 1.06 * W, 0.92 * H), 220, palette, 90, 200,
                lambda x, y, r: x < 0.86 * W - (y - 0.2 * H) * 0.05 + r * 0.2)
    tree_crowns(img, rng, (0.2 * W, 0.25 * H, 0.36 * W, 0.7 * H), 10, palette, 30, 60)
    tree_crowns(img, rng, (0.66 * W, 0.25 * H, 0.8 * W, 0.7 * H), 8, palette, 30, 60)

    # soft light shafts from the upper left
    beams, bd = new_mask()
    for x0, wdt in [(0.12, 0.05), (0.24, 0.03), (0.33, 0.06)]:
        bd.polygon([(x0 * W, -10), ((x0 + wdt) * W, -10), ((x0 + wdt + 0.28) * W, 0.8 * H),
                    ((x0 + 0.25) * W, 0.8 * H)], fill=255)
    beams = ImageChops.multiply(beams.filter(ImageFilter.GaussianBlur(50)), vmask([(0, 255), (0.8, 0)]))
    fill(img, (255, 252, 220), beams, 0.18)

    # foreground: wet boulders and big leaves framing the lower corners
    for cx, cy, rx, ry in [(0.08, 0.93, 0.14, 0.1), (0.3, 0.99, 0.11, 0.06),
                           (0.74, 0.985, 0.12, 0.07), (0.92, 0.9, 0.12, 0.12), (0.55, 1.02, 0.1, 0.05)]:
        boulder(img, rng, cx * W, cy * H, rx * W, ry * H)
    d = ImageDraw.Draw(img, "RGBA")
    for (x0, y0, base_a, n, flip) in [(-0.03, 1.03, -0.95, 5, 1), (1.03, 1.03, -2.2, 5, -1)]:
        for k in range(n):
            a = base_a + (k - n / 2) * 0.22 + rng.uniform(-0.08, 0.08)
            c1 = rng.choice([(52, 110, 52), (66, 128, 58), (40, 94, 46)])
            draw_leaf(d, x0 * W, y0 * H, a, rng.uniform(0.22, 0.32) * W, rng.uniform(0.06, 0.085) * W,
                      c1, mix(c1, (10, 30, 14), 0.35), vein=(160, 200, 130), veins=7,
                      bend=rng.uniform(0.08, 0.2) * flip)
    return img


def scene_quy_nhon() -> Image.Image:
    rng = random.Random(2026_02_10)
    hz = 0.44 * H
    img = vgradient([(0.0, (30, 108, 200)), (0.3, (92, 166, 228)), (0.44, (196, 228, 244)),
                     (1.0, (196, 228, 244))])
    for cx, cy, cw, ch in [(0.18, 0.34, 0.2, 0.06), (0.45, 0.38, 0.16, 0.04),
                           (0.3, 0.12, 0.12, 0.035), (0.58, 0.2, 0.16, 0.05)]:
        cloud(img, rng, cx * W, cy * H, cw * W, ch * H)

    # far hills across the bay and a small island
    fill(img, (126, 160, 186), poly_mask(below(ridge(rng, 0.41 * H, 0.028 * H, x1=0.55 * W, freq=2.5)
                                               + [(0.6 * W, hz + 2)]), 3))
    fill(img, (112, 146, 164), poly_mask([(0.42 * W, hz + 2), (0.45 * W, 0.425 * H), (0.47 * W, 0.418 * H),
                                          (0.5 * W, 0.428 * H), (0.52 * W, hz + 2)], 3))

    # sea
    sea_mask = poly_mask([(0, hz), (W, hz), (W, H), (0, H)])
    sea = vgradient([(0.44, (26, 86, 150)), (0.56, (34, 122, 168)), (0.66, (48, 170, 186)),
                     (0.74, (96, 208, 198))])
    sd = ImageDraw.Draw(sea, "RGBA")
    for _ in range(1500):
        y = hz + (0.3 * H) * rng.random() ** 1.5
        t = (y - hz) / (0.3 * H)
        ln = rng.uniform(10, 60) * (0.3 + 3 * t)
        x = rng.uniform(0, W)
        glare = math.exp(-((x - 0.35 * W) / (0.25 * W)) ** 2)
        a = int(rng.uniform(40, 120) * (0.4 + 0.6 * glare))
        sd.line([(x, y), (x + ln, y)], fill=(255, 255, 255, a), width=max(2, int(2 + 6 * t)))
    fill(img, sea, sea_mask)

    # green headland on the right running down into the sea
    head = ridge(rng, 0.26 * H, 0.03 * H, x0=0.62 * W, x1=W + 60, freq=3)
    head = [(x, y + (0.18 * H) * max(0.0, (0.8 * W - x) / (0.18 * W)) ** 1.6) for x, y in head]
    head = [(0.58 * W, hz + 8)] + head + [(W + 60, 0.6 * H), (0.7 * W, 0.52 * H),
                                                                  (0.62 * W, hz + 0.02 * H)]
    head_mask = poly_mask(head, 3)
    fill(img, hgradient([(0.55, (98, 150, 86)), (0.8, (62, 118, 66)), (1, (46, 94, 58))]), head_mask)
    tree_crowns(img, rng, (0.63 * W, 0.24 * H, W, 0.5 * H), 220,
                [((52, 104, 58), (76, 130, 66), (140, 178, 96)),
                 ((44, 92, 54), (64, 118, 62), (120, 164, 90))], 26, 60,
                lambda x, y, r: not head_mask.getpixel((int(min(W - 1, x)), int(min(H - 1, y + r)))))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(60):
        x = rng.uniform(0.58, 1.0) * W
        y = 0.455 * H + (x - 0.58 * W) / (0.42 * W) * 0.13 * H + rng.uniform(-0.01, 0.01) * H
        r = rng.uniform(24, 56)
        d.ellipse((x - r, y - r * 0.6, x + r, y + r * 0.6), fill=rng.choice([(110, 104, 94), (86, 84, 80),
                                                                             (136, 128, 112)]))
        d.ellipse((x - r * 0.7, y - r * 0.55, x + r * 0.3, y - r * 0.1), fill=(170, 160, 140, 120))
    foam_line = [(0.57 * W + k * 0.0215 * W, 0.45 * H + k * 0.0067 * H + rng.uniform(-8, 8))
                 for k in range(21)]
    fm = Image.new("L", (W, H), 0)
    ImageDraw.Draw(fm).line(foam_line, fill=255, width=22, joint="curve")
    fill(img, (255, 255, 255), fm.filter(ImageFilter.GaussianBlur(9)), 0.6)
    d = ImageDraw.Draw(img, "RGBA")

    # beach, surf and wet sand
    shore = [(x, 0.70 * H + 0.05 * H * math.sin(x / W * 2.6 + 0.4) - 0.04 * H * x / W)
             for x in range(-40, W + 80, 40)]
    sand_mask = poly_mask(below(shore), 3)
    fill(img, vgradient([(0.6, (236, 216, 172)), (0.8, (232, 206, 160)), (1, (214, 184, 136))]), sand_mask)
    wet = poly_mask(below([(x, y - 6) for x, y in shore]))
    wet = ImageChops.subtract(wet, poly_mask(below([(x, y + 70) for x, y in shore])))
    fill(img, (196, 170, 126), wet.filter(ImageFilter.GaussianBlur(18)), 0.7)
    d = ImageDraw.Draw(img, "RGBA")
    for off, width, a in [(-150, 14, 150), (-95, 18, 190), (-40, 26, 230), (-4, 14, 240)]:
        line = [(x, y + off + 10 * math.sin(x / 90 + off)) for x, y in shore]
        d.line(line, fill=(255, 255, 255, a), width=width, joint="curve")
    swash = poly_mask([(x, y - 4) for x, y in shore] + [(x, y + 40 + 14 * math.sin(x / 150))
                                                       for x, y in shore][::-1], 6)
    fill(img, (170, 226, 214), swash, 0.45)
    for _ in range(1400):
        x, y = rng.uniform(0, W), rng.uniform(0.72, 1.0) * H
        if sand_mask.getpixel((int(min(W - 1, x)), int(min(H - 1, y)))) > 200:
            r = rng.uniform(2, 5)
            d.ellipse((x - r, y - r, x + r, y + r), fill=rng.choice([(200, 176, 130, 120), (250, 236, 204, 140)]))

    def fishing_boat(x, y, s, hull=(28, 86, 170)):
        hw, hh = 260 * s, 70 * s
        body = bezier((x - hw, y - hh), (x - hw * 0.6, y + hh * 1.2), (x + hw * 0.6, y + hh * 1.2),
                      (x + hw * 1.1, y - hh * 1.2), 30)
        d.polygon(body, fill=hull)
        d.line([(x - hw, y - hh), (x + hw * 1.1, y - hh * 1.2)], fill=(240, 240, 236), width=int(16 * s))
        d.line([(x - hw * 0.95, y - hh * 0.55), (x + hw * 1.02, y - hh * 0.75)], fill=(196, 42, 40),
               width=int(14 * s))
        d.rectangle((x - hw * 0.1, y - hh * 2.4, x + hw * 0.45, y - hh * 1.1), fill=(242, 240, 230))
        d.rectangle((x - hw * 0.05, y - hh * 2.1, x + hw * 0.4, y - hh * 1.75), fill=(70, 110, 150))
        d.polygon([(x - hw * 0.18, y - hh * 2.4), (x + hw * 0.53, y - hh * 2.4), (x + hw * 0.45, y - hh * 2.7),
                   (x - hw * 0.1, y - hh * 2.7)], fill=(196, 42, 40))
        d.line([(x - hw * 0.55, y - hh), (x - hw * 0.55, y - hh * 4.2)], fill=(80, 60, 50), width=int(9 * s))
        d.line([(x - hw * 0.55, y - hh * 4.0), (x + hw * 0.2, y - hh * 2.4)], fill=(80, 60, 50, 200),
               width=int(4 * s))
        d.polygon([(x - hw * 0.55, y - hh * 4.0), (x - hw * 0.3, y - hh * 3.7), (x - hw * 0.55, y - hh * 3.4)],
                  fill=(220, 60, 50))
        refl = [(px, 2 * y - py + hh * 0.6) for px, py in body]
        d.polygon(refl, fill=hull + (70,))

    fishing_boat(0.68 * W, 0.565 * H, 0.55)
    fishing_boat(0.30 * W, 0.50 * H, 0.4, hull=(36, 110, 150))
    fishing_boat(0.12 * W, 0.465 * H, 0.22)
    fishing_boat(0.50 * W, 0.60 * H, 0.85)

    def basket_boat(cx, cy, rx):
        """A round woven basket boat (thúng chai) resting on the sand."""
        ry = rx * 0.38
        depth = ry * 0.9
        shadow = soft_blobs([(cx - rx * 1.05, cy + ry * 0.2, cx + rx * 1.25, cy + ry + depth * 1.3)], 26)
        fill(img, (150, 118, 80), shadow, 0.7)
        hull = Image.new("L", (W, H), 0)
        ImageDraw.Draw(hull).chord((cx - rx, cy - ry - depth * 0.2, cx + rx, cy + ry + depth), 0, 180, fill=255)
        tar = vgradient([(max(0.0, (cy - ry) / H), (92, 76, 58)),
                         (min(1.0, (cy + ry + depth) / H), (34, 28, 24))])
        fill(img, tar, hull)
        dd = ImageDraw.Draw(img, "RGBA")
        for k in range(1, 6):
            f = k / 6
            dd.arc((cx - rx * (1 - f * 0.05), cy - ry + depth * f * 0.9, cx + rx * (1 - f * 0.05),
                    cy + ry + depth * f * 0.9), 8, 172, fill=(140, 118, 88, 110), width=max(2, int(rx * 0.01)))
        dd.ellipse((cx - rx, cy - ry, cx + rx, cy + ry), fill=(176, 140, 92))
        inner = (cx - rx * 0.92, cy - ry * 0.84, cx + rx * 0.92, cy + ry * 0.84)
        dd.ellipse(inner, fill=(122, 92, 60))
        dd.chord(inner, 180, 360, fill=(96, 72, 48))
        for k in range(-7, 8):
            x0 = cx + k * rx * 0.12
            dd.line([(x0, cy - ry * 0.8 * math.sqrt(max(0.0, 1 - (k * 0.13) ** 2))),
                     (x0, cy + ry * 0.8 * math.sqrt(max(0.0, 1 - (k * 0.13) ** 2)))],
                    fill=(150, 118, 78, 120), width=max(2, int(rx * 0.012)))
        for k in range(-3, 4):
            yy = cy + k * ry * 0.24
            half = rx * 0.9 * math.sqrt(max(0.0, 1 - (k * 0.26) ** 2))
            dd.line([(cx - half, yy), (cx + half, yy)], fill=(84, 62, 40, 110), width=max(2, int(rx * 0.01)))
        dd.line([(cx - rx * 0.9, cy - ry * 0.1), (cx + rx * 0.9, cy + ry * 0.05)], fill=(150, 108, 64),
                width=int(rx * 0.06))
        dd.arc((cx - rx, cy - ry, cx + rx, cy + ry), 185, 355, fill=(214, 178, 124), width=max(3, int(rx * 0.035)))
        dd.arc((cx - rx, cy - ry, cx + rx, cy + ry), 5, 175, fill=(120, 92, 60), width=max(3, int(rx * 0.03)))

    for cx, cy, rx in [(0.13, 0.80, 0.06), (0.25, 0.87, 0.085), (0.76, 0.82, 0.07), (0.9, 0.92, 0.1)]:
        basket_boat(cx * W, cy * H, rx * W)
    return img


def scene_ca_phe() -> Image.Image:
    rng = random.Random(2025_09_20)
    img = vgradient([(0, (44, 76, 38)), (0.5, (72, 106, 50)), (1, (36, 62, 32))])
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(70):
        x, y = rng.uniform(-0.1, 1.1) * W, rng.uniform(-0.1, 1.1) * H
        r = rng.uniform(80, 380)
        c = rng.choice([(120, 160, 72), (176, 200, 110), (30, 62, 30), (214, 222, 150), (90, 130, 56)])
        d.ellipse((x - r, y - r, x + r, y + r), fill=c + (rng.randint(50, 140),))
    # out-of-focus leaves and cherries of the coffee bushes behind
    for _ in range(16):
        c1 = rng.choice([(40, 86, 40), (56, 104, 48), (70, 116, 54)])
        draw_leaf(d, rng.uniform(0, W), rng.uniform(0, H), rng.uniform(0, math.tau),
                  rng.uniform(700, 1200), rng.uniform(300, 480), c1, mix(c1, (10, 30, 10), 0.3), power=1.2)
    for _ in range(14):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(50, 90)
        d.ellipse((x - r, y - r, x + r, y + r), fill=(160, 40, 40, 150))
    img = img.filter(ImageFilter.GaussianBlur(48))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(26):
        x, y, r = rng.uniform(0, W), rng.uniform(0, H), rng.uniform(50, 130)
        d.ellipse((x - r, y - r, x + r, y + r), fill=(236, 240, 190, rng.randint(25, 55)))
    img = img.filter(ImageFilter.GaussianBlur(7))
    d = ImageDraw.Draw(img, "RGBA")

    # the branch, lower left to upper right, seen close up
    n = 160
    branch = bezier((-0.1 * W, 0.95 * H), (0.28 * W, 0.68 * H), (0.62 * W, 0.56 * H), (1.1 * W, 0.12 * H), n)
    widths = [170 - 60 * i / n for i in range(n + 1)]

    def direction(i):
        a, b = branch[max(0, i - 1)], branch[min(n, i + 1)]
        return math.atan2(b[1] - a[1], b[0] - a[0])

    nodes = [0.16, 0.5, 0.84]
    leaf_cols = [(40, 92, 40), (32, 80, 36), (50, 102, 44)]
    # leaves behind the branch first
    for u in nodes:
        i = int(u * n)
        x, y = branch[i]
        ba = direction(i)
        for side in (-1, 1):
            a = ba + side * (1.0 + rng.uniform(-0.1, 0.15)) + 0.35
            c1 = rng.choice(leaf_cols)
            ln = rng.uniform(1500, 1750) * (1.0 - 0.15 * u)
            wd = ln * 0.42
            bend = side * rng.uniform(0.06, 0.12)
            draw_leaf(d, x, y, a, ln, wd, mix(c1, (120, 170, 90), 0.18), mix(c1, (8, 30, 14), 0.35),
                      vein=(120, 168, 96), veins=9, bend=bend, power=1.15, alpha=255)
            up, lo, mid = leaf_shape(x, y, a, ln, wd, bend, power=1.15)
            gloss = Image.new("L", (W, H), 0)
            ImageDraw.Draw(gloss).line(mid[6:26], fill=255, width=int(wd * 0.22))
            leaf_m = poly_mask(up + lo[::-1])
            fill(img, (236, 248, 226), ImageChops.multiply(gloss.filter(ImageFilter.GaussianBlur(wd * 0.12)),
                                                          leaf_m), 0.35)
            d = ImageDraw.Draw(img, "RGBA")
    d.polygon(curve_strip(branch, widths), fill=(108, 86, 66))
    d.line([(x, y - w * 0.26) for (x, y), w in zip(branch, widths)], fill=(164, 138, 110), width=30)
    d.line([(x, y + w * 0.3) for (x, y), w in zip(branch, widths)], fill=(70, 54, 44), width=26)
    for _ in range(120):
        i = rng.randint(1, n - 1)
        x, y = branch[i]
        ln = rng.uniform(10, 30)
        d.line([(x - ln, y + rng.uniform(-30, 30)), (x + ln, y + rng.uniform(-30, 30))],
               fill=(84, 66, 52, 140), width=5)

    def cherry(cx, cy, r, kind):
        dark, light = {
            "ripe": ((112, 8, 20), (236, 54, 50)),
            "deep": ((80, 4, 22), (190, 28, 48)),
            "turning": ((170, 70, 14), (250, 164, 60)),
            "green": ((78, 118, 30), (188, 208, 92)),
        }[kind]
        d.ellipse((cx - r + r * 0.15, cy - r + r * 0.25, cx + r + r * 0.15, cy + r + r * 0.25),
                  fill=(20, 16, 10, 90))
        sphere(d, cx, cy, r, dark, light, ry=r * 1.1)
        hx, hy = cx - r * 0.36, cy - r * 0.44
        d.ellipse((hx - r * 0.24, hy - r * 0.15, hx + r * 0.24, hy + r * 0.15), fill=(255, 255, 255, 120))
        d.ellipse((hx - r * 0.11, hy - r * 0.07, hx + r * 0.11, hy + r * 0.07), fill=(255, 255, 255, 220))
        if rng.random() < 0.6:
            a = rng.uniform(-0.6, 1.2)
            px, py = cx + math.cos(a) * r * 0.55, cy + math.sin(a) * r * 0.6
            s = r * 0.16
            d.ellipse((px - s, py - s, px + s, py + s), fill=mix(dark, (20, 10, 5), 0.55))
            d.ellipse((px - s * 0.45, py - s * 0.45, px + s * 0.45, py + s * 0.45), fill=mix(dark, light, 0.25))

    kinds = ["ripe"] * 10 + ["deep"] * 4 + ["turning"] * 3 + ["green"] * 2
    for u in nodes:
        i = int(u * n)
        x, y = branch[i]
        ba = direction(i)
        ca, sa = math.cos(ba), math.sin(ba)
        berries = []
        for _ in range(rng.randint(14, 18)):
            along = rng.uniform(-1, 1) * 330
            across = rng.uniform(-1, 1) * 220
            berries.append((x + along * ca - across * sa, y + along * sa + across * ca, rng.uniform(125, 150)))
        berries.sort(key=lambda b: b[1])
        for bx, by, r in berries:
            cherry(bx, by, r, rng.choice(kinds))
    # a soft warm light from the upper left
    light = soft_blobs([(-0.3 * W, -0.4 * H, 0.5 * W, 0.4 * H)], 200)
    fill(img, (255, 240, 200), light, 0.16)
    return img


def scene_cong_chieng() -> Image.Image:
    rng = random.Random(2025_12_01)
    img = vgradient([(0.0, (70, 104, 168)), (0.3, (150, 166, 196)), (0.52, (246, 206, 156)),
                     (0.7, (250, 222, 170)), (1.0, (250, 222, 170))])
    for cx, cy, cw, ch in [(0.2, 0.16, 0.22, 0.05), (0.85, 0.1, 0.2, 0.05)]:
        cloud(img, rng, cx * W, cy * H, cw * W, ch * H, colour=(255, 244, 230), shade=(214, 190, 190))
    fill(img, (150, 130, 146), poly_mask(below(ridge(rng, 0.62 * H, 0.03 * H, freq=1.4)), 4))
    fill(img, (104, 106, 104), poly_mask(below(ridge(rng, 0.67 * H, 0.02 * H, freq=2.2)), 3))
    tree_crowns(img, rng, (-0.05 * W, 0.60 * H, 1.05 * W, 0.72 * H), 300,
                [((60, 78, 60), (82, 98, 70), (150, 150, 110)), ((50, 68, 56), (70, 88, 64), (130, 136, 100))],
                50, 120)

    # red-brown earth yard
    ground = ridge(rng, 0.76 * H, 0.004 * H, freq=1)
    fill(img, vgradient([(0.74, (176, 104, 66)), (0.85, (150, 84, 54)), (1.0, (116, 62, 42))]),
         poly_mask(below(ground), 2))
    d = ImageDraw.Draw(img, "RGBA")
    for _ in range(500):
        x, y = rng.uniform(0, W), rng.uniform(0.77, 1.0) * H
        ln = rng.uniform(20, 80)
        d.line([(x, y), (x + ln, y)], fill=rng.choice([(200, 130, 88, 70), (110, 58, 38, 80)]), width=5)
    for _ in range(70):
        x = rng.uniform(-0.02, 1.02) * W
        y = rng.uniform(0.80, 1.02) * H
        t = (y - 0.8 * H) / (0.2 * H)
        for _ in range(rng.randint(8, 16)):
            ln = rng.uniform(30, 90) * (0.6 + 1.4 * t)
            a = -math.pi / 2 + rng.uniform(-0.7, 0.7)
            x0 = x + rng.uniform(-30, 30) * (0.6 + t)
            d.line([(x0, y), (x0 + math.cos(a) * ln, y + math.sin(a) * ln)],
                   fill=rng.choice([(96, 120, 52), (120, 140, 60), (76, 100, 44), (150, 150, 70)]) + (230,),
                   width=max(3, int(4 + 4 * t)))

    # communal house (nhà rông): stilts, walls, and the tall blade-shaped roof
    eave_y, ridge_y, floor_y, ground_y = 0.58 * H, 0.07 * H, 0.655 * H, 0.775 * H
    fl, fr = 0.50 * W, 0.80 * W       # front eave, left and right
    rl, rr = 0.455 * W, 0.845 * W     # ridge ends flare outwards
    bl = (0.395 * W, 0.545 * H)       # back-left eave (3/4 view)
    # shadow under the floor and stilts
    d.rectangle((bl[0] + 40, floor_y, fr - 30, ground_y), fill=(54, 38, 30, 150))
    for k in range(9):
        px = bl[0] + 60 + k * (fr - bl[0] - 120) / 8
        d.rectangle((px - 16, floor_y, px + 16, ground_y), fill=(88, 60, 42))
        d.rectangle((px - 16, floor_y, px - 6, ground_y), fill=(130, 92, 62))
    d.rectangle((bl[0] + 20, floor_y - 16, fr - 10, floor_y + 14), fill=(102, 70, 46))
    # woven walls
    d.rectangle((fl + 20, eave_y - 20, fr - 20, floor_y - 14), fill=(168, 126, 82))
    for k in range(60):
        x = fl + 20 + k * (fr - fl - 40) / 60
        d.line([(x, eave_y), (x + 18, floor_y - 14)], fill=(120, 86, 54, 140), width=5)
    d.polygon([(bl[0] + 30, bl[1]), (fl + 20, eave_y - 10), (fl + 20, floor_y - 14),
               (bl[0] + 30, floor_y - 24)], fill=(126, 92, 60))
    for k in range(14):
        x = bl[0] + 30 + k * (fl - bl[0] - 10) / 14
        d.line([(x, bl[1] + 10), (x + 8, floor_y - 20)], fill=(96, 68, 44, 140), width=5)
    # door and ladder
    d.rectangle((0.6 * W, eave_y + 10, 0.64 * W, floor_y - 14), fill=(60, 40, 28))
    lx0, lx1 = 0.6 * W, 0.64 * W
    d.line([(lx0, floor_y), (lx0 - 0.03 * W, ground_y + 30)], fill=(96, 64, 40), width=20)
    d.line([(lx1, floor_y), (lx1 - 0.03 * W, ground_y + 30)], fill=(96, 64, 40), width=20)
    for k in range(1, 6):
        t = k / 6
        y = floor_y + (ground_y + 30 - floor_y) * t
        d.line([(lx0 - 0.03 * W * t, y), (lx1 - 0.03 * W * t, y)], fill=(120, 84, 52), width=14)

    # roof side plane: thatch
    side = [(fl, eave_y), (fr, eave_y), (rr, ridge_y + 0.02 * H), (rl, ridge_y)]
    side_mask = poly_mask(side, 1.5)
    thatch = vgradient([(0.07, (196, 150, 96)), (0.35, (170, 124, 76)), (0.58, (132, 94, 58))])
    tdraw = ImageDraw.Draw(thatch, "RGBA")
    for _ in range(2600):
        x = rng.uniform(rl, rr)
        y = rng.uniform(ridge_y, eave_y)
        ln = rng.uniform(40, 140)
        c = rng.choice([(226, 186, 124, 90), (110, 76, 44, 90), (200, 160, 104, 90)])
        tdraw.line([(x, y), (x + rng.uniform(-4, 4), y + ln)], fill=c, width=rng.randint(3, 6))
    for k in range(1, 12):
        y = ridge_y + (eave_y - ridge_y) * k / 12
        tdraw.line([(0, y), (W, y + 0.006 * H)], fill=(96, 66, 40, 90), width=10)
    fill(img, thatch, side_mask)
    fill(img, (60, 40, 40), ImageChops.multiply(side_mask, hmask([(0.45, 0), (0.85, 130)])), 0.45)
    # gable end with woven bamboo lattice and motifs
    gable = [bl, (fl, eave_y), (rl, ridge_y)]
    gable_mask = poly_mask(gable, 1.5)
    lattice = Image.new("RGB", (W, H), (204, 168, 112))
    ld = ImageDraw.Draw(lattice, "RGBA")
    for k in range(-120, 240):
        x = k * 24
        ld.line([(x, 0), (x + H * 0.6, H)], fill=(150, 112, 70, 150), width=6)
        ld.line([(x, 0), (x - H * 0.6, H)], fill=(236, 206, 150, 120), width=4)
    fill(img, lattice, gable_mask)
    gd = ImageDraw.Draw(img, "RGBA")
    gx, gy = (bl[0] + fl + rl) / 3, (bl[1] + eave_y + ridge_y) / 3 + 0.06 * H
    for k in range(4):
        yy = gy - 0.2 * H + k * 0.085 * H
        s = 26 + k * 10
        for col, sc in [((40, 24, 20), 1.0), ((196, 40, 34), 0.66), ((250, 240, 220), 0.3)]:
            gd.polygon([(gx - 0.004 * W * k, yy - s * sc * 1.6), (gx + s * sc - 0.004 * W * k, yy),
                        (gx - 0.004 * W * k, yy + s * sc * 1.6), (gx - s * sc - 0.004 * W * k, yy)], fill=col)
    gd.line([bl, (rl, ridge_y), (fl, eave_y)], fill=(96, 62, 36), width=14)
    gd.line([(fl, eave_y), (fr, eave_y)], fill=(110, 76, 46), width=18)
    # ridge beam with curled horns
    gd.line([(rl - 20, ridge_y - 6), (rr + 20, ridge_y + 0.02 * H - 6)], fill=(70, 44, 30), width=26)
    for x0, y0, s in [(rl - 20, ridge_y - 6, -1), (rr + 20, ridge_y + 0.02 * H - 6, 1)]:
        horn = bezier((x0, y0), (x0 + s * 40, y0 - 60), (x0 + s * 10, y0 - 140), (x0 - s * 40, y0 - 150), 20)
        gd.line(horn, fill=(70, 44, 30), width=18, joint="curve")
    # shadow under the eaves
    eave_sh = poly_mask([(bl[0], bl[1]), (fl, eave_y), (fr, eave_y), (fr, eave_y + 0.03 * H),
                         (bl[0], bl[1] + 0.03 * H)], 14)
    fill(img, (40, 26, 20), eave_sh, 0.5)
    # warm light on the sunny edge of the roof
    glow = Image.new("L", (W, H), 0)
    ImageDraw.Draw(glow).line([(rl, ridge_y), (fl, eave_y)], fill=255, width=40)
    fill(img, (255, 226, 160), ImageChops.multiply(glow.filter(ImageFilter.GaussianBlur(20)), side_mask), 0.6)

    # the gong frame in the foreground
    d = ImageDraw.Draw(img, "RGBA")
    beam_y = 0.30 * H
    for px in (0.05 * W, 0.95 * W):
        d.rectangle((px - 34, beam_y - 40, px + 34, H + 10), fill=(92, 56, 32))
        d.rectangle((px - 34, beam_y - 40, px - 14, H + 10), fill=(140, 94, 56))
        d.rectangle((px + 18, beam_y - 40, px + 34, H + 10), fill=(64, 38, 24))
        d.polygon([(px - 60, beam_y - 60), (px + 60, beam_y - 60), (px + 34, beam_y - 20),
                   (px - 34, beam_y - 20)], fill=(110, 68, 38))
    d.rounded_rectangle((0.02 * W, beam_y - 30, 0.98 * W, beam_y + 40), radius=30, fill=(104, 64, 36))
    d.line([(0.02 * W + 30, beam_y - 18), (0.98 * W - 30, beam_y - 18)], fill=(164, 112, 66), width=14)
    d.line([(0.02 * W + 30, beam_y + 32), (0.98 * W - 30, beam_y + 32)], fill=(62, 36, 22), width=10)
    for x in (0.03 * W, 0.97 * W):
        d.ellipse((x - 50, beam_y - 40, x + 50, beam_y + 50), fill=(120, 76, 42))
        d.ellipse((x - 26, beam_y - 16, x + 26, beam_y + 26), fill=(80, 48, 28))

    sizes = [0.158 * 0.865 ** k for k in range(7)]
    gap = (0.86 * W - sum(s * W for s in sizes)) / 8
    x = 0.07 * W + gap
    for k, s in enumerate(sizes):
        dia = s * W
        cx = x + dia / 2
        top = beam_y + 0.06 * H + (0.015 * H) * math.sin(k * 1.3)
        cy = top + dia / 2
        r = dia / 2
        for off in (-0.28, 0.28):
            d.line([(cx + off * r * 0.6, beam_y + 30), (cx + off * r, top + r * 0.05)],
                   fill=(120, 30, 28), width=8)
        d.ellipse((cx - r * 0.05, beam_y + 10, cx + r * 0.05, beam_y + 46), fill=(140, 40, 34))
        # shadow on what lies behind
        sh = soft_blobs([(cx - r + r * 0.12, cy - r + r * 0.16, cx + r + r * 0.12, cy + r + r * 0.16)], 30)
        fill(img, (30, 20, 14), sh, 0.35)
        d = ImageDraw.Draw(img, "RGBA")
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=(92, 58, 24))
        sphere(d, cx, cy, r * 0.95, (138, 88, 30), (236, 188, 96), steps=90, light_dir=(-0.5, -0.5))
        d.ellipse((cx - r * 0.95, cy - r * 0.95, cx + r * 0.95, cy + r * 0.95), outline=(110, 70, 26),
                  width=max(3, int(r * 0.045)))
        d.ellipse((cx - r * 0.99, cy - r * 0.99, cx + r * 0.99, cy + r * 0.99), outline=(236, 190, 110, 150),
                  width=max(2, int(r * 0.012)))
        for q in (0.45, 0.62, 0.8):
            d.ellipse((cx - r * q, cy - r * q, cx + r * q, cy + r * q), outline=(120, 76, 28, 70),
                      width=max(2, int(r * 0.018)))
        if k % 2 == 0 or k < 2:
            b = r * 0.2
            d.ellipse((cx - b * 1.25, cy - b * 1.25, cx + b * 1.25, cy + b * 1.25), fill=(124, 80, 28, 160))
            sphere(d, cx, cy, b, (128, 80, 26), (252, 214, 130), steps=40)
        hx, hy = cx - r * 0.42, cy - r * 0.45
        d.ellipse((hx - r * 0.2, hy - r * 0.1, hx + r * 0.2, hy + r * 0.1), fill=(255, 244, 210, 90))
        x += dia + gap
    return img


SCENES = {
    "thac-50": scene_thac_50,
    "chu-dang-ya": scene_chu_dang_ya,
    "bien-ho": scene_bien_ho,
    "quy-nhon": scene_quy_nhon,
    "ca-phe": scene_ca_phe,
    "cong-chieng": scene_cong_chieng,
}


def main(argv: list[str]) -> int:
    names = argv or list(SCENES)
    unknown = [n for n in names if n not in SCENES]
    if unknown:
        print(f"unknown image(s): {', '.join(unknown)}; choose from {', '.join(SCENES)}", file=sys.stderr)
        return 2
    for name in names:
        path = finish(SCENES[name](), name)
        print(f"{path.relative_to(OUT_DIR.parent.parent)}  {path.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
