def main():
    return "main() ran"


if __name__ == "__main__":
    print("_mainguard run as a script")
else:
    print("_mainguard imported as", __name__)
