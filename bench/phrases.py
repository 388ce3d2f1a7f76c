"""Lao and Chinese text of the benchmark corpus, phrase by phrase (see bench/corpus.py).

Each Vietnamese phrase of corpus.py's tables has its Lao and its Chinese (Simplified)
counterpart here: ``PHRASES[vietnamese] = (lao, chinese)``. Lao is written as it is read,
without spaces between words, with a space next to a name kept in Latin letters;
Vietnamese names without an established Lao or Chinese form stay in Latin letters, as in
the Khmer text of the corpus. Sentence templates are in TEMPLATES, in the order of
corpus.SENTENCES, then the two TITLES, then ITEM.
"""

from __future__ import annotations

import re

LANGUAGES = ("lo", "zh")

PHRASES: dict[str, tuple[str, str]] = {
    # agents
    "Sở Ngoại vụ tỉnh Gia Lai": ("ພະແນກການຕ່າງປະເທດແຂວງຢາລາຍ", "嘉莱省外事厅"),
    "UBND tỉnh Gia Lai": ("ອົງການປົກຄອງແຂວງຢາລາຍ", "嘉莱省人民委员会"),
    "chính quyền địa phương": ("ອົງການປົກຄອງທ້ອງຖິ່ນ", "地方政府"),
    "đoàn công tác của tỉnh": ("ຄະນະຜູ້ແທນຂອງແຂວງ", "省工作代表团"),
    "các doanh nghiệp trong tỉnh": ("ບັນດາວິສາຫະກິດໃນແຂວງ", "省内企业"),
    "người dân Pleiku": ("ປະຊາຊົນນະຄອນ Pleiku", "波来古市民"),
    "Liên hiệp các tổ chức hữu nghị tỉnh": ("ສະຫະພັນອົງການມິດຕະພາບແຂວງ", "省友好组织联合会"),
    "Bộ đội Biên phòng tỉnh": ("ກອງກຳລັງປ້ອງກັນຊາຍແດນແຂວງ", "省边防部队"),
    "lãnh đạo hai tỉnh": ("ການນຳຂອງສອງແຂວງ", "两省领导"),
    "đoàn đại biểu tỉnh Ratanakiri": ("ຄະນະຜູ້ແທນແຂວງ Ratanakiri", "腊塔纳基里省代表团"),
    "các nghệ nhân cồng chiêng": ("ບັນດານັກສິລະປິນຕີຄ້ອງ", "锣钲艺人"),
    "đồng bào Jrai và Bahnar": ("ຊົນເຜົ່າ Jrai ແລະ Bahnar", "嘉莱族和巴拿族同胞"),
    "thanh niên các buôn làng": ("ຊາວໜຸ່ມຈາກບັນດາບ້ານ", "各村寨的青年"),
    "Bảo tàng tỉnh": ("ຫໍພິພິທະພັນແຂວງ", "省博物馆"),
    "du khách trong và ngoài nước": ("ນັກທ່ອງທ່ຽວພາຍໃນ ແລະ ຕ່າງປະເທດ", "国内外游客"),
    "các công ty lữ hành": ("ບັນດາບໍລິສັດທ່ອງທ່ຽວ", "各旅行社"),
    "Sở Văn hóa, Thể thao và Du lịch": (
        "ພະແນກວັດທະນະທຳ ກິລາ ແລະ ທ່ອງທ່ຽວ",
        "文化体育旅游厅",
    ),
    "hướng dẫn viên địa phương": ("ມັກຄຸເທດທ້ອງຖິ່ນ", "当地导游"),
    "các nhà đầu tư Nhật Bản": ("ບັນດານັກລົງທຶນຍີ່ປຸ່ນ", "日本投资者"),
    "các nhà đầu tư Hàn Quốc": ("ບັນດານັກລົງທຶນເກົາຫຼີ", "韩国投资者"),
    "Trung tâm Xúc tiến đầu tư": ("ສູນສົ່ງເສີມການລົງທຶນ", "投资促进中心"),
    "Ban Quản lý Khu kinh tế": ("ຄະນະຄຸ້ມຄອງເຂດເສດຖະກິດ", "经济区管理委员会"),
    "các hợp tác xã cà phê": ("ບັນດາສະຫະກອນກາເຟ", "咖啡合作社"),
    # acts
    "giới thiệu": ("ແນະນຳ", "推介"),
    "quảng bá": ("ໂຄສະນາ", "宣传"),
    "hỗ trợ": ("ສະໜັບສະໜູນ", "支持"),
    "đẩy mạnh": ("ຊຸກຍູ້", "推进"),
    "bàn về": ("ປຶກສາຫາລືກ່ຽວກັບ", "讨论"),
    "khảo sát": ("ລົງກວດກາ", "考察"),
    "tìm hiểu": ("ສຶກສາ", "了解"),
    "đánh giá": ("ປະເມີນ", "评估"),
    "chuẩn bị": ("ກະກຽມ", "筹备"),
    "tổ chức": ("ຈັດຕັ້ງ", "举办"),
    "triển khai": ("ຈັດຕັ້ງປະຕິບັດ", "启动"),
    "ký kết": ("ລົງນາມ", "签署"),
    "gìn giữ": ("ປົກປັກຮັກສາ", "保护"),
    "phục dựng": ("ຟື້ນຟູ", "恢复"),
    "phát triển": ("ພັດທະນາ", "发展"),
    "mở rộng": ("ຂະຫຍາຍ", "扩大"),
    "khai trương": ("ເປີດ", "开通"),
    "kêu gọi đầu tư vào": ("ຮຽກຮ້ອງການລົງທຶນໃສ່", "招商引资建设"),
    # objects
    "hội nghị hợp tác biên giới": ("ກອງປະຊຸມຮ່ວມມືຊາຍແດນ", "边境合作会议"),
    "chương trình giao lưu hữu nghị": ("ໂຄງການແລກປ່ຽນມິດຕະພາບ", "友好交流活动"),
    "công tác thông tin đối ngoại": ("ວຽກງານຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ", "对外宣传工作"),
    "kế hoạch hợp tác năm mới": ("ແຜນການຮ່ວມມືປີໃໝ່", "新一年的合作计划"),
    "buổi làm việc với tỉnh bạn": ("ການພົບປະເຮັດວຽກກັບແຂວງຄູ່ຮ່ວມມື", "与友好省份的工作会谈"),
    "hoạt động tuần tra chung": ("ການລາດຕະເວນຮ່ວມກັນ", "联合巡逻"),
    "chương trình khám bệnh miễn phí": ("ໂຄງການກວດພະຍາດບໍ່ເສຍຄ່າ", "义诊活动"),
    "quy chế phối hợp quản lý biên giới": (
        "ລະບຽບການປະສານງານຄຸ້ມຄອງຊາຍແດນ",
        "边境管理协调规定",
    ),
    "lễ hội cồng chiêng": ("ບຸນຄ້ອງ", "锣钲节"),
    "lễ mừng lúa mới": ("ບຸນສະຫຼອງເຂົ້າໃໝ່", "新米节"),
    "nghề dệt thổ cẩm truyền thống": ("ຫັດຖະກຳຕໍ່າແຜ່ນແພພື້ນເມືອງ", "传统织锦手艺"),
    "các điệu múa xoang": ("ບັນດາການຟ້ອນພື້ນເມືອງ", "传统舞蹈"),
    "không gian văn hóa nhà rông": ("ວັດທະນະທຳເຮືອນຊຸມຊົນ", "高脚公共屋文化"),
    "các bài dân ca Jrai": ("ບັນດາເພງພື້ນເມືອງ Jrai", "嘉莱族民歌"),
    "ẩm thực truyền thống": ("ອາຫານພື້ນເມືອງ", "传统美食"),
    "di sản văn hóa phi vật thể": ("ມໍລະດົກວັດທະນະທຳທີ່ບໍ່ແມ່ນວັດຖຸ", "非物质文化遗产"),
    "tuyến du lịch sinh thái": ("ເສັ້ນທາງທ່ອງທ່ຽວທຳມະຊາດ", "生态旅游线路"),
    "chuyến tham quan Thác 50": ("ການທ່ຽວຊົມນ້ຳຕົກ Thác 50", "Thác 50瀑布之旅"),
    "điểm ngắm hoa dã quỳ trên Chư Đăng Ya": (
        "ຈຸດຊົມດອກທານຕະວັນປ່າເທິງພູ Chư Đăng Ya",
        "Chư Đăng Ya山上的野葵花观赏点",
    ),
    "dịch vụ homestay": ("ການບໍລິການພັກເຊົາກັບຄົນທ້ອງຖິ່ນ", "民宿服务"),
    "các điểm đến quanh Biển Hồ": ("ບັນດາຈຸດທ່ອງທ່ຽວອ້ອມທະເລສາບ Biển Hồ", "Biển Hồ湖周边景点"),
    "mùa cà phê nở hoa": ("ລະດູດອກກາເຟບານ", "咖啡花开的季节"),
    "tour trải nghiệm buôn làng": ("ການທ່ອງທ່ຽວສຳຜັດຊີວິດໃນບ້ານ", "村寨体验游"),
    "bãi biển Quy Nhơn": ("ຫາດຊາຍ Quy Nhơn", "归仁海滩"),
    "dự án điện gió": ("ໂຄງການໄຟຟ້າພະລັງງານລົມ", "风电项目"),
    "dự án điện mặt trời": ("ໂຄງການໄຟຟ້າພະລັງງານແສງຕາເວັນ", "太阳能发电项目"),
    "chuỗi chế biến cà phê": ("ລະບົບປຸງແຕ່ງກາເຟ", "咖啡加工链"),
    "khu công nghiệp mới": ("ເຂດອຸດສາຫະກຳໃໝ່", "新工业园区"),
    "cơ hội đầu tư nông nghiệp công nghệ cao": (
        "ໂອກາດລົງທຶນດ້ານກະສິກຳເຕັກໂນໂລຊີສູງ",
        "高科技农业投资机会",
    ),
    "hạ tầng giao thông": ("ພື້ນຖານໂຄງລ່າງດ້ານຄົມມະນາຄົມ", "交通基础设施"),
    "thủ tục đầu tư": ("ຂັ້ນຕອນການລົງທຶນ", "投资手续"),
    "xuất khẩu hồ tiêu": ("ການສົ່ງອອກພິກໄທ", "胡椒出口"),
    # places
    "tại Pleiku": ("ທີ່ນະຄອນ Pleiku", "在波来古"),
    "ở Kbang": ("ທີ່ເມືອງ Kbang", "在Kbang县"),
    "quanh Biển Hồ": ("ອ້ອມທະເລສາບ Biển Hồ", "在Biển Hồ湖周边"),
    "gần cửa khẩu Lệ Thanh": ("ໃກ້ດ່ານຊາຍແດນ Lệ Thanh", "在Lệ Thanh口岸附近"),
    "dưới chân núi Chư Đăng Ya": ("ຢູ່ຕີນພູ Chư Đăng Ya", "在Chư Đăng Ya山脚下"),
    "bên Thác 50": ("ຂ້າງນ້ຳຕົກ Thác 50", "在Thác 50瀑布旁"),
    "tại Đắk Lắk": ("ທີ່ແຂວງ Đắk Lắk", "在多乐省"),
    "ở An Khê": ("ທີ່ເມືອງ An Khê", "在安溪"),
    "tại Quy Nhơn": ("ທີ່ນະຄອນ Quy Nhơn", "在归仁"),
    "ở các xã biên giới": ("ຢູ່ບັນດາຕາແສງຊາຍແດນ", "在各边境乡"),
    "tại tỉnh Ratanakiri": ("ທີ່ແຂວງ Ratanakiri", "在腊塔纳基里省"),
    # times
    "trong tháng này": ("ໃນເດືອນນີ້", "本月"),
    "từ đầu năm": ("ນັບແຕ່ຕົ້ນປີ", "今年以来"),
    "vào mùa khô": ("ໃນລະດູແລ້ງ", "在旱季"),
    "trong mùa mưa": ("ໃນລະດູຝົນ", "在雨季"),
    "vào cuối tuần": ("ໃນທ້າຍອາທິດ", "在周末"),
    "trong năm qua": ("ໃນປີຜ່ານມາ", "过去一年"),
    "trong những ngày gần đây": ("ໃນມື້ທີ່ຜ່ານມາ", "近日"),
    "sáng nay": ("ໃນຕອນເຊົ້າມື້ນີ້", "今天上午"),
    # purposes
    "nhằm thu hút thêm du khách": ("ເພື່ອດຶງດູດນັກທ່ອງທ່ຽວໃຫ້ຫຼາຍຂຶ້ນ", "以吸引更多游客"),
    "để quảng bá hình ảnh Gia Lai": ("ເພື່ອໂຄສະນາພາບລັກຂອງແຂວງຢາລາຍ", "以宣传嘉莱的形象"),
    "góp phần nâng cao đời sống người dân": (
        "ເພື່ອປະກອບສ່ວນຍົກລະດັບຊີວິດການເປັນຢູ່ຂອງປະຊາຊົນ",
        "为提高人民生活水平作出贡献",
    ),
    "nhằm tăng cường tình hữu nghị với Campuchia": (
        "ເພື່ອເສີມຂະຫຍາຍມິດຕະພາບກັບກຳປູເຈຍ",
        "以加强与柬埔寨的友谊",
    ),
    "để gìn giữ bản sắc văn hóa": ("ເພື່ອປົກປັກຮັກສາເອກະລັກທາງວັດທະນະທຳ", "以保护文化特色"),
    "nhằm tạo thêm việc làm cho thanh niên": (
        "ເພື່ອສ້າງວຽກເຮັດງານທຳໃຫ້ຊາວໜຸ່ມ",
        "为青年创造更多就业机会",
    ),
    "nhằm thu hút nhà đầu tư nước ngoài": ("ເພື່ອດຶງດູດນັກລົງທຶນຕ່າງປະເທດ", "以吸引外国投资者"),
    "để phát triển kinh tế bền vững": ("ເພື່ອພັດທະນາເສດຖະກິດແບບຍືນຍົງ", "以实现经济可持续发展"),
    # sources
    "Sở Ngoại vụ": ("ພະແນກການຕ່າງປະເທດ", "外事厅"),
    "báo cáo của tỉnh": ("ບົດລາຍງານຂອງແຂວງ", "省里的报告"),
    "ban tổ chức": ("ຄະນະກຳມະການຈັດງານ", "主办方"),
    "lãnh đạo địa phương": ("ການນຳທ້ອງຖິ່ນ", "地方领导"),
    # statements
    "Đây là hoạt động được nhiều người dân mong đợi": (
        "ນີ້ແມ່ນກິດຈະກຳທີ່ປະຊາຊົນຈຳນວນຫຼາຍລໍຖ້າ",
        "这是许多居民期待已久的活动",
    ),
    "Kết quả bước đầu cho thấy nhiều tín hiệu tích cực": (
        "ຜົນໄດ້ຮັບເບື້ອງຕົ້ນສະແດງໃຫ້ເຫັນສັນຍານທີ່ດີຫຼາຍຢ່າງ",
        "初步结果显示出许多积极信号",
    ),
    "Hai bên thống nhất sẽ gặp lại vào năm sau": (
        "ສອງຝ່າຍຕົກລົງກັນວ່າຈະພົບກັນອີກໃນປີໜ້າ",
        "双方商定明年再次会面",
    ),
    "Người dân địa phương đón nhận chương trình với nhiều hào hứng": (
        "ປະຊາຊົນທ້ອງຖິ່ນຕ້ອນຮັບໂຄງການນີ້ດ້ວຍຄວາມຍິນດີ",
        "当地居民热情欢迎这项活动",
    ),
    "Thời tiết mùa khô rất thuận lợi cho các hoạt động ngoài trời": (
        "ອາກາດໃນລະດູແລ້ງເໝາະສົມກັບກິດຈະກຳກາງແຈ້ງ",
        "旱季的天气非常适合户外活动",
    ),
    "Nhiều ý kiến cho rằng cần có thêm đầu tư cho hạ tầng": (
        "ຫຼາຍຄຳເຫັນເຫັນວ່າຕ້ອງມີການລົງທຶນໃສ່ພື້ນຖານໂຄງລ່າງຕື່ມ",
        "许多人认为需要加大基础设施投资",
    ),
    "Gia Lai nằm ở phía bắc Tây Nguyên": (
        "ແຂວງຢາລາຍຕັ້ງຢູ່ພາກເໜືອຂອງເຂດທີ່ລາບສູງພາກກາງ",
        "嘉莱省位于西原地区北部",
    ),
    "Cồng chiêng Tây Nguyên được UNESCO công nhận năm 2005": (
        "ວັດທະນະທຳຄ້ອງຂອງເຂດທີ່ລາບສູງພາກກາງໄດ້ຮັບການຮັບຮອງຈາກ UNESCO ໃນປີ 2005",
        "西原锣钲文化于2005年被联合国教科文组织认定",
    ),
    "Cà phê là cây trồng chủ lực của tỉnh": ("ກາເຟແມ່ນພືດຫຼັກຂອງແຂວງ", "咖啡是本省的主要作物"),
    "Nhiều gia đình đã có thêm thu nhập từ du lịch": (
        "ຫຼາຍຄອບຄົວມີລາຍໄດ້ເພີ່ມຂຶ້ນຈາກການທ່ອງທ່ຽວ",
        "许多家庭从旅游业中增加了收入",
    ),
    "Con đường mới giúp việc đi lại dễ dàng hơn": (
        "ຖະໜົນເສັ້ນໃໝ່ເຮັດໃຫ້ການເດີນທາງສະດວກຂຶ້ນ",
        "新修的道路让出行更加便利",
    ),
    "Chương trình sẽ được tổ chức định kỳ hằng năm": (
        "ໂຄງການນີ້ຈະຖືກຈັດຂຶ້ນເປັນປະຈຳທຸກປີ",
        "该活动将每年定期举办",
    ),
    "Tình hữu nghị giữa hai nước ngày càng bền chặt": (
        "ມິດຕະພາບລະຫວ່າງສອງປະເທດນັບມື້ນັບແໜ້ນແຟ້ນ",
        "两国之间的友谊日益牢固",
    ),
    "Hai bên cũng trao đổi kinh nghiệm quản lý biên giới": (
        "ສອງຝ່າຍຍັງໄດ້ແລກປ່ຽນບົດຮຽນໃນການຄຸ້ມຄອງຊາຍແດນ",
        "双方还交流了边境管理经验",
    ),
    "Mỗi chiếc chiêng trong dàn chỉ cho một âm": (
        "ຄ້ອງແຕ່ລະໜ່ວຍໃນຊຸດມີສຽງດຽວ",
        "一套锣钲中的每面锣只发一个音",
    ),
    "Các nghệ nhân lớn tuổi vẫn say sưa truyền nghề cho con cháu": (
        "ບັນດານັກສິລະປິນອາວຸໂສຍັງຖ່າຍທອດສິລະປະໃຫ້ລູກຫຼານດ້ວຍຄວາມມັກ",
        "年长的艺人仍热心地向子孙传授技艺",
    ),
    "Mùa đẹp nhất để ghé thăm là từ tháng mười một đến tháng tư": (
        "ລະດູທີ່ງາມທີ່ສຸດສຳລັບການທ່ຽວຊົມແມ່ນແຕ່ເດືອນພະຈິກຫາເດືອນເມສາ",
        "最佳游览时间是十一月至次年四月",
    ),
    "Du khách nên mang theo giày leo núi và áo mưa": (
        "ນັກທ່ອງທ່ຽວຄວນນຳເກີບປີນພູ ແລະ ເສື້ອກັນຝົນໄປນຳ",
        "游客应带上登山鞋和雨衣",
    ),
    "Tỉnh cam kết hỗ trợ nhà đầu tư trong suốt quá trình thực hiện dự án": (
        "ແຂວງໃຫ້ຄຳໝັ້ນວ່າຈະສະໜັບສະໜູນນັກລົງທຶນຕະຫຼອດການຈັດຕັ້ງປະຕິບັດໂຄງການ",
        "本省承诺在项目实施全过程中为投资者提供支持",
    ),
    "Nguồn nắng và gió dồi dào là lợi thế lớn của vùng": (
        "ແສງແດດ ແລະ ລົມທີ່ອຸດົມສົມບູນແມ່ນຄວາມໄດ້ປຽບອັນໃຫຍ່ຂອງເຂດນີ້",
        "充足的阳光和风力是该地区的一大优势",
    ),
    # title tails
    "điểm hẹn của du khách": ("ຈຸດນັດພົບຂອງນັກທ່ອງທ່ຽວ", "游客向往之地"),
    "cơ hội mới cho Gia Lai": ("ໂອກາດໃໝ່ສຳລັບແຂວງຢາລາຍ", "嘉莱的新机遇"),
    "nhìn từ cơ sở": ("ເບິ່ງຈາກຮາກຖານ", "来自基层的观察"),
    "những bước tiến mới": ("ກ້າວໃໝ່", "新的进展"),
    "câu chuyện từ đại ngàn": ("ເລື່ອງລາວຈາກປ່າໃຫຍ່", "来自大森林的故事"),
    # headings
    "Triển vọng": ("ທ່າອ່ຽງ", "前景"),
    "Ý kiến người dân": ("ຄຳເຫັນຂອງປະຊາຊົນ", "居民的意见"),
    "Kết quả nổi bật": ("ຜົນງານເດັ່ນ", "主要成果"),
    "Tăng cường hợp tác": ("ເສີມຂະຫຍາຍການຮ່ວມມື", "加强合作"),
    "Hướng tới năm mới": ("ມຸ່ງໄປສູ່ປີໃໝ່", "展望新的一年"),
    "Vì một đường biên hòa bình": ("ເພື່ອຊາຍແດນແຫ່ງສັນຕິພາບ", "为了和平的边界"),
    "Những con số đáng chú ý": ("ຕົວເລກທີ່ໜ້າສົນໃຈ", "值得关注的数字"),
    "Tiếng chiêng giữa đại ngàn": ("ສຽງຄ້ອງກາງປ່າໃຫຍ່", "大森林中的锣钲声"),
    "Gìn giữ bản sắc": ("ປົກປັກຮັກສາເອກະລັກ", "保护文化特色"),
    "Truyền dạy cho thế hệ trẻ": ("ຖ່າຍທອດໃຫ້ຄົນລຸ້ນໃໝ່", "传授给年轻一代"),
    "Lễ hội của buôn làng": ("ບຸນຂອງບ້ານ", "村寨的节日"),
    "Sắc màu thổ cẩm": ("ສີສັນຂອງແຜ່ນແພ", "织锦的色彩"),
    "Điểm đến mùa khô": ("ຈຸດທ່ອງທ່ຽວລະດູແລ້ງ", "旱季的目的地"),
    "Hành trình khám phá": ("ການເດີນທາງສຳຫຼວດ", "探索之旅"),
    "Kinh nghiệm cho du khách": ("ຄຳແນະນຳສຳລັບນັກທ່ອງທ່ຽວ", "游客须知"),
    "Ẩm thực địa phương": ("ອາຫານທ້ອງຖິ່ນ", "当地美食"),
    "Thiên nhiên hùng vĩ": ("ທຳມະຊາດອັນຍິ່ງໃຫຍ່", "壮丽的自然风光"),
    "Cơ hội cho nhà đầu tư": ("ໂອກາດສຳລັບນັກລົງທຶນ", "投资者的机遇"),
    "Hạ tầng đồng bộ": ("ພື້ນຖານໂຄງລ່າງທີ່ຄົບຖ້ວນ", "配套的基础设施"),
    "Cải cách thủ tục": ("ການປະຕິຮູບຂັ້ນຕອນ", "手续改革"),
    "Năng lượng tái tạo": ("ພະລັງງານທົດແທນ", "可再生能源"),
    "Nông nghiệp công nghệ cao": ("ກະສິກຳເຕັກໂນໂລຊີສູງ", "高科技农业"),
    # tags
    "đối ngoại": ("ການຕ່າງປະເທດ", "对外事务"),
    "hữu nghị": ("ມິດຕະພາບ", "友谊"),
    "biên giới": ("ຊາຍແດນ", "边境"),
    "Campuchia": ("ກຳປູເຈຍ", "柬埔寨"),
    "Lệ Thanh": ("Lệ Thanh", "Lệ Thanh"),
    "hợp tác quốc tế": ("ການຮ່ວມມືສາກົນ", "国际合作"),
    "cồng chiêng": ("ຄ້ອງ", "锣钲"),
    "di sản": ("ມໍລະດົກ", "遗产"),
    "lễ hội": ("ບຸນປະເພນີ", "节庆"),
    "thổ cẩm": ("ແຜ່ນແພ", "织锦"),
    "Jrai": ("Jrai", "嘉莱族"),
    "âm nhạc": ("ດົນຕີ", "音乐"),
    "Kbang": ("Kbang", "Kbang"),
    "thác nước": ("ນ້ຳຕົກ", "瀑布"),
    "Biển Hồ": ("Biển Hồ", "Biển Hồ湖"),
    "Chư Đăng Ya": ("Chư Đăng Ya", "Chư Đăng Ya"),
    "du lịch sinh thái": ("ການທ່ອງທ່ຽວທຳມະຊາດ", "生态旅游"),
    "Pleiku": ("Pleiku", "波来古"),
    "đầu tư": ("ການລົງທຶນ", "投资"),
    "cà phê": ("ກາເຟ", "咖啡"),
    "năng lượng": ("ພະລັງງານ", "能源"),
    "nông nghiệp": ("ກະສິກຳ", "农业"),
    "hạ tầng": ("ພື້ນຖານໂຄງລ່າງ", "基础设施"),
    "xuất khẩu": ("ການສົ່ງອອກ", "出口"),
    # photo descriptions, list introductions
    "Ảnh minh họa: đồi núi xanh dưới bầu trời buổi sáng": (
        "ຮູບປະກອບ: ພູສີຂຽວພາຍໃຕ້ທ້ອງຟ້າຕອນເຊົ້າ",
        "示意图：早晨天空下的青山",
    ),
    "Ảnh minh họa: mặt trời lặn sau dãy núi": (
        "ຮູບປະກອບ: ຕາເວັນຕົກຢູ່ຫຼັງທິວພູ",
        "示意图：夕阳落在群山之后",
    ),
    "Ảnh minh họa: mặt hồ phẳng lặng giữa rừng": (
        "ຮູບປະກອບ: ທະເລສາບທີ່ສະຫງົບກາງປ່າ",
        "示意图：森林中平静的湖面",
    ),
    "Ảnh minh họa: nương cà phê trên đồi đất đỏ": (
        "ຮູບປະກອບ: ສວນກາເຟເທິງເນີນດິນແດງ",
        "示意图：红土山坡上的咖啡园",
    ),
    "Một số nội dung chính gồm:": ("ເນື້ອໃນຫຼັກປະກອບມີ:", "主要内容包括："),
    "Chương trình năm nay có:": ("ໂຄງການປີນີ້ມີ:", "今年的活动包括："),
}

