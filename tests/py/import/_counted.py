print("_counted body executing")
loads = []
loads.append(1)
