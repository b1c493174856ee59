# exp: hand
# MicroPython's compiler reads @micropython.<emitter> decorators itself, so an
# unknown one is a SyntaxError when the code is compiled, not an error at run time.
def check(src):
    try:
        exec(src)
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.args[0])


check("@micropython.a\ndef f(): pass")
check("@micropython.a.b\ndef f(): pass")
check("@micropython.asm_thumb\ndef f(): pass")
check("import micropython\n@micropython.native\ndef f(): pass")
check("import micropython\n@micropython.bytecode\ndef f(): pass")
check("def micro(f): return f\n@micro\ndef f(): pass")
