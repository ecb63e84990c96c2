"""Writes tests/pages/<name>.txt and <name>.gold.json from tagged specs.

Lines: T title, P paragraph, C caption, - anything removed, blank line = ''.
Per page, as '#key=value' lines:
  #about= #byline= #published= #source=   the gold's metadata (null for none)
  #PER= #ORG= #LOC=                        an entity: 'name | alias | alias'
  #PER?= #ORG?= #LOC?=                     the same, optional (borderline)
  #EVENT=                                  an event, as a JSON object
  #clean_known_failure=                    why the cleaner does not give this
                                           page's gold exactly yet (issue 17)
A page with no #PER/#ORG/#LOC/#EVENT line has gold for the cleaner only.
Entities and events are written by ../../../shared/dev/ANNOTATION.md and
../../../shared/spec/events.md (issue 17)."""
import json, sys, os, glob

KINDS = ("PER", "ORG", "LOC")


def entity(value, optional):
    name, *aliases = [x.strip() for x in value.split("|")]
    e = {"name": name}
    if aliases:
        e["aliases"] = aliases
    if optional:
        e["optional"] = True
    return e


out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
for spec in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '*.page'))):
    name = os.path.basename(spec)[:-5]
    meta, lines = {}, []
    entities, events = {k: [] for k in KINDS}, []
    annotated = False
    title, paras, caps = None, [], []
    for raw in open(spec, encoding='utf-8').read().split('\n'):
        if raw.startswith('#'):
            k, v = raw[1:].split('=', 1)
            k, v = k.strip(), v.strip()
            if k.rstrip('?') in KINDS:
                entities[k.rstrip('?')].append(entity(v, k.endswith('?')))
                annotated = True
            elif k == 'EVENT':
                events.append(json.loads(v))
                annotated = True
            else:
                meta[k] = None if v == 'null' else v
            continue
        if raw == '':
            lines.append(''); continue
        tag, text = raw[:2], raw[2:]
        assert tag in ('T ', 'P ', 'C ', '- '), (name, raw)
        lines.append(text)
        if tag == 'T ':
            assert title is None; title = text
        elif tag == 'P ': paras.append(text)
        elif tag == 'C ': caps.append(text)
    while lines and lines[-1] == '': lines.pop()
    text = '\n'.join(lines) + '\n'
    open(f'{out}/{name}.txt', 'w', encoding='utf-8').write(text)
    for kind in KINDS:
        for e in entities[kind]:
            for form in [e["name"]] + e.get("aliases", []):
                assert form in text, (name, kind, form)
    for ev in events:
        for p in ev.get("participants", []):
            assert p in text, (name, "participant", p)
    mains = [ev for ev in events if ev.get("main")]
    assert len(mains) <= 1 and (mains or not any(not ev.get("optional") for ev in events)), (name, "one main event")
    gold = {"doc": f"{name}.txt", "issue": 3, "about": meta.get('about'), "title": title,
            "byline": meta.get('byline'), "published": meta.get('published'), "source": meta.get('source'),
            "paragraphs": paras, "captions": caps}
    if meta.get('clean_known_failure'):
        gold["clean_known_failure"] = meta['clean_known_failure']
    if annotated:
        gold["entities"] = entities
    gold["events"] = events
    json.dump(gold, open(f'{out}/{name}.gold.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    open(f'{out}/{name}.gold.json', 'a').write('\n')
    print(name, len(paras), 'paragraphs', len(caps), 'captions',
          sum(len(v) for v in entities.values()), 'entities', len(events), 'events')
