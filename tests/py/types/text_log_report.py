# A log parser and report: partition/rsplit, %-, str.format and f-string layouts, json.
from collections import defaultdict, OrderedDict, namedtuple
import json
LOG = """\
192.168.1.1 - - [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326
10.0.0.2 - frank [10/Oct/2000:13:56:01 -0700] "POST /login HTTP/1.1" 302 -
192.168.1.1 - - [10/Oct/2000:13:57:12 -0700] "GET /index.html HTTP/1.1" 404 512
# comment line
10.0.0.3 - - [10/Oct/2000:14:00:00 -0700] "GET /index.html HTTP/1.1" 200 10240
"""
Entry = namedtuple('Entry', 'ip user ts method path status size')
entries = []
for lineno, raw in enumerate(LOG.splitlines(), 1):
    line = raw.strip()
    if not line or line.startswith('#'):
        continue
    head, _, rest = line.partition(' [')
    ts, _, rest = rest.partition('] ')
    ip, _, user = head.split(' ', 2)
    req, status, size = rest.rsplit(' ', 2)
    method, path, proto = req.strip('"').split()
    e = Entry(ip, user, ts, method, path, int(status), 0 if size == '-' else int(size))
    entries.append(e)
    print('%3d %-15s %-6s %-20s %3d %8s' % (lineno, e.ip, e.method, e.path, e.status, '{:,}'.format(e.size)))
by_ip = defaultdict(list)
for e in entries:
    by_ip[e.ip].append(e)
for ip in sorted(by_ip):
    total = sum(e.size for e in by_ip[ip])
    print(f'{ip:>15} | {len(by_ip[ip]):2d} req | {total:>10,d} B | {total / 1024:8.2f} KiB | {total / sum(e.size for e in entries):6.1%}')
status_counts = {}
for e in entries:
    status_counts[e.status] = status_counts.get(e.status, 0) + 1
print(json.dumps(status_counts, sort_keys=True))
print(json.dumps([e._asdict() for e in entries][:1], indent=2))
print(entries[0], repr(entries[1].user))
table = [('Name', 'Qty', 'Price'), ('apple', 3, 1.5), ('banana', 12, 0.25), ('cherry', 100, 10.0)]
widths = [max(len(str(r[i])) for r in table) for i in range(3)]
for r in table:
    print(' | '.join(str(c).ljust(w) if isinstance(c, str) else str(c).rjust(w) for c, w in zip(r, widths)))
print('-+-'.join('-' * w for w in widths))
csv = 'id,name,score\n1,"Smith, J",88.5\n2,Lee,92\n3,,\n'
rows = [l.split(',') for l in csv.strip().split('\n')]
hdr = rows[0]
for r in rows[1:]:
    d = dict(zip(hdr, r))
    print(d, d.get('score') or 'n/a')
tmpl = 'Dear {name},\n  Your balance is {bal:>10.2f} as of {date}.\n  {note!r}'
print(tmpl.format(name='Alice', bal=-1234.5, date='2024-01-01', note="it's ok"))
print('%(a)s and %(b)r, %(c)5.1f%%' % dict(a='x', b='y', c=99.44))
words = 'the quick brown fox jumps over the lazy dog the end'.split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
for w, c in sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:4]:
    print(f'{w!s:<8}{c:>3}{"*" * c}')
text = "Hello, World! Hello again; goodbye world."
import re
tokens = re.findall(r"[a-z']+", text.lower())
print(tokens, len(set(tokens)))
print(text.translate(str.maketrans('', '', ',.!;')).lower().split())
s = 'The Quick Brown'
print(s[::-1], ' '.join(w[::-1] for w in s.split()), s.swapcase(), ''.join(sorted(s.lower().replace(' ', ''))))
print(hex(sum(ord(c) for c in s)), '{:08b}'.format(ord('A')), ''.join(chr(ord(c) + 1) for c in 'HAL'))
def wrap(text, width):
    lines, cur = [], ''
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur); cur = w
        else:
            cur = cur + ' ' + w if cur else w
    if cur: lines.append(cur)
    return lines
for l in wrap('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.', 20):
    print('|' + l.center(22) + '|')
