"""Writes tianhe-2023-projects.mht from tianhe-2023-projects.html the way a browser's "save as a single
file (MHTML)" lays it out: a multipart/related message whose first part is the page (quoted-printable,
with its Content-Location) and whose other parts are what the page uses (here a small style sheet).
Made with Python's email package, not by a browser (README.md). Run from this folder:

    python make_mht.py
"""

from email.charset import QP, Charset
from email.header import Header
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.policy import compat32
from pathlib import Path

HERE = Path(__file__).parent
URL = "https://www.example.gov.cn/gkmlpt/content/2023/post_0001.html"  # made up (example.gov.cn): the page's address

page = (HERE / "tianhe-2023-projects.html").read_text(encoding="utf-8")
message = MIMEMultipart("related", type="text/html", boundary="----MultipartBoundary--tianhe2023----")
message["From"] = "<Saved by Blink>"
message["Snapshot-Content-Location"] = URL
message["Subject"] = Header("项目支出绩效目标表", "utf-8")
message["Date"] = "Fri, 1 Dec 2023 09:30:00 +0800"
quoted = Charset("utf-8")
quoted.body_encoding = QP
html = MIMEText(page, "html", quoted)
html["Content-ID"] = "<frame-0001@mhtml.blink>"
html["Content-Location"] = URL
message.attach(html)
style = MIMEText("td { font-family: SimSun; }\n", "css", quoted)
style["Content-Location"] = "https://www.example.gov.cn/css/main.css"
message.attach(style)
(HERE / "tianhe-2023-projects.mht").write_bytes(message.as_bytes(policy=compat32.clone(linesep="\r\n")))
