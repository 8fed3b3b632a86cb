"""Exit 0 when the only failures in a tox result file are pytest's "no tests collected".

pytest exits with status 5 when it collected no test at all.  .ci/run calls
this with the file written by ``tox run --result-json FILE``; it exits 0 if
every failed environment failed only because a pytest command returned 5,
and 1 otherwise (a real failure, or a file it cannot read).
"""

from __future__ import annotations

import json
import sys

NO_TESTS_COLLECTED = 5


def only_no_tests(report: dict[str, object]) -> bool:
    envs = report.get("testenvs")
    if not isinstance(envs, dict):
        return False
    failed = False
    for env in envs.values():
        result = env.get("result", {}) if isinstance(env, dict) else {}
        if result.get("success", True) or result.get("skipped", False):
            continue
        failed = True
        bad = [c for phase in ("setup", "test") for c in env.get(phase, []) if c.get("retcode", 0) != 0]
        if not bad:
            return False
        for cmd in bad:
            argv = " ".join(cmd.get("command", []))
            if cmd.get("retcode") != NO_TESTS_COLLECTED or "pytest" not in argv:
                return False
    return failed


def main(argv: list[str]) -> int:
    try:
        with open(argv[1], encoding="utf-8") as fh:
            report = json.load(fh)
    except (IndexError, OSError, ValueError):
        return 1
    return 0 if only_no_tests(report) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
