# functools and itertools as programs use them.
import functools
import itertools
from functools import partial, reduce, wraps, lru_cache, cmp_to_key, total_ordering


def power(base, exp, mod=None):
    return pow(base, exp, mod) if mod else base**exp


square = partial(power, exp=2)
print(square(7), partial(power, 2)(10), partial(partial(power, 3), 3)(), partial(power, 2, mod=7)(10))
print(reduce(lambda a, b: a * b, range(1, 11)), reduce(lambda a, b: a + b, [], 100))
try:
    reduce(lambda a, b: a, [])
except TypeError as e:
    print("TypeError")


def logged(f):
    @wraps(f)
    def inner(*a, **k):
        return f(*a, **k)

    return inner


@logged
def named_function(x):
    return x + 1


print(named_function.__name__, named_function(1), named_function.__wrapped__(5))


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@lru_cache(maxsize=2)
def sq(n):
    return n * n


for n in [1, 2, 1, 3, 2, 1]:
    sq(n)
print(sq.cache_info())


@functools.cache
def slow(x, y=1):
    return x * y


print(slow(3), slow(3), slow(3, y=2), slow.cache_info())

words = ["pear", "Apple", "fig", "banana"]
print(sorted(words, key=cmp_to_key(lambda a, b: (len(a) > len(b)) - (len(a) < len(b)))))


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2), sorted([b, a])[0].parts)

print(list(itertools.islice(itertools.count(10, 5), 4)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.repeat("x", 3)))
print(list(itertools.accumulate([1, 2, 3, 4])), list(itertools.accumulate([1, 2, 3], lambda a, b: a * b, initial=10)))
print(list(itertools.chain([1, 2], (3,), "ab")), list(itertools.chain.from_iterable([[1], [2, 3]])))
print(list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(itertools.dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(itertools.filterfalse(lambda x: x % 2, range(7))), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print(list(itertools.islice("abcdefg", 2)), list(itertools.islice("abcdefg", 2, 6, 2)), list(itertools.islice("abc", 1, None)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])))
x, y = itertools.tee(iter([1, 2, 3]))
print(list(x), list(y))
print(list(itertools.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print([(k, list(g)) for k, g in itertools.groupby("aaabccaa")])
print([(k, len(list(g))) for k, g in itertools.groupby(sorted(words, key=len), key=len)])
print([k for k, g in itertools.groupby([1, 1, 2, 3, 3])])
print(list(itertools.product("ab", range(2))), len(list(itertools.product(range(3), repeat=3))))
print(list(itertools.permutations("abc", 2)), len(list(itertools.permutations(range(5)))))
print(list(itertools.combinations("abcd", 2)), list(itertools.combinations(range(3), 5)))
print(list(itertools.combinations_with_replacement("ab", 3)))
print(list(itertools.pairwise([1, 2, 4, 7])))
