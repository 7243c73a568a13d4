"""Generate the hostile-input corpus of issue 13 (nothing binary is committed).

    python tests/hostile/make_corpus.py DIR [--big]

writes every case into DIR and prints, for each, the line ``policykg ingest`` is
expected to print.  :func:`make` does the same for a test and returns the
:class:`Case` list: where the case is, how the CLI shows its path, the expected
reason (``None`` for a document that must be read), and whether a walk of DIR
meets it.

Sizes: by default the random-bytes and NUL-bytes files are 2 MB, the nested HTML
100 000 levels and the single line 1 000 000 characters; ``--big`` makes them the
sizes of the issue (50 MB, 1 000 000 levels, 5 000 000 characters).  The limit cases
are just over the limits in force (``POLICYKG_MAX_FILE_MB``…): a sparse file one byte
over the file size limit, a text one character over the text limit, a .docx that
unpacks to 1 MB over the unpacked limit.
"""

from __future__ import annotations

import argparse
import gzip
import io
import os
import random
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
GOOD_SEEDS = ("anhui-2025.txt", "jiangsu-2025.txt", "huaxin-report-2025.txt")

MB = 1024 * 1024


@dataclass
class Case:
    name: str                       # short id of the case
    path: str | bytes               # as passed on the command line (bytes: a name that is not UTF-8)
    shown: str                      # the path as the CLI prints it
    reason: str | None              # expected reason; None: a document that must be read (exit 0)
    walked: bool = True             # met by ``policykg ingest DIR`` (False: skipped silently there)
    line: str | None = None         # the expected stderr line when it is not "error: <shown>: <reason>"
    unreadable: bool = False        # needs a reader without the root's right to read anything

    @property
    def exit(self) -> int:
        return 0 if self.reason is None and self.line is None else 1

    @property
    def expected(self) -> str | None:
        """The one stderr line of ``policykg ingest PATH`` (None for a good document)."""
        if self.line is not None:
            return self.line
        return None if self.reason is None else f"error: {self.shown}: {self.reason}"


def _seed(name: str = "anhui-2025.txt") -> str:
    return (SEEDS / name).read_text(encoding="utf-8")


def _html(body_text: str, head: str = "", depth: int = 0) -> str:
    paras = "".join(f"<p>{line}</p>" for line in body_text.splitlines() if line.strip())
    return (f"<!doctype html><html><head>{head}<title>安徽省数据条例</title></head><body>"
            + "<div>" * depth + paras + "</div>" * depth + "</body></html>")


def _docx_bytes(text: str) -> bytes:
    import docx
    d = docx.Document()
    for line in text.splitlines():
        if line.strip():
            d.add_paragraph(line)
    out = io.BytesIO()
    d.save(out)
    return out.getvalue()


