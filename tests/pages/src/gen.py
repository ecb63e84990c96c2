"""Writes tests/pages/<name>.txt and <name>.gold.json from tagged specs.
Tags: T title, P paragraph, C caption, - anything removed, blank line = ''.
The gold's byline/published/source are given per page."""
import json, sys, os, glob
out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
for spec in sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), '*.page'))):
    name = os.path.basename(spec)[:-5]
    meta, lines = {}, []
    title, paras, caps = None, [], []
    for raw in open(spec, encoding='utf-8').read().split('\n'):
        if raw.startswith('#'):
            k, v = raw[1:].split('=', 1)
            meta[k.strip()] = None if v.strip() == 'null' else v.strip()
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
    open(f'{out}/{name}.txt', 'w', encoding='utf-8').write('\n'.join(lines) + '\n')
    gold = {"doc": f"{name}.txt", "issue": 3, "about": meta.get('about'), "title": title,
            "byline": meta.get('byline'), "published": meta.get('published'), "source": meta.get('source'),
            "paragraphs": paras, "captions": caps, "events": []}
    json.dump(gold, open(f'{out}/{name}.gold.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
    open(f'{out}/{name}.gold.json', 'a').write('\n')
    print(name, len(paras), 'paragraphs', len(caps), 'captions')
