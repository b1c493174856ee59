//! The parser: tokens to [`ast::Module`], by hand-written recursive descent with
//! precedence climbing for the binary operators.
//!
//! Besides the grammar it enforces the rules CPython checks while parsing or
//! building its symbol table that need no scope analysis: assignment-target
//! validity, `return`/`yield`/`await` placement, `break`/`continue` outside a
//! loop, argument-list rules and the like. Recursion is bounded by a depth
//! counter so that no input can exhaust the native stack.
//!
//! Left to the compiler, which knows scopes: `yield`/`await` inside a
//! comprehension, `:=` rebinding a comprehension variable or used in a class
//! body's comprehension, `global`/`nonlocal` conflicts and missing bindings,
//! names used before their `global` declaration, and `return` with a value in
//! an async generator.

use crate::ast::*;
use crate::lexer::{LexConfig, Lexer};
use crate::qstr::Qstr;
use crate::token::{FField, FPiece, StrLit, Tok, Token};
use crate::wtf8::Wtf8Buf;
use crate::{Mode, SyntaxError};

/// Maximum nesting of expressions and blocks (each bracket, unary operator,
/// `**`, conditional expression, lambda and block level counts once).
pub const MAX_DEPTH: u32 = 250;

/// Longest chain of left-nested nodes the parser builds without recursing
/// (`a + b + ...`, `a.b.c...`, `elif` clauses). Such chains are cheap to
/// parse but make equally deep trees, which whoever walks (or drops) them
/// recursively pays for; CPython's compiler gives up at a few thousand.
pub const MAX_CHAIN: u32 = 1000;

type PResult<T> = Result<T, SyntaxError>;

pub fn parse(source: &str, mode: Mode) -> Result<Module, SyntaxError> {
    let cfg = LexConfig { indentation: mode != Mode::Eval, implicit_paren: false, line: 1, col: 0 };
    let mut p = Parser::new(source, cfg, Ctx::MODULE, 0);
    let body = match mode {
        Mode::File => p.file_input()?,
        Mode::Eval => p.eval_input()?,
        Mode::Single => p.single_input()?,
    };
    Ok(Module { body })
}

/// A module parsed one top-level statement at a time, so that a caller (the
/// compiler) can process and drop each statement before the next is parsed:
/// the whole tree of a large file never exists at once.
///
/// The statements, and the error if any, are exactly those of [`parse`]: in
/// `Mode::File` each call parses the next statement (a line of simple
/// statements separated by `;` is handed out one statement per call); in
/// `Mode::Eval` and `Mode::Single` the first call parses the whole (short)
/// input. After the end of the input or an error, the stream yields nothing
/// more.
pub struct StmtStream<'a> {
    p: Parser<'a>,
    mode: Mode,
    /// No more statements (end of input reached, or an error returned).
    done: bool,
}

/// Literal tables longer than this are compacted between statements.
const COMPACT_LITERALS: usize = 64;

/// A t-string written next to another kind of string literal (PEP 750 allows
/// implicit concatenation of t-strings with t-strings only).
const MIXED_TSTRING: &str = "cannot mix t-string literals with string or bytes literals";

impl<'a> StmtStream<'a> {
    pub fn new(source: &'a str, mode: Mode) -> StmtStream<'a> {
        let cfg = LexConfig { indentation: mode != Mode::Eval, implicit_paren: false, line: 1, col: 0 };
        StmtStream { p: Parser::new(source, cfg, Ctx::MODULE, 0), mode, done: false }
    }

    /// The next top-level statement, `None` at the end of the input.
    pub fn next_stmt(&mut self) -> Result<Option<Stmt>, SyntaxError> {
        // Statements parsed but not yet handed out are kept in reverse order.
        if let Some(s) = self.p.stmt_stack.pop() {
            return Ok(Some(s));
        }
        if self.done {
            return Ok(None);
        }
        let r = self.parse_more();
        if r.is_err() {
            self.done = true;
            self.p.stmt_stack.clear();
        }
        r?;
        self.p.stmt_stack.reverse();
        Ok(self.p.stmt_stack.pop())
    }

    /// Parse onto the (empty) statement stack: the next line's statements, or
    /// nothing at the end of the input.
    fn parse_more(&mut self) -> PResult<()> {
        let p = &mut self.p;
        match self.mode {
            Mode::File => loop {
                match p.peek() {
                    Tok::EndMarker => {
                        self.done = true;
                        return Ok(());
                    }
                    Tok::Newline => p.bump(),
                    _ => {
                        p.compact_literals();
                        return p.statement();
                    }
                }
            },
            Mode::Eval | Mode::Single => {
                self.done = true;
                let body = if self.mode == Mode::Eval { p.eval_input()? } else { p.single_input()? };
                p.stmt_stack = body;
                Ok(())
            }
        }
    }
}

impl Iterator for StmtStream<'_> {
    type Item = Result<Stmt, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        self.next_stmt().transpose()
    }
}

/// What the code being parsed is nested in, for the placement rules.
#[derive(Copy, Clone, Debug)]
struct Ctx {
    in_func: bool,
    in_async: bool,
    in_loop: bool,
    in_class: bool,
}

impl Ctx {
    const MODULE: Ctx = Ctx { in_func: false, in_async: false, in_loop: false, in_class: false };
}

#[derive(Copy, Clone, PartialEq, Eq)]
enum Target {
    Store,
    Del,
}

/// Tokens are lexed this many at a time.
const TOKEN_CHUNK: usize = 256;

struct Parser<'a> {
    text: &'a str,
    /// The lexer; its `out.toks` holds the tokens not yet consumed, from `pos`.
    lx: Lexer<'a>,
    pos: usize,
    /// Tokens consumed and dropped from the front of the buffer.
    base: usize,
    depth: u32,
    ctx: Ctx,
    /// Scratch stacks on which statement and expression lists are built, then
    /// moved out into exactly-sized vectors (a `Stmt` is over 200 bytes, so
    /// the spare capacity of push-grown vectors would add up).
    stmt_stack: Vec<Stmt>,
    expr_stack: Vec<Expr>,
    /// `await` (or an async comprehension) met outside an async function, not
    /// yet reported: inside a generator expression it is legal (the generator
    /// becomes asynchronous), which is only known once that expression ends.
    /// Reported at the end of the statement unless a generator expression
    /// excused it.
    pending: Vec<(Loc, &'static str)>,
}

fn err_at(loc: Loc, msg: impl Into<String>) -> SyntaxError {
    SyntaxError::new(msg, loc.line, loc.col)
}

#[inline]
fn bx(e: Expr) -> Box<Expr> {
    Box::new(e)
}

