#!/usr/bin/env python3
"""Checks one rendered report: check-rendering.py PAGE PDF PNG NETLOG.

Fails (exit 1, with a reason) when the PDF is not a PDF, the PNG is blank (a single colour),
the net log shows a request to anything but the page itself, or the HTML refers to an external
resource to load (script, stylesheet, image, font, frame)."""
import json, re, struct, sys, zlib

page, pdf, png, netlog = sys.argv[1:5]
problems = []

with open(pdf, "rb") as f:
    head = f.read(5)
if head != b"%PDF-":
    problems.append("the PDF is not a PDF")

def png_colours(path):
    """The number of distinct pixel rows' colours in an 8-bit RGB(A) PNG (enough to tell blank)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, depth, colour = 8, b"", 0, 0, 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    channels = {2: 3, 6: 4}.get(colour)
    if depth != 8 or channels is None:
        return 2  # an unusual format: do not call it blank
    raw = zlib.decompress(idat)
    stride = width * channels
    previous = bytearray(stride)
    colours = set()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            upleft = previous[i - channels] if i >= channels else 0
            if kind == 1: line[i] = (line[i] + left) & 255
            elif kind == 2: line[i] = (line[i] + up) & 255
            elif kind == 3: line[i] = (line[i] + (left + up) // 2) & 255
            elif kind == 4:
                p = left + up - upleft
                pa, pb, pc = abs(p - left), abs(p - up), abs(p - upleft)
                line[i] = (line[i] + (left if pa <= pb and pa <= pc else up if pb <= pc else upleft)) & 255
        previous = line
        if row % 7 == 0:
            colours.update(bytes(line[i:i + 3]) for i in range(0, stride, channels * 5))
        if len(colours) > 16:
            break
    return len(colours)

try:
    if png_colours(png) < 3:
        problems.append("the screenshot is blank")
except Exception as error:
    problems.append(f"the screenshot cannot be read: {error}")

try:
    log = json.load(open(netlog))
except json.JSONDecodeError:
    text = open(netlog).read().rstrip().rstrip(",")
    log = json.loads(text + ("]}" if not text.endswith("}") else ""))
# Requests the page starts carry its origin as initiator ("null" for a file); the browser's own
# background requests ("not an origin") are not the page's doing.
requested = set()
for event in log.get("events", []):
    params = event.get("params") or {}
    url, initiator = params.get("url", ""), str(params.get("initiator", ""))
    if url and (initiator == "null" or initiator.startswith("file")) and not url.startswith(("file:", "data:")):
        requested.add(url)
if requested:
    problems.append("the page requested " + ", ".join(sorted(requested)[:5]))

html = open(page, encoding="utf-8").read()
for pattern in [r"<script", r"<link\b", r"<iframe", r"<img[^>]+src=[\"']?(?!data:)", r"@import", r"url\((?!['\"]?data:)", r"src=[\"']https?:"]:
    if re.search(pattern, html, re.IGNORECASE):
        problems.append(f"the HTML would load something ({pattern})")

if problems:
    print(f"FAIL {page}: " + "; ".join(problems))
    sys.exit(1)
print(f"ok {page}")
