# Method calls and attribute access on small objects: a grid world of
# creatures (a base class and two subclasses with overridden methods, super()
# calls, a property, a class attribute counter) moving, eating and breeding
# for a number of ticks. Integer state only, so the result is exact.
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.state >> 8) % bound


class Creature:
    born = 0

    def __init__(self, x, y, energy):
        self.x = x
        self.y = y
        self.energy = energy
        self.age = 0
        Creature.born += 1

    @property
    def alive(self):
        return self.energy > 0

    def cost(self):
        return 1

    def move(self, rng, size):
        self.x = (self.x + rng.next(3) - 1) % size
        self.y = (self.y + rng.next(3) - 1) % size
        self.energy -= self.cost()
        self.age += 1

    def eat(self, food):
        return 0

    def offspring(self):
        return None


class Grazer(Creature):
    def eat(self, grass):
        key = self.y * 64 + self.x
        g = grass[key]
        if g > 0:
            bite = 3 if g >= 3 else g
            grass[key] = g - bite
            self.energy += bite * 2
            return bite
        return 0

    def offspring(self):
        if self.energy > 40:
            self.energy //= 2
            return Grazer(self.x, self.y, self.energy)
        return None


class Hunter(Creature):
    def __init__(self, x, y, energy):
        super().__init__(x, y, energy)
        self.kills = 0

    def cost(self):
        return 2 + self.age // 50

    def offspring(self):
        if self.energy > 120:
            self.energy //= 2
            return Hunter(self.x, self.y, self.energy)
        return None


class World:
    def __init__(self, seed):
        self.size = 64
        self.rng = Rng(seed)
        self.grass = [2] * (64 * 64)
        self.creatures = []
        for i in range(300):
            self.creatures.append(Grazer(self.rng.next(64), self.rng.next(64), 20))
        for i in range(30):
            self.creatures.append(Hunter(self.rng.next(64), self.rng.next(64), 60))
        self.eaten = 0

    def tick(self):
        rng = self.rng
        size = self.size
        grass = self.grass
        where = {}
        born = []
        for c in self.creatures:
            c.move(rng, size)
            self.eaten += c.eat(grass)
            child = c.offspring()
            if child is not None:
                born.append(child)
            if isinstance(c, Grazer):
                where[c.y * 64 + c.x] = c
        for c in self.creatures:
            if isinstance(c, Hunter):
                prey = where.get(c.y * 64 + c.x)
                if prey is not None and prey.alive:
                    c.energy += prey.energy
                    prey.energy = 0
                    c.kills += 1
        self.creatures = [c for c in self.creatures if c.alive] + born
        if len(self.creatures) > 3000:
            self.creatures = self.creatures[:3000]
        for i in range(600):
            k = rng.next(64 * 64)
            if grass[k] < 9:
                grass[k] += 1

    def census(self):
        g = h = e = 0
        for c in self.creatures:
            if isinstance(c, Hunter):
                h += 1
            else:
                g += 1
            e += c.energy
        return g, h, e


def main(ticks):
    w = World(12345)
    for _ in range(ticks):
        w.tick()
    g, h, e = w.census()
    print("objects", ticks, g, h, e, w.eaten, Creature.born, sum(w.grass))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 250)
