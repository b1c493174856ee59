print("_broken starts")
value = 1
raise ValueError("module failed during import")
