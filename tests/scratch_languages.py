"""Lao and Chinese added to a scratch copy of the project, with test content.

The site's own Lao and Chinese texts are written by translators; until they are in the
repository, the font and page-weight tests build this: the two languages added by
configuration (mkdocs.yml, locales/, Material's interface text), a home page and a few
articles in each. Every sentence here is test text, not reviewed for publication.
"""

# Front-matter lines of the test articles are one YAML line each; Han text counts double.
# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path

import material
import yaml

from gialai.articles import revision_of, split_front_matter

from .conftest import write_files

# The i18n plugin's entries, as mkdocs.yml lists languages.
ENTRIES = {
    "lo": (
        "        - locale: lo\n"
        "          name: ລາວ\n"
        "          build: true\n"
        "          site_name: ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ\n"
        "          site_description: ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຂອງແຂວງຢາລາຍ.\n"
        "          copyright: © ພະແນກການຕ່າງປະເທດ ແຂວງຢາລາຍ\n"
    ),
    "zh": (
        "        - locale: zh\n"
        "          name: 中文\n"
        "          build: true\n"
        "          site_name: 嘉莱省对外信息\n"
        "          site_description: 嘉莱省关于文化、旅游和投资的对外信息。\n"
        "          copyright: © 嘉莱省外事厅\n"
    ),
}
# Each category's names, by its Vietnamese name in mkdocs.yml.
CATEGORY_NAMES = {
    "Tin tức": {"lo": "ຂ່າວ", "zh": "新闻"},
    "Văn hoá": {"lo": "ວັດທະນະທຳ", "zh": "文化"},
    "Du lịch": {"lo": "ທ່ອງທ່ຽວ", "zh": "旅游"},
    "Đầu tư": {"lo": "ການລົງທຶນ", "zh": "投资"},
}
LANGUAGE_BLOCKS = {
    "lo": (
        "language:\n  tag: lo\n  script: Laoo\n  digits: laoo\n"
        '  date_format: "d MMMM y"\n  og_locale: lo_LA\n  fallback: [vi]\n'
        "  search:\n    text: plain\n"
    ),
    "zh": (
        "language:\n  tag: zh-Hans\n  script: Hans\n  digits: latn\n"
        '  date_format: "y年M月d日"\n  og_locale: zh_CN\n  fallback: [vi]\n'
        "  search:\n    text: plain\n"
    ),
}
# Interface text in the language; keys left out keep the English text of locales/en.yml.
STRINGS = {
    "zh": {
        "home": "首页",
        "latest": "最新消息",
        "more_in": "更多{category}",
        "read_more": "阅读全文",
        "related": "相关文章",
        "photo_credit": "图片：{credit}",
        "byline": "作者：{author}",
        "source": "来源：{source}",
        "reading_time_one": "阅读时间1分钟",
        "reading_time_other": "阅读时间{minutes}分钟",
        "category": "栏目",
        "tags": "标签",
        "tag_title": "标签：{tag}",
        "all_tags": "全部标签",
        "archive": "文章存档",
        "archive_intro": "全部文章，最新的在前。",
        "page_of": "第{page}页，共{pages}页",
        "previous_page": "上一页",
        "next_page": "下一页",
        "pagination": "分页",
        "no_articles": "暂无文章。",
        "not_translated_title": "本文尚未译成中文",
        "not_translated_text": "下面显示的是越南语原文。",
        "outdated_title": "越南语原文已有更新",
        "outdated_text": "本译文完成后，越南语原文又作了修改。",
        "outdated_link": "阅读最新的越南语原文",
        "not_found_title": "找不到该页面",
        "not_found_text": "您要找的页面不存在或已移动。",
        "not_found_home": "返回首页",
        "feed": "订阅源",
        "language_label": "语言",
        "skip_to_content": "跳到正文",
        "search_label": "搜索",
        "search_placeholder": "搜索文章…",
        "search_button": "搜索",
        "search_close": "关闭",
        "search_loading": "正在搜索…",
        "search_none": "没有找到与“{query}”有关的文章。",
        "search_one": "1篇文章",
        "search_other": "{count}篇文章",
        "search_offline": "搜索暂时无法使用。",
        "share_url": "本文链接",
        "print_qr": "扫描二维码，在手机上阅读本文",
        "kiosk_home": "首页",
        "kiosk_back": "返回",
        "kiosk_language": "语言",
        "kiosk_welcome": "欢迎来到嘉莱",
        "kiosk_choose": "请选择语言",
        "kiosk_idle_title": "您还在阅读吗？",
        "kiosk_idle_text": "屏幕将在{seconds}秒后回到起始页。",
        "kiosk_continue": "继续阅读",
        "kiosk_external": "扫描二维码，在手机上打开",
        "search_all": "查看全部结果",
        "search_title": "搜索",
    },
    "lo": {
        "home": "ໜ້າຫຼັກ",
        "latest": "ຂ່າວລ່າສຸດ",
        "read_more": "ອ່ານຕໍ່",
        "related": "ບົດຄວາມທີ່ກ່ຽວຂ້ອງ",
        "photo_credit": "ພາບ: {credit}",
        "byline": "ໂດຍ {author}",
        "category": "ໝວດ",
        "tags": "ປ້າຍກຳກັບ",
        "archive": "ບົດຄວາມທັງໝົດ",
        "not_translated_title": "ບົດຄວາມນີ້ຍັງບໍ່ທັນໄດ້ແປເປັນພາສາລາວ",
        "not_translated_text": "ຂ້າງລຸ່ມນີ້ແມ່ນບົດຕົ້ນສະບັບພາສາຫວຽດ.",
        "language_label": "ພາສາ",
        "skip_to_content": "ໄປຫາເນື້ອໃນ",
        "search_label": "ຊອກຫາ",
        "search_placeholder": "ຊອກຫາບົດຄວາມ…",
        "search_button": "ຊອກຫາ",
        "kiosk_welcome": "ຍິນດີຕ້ອນຮັບສູ່ຢາລາຍ",
        "kiosk_choose": "ເລືອກພາສາຂອງທ່ານ",
    },
}

