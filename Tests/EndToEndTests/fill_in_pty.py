#!/usr/bin/env python3
"""Drives `maturity fill` in a pseudo-terminal as a person would: answers some questions, kills
the process with SIGKILL, runs it again in a 60-column terminal to resume (text wrapped at word
boundaries), leaves a comment on a question it does not answer and stops with Ctrl-C (the goodbye
line says what is saved), resumes again (the note is there), reviews every priority, keeps an
answer with Enter, finishes, and compares the response file with the expected one.
Usage: fill_in_pty.py BINARY EXPECTED_FILE. Exit 0 when everything matches."""
import os, re, signal, sys, tempfile, time
import pexpect

binary, expected = sys.argv[1], sys.argv[2]
folder = tempfile.mkdtemp()
output = os.path.join(folder, "villa.response.yaml")
command = [
    "fill", "Tests/Fixtures/questionnaires/test-assessment", "--output", output, "--date", "2025-10-15",
    "--authority-id", "ES-TEST-1", "--authority-name", "Villa de Prueba", "--country", "ES", "--population", "4000",
    "--type", "municipality",
]
env = dict(os.environ, LANG="C.UTF-8", TERM="xterm")
env.pop("MATURITY_LANG", None)


def step(child, expect, send):
    child.expect(expect, timeout=20)
    child.sendline(send)


child = pexpect.spawn(binary, command, env=env, encoding="utf-8", dimensions=(40, 160))
step(child, "strategy: Is there a data strategy", "c Approved by the council in spring?")
step(child, "Comment saved", "u")
step(child, "Marked as unsure", "?")
step(child, "A written plan", "2")
step(child, "paper-forms:", "n")
step(child, "owner:", "unknown")
step(child, "practices:", "1, 2,3")
child.expect("datasets:", timeout=20)
# The terminal is gone without warning: everything answered so far must be on disk.
os.kill(child.pid, signal.SIGKILL)
child.close(force=True)
saved = open(output, encoding="utf-8").read()
for fragment in ['strategy:\n    value: "draft"\n    unsure: true', 'paper-forms: "no"', 'owner: "unknown"', "practices: [\"catalogue\", \"quality\", \"training\"]"]:
    if fragment not in saved:
        sys.exit(f"after the kill, the file lacks {fragment!r}:\n{saved}")

ESCAPES = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def check_width(text, width=60):
    """Every line the program printed fits the terminal, and no word was cut to fit."""
    for line in ESCAPES.sub("", text).replace("\r", "").split("\n"):
        if len(line) > width:
            sys.exit(f"a line is wider than {width} columns: {line!r}")


child = pexpect.spawn(binary, command, env=env, encoding="utf-8", dimensions=(40, 60))
child.expect("Continuing", timeout=20)
step(child, "datasets:", "12")
check_width(child.before)
step(child, "notes:", "We share data with the province.")
step(child, "uses-ai:", "y")
step(child, "ai-share:", "e https://example.org/ai-report")
step(child, "Evidence saved", "40")
# A note on a question not answered: kept, even when the person stops with Ctrl-C.
step(child, "staff:", "c Counted in January")
child.expect("Comment saved", timeout=20)
child.expect("> ", timeout=20)
child.sendintr()
child.expect(r"Stopped\. 8 answers and 1 notes without an answer are saved in", timeout=20)
child.expect("To continue, run: maturity fill", timeout=20)
child.expect(pexpect.EOF, timeout=20)
saved = open(output, encoding="utf-8").read()
if '  staff:\n    comment: "Counted in January"\n' not in saved:
    sys.exit(f"after Ctrl-C, the file lacks the note without an answer:\n{saved}")

child = pexpect.spawn(binary, command, env=env, encoding="utf-8", dimensions=(40, 60))
child.expect("Continuing", timeout=20)
child.expect("staff:", timeout=20)
child.expect("no answer yet", timeout=20)
step(child, "comment: Counted in January", "")
step(child, "Type an answer", "r")
for heading in ["1. Governance", r"\(unsure\)", r"comment:\s+Approved", "2. Data and AI"]:
    child.expect(heading, timeout=20)
check_width(child.before)
step(child, "> ", "b")
# Enter keeps the answer already given and moves on to the question still open.
step(child, "current answer: 40", "")
step(child, "staff:", "2")
step(child, "ai-register:", "na")
child.expect("All questions that apply are answered", timeout=20)
child.expect("59.4", timeout=20)
child.expect(pexpect.EOF, timeout=20)
got = open(output, encoding="utf-8").read()
want = open(expected, encoding="utf-8").read()
if got != want:
    sys.exit(f"the response differs from {expected}:\n{got}")
print("fill in a pseudo-terminal: 1 passed, 0 failed")