# corpus.SENTENCES, corpus.TITLES and corpus.ITEM in Lao and Chinese: (lao, chinese).
TEMPLATES: list[tuple[str, str]] = [
    ("{time} {agent}ໄດ້{act}{obj} {place}", "{time}，{agent}{place}{act}{obj}"),
    ("{agent}{act}{obj} {place} {purpose}", "{agent}{place}{act}{obj}，{purpose}"),
    ("ອີງຕາມ{source} {agent}ໄດ້{act}{obj} {time}", "据{source}介绍，{agent}{time}{act}{obj}"),
    ("{statement}", "{statement}"),
    ("{place} {agent}ໄດ້{act}{obj}", "{place}，{agent}{act}{obj}"),
    (
        "{agent}ກ່າວວ່າ ຈະສືບຕໍ່{act}{obj} {purpose}",
        "{agent}表示，将继续{act}{obj}，{purpose}",
    ),
    ("ນອກຈາກນັ້ນ {agent}ຍັງໄດ້{act}{obj}", "此外，{agent}还{act}了{obj}"),
    # titles
    ("{agent}{act}{obj} {place}", "{agent}{place}{act}{obj}"),
    ("{obj} {place}: {tail}", "{place}的{obj}：{tail}"),
    # item
    ("{obj} {place}", "{place}的{obj}"),
]

