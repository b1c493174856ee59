//! Tokens: what the lexer hands the parser.
//!
//! A token is small and `Copy` (24 bytes): names carry their interned id, numbers
//! that fit carry their value, and everything with a heap payload (string bodies,
//! big ints, f-strings, t-strings) carries an index into the lexer's side tables, which the
//! parser takes ownership of as it consumes them.

use crate::qstr::Qstr;
use crate::wtf8::Wtf8Buf;

#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Tok {
    Name(Qstr),
    /// An integer literal that fits in an i64.
    Int(i64),
    /// Index into `Tokens::bigints` (decimal digits).
    BigInt(u32),
    Float(f64),
    /// The imaginary part of a `...j` literal.
    Imag(f64),
    /// Index into `Tokens::strs`.
    Str(u32),
    /// Index into `Tokens::bytes`.
    Bytes(u32),
    /// Index into `Tokens::fstrs`.
    FStr(u32),
    /// A t-string (PEP 750): index into `Tokens::fstrs`, which holds its pieces
    /// as it does an f-string's.
    TStr(u32),

    Newline,
    Indent,
    Dedent,
    EndMarker,
    /// The lexer stopped here; `Tokens::error` says why.
    Error,

    // Keywords.
    False,
    None,
    True,
    And,
    As,
    Assert,
    Async,
    Await,
    Break,
    Class,
    Continue,
    Def,
    Del,
    Elif,
    Else,
    Except,
    Finally,
    For,
    From,
    Global,
    If,
    Import,
    In,
    Is,
    Lambda,
    Nonlocal,
    Not,
    Or,
    Pass,
    Raise,
    Return,
    Try,
    While,
    With,
    Yield,

    // Delimiters and operators.
    LPar,
    RPar,
    LSqb,
    RSqb,
    LBrace,
    RBrace,
    Colon,
    Comma,
    Semi,
    Dot,
    Ellipsis,
    Arrow,
    ColonEqual,
    Equal,
    Plus,
    Minus,
    Star,
    DoubleStar,
    Slash,
    DoubleSlash,
    Percent,
    At,
    Amper,
    VBar,
    Caret,
    Tilde,
    LShift,
    RShift,
    Less,
    Greater,
    EqEqual,
    NotEqual,
    LessEqual,
    GreaterEqual,
    PlusEqual,
    MinusEqual,
    StarEqual,
    DoubleStarEqual,
    SlashEqual,
    DoubleSlashEqual,
    PercentEqual,
    AtEqual,
    AmperEqual,
    VBarEqual,
    CaretEqual,
    LShiftEqual,
    RShiftEqual,
}

#[derive(Copy, Clone, Debug, PartialEq)]
pub struct Token {
    pub tok: Tok,
    /// 1-based line.
    pub line: u32,
    /// 0-based column, in characters.
    pub col: u32,
}

/// One piece of an f-string (or t-string) as the lexer found it.
#[derive(Clone, Debug, PartialEq)]
pub enum FPiece {
    /// Literal text, escapes already decoded and `{{`/`}}` already halved
    /// (generalized UTF-8: `\ud800` escapes make lone surrogates).
    Lit(Wtf8Buf),
    Field(Box<FField>),
}

/// A `{expr!c:spec}` replacement field.
#[derive(Clone, Debug, PartialEq)]
pub struct FField {
    /// Byte range of the expression text in the lexed source.
    pub expr_start: usize,
    pub expr_end: usize,
    /// Where the expression text starts.
    pub line: u32,
    pub col: u32,
    /// For `{expr=}`: the text to print before the value (`expr=` with its spacing).
    pub debug_text: Option<String>,
    pub conversion: Option<char>,
    /// The pieces of the format spec after `:`, if there is one.
    pub spec: Option<Vec<FPiece>>,
    /// Where the format spec starts.
    pub spec_line: u32,
    pub spec_col: u32,
}

/// The text of a plain str literal.
#[derive(Clone, Debug, PartialEq)]
pub enum StrLit {
    Text(Box<str>),
    /// Text with lone surrogates (from `\ud800`-style escapes), as generalized
    /// UTF-8 (`crate::wtf8`).
    Surrogates(Box<[u8]>),
}

impl Default for StrLit {
    fn default() -> StrLit {
        StrLit::Text(Box::default())
    }
}

impl StrLit {
    /// The literal made from decoded text.
    pub fn from_buf(buf: Wtf8Buf) -> StrLit {
        match buf.into_string() {
            Ok(s) => StrLit::Text(s.into_boxed_str()),
            Err(b) => StrLit::Surrogates(b.into_boxed_slice()),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct FStrLit {
    pub pieces: Vec<FPiece>,
}

impl Tok {
    /// The keyword token for `word`, if it is one.
    #[inline]
    pub fn keyword(word: &[u8]) -> Option<Tok> {
        Some(match word {
            b"False" => Tok::False,
            b"None" => Tok::None,
            b"True" => Tok::True,
            b"and" => Tok::And,
            b"as" => Tok::As,
            b"assert" => Tok::Assert,
            b"async" => Tok::Async,
            b"await" => Tok::Await,
            b"break" => Tok::Break,
            b"class" => Tok::Class,
            b"continue" => Tok::Continue,
            b"def" => Tok::Def,
            b"del" => Tok::Del,
            b"elif" => Tok::Elif,
            b"else" => Tok::Else,
            b"except" => Tok::Except,
            b"finally" => Tok::Finally,
            b"for" => Tok::For,
            b"from" => Tok::From,
            b"global" => Tok::Global,
            b"if" => Tok::If,
            b"import" => Tok::Import,
            b"in" => Tok::In,
            b"is" => Tok::Is,
            b"lambda" => Tok::Lambda,
            b"nonlocal" => Tok::Nonlocal,
            b"not" => Tok::Not,
            b"or" => Tok::Or,
            b"pass" => Tok::Pass,
            b"raise" => Tok::Raise,
            b"return" => Tok::Return,
            b"try" => Tok::Try,
            b"while" => Tok::While,
            b"with" => Tok::With,
            b"yield" => Tok::Yield,
            _ => return None,
        })
    }

    /// The augmented-assignment operator this token spells, if any.
    pub fn aug_op(self) -> Option<crate::ast::BinOp> {
        use crate::ast::BinOp::*;
        Some(match self {
            Tok::PlusEqual => Add,
            Tok::MinusEqual => Sub,
            Tok::StarEqual => Mult,
            Tok::AtEqual => MatMult,
            Tok::SlashEqual => Div,
            Tok::DoubleSlashEqual => FloorDiv,
            Tok::PercentEqual => Mod,
            Tok::DoubleStarEqual => Pow,
            Tok::RShiftEqual => RShift,
            Tok::LShiftEqual => LShift,
            Tok::AmperEqual => BitAnd,
            Tok::CaretEqual => BitXor,
            Tok::VBarEqual => BitOr,
            _ => return None,
        })
    }
}
