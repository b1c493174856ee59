# A binary record file written and parsed with struct + io (readinto a memoryview slice),
# a ring buffer on array + memoryview, a moving average on a deque, and a CSV export through
# io.StringIO. Works in a fresh directory under /tmp.

import struct, io, os, binascii
from array import array
from collections import namedtuple, deque

Header = namedtuple('Header', 'magic version count flags')
HDR = struct.Struct('<4sHHI') if hasattr(struct, 'Struct') else None
REC = '<IhHf'
def build():
    b = io.BytesIO()
    b.write(struct.pack('<4sHHI', b'KRT1', 2, 3, 0xA5))
    for i in range(3):
        b.write(struct.pack(REC, i * 1000, -i, i * 7, i / 4))
    return b.getvalue()
data = build()
print(len(data), binascii.hexlify(data[:12], ' '))
f = io.BytesIO(data)
h = Header(*struct.unpack('<4sHHI', f.read(struct.calcsize('<4sHHI'))))
print(h, h.magic.decode(), h._asdict())
recs = []
sz = struct.calcsize(REC)
while True:
    chunk = f.read(sz)
    if len(chunk) < sz: break
    recs.append(struct.unpack(REC, chunk))
print(recs)
buf = bytearray(data)
for off in range(12, len(buf), sz):
    ts, a, b, c = struct.unpack_from(REC, buf, off)
    struct.pack_into('<I', buf, off, ts + 1)
print(binascii.crc32(buf) & 0xffffffff, binascii.crc32(data))
mv = memoryview(buf)
print(struct.unpack('<I', mv[12:16]), bytes(mv[:4]), mv[4], mv[-1])
import time
D = '/tmp/krait_combo_%d_%d' % (os.getpid(), time.time_ns() % 1000000007)
os.mkdir(D)
p = D + '/data.bin'
with open(p, 'wb') as fh:
    n = fh.write(buf); print('wrote', n)
with open(p, 'rb') as fh:
    hdr = bytearray(12)
    print(fh.readinto(hdr), struct.unpack('<4sHHI', hdr))
    recbuf = bytearray(sz * 3)
    mvr = memoryview(recbuf)
    got = 0
    while got < len(recbuf):
        k = fh.readinto(mvr[got:got + 5])
        if not k: break
        got += k
    print(got, [struct.unpack_from(REC, recbuf, i * sz) for i in range(3)])
    print(fh.read(), fh.tell(), os.stat(p)[6])
os.remove(p); os.rmdir(D)

# ring buffer
class Ring:
    def __init__(self, n, tc='h'):
        self.a = array(tc, [0] * n); self.n = n; self.i = 0; self.full = False
        self.mv = memoryview(self.a)
    def push(self, v):
        self.a[self.i] = v; self.i = (self.i + 1) % self.n
        if self.i == 0: self.full = True
    def values(self):
        if not self.full: return list(self.a[:self.i])
        return list(self.a[self.i:]) + list(self.a[:self.i])
    def avg(self):
        v = self.values(); return sum(v) / len(v)
r = Ring(5)
for x in [3, -1, 4, 1, -5, 9, 2, 6]: r.push(x)
print(r.values(), r.avg(), r.mv[0], len(r.mv), bytes(r.mv[:2]))
r.mv[1] = 100; print(r.a)
win = deque(maxlen=3)
for x in range(7):
    win.append(x); print(sum(win) / len(win), end=' ')
print()

# CSV exporter
rows = [('name', 'qty', 'price'), ('apple', 3, 0.5), ('pear, green', 10, 1.25), ('q"uote', 0, 1e-3)]
out = io.StringIO()
for row in rows:
    cells = []
    for c in row:
        s = str(c)
        if ',' in s or '"' in s: s = '"' + s.replace('"', '""') + '"'
        cells.append(s)
    out.write(','.join(cells) + '\n')
text = out.getvalue()
print(text, end='')
print(len(text), text.count('\n'))
inp = io.StringIO(text)
print(inp.readline().strip().split(','))
for line in inp: print(repr(line.rstrip('\n')))
print('%-10s|%5d|%8.3f' % ('x', 42, 3.14159))
print('{:>8}|{:^7}|{:<4}|{:08.3f}|{:+d}|{:,}|{:x}|{:#o}|{:e}'.format('r', 'c', 'l', 3.14159, 5, 1234567, 255, 8, 12345.678))
