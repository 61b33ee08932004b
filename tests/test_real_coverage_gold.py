"""Packing real-coverage gold into spans and reading it back from the articles."""

import importlib.util
import json
from pathlib import Path

import pytest

_SPEC = importlib.util.spec_from_file_location(
    "real_coverage_gold", Path(__file__).resolve().parents[1] / "scripts" / "real_coverage_gold.py")
rcg = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(rcg)
main, pack_line, unpack_line = rcg.main, rcg.pack_line, rcg.unpack_line

TEXTS = {"a1": "Police said two men were hurt on Elm Street late Friday.",
         "b1": "Three men were hurt on Elm Street, a neighbour said on Saturday."}
LINE = {"event": "e1", "type": "number", "articles": ["a1", "b1"],
        "quotes": {"a1": "two men were hurt", "b1": "Three men were hurt"},
        "values": {"a1": "2", "b1": "3"}, "note": "hurt count", "worth_note": True}


def test_pack_keeps_spans_not_text_and_unpack_restores_quotes():
    packed = pack_line(LINE, TEXTS)
    assert "quotes" not in packed
    assert packed["spans"]["a1"]["start"] == TEXTS["a1"].index("two men")
    assert unpack_line(packed, TEXTS) == LINE


def test_a_note_repeating_the_article_is_left_out():
    line = dict(LINE, note="Three men were hurt on Elm Street, a neighbour said")
    assert "left out" in pack_line(line, TEXTS)["note"]


def test_unpack_refuses_a_changed_article():
    packed = pack_line(LINE, TEXTS)
    changed = dict(TEXTS, a1="Police said four men were hurt on Elm Street late Friday.")
    with pytest.raises(ValueError, match="no longer holds"):
        unpack_line(packed, changed)


def test_unpack_writes_only_the_folders_events(tmp_path):
    folder = tmp_path / "set"
    folder.mkdir()
    with open(folder / "articles.jsonl", "w") as f:
        for aid, text in TEXTS.items():
            f.write(json.dumps({"id": aid, "text": text}) + "\n")
    (folder / "events.json").write_text(json.dumps({"e1": {"articles": ["a1", "b1"]}}))
    packed = tmp_path / "packed.jsonl"
    other = dict(pack_line(LINE, TEXTS), event="e2")
    packed.write_text(json.dumps(pack_line(LINE, TEXTS)) + "\n" + json.dumps(other) + "\n")
    assert main(["unpack", str(packed), str(folder)]) == 0
    lines = [json.loads(x) for x in (folder / "gold.jsonl").read_text().splitlines()]
    assert lines == [LINE]
