#!/usr/bin/env python3
"""Third-party licences of what Milepost ships, and a check that each allows shipping it.

Reads the Rust crates the app and the CLI are built from (`cargo metadata`: normal
dependencies only, on Linux; build tools and test-only crates are not shipped), the npm
packages bundled into the UI (`npm ls --omit=dev`), and the fonts Milepost embeds. Each
package's licence must be satisfiable from ALLOWED (an SPDX expression: one choice of an
OR, every part of an AND). The licence texts are gathered from each package's own files,
grouped where they are the same text.

  scripts/licences.py --check                   fail (exit 1) on a licence that forbids shipping
  scripts/licences.py --json F --text F        write the list for the About dialog and the package
"""

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Licences that allow shipping Milepost (an MIT-licensed desktop app) with the package.
# MPL-2.0 and the OFL are file-level or font-level copyleft: shipping unmodified is fine.
ALLOWED = {
    "MIT", "MIT-0", "Apache-2.0", "Apache-2.0 WITH LLVM-exception", "BSD-2-Clause",
    "BSD-3-Clause", "ISC", "Zlib", "0BSD", "BSL-1.0", "CC0-1.0", "Unlicense",
    "Unicode-3.0", "Unicode-DFS-2016", "MPL-2.0", "OFL-1.1", "CDLA-Permissive-2.0",
    "bzip2-1.0.6", "NCSA",
}

# Packages whose metadata names no SPDX licence, with what their licence file says.
KNOWN = {
    "ring": "Apache-2.0 AND ISC",
}

LICENCE_FILE = re.compile(r"^(LICEN[CS]E|COPYING|NOTICE|UNLICENSE|OFL)([-._].*)?$", re.I)


def allowed(expr: str) -> bool:
    """Whether an SPDX expression can be met with ALLOWED licences."""
    tokens = re.findall(r"\(|\)|[^\s()]+(?: WITH [^\s()]+)?", expr.replace("/", " OR "))

    def parse_or(i):
        ok, i = parse_and(i)
        while i < len(tokens) and tokens[i] == "OR":
            right, i = parse_and(i + 1)
            ok = ok or right
        return ok, i

    def parse_and(i):
        ok, i = parse_atom(i)
        while i < len(tokens) and tokens[i] == "AND":
            right, i = parse_atom(i + 1)
            ok = ok and right
        return ok, i

    def parse_atom(i):
        if tokens[i] == "(":
            ok, i = parse_or(i + 1)
            return ok, i + 1  # ")"
        return tokens[i].rstrip("+") in ALLOWED, i + 1

    if not tokens:
        return False
    try:
        ok, end = parse_or(0)
    except IndexError:  # an expression cut short: not a licence anyone can rely on
        return False
    return ok and end == len(tokens)


def crates():
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked",
         "--filter-platform", "x86_64-unknown-linux-gnu"],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    by_id = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    members = set(meta["workspace_members"])
    shipped, todo = set(), list(members)
    while todo:
        pid = todo.pop()
        if pid in shipped:
            continue
        shipped.add(pid)
        for dep in nodes[pid]["deps"]:
            if any(k["kind"] is None for k in dep["dep_kinds"]):
                todo.append(dep["pkg"])
    for pid in sorted(shipped - members, key=lambda i: (by_id[i]["name"], by_id[i]["version"])):
        p = by_id[pid]
        yield {
            "name": p["name"],
            "version": p["version"],
            "licence": p.get("license") or KNOWN.get(p["name"]) or "",
            "dir": Path(p["manifest_path"]).parent,
        }


def npm_packages():
    tree = json.loads(subprocess.run(
        ["npm", "ls", "--omit=dev", "--all", "--json", "--long"],
        cwd=ROOT / "ui", capture_output=True, text=True).stdout or "{}")
    seen = {}

    def walk(node):
        for name, dep in (node.get("dependencies") or {}).items():
            if not dep.get("version") or (name, dep["version"]) in seen:
                continue
            folder = Path(dep.get("path") or ROOT / "ui" / "node_modules" / name)
            lic = dep.get("license") or ""
            if isinstance(lic, dict):
                lic = lic.get("type", "")
            seen[(name, dep["version"])] = {
                "name": name, "version": dep["version"], "licence": lic, "dir": folder,
            }
            walk(dep)

    walk(tree)
    # Type declarations are only read by the compiler: nothing of them is shipped.
    return [p for k, p in sorted(seen.items()) if not k[0].startswith("@types/")]


def fonts():
    yield {
        "name": "Inter (font)", "version": "4", "licence": "OFL-1.1",
        "dir": ROOT / "crates/milepost/src/report/fonts",
    }


def texts(folder: Path):
    out = []
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return out
    for name in names:
        path = folder / name
        if LICENCE_FILE.match(name) and path.is_file():
            out.append(path.read_text(errors="replace").strip())
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--text")
    args = ap.parse_args()

    packages = [("crate", p) for p in crates()] + [("npm", p) for p in npm_packages()] + \
        [("font", p) for p in fonts()]
    bad = [(kind, p) for kind, p in packages if not p["licence"] or not allowed(p["licence"])]
    if args.check:
        # The rule itself, so a broken parser cannot wave everything through.
        assert allowed("MIT OR Apache-2.0") and allowed("(MIT OR Apache-2.0) AND Unicode-3.0")
        assert not allowed("GPL-3.0-only") and not allowed("MIT AND GPL-2.0-or-later")
        assert allowed("GPL-3.0-only OR MIT") and not allowed("AGPL-3.0") and not allowed("")
        counts = {}
        for kind, _ in packages:
            counts[kind] = counts.get(kind, 0) + 1
        print("licences: {} crates, {} npm packages, {} fonts; allowed: {}".format(
            counts.get("crate", 0), counts.get("npm", 0), counts.get("font", 0),
            len(packages) - len(bad)))
        for kind, p in bad:
            print(f"  {kind} {p['name']} {p['version']}: licence \"{p['licence'] or 'none given'}\""
                  " does not allow shipping Milepost (or is not known)", file=sys.stderr)
        if bad:
            return 1

    groups = {}
    for kind, p in packages:
        body = "\n\n".join(texts(p["dir"])) or f"(no licence file; the package says: {p['licence']})"
        key = hashlib.sha256(body.encode()).hexdigest()
        g = groups.setdefault(key, {"licence": p["licence"], "text": body, "packages": []})
        g["packages"].append(f"{p['name']} {p['version']}")
    ordered = sorted(groups.values(), key=lambda g: (g["licence"], g["packages"][0]))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps({
            "packages": sum(1 for kind, _ in packages if kind != "font"),
            "groups": ordered}, ensure_ascii=False))
    if args.text:
        Path(args.text).parent.mkdir(parents=True, exist_ok=True)
        with open(args.text, "w") as f:
            f.write("Milepost is MIT-licensed. It ships the following third-party software.\n")
            for g in ordered:
                f.write("\n" + "=" * 78 + "\n")
                f.write(", ".join(g["packages"]) + "\n")
                f.write(f"Licence: {g['licence']}\n\n{g['text']}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
