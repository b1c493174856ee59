# krait's unittest: the TestCase API and a text runner, frozen into the binary.
import sys


class SkipTest(Exception):
    pass


class _AssertRaisesContext:
    def __init__(self, expected, test_case, regex=None):
        self.expected = expected
        self.test_case = test_case
        self.exception = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            name = getattr(self.expected, "__name__", str(self.expected))
            raise AssertionError("%s not raised" % name)
        if issubclass(exc_type, self.expected):
            self.exception = exc_value
            return True
        return False


class _SubTest:
    def __init__(self, test_case, params):
        self.test_case = test_case
        self.params = params

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, tb):
        if exc_type is None:
            return False
        if issubclass(exc_type, SkipTest):
            return False
        result = self.test_case._result
        if result is None:
            return False
        desc = " ".join("%s=%r" % kv for kv in self.params.items())
        if issubclass(exc_type, AssertionError):
            result.failures.append((self.test_case, desc, exc_value))
        else:
            result.errors.append((self.test_case, desc, exc_value))
        result._subtest_failed = True
        return True


class TestCase:
    longMessage = True
    maxDiff = 80 * 8

    def __init__(self, methodName="runTest"):
        self._testMethodName = methodName
        self._result = None

    def id(self):
        return "%s.%s" % (type(self).__name__, self._testMethodName)

    def __str__(self):
        return "%s (%s.%s)" % (self._testMethodName, self.__module__, type(self).__name__)

    def setUp(self):
        pass

    def tearDown(self):
        pass

    @classmethod
    def setUpClass(cls):
        pass

    @classmethod
    def tearDownClass(cls):
        pass

    def skipTest(self, reason):
        raise SkipTest(reason)

    def subTest(self, msg=None, **params):
        if msg is not None:
            params["msg"] = msg
        return _SubTest(self, params)

    def fail(self, msg=None):
        raise AssertionError(msg if msg is not None else "")

    def _fail(self, default, msg):
        if msg is None:
            raise AssertionError(default)
        raise AssertionError("%s : %s" % (default, msg))

    def assertEqual(self, x, y, msg=None):
        if not x == y:
            self._fail("%r != %r" % (x, y), msg)

    def assertNotEqual(self, x, y, msg=None):
        if not x != y:
            self._fail("%r == %r" % (x, y), msg)

    def assertLess(self, x, y, msg=None):
        if not x < y:
            self._fail("%r is not less than %r" % (x, y), msg)

    def assertLessEqual(self, x, y, msg=None):
        if not x <= y:
            self._fail("%r is not less than or equal to %r" % (x, y), msg)

    def assertGreater(self, x, y, msg=None):
        if not x > y:
            self._fail("%r is not greater than %r" % (x, y), msg)

    def assertGreaterEqual(self, x, y, msg=None):
        if not x >= y:
            self._fail("%r is not greater than or equal to %r" % (x, y), msg)

    def assertAlmostEqual(self, x, y, places=None, msg=None, delta=None):
        if x == y:
            return
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        if delta is not None:
            if abs(x - y) <= delta:
                return
            self._fail("%r != %r within %r delta" % (x, y, delta), msg)
        if places is None:
            places = 7
        if round(abs(y - x), places) == 0:
            return
        self._fail("%r != %r within %r places" % (x, y, places), msg)

    def assertNotAlmostEqual(self, x, y, places=None, msg=None, delta=None):
        if delta is not None and places is not None:
            raise TypeError("specify delta or places not both")
        if delta is not None:
            if not (x == y) and abs(x - y) > delta:
                return
            self._fail("%r == %r within %r delta" % (x, y, delta), msg)
        if places is None:
            places = 7
        if not (x == y) and round(abs(y - x), places) != 0:
            return
        self._fail("%r == %r within %r places" % (x, y, places), msg)

    def assertIs(self, x, y, msg=None):
        if x is not y:
            self._fail("%r is not %r" % (x, y), msg)

    def assertIsNot(self, x, y, msg=None):
        if x is y:
            self._fail("%r is %r" % (x, y), msg)

    def assertIsNone(self, x, msg=None):
        if x is not None:
            self._fail("%r is not None" % (x,), msg)

    def assertIsNotNone(self, x, msg=None):
        if x is None:
            self._fail("unexpectedly None", msg)

    def assertTrue(self, x, msg=None):
        if not x:
            self._fail("Expected %r to be True" % (x,), msg)

    def assertFalse(self, x, msg=None):
        if x:
            self._fail("Expected %r to be False" % (x,), msg)

    def assertIn(self, x, y, msg=None):
        if x not in y:
            self._fail("Expected %r to be in %r" % (x, y), msg)

    def assertNotIn(self, x, y, msg=None):
        if x in y:
            self._fail("Expected %r not to be in %r" % (x, y), msg)

    def assertIsInstance(self, x, y, msg=None):
        if not isinstance(x, y):
            self._fail("%r is not an instance of %r" % (x, y), msg)

    def assertNotIsInstance(self, x, y, msg=None):
        if isinstance(x, y):
            self._fail("%r is an instance of %r" % (x, y), msg)

    def assertCountEqual(self, x, y, msg=None):
        a, b = list(x), list(y)
        for item in a:
            if item in b:
                b.remove(item)
            else:
                self._fail("Element counts were not equal", msg)
        if b:
            self._fail("Element counts were not equal", msg)

    def assertRaises(self, exc, func=None, *args, **kwargs):
        ctx = _AssertRaisesContext(exc, self)
        if func is None:
            return ctx
        with ctx:
            func(*args, **kwargs)
        return None

    def assertWarns(self, warn):
        return None