ZH_HOME = """\
---
title: 嘉莱省对外信息
template: home.html
summary: 嘉莱省外事厅对外信息网站，向国内外朋友介绍本省的新闻、文化、旅游和投资机会。
---

欢迎访问越南嘉莱省对外信息网站。在这里，您可以了解本省对外交往和国际合作的最新动态，\
感受西原地区的文化魅力——这里的锣钲音乐已被列为人类非物质文化遗产。

网站还介绍嘉莱的旅游景点、发展潜力和投资机会。嘉莱热情欢迎各国游客、投资者和国际友人\
前来参观、交流与合作。
"""

ZH_ARTICLES = {
    "du-lich/thac-50-o-kbang": """\
---
title: "五十瀑布：昆邦大森林中的一条白练"
summary: "五十瀑布隐藏在昆邦县茂密的绿色森林之中，正成为热爱原始自然和森林徒步的人们喜爱的去处。"
tags: [五十瀑布, 昆邦, 生态旅游]
cover:
  alt: "插图：一道白色瀑布从灰色岩壁倾泻进翠绿的水潭，两旁是茂密的森林，前景有长满青苔的石头和宽大的树叶。"
  caption: "五十瀑布在昆邦的绿色森林中飞流而下（插图）。"
---

山路越走越窄，鸟鸣声渐渐稀少，取而代之的是一阵低沉而均匀的轰鸣，一步比一步响亮。\
当林冠忽然敞开，五十瀑布便完整地出现在眼前：一条雪白的水流从高高的岩壁上直冲而下，\
落入下面的深潭，溅起的水雾像轻纱一样笼罩着周围的树林。对许多第一次来到昆邦的人来说，\
这一刻足以让旅途的疲惫一下子烟消云散。

## 依然保持原始风貌的美景

五十瀑布位于昆邦广阔的森林里，层层叠叠的植被至今仍覆盖着山坡。瀑布沿着陡峭的石壁落下，\
四周是古老的大树、垂挂的藤蔓和附着在岩石上的一片片青苔。瀑布脚下是一个宽阔的水潭，\
水面总是被水流的冲力激起层层波纹。晴朗的日子里，阳光穿过水雾，有时会画出小小的彩虹。

直到今天，这里仍然保留着自然的本色。来寻访五十瀑布的，多半是喜欢森林徒步的年轻人、\
摄影爱好者，或者想要安静度过一天假期的家庭。

## 旅游与保护森林同行

正因为这份野性，旅游开发更需要谨慎。保护森林和水源，是五十瀑布在未来许多年里继续保持\
吸引力的前提。我们鼓励游客把垃圾带走，不砍树、不折枝、不在岩石上刻字，\
并尊重当地少数民族社区的风俗习惯。

自然风光、当地文化以及森林徒步和露营等体验，正在为昆邦开辟一条负责任的生态旅游之路。\
这也是向国内外朋友介绍一个绿色、友好的嘉莱的一种方式。

## 实用信息

- **交通：**从波来古出发，沿19号国道向东行驶，再转向北前往昆邦；最后一段是林间小路，\
最好请当地向导同行。
- **最佳时间：**雨季末和旱季初，这时瀑布水量仍然充沛，而山路不那么湿滑。
- **注意事项：**请穿防滑鞋，带一件轻便雨衣；不要在瀑布下方湍急的水中游泳，\
大雨时请远离瀑布。
""",
    "dau-tu/ca-phe-ho-tieu-sau-rieng": """\
---
title: "咖啡、胡椒、榴莲：玄武岩红土地上的加工与出口投资机会"
summary: "玄武岩红土让嘉莱的咖啡、胡椒和榴莲走向远方。下一步是深加工和规范出口，这正是本省邀请投资者参与的领域。"
tags: [咖啡, 胡椒, 榴莲, 农产品加工]
cover:
  alt: "插图：一根咖啡枝的近景，成串的果实有红有橙有绿，叶子油亮，背景是模糊的绿色。"
  caption: "红土高原上成熟的咖啡果（插图）。"
---

嘉莱位于西原高原，拥有大片肥沃的玄武岩红土，气候分为雨季和旱季，十分适合多年生经济作物。\
几十年来，咖啡、胡椒和榴莲已经成为全省农业的支柱，也是许多农户的主要收入来源。

## 从原料到品牌

目前，本省大部分农产品仍以原料形式出售，附加值不高。省里希望吸引在烘焙、速溶咖啡、\
胡椒精选包装、榴莲冷冻保鲜等方面有经验的企业，与合作社和农户建立稳定的原料基地，\
共同打造有质量、可追溯的嘉莱品牌。

## 投资者可以获得的支持

投资促进中心为投资者提供一站式咨询，帮助办理土地、环境和建设等手续，并介绍符合条件的\
合作伙伴。农业加工项目可以按照国家规定享受土地租金和企业所得税方面的优惠政策。

## 连接国内外市场

经由19号国道和丽清国际口岸，嘉莱的货物可以方便地运往柬埔寨东北部，\
也可以经归仁港出口到世界各地。随着交通条件不断改善，物流成本正在逐步降低。

本省欢迎国内外投资者前来考察，共同把高原的优质农产品带到更远的市场。
""",
    "tin-tuc/quy-che-phoi-hop-7-xa-bien-gioi": """\
---
title: "外事厅与七个陆地边境乡签署协调规章"
summary: "嘉莱省外事厅与七个陆地边境乡签署边境管理和领事工作协调规章，为建设和平、友好、合作、发展的越柬边境作出贡献。"
tags: [边境, 领事, 协调]
---

为提高边境地区国家管理工作的效率，嘉莱省外事厅近日与七个同柬埔寨王国接壤的陆地边境乡\
签署了协调规章。这份文件确立了省级专业机关与基层政府在边境管理和领事工作两个重要领域\
统一的工作机制。

## 明确分工，及时通报

根据规章，双方将定期交换信息，及时通报边境地区出现的新情况，共同处理涉及外国人和\
越南公民的领事事务。外事厅负责提供业务指导和培训，各乡负责在当地落实并反馈执行情况。

## 共建和平友好的边境

签约仪式上，各方一致表示，要继续加强与柬埔寨腊塔纳基里省的友好合作，\
维护边境安全稳定，为两国人民的交流往来创造便利条件。
""",
}

