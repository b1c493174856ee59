# os.path: join, split, basename, dirname, splitext, normpath, abspath, isabs,
# exists, isdir, isfile, islink, getsize (POSIX rules).

import os
import os.path

for parts in [("a",), ("a", "b"), ("a/", "b"), ("/a", "/b", "c"), ("", "b"), ("a", ""), ("a", "b/", "c"), ("/",)]:
    print(parts, os.path.join(*parts))
print(os.path.join(b"x", b"y"))
for p in ["", "/", "//", "a", "a/", "/a", "/a/b", "a/b/", "a//b", "///a//b//", "/a/b.txt", "../x"]:
    print(repr(p), os.path.split(p), os.path.basename(p), os.path.dirname(p))
for p in ["a.txt", "a.b.c", ".bashrc", "..x", "a/.b", "a.d/b", "a.", "noext", "/x/y.tar.gz", "...", ""]:
    print(repr(p), os.path.splitext(p))
for p in ["", ".", "a/./b", "a/../b", "../a", "/../a", "a/b/../..", "//a", "///a", "a//b/", "./", "a/b/c/../../..", "/."]:
    print(repr(p), os.path.normpath(p))
print(os.path.isabs("/x"), os.path.isabs("x"), os.path.abspath("/a/./b/.."), os.path.abspath(".") == os.getcwd())
print(os.path.abspath("x/y") == os.getcwd() + "/x/y", os.path.abspath(b"/q"), os.path.normpath(b"a//b"))

print(os.path.exists("os_path.py"), os.path.exists("no_such_file"), os.path.isfile("os_path.py"), os.path.isdir("os_path.py"))
print(os.path.isdir("."), os.path.isdir(".."), os.path.isfile("."), os.path.islink("os_path.py"), os.path.exists(""))
print(os.path.getsize("os_path.py") == os.stat("os_path.py")[6], os.path.sep, os.path is os.path)
try:
    os.path.join("a", b"b")
except TypeError:
    print("TypeError")
