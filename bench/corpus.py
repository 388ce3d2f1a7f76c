"""Generate a large, valid, deterministic content tree for benchmarks and load tests.

Vietnamese sources go to ``content/vi/<folder>/bai-NNNN-<words>.md``, English and Khmer
translations (and, when asked for, Lao and Chinese ones) to the same relative paths, and
simple landscape photos to ``content/images``. The text is built from aligned Vietnamese /
English / Khmer phrases, so a translation says roughly what its source says; the Lao and
Chinese counterparts of each phrase are in ``bench/phrases.py``. Khmer phrases are written
in this file with spaces between words and ``|`` between phrases; ``_khmer`` joins words
without spaces, as Khmer is written.

    python -m bench.corpus OUT_CONTENT_DIR N
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import random
import re
import shutil
import string
import sys
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageOps

from bench import phrases
from gialai.articles import revision_of
from gialai.text import slugify

REPO_ROOT = Path(__file__).resolve().parents[1]
PROJECT_FILES = ("mkdocs.yml", "hooks", "overrides", "locales", "fonts")

SOURCE_LANG = "vi"
LANGS = ("vi", "en", "km")  # always written
# Every language the corpus can write, in the order of each row of text (li). Lao and
# Chinese are written only when asked for (``translated``).
TEXT_LANGS = (*LANGS, *phrases.LANGUAGES)
TRANSLATION_LANGS = TEXT_LANGS[1:]
KHMER = TEXT_LANGS.index("km")
CATEGORIES = {"news": "tin-tuc", "culture": "van-hoa", "tourism": "du-lich", "investment": "dau-tu"}
IMAGE_SIZE = (1600, 1067)
IMAGE_PREFIX = "gen-"
SUMMARY_MAX = 300
BODY_WORDS = (300, 700)
_GENERATED = re.compile(r"bai-\d+(?:-[a-z0-9]+)*\.md")

Triple = tuple[str, str, str]

# --- Vocabulary: (Vietnamese, English, Khmer) ------------------------------------------

AGENTS: list[Triple] = [
    (
        "Sở Ngoại vụ tỉnh Gia Lai",
        "the Gia Lai Department of Foreign Affairs",
        "មន្ទីរ ការបរទេស ខេត្ត យ៉ាឡាយ",
    ),
    ("UBND tỉnh Gia Lai", "the Gia Lai People's Committee", "គណៈកម្មាធិការ ប្រជាជន ខេត្ត យ៉ាឡាយ"),
    ("chính quyền địa phương", "the local authorities", "អាជ្ញាធរ មូលដ្ឋាន"),
    ("đoàn công tác của tỉnh", "a provincial delegation", "គណៈប្រតិភូ ខេត្ត"),
    ("các doanh nghiệp trong tỉnh", "local businesses", "សហគ្រាស ក្នុង ខេត្ត"),
    ("người dân Pleiku", "the people of Pleiku", "ប្រជាជន នៅ ទីក្រុង Pleiku"),
]
CATEGORY_AGENTS: dict[str, list[Triple]] = {
    "news": [
        (
            "Liên hiệp các tổ chức hữu nghị tỉnh",
            "the provincial Union of Friendship Organisations",
            "សហភាព អង្គការ មិត្តភាព ខេត្ត",
        ),
        ("Bộ đội Biên phòng tỉnh", "the provincial Border Guard", "កង ការពារ ព្រំដែន ខេត្ត"),
        ("lãnh đạo hai tỉnh", "leaders of the two provinces", "ថ្នាក់ដឹកនាំ ខេត្ត ទាំងពីរ"),
        (
            "đoàn đại biểu tỉnh Ratanakiri",
            "a delegation from Ratanakiri province",
            "គណៈប្រតិភូ ខេត្ត រតនគិរី",
        ),
    ],
    "culture": [
        ("các nghệ nhân cồng chiêng", "gong masters", "សិល្បករ វាយ គង"),
        ("đồng bào Jrai và Bahnar", "the Jrai and Bahnar people", "ជនជាតិ ចារ៉ាយ | និង Bahnar"),
        ("thanh niên các buôn làng", "young people from the villages", "យុវជន មកពី ភូមិ នានា"),
        ("Bảo tàng tỉnh", "the provincial museum", "សារមន្ទីរ ខេត្ត"),
    ],
    "tourism": [
        (
            "du khách trong và ngoài nước",
            "domestic and foreign visitors",
            "ភ្ញៀវទេសចរ ជាតិ និង អន្តរជាតិ",
        ),
        ("các công ty lữ hành", "travel companies", "ក្រុមហ៊ុន ទេសចរណ៍"),
        (
            "Sở Văn hóa, Thể thao và Du lịch",
            "the Department of Culture, Sports and Tourism",
            "មន្ទីរ វប្បធម៌ កីឡា និង ទេសចរណ៍",
        ),
        ("hướng dẫn viên địa phương", "local guides", "មគ្គុទ្ទេសក៍ ក្នុង តំបន់"),
    ],
    "investment": [
        ("các nhà đầu tư Nhật Bản", "Japanese investors", "អ្នកវិនិយោគ ជប៉ុន"),
        ("các nhà đầu tư Hàn Quốc", "Korean investors", "អ្នកវិនិយោគ កូរ៉េ"),
        (
            "Trung tâm Xúc tiến đầu tư",
            "the Investment Promotion Centre",
            "មជ្ឈមណ្ឌល លើកកម្ពស់ ការវិនិយោគ",
        ),
        ("Ban Quản lý Khu kinh tế", "the Economic Zone Authority", "គណៈ គ្រប់គ្រង តំបន់ សេដ្ឋកិច្ច"),
        ("các hợp tác xã cà phê", "coffee cooperatives", "សហករណ៍ កាហ្វេ"),
    ],
}

# (Vietnamese, English past, English base form, Khmer)
ACTS: list[tuple[str, str, str, str]] = [
    ("giới thiệu", "presented", "present", "ណែនាំ"),
    ("quảng bá", "promoted", "promote", "ផ្សព្វផ្សាយ"),
    ("hỗ trợ", "supported", "support", "គាំទ្រ"),
    ("đẩy mạnh", "stepped up", "step up", "ជំរុញ"),
    ("bàn về", "discussed", "discuss", "ពិភាក្សា អំពី"),
    ("khảo sát", "inspected", "inspect", "ចុះ ពិនិត្យ"),
    ("tìm hiểu", "looked into", "look into", "ស្វែងយល់ អំពី"),
    ("đánh giá", "reviewed", "review", "វាយតម្លៃ"),
    ("chuẩn bị", "prepared", "prepare", "ត្រៀម"),
]
CATEGORY_ACTS: dict[str, list[tuple[str, str, str, str]]] = {
    "news": [
        ("tổ chức", "organised", "organise", "រៀបចំ"),
        ("triển khai", "launched", "launch", "ដាក់ ឱ្យ ដំណើរការ"),
        ("ký kết", "signed", "sign", "ចុះ ហត្ថលេខា លើ"),
    ],
    "culture": [
        ("tổ chức", "organised", "organise", "រៀបចំ"),
        ("gìn giữ", "preserved", "preserve", "ថែរក្សា"),
        ("phục dựng", "restored", "restore", "ស្តារ"),
    ],
    "tourism": [
        ("phát triển", "developed", "develop", "អភិវឌ្ឍ"),
        ("mở rộng", "expanded", "expand", "ពង្រីក"),
        ("khai trương", "opened", "open", "បើក"),
    ],
    "investment": [
        ("phát triển", "developed", "develop", "អភិវឌ្ឍ"),
        ("triển khai", "launched", "launch", "ដាក់ ឱ្យ ដំណើរការ"),
        (
            "kêu gọi đầu tư vào",
            "called for investment in",
            "call for investment in",
            "អំពាវនាវ ការវិនិយោគ លើ",
        ),
    ],
}

OBJECTS: dict[str, list[Triple]] = {
    "news": [
        (
            "hội nghị hợp tác biên giới",
            "a border cooperation conference",
            "សន្និសីទ កិច្ចសហប្រតិបត្តិការ ព្រំដែន",
        ),
        (
            "chương trình giao lưu hữu nghị",
            "a friendship exchange programme",
            "កម្មវិធី ផ្លាស់ប្តូរ មិត្តភាព",
        ),
        ("công tác thông tin đối ngoại", "external information work", "ការងារ ព័ត៌មាន ការបរទេស"),
        (
            "kế hoạch hợp tác năm mới",
            "the cooperation plan for the new year",
            "ផែនការ សហប្រតិបត្តិការ សម្រាប់ ឆ្នាំ ថ្មី",
        ),
        (
            "buổi làm việc với tỉnh bạn",
            "a working session with the partner province",
            "កិច្ចប្រជុំ ការងារ ជាមួយ ខេត្ត ដៃគូ",
        ),
        ("hoạt động tuần tra chung", "joint patrols", "ការល្បាត រួមគ្នា"),
        (
            "chương trình khám bệnh miễn phí",
            "a free medical check-up programme",
            "កម្មវិធី ពិនិត្យ សុខភាព ដោយ ឥតគិតថ្លៃ",
        ),
        (
            "quy chế phối hợp quản lý biên giới",
            "rules for joint border management",
            "បទប្បញ្ញត្តិ សហការ គ្រប់គ្រង ព្រំដែន",
        ),
    ],
    "culture": [
        ("lễ hội cồng chiêng", "the gong festival", "ពិធីបុណ្យ គង"),
        ("lễ mừng lúa mới", "the new rice festival", "ពិធីបុណ្យ ស្រូវ ថ្មី"),
        ("nghề dệt thổ cẩm truyền thống", "traditional brocade weaving", "ការត្បាញ ក្រណាត់ ប្រពៃណី"),
        ("các điệu múa xoang", "traditional xoang dances", "របាំ ប្រពៃណី"),
        (
            "không gian văn hóa nhà rông",
            "the culture of the communal rong house",
            "វប្បធម៌ ផ្ទះ សហគមន៍",
        ),
        ("các bài dân ca Jrai", "Jrai folk songs", "ចម្រៀង ប្រជាប្រិយ ចារ៉ាយ"),
        ("ẩm thực truyền thống", "traditional food", "ម្ហូប ប្រពៃណី"),
        ("di sản văn hóa phi vật thể", "intangible cultural heritage", "បេតិកភណ្ឌ វប្បធម៌ អរូបី"),
    ],
    "tourism": [
        ("tuyến du lịch sinh thái", "an eco-tourism route", "ផ្លូវ ទេសចរណ៍ ធម្មជាតិ"),
        ("chuyến tham quan Thác 50", "a trip to the 50 Waterfall", "ដំណើរ ទស្សនា ទឹកធ្លាក់ Thác 50"),
        (
            "điểm ngắm hoa dã quỳ trên Chư Đăng Ya",
            "wild sunflower viewing on Chư Đăng Ya",
            "ការ ទស្សនា ផ្កា ឈូករ័ត្ន ព្រៃ | លើ ភ្នំ Chư Đăng Ya",
        ),
        ("dịch vụ homestay", "homestay services", "សេវា ស្នាក់នៅ ជាមួយ ម្ចាស់ផ្ទះ"),
        (
            "các điểm đến quanh Biển Hồ",
            "destinations around Biển Hồ lake",
            "គោលដៅ ទេសចរណ៍ | ជុំវិញ បឹង Biển Hồ",
        ),
        ("mùa cà phê nở hoa", "the coffee blossom season", "រដូវ ផ្កា កាហ្វេ រីក"),
        ("tour trải nghiệm buôn làng", "village experience tours", "ដំណើរ កម្សាន្ត ក្នុង ភូមិ"),
        ("bãi biển Quy Nhơn", "the beaches of Quy Nhơn", "ឆ្នេរ សមុទ្រ Quy Nhơn"),
    ],
    "investment": [
        ("dự án điện gió", "a wind power project", "គម្រោង ថាមពល ខ្យល់"),
        ("dự án điện mặt trời", "a solar power project", "គម្រោង ថាមពល ពន្លឺព្រះអាទិត្យ"),
        ("chuỗi chế biến cà phê", "a coffee processing chain", "ខ្សែសង្វាក់ កែច្នៃ កាហ្វេ"),
        ("khu công nghiệp mới", "a new industrial park", "តំបន់ ឧស្សាហកម្ម ថ្មី"),
        (
            "cơ hội đầu tư nông nghiệp công nghệ cao",
            "investment opportunities in high-tech farming",
            "ឱកាស វិនិយោគ | លើ កសិកម្ម បច្ចេកវិទ្យា ខ្ពស់",
        ),
        ("hạ tầng giao thông", "transport infrastructure", "ហេដ្ឋារចនាសម្ព័ន្ធ ដឹកជញ្ជូន"),
        ("thủ tục đầu tư", "investment procedures", "នីតិវិធី វិនិយោគ"),
        ("xuất khẩu hồ tiêu", "pepper exports", "ការនាំចេញ ម្រេច"),
    ],
}

PLACES: list[Triple] = [
    ("tại Pleiku", "in Pleiku", "នៅ ទីក្រុង Pleiku"),
    ("ở Kbang", "in Kbang", "នៅ ស្រុក Kbang"),
    ("quanh Biển Hồ", "around Biển Hồ lake", "នៅ ជុំវិញ បឹង Biển Hồ"),
    ("gần cửa khẩu Lệ Thanh", "near the Lệ Thanh border gate", "នៅ ជិត ច្រកទ្វារ ព្រំដែន ឡេថាញ់"),
    ("dưới chân núi Chư Đăng Ya", "at the foot of Chư Đăng Ya", "នៅ ជើង ភ្នំ Chư Đăng Ya"),
    ("bên Thác 50", "beside the 50 Waterfall", "នៅ ក្បែរ ទឹកធ្លាក់ Thác 50"),
    ("tại Đắk Lắk", "in Đắk Lắk", "នៅ ខេត្ត ដាក់ឡាក់"),
    ("ở An Khê", "in An Khê", "នៅ ទីប្រជុំជន An Khê"),
    ("tại Quy Nhơn", "in Quy Nhơn", "នៅ ទីក្រុង Quy Nhơn"),
    ("ở các xã biên giới", "in the border communes", "នៅ ឃុំ ព្រំដែន នានា"),
    ("tại tỉnh Ratanakiri", "in Ratanakiri province", "នៅ ខេត្ត រតនគិរី"),
]

TIMES: list[Triple] = [
    ("trong tháng này", "this month", "ក្នុង ខែ នេះ"),
    ("từ đầu năm", "since the start of the year", "តាំងពី ដើម ឆ្នាំ"),
    ("vào mùa khô", "in the dry season", "នៅ រដូវ ប្រាំង"),
    ("trong mùa mưa", "in the rainy season", "ក្នុង រដូវ វស្សា"),
    ("vào cuối tuần", "at the weekend", "នៅ ចុង សប្តាហ៍"),
    ("trong năm qua", "over the past year", "ក្នុង ឆ្នាំ កន្លងទៅ"),
    ("trong những ngày gần đây", "in recent days", "ក្នុង ប៉ុន្មាន ថ្ងៃ ចុងក្រោយ នេះ"),
    ("sáng nay", "this morning", "នៅ ព្រឹក នេះ"),
]

PURPOSES: list[Triple] = [
    ("nhằm thu hút thêm du khách", "to attract more visitors", "ដើម្បី ទាក់ទាញ ភ្ញៀវទេសចរ បន្ថែម"),
    (
        "để quảng bá hình ảnh Gia Lai",
        "to promote the image of Gia Lai",
        "ដើម្បី ផ្សព្វផ្សាយ រូបភាព ខេត្ត យ៉ាឡាយ",
    ),
    (
        "góp phần nâng cao đời sống người dân",
        "to help improve people's lives",
        "ដើម្បី លើកកម្ពស់ ជីវភាព ប្រជាជន",
    ),
    (
        "nhằm tăng cường tình hữu nghị với Campuchia",
        "to strengthen friendship with Cambodia",
        "ដើម្បី ពង្រឹង មិត្តភាព ជាមួយ កម្ពុជា",
    ),
    ("để gìn giữ bản sắc văn hóa", "to preserve cultural identity", "ដើម្បី ថែរក្សា អត្តសញ្ញាណ វប្បធម៌"),
    (
        "nhằm tạo thêm việc làm cho thanh niên",
        "to create more jobs for young people",
        "ដើម្បី បង្កើត ការងារ បន្ថែម សម្រាប់ យុវជន",
    ),
    (
        "nhằm thu hút nhà đầu tư nước ngoài",
        "to attract foreign investors",
        "ដើម្បី ទាក់ទាញ អ្នកវិនិយោគ បរទេស",
    ),
    (
        "để phát triển kinh tế bền vững",
        "for sustainable economic growth",
        "ដើម្បី អភិវឌ្ឍ សេដ្ឋកិច្ច ប្រកបដោយ ចីរភាព",
    ),
]

SOURCES: list[Triple] = [
    ("Sở Ngoại vụ", "the Department of Foreign Affairs", "មន្ទីរ ការបរទេស"),
    ("báo cáo của tỉnh", "a provincial report", "របាយការណ៍ របស់ ខេត្ត"),
    ("ban tổ chức", "the organisers", "គណៈកម្មការ រៀបចំ"),
    ("lãnh đạo địa phương", "local leaders", "ថ្នាក់ដឹកនាំ មូលដ្ឋាន"),
]

STATEMENTS: list[Triple] = [
    (
        "Đây là hoạt động được nhiều người dân mong đợi",
        "This is an event that many residents look forward to",
        "នេះ គឺជា សកម្មភាព | ដែល ប្រជាជន ជាច្រើន រង់ចាំ",
    ),
    (
        "Kết quả bước đầu cho thấy nhiều tín hiệu tích cực",
        "The first results show many positive signs",
        "លទ្ធផល ដំបូង | បង្ហាញ ពី សញ្ញា វិជ្ជមាន ជាច្រើន",
    ),
    (
        "Hai bên thống nhất sẽ gặp lại vào năm sau",
        "Both sides agreed to meet again next year",
        "ភាគី ទាំងពីរ | បាន ព្រមព្រៀង ជួប គ្នា ម្តងទៀត | នៅ ឆ្នាំ ក្រោយ",
    ),
    (
        "Người dân địa phương đón nhận chương trình với nhiều hào hứng",
        "Local people welcomed the programme with enthusiasm",
        "ប្រជាជន មូលដ្ឋាន | បាន ស្វាគមន៍ កម្មវិធី នេះ | ដោយ ក្តី រីករាយ",
    ),
    (
        "Thời tiết mùa khô rất thuận lợi cho các hoạt động ngoài trời",
        "The dry season weather is ideal for outdoor activities",
        "អាកាសធាតុ រដូវ ប្រាំង | ល្អ សម្រាប់ សកម្មភាព ខាងក្រៅ",
    ),
    (
        "Nhiều ý kiến cho rằng cần có thêm đầu tư cho hạ tầng",
        "Many people say that more investment in infrastructure is needed",
        "មនុស្ស ជាច្រើន យល់ថា | ត្រូវការ ការវិនិយោគ បន្ថែម | លើ ហេដ្ឋារចនាសម្ព័ន្ធ",
    ),
    (
        "Gia Lai nằm ở phía bắc Tây Nguyên",
        "Gia Lai lies in the north of the Central Highlands",
        "ខេត្ត យ៉ាឡាយ | ស្ថិត នៅ ភាគខាងជើង | នៃ តំបន់ ខ្ពង់រាប កណ្តាល",
    ),
    (
        "Cồng chiêng Tây Nguyên được UNESCO công nhận năm 2005",
        "The gong culture of the Central Highlands was recognised by UNESCO in 2005",
        "វប្បធម៌ គង | នៃ តំបន់ ខ្ពង់រាប កណ្តាល | ត្រូវបាន UNESCO ទទួលស្គាល់ | នៅ ឆ្នាំ ២០០៥",
    ),
    (
        "Cà phê là cây trồng chủ lực của tỉnh",
        "Coffee is the main crop of the province",
        "កាហ្វេ គឺជា ដំណាំ សំខាន់ | របស់ ខេត្ត",
    ),
    (
        "Nhiều gia đình đã có thêm thu nhập từ du lịch",
        "Many families now earn extra income from tourism",
        "គ្រួសារ ជាច្រើន | មាន ប្រាក់ចំណូល បន្ថែម | ពី ទេសចរណ៍",
    ),
    (
        "Con đường mới giúp việc đi lại dễ dàng hơn",
        "The new road makes travel much easier",
        "ផ្លូវ ថ្មី | ធ្វើ ឱ្យ ការធ្វើដំណើរ | កាន់តែ ងាយស្រួល",
    ),
    (
        "Chương trình sẽ được tổ chức định kỳ hằng năm",
        "The programme will be held every year",
        "កម្មវិធី នេះ | នឹង ត្រូវ រៀបចំ | ជារៀងរាល់ ឆ្នាំ",
    ),
    (
        "Tình hữu nghị giữa hai nước ngày càng bền chặt",
        "The friendship between the two countries keeps growing stronger",
        "មិត្តភាព រវាង ប្រទេស ទាំងពីរ | កាន់តែ រឹងមាំ",
    ),
]
CATEGORY_STATEMENTS: dict[str, list[Triple]] = {
    "news": [
        (
            "Hai bên cũng trao đổi kinh nghiệm quản lý biên giới",
            "The two sides also shared experience in border management",
            "ភាគី ទាំងពីរ | ក៏ បាន ចែករំលែក បទពិសោធន៍ | ក្នុង ការគ្រប់គ្រង ព្រំដែន",
        ),
    ],
    "culture": [
        (
            "Mỗi chiếc chiêng trong dàn chỉ cho một âm",
            "Each gong in the set gives only one note",
            "គង នីមួយៗ | ក្នុង ឈុត | មាន សំឡេង តែ មួយ",
        ),
        (
            "Các nghệ nhân lớn tuổi vẫn say sưa truyền nghề cho con cháu",
            "Elderly masters still pass on their craft to the young with passion",
            "សិល្បករ ចាស់ៗ | នៅតែ បង្រៀន ជំនាញ | ដល់ កូនចៅ ដោយ ក្តី ស្រឡាញ់",
        ),
    ],
    "tourism": [
        (
            "Mùa đẹp nhất để ghé thăm là từ tháng mười một đến tháng tư",
            "The best time to visit is from November to April",
            "ពេលវេលា ល្អ បំផុត | សម្រាប់ ការទស្សនា | គឺ ចាប់ពី ខែ វិច្ឆិកា ដល់ ខែ មេសា",
        ),
        (
            "Du khách nên mang theo giày leo núi và áo mưa",
            "Visitors should bring hiking shoes and a raincoat",
            "ភ្ញៀវទេសចរ | គួរ យក ស្បែកជើង ឡើងភ្នំ | និង អាវភ្លៀង មក ជាមួយ",
        ),
    ],
    "investment": [
        (
            "Tỉnh cam kết hỗ trợ nhà đầu tư trong suốt quá trình thực hiện dự án",
            "The province has pledged to support investors throughout each project",
            "ខេត្ត | បាន ប្តេជ្ញា គាំទ្រ អ្នកវិនិយោគ | ក្នុង អំឡុងពេល អនុវត្ត គម្រោង",
        ),
        (
            "Nguồn nắng và gió dồi dào là lợi thế lớn của vùng",
            "Plentiful sun and wind are a major advantage of the region",
            "ពន្លឺព្រះអាទិត្យ និង ខ្យល់ | ដ៏ សម្បូរបែប | គឺជា គុណសម្បត្តិ ធំ | របស់ តំបន់ នេះ",
        ),
    ],
}

TITLE_TAILS: list[Triple] = [
    ("điểm hẹn của du khách", "a magnet for visitors", "គោលដៅ ទាក់ទាញ ភ្ញៀវទេសចរ"),
    ("cơ hội mới cho Gia Lai", "new chances for Gia Lai", "ឱកាស ថ្មី | សម្រាប់ ខេត្ត យ៉ាឡាយ"),
    ("nhìn từ cơ sở", "a view from the ground", "ទិដ្ឋភាព ពី មូលដ្ឋាន"),
    ("những bước tiến mới", "new steps forward", "វឌ្ឍនភាព ថ្មីៗ"),
    ("câu chuyện từ đại ngàn", "stories from the great forest", "រឿងរ៉ាវ ពី ព្រៃ ធំ"),
]

HEADINGS: dict[str, list[Triple]] = {
    "": [
        ("Triển vọng", "Outlook", "ទស្សនវិស័យ"),
        ("Ý kiến người dân", "What residents say", "មតិ ប្រជាជន"),
    ],
    "news": [
        ("Kết quả nổi bật", "Key results", "លទ្ធផល សំខាន់ៗ"),
        ("Tăng cường hợp tác", "Stronger cooperation", "ពង្រឹង កិច្ចសហប្រតិបត្តិការ"),
        ("Hướng tới năm mới", "Looking to the new year", "ឆ្ពោះទៅ ឆ្នាំ ថ្មី"),
        ("Vì một đường biên hòa bình", "For a peaceful border", "ដើម្បី ព្រំដែន សន្តិភាព"),
        ("Những con số đáng chú ý", "Figures worth noting", "តួលេខ គួរ ឱ្យ កត់សម្គាល់"),
    ],
    "culture": [
        ("Tiếng chiêng giữa đại ngàn", "Gongs in the great forest", "សំឡេង គង | ក្នុង ព្រៃ ធំ"),
        ("Gìn giữ bản sắc", "Keeping traditions alive", "ថែរក្សា អត្តសញ្ញាណ"),
        ("Truyền dạy cho thế hệ trẻ", "Teaching the young", "បង្រៀន ដល់ យុវជន"),
        ("Lễ hội của buôn làng", "A village festival", "ពិធីបុណ្យ របស់ ភូមិ"),
        ("Sắc màu thổ cẩm", "The colours of brocade", "ពណ៌ ក្រណាត់ ត្បាញ"),
    ],
    "tourism": [
        ("Điểm đến mùa khô", "Dry season destinations", "គោលដៅ រដូវ ប្រាំង"),
        ("Hành trình khám phá", "A journey of discovery", "ដំណើរ ស្វែងរក"),
        ("Kinh nghiệm cho du khách", "Tips for visitors", "គន្លឹះ សម្រាប់ ភ្ញៀវទេសចរ"),
        ("Ẩm thực địa phương", "Local food", "ម្ហូប ក្នុង តំបន់"),
        ("Thiên nhiên hùng vĩ", "Magnificent nature", "ធម្មជាតិ ដ៏ អស្ចារ្យ"),
    ],
    "investment": [
        ("Cơ hội cho nhà đầu tư", "Opportunities for investors", "ឱកាស សម្រាប់ អ្នកវិនិយោគ"),
        ("Hạ tầng đồng bộ", "Connected infrastructure", "ហេដ្ឋារចនាសម្ព័ន្ធ ទំនើប"),
        ("Cải cách thủ tục", "Simpler procedures", "កំណែទម្រង់ នីតិវិធី"),
        ("Năng lượng tái tạo", "Renewable energy", "ថាមពល កកើតឡើងវិញ"),
        ("Nông nghiệp công nghệ cao", "High-tech farming", "កសិកម្ម បច្ចេកវិទ្យា ខ្ពស់"),
    ],
}

TAGS: dict[str, list[Triple]] = {
    "news": [
        ("đối ngoại", "foreign affairs", "ការបរទេស"),
        ("hữu nghị", "friendship", "មិត្តភាព"),
        ("biên giới", "border", "ព្រំដែន"),
        ("Campuchia", "Cambodia", "កម្ពុជា"),
        ("Lệ Thanh", "Lệ Thanh", "ឡេថាញ់"),
        ("hợp tác quốc tế", "international cooperation", "សហប្រតិបត្តិការ អន្តរជាតិ"),
    ],
    "culture": [
        ("cồng chiêng", "gongs", "គង"),
        ("di sản", "heritage", "បេតិកភណ្ឌ"),
        ("lễ hội", "festivals", "ពិធីបុណ្យ"),
        ("thổ cẩm", "brocade", "ក្រណាត់ ត្បាញ"),
        ("Jrai", "Jrai", "ចារ៉ាយ"),
        ("âm nhạc", "music", "តន្ត្រី"),
    ],
    "tourism": [
        ("Kbang", "Kbang", "Kbang"),
        ("thác nước", "waterfalls", "ទឹកធ្លាក់"),
        ("Biển Hồ", "Biển Hồ", "បឹង Biển Hồ"),
        ("Chư Đăng Ya", "Chư Đăng Ya", "ភ្នំ Chư Đăng Ya"),
        ("du lịch sinh thái", "eco-tourism", "ទេសចរណ៍ ធម្មជាតិ"),
        ("Pleiku", "Pleiku", "Pleiku"),
    ],
    "investment": [
        ("đầu tư", "investment", "ការវិនិយោគ"),
        ("cà phê", "coffee", "កាហ្វេ"),
        ("năng lượng", "energy", "ថាមពល"),
        ("nông nghiệp", "agriculture", "កសិកម្ម"),
        ("hạ tầng", "infrastructure", "ហេដ្ឋារចនាសម្ព័ន្ធ"),
        ("xuất khẩu", "exports", "ការនាំចេញ"),
    ],
}

ALTS: list[Triple] = [
    (
        "Ảnh minh họa: đồi núi xanh dưới bầu trời buổi sáng",
        "Illustration: green hills under a morning sky",
        "រូបភាព៖ | ភ្នំ ពណ៌ បៃតង | ក្រោម មេឃ ពេល ព្រឹក",
    ),
    (
        "Ảnh minh họa: mặt trời lặn sau dãy núi",
        "Illustration: the sun setting behind the mountains",
        "រូបភាព៖ | ព្រះអាទិត្យ លិច | នៅ ពីក្រោយ ជួរ ភ្នំ",
    ),
    (
        "Ảnh minh họa: mặt hồ phẳng lặng giữa rừng",
        "Illustration: a calm lake in the forest",
        "រូបភាព៖ | បឹង ស្ងប់ស្ងាត់ | នៅ កណ្តាល ព្រៃ",
    ),
    (
        "Ảnh minh họa: nương cà phê trên đồi đất đỏ",
        "Illustration: coffee fields on red soil hills",
        "រូបភាព៖ | ចម្ការ កាហ្វេ | លើ ភ្នំ ដី ក្រហម",
    ),
]

LIST_INTROS: list[Triple] = [
    ("Một số nội dung chính gồm:", "Highlights include:", "ខ្លឹមសារ សំខាន់ៗ | រួមមាន៖"),
    ("Chương trình năm nay có:", "This year's programme includes:", "កម្មវិធី ឆ្នាំ នេះ | រួមមាន៖"),
]

LINK_SENTENCES = {
    **phrases.LINK_SENTENCES,
    "vi": "Bạn đọc có thể xem thêm bài viết [{title}]({href}).",
    "en": "Read more in [{title}]({href}).",
    "km": "សូមអានបន្ថែមក្នុងអត្ថបទ [{title}]({href})។",
}

# The home page of each language (MkDocs needs one): title, summary, text.
HOME_PAGES = {
    **phrases.HOME_PAGES,
    "vi": (
        "Gia Lai – Thông tin đối ngoại",
        "Tin tức, văn hóa, du lịch và cơ hội đầu tư của tỉnh Gia Lai.",
        "Chào mừng bạn đến với trang thông tin đối ngoại của tỉnh Gia Lai.",
    ),
    "en": (
        "Gia Lai External Information",
        "News, culture, tourism and investment opportunities in Gia Lai province.",
        "Welcome to the external information site of Gia Lai province.",
    ),
    "km": (
        "ព័ត៌មានការបរទេស ខេត្តយ៉ាឡាយ",
        "ព័ត៌មាន វប្បធម៌ ទេសចរណ៍ និងឱកាសវិនិយោគ របស់ខេត្តយ៉ាឡាយ។",
        "សូមស្វាគមន៍មកកាន់គេហទំព័រព័ត៌មានការបរទេស របស់ខេត្តយ៉ាឡាយ។",
    ),
}

BYLINES = [
    "Lê Minh Khoa",
    "Nguyễn Thu Hà",
    "Trần Văn Long",
    "Phạm Ngọc Lan",
    "Ksor Nhơn",
    "Đỗ Quang Huy",
    "Võ Thị Mai",
    "Siu H'Nga",
    "Phòng Thông tin đối ngoại",
]
DATELINES = ["Pleiku", "Kbang", "An Khê", "Quy Nhơn", "Chư Sê", "Đức Cơ", "Ia Grai"]
CREDITS = ["Ban biên tập", "Phòng Thông tin đối ngoại", "Cổng thông tin tỉnh"]

# --- Sentence templates: {slot} names are the vocabulary tables above -------------------

# Each template: Vietnamese, English, Khmer (raw notation), relative weight.
SENTENCES: list[tuple[str, str, str, int]] = [
    (
        "{time}, {agent} đã {act} {obj} {place}",
        "{time}, {agent} {act} {obj} {place}",
        "{time} | {agent} | បាន {act} | {obj} | {place}",
        4,
    ),
    (
        "{agent} {act} {obj} {place} {purpose}",
        "{agent} {act} {obj} {place} {purpose}",
        "{agent} | បាន {act} | {obj} | {place} | {purpose}",
        4,
    ),
    (
        "theo {source}, {agent} đã {act} {obj} {time}",
        "according to {source}, {agent} {act} {obj} {time}",
        "យោងតាម {source} | {agent} | បាន {act} | {obj} | {time}",
        2,
    ),
    ("{statement}", "{statement}", "{statement}", 3),
    (
        "{place}, {agent} đã {act} {obj}",
        "{place}, {agent} {act} {obj}",
        "{place} | {agent} | បាន {act} | {obj}",
        2,
    ),
    (
        "{agent} cho biết sẽ tiếp tục {act} {obj} {purpose}",
        "{agent} said they would continue to {actb} {obj} {purpose}",
        "{agent} | បាន ប្រាប់ ថា | នឹង បន្ត {act} {obj} | {purpose}",
        2,
    ),
    (
        "bên cạnh đó, {agent} còn {act} {obj}",
        "in addition, {agent} also {act} {obj}",
        "ក្រៅពីនេះ | {agent} | ក៏ បាន {act} | {obj} | ផងដែរ",
        2,
    ),
]
TITLES: list[tuple[str, str, str, int]] = [
    (
        "{agent} {act} {obj} {place}",
        "{agent} to {actb} {obj} {place}",
        "{agent} | {act} | {obj} | {place}",
        3,
    ),
    ("{obj} {place}: {tail}", "{obj} {place}: {tail}", "{obj} | {place}៖ | {tail}", 2),
]
ITEM = ("{obj} {place}", "{obj} {place}", "{obj} | {place}", 1)
SUMMARY_TEMPLATES = (0, 1, 5)

# Slot name -> the plan key whose index it uses ('actb' is 'act' in its base form).
_CANONICAL = {"actb": "act"}


def _more(row: tuple[str, ...]) -> tuple[str, ...]:
    """A row of text with its Lao and Chinese counterparts from bench/phrases.py."""
    return (*row, *phrases.PHRASES[row[0]])


def _nfc(rows: list) -> list:
    return [tuple(unicodedata.normalize("NFC", text) for text in _more(row)) for row in rows]


def _category_tables(category: str) -> dict[str, list[Triple]]:
    acts = _nfc(ACTS + CATEGORY_ACTS[category])
    return {
        "agent": _nfc(AGENTS + CATEGORY_AGENTS[category]),
        "act": [(vi, past, km, *more) for vi, past, _base, km, *more in acts],
        "actb": [(vi, base, km, *more) for vi, _past, base, km, *more in acts],
        "obj": _nfc(OBJECTS[category]),
        "place": _nfc(PLACES),
        "time": _nfc(TIMES),
        "purpose": _nfc(PURPOSES),
        "source": _nfc(SOURCES),
        "statement": _nfc(STATEMENTS + CATEGORY_STATEMENTS[category]),
        "tail": _nfc(TITLE_TAILS),
        "heading": _nfc(HEADINGS[""] + HEADINGS[category]),
        "tag": _nfc(TAGS[category]),
        "alt": _nfc(ALTS),
        "intro": _nfc(LIST_INTROS),
    }


_TABLES = {category: _category_tables(category) for category in CATEGORIES}


def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


# Per template: the slots to draw, and per language the format string and its fields.
_Compiled = tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]


def _compile(templates: list[tuple[str, str, str, int]]) -> list[_Compiled]:
    compiled = []
    for *formats, _weight in templates:
        per_lang = tuple((fmt, _fields(fmt)) for fmt in formats)
        slots = sorted({_CANONICAL.get(name, name) for _, names in per_lang for name in names})
        compiled.append((tuple(slots), per_lang))
    return compiled


def _with_more(templates: list[tuple], more: list[tuple[str, str]]) -> list[tuple]:
    """Templates with their Lao and Chinese formats inserted before the weight."""
    return [(*row[:-1], *extra, row[-1]) for row, extra in zip(templates, more, strict=True)]


_MORE = len(SENTENCES), len(SENTENCES) + len(TITLES)
_SENTENCES = _compile(_with_more(SENTENCES, phrases.TEMPLATES[: _MORE[0]]))
_TITLES = _compile(_with_more(TITLES, phrases.TEMPLATES[_MORE[0] : _MORE[1]]))
_ITEM = _compile(_with_more([ITEM], phrases.TEMPLATES[_MORE[1] :]))[0]
_SENTENCE_IDS = range(len(SENTENCES))
_SENTENCE_CUMULATIVE = list(itertools.accumulate(weight for *_, weight in SENTENCES))
_TITLE_WEIGHTS = [weight for *_, weight in TITLES]

# --- Rendering -------------------------------------------------------------------------


def _is_latin(char: str) -> bool:
    return (
        (char.isascii() and char.isalnum())
        or "\u00c0" <= char <= "\u024f"
        or ("\u1e00" <= char <= "\u1eff")
    )


_PHRASES: dict[str, tuple[str, int]] = {}


def _khmer_phrase(phrase: str) -> tuple[str, int]:
    """One phrase: words written together, with a space only next to a Latin-script name."""
    done = _PHRASES.get(phrase)
    if done is None:
        words = phrase.split()
        out = words[0] if words else ""
        for word in words[1:]:
            out += f" {word}" if _is_latin(out[-1]) or _is_latin(word[0]) else word
        done = _PHRASES[phrase] = (out, len(words))
    return done


def _khmer(raw: str) -> tuple[str, int]:
    """Khmer text from raw notation: words joined, ``|`` phrases spaced; with its word count."""
    parts = []
    count = 0
    for phrase in raw.split("|"):
        text, n = _khmer_phrase(phrase)
        if n:
            parts.append(text)
            count += n
    return " ".join(parts), count


def khmer_vocabulary() -> set[str]:
    """Every distinct Khmer word used by the generator (Latin names excluded)."""
    words: set[str] = set()
    raws = [per_lang[KHMER][0] for _slots, per_lang in _SENTENCES + _TITLES]
    for tables in _TABLES.values():
        raws.extend(row[KHMER] for rows in tables.values() for row in rows)
    for raw in raws:
        for word in re.sub(r"\{\w+\}", " ", raw).replace("|", " ").split():
            word = word.rstrip("។៖")
            if word and not any(_is_latin(char) for char in word):
                words.add(word)
    return words


Slots = dict[str, int]
Sentence = tuple[int, Slots]
LinkTitle = Callable[[int], "tuple[str, str] | None"]


def _render(
    compiled: _Compiled, slots: Slots, category: str, li: int, cap: bool = True
) -> tuple[str, int]:
    """One sentence (without final punctuation) in language ``li`` and its word count."""
    tables = _TABLES[category]
    fmt, names = compiled[1][li]
    text = fmt.format(
        **{name: tables[name][slots[_CANONICAL.get(name, name)]][li] for name in names}
    )
    if li == KHMER:
        return _khmer(text)
    if TEXT_LANGS[li] in phrases.LATIN_SPACED:
        text = phrases.LATIN_SPACED[TEXT_LANGS[li]].sub(" ", text)
    return (text[0].upper() + text[1:] if cap else text), text.count(" ") + 1


def _draw_slots(rng: random.Random, compiled: _Compiled, category: str) -> Slots:
    tables = _TABLES[category]
    return {name: rng.randrange(len(tables[name])) for name in compiled[0]}


def _end(text: str, li: int) -> str:
    return text + ("។" if li == KHMER else phrases.FULL_STOPS.get(TEXT_LANGS[li], "."))


# --- Planning --------------------------------------------------------------------------


@dataclass
class _Plan:
    """Everything random about one article, decided once for all languages."""

    index: int
    category: str
    slug: str
    day: date
    title: Sentence
    summary: Sentence
    tags: list[int]
    byline: str
    dateline: str
    cover: tuple[int, int, int] | None  # image number, alt, credit
    blocks: list[tuple] = field(default_factory=list)

    @property
    def folder(self) -> str:
        return CATEGORIES[self.category]

    @property
    def rel(self) -> str:
        return f"{self.folder}/{self.slug}.md"


def _words(text: str) -> int:
    return text.count(" ") + 1


# Vietnamese word counts, so planning can measure a sentence without writing it.
_VI_WORDS = {
    category: {name: [_words(row[0]) for row in rows] for name, rows in tables.items()}
    for category, tables in _TABLES.items()
}
_VI_FIXED = [
    (sum("{" not in token for token in per_lang[0][0].split()), per_lang[0][1])
    for _slots, per_lang in _SENTENCES
]


def _sentence(rng: random.Random, category: str) -> tuple[Sentence, int]:
    """A random sentence of the body and its length in Vietnamese words."""
    tid = rng.choices(_SENTENCE_IDS, cum_weights=_SENTENCE_CUMULATIVE)[0]
    slots = _draw_slots(rng, _SENTENCES[tid], category)
    fixed, names = _VI_FIXED[tid]
    counts = _VI_WORDS[category]
    return (tid, slots), fixed + sum(counts[name][slots[name]] for name in names)


def _plan_body(rng: random.Random, plan: _Plan, title_words: list[int]) -> None:
    """Paragraphs, subheadings, maybe a list and a link; BODY_WORDS Vietnamese words."""
    category = plan.category
    tables = _TABLES[category]
    paragraphs = rng.randint(4, 8)
    budget = rng.randint(BODY_WORDS[0] + 20, BODY_WORDS[1] - 60) / paragraphs
    texts: list[list[tuple[Sentence, int]]] = []
    for _ in range(paragraphs):
        sentences = [_sentence(rng, category)]
        while sum(n for _, n in sentences) < budget - 8:
            sentences.append(_sentence(rng, category))
        texts.append(sentences)
    headings = rng.sample(range(1, paragraphs), rng.randint(1, min(3, paragraphs - 1)))
    heading_ids = rng.sample(range(len(tables["heading"])), len(headings))
    extra = sum(_words(tables["heading"][h][0]) for h in heading_ids)
    list_after = rng.randrange(paragraphs - 1) if rng.random() < 0.35 else None
    intro, items = 0, []
    if list_after is not None:
        intro = rng.randrange(len(LIST_INTROS))
        objects = rng.sample(range(len(tables["obj"])), rng.randint(3, 5))
        items = [{"obj": obj, "place": rng.randrange(len(tables["place"]))} for obj in objects]
        extra += _words(LIST_INTROS[intro][0])
        extra += sum(_render(_ITEM, item, category, 0)[1] for item in items)
    link = None
    if plan.index > 0 and rng.random() < 0.4:
        link = (rng.randrange(paragraphs), rng.randrange(max(0, plan.index - 60), plan.index))
        extra += _words(LINK_SENTENCES[SOURCE_LANG]) - 1 + title_words[link[1]]
    # Keep the body inside BODY_WORDS, whatever the draws above added up to.
    total = extra + sum(n for sentences in texts for _, n in sentences)
    while total > BODY_WORDS[1]:
        longest = max(texts, key=len)
        if len(longest) < 2:
            break
        total -= longest.pop()[1]
    while total < BODY_WORDS[0]:
        added = _sentence(rng, category)
        min(texts, key=len).append(added)
        total += added[1]
    for number, sentences in enumerate(texts):
        if number in headings:
            plan.blocks.append(("h", heading_ids[headings.index(number)]))
        target = link[1] if link and link[0] == number else None
        plan.blocks.append(("p", [sentence for sentence, _ in sentences], target))
        if number == list_after:
            plan.blocks.append(("ul", intro, items))


def _plan(
    rng: random.Random,
    index: int,
    width: int,
    category: str,
    day: date,
    images: int,
    title_words: list[int],
    checked: tuple[int, ...] = tuple(range(len(LANGS))),
) -> _Plan:
    """Draw one article; ``title_words`` holds the title lengths of the articles before it."""
    tid = rng.choices(range(len(_TITLES)), _TITLE_WEIGHTS)[0]
    title_slots = _draw_slots(rng, _TITLES[tid], category)
    vi_title, words = _render(_TITLES[tid], title_slots, category, 0)
    title_words.append(words)
    slug = "-".join([f"bai-{index + 1:0{width}d}", *slugify(vi_title).split("-")[:6]])
    while True:
        sid = rng.choice(SUMMARY_TEMPLATES)
        slots = _draw_slots(rng, _SENTENCES[sid], category)
        if all(
            len(_end(_render(_SENTENCES[sid], slots, category, li)[0], li)) <= SUMMARY_MAX
            for li in checked
        ):
            break
    tags = rng.sample(range(len(_TABLES[category]["tag"])), rng.randint(2, 4))
    cover = None
    if images > 0 and rng.random() < 0.5:
        cover = (rng.randrange(images) + 1, rng.randrange(len(ALTS)), rng.randrange(len(CREDITS)))
    plan = _Plan(
        index=index,
        category=category,
        slug=slug,
        day=day,
        title=(tid, title_slots),
        summary=(sid, slots),
        tags=tags,
        byline=rng.choice(BYLINES),
        dateline=rng.choice(DATELINES),
        cover=cover,
    )
    _plan_body(rng, plan, title_words)
    return plan


# --- Writing ---------------------------------------------------------------------------

_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\[\]{},:#]*")
_SPECIAL = {"yes", "no", "true", "false", "on", "off", "null", "y", "n", "~"}


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _plain(text: str) -> str:
    """``text`` unquoted when YAML reads it back as the same string, else quoted."""
    if (
        _PLAIN.fullmatch(text)
        and text == text.strip()
        and text.lower() not in _SPECIAL
        and not (re.fullmatch(r"[-+.\d_eE:]+", text))
    ):
        return text
    return _q(text)


def _render_title(plan: _Plan, li: int) -> str:
    tid, slots = plan.title
    return _render(_TITLES[tid], slots, plan.category, li)[0]


def _body(plan: _Plan, li: int, link_title: LinkTitle) -> tuple[str, int]:
    """Markdown body of one article in language ``li`` and its word count."""
    lang = TEXT_LANGS[li]
    khmer = li == KHMER
    item_end = {"zh": ("；", "。")}.get(lang, (";", "."))
    tables = _TABLES[plan.category]
    parts: list[str] = []
    words = 0  # Khmer only: Vietnamese and English words are counted on the result
    markers = 0
    for block in plan.blocks:
        if block[0] == "h":
            raw = tables["heading"][block[1]][li]
            text, n = _khmer(raw) if khmer else (raw, 0)
            parts.append(f"## {text}")
            words += n
            markers += 1
        elif block[0] == "p":
            sentences = []
            for tid, slots in block[1]:
                text, n = _render(_SENTENCES[tid], slots, plan.category, li)
                sentences.append(_end(text, li))
                words += n
            if block[2] is not None and (target := link_title(block[2])) is not None:
                title, href = target
                sentences.append(LINK_SENTENCES[lang].format(title=title, href=href))
                words += _words(LINK_SENTENCES[lang]) + _words(title) - 1
            parts.append(phrases.SENTENCE_GAPS.get(lang, " ").join(sentences))
        else:
            raw = tables["intro"][block[1]][li]
            intro, n = _khmer(raw) if khmer else (raw, 0)
            words += n
            lines = []
            last = len(block[2]) - 1
            for number, item in enumerate(block[2]):
                text, n = _render(_ITEM, item, plan.category, li, cap=False)
                words += n
                if not khmer:
                    text += item_end[1] if number == last else item_end[0]
                elif number == last:
                    text += "។"
                lines.append(f"- {text}")
            markers += len(lines)
            parts.append(intro + "\n\n" + "\n".join(lines))
    body = "\n\n".join(parts)
    return body, words if khmer else len(body.split()) - markers


def _caption(plan: _Plan, li: int) -> str:
    slots = plan.title[1]
    return _end(_render(_ITEM, slots, plan.category, li)[0], li)


def _source_text(plan: _Plan, title: str, summary: str, body: str) -> str:
    tags = ", ".join(_plain(_TABLES[plan.category]["tag"][t][0]) for t in plan.tags)
    lines = [
        "---",
        f"title: {_q(title)}",
        f"summary: {_q(summary)}",
        f"date: {plan.day.isoformat()}",
        f"category: {plan.category}",
        f"tags: [{tags}]",
        f"byline: {_q(plan.byline)}",
        f"dateline: {_plain(plan.dateline)}",
    ]
    if plan.cover is not None:
        number, alt, credit = plan.cover
        lines += [
            "cover:",
            f"  image: {image_name(number)}",
            f"  alt: {_q(ALTS[alt][0])}",
            f"  caption: {_q(_caption(plan, 0))}",
            f"  credit: {_q(CREDITS[credit])}",
        ]
    lines += ["status: published", "---", "", body, ""]
    return "\n".join(lines)


def _translation_text(
    plan: _Plan, li: int, title: str, summary: str, body: str, revision: str
) -> str:
    tags = ", ".join(
        _plain(_khmer(row[KHMER])[0] if li == KHMER else row[li])
        for row in (_TABLES[plan.category]["tag"][t] for t in plan.tags)
    )
    lines = ["---", f"title: {_q(title)}", f"summary: {_q(summary)}", f"tags: [{tags}]"]
    if plan.cover is not None:
        raw_alt = _more(ALTS[plan.cover[1]])[li]
        alt = _khmer(raw_alt)[0] if li == KHMER else raw_alt
        lines += ["cover:", f"  alt: {_q(alt)}", f"  caption: {_q(_caption(plan, li))}"]
    lines += [f"source_revision: {_q(revision)}", "---", "", body, ""]
    return "\n".join(lines)


def image_name(number: int) -> str:
    """File name of generated photo ``number`` (1-based) in content/images/."""
    return f"{IMAGE_PREFIX}{number:04d}.jpg"


_PALETTES = [
    # sky top, sky bottom, sun, far ridge, near ridge
    ((96, 150, 214), (226, 236, 244), (255, 244, 214), (118, 150, 128), (34, 78, 52)),
    ((62, 44, 110), (244, 150, 88), (255, 214, 120), (112, 70, 96), (40, 28, 46)),
    ((40, 110, 170), (190, 224, 236), (255, 255, 236), (84, 130, 110), (22, 64, 40)),
    ((190, 200, 214), (248, 226, 196), (255, 236, 200), (150, 96, 70), (92, 48, 30)),
    ((26, 48, 92), (120, 150, 190), (236, 236, 250), (60, 80, 110), (18, 28, 44)),
]


def _mix(a: tuple[int, ...], b: tuple[int, ...], t: float) -> tuple[int, ...]:
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


def _draw_image(number: int) -> Image.Image:
    """A landscape: gradient sky, a sun and three ridges; depends only on ``number``."""
    rng = random.Random(f"gialai-image-{number}")
    width, height = IMAGE_SIZE
    top, bottom, sun, far, near = _PALETTES[number % len(_PALETTES)]
    gray = Image.linear_gradient("L").resize((width, height), Image.Resampling.BILINEAR)
    image = ImageOps.colorize(gray, top, bottom)
    draw = ImageDraw.Draw(image)
    radius = rng.randint(50, 110)
    cx, cy = rng.randint(200, width - 200), rng.randint(140, height // 2 - 60)
    draw.ellipse((cx - radius, cy - radius, cx + radius, cy + radius), fill=sun)
    for layer in range(3):
        base = height * (0.5 + 0.14 * layer)
        amp, period, phase = rng.uniform(30, 110), rng.uniform(120, 420), rng.uniform(0, 6.3)
        ripple = rng.uniform(5, 25)
        points = [
            (x, base - amp * math.sin(x / period + phase) - ripple * math.sin(x / 37 + layer))
            for x in range(0, width + 40, 40)
        ]
        draw.polygon([*points, (width, height), (0, height)], fill=_mix(far, near, layer / 2))
    if number % 3 == 0:  # a lake in the foreground
        lake = (int(width * 0.15), int(height * 0.84), int(width * 0.75), int(height * 0.97))
        draw.ellipse(lake, fill=_mix(top, bottom, 0.4))
    return image


def make_images(images_dir: Path, count: int) -> list[Path]:
    """Write photos 1..count into ``images_dir``; a file already there is reused."""
    images_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, count + 1):
        path = images_dir / image_name(number)
        if not path.is_file():
            temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            _draw_image(number).save(temporary, "JPEG", quality=70, optimize=True)
            os.replace(temporary, path)
        paths.append(path)
    return paths


# --- Public API ------------------------------------------------------------------------


@dataclass(frozen=True)
class CorpusInfo:
    """What ``generate_corpus`` wrote."""

    per_language: int
    articles: dict[str, int]
    images: int
    words_total: int
    seconds: float


def _translated_sets(
    per_language: int, seed: int, translated: dict[str, float]
) -> dict[str, set[int]]:
    """Per language, the articles it has: all in Vietnamese, a seeded sample in the others."""
    chosen = {SOURCE_LANG: set(range(per_language))}
    for lang in TRANSLATION_LANGS:
        fraction = min(max(float(translated.get(lang, 0.0)), 0.0), 1.0)
        count = round(fraction * per_language)
        chosen[lang] = set(random.Random(f"{seed}:{lang}").sample(range(per_language), count))
    return chosen


def _write(path: Path, text: str) -> None:
    """Write ``text`` unless the file already holds it (cheaper, and keeps its mtime)."""
    data = text.encode("utf-8")
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return
    except FileNotFoundError:
        pass
    path.write_bytes(data)


def _write_home_pages(content_dir: Path, langs: tuple[str, ...]) -> None:
    """A home page per language, unless the folder already has one."""
    for lang in langs:
        title, summary, text = HOME_PAGES[lang]
        path = content_dir / lang / "index.md"
        if not path.exists():
            front = f"title: {_q(title)}\ntemplate: home.html\nsummary: {_q(summary)}"
            path.write_text(f"---\n{front}\n---\n\n{text}\n", encoding="utf-8")


def _remove_stale(content_dir: Path, keep: set[Path], langs: tuple[str, ...]) -> None:
    """Remove articles an earlier run generated that this run did not write."""
    for lang in langs:
        for folder in CATEGORIES.values():
            directory = content_dir / lang / folder
            for path in directory.iterdir():
                if _GENERATED.fullmatch(path.name) and path not in keep:
                    path.unlink()


def generate_corpus(
    content_dir: Path,
    per_language: int,
    *,
    seed: int = 0,
    translated: dict[str, float] | None = None,
    images: int = 20,
    start: date = date(2024, 1, 1),
) -> CorpusInfo:
    """Write ``per_language`` Vietnamese articles, their translations and photos."""
    began = time.perf_counter()
    translated = {"en": 1.0, "km": 0.9} if translated is None else dict(translated)
    if per_language < 0 or images < 0:
        raise ValueError("per_language and images cannot be negative")
    unknown = set(translated) - set(TRANSLATION_LANGS)
    if unknown:
        raise ValueError(f"no such translation language: {', '.join(sorted(unknown))}")
    content_dir = Path(content_dir)
    # Lao and Chinese only when asked for: a project without them would find their folders.
    langs = (*LANGS, *(lang for lang in phrases.LANGUAGES if translated.get(lang, 0.0) > 0))
    checked = tuple(TEXT_LANGS.index(lang) for lang in langs)
    rng = random.Random(seed)
    categories = list(CATEGORIES)
    width = max(4, len(str(per_language)))
    plans: list[_Plan] = []
    title_words: list[int] = []
    for index in range(per_language):
        if index % len(categories) == 0:
            rng.shuffle(categories)
        category = categories[index % len(categories)]
        day = start + timedelta(days=index)
        plans.append(_plan(rng, index, width, category, day, images, title_words, checked))
    chosen = _translated_sets(per_language, seed, translated)

    if images:
        make_images(content_dir / "images", images)
    for lang in langs:
        for folder in CATEGORIES.values():
            (content_dir / lang / folder).mkdir(parents=True, exist_ok=True)

    _write_home_pages(content_dir, langs)
    revisions: dict[int, str] = {}
    written: set[Path] = set()
    counts = {}
    words_total = 0
    for lang in langs:
        li = TEXT_LANGS.index(lang)
        mine = chosen[lang]
        titles = {index: _render_title(plans[index], li) for index in mine}

        def link_title(target: int, mine=mine, titles=titles) -> tuple[str, str] | None:
            # Only to an earlier article that exists in this language: never a scheduled one.
            while target >= 0 and target not in mine:
                target -= 1
            if target < 0:
                return None
            return titles[target], f"../{plans[target].rel}"

        base = content_dir / lang
        for index in sorted(mine):
            plan = plans[index]
            title = titles[index]
            sid, slots = plan.summary
            summary = _end(_render(_SENTENCES[sid], slots, plan.category, li)[0], li)
            body, words = _body(plan, li, link_title)
            words_total += words
            if lang == SOURCE_LANG:
                revisions[index] = revision_of(title, summary, body)
                text = _source_text(plan, title, summary, body)
            else:
                text = _translation_text(plan, li, title, summary, body, revisions[index])
            path = base / plan.rel
            _write(path, text)
            written.add(path)
        counts[lang] = len(mine)
    _remove_stale(content_dir, written, langs)
    return CorpusInfo(
        per_language=per_language,
        articles=counts,
        images=images,
        words_total=words_total,
        seconds=round(time.perf_counter() - began, 3),
    )


def copy_project(dst: Path) -> Path:
    """Copy mkdocs.yml, hooks/, overrides/ and locales/ into ``dst``; return its mkdocs.yml."""
    dst = Path(dst)
    dst.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in PROJECT_FILES:
        source = REPO_ROOT / name
        if source.is_dir():
            shutil.copytree(source, dst / name, ignore=ignore, dirs_exist_ok=True)
        else:
            shutil.copy2(source, dst / name)
    return dst / "mkdocs.yml"


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m bench.corpus OUT_CONTENT_DIR N``."""
    parser = argparse.ArgumentParser(
        prog="python -m bench.corpus", description="Generate a benchmark content tree."
    )
    parser.add_argument("content_dir", type=Path, help="the content/ folder to write into")
    parser.add_argument("per_language", type=int, help="Vietnamese articles to write")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--images", type=int, default=20)
    parser.add_argument("--en", type=float, default=1.0, help="fraction translated to English")
    parser.add_argument("--km", type=float, default=0.9, help="fraction translated to Khmer")
    parser.add_argument("--lo", type=float, default=0.0, help="fraction translated to Lao")
    parser.add_argument("--zh", type=float, default=0.0, help="fraction translated to Chinese")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2024, 1, 1))
    args = parser.parse_args(argv)
    info = generate_corpus(
        args.content_dir,
        args.per_language,
        seed=args.seed,
        translated={"en": args.en, "km": args.km, "lo": args.lo, "zh": args.zh},
        images=args.images,
        start=args.start,
    )
    files = sum(info.articles.values())
    last = args.start + timedelta(days=max(args.per_language - 1, 0))
    print(f"corpus in {args.content_dir}")
    for lang, count in info.articles.items():
        print(f"  {lang}: {count} articles")
    print(f"  images: {info.images}")
    print(f"  dates: {args.start} to {last}")
    print(f"  words: {info.words_total:,}")
    print(f"  time: {info.seconds:.2f} s ({files / max(info.seconds, 1e-9):,.0f} files/s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
