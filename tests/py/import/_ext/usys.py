print("ERROR: u-names are always built-in")