def _rezip(data: bytes, replace: dict[str, bytes], extra: tuple[str, int] | None = None) -> bytes:
    """A copy of a ZIP package with some parts replaced, and optionally a part of ``extra[1]`` zero bytes."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(info.filename, replace.get(info.filename, src.read(info)))
        if extra:
            name, size = extra
            chunk = bytes(MB)
            info = zipfile.ZipInfo(name)
            info.compress_type = zipfile.ZIP_DEFLATED
            with dst.open(info, "w", force_zip64=True) as fh:
                for _ in range(size // MB):
                    fh.write(chunk)
                fh.write(bytes(size % MB))
    return out.getvalue()


def _pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.setFont("STSong-Light", 11)
    y = 800
    for line in lines:
        c.drawString(50, y, line)
        y -= 20
    c.save()
    return out.getvalue()


def _encrypted(pdf: bytes, user: str, algorithm: str) -> bytes:
    from pypdf import PdfReader, PdfWriter
    w = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    w.encrypt(user_password=user, owner_password="owner-secret", algorithm=algorithm)
    out = io.BytesIO()
    w.write(out)
    return out.getvalue()


def _pdf_bomb(expanded: int) -> bytes:
    """A one-page PDF whose content stream inflates to ``expanded`` bytes (mostly spaces)."""
    z = zlib.compressobj(9)
    parts = [z.compress(b"BT /F1 12 Tf 72 720 Td (bomb) Tj ET\n")]
    spaces = b" " * MB
    for _ in range(expanded // MB):
        parts.append(z.compress(spaces))
    parts.append(z.flush())
    stream = b"".join(parts)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
               b"/Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


PDF_LINES = ["某市数据要素市场培育实施方案", "一、总体要求", "（一）到2027年，培育数据要素型企业100家。",
             "（二）市数据局负责统筹推进数据要素市场建设。", "二、保障措施", "（三）对数据交易给予补贴，最高不超过50万元。"]


class _Maker:
    """Writes the cases into ``root`` and keeps their expectations."""

    def __init__(self, root: Path, big: bool):
        from policykg.extract.text import read as r
        self.root, self.big, self.r = root, big, r
        self.supported = ", ".join(r.supported())
        self.cases: list[Case] = []

    def add(self, name: str, rel: str | bytes, data: bytes | None, reason: str | None, **kw) -> Case:
        path: str | bytes
        if isinstance(rel, bytes):
            path = os.fsencode(self.root) + b"/" + rel
            shown = os.fsdecode(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
        else:
            path = str(self.root / rel)
            shown = kw.pop("shown", None) or path
        if data is not None:
            Path(os.fsdecode(path)).parent.mkdir(parents=True, exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data)
        case = Case(name, path, shown, reason, **kw)
        self.cases.append(case)
        return case

    # --- the cases ---

    def good(self) -> None:
        for name in GOOD_SEEDS:
            self.add(f"seed {name}", name, (SEEDS / name).read_bytes(), None)
        self.add("name: Chinese, spaces, quotes", "政策 文件 \"引号\" it's.txt", _seed().encode(), None)

    def names(self) -> None:
        root = str(self.root)
        empty = "empty file"
        self.add("name: rich markup [/x] (folder '[' + file)", "rich[/x]markup.md", b"", empty)
        self.add("name: rich markup [bold][link=…]", "[bold red]粗体[link=file:evil]x.txt", b"", empty)
        self.add("name: HTML markup", "<b onmouseover=alert(1)>x.txt", b"", empty)
        self.add("name: quotes", "he said \"no\" it's.txt", b"", empty)
        self.add("name: newline", "new\nline.txt", b"", empty, shown=f"{root}/new\\nline.txt")
        self.add("name: terminal escape", "\x1b[31mred.txt", b"", empty, shown=f"{root}/\\x1b[31mred.txt")
        self.add("name: bidi override", "\u202etxt.exe.txt", b"", empty, shown=f"{root}/\\u202etxt.exe.txt")
        self.add("name: leading dash", "-rf --help.txt", b"", empty)
        self.add("name: invalid UTF-8", b"latin1-\xe9t\xe9.md", _seed().encode(),
                 "the name is not valid UTF-8; rename it (e.g. convmv -f gbk -t utf-8)")

    def front_matter(self) -> None:
        body = "\n" + _seed()
        for name, value, why in (("feb30", "2025-02-30", "day is out of range for month"),
                                 ("month13", "2025-13-01", "month must be in 1..12"),
                                 ("hour25", "2025-01-01 25:00:00", "hour must be in 0..23")):
            self.add(f"front matter date {value}", f"date-{name}.md",
                     f"---\ntitle: 安徽省数据条例\ndate: {value}\n---\n{body}".encode(),
                     f"front matter line 3: impossible date '{value}' ({why})")
        depth = self.r.MAX_YAML_DEPTH
        self.add("YAML nested 40 000 deep", "yaml-deep.md",
                 ("---\nx: " + "[" * 40_000 + "]" * 40_000 + "\n---\n" + body).encode(),
                 f"front matter line 2: nested more than {depth} levels deep")
        block = "".join("  " * i + "k:\n" for i in range(200))
        self.add("YAML nested 200 deep (block)", "yaml-deep-block.md", ("---\n" + block + "---\n" + body).encode(),
                 f"front matter line {depth + 1}: nested more than {depth} levels deep")
        self.add("YAML recursive (&a [*a])", "yaml-recursive.md", ("---\nx: &a [*a]\n---\n" + body).encode(),
                 "front matter line 2: YAML anchors and aliases (&name, *name) are not accepted")
        laughs = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
            f"{c}: &{c} [{','.join([f'*{p}'] * 9)}]\n" for p, c in zip("abcdefgh", "bcdefghi", strict=True))
        self.add("YAML billion laughs", "yaml-laughs.md", ("---\n" + laughs + "---\n" + body).encode(),
                 "front matter line 2: YAML anchors and aliases (&name, *name) are not accepted")

    def markup_formats(self) -> None:
        text = _seed()
        self.add("HTML meta charset=undefined", "meta-undefined.html",
                 _html(text, '<meta charset="undefined">').encode(), None)
        depth = 1_000_000 if self.big else 100_000
        self.add(f"HTML nested {depth:,} deep", "deep.html", _html(text, depth=depth).encode(), None)
        docx = _docx_bytes(text)
        xml = zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml")
        head, rest = xml.split(b"?>", 1)
        evil = head + b'?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + rest.replace(
            b"<w:t>", b"<w:t>&xxe;", 1)
        self.add(".docx external entity", "xxe.docx", _rezip(docx, {"word/document.xml": evil}),
                 "part word/document.xml declares a DTD or entities (<!DOCTYPE>, <!ENTITY>), which Word never "
                 "writes; refused (external entities could read other files)")
        limit = self.r.max_unpacked_bytes()
        bomb = _rezip(docx, {}, ("word/media/zeros.bin", limit + MB))
        unpacked = sum(i.file_size for i in zipfile.ZipFile(io.BytesIO(bomb)).infolist())
        self.add(".docx ZIP bomb", "bomb.docx", bomb,
                 f"the .docx unpacks to {unpacked:,} bytes, more than the limit of {limit // MB} MB "
                 "(POLICYKG_MAX_UNPACKED_MB); a ZIP bomb?")
        self.add(".docx good", "good-docx.docx", docx, None)

    def pdfs(self) -> None:
        pdf = _pdf_bytes(PDF_LINES)
        self.add("PDF good", "good-pdf.pdf", pdf, None)
        self.add("PDF AES-256, password", "aes-password.pdf", _encrypted(pdf, "secret", "AES-256"),
                 "the PDF is encrypted with a password; decrypt it first (e.g. qpdf --decrypt "
                 "--password=PASSWORD in.pdf out.pdf) and ingest the result")
        self.add("PDF AES-128, empty password", "aes-empty.pdf", _encrypted(pdf, "", "AES-128"), None)
        self.add("PDF RC4, empty password", "rc4-empty.pdf", _encrypted(pdf, "", "RC4-128"), None)
        self.add("PDF compression bomb (100 MB stream)", "bomb.pdf", _pdf_bomb(100 * MB),
                 "a compressed stream of the PDF expands beyond pypdf's decompression limit; a compression bomb?")

    def binary(self) -> None:
        size = 50 * MB if self.big else 2 * MB
        self.add(f"random bytes .md ({size // MB} MB)", "random.md", random.Random(13).randbytes(size),
                 "binary file (NUL bytes), not a text document")
        self.add(f"NUL bytes .md ({size // MB} MB)", "nul.md", bytes(size), "binary file (NUL bytes), not a text document")
        self.add("binary (gzip) as .txt", "archive.txt", gzip.compress(_seed().encode(), mtime=0),
                 "binary file (NUL bytes), not a text document")
        rnd = random.Random(7)
        controls = bytes(rnd.choice(b"\x01\x02\x03\x1b\x7fabcdefgh") for _ in range(4096))
        self.add("control bytes as .txt", "controls.txt", controls, "binary file (control bytes), not a text document")
        limit = self.r.max_file_bytes()
        case = self.add("file 1 byte over the size limit (sparse)", "too-big.txt", None,
                        f"file too large: {limit + 1:,} bytes, more than the limit of {limit // MB} MB "
                        "(POLICYKG_MAX_FILE_MB)")
        with open(case.path, "wb") as fh:
            fh.truncate(limit + 1)
        chars = self.r.max_text_chars() + 1
        line = "数据" + "x" * 97 + "\n"
        text = (line * (chars // len(line) + 1))[:chars]
        self.add("text 1 character over the text limit", "too-long.txt", text.encode(),
                 f"text too long: more than {chars - 1:,} characters (POLICYKG_MAX_TEXT_CHARS)")

    def encodings(self) -> None:
        import opencc
        text = _seed()
        self.add("empty", "empty.txt", b"", "empty file")
        self.add("white space only", "blank.txt", b" \n\t \r\n  \n", "empty file (only white space)")
        self.add("ideographic spaces only", "blank-cjk.txt", "\u3000\u3000\n\u3000".encode(), "no text in the file")
        self.add("BOM only", "bom-only.txt", b"\xef\xbb\xbf", "no text in the file")
        data = text.encode()
        cut = len(data) - 1
        while data[cut] < 0xC0:                 # back to the first byte of the last multi-byte character
            cut -= 1
        self.add("truncated UTF-8", "truncated.txt", data[:cut + 1],
                 f"truncated UTF-8: the file ends inside a character (byte {cut}); was it cut off? "
                 "Save or download it again")
        self.add("UTF-16 with BOM", "utf16-bom.txt", text.encode("utf-16"), None)
        self.add("UTF-16 LE without BOM", "utf16-nobom.txt", text.encode("utf-16-le"), None)
        self.add("GB18030", "gb18030.txt", text.encode("gb18030"), None)
        big5 = opencc.OpenCC("s2t").convert(text).encode("big5", errors="replace")
        self.add("Big5", "big5.txt", big5, None)
        latin = "Décret n° 2025-13 relatif à la gestion des données publiques. " * 20
        raw = latin.encode("latin-1")
        self.add("Latin-1 garbage", "latin1.txt", raw,
                 f"undecodable bytes at byte {raw.index(0xE9)}: not UTF-8, GB18030/GBK or Big5 "
                 "(re-save the file as UTF-8)")
        chars = 5_000_000 if self.big else 1_000_000
        one = text.replace("\n", "")
        self.add(f"single line of {chars:,} characters", "huge-line.txt",
                 (one * (chars // len(one) + 1))[:chars].encode(), None)

    def special_files(self) -> None:
        root = self.root
        fifo = self.add("FIFO named .txt", "fifo.txt", None,
                        "not a regular file but a named pipe (FIFO); only regular files are read")
        os.mkfifo(fifo.path)
        os.symlink("loop.txt", root / "loop.txt")
        self.add("symlink loop", "loop.txt", None, "symbolic link loop (Too many levels of symbolic links)")
        os.symlink("nowhere.md", root / "dangling.md")
        self.add("dangling symlink", "dangling.md", None, "broken symbolic link (its target nowhere.md does not exist)")
        (root / "cycle").mkdir()
        os.symlink("..", root / "cycle" / "up")
        self.add("folder with a symlink cycle (cycle/up -> ..)", "cycle", None, None, walked=False,
                 line=f"error: no documents found in {root / 'cycle'} (supported: {' '.join(self.r.supported())})")
        (root / "x.txt").mkdir()
        self.add("directory named x.txt", "x.txt", None, None, walked=False,
                 line=f"error: no documents found in {root / 'x.txt'} (supported: {' '.join(self.r.supported())})")
        unreadable = self.add("unreadable file (chmod 000)", "unreadable.txt", _seed().encode(),
                              "cannot read the file (Permission denied)", unreadable=True)
        os.chmod(unreadable.path, 0)
        locked = self.add("unreadable folder (chmod 000)", "locked", None,
                          "cannot list the folder (Permission denied)", unreadable=True)
        Path(locked.path).mkdir()
        (Path(locked.path) / "inside.txt").write_text(_seed(), encoding="utf-8")
        os.chmod(locked.path, 0)
        for name in ("notes.csv", "report.doc", "README"):
            ext = Path(name).suffix
            self.add(f"unsupported {ext or 'no extension'}", name, b"some text", walked=False,
                     reason=f"unsupported file type '{ext or '(none)'}' (supported: {self.supported})")


def make(directory: str | Path, big: bool = False) -> list[Case]:
    """Write the hostile corpus into ``directory`` (created); returns its cases."""
    root = Path(directory)
    root.mkdir(parents=True, exist_ok=True)
    m = _Maker(root, big)
    for part in (m.good, m.names, m.front_matter, m.markup_formats, m.pdfs, m.binary, m.encodings, m.special_files):
        part()
    return m.cases


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("directory", type=Path)
    ap.add_argument("--big", action="store_true", help="the full sizes of the issue (50 MB files, …)")
    args = ap.parse_args()
    for case in make(args.directory, args.big):
        print(f"{case.name:45} exit {case.exit}  {case.expected or '(read)'}")


if __name__ == "__main__":
    main()
