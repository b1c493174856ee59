# Float arithmetic in a tight loop: escape-time iteration over a grid of the
# complex plane, done with separate real and imaginary floats; reports how many
# points stay bounded and the total iteration count, plus a small ASCII row.
import sys


def mandel(width, height, max_iter):
    inside = 0
    total = 0
    row_marks = []
    y0 = -1.25
    dy = 2.5 / height
    dx = 3.0 / width
    for py in range(height):
        ci = y0 + py * dy
        marks = 0
        for px in range(width):
            cr = -2.0 + px * dx
            zr = 0.0
            zi = 0.0
            zr2 = 0.0
            zi2 = 0.0
            it = 0
            while it < max_iter and zr2 + zi2 <= 4.0:
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                zr2 = zr * zr
                zi2 = zi * zi
                it += 1
            total += it
            if it == max_iter:
                inside += 1
                marks += 1
        row_marks.append(marks)
    return inside, total, row_marks


def main(size):
    inside, total, rows = mandel(size, size * 3 // 4, 64)
    mid = rows[len(rows) // 2]
    print("mandelbrot", size, inside, total, mid, max(rows))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 500)
