#!/usr/bin/env python3
"""git merge driver for the resource files: merges by key, not by line.

Register once per clone:  git config merge.resx.driver "python3 scripts/merge-resx.py %O %A %B"
(.gitattributes assigns it to *.resx). Exits 1 (conflict) only when both sides changed one key differently.
"""
import importlib.util
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

spec = importlib.util.spec_from_file_location("strings", Path(__file__).with_name("strings.py"))
strings = importlib.util.module_from_spec(spec)
spec.loader.exec_module(strings)


def read(path):
    try:
        return {d.get("name"): d.findtext("value") or "" for d in ET.parse(path).getroot().findall("data")}
    except FileNotFoundError:
        return {}
    except ET.ParseError as error:
        # A broken side must not read as "every key deleted": stop and let a person look.
        print(f"resx merge: cannot parse {path}: {error}", file=sys.stderr)
        sys.exit(2)


base, ours, theirs = (read(p) for p in sys.argv[1:4])
result, conflicts = dict(ours), []
for key in set(base) | set(theirs):
    b, o, t = base.get(key), ours.get(key), theirs.get(key)
    if t == b or t == o:
        continue
    if o == b:
        if t is None:
            result.pop(key, None)
        else:
            result[key] = t
    else:
        conflicts.append(key)
strings.save(Path(sys.argv[2]), result)
if conflicts:
    print("resx conflicts on: " + ", ".join(sorted(conflicts)), file=sys.stderr)
sys.exit(1 if conflicts else 0)
