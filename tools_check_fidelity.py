"""Interim fidelity check for transcribers: python tools_check_fidelity.py SEED.txt source_protocols/x.md"""
import sys
from markdown_it import MarkdownIt
from ruamel.yaml import YAML
sys.path.insert(0, ".")
from generator.words import Dropped, Word, first_mismatch, seed_words, words

seed_path, md_path = sys.argv[1], sys.argv[2]
text = open(md_path, encoding="utf-8").read()
assert text.startswith("---\n"), "front matter missing"
end = text.index("\n---\n", 4)
meta = YAML(typ="safe").load(text[4:end])
body_start_line = text[: end + 5].count("\n") + 1
body = text[end + 5 :]
dropped = [Dropped(line=d.get("line"), bullet=d.get("bullet"), reason=d.get("reason", "")) for d in meta.get("dropped") or []]
seed = open(seed_path, encoding="utf-8").read()
for d in dropped:
    if d.line is not None and d.line.strip() not in {l.strip() for l in seed.split("\n")}:
        print("dropped line not found in seed:", repr(d.line))
md = MarkdownIt("commonmark", {"html": False}).enable("table")
actual = []
for tok in md.parse(body):
    if tok.type == "inline":
        line = body_start_line + (tok.map[0] if tok.map else 0)
        for child in tok.children or []:
            if child.type in ("text", "code_inline", "html_inline"):
                actual.extend(Word(w, line) for w in words(child.content))
            elif child.type in ("softbreak", "hardbreak"):
                line += 1
expected = seed_words(seed, dropped)
m = first_mismatch(expected, actual)
print("OK: %d words match" % len(expected) if m is None else "MISMATCH " + m.explain(seed_path, md_path))
