use std::time::Instant;
fn main() {
    let src = std::fs::read_to_string("/tmp/1mb.py").unwrap();
    let mut v = Vec::new();
    for _ in 0..8 {
        let t = Instant::now();
        let m = krait_syntax::parse(&src, krait_syntax::Mode::File);
        v.push(format!("{:.1}", t.elapsed().as_secs_f64() * 1e3));
        drop(m);
    }
    println!("parse times ms: {}", v.join(" "));
}
