#!/usr/bin/env python3
"""Turns texts.txt (inline markup {{category:surface}}) into eval.jsonl with gold spans in code points.

Run from this folder: python3 make_eval.py. AnonymiserEvaluationTest checks that eval.jsonl matches texts.txt.
"""
import json
import re

MARK = re.compile(r"\{\{([a-z]+):(.*?)\}\}", re.S)


def parse(source):
    for block in re.split(r"^=== ", source, flags=re.M)[1:]:
        header, _, body = block.partition("\n")
        ident, author = header.split()
        body = body.rstrip("\n")
        text, gold, at = "", [], 0
        for m in MARK.finditer(body):
            text += body[at:m.start()]
            start = len(text)  # Python strings index code points
            text += m.group(2)
            gold.append({"start": start, "end": len(text), "category": m.group(1)})
            at = m.end()
        text += body[at:]
        yield {"id": ident, "text": text, "author_user_id": author, "gold": gold}


def main():
    source = open("texts.txt", encoding="utf-8").read()
    source = "\n".join(l for l in source.split("\n") if not l.startswith("# ")) 
    with open("eval.jsonl", "w", encoding="utf-8") as out:
        for item in parse(source):
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
