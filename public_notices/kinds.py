"""The notice kinds (import keys) and their Chinese names and default subject categories."""
RECRUITMENT, PUBLICITY, APPOINTMENT, DISMISSAL = "recruitment", "publicity", "appointment", "dismissal"
TYPICAL_CASE, ANNUAL_REPORT, NOTIFICATION, REGULATION = "typical_case", "annual_report", "notification", "regulation"
COMMENDATION = "commendation"  # 通报表彰 of supervisors (001 第十七条; 002 第四条第（六）项 激励)

KIND_CHOICES = [
    (RECRUITMENT, "选聘公告"),
    (PUBLICITY, "拟聘人员公示"),
    (APPOINTMENT, "聘任公告"),
    (DISMISSAL, "解聘公告"),
    (TYPICAL_CASE, "典型案例"),
    (ANNUAL_REPORT, "行政执法统计年报"),
    (NOTIFICATION, "行政执法监督情况通报"),
    (REGULATION, "规范性文件/制度"),
    (COMMENDATION, "监督员表彰通报"),
]
KIND_LABELS = dict(KIND_CHOICES)

# 主题分类 as government portals file them; an editor may change it per notice.
DEFAULT_SUBJECT = {
    RECRUITMENT: "司法、公安、安全/行政执法监督/人事",
    PUBLICITY: "司法、公安、安全/行政执法监督/人事",
    APPOINTMENT: "司法、公安、安全/行政执法监督/人事",
    DISMISSAL: "司法、公安、安全/行政执法监督/人事",
    TYPICAL_CASE: "司法、公安、安全/行政执法监督",
    ANNUAL_REPORT: "综合政务/统计信息",
    NOTIFICATION: "司法、公安、安全/行政执法监督",
    REGULATION: "综合政务/规范性文件",
    COMMENDATION: "司法、公安、安全/行政执法监督/人事",
}

# URL slug of each kind's index page under a jurisdiction section (stable: links and the importer use them)
INDEX_SLUGS = {
    RECRUITMENT: "xuanpin", PUBLICITY: "gongshi", APPOINTMENT: "pinren", DISMISSAL: "jiepin",
    TYPICAL_CASE: "dianxing-anli", ANNUAL_REPORT: "tongji-nianbao", NOTIFICATION: "tongbao",
    REGULATION: "zhidu", COMMENDATION: "biaozhang",
}
INDEX_TITLES = {
    RECRUITMENT: "监督员选聘公告", PUBLICITY: "拟聘人员公示", APPOINTMENT: "聘任公告", DISMISSAL: "解聘公告",
    TYPICAL_CASE: "典型案例", ANNUAL_REPORT: "行政执法统计年报", NOTIFICATION: "行政执法监督情况通报",
    REGULATION: "规范性文件与制度", COMMENDATION: "监督员表彰通报",
}
