def sub():
    return "sub function"
