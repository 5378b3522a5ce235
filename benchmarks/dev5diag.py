import json, sys
from pathlib import Path
from proscribe.news import extract_events, name_index, read_article_file
d=Path(sys.argv[1])
truth=[json.loads(l) for l in open(d/"truth.jsonl")]
idx=name_index()
for path in sorted(d.glob("*.txt")):
    ev=[e for e in extract_events(read_article_file(path), idx)]
    tr=[t for t in truth if t["file"]==path.name]
    print(f"== {path.name}: truth {len(tr)} extracted {len(ev)}")
    for t in tr: print("   T", t["jurisdiction"], t["organisation"], t["action"], t["effective_date"], t["primary"])
    for e in ev:
        j=e.to_json() if hasattr(e,"to_json") else e.__dict__
        print("   E", j.get("jurisdiction"), j.get("organisation"), j.get("action"), j.get("effective_date"), j.get("primary"))
