# exp: hand
# exit: 1
# Output printed before an uncaught exception appears first, in order, even without a newline.

for i in range(3):
    print("line", i)
print("partial line without newline...", end="")
items = [1, 2, 3]
print(items[3])