LO_HOME = """\
---
title: ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ
template: home.html
summary: ເວັບໄຊຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຂອງພະແນກການຕ່າງປະເທດ ແຂວງຢາລາຍ.
---

ຍິນດີຕ້ອນຮັບສູ່ເວັບໄຊຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຂອງແຂວງຢາລາຍ ປະເທດຫວຽດນາມ. \
ຢູ່ນີ້ທ່ານສາມາດຕິດຕາມຂ່າວການພົວພັນຕ່າງປະເທດ ແລະ ການຮ່ວມມືສາກົນຂອງແຂວງ.
"""

LO_ARTICLES = {
    "du-lich/thac-50-o-kbang": """\
---
title: "ນ້ຳຕົກຕາດ 50: ແຖບຜ້າໄໝສີຂາວກາງປ່າໃຫຍ່ກບັງ"
summary: "ນ້ຳຕົກຕາດ 50 ເຊື່ອງຕົວຢູ່ກາງປ່າຂຽວໜາທຶບຂອງເມືອງກບັງ ກຳລັງກາຍເປັນບ່ອນນັດພົບຂອງຜູ້ທີ່ຮັກທຳມະຊາດ."
tags: [ນ້ຳຕົກຕາດ 50, ກບັງ, ການທ່ອງທ່ຽວທຳມະຊາດ]
cover:
  alt: "ພາບແຕ້ມ: ນ້ຳຕົກສີຂາວໄຫຼຈາກໜ້າຜາຫີນສີເທົາລົງສູ່ໜອງນ້ຳສີຂຽວ ມີປ່າໄມ້ໜາທຶບຢູ່ສອງຂ້າງ."
  caption: "ນ້ຳຕົກຕາດ 50 ໄຫຼລົງກາງປ່າຂຽວຂອງກບັງ (ພາບແຕ້ມ)."
---

ທາງຍ່າງແຄບລົງເລື້ອຍໆ ສຽງນົກຮ້ອງຄ່ອຍໆຫາຍໄປ ແລະ ມີສຽງດັງທີ່ໜັກ ແລະ ສະໝ່ຳສະເໝີ \
ດັງຂຶ້ນທຸກໆກ້າວ. ເມື່ອເຮືອນຍອດໄມ້ເປີດອອກ ນ້ຳຕົກຕາດ 50 ກໍປາກົດຂຶ້ນຢ່າງເຕັມຕາ.

## ຄວາມງາມທີ່ຍັງເປັນທຳມະຊາດ

ນ້ຳຕົກຕາດ 50 ຕັ້ງຢູ່ໃນປ່າກວ້າງໃຫຍ່ຂອງກບັງ ບ່ອນທີ່ພືດພັນຍັງປົກຄຸມເນີນພູ. \
ຜູ້ມາຢ້ຽມຢາມສ່ວນຫຼາຍແມ່ນໄວໜຸ່ມທີ່ມັກຍ່າງປ່າ ແລະ ຄອບຄົວທີ່ຢາກພັກຜ່ອນຢ່າງງຽບສະຫງົບ.

## ຂໍ້ມູນທີ່ເປັນປະໂຫຍດ

- **ການເດີນທາງ:** ຈາກເມືອງປເລກູ ໄປຕາມທາງຫຼວງເລກທີ 19 ໄປທາງຕາເວັນອອກ.
- **ເວລາທີ່ດີທີ່ສຸດ:** ທ້າຍລະດູຝົນ ແລະ ຕົ້ນລະດູແລ້ງ.
""",
}


