//! The abstract syntax tree the parser produces and the compiler consumes.
//!
//! It follows Python's own `ast` module closely (same node names, same fields),
//! minus the load/store context, which the compiler knows from position. Every
//! identifier is an interned [`Qstr`]; every node carries the line and column
//! where it starts (1-based line, 0-based column, in characters).

use crate::qstr::Qstr;

pub type Name = Qstr;

#[derive(Copy, Clone, Debug, PartialEq, Eq, Default)]
pub struct Loc {
    pub line: u32,
    pub col: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Module {
    pub body: Vec<Stmt>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Stmt {
    pub kind: StmtKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum StmtKind {
    /// An expression evaluated for its effect (including a docstring).
    Expr(Expr),
    /// `t1 = t2 = value`: `targets` in source order.
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `target op= value`
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `target: annotation [= value]`; `simple` when the target is a bare name
    /// not in parentheses.
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
        simple: bool,
    },
    FunctionDef(Box<FunctionDef>),
    ClassDef(Box<ClassDef>),
    Return(Option<Expr>),
    Delete(Vec<Expr>),
    Pass,
    Break,
    Continue,
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
        is_async: bool,
    },
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
        is_async: bool,
    },
    /// `raise`, `raise exc`, `raise exc from cause`
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `import a.b.c as d, e`
    Import(Vec<Alias>),
    /// `from ..pkg.mod import a as b, c` (`level` counts the leading dots;
    /// `module` is `None` for `from . import x`). `from m import *` has one
    /// alias whose name is `*`.
    ImportFrom {
        module: Option<Name>,
        names: Vec<Alias>,
        level: u32,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
}

#[derive(Debug, Clone, PartialEq)]
pub struct FunctionDef {
    pub name: Name,
    pub args: Arguments,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    /// The `-> annotation`, kept (not evaluated) for the viper emitter.
    pub returns: Option<Expr>,
    pub is_async: bool,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ClassDef {
    pub name: Name,
    pub bases: Vec<Expr>,
    pub keywords: Vec<Keyword>,
    pub body: Vec<Stmt>,
    pub decorators: Vec<Expr>,
    pub loc: Loc,
}

/// A function's parameter list, as in Python's `ast.arguments`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Arguments {
    /// Parameters before a `/`.
    pub posonlyargs: Vec<Arg>,
    /// Ordinary positional-or-keyword parameters.
    pub args: Vec<Arg>,
    pub vararg: Option<Arg>,
    pub kwonlyargs: Vec<Arg>,
    /// One entry per `kwonlyargs`: its default, if any.
    pub kw_defaults: Vec<Option<Expr>>,
    pub kwarg: Option<Arg>,
    /// Defaults of the last `defaults.len()` of `posonlyargs ++ args`.
    pub defaults: Vec<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Arg {
    pub name: Name,
    pub annotation: Option<Expr>,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Keyword {
    /// `None` for `**mapping` in a call or class header.
    pub arg: Option<Name>,
    pub value: Expr,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct WithItem {
    pub context_expr: Expr,
    pub optional_vars: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Dotted module name for `import`, interned whole (`"a.b.c"`); a plain
    /// name (or `*`) for `from ... import`.
    pub name: Name,
    pub asname: Option<Name>,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
    pub is_async: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub loc: Loc,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Name(Name),
    Const(Constant),
    /// An f-string: its parts are `Const(Str)` and `FormattedValue` nodes.
    JoinedStr(Vec<Expr>),
    /// `{value!conversion:format_spec}` inside an f-string; `conversion` is
    /// `'s'`, `'r'` or `'a'`; `format_spec` is itself a `JoinedStr`.
    FormattedValue {
        value: Box<Expr>,
        conversion: Option<char>,
        format_spec: Option<Box<Expr>>,
    },
    /// A t-string (PEP 750): its literal parts, always one more than its
    /// interpolations (empty ones included, as `Template.strings` has them).
    TemplateStr {
        strings: Vec<Box<str>>,
        interpolations: Vec<Interpolation>,
    },
    /// `a and b and c` / `a or b`
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `target := value`
    NamedExpr {
        target: Name,
        value: Box<Expr>,
    },
    BinOp {
        left: Box<Expr>,
        op: BinOp,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    Lambda {
        args: Box<Arguments>,
        body: Box<Expr>,
    },
    /// `body if test else orelse`
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    /// `{k: v, **m}`: a `None` key marks a `**m` entry whose mapping is in `values`.
    Dict {
        keys: Vec<Option<Expr>>,
        values: Vec<Expr>,
    },
    Set(Vec<Expr>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    Await(Box<Expr>),
    Yield(Option<Box<Expr>>),
    YieldFrom(Box<Expr>),
    /// `left op0 c0 op1 c1 ...` (a chain when there is more than one op).
    Compare {
        left: Box<Expr>,
        ops: Vec<CmpOp>,
        comparators: Vec<Expr>,
    },
    /// `func(args..., keywords...)`; `args` may hold `Starred`; a keyword
    /// with `arg: None` is a `**mapping`.
    Call {
        func: Box<Expr>,
        args: Vec<Expr>,
        keywords: Vec<Keyword>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    /// `value[slice]`; `a[1:2, 3]` has a `Tuple` slice holding a `Slice`.
    Subscript {
        value: Box<Expr>,
        slice: Box<Expr>,
    },
    Starred(Box<Expr>),
    List(Vec<Expr>),
    Tuple(Vec<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
}

/// `{value!conversion:format_spec}` inside a t-string.
#[derive(Debug, Clone, PartialEq)]
pub struct Interpolation {
    pub value: Expr,
    /// The expression's source text, as `Interpolation.expression` gives it.
    pub expression: Box<str>,
    /// `'s'`, `'r'` or `'a'`.
    pub conversion: Option<char>,
    /// The format spec, a `JoinedStr` (its fields are evaluated with the t-string).
    pub format_spec: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    True,
    False,
    Ellipsis,
    /// An integer literal that fits in an i64.
    Int(i64),
    /// A larger integer literal, as its decimal digits (no sign, no `_`).
    BigInt(Box<str>),
    Float(f64),
    /// An imaginary literal `3j`: the imaginary part.
    Imag(f64),
    Str(Box<str>),
    /// A str literal holding lone surrogates (`'\ud800'`), as generalized UTF-8
    /// (`crate::wtf8`); every other str literal is a `Str`.
    SurrogateStr(Box<[u8]>),
    Bytes(Box<[u8]>),
}

impl Constant {
    /// The constant for str literal text.
    pub fn from_str_lit(lit: crate::token::StrLit) -> Constant {
        match lit {
            crate::token::StrLit::Text(s) => Constant::Str(s),
            crate::token::StrLit::Surrogates(b) => Constant::SurrogateStr(b),
        }
    }

    /// The constant for str text built in a buffer.
    pub fn from_str_buf(buf: crate::wtf8::Wtf8Buf) -> Constant {
        Constant::from_str_lit(crate::token::StrLit::from_buf(buf))
    }
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    Add,
    Sub,
    Mult,
    MatMult,
    Div,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
    FloorDiv,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    Invert,
    Not,
    UAdd,
    USub,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    Is,
    IsNot,
    In,
    NotIn,
}

impl Expr {
    pub fn new(kind: ExprKind, loc: Loc) -> Expr {
        Expr { kind, loc }
    }
}

impl Stmt {
    pub fn new(kind: StmtKind, loc: Loc) -> Stmt {
        Stmt { kind, loc }
    }
}
