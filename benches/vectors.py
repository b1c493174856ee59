# Operator overloading and properties: a 3-D integer vector class with
# __add__/__sub__/__mul__/__rmul__/__neg__/__eq__/__hash__, a read-only property
# and a dot method, used to run a tiny particle integrator, hash vectors into a
# dict and compare them. Integer arithmetic only, so the result is exact.
import sys


class Vec:
    def __init__(self, x, y, z):
        self.x = x
        self.y = y
        self.z = z

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y, self.z + o.z)

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y, self.z - o.z)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k, self.z * k)

    __rmul__ = __mul__

    def __neg__(self):
        return Vec(-self.x, -self.y, -self.z)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y and self.z == o.z

    def __hash__(self):
        return (self.x * 31 + self.y) * 31 + self.z

    def dot(self, o):
        return self.x * o.x + self.y * o.y + self.z * o.z

    def sign(self):
        x, y, z = self.x, self.y, self.z
        return Vec((x > 0) - (x < 0), (y > 0) - (y < 0), (z > 0) - (z < 0))

    @property
    def norm1(self):
        return abs(self.x) + abs(self.y) + abs(self.z)

    def __repr__(self):
        return "Vec(%d, %d, %d)" % (self.x, self.y, self.z)


def clamp(v, lo, hi):
    if v.x < lo or v.x > hi or v.y < lo or v.y > hi or v.z < lo or v.z > hi:
        return -v
    return v


def main(steps):
    pos = [Vec(i, 2 * i - 7, 3 - i) for i in range(16)]
    vel = [Vec((i * 7) % 5 - 2, (i * 3) % 7 - 3, (i * 5) % 3 - 1) for i in range(16)]
    gravity = Vec(0, 0, -1)
    seen = {}
    work = 0
    for step in range(steps):
        for i in range(16):
            v = vel[i] + gravity
            if step % 8 == 0:
                # every eighth step: a kick upwards and a pull towards the next particle
                v = v - 2 * gravity + (pos[(i + 1) % 16] - pos[i]).sign()
            p = pos[i] + v
            v = clamp(v, -20, 20)
            if p.norm1 > 200:
                p = Vec(p.x % 50, p.y % 50, p.z % 50)
                v = -v
            pos[i] = p
            vel[i] = v
            work += p.dot(v)
            key = Vec(p.x % 8, p.y % 8, p.z % 8)
            seen[key] = seen.get(key, 0) + 1
            if p == pos[(i + 1) % 16]:
                work += 1
    total = Vec(0, 0, 0)
    for p in pos:
        total = total + p
    print("vectors", steps, total, work, len(seen), max(seen.values()))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 12000)