LINK_SENTENCES = {
    "lo": "ອ່ານເພີ່ມເຕີມໃນບົດຄວາມ [{title}]({href}).",
    "zh": "更多内容请阅读[{title}]({href})。",
}
HOME_PAGES = {
    "lo": (
        "ຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດ ແຂວງຢາລາຍ",
        "ຂ່າວສານ ວັດທະນະທຳ ການທ່ອງທ່ຽວ ແລະ ໂອກາດການລົງທຶນຂອງແຂວງຢາລາຍ.",
        "ຍິນດີຕ້ອນຮັບສູ່ເວັບໄຊຂໍ້ມູນຂ່າວສານການຕ່າງປະເທດຂອງແຂວງຢາລາຍ.",
    ),
    "zh": (
        "嘉莱省对外信息",
        "嘉莱省的新闻、文化、旅游和投资机会。",
        "欢迎访问嘉莱省对外信息网站。",
    ),
}
# How a sentence ends, and what stands between two sentences of a paragraph.
FULL_STOPS = {"lo": ".", "zh": "。"}
SENTENCE_GAPS = {"zh": ""}
# Lao puts a space between a name in Latin letters and the Lao word after or before it.
LATIN_SPACED = {"lo": re.compile(r"(?<=[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff])(?=[\u0e80-\u0eff])")}
