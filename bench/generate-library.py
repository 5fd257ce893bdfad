#!/usr/bin/env python3
"""Makes a large content folder from the bundled one, to measure how the site scales.

    python3 bench/generate-library.py OUT TIMES [--content content]

OUT receives a copy of the content in which every exercise appears TIMES times: the
original, and TIMES - 1 copies named `<slug>-2`, `<slug>-3`, ... Each copy's easier,
harder and substitute exercises point at the copies of the same number, so every
reference stays valid and each copy forms the same little web as the original. Names
gain "(set N)" so lists stay readable. Articles, muscles, equipment and programmes are
copied once: the library is what grows. The result passes `runstrong check`.
"""

import argparse
import re
import shutil
import sys
from pathlib import Path


def slugs(folder: Path) -> set:
    return {p.stem for p in folder.glob("*.md")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("times", type=int)
    parser.add_argument("--content", type=Path, default=Path("content"))
    args = parser.parse_args()
    if args.times < 1:
        parser.error("TIMES must be 1 or more")
    if args.out.exists():
        shutil.rmtree(args.out)
    shutil.copytree(args.content, args.out)

    exercises = slugs(args.content / "exercises")
    others = set()
    for section in ("articles", "muscles", "equipment", "programs"):
        others |= slugs(args.content / section)
    clash = exercises & others
    if clash:
        # A quoted slug is rewritten wherever it appears, so it must name one thing.
        print(f"exercise slugs also used elsewhere: {sorted(clash)}", file=sys.stderr)
        return 1

    # Longest first, so `single-leg-squat` is rewritten before `squat`.
    quoted = re.compile(
        '"(' + "|".join(re.escape(s) for s in sorted(exercises, key=len, reverse=True)) + ')"'
    )
    name = re.compile(r'^name = "(.*)"$', re.MULTILINE)
    made = 0
    for source in sorted((args.content / "exercises").glob("*.md")):
        text = source.read_text(encoding="utf-8")
        front, fence, body = text.partition("\n+++\n")
        for n in range(2, args.times + 1):
            copy = quoted.sub(lambda m: f'"{m.group(1)}-{n}"', front)
            copy = name.sub(lambda m: f'name = "{m.group(1)} (set {n})"', copy, count=1)
            target = args.out / "exercises" / f"{source.stem}-{n}.md"
            target.write_text(copy + fence + body, encoding="utf-8")
            made += 1
    total = len(exercises) + made
    print(f"{total} exercises ({len(exercises)} x {args.times}) in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
