# try/except/else/finally in every combination and their order of execution.

def run(action):
    log = []
    try:
        log.append("try")
        if action == "raise":
            raise ValueError
        if action == "raise-other":
            raise KeyError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log

print(run("ok"))
print(run("raise"))
try:
    run("raise-other")
except KeyError:
    print("KeyError escaped after finally")

# try/finally without except
def only_finally(fail):
    log = []
    try:
        try:
            log.append("body")
            if fail:
                raise RuntimeError
        finally:
            log.append("cleanup")
    except RuntimeError:
        log.append("outer caught")
    return log

print(only_finally(False), only_finally(True))

# try/except/else without finally
def parse(s):
    try:
        n = int(s)
    except ValueError:
        return "bad"
    else:
        return n * 2

print(parse("21"), parse("x"))

# an exception raised in else is not caught by the same try's handlers
def else_raises():
    try:
        pass
    except ZeroDivisionError:
        return "handler"
    else:
        return 1 / 0

try:
    else_raises()
except ZeroDivisionError:
    print("ZeroDivisionError from else propagated")

# an exception raised in except goes through finally
def handler_raises():
    log = []
    try:
        try:
            raise ValueError
        except ValueError:
            log.append("handler")
            raise TypeError
        finally:
            log.append("finally")
    except TypeError:
        log.append("outer TypeError")
    return log

print(handler_raises())

# finally runs on return from try and from except
def ret_try():
    try:
        return "from try"
    finally:
        print("finally after try return")

def ret_except():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    finally:
        print("finally after except return")

print(ret_try())
print(ret_except())

# finally runs for every loop iteration, including continue and break
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print("body", i)
    finally:
        print("finally", i)

# multiple except clauses with else and finally
def classify(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        r = "div0"
    except TypeError:
        r = "type"
    else:
        r = "ok %.1f" % r
    finally:
        r = "[" + r + "]"
    return r

print(classify(4), classify(0), classify("s"))
