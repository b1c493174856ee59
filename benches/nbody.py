# Float arithmetic on lists: a small gravitational system (five made-up
# bodies, G = 1) integrated with a fixed time step; prints the energy before
# and after, and the final position of the first body.
import sys

# x, y, z, vx, vy, vz, mass -- invented initial conditions
BODIES = [
    [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 50.0],
    [6.0, 0.0, 0.5, 0.0, 2.9, 0.1, 0.4],
    [0.0, -9.5, 0.0, 2.3, 0.0, -0.05, 0.25],
    [-14.0, 1.0, -1.0, 0.1, -1.85, 0.0, 0.6],
    [3.0, 21.0, 0.0, -1.5, 0.2, 0.02, 0.05],
]


def offset_momentum(bodies):
    px = py = pz = 0.0
    total = 0.0
    for b in bodies:
        px += b[3] * b[6]
        py += b[4] * b[6]
        pz += b[5] * b[6]
        total += b[6]
    # give the heaviest body the opposite momentum so the centre stays put
    c = bodies[0]
    c[3] -= px / c[6]
    c[4] -= py / c[6]
    c[5] -= pz / c[6]


def energy(bodies):
    e = 0.0
    n = len(bodies)
    for i in range(n):
        a = bodies[i]
        e += 0.5 * a[6] * (a[3] * a[3] + a[4] * a[4] + a[5] * a[5])
        for j in range(i + 1, n):
            b = bodies[j]
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            e -= a[6] * b[6] / (dx * dx + dy * dy + dz * dz) ** 0.5
    return e


def advance(bodies, dt, steps):
    n = len(bodies)
    pairs = [(bodies[i], bodies[j]) for i in range(n) for j in range(i + 1, n)]
    for _ in range(steps):
        for a, b in pairs:
            dx = a[0] - b[0]
            dy = a[1] - b[1]
            dz = a[2] - b[2]
            d2 = dx * dx + dy * dy + dz * dz
            mag = dt / (d2 * d2 ** 0.5)
            bm = b[6] * mag
            am = a[6] * mag
            a[3] -= dx * bm
            a[4] -= dy * bm
            a[5] -= dz * bm
            b[3] += dx * am
            b[4] += dy * am
            b[5] += dz * am
        for b in bodies:
            b[0] += dt * b[3]
            b[1] += dt * b[4]
            b[2] += dt * b[5]


def main(steps):
    bodies = [list(b) for b in BODIES]
    offset_momentum(bodies)
    e0 = energy(bodies)
    advance(bodies, 0.001, steps)
    e1 = energy(bodies)
    p = bodies[1]
    print("nbody %d %.9f %.9f %.6f %.6f %.6f" % (steps, e0, e1, p[0], p[1], p[2]))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 100000)
