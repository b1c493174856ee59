# Generator pipelines processing text records lazily.

log_lines = """\
2024-01-01 INFO start service
2024-01-01 WARN disk 91%
2024-01-02 ERROR failed to bind port 80
2024-01-02 INFO retry
# comment line
2024-01-03 ERROR timeout after 30s

2024-01-03 INFO stop service"""

def lines(text):
    for line in text.split("\n"):
        yield line

def non_blank(it):
    for line in it:
        if line.strip() and not line.startswith("#"):
            yield line

def parse(it):
    for line in it:
        date, level, message = line.split(" ", 2)
        yield {"date": date, "level": level, "msg": message}

def only(level, it):
    for rec in it:
        if rec["level"] == level:
            yield rec

records = parse(non_blank(lines(log_lines)))
errors = only("ERROR", records)
for rec in errors:
    print(rec["date"], rec["msg"])

# counts per level, using a fresh pipeline
counts = {}
for rec in parse(non_blank(lines(log_lines))):
    counts[rec["level"]] = counts.get(rec["level"], 0) + 1
print(counts)

# a tracing pipeline shows the interleaving of stages
def stage(name, it):
    for v in it:
        print(f"  {name} passes {v}")
        yield v

def numbers():
    for i in range(3):
        print(f"  source makes {i}")
        yield i

for v in stage("B", stage("A", numbers())):
    print("consumer got", v)

# batching
def batched(it, n):
    batch = []
    for v in it:
        batch.append(v)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch

print(list(batched(range(7), 3)), list(batched([], 2)))

# sliding window
def windows(it, n):
    win = []
    for v in it:
        win.append(v)
        if len(win) > n:
            win.pop(0)
        if len(win) == n:
            yield tuple(win)

print(list(windows("abcde", 3)))

# moving average over a generator
def moving_average(it, n):
    for w in windows(it, n):
        yield sum(w) / n

print(list(moving_average([1, 2, 3, 4, 5, 6], 2)))