def add_languages(
    project: Path, codes: tuple[str, ...] = ("lo", "zh"), content: bool = True
) -> None:
    """Add Lao and Chinese (or some of them) to a scratch project copied by copy_project.

    A language the project's mkdocs.yml already has keeps its own files and content.
    """
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    codes = tuple(code for code in codes if f"- locale: {code}\n" not in text)
    if not codes:
        return
    anchor = "\nhooks:"
    before, after = text.split(anchor, 1)
    plugins_end = before.rstrip("\n") + "\n"
    text = (
        plugins_end + "".join(ENTRIES[code] for code in codes) + "\n" + anchor.lstrip("\n") + after
    )
    for vi_name, names in CATEGORY_NAMES.items():
        line = re.search(rf"names: \{{vi: {vi_name},[^}}]*", text)
        assert line, vi_name
        added = "".join(f", {code}: {names[code]}" for code in codes)
        text = text[: line.end()] + added + text[line.end() :]
    config.write_text(text, encoding="utf-8")
    english = (project / "locales" / "en.yml").read_text(encoding="utf-8")
    strings = english.split("\n# The interface text.", 1)[1]
    languages = project / "overrides" / "partials" / "languages"
    for code in codes:
        lines = []
        for line in strings.splitlines():
            key = line.split(":", 1)[0]
            if key in STRINGS[code]:
                line = f'{key}: "{STRINGS[code][key]}"'
            lines.append(line)
        locale = LANGUAGE_BLOCKS[code] + "\n# The interface text." + "\n".join(lines) + "\n"
        (project / "locales" / f"{code}.yml").write_text(locale, encoding="utf-8")
        theme = Path(material.__file__).parent / "templates" / "partials" / "languages"
        if not (theme / f"{code}.html").exists():
            # Material has no Lao: the theme's English text under the Lao name.
            english_theme = (theme / "en.html").read_text(encoding="utf-8")
            languages.mkdir(parents=True, exist_ok=True)
            (languages / f"{code}.html").write_text(
                english_theme.replace('"language": "en"', f'"language": "{code}"'),
                encoding="utf-8",
            )
    if content:
        write_content(project, codes)


def write_content(project: Path, codes: tuple[str, ...]) -> None:
    """Home pages and articles in the added languages, as translations of the sample's."""
    homes = {"lo": LO_HOME, "zh": ZH_HOME}
    articles = {"lo": LO_ARTICLES, "zh": ZH_ARTICLES}
    files: dict[str, str] = {}
    for code in codes:
        files[f"content/{code}/index.md"] = homes[code]
        for key, text in articles[code].items():
            source = project / "content" / "vi" / f"{key}.md"
            files[f"content/{code}/{key}.md"] = _with_revision(source, text)
    write_files(project, files)


def _with_revision(source: Path, text: str) -> str:
    """The test text marked as a translation of the current Vietnamese article."""
    front, body, _line = split_front_matter(source.read_text(encoding="utf-8"))
    data = yaml.safe_load(front)
    revision = revision_of(data["title"], data["summary"], body)
    return text.replace("\n---\n\n", f"\nsource_revision: {revision}\n---\n\n", 1)
