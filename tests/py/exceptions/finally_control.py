# finally with return, break and continue: what wins and what is discarded.

def finally_overrides_return():
    try:
        return "try"
    finally:
        return "finally"

print(finally_overrides_return())

def finally_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed it"

print(finally_swallows_exception())

def return_value_evaluated_before_finally():
    x = [1]
    try:
        return x
    finally:
        x.append(2)

print(return_value_evaluated_before_finally())

def rebinding_in_finally():
    x = 1
    try:
        return x
    finally:
        x = 2

print(rebinding_in_finally())

# break in finally discards the exception
def break_in_finally():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return "loop exited, i=%d" % i

print(break_in_finally())

# continue in finally
def continue_in_finally():
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise IndexError
            out.append(i)
        finally:
            out.append("f%d" % i)
            continue
    return out

print(continue_in_finally())

# return inside try within a loop still runs finally once
def loop_return():
    log = []
    for i in range(5):
        try:
            if i == 2:
                return log
            log.append(i)
        finally:
            log.append("fin")
    return "never"

print(loop_return())

# break out of try inside while runs finally
n = 0
while True:
    try:
        n += 1
        if n == 3:
            break
    finally:
        print("finally with n =", n)
print("after loop", n)

# nested finally blocks with returns: the outermost return wins
def nested_returns():
    try:
        try:
            return 1
        finally:
            return 2
    finally:
        print("outer finally")

print(nested_returns())

# an exception in finally replaces the one in flight
def replace():
    try:
        raise ValueError("first")
    finally:
        raise TypeError("second")

try:
    replace()
except TypeError as e:
    print("TypeError", e)
except ValueError:
    print("ValueError should have been replaced")

# finally inside a generator runs when the loop breaks and the generator is closed
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("generator finally")

g = gen()
for v in g:
    break
g.close()
print("done")
