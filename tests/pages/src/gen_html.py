"""Writes tests/pages/html/<name>.html and <name>.gold.json from the marked
pages in tests/pages/src/html/ (issue 12 part 2: whole HTML pages).

A source page is the page as served, with what the article is marked on its
elements: data-gold="title", "p" (a paragraph) or "caption"; the marks are
taken out of the page written. Comments '<!--#key=value-->' give the gold's
about, byline, published and source (null for none). The gold has the
cleaner's fields only (the scorer judges no entities or events on a page
whose gold has none). Run it after editing a source page, check the diff,
then the pins in tests/eval/floors-html.json."""
import glob, html.parser, json, os, re

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, '..', 'html')
KINDS = {'title', 'p', 'caption'}
VOID = {'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr'}


class Gold(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.found = [], []  # open elements: (tag, kind or None)

    def handle_starttag(self, tag, attrs):
        kind = dict(attrs).get('data-gold')
        assert kind is None or kind in KINDS, kind
        if kind:
            self.found.append([kind, ''])
        if tag not in VOID:
            self.stack.append((tag, kind))

    def handle_endtag(self, tag):
        while self.stack:
            t, kind = self.stack.pop()
            if t == tag:
                break

    def handle_data(self, data):
        if any(k for _, k in self.stack):
            self.found[-1][1] += data


def collapse(s):
    return re.sub(r'\s+', ' ', s).strip()


os.makedirs(OUT, exist_ok=True)
for src in sorted(glob.glob(os.path.join(HERE, 'html', '*.html'))):
    name = os.path.basename(src)[:-5]
    page = open(src, encoding='utf-8').read()
    meta = {k: (None if v == 'null' else v) for k, v in re.findall(r'<!--#(\w+)=(.*?)-->', page)}
    g = Gold()
    g.feed(page)
    found = [(k, collapse(t)) for k, t in g.found]
    titles = [t for k, t in found if k == 'title']
    assert len(titles) <= 1, name
    gold = {
        'doc': f'{name}.html',
        'issue': 12,
        'about': meta['about'],
        'title': titles[0] if titles else None,
        'byline': meta.get('byline'),
        'published': meta.get('published'),
        'source': meta.get('source'),
        'paragraphs': [t for k, t in found if k == 'p'],
        'captions': [t for k, t in found if k == 'caption'],
    }
    assert all(gold['paragraphs']) and len(gold['paragraphs']) >= 2, name
    served = re.sub(r'<!--#\w+=.*?-->\n?', '', page)
    served = re.sub(r' data-gold="[a-z]+"', '', served)
    open(os.path.join(OUT, f'{name}.html'), 'w', encoding='utf-8').write(served)
    with open(os.path.join(OUT, f'{name}.gold.json'), 'w', encoding='utf-8') as f:
        json.dump(gold, f, ensure_ascii=False, indent=1)
        f.write('\n')
    print(name, len(gold['paragraphs']), 'paragraphs', len(gold['captions']), 'captions')
