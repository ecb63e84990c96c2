#!/usr/bin/env python3
"""Real articles in whole HTML pages (issue 12 part 2): does the extractor keep
each article whole, and leave the furniture out, whatever the page's layout?

Reads the real articles of ../shared/articles/texts (title, then one sentence
a line), sets each in several page layouts of our own invented markup (the
furniture's text taken from the other articles: their titles as related
headlines, their first sentences as teasers, as a real site's boxes hold),
runs the command on each page and reports, per layout: no-article answers,
titles right, the share of the body's characters kept as paragraphs (median,
mean, pages under 90%) and the share of furniture text that came back as
paragraphs. Nothing is written to the repository: the pages hold published
text and live in a temporary folder.

  python3 tests/eval/html_layouts.py --cmd 'target/release/vnextract {file}' [-v] [--limit N]
      [--pins tests/eval/floors-html-layouts.json]

With --pins (scripts/test.sh's eval tier), exits 1 when a layout's figure
is off its pin: titles and kept_median are floors; no_article, under_90 and
leaky (pages where furniture came back) are ceilings.

Standard library only.
"""
import argparse, glob, html, json, os, shlex, statistics, subprocess, sys, tempfile, unicodedata

ARTICLES = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..', 'shared', 'articles', 'texts')


def norm(s):
    return ' '.join(unicodedata.normalize('NFC', s or '').split())


def key(s):
    """Compared on letters and digits without marks or case: the extractor
    writes tones in their modern places ("Hoà" comes back "Hòa") and
    normalises dashes and quotes."""
    s = unicodedata.normalize('NFD', norm(s).lower())
    return ' '.join(''.join(c if c.isalnum() else ' ' for c in s if not unicodedata.combining(c)).split())


def read(path):
    lines = [l.strip() for l in open(path, encoding='utf-8') if l.strip() and not l.startswith('# ')]
    return lines[0], lines[1:]


e = html.escape


def paragraphs(sents):
    return [' '.join(sents[i:i + 3]) for i in range(0, len(sents), 3)]


def related_box(others, cls, heading):
    items = ''.join(f'<li><a href="/r{i}">{e(t)}</a><p>{e(s)}</p></li>' for i, (t, s) in enumerate(others[:3]))
    return f'<div class="{cls}"><h3>{heading}</h3><ul>{items}</ul></div>'


def page(head, body):
    return ('<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>x</title>'
            '<script>var a = 1 < 2 && "</div>";</script></head><body>'
            f'{head}{body}</body></html>')


NAV = ('<header class="site-head"><a class="logo" href="/">Báo</a><nav><ul>'
       + ''.join(f'<li><a href="/c{i}">{c}</a></li>' for i, c in enumerate(['Thời sự', 'Thế giới', 'Kinh tế', 'Đời sống', 'Thể thao']))
       + '</ul></nav></header>')
FOOT = '<footer class="site-foot"><p>Cơ quan chủ quản: Báo. Giấy phép số 1/GP. Địa chỉ: số 1 phố Báo.</p></footer>'