def skip(msg):
    def _decor(fun):
        def _inner(self, *args, **kwargs):
            raise SkipTest(msg)

        _inner.__name__ = getattr(fun, "__name__", "skipped")
        return _inner

    return _decor


def skipIf(cond, msg):
    if not cond:
        return lambda x: x
    return skip(msg)


def skipUnless(cond, msg):
    if cond:
        return lambda x: x
    return skip(msg)


def expectedFailure(test):
    def test_exp_fail(*args, **kwargs):
        try:
            test(*args, **kwargs)
        except Exception:
            pass
        else:
            assert False, "unexpected success"

    return test_exp_fail


class TestSuite:
    def __init__(self, name=""):
        self._tests = []
        self.name = name

    def addTest(self, cls):
        self._tests.append(cls)

    def run(self, result):
        for c in self._tests:
            _run_class(c, result)
        return result


class TestResult:
    def __init__(self):
        self.errorsNum = 0
        self.failuresNum = 0
        self.skippedNum = 0
        self.testsRun = 0
        self.errors = []
        self.failures = []
        self.skipped = []
        self._subtest_failed = False

    def wasSuccessful(self):
        return not self.errors and not self.failures

    def printErrors(self):
        print()
        for kind, entries in (("ERROR", self.errors), ("FAIL", self.failures)):
            for test, desc, exc in entries:
                print("=" * 70)
                name = str(test) if not desc else "%s (%s)" % (test, desc)
                print("%s: %s" % (kind, name))
                print("-" * 70)
                sys.print_exception(exc)


class TextTestRunner:
    def __init__(self, stream=None, verbosity=1):
        self.verbosity = verbosity

    def run(self, suite):
        res = TestResult()
        suite.run(res)
        res.printErrors()
        print("-" * 70)
        print("Ran %d tests\n" % res.testsRun)
        if res.failures or res.errors:
            print("FAILED (failures=%d, errors=%d)" % (len(res.failures), len(res.errors)))
        else:
            msg = "OK"
            if res.skipped:
                msg += " (skipped=%d)" % len(res.skipped)
            print(msg)
        return res


def _run_class(cls, result):
    names = sorted(n for n in dir(cls) if n.startswith("test") and callable(getattr(cls, n)))
    try:
        cls.setUpClass()
    except SkipTest as e:
        for n in names:
            result.skipped.append((n, e))
        return
    for name in names:
        test = cls(name)
        test._result = result
        print("%s (%s.%s) ..." % (name, test.__module__, cls.__name__), end="")
        result._subtest_failed = False
        result.testsRun += 1
        try:
            test.setUp()
            try:
                getattr(test, name)()
            finally:
                test.tearDown()
            if result._subtest_failed:
                print(" FAIL")
            else:
                print(" ok")
        except SkipTest as e:
            reason = e.args[0] if e.args else ""
            print(" skipped:", reason)
            result.skipped.append((name, reason))
        except AssertionError as e:
            print(" FAIL")
            result.failures.append((test, "", e))
        except Exception as e:
            print(" ERROR")
            result.errors.append((test, "", e))
    cls.tearDownClass()


def main(module="__main__", testRunner=None):
    if isinstance(module, str):
        module = sys.modules[module]
    suite = TestSuite(module.__name__)
    for name in dir(module):
        obj = getattr(module, name)
        if isinstance(obj, type) and issubclass(obj, TestCase) and obj is not TestCase:
            suite.addTest(obj)
    runner = testRunner or TextTestRunner()
    result = runner.run(suite)
    if not result.wasSuccessful():
        sys.exit(1)
    return result
