print("ERROR: math is not extensible")
