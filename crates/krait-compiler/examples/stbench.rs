use krait_syntax::Mode;
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let which = std::env::args().nth(2).unwrap();
    let src = std::fs::read_to_string(&path).unwrap();
    let module = krait_syntax::parse(&src, Mode::File).unwrap();
    let t = std::time::Instant::now();
    let n: usize = std::env::args().nth(3).map_or(50, |s| s.parse().unwrap());
    for _ in 0..n {
        if which == "walk" {
            std::hint::black_box(walk_count(&module.body));
        } else if which == "st" {
            let st = krait_compiler::symtable::build(&module, 0).unwrap();
            std::hint::black_box(&st);
        } else {
            let c = krait_compiler::compile_module(&module, "x", Mode::File).unwrap();
            std::hint::black_box(&c);
        }
    }
    println!("{:.2} ms per run", t.elapsed().as_secs_f64() * 1e3 / n as f64);
}

#[allow(dead_code)]
pub fn walk_count(stmts: &[krait_syntax::ast::Stmt]) -> usize {
    use krait_syntax::ast::*;
    fn e(x: &Expr) -> usize {
        1 + match &x.kind {
            ExprKind::BinOp { left, right, .. } => e(left) + e(right),
            ExprKind::Call { func, args, keywords } => {
                e(func) + args.iter().map(e).sum::<usize>() + keywords.iter().map(|k| e(&k.value)).sum::<usize>()
            }
            ExprKind::Attribute { value, .. } => e(value),
            ExprKind::Compare { left, comparators, .. } => e(left) + comparators.iter().map(e).sum::<usize>(),
            ExprKind::BoolOp { values, .. } => values.iter().map(e).sum(),
            ExprKind::Dict { keys, values } => {
                keys.iter().flatten().map(e).sum::<usize>() + values.iter().map(e).sum::<usize>()
            }
            ExprKind::Tuple(v) | ExprKind::List(v) => v.iter().map(e).sum(),
            ExprKind::ListComp { elt, generators } => {
                e(elt)
                    + generators
                        .iter()
                        .map(|g| e(&g.target) + e(&g.iter) + g.ifs.iter().map(e).sum::<usize>())
                        .sum::<usize>()
            }
            ExprKind::Subscript { value, slice } => e(value) + e(slice),
            ExprKind::UnaryOp { operand, .. } => e(operand),
            _ => 0,
        }
    }
    fn s(x: &Stmt) -> usize {
        1 + match &x.kind {
            StmtKind::Expr(x) => e(x),
            StmtKind::Assign { targets, value } => targets.iter().map(e).sum::<usize>() + e(value),
            StmtKind::AugAssign { target, value, .. } => e(target) + e(value),
            StmtKind::FunctionDef(f) => {
                f.body.iter().map(s).sum::<usize>() + f.args.defaults.iter().map(e).sum::<usize>()
            }
            StmtKind::ClassDef(c) => c.body.iter().map(s).sum::<usize>() + c.bases.iter().map(e).sum::<usize>(),
            StmtKind::Return(v) => v.as_ref().map_or(0, e),
            StmtKind::If { test, body, orelse } => {
                e(test) + body.iter().map(s).sum::<usize>() + orelse.iter().map(s).sum::<usize>()
            }
            StmtKind::For { target, iter, body, .. } => e(target) + e(iter) + body.iter().map(s).sum::<usize>(),
            StmtKind::Try { body, handlers, .. } => {
                body.iter().map(s).sum::<usize>()
                    + handlers
                        .iter()
                        .map(|h| h.typ.as_ref().map_or(0, e) + h.body.iter().map(s).sum::<usize>())
                        .sum::<usize>()
            }
            StmtKind::Raise { exc, cause } => exc.as_ref().map_or(0, e) + cause.as_ref().map_or(0, e),
            _ => 0,
        }
    }
    stmts.iter().map(s).sum()
}