/// How CPython names an expression in "cannot assign to ..." style messages.
fn describe(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Name(_) => "name",
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Call { .. } => "function call",
        ExprKind::Const(Constant::None) => "None",
        ExprKind::Const(Constant::True) => "True",
        ExprKind::Const(Constant::False) => "False",
        ExprKind::Const(Constant::Ellipsis) => "ellipsis",
        ExprKind::Const(_) => "literal",
        ExprKind::JoinedStr(_) | ExprKind::FormattedValue { .. } => "f-string expression",
        ExprKind::TemplateStr { .. } => "t-string expression",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

/// Check that `e` can be assigned to (or deleted).
fn check_target(e: &Expr, kind: Target) -> PResult<()> {
    match &e.kind {
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
        ExprKind::Tuple(elts) | ExprKind::List(elts) => {
            let mut starred = false;
            for el in elts {
                if let ExprKind::Starred(inner) = &el.kind {
                    if kind == Target::Del {
                        return Err(err_at(el.loc, "cannot delete starred"));
                    }
                    if starred {
                        return Err(err_at(el.loc, "multiple starred expressions in assignment"));
                    }
                    starred = true;
                    check_target(inner, kind)?;
                } else {
                    check_target(el, kind)?;
                }
            }
            Ok(())
        }
        ExprKind::Starred(_) if kind == Target::Del => Err(err_at(e.loc, "cannot delete starred")),
        ExprKind::Starred(_) => Err(err_at(e.loc, "starred assignment target must be in a list or tuple")),
        _ => {
            let verb = if kind == Target::Del { "delete" } else { "assign to" };
            Err(err_at(e.loc, format!("cannot {verb} {}", describe(e))))
        }
    }
}

/// A starred expression standing alone where a value is needed (`x = *a`).
fn check_not_starred(e: &Expr) -> PResult<()> {
    if let ExprKind::Starred(_) = e.kind {
        return Err(err_at(e.loc, "can't use starred expression here"));
    }
    Ok(())
}

// Binding powers for `expr_bp`, loosest first.
const P_OR: u8 = 1;
const P_AND: u8 = 2;
const P_NOT: u8 = 3;
const P_CMP: u8 = 4;
const P_BOR: u8 = 5;
const P_UNARY: u8 = 11;
const P_POWER: u8 = 12;

fn binop_of(t: Tok) -> Option<(u8, BinOp)> {
    Some(match t {
        Tok::VBar => (5, BinOp::BitOr),
        Tok::Caret => (6, BinOp::BitXor),
        Tok::Amper => (7, BinOp::BitAnd),
        Tok::LShift => (8, BinOp::LShift),
        Tok::RShift => (8, BinOp::RShift),
        Tok::Plus => (9, BinOp::Add),
        Tok::Minus => (9, BinOp::Sub),
        Tok::Star => (10, BinOp::Mult),
        Tok::Slash => (10, BinOp::Div),
        Tok::DoubleSlash => (10, BinOp::FloorDiv),
        Tok::Percent => (10, BinOp::Mod),
        Tok::At => (10, BinOp::MatMult),
        _ => return None,
    })
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, cfg: LexConfig, ctx: Ctx, depth: u32) -> Parser<'a> {
        // Sub-parsers for f-string fields see a few bytes; don't over-allocate for them.
        let mut lx = Lexer::new(text, cfg, (TOKEN_CHUNK * 2).min(text.len() / 2 + 8));
        lx.fill(TOKEN_CHUNK);
        if lx.out.toks.is_empty() {
            lx.out.toks.push(Token { tok: Tok::EndMarker, line: 1, col: 0 });
        }
        Parser {
            text,
            lx,
            pos: 0,
            base: 0,
            depth,
            ctx,
            stmt_stack: if cfg.implicit_paren { Vec::new() } else { Vec::with_capacity(32) },
            expr_stack: Vec::with_capacity(if cfg.implicit_paren { 0 } else { 32 }),
            pending: Vec::new(),
        }
    }

    /// Report the earliest pending error from index `from` on, if any.
    fn flush_pending(&mut self, from: usize) -> PResult<()> {
        let first = self.pending.get(from..).and_then(|p| p.iter().min_by_key(|(l, _)| (l.line, l.col)));
        match first {
            Some(&(loc, msg)) => Err(err_at(loc, msg)),
            None => Ok(()),
        }
    }

    /// A comprehension has ended; `mark` is where the pending list stood before
    /// its element, `first_iter` the pending entries of its first iterable
    /// (which is evaluated in the enclosing scope, so they stay pending). The
    /// others are excused in a generator expression, and in a list, set or
    /// dict comprehension become one "asynchronous comprehension" error.
    fn settle_comprehension(
        &mut self,
        mark: usize,
        first_iter: (usize, usize),
        generators: &[Comprehension],
        loc: Loc,
        is_genexp: bool,
    ) {
        let (a, b) = first_iter;
        let len = self.pending.len();
        let (a, b) = (a.clamp(mark, len), b.clamp(mark, len));
        let inner = (len - mark) - (b.max(a) - a);
        let kept: Vec<(Loc, &'static str)> = self.pending[a..b.max(a)].to_vec();
        self.pending.truncate(mark.min(len));
        self.pending.extend(kept);
        if !is_genexp && !self.ctx.in_async && (inner > 0 || generators.iter().any(|g| g.is_async)) {
            self.pending.push((loc, "asynchronous comprehension outside of an asynchronous function"));
        }
    }

    /// Between top-level statements: drop the string, bytes, f-string and big
    /// int literals no token still to be parsed refers to, so that the tables
    /// stay small however long the input (their tokens are renumbered).
    fn compact_literals(&mut self) {
        let out = &mut self.lx.out;
        if out.strs.len() + out.bytes.len() + out.fstrs.len() + out.bigints.len() <= COMPACT_LITERALS {
            return;
        }
        let rest = out.toks.get(self.pos..).unwrap_or(&[]);
        let (mut s, mut b, mut f, mut g) = (u32::MAX, u32::MAX, u32::MAX, u32::MAX);
        for t in rest {
            match t.tok {
                Tok::Str(i) => s = s.min(i),
                Tok::Bytes(i) => b = b.min(i),
                Tok::FStr(i) | Tok::TStr(i) => f = f.min(i),
                Tok::BigInt(i) => g = g.min(i),
                _ => {}
            }
        }
        let s = (s as usize).min(out.strs.len());
        let b = (b as usize).min(out.bytes.len());
        let f = (f as usize).min(out.fstrs.len());
        let g = (g as usize).min(out.bigints.len());
        out.strs.drain(..s);
        out.bytes.drain(..b);
        out.fstrs.drain(..f);
        out.bigints.drain(..g);
        for t in out.toks.get_mut(self.pos..).unwrap_or(&mut []) {
            match &mut t.tok {
                Tok::Str(i) => *i -= s as u32,
                Tok::Bytes(i) => *i -= b as u32,
                Tok::FStr(i) | Tok::TStr(i) => *i -= f as u32,
                Tok::BigInt(i) => *i -= g as u32,
                _ => {}
            }
        }
    }

    fn take_stmts(&mut self, start: usize) -> Vec<Stmt> {
        self.stmt_stack.drain(start.min(self.stmt_stack.len())..).collect()
    }

    fn take_exprs(&mut self, start: usize) -> Vec<Expr> {
        self.expr_stack.drain(start.min(self.expr_stack.len())..).collect()
    }

    // ---- token helpers -------------------------------------------------------

    #[inline]
    fn peek(&self) -> Tok {
        match self.lx.out.toks.get(self.pos) {
            Some(t) => t.tok,
            None => Tok::EndMarker,
        }
    }

    /// The token `n` places ahead (lexing further if need be).
    #[inline]
    fn peek_at(&mut self, n: usize) -> Tok {
        if self.pos + n >= self.lx.out.toks.len() {
            self.lex_ahead(n);
        }
        match self.lx.out.toks.get(self.pos + n) {
            Some(t) => t.tok,
            None => self.lx.out.toks.last().map_or(Tok::EndMarker, |t| t.tok),
        }
    }

    #[cold]
    fn lex_ahead(&mut self, n: usize) {
        while self.pos + n >= self.lx.out.toks.len() && !self.lx.done {
            let want = self.lx.out.toks.len() + TOKEN_CHUNK;
            self.lx.fill(want);
        }
    }

    /// Index of the current token counted from the start of the input.
    #[inline]
    fn tok_index(&self) -> usize {
        self.base + self.pos
    }

    #[inline]
    fn at(&self, t: Tok) -> bool {
        self.peek() == t
    }

    #[inline]
    fn loc(&self) -> Loc {
        match self.lx.out.toks.get(self.pos) {
            Some(t) => Loc { line: t.line, col: t.col },
            None => Loc::default(),
        }
    }

    /// Step to the next token; never past the final `EndMarker`/`Error`.
    #[inline]
    fn bump(&mut self) {
        if self.pos + 1 < self.lx.out.toks.len() {
            self.pos += 1;
        } else {
            self.bump_refill();
        }
    }

    /// The buffer is used up: drop what was consumed and lex the next chunk.
    #[cold]
    fn bump_refill(&mut self) {
        if self.lx.done {
            return;
        }
        let consumed = (self.pos + 1).min(self.lx.out.toks.len());
        self.lx.out.toks.drain(..consumed);
        self.base += consumed;
        self.pos = 0;
        self.lx.fill(TOKEN_CHUNK);
        if self.lx.out.toks.is_empty() {
            self.lx.out.toks.push(Token { tok: Tok::EndMarker, line: 1, col: 0 });
        }
    }

    #[inline]
    fn eat(&mut self, t: Tok) -> bool {
        if self.at(t) {
            self.bump();
            true
        } else {
            false
        }
    }

    /// An error at the current token, or the lexer's error if that is where
    /// the lexer gave up.
    #[cold]
    fn error_here(&self, msg: &str) -> SyntaxError {
        let l = self.loc();
        if let Some(e) = &self.lx.out.error {
            if self.at(Tok::Error) {
                return e.clone();
            }
            // Like CPython: a generic error inside brackets that are never
            // closed is better explained by the unclosed bracket.
            if msg == "invalid syntax" && e.msg.ends_with("was never closed") && (e.line, e.col) < (l.line, l.col) {
                return e.clone();
            }
        }
        SyntaxError::new(msg, l.line, l.col)
    }

    #[cold]
    fn fail<T>(&self, msg: &str) -> PResult<T> {
        Err(self.error_here(msg))
    }

    fn expect(&mut self, t: Tok, msg: &str) -> PResult<()> {
        if self.eat(t) {
            Ok(())
        } else {
            self.fail(msg)
        }
    }

    fn expect_colon(&mut self) -> PResult<()> {
        self.expect(Tok::Colon, "expected ':'")
    }

    fn expect_name(&mut self) -> PResult<Name> {
        match self.peek() {
            Tok::Name(q) => {
                self.bump();
                Ok(q)
            }
            _ => self.fail("invalid syntax"),
        }
    }

    #[inline]
    fn enter(&mut self) -> PResult<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return self.fail("too many nested parentheses");
        }
        Ok(())
    }

    #[inline]
    fn leave(&mut self) {
        self.depth -= 1;
    }

    fn with_ctx<T>(&mut self, ctx: Ctx, f: impl FnOnce(&mut Self) -> PResult<T>) -> PResult<T> {
        let saved = std::mem::replace(&mut self.ctx, ctx);
        let r = f(self);
        self.ctx = saved;
        r
    }

    /// Whether the current token can begin an expression (used to tell a
    /// trailing comma from a following element).
    fn starts_expr(&self) -> bool {
        matches!(
            self.peek(),
            Tok::Name(_)
                | Tok::Int(_)
                | Tok::BigInt(_)
                | Tok::Float(_)
                | Tok::Imag(_)
                | Tok::Str(_)
                | Tok::Bytes(_)
                | Tok::FStr(_)
                | Tok::TStr(_)
                | Tok::LPar
                | Tok::LSqb
                | Tok::LBrace
                | Tok::Minus
                | Tok::Plus
                | Tok::Tilde
                | Tok::Not
                | Tok::Lambda
                | Tok::Await
                | Tok::None
                | Tok::True
                | Tok::False
                | Tok::Ellipsis
                | Tok::Star
        )
    }

    fn at_comp_for(&mut self) -> bool {
        self.at(Tok::For) || (self.at(Tok::Async) && self.peek_at(1) == Tok::For)
    }

    // ---- top level -----------------------------------------------------------

    fn file_input(&mut self) -> PResult<Vec<Stmt>> {
        let start = self.stmt_stack.len();
        loop {
            match self.peek() {
                Tok::EndMarker => return Ok(self.take_stmts(start)),
                Tok::Newline => self.bump(),
                _ => self.statement()?,
            }
        }
    }

    fn single_input(&mut self) -> PResult<Vec<Stmt>> {
        while self.eat(Tok::Newline) {}
        if self.at(Tok::EndMarker) {
            return Ok(Vec::new());
        }
        let start = self.stmt_stack.len();
        self.statement()?;
        while self.eat(Tok::Newline) {}
        if !self.at(Tok::EndMarker) {
            return self.fail("multiple statements found while compiling a single statement");
        }
        Ok(self.take_stmts(start))
    }

    fn eval_input(&mut self) -> PResult<Vec<Stmt>> {
        while self.eat(Tok::Newline) {}
        let loc = self.loc();
        let e = self.star_expressions()?;
        check_not_starred(&e)?;
        self.flush_pending(0)?;
        while self.eat(Tok::Newline) {}
        if !self.at(Tok::EndMarker) {
            return self.fail("invalid syntax");
        }
        Ok(vec![Stmt::new(StmtKind::Expr(e), loc)])
    }

    // ---- statements ----------------------------------------------------------

    /// Parse one statement (or a line of simple statements) onto the statement stack.
    fn statement(&mut self) -> PResult<()> {
        let loc = self.loc();
        let s = match self.peek() {
            Tok::If => self.if_stmt()?,
            Tok::While => self.while_stmt()?,
            Tok::For => self.for_stmt(false, loc)?,
            Tok::Try => self.try_stmt()?,
            Tok::With => self.with_stmt(false, loc)?,
            Tok::Def => self.funcdef(Vec::new(), false, loc)?,
            Tok::Class => self.classdef(Vec::new())?,
            Tok::At => self.decorated()?,
            Tok::Async => self.async_stmt(Vec::new())?,
            Tok::Indent => return Err(SyntaxError::indentation("unexpected indent", loc.line, loc.col)),
            _ => {
                self.simple_stmts()?;
                return self.flush_pending(0);
            }
        };
        self.stmt_stack.push(s);
        self.flush_pending(0)
    }

    /// The body after a compound statement's `:`.
    fn block(&mut self) -> PResult<Vec<Stmt>> {
        // Errors pending from the compound statement's header come before its body's.
        self.flush_pending(0)?;
        let start = self.stmt_stack.len();
        if !self.eat(Tok::Newline) {
            self.simple_stmts()?;
            return Ok(self.take_stmts(start));
        }
        if !self.at(Tok::Indent) {
            if self.at(Tok::Error) {
                return self.fail("");
            }
            let l = self.loc();
            return Err(SyntaxError::indentation("expected an indented block", l.line, l.col));
        }
        self.bump();
        self.enter()?;
        while !self.at(Tok::Dedent) && !self.at(Tok::EndMarker) {
            self.statement()?;
        }
        self.eat(Tok::Dedent);
        self.leave();
        Ok(self.take_stmts(start))
    }

    fn simple_stmts(&mut self) -> PResult<()> {
        loop {
            let s = self.small_stmt()?;
            self.stmt_stack.push(s);
            if self.eat(Tok::Semi) {
                if self.at(Tok::Newline) {
                    break;
                }
                continue;
            }
            break;
        }
        if !self.eat(Tok::Newline) {
            return self.fail("invalid syntax");
        }
        Ok(())
    }

    fn ends_simple(&self) -> bool {
        matches!(self.peek(), Tok::Newline | Tok::Semi | Tok::EndMarker)
    }

    fn small_stmt(&mut self) -> PResult<Stmt> {
        let loc = self.loc();
        let kind = match self.peek() {
            Tok::Pass => {
                self.bump();
                StmtKind::Pass
            }
            Tok::Break => {
                if !self.ctx.in_loop {
                    return Err(err_at(loc, "'break' outside loop"));
                }
                self.bump();
                StmtKind::Break
            }
            Tok::Continue => {
                if !self.ctx.in_loop {
                    return Err(err_at(loc, "'continue' not properly in loop"));
                }
                self.bump();
                StmtKind::Continue
            }
            Tok::Return => {
                if !self.ctx.in_func {
                    return Err(err_at(loc, "'return' outside function"));
                }
                self.bump();
                if self.ends_simple() {
                    StmtKind::Return(None)
                } else {
                    let e = self.star_expressions()?;
                    check_not_starred(&e)?;
                    StmtKind::Return(Some(e))
                }
            }
            Tok::Raise => {
                self.bump();
                if self.ends_simple() {
                    StmtKind::Raise { exc: None, cause: None }
                } else {
                    let exc = self.test()?;
                    let cause = if self.eat(Tok::From) { Some(self.test()?) } else { None };
                    StmtKind::Raise { exc: Some(exc), cause }
                }
            }
            Tok::Global => {
                self.bump();
                StmtKind::Global(self.name_list()?)
            }
            Tok::Nonlocal => {
                if !self.ctx.in_func && !self.ctx.in_class {
                    return Err(err_at(loc, "nonlocal declaration not allowed at module level"));
                }
                self.bump();
                StmtKind::Nonlocal(self.name_list()?)
            }
            Tok::Del => {
                self.bump();
                let mut targets = Vec::new();
                loop {
                    let e = self.star_target_item()?;
                    check_target(&e, Target::Del)?;
                    targets.push(e);
                    if !self.eat(Tok::Comma) || !self.starts_expr() {
                        break;
                    }
                }
                StmtKind::Delete(targets)
            }
            Tok::Assert => {
                self.bump();
                let test = self.test()?;
                let msg = if self.eat(Tok::Comma) { Some(self.test()?) } else { None };
                StmtKind::Assert { test, msg }
            }
            Tok::Import => self.import_name()?,
            Tok::From => self.import_from()?,
            _ => return self.expr_stmt(),
        };
        Ok(Stmt::new(kind, loc))
    }

    fn name_list(&mut self) -> PResult<Vec<Name>> {
        let mut names = vec![self.expect_name()?];
        while self.eat(Tok::Comma) {
            names.push(self.expect_name()?);
        }
        Ok(names)
    }

    /// The right-hand side of an assignment: a yield expression or a tuple.
    fn assign_value(&mut self) -> PResult<Expr> {
        let e = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        check_not_starred(&e)?;
        Ok(e)
    }

    fn expr_stmt(&mut self) -> PResult<Stmt> {
        let loc = self.loc();
        let starts_with_name = matches!(self.peek(), Tok::Name(_));
        let first = if self.at(Tok::Yield) { self.yield_expr()? } else { self.star_expressions()? };
        let tok = self.peek();
        let kind = if tok == Tok::Equal {
            let mut targets = vec![first];
            let value = loop {
                self.bump();
                let rhs = self.assign_value()?;
                if !self.at(Tok::Equal) {
                    break rhs;
                }
                targets.push(rhs);
            };
            for t in &targets {
                check_target(t, Target::Store)?;
            }
            StmtKind::Assign { targets, value }
        } else if let Some(op) = tok.aug_op() {
            match first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                _ => {
                    return Err(err_at(
                        first.loc,
                        format!("'{}' is an illegal expression for augmented assignment", describe(&first)),
                    ))
                }
            }
            self.bump();
            let value = self.assign_value()?;
            StmtKind::AugAssign { target: first, op, value }
        } else if tok == Tok::Colon {
            match first.kind {
                ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {}
                ExprKind::Tuple(_) => return Err(err_at(first.loc, "only single target (not tuple) can be annotated")),
                ExprKind::List(_) => return Err(err_at(first.loc, "only single target (not list) can be annotated")),
                _ => return Err(err_at(first.loc, "illegal target for annotation")),
            }
            // A parenthesised name, `(x): int`, is not simple.
            let simple = matches!(first.kind, ExprKind::Name(_)) && starts_with_name;
            self.bump();
            let annotation = self.test()?;
            let value = if self.eat(Tok::Equal) { Some(self.assign_value()?) } else { None };
            StmtKind::AnnAssign { target: first, annotation, value, simple }
        } else {
            check_not_starred(&first)?;
            StmtKind::Expr(first)
        };
        Ok(Stmt::new(kind, loc))
    }

    fn import_name(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut names = Vec::new();
        loop {
            let loc = self.loc();
            let name = self.dotted_name()?;
            let asname = if self.eat(Tok::As) { Some(self.expect_name()?) } else { None };
            names.push(Alias { name, asname, loc });
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        Ok(StmtKind::Import(names))
    }

    fn dotted_name(&mut self) -> PResult<Name> {
        let first = self.expect_name()?;
        if !self.at(Tok::Dot) {
            return Ok(first);
        }
        let mut s = String::from(first.as_str());
        while self.eat(Tok::Dot) {
            let n = self.expect_name()?;
            s.push('.');
            s.push_str(n.as_str());
        }
        Ok(Qstr::new(&s))
    }

    fn import_from(&mut self) -> PResult<StmtKind> {
        self.bump();
        let mut level = 0u32;
        loop {
            match self.peek() {
                Tok::Dot => level = level.saturating_add(1),
                Tok::Ellipsis => level = level.saturating_add(3),
                _ => break,
            }
            self.bump();
        }
        let module = if matches!(self.peek(), Tok::Name(_)) {
            Some(self.dotted_name()?)
        } else if level == 0 {
            return self.fail("invalid syntax");
        } else {
            None
        };
        self.expect(Tok::Import, "invalid syntax")?;
        let mut names = Vec::new();
        if self.at(Tok::Star) {
            let loc = self.loc();
            if self.ctx.in_func || self.ctx.in_class {
                return Err(err_at(loc, "import * only allowed at module level"));
            }
            self.bump();
            names.push(Alias { name: Qstr::new("*"), asname: None, loc });
        } else {
            let paren = self.eat(Tok::LPar);
            loop {
                let loc = self.loc();
                let name = self.expect_name()?;
                let asname = if self.eat(Tok::As) { Some(self.expect_name()?) } else { None };
                names.push(Alias { name, asname, loc });
                if !self.eat(Tok::Comma) {
                    break;
                }
                if paren && self.at(Tok::RPar) {
                    break;
                }
                if !paren && !matches!(self.peek(), Tok::Name(_)) {
                    return self.fail("trailing comma not allowed without surrounding parentheses");
                }
            }
            if paren {
                self.expect(Tok::RPar, "invalid syntax")?;
            }
        }
        Ok(StmtKind::ImportFrom { module, names, level })
    }

    fn if_stmt(&mut self) -> PResult<Stmt> {
        // `elif` chains are collected iteratively, then nested as CPython's AST
        // nests them, so a long chain does not recurse in the parser.
        let mut branches: Vec<(Loc, Expr, Vec<Stmt>)> = Vec::new();
        loop {
            let loc = self.loc();
            self.bump();
            let test = self.named_expr()?;
            self.expect_colon()?;
            let body = self.block()?;
            branches.push((loc, test, body));
            if !self.at(Tok::Elif) {
                break;
            }
            if branches.len() as u32 > MAX_CHAIN {
                return self.fail("too many 'elif' clauses");
            }
        }
        let mut orelse = if self.eat(Tok::Else) {
            self.expect_colon()?;
            self.block()?
        } else {
            Vec::new()
        };
        loop {
            let Some((loc, test, body)) = branches.pop() else {
                return self.fail("invalid syntax");
            };
            let s = Stmt::new(StmtKind::If { test, body, orelse }, loc);
            if branches.is_empty() {
                return Ok(s);
            }
            orelse = vec![s];
        }
    }

    fn loop_body(&mut self) -> PResult<Vec<Stmt>> {
        let ctx = Ctx { in_loop: true, ..self.ctx };
        self.with_ctx(ctx, |p| p.block())
    }

    fn else_block(&mut self) -> PResult<Vec<Stmt>> {
        if self.eat(Tok::Else) {
            self.expect_colon()?;
            self.block()
        } else {
            Ok(Vec::new())
        }
    }

    fn while_stmt(&mut self) -> PResult<Stmt> {
        let loc = self.loc();
        self.bump();
        let test = self.named_expr()?;
        self.expect_colon()?;
        let body = self.loop_body()?;
        let orelse = self.else_block()?;
        Ok(Stmt::new(StmtKind::While { test, body, orelse }, loc))
    }

    fn for_stmt(&mut self, is_async: bool, loc: Loc) -> PResult<Stmt> {
        self.bump();
        let target = self.target_list()?;
        self.expect(Tok::In, "invalid syntax")?;
        let iter = self.star_expressions()?;
        check_not_starred(&iter)?;
        self.expect_colon()?;
        let body = self.loop_body()?;
        let orelse = self.else_block()?;
        Ok(Stmt::new(StmtKind::For { target, iter, body, orelse, is_async }, loc))
    }

    fn try_stmt(&mut self) -> PResult<Stmt> {
        let loc = self.loc();
        self.bump();
        self.expect_colon()?;
        let body = self.block()?;
        let mut handlers = Vec::new();
        let mut bare: Option<Loc> = None;
        while self.at(Tok::Except) {
            let hloc = self.loc();
            if let Some(b) = bare {
                return Err(err_at(b, "default 'except:' must be last"));
            }
            self.bump();
            let (typ, name) = if self.at(Tok::Colon) {
                bare = Some(hloc);
                (None, None)
            } else {
                let t = self.test()?;
                if self.at(Tok::Comma) {
                    return Err(err_at(t.loc, "multiple exception types must be parenthesized"));
                }
                let n = if self.eat(Tok::As) { Some(self.expect_name()?) } else { None };
                (Some(t), n)
            };
            self.expect_colon()?;
            let hbody = self.block()?;
            handlers.push(ExceptHandler { typ, name, body: hbody, loc: hloc });
        }
        handlers.shrink_to_fit();
        let orelse = if !handlers.is_empty() { self.else_block()? } else { Vec::new() };
        let mut finalbody = Vec::new();
        let has_finally = self.eat(Tok::Finally);
        if has_finally {
            self.expect_colon()?;
            finalbody = self.block()?;
        }
        if handlers.is_empty() && !has_finally {
            return self.fail("expected 'except' or 'finally' block");
        }
        Ok(Stmt::new(StmtKind::Try { body, handlers, orelse, finalbody }, loc))
    }

    /// Whether `with (` starts the parenthesised list of items (`with (a as b,
    /// c):`) rather than an expression: it does when the matching `)` is
    /// followed by `:` and the parentheses hold a top-level `as` or comma. (With
    /// neither, both readings give the same AST.)
    fn paren_with_items(&mut self) -> bool {
        if self.peek_at(1) == Tok::Yield {
            return false;
        }
        let mut depth = 0u32;
        let mut sep = false;
        let mut i = 0;
        loop {
            let t = self.peek_at(i);
            i += 1;
            match t {
                Tok::LPar | Tok::LSqb | Tok::LBrace => depth += 1,
                Tok::RPar | Tok::RSqb | Tok::RBrace => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        return sep && self.peek_at(i) == Tok::Colon;
                    }
                }
                Tok::Comma | Tok::As if depth == 1 => sep = true,
                Tok::Newline | Tok::EndMarker | Tok::Error => return false,
                _ => {}
            }
        }
    }

    fn with_stmt(&mut self, is_async: bool, loc: Loc) -> PResult<Stmt> {
        self.bump();
        let mut items = Vec::new();
        if self.at(Tok::LPar) && self.paren_with_items() {
            self.bump();
            loop {
                items.push(self.with_item()?);
                if !self.eat(Tok::Comma) || self.at(Tok::RPar) {
                    break;
                }
            }
            self.expect(Tok::RPar, "invalid syntax")?;
        } else {
            loop {
                items.push(self.with_item()?);
                if !self.eat(Tok::Comma) {
                    break;
                }
            }
        }
        self.expect_colon()?;
        let body = self.block()?;
        Ok(Stmt::new(StmtKind::With { items, body, is_async }, loc))
    }

    fn with_item(&mut self) -> PResult<WithItem> {
        let context_expr = self.test()?;
        let optional_vars = if self.eat(Tok::As) {
            let t = self.star_target_item()?;
            check_target(&t, Target::Store)?;
            Some(t)
        } else {
            None
        };
        Ok(WithItem { context_expr, optional_vars })
    }

    fn async_stmt(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let loc = self.loc();
        self.bump();
        match self.peek() {
            Tok::Def => self.funcdef(decorators, true, loc),
            Tok::For if decorators.is_empty() => {
                if !self.ctx.in_async {
                    return Err(err_at(loc, "'async for' outside async function"));
                }
                self.for_stmt(true, loc)
            }
            Tok::With if decorators.is_empty() => {
                if !self.ctx.in_async {
                    return Err(err_at(loc, "'async with' outside async function"));
                }
                self.with_stmt(true, loc)
            }
            _ => self.fail("invalid syntax"),
        }
    }

    fn decorated(&mut self) -> PResult<Stmt> {
        let mut decorators = Vec::new();
        while self.eat(Tok::At) {
            decorators.push(self.named_expr()?);
            self.expect(Tok::Newline, "invalid syntax")?;
        }
        self.flush_pending(0)?;
        let loc = self.loc();
        match self.peek() {
            Tok::Def => self.funcdef(decorators, false, loc),
            Tok::Class => self.classdef(decorators),
            Tok::Async => self.async_stmt(decorators),
            _ => self.fail("invalid syntax"),
        }
    }

    fn funcdef(&mut self, decorators: Vec<Expr>, is_async: bool, loc: Loc) -> PResult<Stmt> {
        self.bump();
        let name = self.expect_name()?;
        self.expect(Tok::LPar, "invalid syntax")?;
        let args = self.parameters(Tok::RPar, true)?;
        self.expect(Tok::RPar, "invalid syntax")?;
        let returns = if self.eat(Tok::Arrow) { Some(self.test()?) } else { None };
        self.expect_colon()?;
        let ctx = Ctx { in_func: true, in_async: is_async, in_loop: false, in_class: false };
        let body = self.with_ctx(ctx, |p| p.block())?;
        let def = FunctionDef { name, args, body, decorators, returns, is_async, loc };
        Ok(Stmt::new(StmtKind::FunctionDef(Box::new(def)), loc))
    }

    fn classdef(&mut self, decorators: Vec<Expr>) -> PResult<Stmt> {
        let loc = self.loc();
        self.bump();
        let name = self.expect_name()?;
        let (bases, keywords) = if self.at(Tok::LPar) {
            let ploc = self.loc();
            self.bump();
            self.arglist(ploc)?
        } else {
            (Vec::new(), Vec::new())
        };
        self.expect_colon()?;
        let ctx = Ctx { in_func: false, in_async: false, in_loop: false, in_class: true };
        let mut body = self.with_ctx(ctx, |p| p.block())?;
        crate::mangle::mangle_class_body(name, &mut body);
        let def = ClassDef { name, bases, keywords, body, decorators, loc };
        Ok(Stmt::new(StmtKind::ClassDef(Box::new(def)), loc))
    }

    /// A parameter list, up to (not including) `end`: `)` for `def`, `:` for `lambda`.
    fn parameters(&mut self, end: Tok, annotations: bool) -> PResult<Arguments> {
        let mut a = Arguments::default();
        let mut names: Vec<Name> = Vec::new();
        let mut seen_star = false;
        let mut seen_default = false;
        let mut bare_star: Option<Loc> = None;
        loop {
            if self.at(end) {
                break;
            }
            let loc = self.loc();
            match self.peek() {
                Tok::Slash => {
                    if seen_star {
                        return Err(err_at(loc, "/ must be ahead of *"));
                    }
                    if !a.posonlyargs.is_empty() {
                        return Err(err_at(loc, "/ may appear only once"));
                    }
                    if a.args.is_empty() {
                        return Err(err_at(loc, "at least one argument must precede /"));
                    }
                    self.bump();
                    a.posonlyargs = std::mem::take(&mut a.args);
                }
                Tok::Star => {
                    if seen_star {
                        return Err(err_at(loc, "* argument may appear only once"));
                    }
                    seen_star = true;
                    self.bump();
                    if self.at(Tok::Comma) || self.at(end) {
                        bare_star = Some(loc);
                    } else {
                        a.vararg = Some(self.param(annotations, &mut names, true)?);
                    }
                }
                Tok::DoubleStar => {
                    self.bump();
                    a.kwarg = Some(self.param(annotations, &mut names, false)?);
                    self.eat(Tok::Comma);
                    if !self.at(end) {
                        return self.fail("arguments cannot follow var-keyword argument");
                    }
                    break;
                }
                _ => {
                    let arg = self.param(annotations, &mut names, false)?;
                    let default = if self.eat(Tok::Equal) { Some(self.test()?) } else { None };
                    if seen_star {
                        a.kwonlyargs.push(arg);
                        a.kw_defaults.push(default);
                    } else {
                        match default {
                            Some(d) => {
                                a.defaults.push(d);
                                seen_default = true;
                            }
                            None if seen_default => {
                                return Err(err_at(arg.loc, "non-default argument follows default argument"))
                            }
                            None => {}
                        }
                        a.args.push(arg);
                    }
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        if let Some(l) = bare_star {
            if a.kwonlyargs.is_empty() {
                return Err(err_at(l, "named arguments must follow bare *"));
            }
        }
        // Push-grown vectors keep spare room; the tree lives on, so trim it.
        a.posonlyargs.shrink_to_fit();
        a.args.shrink_to_fit();
        a.defaults.shrink_to_fit();
        a.kwonlyargs.shrink_to_fit();
        a.kw_defaults.shrink_to_fit();
        Ok(a)
    }

    /// One parameter name with its annotation; `*args` may be annotated with a
    /// starred expression (`*args: *Ts`, PEP 646).
    fn param(&mut self, annotations: bool, names: &mut Vec<Name>, star_annotation: bool) -> PResult<Arg> {
        let loc = self.loc();
        let name = self.expect_name()?;
        if names.contains(&name) {
            return Err(err_at(loc, format!("duplicate argument '{name}' in function definition")));
        }
        names.push(name);
        let annotation = if annotations && self.eat(Tok::Colon) {
            Some(if star_annotation && self.at(Tok::Star) { self.star_expr()? } else { self.test()? })
        } else {
            None
        };
        Ok(Arg { name, annotation, loc })
    }

    // ---- expressions ---------------------------------------------------------

    /// `star_expressions`: one expression or starred expression, or a tuple of
    /// them (trailing comma allowed).
    fn star_expressions(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let first = self.star_or_test()?;
        if !self.at(Tok::Comma) {
            return Ok(first);
        }
        let start = self.expr_stack.len();
        self.expr_stack.push(first);
        while self.eat(Tok::Comma) {
            if !self.starts_expr() {
                break;
            }
            let e = self.star_or_test()?;
            self.expr_stack.push(e);
        }
        Ok(Expr::new(ExprKind::Tuple(self.take_exprs(start)), loc))
    }

    fn star_or_test(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            self.star_expr()
        } else {
            self.test()
        }
    }

    /// `'*' bitwise_or`
    fn star_expr(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.bump();
        self.enter()?;
        let e = self.bitor()?;
        self.leave();
        Ok(Expr::new(ExprKind::Starred(bx(e)), loc))
    }

    /// `'*' bitwise_or | named_expression` (list/set/tuple display elements).
    fn star_named_expr(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            self.star_expr()
        } else {
            self.named_expr()
        }
    }

    /// An assignment target element: `'*' target | target`, at the precedence
    /// of `|`, so that `for x in y` does not read `x in y` as a comparison.
    fn star_target_item(&mut self) -> PResult<Expr> {
        if self.at(Tok::Star) {
            self.star_expr()
        } else {
            self.bitor()
        }
    }

    /// The targets of `for` (statement or comprehension), validated.
    fn target_list(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let first = self.star_target_item()?;
        let t = if self.at(Tok::Comma) {
            let start = self.expr_stack.len();
            self.expr_stack.push(first);
            while self.eat(Tok::Comma) {
                if !self.starts_expr() {
                    break;
                }
                let e = self.star_target_item()?;
                self.expr_stack.push(e);
            }
            Expr::new(ExprKind::Tuple(self.take_exprs(start)), loc)
        } else {
            first
        };
        check_target(&t, Target::Store)?;
        Ok(t)
    }

    fn named_expr(&mut self) -> PResult<Expr> {
        let e = self.test()?;
        if self.at(Tok::ColonEqual) {
            let target = match e.kind {
                ExprKind::Name(n) => n,
                _ => return Err(err_at(e.loc, format!("cannot use assignment expressions with {}", describe(&e)))),
            };
            self.bump();
            let value = self.test()?;
            return Ok(Expr::new(ExprKind::NamedExpr { target, value: bx(value) }, e.loc));
        }
        Ok(e)
    }

    /// `test`: a conditional expression or lambda (Python's `expression`).
    fn test(&mut self) -> PResult<Expr> {
        if let Some(e) = self.lone_atom() {
            return Ok(e);
        }
        if self.at(Tok::Lambda) {
            return self.lambdef();
        }
        self.enter()?;
        let loc = self.loc();
        let body = self.or_test()?;
        let r = if self.at(Tok::If) {
            self.bump();
            let test = self.or_test()?;
            self.expect(Tok::Else, "expected 'else' after 'if' expression")?;
            let orelse = self.test()?;
            Expr::new(ExprKind::IfExp { test: bx(test), body: bx(body), orelse: bx(orelse) }, loc)
        } else {
            body
        };
        self.leave();
        Ok(r)
    }

    /// A shortcut for the commonest `test`: a name or a small literal that the
    /// next token ends (`b` in `f(a, b)`, `2` in `x = 2`). The full descent
    /// would build the same node; `None` leaves it to that.
    #[inline]
    fn lone_atom(&mut self) -> Option<Expr> {
        let kind = match self.peek() {
            Tok::Name(q) => ExprKind::Name(q),
            Tok::Int(v) => ExprKind::Const(Constant::Int(v)),
            Tok::None => ExprKind::Const(Constant::None),
            Tok::True => ExprKind::Const(Constant::True),
            Tok::False => ExprKind::Const(Constant::False),
            _ => return None,
        };
        let next = self.lx.out.toks.get(self.pos + 1)?.tok;
        if !matches!(
            next,
            Tok::Comma | Tok::RPar | Tok::RSqb | Tok::RBrace | Tok::Colon | Tok::Newline | Tok::Equal | Tok::Semi
        ) || self.depth >= MAX_DEPTH
        {
            return None;
        }
        let loc = self.loc();
        self.bump();
        Some(Expr::new(kind, loc))
    }

    fn lambdef(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.bump();
        self.enter()?;
        let args = self.parameters(Tok::Colon, false)?;
        self.expect_colon()?;
        let ctx = Ctx { in_func: true, in_async: false, in_loop: false, in_class: false };
        // A lambda is a function of its own: an enclosing generator
        // expression cannot excuse an `await` in its body.
        let mark = self.pending.len();
        let body = self.with_ctx(ctx, |p| p.test())?;
        self.flush_pending(mark)?;
        self.leave();
        Ok(Expr::new(ExprKind::Lambda { args: Box::new(args), body: bx(body) }, loc))
    }

    /// `disjunction` in Python's grammar: everything but lambda and `x if c else y`.
    #[inline]
    fn or_test(&mut self) -> PResult<Expr> {
        self.expr_bp(P_OR)
    }

    /// `bitwise_or`: the operand level of comparisons, star expressions and targets.
    #[inline]
    fn bitor(&mut self) -> PResult<Expr> {
        self.expr_bp(P_BOR)
    }

    fn comp_op(&mut self) -> Option<CmpOp> {
        let op = match self.peek() {
            Tok::Less => CmpOp::Lt,
            Tok::Greater => CmpOp::Gt,
            Tok::EqEqual => CmpOp::Eq,
            Tok::NotEqual => CmpOp::NotEq,
            Tok::LessEqual => CmpOp::LtE,
            Tok::GreaterEqual => CmpOp::GtE,
            Tok::In => CmpOp::In,
            Tok::Is => {
                if self.peek_at(1) == Tok::Not {
                    self.bump();
                    CmpOp::IsNot
                } else {
                    CmpOp::Is
                }
            }
            Tok::Not if self.peek_at(1) == Tok::In => {
                self.bump();
                CmpOp::NotIn
            }
            _ => return None,
        };
        self.bump();
        Some(op)
    }

    /// Operators from `or` down to `**` by precedence climbing: one function
    /// instead of one per level keeps the call chain short for every operand.
    /// Parses operators binding at least as tightly as `min`.
    fn expr_bp(&mut self, min: u8) -> PResult<Expr> {
        // Nodes built here start where their leftmost operand's text starts,
        // which is before `left.loc` when that operand is parenthesised.
        let loc = self.loc();
        let mut left = match self.peek() {
            Tok::Not if min <= P_NOT => {
                let loc = self.loc();
                self.bump();
                self.enter()?;
                let operand = self.expr_bp(P_NOT)?;
                self.leave();
                Expr::new(ExprKind::UnaryOp { op: UnaryOp::Not, operand: bx(operand) }, loc)
            }
            Tok::Minus | Tok::Plus | Tok::Tilde => {
                let op = match self.peek() {
                    Tok::Minus => UnaryOp::USub,
                    Tok::Plus => UnaryOp::UAdd,
                    _ => UnaryOp::Invert,
                };
                let loc = self.loc();
                self.bump();
                self.enter()?;
                let operand = self.expr_bp(P_UNARY)?;
                self.leave();
                Expr::new(ExprKind::UnaryOp { op, operand: bx(operand) }, loc)
            }
            Tok::Await => self.await_expr()?,
            _ => self.primary()?,
        };
        let mut chain = 0u32;
        loop {
            let tok = self.peek();
            let prec = match tok {
                Tok::Or => P_OR,
                Tok::And => P_AND,
                Tok::Less
                | Tok::Greater
                | Tok::EqEqual
                | Tok::NotEqual
                | Tok::LessEqual
                | Tok::GreaterEqual
                | Tok::In
                | Tok::Is => P_CMP,
                Tok::Not if self.peek_at(1) == Tok::In => P_CMP,
                Tok::DoubleStar => P_POWER,
                _ => match binop_of(tok) {
                    Some((p, _)) => p,
                    None => return Ok(left),
                },
            };
            if prec < min {
                return Ok(left);
            }
            chain += 1;
            if chain > MAX_CHAIN {
                return self.fail("expression too complex");
            }
            left = match prec {
                P_OR | P_AND => {
                    let op = if prec == P_OR { BoolOp::Or } else { BoolOp::And };
                    let mut values = Vec::with_capacity(2);
                    values.push(left);
                    while self.eat(tok) {
                        values.push(self.expr_bp(prec + 1)?);
                    }
                    Expr::new(ExprKind::BoolOp { op, values }, loc)
                }
                P_CMP => {
                    let mut ops = Vec::with_capacity(1);
                    let mut comparators = Vec::with_capacity(1);
                    while let Some(op) = self.comp_op() {
                        ops.push(op);
                        comparators.push(self.expr_bp(P_CMP + 1)?);
                    }
                    Expr::new(ExprKind::Compare { left: bx(left), ops, comparators }, loc)
                }
                P_POWER => {
                    // Right-associative, and the exponent may carry a unary sign.
                    self.bump();
                    self.enter()?;
                    let right = self.expr_bp(P_UNARY)?;
                    self.leave();
                    Expr::new(ExprKind::BinOp { left: bx(left), op: BinOp::Pow, right: bx(right) }, loc)
                }
                _ => {
                    let op = match binop_of(tok) {
                        Some((_, op)) => op,
                        None => return Ok(left),
                    };
                    self.bump();
                    let right = self.expr_bp(prec + 1)?;
                    Expr::new(ExprKind::BinOp { left: bx(left), op, right: bx(right) }, loc)
                }
            };
        }
    }

    fn await_expr(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        if !self.ctx.in_async {
            let msg = if self.ctx.in_func { "'await' outside async function" } else { "'await' outside function" };
            self.pending.push((loc, msg));
        }
        self.bump();
        let e = self.primary()?;
        Ok(Expr::new(ExprKind::Await(bx(e)), loc))
    }

    fn yield_expr(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        if !self.ctx.in_func {
            return Err(err_at(loc, "'yield' outside function"));
        }
        self.bump();
        if self.at(Tok::From) {
            if self.ctx.in_async {
                return Err(err_at(loc, "'yield from' inside async function"));
            }
            self.bump();
            let e = self.test()?;
            return Ok(Expr::new(ExprKind::YieldFrom(bx(e)), loc));
        }
        if !self.starts_expr() {
            return Ok(Expr::new(ExprKind::Yield(None), loc));
        }
        let e = self.star_expressions()?;
        check_not_starred(&e)?;
        Ok(Expr::new(ExprKind::Yield(Some(bx(e))), loc))
    }

    fn primary(&mut self) -> PResult<Expr> {
        // Trailers start where the atom's text starts (at its `(` if parenthesised).
        let loc = self.loc();
        let mut e = self.atom()?;
        let mut chain = 0u32;
        loop {
            chain += 1;
            if chain > MAX_CHAIN {
                return self.fail("expression too complex");
            }
            match self.peek() {
                Tok::Dot => {
                    self.bump();
                    let attr = self.expect_name()?;
                    e = Expr::new(ExprKind::Attribute { value: bx(e), attr }, loc);
                }
                Tok::LPar => {
                    let ploc = self.loc();
                    self.bump();
                    let (args, keywords) = self.arglist(ploc)?;
                    e = Expr::new(ExprKind::Call { func: bx(e), args, keywords }, loc);
                }
                Tok::LSqb => {
                    self.bump();
                    let slice = self.subscript()?;
                    e = Expr::new(ExprKind::Subscript { value: bx(e), slice: bx(slice) }, loc);
                }
                _ => return Ok(e),
            }
        }
    }

    /// Call arguments after `(`, through the closing `)`.
    fn arglist(&mut self, paren: Loc) -> PResult<(Vec<Expr>, Vec<Keyword>)> {
        let start = self.expr_stack.len();
        let mut kws: Vec<Keyword> = Vec::new();
        let mut kw_unpack = false;
        loop {
            if self.at(Tok::RPar) {
                break;
            }
            let loc = self.loc();
            match self.peek() {
                Tok::Star => {
                    self.bump();
                    let v = self.test()?;
                    if kw_unpack {
                        return Err(err_at(loc, "iterable argument unpacking follows keyword argument unpacking"));
                    }
                    self.expr_stack.push(Expr::new(ExprKind::Starred(bx(v)), loc));
                }
                Tok::DoubleStar => {
                    self.bump();
                    let v = self.test()?;
                    kws.push(Keyword { arg: None, value: v, loc });
                    kw_unpack = true;
                }
                _ => {
                    let tok_start = self.tok_index();
                    let mark = self.pending.len();
                    let e = self.named_expr()?;
                    if self.at(Tok::Equal) {
                        let name = match e.kind {
                            ExprKind::Name(n) if self.tok_index() == tok_start + 1 => n,
                            ExprKind::Const(Constant::True | Constant::False | Constant::None) => {
                                return Err(err_at(e.loc, format!("cannot assign to {}", describe(&e))))
                            }
                            _ => {
                                return Err(err_at(
                                    e.loc,
                                    "expression cannot contain assignment, perhaps you meant \"==\"?",
                                ))
                            }
                        };
                        self.bump();
                        let value = self.test()?;
                        if kws.iter().any(|k| k.arg == Some(name)) {
                            return Err(err_at(loc, format!("keyword argument repeated: {name}")));
                        }
                        kws.push(Keyword { arg: Some(name), value, loc });
                    } else if self.at_comp_for() {
                        let (generators, first_iter) = self.comp_for()?;
                        self.settle_comprehension(mark, first_iter, &generators, paren, true);
                        let g = Expr::new(ExprKind::GeneratorExp { elt: bx(e), generators }, paren);
                        if self.expr_stack.len() > start || !kws.is_empty() || !self.at(Tok::RPar) {
                            return Err(err_at(loc, "Generator expression must be parenthesized"));
                        }
                        self.expr_stack.push(g);
                    } else {
                        if !kws.is_empty() {
                            let msg = if kw_unpack {
                                "positional argument follows keyword argument unpacking"
                            } else {
                                "positional argument follows keyword argument"
                            };
                            return Err(err_at(e.loc, msg));
                        }
                        self.expr_stack.push(e);
                    }
                }
            }
            if !self.eat(Tok::Comma) {
                break;
            }
        }
        self.expect(Tok::RPar, "invalid syntax")?;
        kws.shrink_to_fit();
        Ok((self.take_exprs(start), kws))
    }

    /// The inside of `[...]` after a primary, through the `]`.
    fn subscript(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let first = self.slice_item()?;
        let r = if self.at(Tok::Comma) || matches!(first.kind, ExprKind::Starred(_)) {
            let start = self.expr_stack.len();
            self.expr_stack.push(first);
            while self.eat(Tok::Comma) {
                if self.at(Tok::RSqb) {
                    break;
                }
                let e = self.slice_item()?;
                self.expr_stack.push(e);
            }
            Expr::new(ExprKind::Tuple(self.take_exprs(start)), loc)
        } else {
            first
        };
        self.expect(Tok::RSqb, "invalid syntax")?;
        Ok(r)
    }

    fn slice_item(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let lower = if self.at(Tok::Colon) {
            None
        } else if self.at(Tok::Star) {
            return self.star_expr();
        } else {
            let e = self.named_expr()?;
            if !self.at(Tok::Colon) {
                return Ok(e);
            }
            Some(bx(e))
        };
        self.bump();
        let ends = |p: &Self| matches!(p.peek(), Tok::Colon | Tok::Comma | Tok::RSqb);
        let upper = if ends(self) { None } else { Some(bx(self.test()?)) };
        let step = if self.eat(Tok::Colon) {
            if matches!(self.peek(), Tok::Comma | Tok::RSqb) {
                None
            } else {
                Some(bx(self.test()?))
            }
        } else {
            None
        };
        Ok(Expr::new(ExprKind::Slice { lower, upper, step }, loc))
    }

    fn atom(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let kind = match self.peek() {
            Tok::Name(q) => ExprKind::Name(q),
            Tok::Int(v) => ExprKind::Const(Constant::Int(v)),
            Tok::Float(v) => ExprKind::Const(Constant::Float(v)),
            Tok::Imag(v) => ExprKind::Const(Constant::Imag(v)),
            Tok::BigInt(i) => {
                let s = self.lx.out.bigints.get_mut(i as usize).map(std::mem::take).unwrap_or_default();
                ExprKind::Const(Constant::BigInt(s))
            }
            Tok::None => ExprKind::Const(Constant::None),
            Tok::True => ExprKind::Const(Constant::True),
            Tok::False => ExprKind::Const(Constant::False),
            Tok::Ellipsis => ExprKind::Const(Constant::Ellipsis),
            Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) | Tok::TStr(_) => return self.strings(),
            Tok::LPar => return self.paren_atom(),
            Tok::LSqb => return self.list_atom(),
            Tok::LBrace => return self.brace_atom(),
            _ => return self.fail("invalid syntax"),
        };
        self.bump();
        Ok(Expr::new(kind, loc))
    }

    fn paren_atom(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.bump();
        if self.eat(Tok::RPar) {
            return Ok(Expr::new(ExprKind::Tuple(Vec::new()), loc));
        }
        if self.at(Tok::Yield) {
            let e = self.yield_expr()?;
            self.expect(Tok::RPar, "invalid syntax")?;
            return Ok(e);
        }
        let mark = self.pending.len();
        let first = self.star_named_expr()?;
        if self.at_comp_for() {
            if let ExprKind::Starred(_) = first.kind {
                return Err(err_at(first.loc, "iterable unpacking cannot be used in comprehension"));
            }
            let (generators, first_iter) = self.comp_for()?;
            self.settle_comprehension(mark, first_iter, &generators, loc, true);
            self.expect(Tok::RPar, "invalid syntax")?;
            return Ok(Expr::new(ExprKind::GeneratorExp { elt: bx(first), generators }, loc));
        }
        if self.eat(Tok::RPar) {
            if let ExprKind::Starred(_) = first.kind {
                return Err(err_at(first.loc, "cannot use starred expression here"));
            }
            return Ok(first);
        }
        if !self.at(Tok::Comma) {
            return self.fail("invalid syntax");
        }
        let start = self.expr_stack.len();
        self.expr_stack.push(first);
        while self.eat(Tok::Comma) {
            if self.at(Tok::RPar) {
                break;
            }
            let e = self.star_named_expr()?;
            self.expr_stack.push(e);
        }
        self.expect(Tok::RPar, "invalid syntax")?;
        Ok(Expr::new(ExprKind::Tuple(self.take_exprs(start)), loc))
    }

    fn list_atom(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.bump();
        if self.eat(Tok::RSqb) {
            return Ok(Expr::new(ExprKind::List(Vec::new()), loc));
        }
        let mark = self.pending.len();
        let first = self.star_named_expr()?;
        if self.at_comp_for() {
            if let ExprKind::Starred(_) = first.kind {
                return Err(err_at(first.loc, "iterable unpacking cannot be used in comprehension"));
            }
            let (generators, first_iter) = self.comp_for()?;
            self.settle_comprehension(mark, first_iter, &generators, loc, false);
            self.expect(Tok::RSqb, "invalid syntax")?;
            return Ok(Expr::new(ExprKind::ListComp { elt: bx(first), generators }, loc));
        }
        let start = self.expr_stack.len();
        self.expr_stack.push(first);
        while self.eat(Tok::Comma) {
            if self.at(Tok::RSqb) {
                break;
            }
            let e = self.star_named_expr()?;
            self.expr_stack.push(e);
        }
        self.expect(Tok::RSqb, "invalid syntax")?;
        Ok(Expr::new(ExprKind::List(self.take_exprs(start)), loc))
    }

    fn dict_unpack(&mut self) -> PResult<Expr> {
        self.bump();
        self.enter()?;
        let e = self.bitor()?;
        self.leave();
        Ok(e)
    }

    fn brace_atom(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        self.bump();
        if self.eat(Tok::RBrace) {
            return Ok(Expr::new(ExprKind::Dict { keys: Vec::new(), values: Vec::new() }, loc));
        }
        // The first entry decides: dict (`k: v` or `**m`) or set.
        let mark = self.pending.len();
        let (first_key, first_value) = if self.at(Tok::DoubleStar) {
            let ploc = self.loc();
            let m = self.dict_unpack()?;
            if self.at_comp_for() {
                return Err(err_at(ploc, "dict unpacking cannot be used in dict comprehension"));
            }
            (None, m)
        } else {
            let first = if self.at(Tok::Star) { self.star_expr()? } else { self.test()? };
            if self.at(Tok::ColonEqual) || !self.at(Tok::Colon) {
                // A set.
                let first = if self.at(Tok::ColonEqual) {
                    let ExprKind::Name(target) = first.kind else {
                        return Err(err_at(
                            first.loc,
                            format!("cannot use assignment expressions with {}", describe(&first)),
                        ));
                    };
                    self.bump();
                    let value = self.test()?;
                    Expr::new(ExprKind::NamedExpr { target, value: bx(value) }, first.loc)
                } else {
                    first
                };
                if self.at_comp_for() {
                    if let ExprKind::Starred(_) = first.kind {
                        return Err(err_at(first.loc, "iterable unpacking cannot be used in comprehension"));
                    }
                    let (generators, first_iter) = self.comp_for()?;
                    self.settle_comprehension(mark, first_iter, &generators, loc, false);
                    self.expect(Tok::RBrace, "invalid syntax")?;
                    return Ok(Expr::new(ExprKind::SetComp { elt: bx(first), generators }, loc));
                }
                let start = self.expr_stack.len();
                self.expr_stack.push(first);
                while self.eat(Tok::Comma) {
                    if self.at(Tok::RBrace) {
                        break;
                    }
                    let e = self.star_named_expr()?;
                    self.expr_stack.push(e);
                }
                self.expect(Tok::RBrace, "invalid syntax")?;
                return Ok(Expr::new(ExprKind::Set(self.take_exprs(start)), loc));
            }
            if let ExprKind::Starred(_) = first.kind {
                return self.fail("invalid syntax");
            }
            self.bump();
            let value = self.test()?;
            if self.at_comp_for() {
                let (generators, first_iter) = self.comp_for()?;
                self.settle_comprehension(mark, first_iter, &generators, loc, false);
                self.expect(Tok::RBrace, "invalid syntax")?;
                return Ok(Expr::new(ExprKind::DictComp { key: bx(first), value: bx(value), generators }, loc));
            }
            (Some(first), value)
        };
        let mut keys = Vec::with_capacity(4);
        let mut values = Vec::with_capacity(4);
        keys.push(first_key);
        values.push(first_value);
        while self.eat(Tok::Comma) {
            if self.at(Tok::RBrace) {
                break;
            }
            if self.at(Tok::DoubleStar) {
                keys.push(None);
                values.push(self.dict_unpack()?);
            } else {
                let k = self.test()?;
                self.expect_colon()?;
                let v = self.test()?;
                keys.push(Some(k));
                values.push(v);
            }
        }
        self.expect(Tok::RBrace, "invalid syntax")?;
        keys.shrink_to_fit();
        values.shrink_to_fit();
        Ok(Expr::new(ExprKind::Dict { keys, values }, loc))
    }

    /// The `for ... in ... if ...` clauses; also returns the range of pending
    /// entries that came from the first iterable.
    fn comp_for(&mut self) -> PResult<(Vec<Comprehension>, (usize, usize))> {
        let mut generators = Vec::with_capacity(1);
        let mut first_iter = (self.pending.len(), self.pending.len());
        while self.at_comp_for() {
            let is_async = self.eat(Tok::Async);
            self.bump();
            let target = self.target_list()?;
            self.expect(Tok::In, "invalid syntax")?;
            let before = self.pending.len();
            let iter = self.or_test()?;
            if generators.is_empty() {
                first_iter = (before, self.pending.len());
            }
            let mut ifs = Vec::new();
            while self.eat(Tok::If) {
                ifs.push(self.or_test()?);
            }
            generators.push(Comprehension { target, iter, ifs, is_async });
        }
        Ok((generators, first_iter))
    }

    // ---- strings -------------------------------------------------------------

    /// One or more adjacent string literals, concatenated.
    fn strings(&mut self) -> PResult<Expr> {
        let loc = self.loc();
        let first = self.peek();
        let next_is_str = matches!(self.peek_at(1), Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) | Tok::TStr(_));
        if !next_is_str {
            match first {
                Tok::Str(i) => {
                    self.bump();
                    let s = self.lx.out.strs.get_mut(i as usize).map(std::mem::take).unwrap_or_default();
                    return Ok(Expr::new(ExprKind::Const(Constant::from_str_lit(s)), loc));
                }
                Tok::Bytes(i) => {
                    self.bump();
                    let b = self.lx.out.bytes.get_mut(i as usize).map(std::mem::take).unwrap_or_default();
                    return Ok(Expr::new(ExprKind::Const(Constant::Bytes(b)), loc));
                }
                _ => {}
            }
        }
        if let Tok::TStr(_) = first {
            return self.template_strings(loc);
        }
        let mut is_bytes: Option<bool> = None;
        let mut has_f = false;
        let mut buf = Wtf8Buf::new();
        let mut bbuf: Vec<u8> = Vec::new();
        let mut parts: Vec<Expr> = Vec::new();
        loop {
            let tok = self.peek();
            let this_bytes = match tok {
                Tok::Str(_) | Tok::FStr(_) => false,
                Tok::Bytes(_) => true,
                Tok::TStr(_) => return self.fail(MIXED_TSTRING),
                _ => break,
            };
            match is_bytes {
                None => is_bytes = Some(this_bytes),
                Some(b) if b != this_bytes => return self.fail("cannot mix bytes and nonbytes literals"),
                _ => {}
            }
            self.bump();
            match tok {
                Tok::Str(i) => match self.lx.out.strs.get(i as usize) {
                    Some(StrLit::Text(s)) => buf.push_str(s),
                    Some(StrLit::Surrogates(b)) => buf.push_wtf8(b),
                    None => {}
                },
                Tok::Bytes(i) => bbuf.extend_from_slice(self.lx.out.bytes.get(i as usize).map_or(&[][..], |b| b)),
                Tok::FStr(i) => {
                    has_f = true;
                    let lit = self.lx.out.fstrs.get_mut(i as usize).map(std::mem::take).unwrap_or_default();
                    self.fstring_parts(lit.pieces, &mut buf, &mut parts, loc, false)?;
                }
                _ => {}
            }
        }
        let kind = if is_bytes == Some(true) {
            ExprKind::Const(Constant::Bytes(bbuf.into_boxed_slice()))
        } else if !has_f {
            ExprKind::Const(Constant::from_str_buf(buf))
        } else {
            if !buf.is_empty() {
                parts.push(Expr::new(ExprKind::Const(Constant::from_str_buf(buf)), loc));
            }
            ExprKind::JoinedStr(parts)
        };
        Ok(Expr::new(kind, loc))
    }

    /// One or more adjacent t-strings, concatenated into one `TemplateStr` (a
    /// t-string concatenates with t-strings only, PEP 750).
    fn template_strings(&mut self, loc: Loc) -> PResult<Expr> {
        let mut strings: Vec<Box<str>> = Vec::new();
        let mut interpolations = Vec::new();
        let mut buf = String::new();
        loop {
            let i = match self.peek() {
                Tok::TStr(i) => i,
                Tok::Str(_) | Tok::Bytes(_) | Tok::FStr(_) => return self.fail(MIXED_TSTRING),
                _ => break,
            };
            self.bump();
            let lit = self.lx.out.fstrs.get_mut(i as usize).map(std::mem::take).unwrap_or_default();
            for piece in lit.pieces {
                match piece {
                    FPiece::Lit(s) => match s.into_string() {
                        Ok(s) => buf.push_str(&s),
                        // Template strings keep their text as `str`s.
                        Err(_) => return self.fail("t-string: lone surrogates in the text aren't supported"),
                    },
                    FPiece::Field(f) => {
                        // `{x=}` puts its text among the strings (PEP 750).
                        if let Some(t) = &f.debug_text {
                            buf.push_str(t);
                        }
                        strings.push(std::mem::take(&mut buf).into_boxed_str());
                        interpolations.push(self.interpolation(*f)?);
                    }
                }
            }
        }
        strings.push(buf.into_boxed_str());
        Ok(Expr::new(ExprKind::TemplateStr { strings, interpolations }, loc))
    }

    /// A t-string's replacement field.
    fn interpolation(&mut self, f: FField) -> PResult<Interpolation> {
        let text = self.text.get(f.expr_start..f.expr_end).unwrap_or("");
        let value = self.sub_parse_expr(text, f.line, f.col, true)?;
        // CPython 3.14 keeps the text as written from just after `{`, less the
        // blanks before the `=`, `!`, `:` or `}` that ends it; newlines in the
        // source read as `\n`.
        let text = text.trim_end_matches([' ', '\t', '\x0c', '\n', '\r']);
        let expression: Box<str> =
            if text.contains('\r') { text.replace("\r\n", "\n").replace('\r', "\n").into() } else { text.into() };
        let conversion = match f.conversion {
            None if f.debug_text.is_some() && f.spec.is_none() => Some('r'),
            c => c,
        };
        let format_spec = self.format_spec(f.spec, f.spec_line, f.spec_col, true)?;
        Ok(Interpolation { value, expression, conversion, format_spec })
    }

    /// Append an f-string's pieces: literal text accumulates in `buf` (so it
    /// merges with neighbouring literals); fields flush it and become
    /// `FormattedValue`s. `template`: the pieces are a t-string's format spec.
    fn fstring_parts(
        &mut self,
        pieces: Vec<FPiece>,
        buf: &mut Wtf8Buf,
        parts: &mut Vec<Expr>,
        loc: Loc,
        template: bool,
    ) -> PResult<()> {
        for piece in pieces {
            match piece {
                FPiece::Lit(s) => buf.push_buf(&s),
                FPiece::Field(f) => {
                    if let Some(t) = &f.debug_text {
                        buf.push_str(t);
                    }
                    if !buf.is_empty() {
                        parts.push(Expr::new(ExprKind::Const(Constant::from_str_buf(std::mem::take(buf))), loc));
                    }
                    parts.push(self.fstring_field(*f, template)?);
                }
            }
        }
        Ok(())
    }

    fn fstring_field(&mut self, f: FField, template: bool) -> PResult<Expr> {
        let text = self.text.get(f.expr_start..f.expr_end).unwrap_or("");
        let value = self.sub_parse_expr(text, f.line, f.col, template)?;
        // `{x=}` shows the repr unless a conversion or format spec says otherwise.
        let conversion = match f.conversion {
            None if f.debug_text.is_some() && f.spec.is_none() => Some('r'),
            c => c,
        };
        let format_spec = self.format_spec(f.spec, f.spec_line, f.spec_col, template)?.map(bx);
        let loc = value.loc;
        Ok(Expr::new(ExprKind::FormattedValue { value: bx(value), conversion, format_spec }, loc))
    }

    /// A field's format spec as a `JoinedStr`, if it has one.
    fn format_spec(&mut self, spec: Option<Vec<FPiece>>, line: u32, col: u32, template: bool) -> PResult<Option<Expr>> {
        let Some(pieces) = spec else { return Ok(None) };
        let sloc = Loc { line, col };
        let mut buf = Wtf8Buf::new();
        let mut parts = Vec::new();
        self.fstring_parts(pieces, &mut buf, &mut parts, sloc, template)?;
        if !buf.is_empty() {
            parts.push(Expr::new(ExprKind::Const(Constant::from_str_buf(buf)), sloc));
        }
        Ok(Some(Expr::new(ExprKind::JoinedStr(parts), sloc)))
    }

    /// Parse the expression of an f-string (or, with `template`, a t-string)
    /// replacement field.
    fn sub_parse_expr(&mut self, text: &str, line: u32, col: u32, template: bool) -> PResult<Expr> {
        if self.depth >= MAX_DEPTH {
            return self.fail("too many nested parentheses");
        }
        let kind = if template { "t-string" } else { "f-string" };
        let cfg = LexConfig { indentation: false, implicit_paren: true, line, col };
        let mut sub = Parser::new(text, cfg, self.ctx, self.depth + 1);
        let e = if sub.at(Tok::Yield) { sub.yield_expr()? } else { sub.star_expressions()? };
        if !sub.at(Tok::EndMarker) {
            // (f-strings keep Python 3.11's wording, t-strings have 3.14's.)
            return sub.fail(if template {
                "t-string: expecting '=', or '!', or ':', or '}'"
            } else {
                "f-string: expecting '}'"
            });
        }
        if let ExprKind::Starred(_) = e.kind {
            return Err(err_at(e.loc, format!("{kind}: can't use starred expression here")));
        }
        self.pending.append(&mut sub.pending);
        Ok(e)
    }
}
