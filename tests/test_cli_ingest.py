"""The ingest command on the seeds and on bad input, through click's runner."""

import json

from click.testing import CliRunner

from policykg.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_ingest_seeds_table(seeds_dir):
    r = run("ingest", str(seeds_dir))
    assert r.exit_code == 0, r.output
    assert "heilongjiang-2024" in r.stdout and "章7 节6 条86" in r.stdout
    assert "4 of 4 document(s) ingested" in r.stderr


def test_ingest_json_has_provisions_sentences_offsets(seeds_dir):
    r = run("ingest", str(seeds_dir / "heilongjiang-2024.txt"), "--json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout.splitlines()[0])
    assert doc["id"] == "heilongjiang-2024"
    assert doc["meta"]["effective"] == "2025-03-01"
    sent = next(s for s in doc["sentences"] if s["id"] == "heilongjiang-2024/ch6/art74/p3/s1")
    assert doc["text"][sent["start"]:sent["end"]] == sent["text"]
    src = (seeds_dir / "heilongjiang-2024.txt").read_text(encoding="utf-8")
    assert src[sent["source_start"]:sent["source_end"]] == sent["text"]


def test_bad_files_are_reported_and_the_rest_processed(tmp_path, seeds_dir):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x00\x01" * 50)
    (tmp_path / "bad.md").write_text("---\ntitle: [x\n---\n正文。", encoding="utf-8")
    (tmp_path / "undecodable.txt").write_bytes(b"\x80\xff abc")
    (tmp_path / "notes.csv").write_text("a,b", encoding="utf-8")
    r = run("ingest", str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), str(tmp_path / "bad.md"),
            str(tmp_path / "undecodable.txt"), str(tmp_path / "notes.csv"), str(tmp_path / "missing.txt"),
            str(seeds_dir / "anhui-2025.txt"))
    assert r.exit_code == 1
    err = r.stderr.splitlines()
    assert f"error: {tmp_path / 'empty.txt'}: empty file" in err
    assert f"error: {tmp_path / 'bin.txt'}: binary file (NUL bytes), not a text document" in err
    assert any(line.startswith(f"error: {tmp_path / 'bad.md'}: front matter is not valid YAML") for line in err)
    assert any(line.startswith(f"error: {tmp_path / 'undecodable.txt'}: undecodable bytes at byte 0") for line in err)
    assert any(line.startswith(f"error: {tmp_path / 'notes.csv'}: unsupported file type '.csv'") for line in err)
    assert f"error: {tmp_path / 'missing.txt'}: no such file" in err
    assert "1 of 7 document(s) ingested" in r.stderr and "6 failed" in r.stderr
    assert "anhui-2025" in r.stdout
    assert "Traceback" not in r.output


def test_directory_with_nothing_to_read(tmp_path):
    r = run("ingest", str(tmp_path))
    assert r.exit_code == 1
    assert "no documents found" in r.stderr


def test_every_command_has_help_with_an_example():
    for name, cmd in cli.commands.items():
        sub = getattr(cmd, "commands", None)
        cmds = [(f"{name} {n}", c) for n, c in sub.items()] if sub else [(name, cmd)]
        for full, _c in cmds:
            r = run(*full.split(), "--help")
            assert r.exit_code == 0, full
            assert "Examples:" in r.output and "policykg " in r.output.split("Examples:")[1], full
