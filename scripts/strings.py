#!/usr/bin/env python3
"""Adds or updates UI strings in both resource files at once, so zh-CN and en never drift apart.

usage: scripts/strings.py KEY "English text" "中文文本" [KEY en zh ...]
       scripts/strings.py --check      (every key present in both files)
"""
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent / "src/AfterSales.Web/Resources"
FILES = {"en": ROOT / "SharedResource.resx", "zh": ROOT / "SharedResource.zh-CN.resx"}

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype">
    <value>text/microsoft-resx</value>
  </resheader>
  <resheader name="version">
    <value>2.0</value>
  </resheader>
  <resheader name="reader">
    <value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
  <resheader name="writer">
    <value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value>
  </resheader>
"""


def load(path):
    if not path.exists():
        return {}
    return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().findall("data")}


def save(path, entries):
    body = "".join(
        f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve">\n    <value>{escape(v)}</value>\n  </data>\n'
        for k, v in sorted(entries.items())
    )
    path.write_text(HEADER + body + "</root>\n", encoding="utf-8")


def main(args):
    en, zh = load(FILES["en"]), load(FILES["zh"])
    if args == ["--check"]:
        missing = sorted(set(en) ^ set(zh))
        if missing:
            print("keys missing in one language:", ", ".join(missing))
            return 1
        return 0
    if len(args) % 3 != 0 or not args:
        print(__doc__)
        return 2
    for i in range(0, len(args), 3):
        key, e, z = args[i:i + 3]
        en[key], zh[key] = e, z
    save(FILES["en"], en)
    save(FILES["zh"], zh)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
