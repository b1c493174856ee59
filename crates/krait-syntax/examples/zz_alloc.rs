use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
struct C;
static N: AtomicUsize = AtomicUsize::new(0);
static B: AtomicUsize = AtomicUsize::new(0);
static R: AtomicUsize = AtomicUsize::new(0);
static H: [AtomicUsize; 4096] = [const { AtomicUsize::new(0) }; 4096];
static HB: [AtomicUsize; 4096] = [const { AtomicUsize::new(0) }; 4096];
unsafe impl GlobalAlloc for C {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 { N.fetch_add(1, Ordering::Relaxed); B.fetch_add(l.size(), Ordering::Relaxed); H[l.size().min(4095)].fetch_add(1, Ordering::Relaxed); System.alloc(l) }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) { System.dealloc(p, l) }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 { R.fetch_add(1, Ordering::Relaxed); B.fetch_add(n, Ordering::Relaxed); HB[n.min(4095)].fetch_add(1, Ordering::Relaxed); System.realloc(p, l, n) }
}
#[global_allocator]
static G: C = C;
fn main() {
    let src = std::fs::read_to_string("/tmp/1mb.py").unwrap();
    let _ = krait_syntax::parse(&src, krait_syntax::Mode::File);
    let (n0, b0, r0) = (N.load(Ordering::Relaxed), B.load(Ordering::Relaxed), R.load(Ordering::Relaxed));
    let t = krait_syntax::lexer::tokenize(&src, krait_syntax::lexer::LexConfig::file());
    let (n1, b1, r1) = (N.load(Ordering::Relaxed), B.load(Ordering::Relaxed), R.load(Ordering::Relaxed));
    drop(t);
    for h in H.iter().chain(HB.iter()) { h.store(0, Ordering::Relaxed); }
    let m = krait_syntax::parse(&src, krait_syntax::Mode::File);
    let (n2, b2, r2) = (N.load(Ordering::Relaxed), B.load(Ordering::Relaxed), R.load(Ordering::Relaxed));
    println!("lex: {} allocs {} reallocs {} bytes; parse(total): {} allocs {} reallocs {} bytes", n1-n0, r1-r0, b1-b0, n2-n1, r2-r1, b2-b1);
    drop(m);
    let mut v: Vec<(usize, usize, usize)> = (0..4096).map(|i| (H[i].load(Ordering::Relaxed), HB[i].load(Ordering::Relaxed), i)).filter(|x| x.0 + x.1 > 0).collect();
    v.sort_by_key(|x| std::cmp::Reverse((x.0 + x.1) * x.2));
    for (a, r, sz) in v.iter().take(15) { println!("size {sz}: {a} allocs {r} reallocs = {} KB", (a + r) * sz / 1024); }
}
