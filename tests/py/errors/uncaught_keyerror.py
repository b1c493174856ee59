# exp: hand
# exit: 1
# MicroPython prints the key of an uncaught KeyError without quotes.

prices = {"apple": 3, "pear": 5}
order = ["apple", "pear", "plum"]
total = 0
for fruit in order:
    total += prices[fruit]
    print(fruit, total)
