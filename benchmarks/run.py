"""Run the benchmarks and write their results into benchmarks/README.md.

Each `benchmarks/bench_<name>.py` has `run(args) -> str`, returning a Markdown section.
The section replaces the text between `<!-- bench:<name> -->` and `<!-- /bench:<name> -->`
in the README, so one benchmark can be rerun without touching the others' results:

    make bench                          # all
    make bench BENCH_ARGS="navigator"   # one
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import re
import sys
from importlib import import_module
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE / "README.md"


def available() -> list[str]:
    return sorted(path.stem.removeprefix("bench_") for path in HERE.glob("bench_*.py"))


def machine() -> str:
    cpu = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kb = int(meminfo.read_text().split()[1])
        memory = f", {total_kb / 1024 / 1024:.0f} GiB RAM"
    return (
        f"{platform.node() or 'machine'}: {os.cpu_count()} cores ({cpu}){memory}, "
        f"{platform.system()} {platform.release()}, Python {platform.python_version()}"
    )


def write_section(name: str, body: str) -> None:
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    stamp = datetime.date.today().isoformat()
    block = (
        f"<!-- bench:{name} -->\n{body.strip()}\n\n"
        f"_Measured on {stamp}, {machine()}._\n<!-- /bench:{name} -->"
    )
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S
    )
    if pattern.search(text):
        text = pattern.sub(lambda _match: block, text)
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("names", nargs="*", help=f"benchmarks to run (default all: {available()})")
    parser.add_argument("--quick", action="store_true", help="smaller sizes, for a smoke run")
    args = parser.parse_args(argv)
    names = args.names or available()
    unknown = set(names) - set(available())
    if unknown:
        parser.error(f"unknown benchmark(s): {', '.join(sorted(unknown))}")

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "werkwijzer.settings.bench")
    import django

    django.setup()
    for name in names:
        print(f"== {name}", flush=True)
        module = import_module(f"benchmarks.bench_{name}")
        body = module.run(args)
        write_section(name, body)
        print(body, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