def layouts(title, sents, others):
    paras = paragraphs(sents)
    lead, body = paras[0], paras[1:]
    ps = lambda xs: ''.join(f'<p>{e(p)}</p>' for p in xs)
    half = max(1, len(body) // 2)
    teasers = ''.join(f'<div class="item"><a href="/m{i}">{e(t)}</a><p>{e(s)}</p></div>' for i, (t, s) in enumerate(others[3:6]))
    comments = ''.join(f'<div class="cmt"><b>Bạn đọc {i}</b><p>{e(s)}</p></div>' for i, (_, s) in enumerate(others[6:9]))
    yield 'classic', page(NAV, (
        '<div class="container"><ul class="breadcrumb"><li><a href="/c1">Thời sự</a></li></ul>'
        f'<article class="detail"><h1>{e(title)}</h1><p class="date">Thứ hai, 1/9/2025 15:35 (GMT+7)</p>'
        f'<p class="sapo"><strong>{e(lead)}</strong></p>{ps(body[:half])}'
        '<figure><img src="a.jpg" alt=""><figcaption>Quang cảnh buổi làm việc. Ảnh: Minh Anh</figcaption></figure>'
        f'{related_box(others, "box-related", "Tin liên quan")}{ps(body[half:])}<p class="author">Hà Anh</p></article>'
        '<div class="tags"><a href="/t1">thời sự</a><a href="/t2">kinh tế</a></div>'
        f'<section class="comments"><h3>Bình luận</h3>{comments}</section></div>'
        f'<aside class="sidebar"><h3>Đọc nhiều</h3>{teasers}</aside>{FOOT}'))
    parts = [body[i::3] for i in range(3)]
    yield 'split', page(NAV, (
        f'<div class="wrap"><div class="sidebar-1"><h1 class="title-detail">{e(title)}</h1>'
        f'<p class="description">{e(lead)}</p><div class="content">'
        + ''.join(f'<div class="part">{ps(p)}</div><div class="adv"><p>Quảng cáo</p></div>' for p in [body[:half], body[half:]])
        + f'<p style="text-align:right"><strong>Hà Anh</strong></p></div>'
        f'{related_box(others, "box-tinlienquan", "Xem thêm")}</div>'
        f'<div class="sidebar-2"><div class="box-mostview">{teasers}</div></div></div>{FOOT}')) if parts else None
    yield 'schema', page(NAV, (
        f'<main><article><header><h1>{e(title)}</h1><time>01/09/2025 15:35</time><h2 class="sapo">{e(lead)}</h2></header>'
        f'<div itemprop="articleBody">{ps(body[:half])}'
        f'<div type="RelatedOneNews" class="VC"><a href="/x"><img src="x.jpg"></a><a href="/x">{e(others[0][0])}</a></div>'
        f'{ps(body[half:])}</div><footer><p>Hà Anh</p></footer></article>'
        f'<div id="comment-box"><h3>Ý kiến bạn đọc</h3>{comments}</div></main>{FOOT}'))
    yield 'inline-links', page(NAV, (
        f'<div class="main"><h1>{e(title)}</h1><div class="lead">{e(lead)}</div><div class="body">'
        + ps(body[:half])
        + f'<p><a href="/y"><strong>Xem thêm: {e(others[1][0])}</strong></a></p>'
        + ps(body[half:])
        + f'<p><strong>&gt;&gt; </strong><a href="/z">{e(others[2][0])}</a></p>'
        + f'</div><div class="other-news"><h3>Tin khác</h3>{teasers}</div></div>{FOOT}'))
    yield 'br', page(NAV, (
        f'<table><tr><td class="left"><h2>{e(title)}</h2><div class="txt"><b>{e(lead)}</b><br><br>'
        + '<br><br>'.join(e(p) for p in body)
        + f'</div></td><td class="right"><b>Tin khác:</b><br>'
        + '<br>'.join(f'<a href="/o{i}">{e(t)}</a>' for i, (t, _) in enumerate(others[:5]))
        + '</td></tr></table>'))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('-v', '--verbose', action='store_true')
    ap.add_argument('--pins', help='a JSON file of pins per layout')
    a = ap.parse_args()
    files = sorted(glob.glob(os.path.join(ARTICLES, '*.txt')))
    if not files:
        print('skipped: ../shared/articles not found')
        return
    if a.limit:
        files = files[:a.limit]
    arts = [read(f) for f in files]
    stats = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n, (f, (title, sents)) in enumerate(zip(files, arts)):
            if len(sents) < 2:
                continue
            others = [(t, s[0]) for t, s in (arts[(n + k) % len(arts)] for k in range(1, 10)) if s]
            for name, doc in layouts(title, sents, others):
                if doc is None:
                    continue
                path = os.path.join(tmp, f'{name}.html')
                open(path, 'w', encoding='utf-8').write(doc)
                cmd = [x.replace('{file}', path) for x in shlex.split(a.cmd)]
                out = subprocess.run(cmd, capture_output=True, text=True)
                x = json.loads(out.stdout)
                kept = key(' '.join(x.get('paragraphs') or []))
                body = [key(s) for s in sents]
                total = sum(len(s) for s in body)
                got = sum(len(s) for s in body if s in kept)
                furniture = [key(s) for _, s in others] + [key(t) for t, _ in others]
                leaked = sum(len(s) for s in furniture if s and s in kept)
                st = stats.setdefault(name, {'n': 0, 'no': 0, 'titles': 0, 'kept': [], 'leak': 0, 'leakpages': 0})
                st['n'] += 1
                st['no'] += any(w.get('code') == 'no-article' for w in x.get('warnings', []))
                st['titles'] += key(x.get('title')) == key(title)
                st['kept'].append(got / total if total else 1.0)
                st['leak'] += leaked
                st['leakpages'] += leaked > 0
                if a.verbose and (got / total < 0.9 or leaked):
                    print(f'  {name} {os.path.basename(f)}: kept {got / total:.2f}, leaked {leaked} chars')
    print(f"{'layout':14} {'pages':>5} {'no-art':>6} {'titles':>6} {'median':>7} {'mean':>6} {'<90%':>5} {'leaky':>5}")
    figures = {}
    for name, st in stats.items():
        k = st['kept']
        figures[name] = {'no_article': st['no'], 'titles': st['titles'], 'kept_median': statistics.median(k),
                         'under_90': sum(v < 0.9 for v in k), 'leaky': st['leakpages']}
        print(f"{name:14} {st['n']:5} {st['no']:6} {st['titles']:6} {statistics.median(k):7.3f} {statistics.mean(k):6.3f} "
              f"{sum(v < 0.9 for v in k):5} {st['leakpages']:5}")
    if a.pins and not a.limit:
        pins = json.load(open(a.pins, encoding='utf-8'))['layouts']
        off = []
        for name, p in pins.items():
            got = figures[name]
            for fig, pin in p.items():
                floor = fig in ('titles', 'kept_median')
                if (got[fig] < pin) if floor else (got[fig] > pin):
                    off.append(f"{name} {fig}: {got[fig]} is {'below its floor' if floor else 'above its ceiling'} {pin}")
        for o in off:
            print('OFF', o)
        if off:
            sys.exit(1)
        print('all layouts within their pins')


if __name__ == '__main__':
    main()
