"""Where the extractor and a gold file disagree, event by event (a development aid, not a score).

    python eval/diagnose.py GOLD DOCS EVENTS_JSONL [--only miss|fp|date|actors|merge]

Uses the matching functions of the shared scorer (../shared/eval/score.py, or SCORER=path) so that
what it calls a match is what the scorer calls one. For each gold event: matched or missed, and
why a near candidate was refused (type, actors); wrong dates and missing actors on matches; the
system's events that match nothing (false positives), each with its rule id and passage; then the
gold same_as pairs left apart and the system events that join two different gold events.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml


def _scorer() -> ModuleType:
    default = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"
    path = Path(os.environ.get("SCORER", default))
    spec = importlib.util.spec_from_file_location("waqai_scorer", path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"no scorer at {path} (set SCORER=path/to/score.py)")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _short(text: str, n: int = 110) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def _date(d: Any) -> str:
    if not d:
        return "-"
    if isinstance(d, dict) and d.get("value"):
        return str(d["value"])
    if isinstance(d, dict):
        return f"{d.get('start')}..{d.get('end')}"
    return str(d)


def main(argv: list[str]) -> int:
    only = None
    if "--only" in argv:
        i = argv.index("--only")
        only = argv[i + 1]
        argv = argv[:i] + argv[i + 2 :]
    gold_path, docs_dir, events_path = argv[:3]
    sc = _scorer()
    gold = yaml.safe_load(Path(gold_path).read_text(encoding="utf-8"))
    folder = Path(docs_dir)
    docs = {d["file"]: (folder / d["file"]).read_text(encoding="utf-8-sig") for d in gold["documents"]}
    amap = sc.ActorMap(gold.get("actors", {}))
    cands: list[dict[str, Any]] = []
    for ev in sc.load_jsonl(events_path):
        acts: set[str] = set()
        for a in ev.get("actors") or []:
            acts |= amap.canon(a)
        spans: dict[str, list[tuple[int, int]]] = {}
        rules: dict[str, str] = {}
        for m in ev.get("mentions") or []:
            doc = str(m.get("document", "")).split("/")[-1]
            if doc in docs:
                span = sc.mention_span(docs[doc], m)
                if span:
                    spans.setdefault(doc, []).append(span)
                    rules[doc] = str(m.get("rule") or m.get("rule_id") or "")
        for doc, sp in spans.items():
            cands.append({"ev": ev, "doc": doc, "spans": sp, "actors": acts, "rule": rules.get(doc, "")})
    gold_events = gold.get("events", [])
    for g in gold_events:
        texts = [g["evidence"], *(g.get("also") or [])]
        g["_spans"] = [sp for text in texts for sp in sc.locate_all(docs[g["doc"]], text)]
    pairs = []
    near: dict[int, list[tuple[int, int, str]]] = {}
    for gi, g in enumerate(gold_events):
        for ci, c in enumerate(cands):
            if c["doc"] != g["doc"]:
                continue
            ov = max((sc.overlap(a, b) for a in c["spans"] for b in g["_spans"]), default=0)
            if ov <= 0:
                continue
            t_ok = c["ev"].get("type") == g["type"] or (c["ev"].get("type"), g["type"]) in sc.COMPAT
            a_ok = not g["actors"] or bool(c["actors"] & set(g["actors"]))
            if t_ok and a_ok:
                pairs.append((ov, gi, ci))
            else:
                why = "type " + str(c["ev"].get("type")) if not t_ok else "actors " + str(sorted(c["actors"]))
                near.setdefault(gi, []).append((ov, ci, why))
    pairs.sort(reverse=True)
    used_g: set[int] = set()
    used_c: set[int] = set()
    match: dict[int, int] = {}
    for _ov, gi, ci in pairs:
        if gi in used_g or ci in used_c:
            continue
        used_g.add(gi)
        used_c.add(ci)
        match[gi] = ci
    for gi, g in enumerate(gold_events):
        head = f"{g['doc']} {g.get('id', gi)} {g['type']} date={_date(g.get('date'))}"
        head += f" actors={g.get('actors')}"
        evidence = _short(g["evidence"])
        if gi not in match:
            if only in (None, "miss"):
                whys = "; ".join(f"near {cands[ci]['rule']}: {why}" for _ov, ci, why in near.get(gi, []))
                print(f"MISS  {head}\n      «{evidence}» {whys}")
            continue
        c = cands[match[gi]]
        ok = sc.date_ok(g.get("date"), c["ev"].get("date"))
        if ok is False and only in (None, "date"):
            print(f"DATE  {head} system={_date(c['ev'].get('date'))} rule={c['rule']}\n      «{evidence}»")
        lost = set(g.get("actors") or []) - c["actors"]
        if lost and only in (None, "actors"):
            print(f"ACTOR {head} missing={sorted(lost)} system={sorted(c['actors'])}\n      «{evidence}»")
    if only in (None, "fp"):
        for ci, c in enumerate(cands):
            if ci in used_c:
                continue
            ev = c["ev"]
            text = docs[c["doc"]][c["spans"][0][0] : c["spans"][0][1]]
            print(
                f"FP    {c['doc']} {ev.get('type')} rule={c['rule']} date={_date(ev.get('date'))} "
                f"actors={sorted(c['actors'])}\n      «{_short(text)}»"
            )
    if only in (None, "merge"):
        _merges(gold_events, match, cands)
    return 0


def _merges(gold_events: list[dict[str, Any]], match: dict[int, int], cands: list[dict[str, Any]]) -> None:
    """Gold same_as pairs the system kept apart (MERGE-); system events holding two real events (MERGE+)."""
    index = {g["id"]: gi for gi, g in enumerate(gold_events)}

    def side(gi: int) -> str:
        g = gold_events[gi]
        if gi not in match:
            return f"{g['doc']} {g['id']} {g['type']} (missed)"
        ev = cands[match[gi]]["ev"]
        return f"{g['doc']} {g['id']} {ev.get('type')} date={_date(ev.get('date'))} id={ev.get('id')}"

    real: dict[str, str] = {}
    seen: set[frozenset[int]] = set()
    for g in gold_events:
        for other in g.get("same_as") or []:
            if other not in index or frozenset((index[g["id"]], index[other])) in seen:
                continue
            a, b = index[g["id"]], index[other]
            seen.add(frozenset((a, b)))
            real[other] = real.get(g["id"], g["id"])
            same = (
                a in match
                and b in match
                and cands[match[a]]["ev"].get("id") == cands[match[b]]["ev"].get("id")
            )
            if not same:
                print(f"MERGE- {side(a)}\n       {side(b)}")
    held: dict[Any, set[str]] = {}
    for gi, ci in match.items():
        gid = gold_events[gi]["id"]
        held.setdefault(cands[ci]["ev"].get("id"), set()).add(real.get(gid, gid))
    for ev_id, reals in held.items():
        if len(reals) > 1:
            print(f"MERGE+ system event {ev_id} holds gold {sorted(reals)}")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
