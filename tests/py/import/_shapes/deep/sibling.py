print("loading", __name__)
OFFSET = 0
