print("initialising package", __name__)
