# Dicts and strings: generate pseudo-English text from syllables with a
# linear congruential generator, then split it into lines and words, normalise
# the words (strip punctuation, lower-case), count them in a dict, count
# bigrams keyed by tuples, and report the most common words.
import sys

SYLLABLES = ["ka", "ro", "mi", "te", "lu", "an", "sel", "vor", "ith", "pa",
             "dre", "no", "qui", "zo", "bel", "ut", "Ha", "Ge", "ost", "ne"]
PUNCT = ["", "", "", "", ",", ".", ";", "!", "?", ""]


def make_text(nwords, seed):
    state = seed
    words = []
    line = []
    for i in range(nwords):
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        nsyl = 1 + (state >> 28) % 3
        w = ""
        s = state
        for k in range(nsyl):
            w += SYLLABLES[(s >> (5 * k + 3)) % 20]
        w += PUNCT[(s >> 20) % 10]
        line.append(w)
        if len(line) == 12:
            words.append(" ".join(line))
            line = []
    words.append(" ".join(line))
    return "\n".join(words)


def count_words(text):
    counts = {}
    bigrams = {}
    prev = None
    lines = text.split("\n")
    for line in lines:
        for raw in line.split():
            w = raw.strip(",.;!?").lower()
            if not w:
                continue
            counts[w] = counts.get(w, 0) + 1
            if prev is not None:
                key = (prev, w)
                if key in bigrams:
                    bigrams[key] += 1
                else:
                    bigrams[key] = 1
            prev = w
    return len(lines), counts, bigrams


def main(nwords):
    text = make_text(nwords, 42)
    nlines, counts, bigrams = count_words(text)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    best_pair = max(bigrams.items(), key=lambda kv: (kv[1], kv[0]))
    longest = max(counts, key=lambda w: (len(w), w))
    print("wordcount", nwords, len(text), nlines, len(counts), len(bigrams),
          " ".join("%s=%d" % kv for kv in top), "%s+%s=%d" % (best_pair[0][0], best_pair[0][1], best_pair[1]), longest)


main(int(sys.argv[1]) if len(sys.argv) > 1 else 300000)
