//! The lexer: UTF-8 source to [`Token`]s, with NEWLINE, INDENT and DEDENT tokens
//! derived from the layout as Python specifies.
//!
//! The lexer is incremental: [`Lexer::fill`] appends tokens to a buffer that the
//! parser consumes and empties as it goes, so token memory stays small however
//! large the file (touching fresh memory is a large part of the cost of a
//! one-shot compile). The parser may look any distance ahead (it does so for the
//! parenthesised `with` form) by filling further; it never goes back.
//!
//! A lexical error stops the lexer with an `Error` token rather than failing the
//! whole parse at once, so that a parse error earlier in the file is reported
//! first, as CPython and MicroPython (which lex on demand) do.
//!
//! Work is done on bytes; identifiers are interned straight from the source slice
//! and string literals without escapes are copied in one go.

use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::fxhash::FxHashMap;
use crate::qstr::Qstr;
use crate::token::{FField, FPiece, FStrLit, StrLit, Tok, Token};
use crate::wtf8::Wtf8Buf;

/// CPython's tokenizer limit; also what bounds the parser's recursion on brackets.
pub const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's limit on indentation levels; bounds the parser's recursion on blocks.
pub const MAX_INDENT_DEPTH: usize = 100;
/// How deeply replacement fields may nest inside f-strings (format specs and
/// f-strings inside f-string expressions both count).
pub const MAX_FSTRING_NEST: u32 = 32;

const TAB_SIZE: u32 = 8;
const IDENT_CACHE_BITS: u32 = 8;

/// What the lexer has produced. Once the lexer is done, the token vector ends
/// with an `EndMarker` or an `Error` token (and `error` is set exactly in the
/// latter case).
#[derive(Debug, Default)]
pub struct Tokens {
    pub toks: Vec<Token>,
    pub strs: Vec<StrLit>,
    pub bytes: Vec<Box<[u8]>>,
    pub fstrs: Vec<FStrLit>,
    pub bigints: Vec<Box<str>>,
    pub error: Option<SyntaxError>,
}

#[derive(Copy, Clone, Debug)]
pub struct LexConfig {
    /// Derive INDENT/DEDENT from leading whitespace; off for `eval` input, whose
    /// leading whitespace CPython ignores.
    pub indentation: bool,
    /// Lex as if the whole input sat inside brackets: newlines are insignificant
    /// and no NEWLINE is produced (for the expressions inside f-strings).
    pub implicit_paren: bool,
    /// Position of the first character of the input (for text cut from a larger source).
    pub line: u32,
    pub col: u32,
}

impl LexConfig {
    pub fn file() -> LexConfig {
        LexConfig { indentation: true, implicit_paren: false, line: 1, col: 0 }
    }
}

/// Tokenize all of `src` at once.
pub fn tokenize(src: &str, cfg: LexConfig) -> Tokens {
    let mut lx = Lexer::new(src, cfg, src.len() / 3 + 16);
    lx.fill(usize::MAX);
    lx.out
}

/// Byte classes for the hot loop.
const fn ident_table() -> [bool; 256] {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = c.is_ascii_alphanumeric() || c == b'_' || c >= 0x80;
        i += 1;
    }
    t
}
static IDENT_CONT: [bool; 256] = ident_table();

#[inline]
fn is_ident_start(c: u8) -> bool {
    c.is_ascii_alphabetic() || c == b'_' || c >= 0x80
}

/// Non-ASCII characters allowed in identifiers. MicroPython accepts any non-ASCII
/// character; CPython accepts the XID classes. Lacking Unicode tables, take
/// MicroPython's side (a superset of CPython's) except for whitespace, which would
/// otherwise silently glue words together.
#[inline]
fn is_ident_char_nonascii(c: char) -> bool {
    !c.is_whitespace() && !c.is_control()
}

#[derive(Copy, Clone, Default)]
struct Prefix {
    raw: bool,
    bytes: bool,
    fstr: bool,
    /// A t-string (PEP 750).
    tstr: bool,
}

/// Parse a string prefix (`r`, `b`, `rb`, `f`, `Rf`, `t`, `rT`, `u`, ...), if `w` is one.
fn string_prefix(w: &[u8]) -> Option<Prefix> {
    if w.len() > 2 {
        return None;
    }
    let mut p = Prefix::default();
    let mut u = false;
    for &c in w {
        match c | 0x20 {
            b'r' if !p.raw => p.raw = true,
            b'b' if !p.bytes => p.bytes = true,
            b'f' if !p.fstr => p.fstr = true,
            b't' if !p.tstr => p.tstr = true,
            b'u' if !u => u = true,
            _ => return None,
        }
    }
    // `t` combines with `r` only (`bt`, `ft` and `ut` are not prefixes).
    if (u && w.len() > 1) || (p.bytes && p.fstr) || (p.tstr && (p.bytes || p.fstr)) {
        return None;
    }
    Some(p)
}

/// What scanning the body of an f-string or t-string needs to know about the literal.
#[derive(Copy, Clone)]
struct FScan {
    /// The quote character, and whether the literal is triple-quoted.
    q: u8,
    triple: bool,
    raw: bool,
    /// Decode the pieces; without, only find the end (for literals nested in a
    /// replacement field's expression, which the expression's own lexer decodes).
    build: bool,
    /// A t-string: its errors are worded as CPython 3.14 words them.
    template: bool,
    /// Where the literal starts (for errors about the literal as a whole).
    start: (u32, u32),
}

impl FScan {
    /// How errors name the literal.
    fn kind(&self) -> &'static str {
        if self.template {
            "t-string"
        } else {
            "f-string"
        }
    }
}

#[inline]
fn digit_val(c: u8) -> u32 {
    match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'a'..=b'z' => (c - b'a') as u32 + 10,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        _ => 99,
    }
}

/// Keywords that CPython lets follow a number with no space (`1if x else 2`).
fn keyword_may_follow_number(w: &[u8]) -> bool {
    matches!(w, b"and" | b"else" | b"for" | b"if" | b"in" | b"is" | b"not" | b"or")
}

pub struct Lexer<'a> {
    text: &'a str,
    src: &'a [u8],
    pos: usize,
    line: u32,
    line_start: usize,
    first_line: u32,
    first_col: u32,
    /// Whole input is ASCII, so a column is a byte offset.
    ascii: bool,
    /// Character-count cache for columns on non-ASCII input: (line start, byte pos, chars).
    cc: (usize, usize, u32),
    /// Open brackets: the byte and where it was.
    brackets: Vec<(u8, u32, u32)>,
    indents: Vec<u32>,
    cfg: LexConfig,
    /// A token has been produced on the current logical line.
    line_has_tokens: bool,
    /// Recently seen words (up to 16 bytes, zero-padded) and their tokens:
    /// two-way set-associative, the most recently used of a set first.
    ident_cache: Vec<[(u128, Tok); 2]>,
    /// Longer words seen so far (there are few) and their tokens.
    long_words: FxHashMap<&'a str, Tok>,
    /// At the start of a logical line (indentation still to measure).
    at_bol: bool,
    started: bool,
    /// The final token (`EndMarker` or `Error`) has been produced.
    pub done: bool,
    pub out: Tokens,
}

type LResult<T> = Result<T, SyntaxError>;

impl<'a> Lexer<'a> {
    /// A lexer over `text`, its token buffer sized for `cap` tokens.
    pub fn new(text: &'a str, cfg: LexConfig, cap: usize) -> Lexer<'a> {
        let mut lx = Lexer {
            text,
            src: text.as_bytes(),
            pos: 0,
            line: cfg.line,
            line_start: 0,
            first_line: cfg.line,
            first_col: cfg.col,
            ascii: text.is_ascii(),
            cc: (0, 0, 0),
            brackets: Vec::new(),
            indents: vec![0],
            cfg,
            line_has_tokens: false,
            // Not worth setting up for the small inputs of f-string expressions.
            ident_cache: if text.len() > 512 {
                vec![[(0, Tok::EndMarker); 2]; 1 << IDENT_CACHE_BITS]
            } else {
                Vec::new()
            },
            long_words: FxHashMap::default(),
            at_bol: !cfg.implicit_paren,
            started: false,
            done: false,
            out: Tokens { toks: Vec::with_capacity(cap), ..Tokens::default() },
        };
        if text.starts_with('\u{feff}') {
            lx.pos = 3;
            lx.line_start = 3;
        }
        lx
    }

    #[inline]
    fn at(&self, p: usize) -> u8 {
        // NUL is rejected up front, so 0 can stand for end of input.
        match self.src.get(p) {
            Some(&c) => c,
            None => 0,
        }
    }

    /// Column (in characters) of byte `pos` on the current line.
    #[inline]
    fn col_at(&mut self, pos: usize) -> u32 {
        let base = if self.line == self.first_line { self.first_col } else { 0 };
        let pos = pos.max(self.line_start);
        if self.ascii {
            return base + (pos - self.line_start) as u32;
        }
        if self.cc.0 != self.line_start || pos < self.cc.1 {
            self.cc = (self.line_start, self.line_start, 0);
        }
        let end = pos.min(self.src.len());
        let start = self.cc.1.min(end);
        let n = self.src[start..end].iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32;
        self.cc.1 = end;
        self.cc.2 += n;
        base + self.cc.2
    }

    fn err_at(&mut self, msg: impl Into<String>, pos: usize) -> SyntaxError {
        let col = self.col_at(pos);
        SyntaxError::new(msg, self.line, col)
    }

    #[inline]
    fn push(&mut self, tok: Tok, line: u32, col: u32) {
        self.out.toks.push(Token { tok, line, col });
    }

    /// Record that a line break ends just before byte `next_line`.
    #[inline]
    fn newline_at(&mut self, next_line: usize) {
        self.line += 1;
        self.line_start = next_line;
    }

    /// Lex until the buffer holds at least `want` tokens or the input is used up.
    pub fn fill(&mut self, want: usize) {
        if self.done {
            return;
        }
        if let Err(e) = self.run(want) {
            self.out.toks.push(Token { tok: Tok::Error, line: e.line, col: e.col });
            self.out.error = Some(e);
            self.done = true;
        }
    }

    fn run(&mut self, want: usize) -> LResult<()> {
        if !self.started {
            self.started = true;
            self.check_nul()?;
        }
        let implicit = self.cfg.implicit_paren;
        while self.out.toks.len() < want {
            if self.at_bol {
                self.at_bol = false;
                if self.cfg.indentation {
                    self.indentation()?;
                }
            }
            let start = self.pos;
            let c = self.at(start);
            match c {
                0 => return self.finish(),
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'\n' | b'\r' => {
                    let mut p = start + 1;
                    if c == b'\r' && self.at(p) == b'\n' {
                        p += 1;
                    }
                    if self.brackets.is_empty() && !implicit {
                        if self.line_has_tokens {
                            let col = self.col_at(start);
                            self.push(Tok::Newline, self.line, col);
                            self.line_has_tokens = false;
                        }
                        self.at_bol = true;
                    }
                    self.pos = p;
                    self.newline_at(p);
                }
                _ => self.token(start, c)?,
            }
        }
        Ok(())
    }

    fn check_nul(&mut self) -> LResult<()> {
        // Check for NUL in blocks without an early exit, which vectorizes.
        let has_nul = self.src.chunks(4096).any(|c| c.iter().fold(false, |a, &b| a | (b == 0)));
        if let Some(p) = if has_nul { self.src.iter().position(|&b| b == 0) } else { None } {
            // Find the line of the NUL for the message's position.
            let mut line = self.first_line;
            let mut start = 0;
            for (i, &b) in self.src[..p].iter().enumerate() {
                if b == b'\n' {
                    line += 1;
                    start = i + 1;
                }
            }
            self.line = line;
            self.line_start = start;
            return Err(self.err_at("source code cannot contain null bytes", p));
        }
        Ok(())
    }

    /// Lex the token (or comment, or line continuation) starting with byte `c` at `start`.
    #[inline]
    fn token(&mut self, start: usize, c: u8) -> LResult<()> {
        match c {
            b'#' => {
                let mut p = start;
                while !matches!(self.at(p), b'\n' | b'\r' | 0) {
                    p += 1;
                }
                self.pos = p;
            }
            b'\\' => {
                let mut p = start + 1;
                match self.at(p) {
                    b'\n' => p += 1,
                    b'\r' => {
                        p += 1;
                        if self.at(p) == b'\n' {
                            p += 1;
                        }
                    }
                    0 => return Err(self.err_at("unexpected EOF while parsing", start + 1)),
                    _ => return Err(self.err_at("unexpected character after line continuation character", start + 1)),
                }
                if p >= self.src.len() {
                    // A continuation must continue onto something.
                    return Err(self.err_at("unexpected EOF while parsing", start + 1));
                }
                self.pos = p;
                self.newline_at(p);
            }
            b'0'..=b'9' => self.number(start)?,
            b'.' if self.at(start + 1).is_ascii_digit() => self.number(start)?,
            b'"' | b'\'' => self.string(start, start, Prefix::default())?,
            c if IDENT_CONT[c as usize] => self.ident(start)?,
            _ => self.operator(start)?,
        }
        Ok(())
    }

    /// At the end of the input: close the last line and all indentation.
    fn finish(&mut self) -> LResult<()> {
        let implicit = self.cfg.implicit_paren;
        if let Some(&(b, line, col)) = self.brackets.last() {
            return Err(SyntaxError::new(format!("'{}' was never closed", b as char), line, col));
        }
        let end = self.pos;
        let col = self.col_at(end);
        if self.line_has_tokens && !implicit {
            self.push(Tok::Newline, self.line, col);
        }
        while self.indents.len() > 1 {
            self.indents.pop();
            self.push(Tok::Dedent, self.line, col);
        }
        self.push(Tok::EndMarker, self.line, col);
        self.done = true;
        Ok(())
    }

    /// At the start of a logical line outside brackets: measure the indentation
    /// and produce INDENT/DEDENT tokens. Blank and comment-only lines don't count.
    fn indentation(&mut self) -> LResult<()> {
        if !self.brackets.is_empty() {
            return Ok(());
        }
        let mut p = self.pos;
        let mut width: u32 = 0;
        loop {
            match self.at(p) {
                b' ' => width = width.saturating_add(1),
                b'\t' => width = (width / TAB_SIZE).saturating_add(1).saturating_mul(TAB_SIZE),
                b'\x0c' => width = 0,
                _ => break,
            }
            p += 1;
        }
        self.pos = p;
        if matches!(self.at(p), b'#' | b'\n' | b'\r' | 0) {
            return Ok(());
        }
        let top = self.indents.last().copied().unwrap_or(0);
        if width == top {
            return Ok(());
        }
        let col = self.col_at(p);
        if width > top {
            if self.indents.len() > MAX_INDENT_DEPTH {
                return Err(SyntaxError::indentation("too many levels of indentation", self.line, col));
            }
            self.indents.push(width);
            self.push(Tok::Indent, self.line, col);
        } else {
            while self.indents.len() > 1 && width < self.indents.last().copied().unwrap_or(0) {
                self.indents.pop();
                self.push(Tok::Dedent, self.line, col);
            }
            if self.indents.last().copied().unwrap_or(0) != width {
                return Err(SyntaxError::indentation("unindent doesn't match any outer indent level", self.line, col));
            }
        }
        Ok(())
    }

    fn ident(&mut self, start: usize) -> LResult<()> {
        let mut p = start;
        loop {
            let c = self.at(p);
            if c < 0x80 {
                if IDENT_CONT[c as usize] {
                    p += 1;
                    continue;
                }
                break;
            }
            // A multi-byte character: check it as a whole.
            let ch = self.text.get(p..).and_then(|s| s.chars().next()).unwrap_or(' ');
            if !is_ident_char_nonascii(ch) {
                break;
            }
            p += ch.len_utf8();
        }
        if p == start {
            // A non-ASCII character that cannot be part of a name.
            let ch = self.text.get(start..).and_then(|s| s.chars().next()).unwrap_or('\u{fffd}');
            return Err(self.err_at(format!("invalid non-printable character U+{:04X}", ch as u32), start));
        }
        let word = &self.src[start..p];
        let next = self.at(p);
        if (next == b'"' || next == b'\'') && word.len() <= 2 {
            if let Some(prefix) = string_prefix(word) {
                return self.string(start, p, prefix);
            }
        }
        let col = self.col_at(start);
        self.line_has_tokens = true;
        let tok = self.word_token(start, p);
        self.push(tok, self.line, col);
        self.pos = p;
        Ok(())
    }

    /// The token for the name or keyword at `start..end`. Words go through a
    /// cache first: most names recur, and a hit skips both keyword matching
    /// and the interner's (large, thread-wide) hash table.
    #[inline]
    fn word_token(&mut self, start: usize, end: usize) -> Tok {
        let word = &self.src[start..end];
        if self.ident_cache.is_empty() {
            return self.word_token_slow(start, end);
        }
        if word.len() > 16 {
            return self.long_word_token(start, end);
        }
        // The word's bytes, zero-padded; identifier bytes are never 0, so this
        // identifies the word. Load 16 bytes at once and mask when the input
        // allows (a byte-wise copy would stall the following wide load).
        let len = word.len();
        let key = match self.src.get(start..start + 16).and_then(|b| <[u8; 16]>::try_from(b).ok()) {
            Some(b) => {
                let mask = if len == 16 { u128::MAX } else { (1u128 << (8 * len)) - 1 };
                u128::from_le_bytes(b) & mask
            }
            None => word.iter().rev().fold(0u128, |k, &b| (k << 8) | b as u128),
        };
        let h = ((key as u64) ^ ((key >> 64) as u64).rotate_left(23)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let idx = (h >> (64 - IDENT_CACHE_BITS)) as usize;
        if let Some(set) = self.ident_cache.get_mut(idx) {
            if set[0].0 == key {
                return set[0].1;
            }
            if set[1].0 == key {
                set.swap(0, 1);
                return set[0].1;
            }
        }
        let tok = self.word_token_slow(start, end);
        if let Some(set) = self.ident_cache.get_mut(idx) {
            set[1] = set[0];
            set[0] = (key, tok);
        }
        tok
    }

    #[cold]
    fn long_word_token(&mut self, start: usize, end: usize) -> Tok {
        let text = self.text;
        let word = text.get(start..end).unwrap_or("");
        if let Some(&tok) = self.long_words.get(word) {
            return tok;
        }
        let tok = self.word_token_slow(start, end);
        self.long_words.insert(word, tok);
        tok
    }

    fn word_token_slow(&mut self, start: usize, end: usize) -> Tok {
        match Tok::keyword(&self.src[start..end]) {
            Some(k) => k,
            None => Tok::Name(Qstr::new(self.text.get(start..end).unwrap_or(""))),
        }
    }

    fn operator(&mut self, start: usize) -> LResult<()> {
        let c = self.at(start);
        let c1 = self.at(start + 1);
        let c2 = self.at(start + 2);
        let (tok, len) = match c {
            b'(' | b'[' | b'{' => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(self.err_at("too many nested parentheses", start));
                }
                let col = self.col_at(start);
                self.brackets.push((c, self.line, col));
                let t = match c {
                    b'(' => Tok::LPar,
                    b'[' => Tok::LSqb,
                    _ => Tok::LBrace,
                };
                (t, 1)
            }
            b')' | b']' | b'}' => {
                let open = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match self.brackets.pop() {
                    None => return Err(self.err_at(format!("unmatched '{}'", c as char), start)),
                    Some((o, _, _)) if o != open => {
                        return Err(self.err_at(
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, o as char
                            ),
                            start,
                        ))
                    }
                    _ => {}
                }
                let t = match c {
                    b')' => Tok::RPar,
                    b']' => Tok::RSqb,
                    _ => Tok::RBrace,
                };
                (t, 1)
            }
            b':' if c1 == b'=' => (Tok::ColonEqual, 2),
            b':' => (Tok::Colon, 1),
            b',' => (Tok::Comma, 1),
            b';' => (Tok::Semi, 1),
            b'.' if c1 == b'.' && c2 == b'.' => (Tok::Ellipsis, 3),
            b'.' => (Tok::Dot, 1),
            b'+' if c1 == b'=' => (Tok::PlusEqual, 2),
            b'+' => (Tok::Plus, 1),
            b'-' if c1 == b'=' => (Tok::MinusEqual, 2),
            b'-' if c1 == b'>' => (Tok::Arrow, 2),
            b'-' => (Tok::Minus, 1),
            b'*' if c1 == b'*' && c2 == b'=' => (Tok::DoubleStarEqual, 3),
            b'*' if c1 == b'*' => (Tok::DoubleStar, 2),
            b'*' if c1 == b'=' => (Tok::StarEqual, 2),
            b'*' => (Tok::Star, 1),
            b'/' if c1 == b'/' && c2 == b'=' => (Tok::DoubleSlashEqual, 3),
            b'/' if c1 == b'/' => (Tok::DoubleSlash, 2),
            b'/' if c1 == b'=' => (Tok::SlashEqual, 2),
            b'/' => (Tok::Slash, 1),
            b'%' if c1 == b'=' => (Tok::PercentEqual, 2),
            b'%' => (Tok::Percent, 1),
            b'@' if c1 == b'=' => (Tok::AtEqual, 2),
            b'@' => (Tok::At, 1),
            b'&' if c1 == b'=' => (Tok::AmperEqual, 2),
            b'&' => (Tok::Amper, 1),
            b'|' if c1 == b'=' => (Tok::VBarEqual, 2),
            b'|' => (Tok::VBar, 1),
            b'^' if c1 == b'=' => (Tok::CaretEqual, 2),
            b'^' => (Tok::Caret, 1),
            b'~' => (Tok::Tilde, 1),
            b'<' if c1 == b'<' && c2 == b'=' => (Tok::LShiftEqual, 3),
            b'<' if c1 == b'<' => (Tok::LShift, 2),
            b'<' if c1 == b'=' => (Tok::LessEqual, 2),
            b'<' => (Tok::Less, 1),
            b'>' if c1 == b'>' && c2 == b'=' => (Tok::RShiftEqual, 3),
            b'>' if c1 == b'>' => (Tok::RShift, 2),
            b'>' if c1 == b'=' => (Tok::GreaterEqual, 2),
            b'>' => (Tok::Greater, 1),
            b'=' if c1 == b'=' => (Tok::EqEqual, 2),
            b'=' => (Tok::Equal, 1),
            b'!' if c1 == b'=' => (Tok::NotEqual, 2),
            _ => {
                if c >= 0x80 {
                    let ch = self.text.get(start..).and_then(|s| s.chars().next()).unwrap_or('\u{fffd}');
                    return Err(self.err_at(format!("invalid character '{}' (U+{:04X})", ch, ch as u32), start));
                }
                if c.is_ascii_control() {
                    return Err(self.err_at(format!("invalid non-printable character U+{:04X}", c), start));
                }
                return Err(self.err_at("invalid syntax", start));
            }
        };
        let col = self.col_at(start);
        self.line_has_tokens = true;
        self.push(tok, self.line, col);
        self.pos = start + len;
        Ok(())
    }

    // ---- numbers -------------------------------------------------------------

    /// Consume `[0-9]+(_[0-9]+)*` from `p` (possibly nothing); an `_` not between
    /// digits is an error.
    fn dec_digits(&mut self, mut p: usize) -> LResult<usize> {
        loop {
            let c = self.at(p);
            let joins_digits = c == b'_' && self.at(p + 1).is_ascii_digit() && p > 0 && self.at(p - 1).is_ascii_digit();
            if c.is_ascii_digit() || joins_digits {
                p += 1;
            } else if c == b'_' {
                return Err(self.err_at("invalid decimal literal", p));
            } else {
                return Ok(p);
            }
        }
    }

    /// After a number ending at `p`: a letter glued to it is an error, except for
    /// the keywords CPython tolerates there.
    fn check_number_end(&mut self, p: usize, what: &str) -> LResult<()> {
        let c = self.at(p);
        if !is_ident_start(c) && !c.is_ascii_digit() {
            return Ok(());
        }
        let mut q = p;
        while self.at(q).is_ascii_alphabetic() {
            q += 1;
        }
        if !IDENT_CONT[self.at(q) as usize] && keyword_may_follow_number(&self.src[p..q]) {
            return Ok(());
        }
        Err(self.err_at(format!("invalid {what} literal"), p))
    }

    fn number(&mut self, start: usize) -> LResult<()> {
        let line = self.line;
        let col = self.col_at(start);
        let b1 = self.at(start + 1) | 0x20;
        let tok = if self.at(start) == b'0' && matches!(b1, b'x' | b'o' | b'b') {
            let (radix, kind) = match b1 {
                b'x' => (16u32, "hexadecimal"),
                b'o' => (8, "octal"),
                _ => (2, "binary"),
            };
            let mut p = start + 2;
            let mut ndigits = 0usize;
            loop {
                let c = self.at(p);
                if c == b'_' && digit_val(self.at(p + 1)) < radix {
                    p += 1;
                } else if digit_val(c) < radix {
                    p += 1;
                    ndigits += 1;
                } else {
                    break;
                }
            }
            let c = self.at(p);
            if c.is_ascii_digit() {
                return Err(self.err_at(format!("invalid digit '{}' in {kind} literal", c as char), p));
            }
            if ndigits == 0 || c == b'_' {
                return Err(self.err_at(format!("invalid {kind} literal"), p));
            }
            self.check_number_end(p, kind)?;
            let digits = &self.src[start + 2..p];
            let mut v: u64 = 0;
            let mut overflow = false;
            for &c in digits {
                if c == b'_' {
                    continue;
                }
                match v.checked_mul(radix as u64).and_then(|v| v.checked_add(digit_val(c) as u64)) {
                    Some(n) => v = n,
                    None => {
                        overflow = true;
                        break;
                    }
                }
            }
            self.pos = p;
            if !overflow && v <= i64::MAX as u64 {
                Tok::Int(v as i64)
            } else {
                let dec = radix_to_decimal(digits, radix);
                self.out.bigints.push(dec.into_boxed_str());
                Tok::BigInt((self.out.bigints.len() - 1) as u32)
            }
        } else {
            let int_end = self.dec_digits(start)?;
            let mut p = int_end;
            let mut is_float = false;
            if self.at(p) == b'.' {
                is_float = true;
                p += 1;
                if self.at(p).is_ascii_digit() {
                    p = self.dec_digits(p)?;
                }
            }
            if self.at(p) | 0x20 == b'e' {
                let mut q = p + 1;
                if matches!(self.at(q), b'+' | b'-') {
                    q += 1;
                }
                if self.at(q).is_ascii_digit() {
                    is_float = true;
                    p = self.dec_digits(q)?;
                }
            }
            let num_end = p;
            let imag = self.at(p) | 0x20 == b'j';
            if imag {
                p += 1;
            }
            self.check_number_end(p, if imag { "imaginary" } else { "decimal" })?;
            let digits = &self.src[start..num_end];
            self.pos = p;
            if is_float || imag {
                let text = self.text.get(start..num_end).unwrap_or("0");
                let parsed = if digits.contains(&b'_') { text.replace('_', "").parse::<f64>() } else { text.parse() };
                let v = match parsed {
                    Ok(v) => v,
                    Err(_) => return Err(self.err_at("invalid decimal literal", start)),
                };
                if imag {
                    Tok::Imag(v)
                } else {
                    Tok::Float(v)
                }
            } else {
                if digits.first() == Some(&b'0') && digits.iter().any(|&c| matches!(c, b'1'..=b'9')) {
                    return Err(self.err_at(
                        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                        start,
                    ));
                }
                let mut v: u64 = 0;
                let mut overflow = false;
                for &c in digits {
                    if c == b'_' {
                        continue;
                    }
                    match v.checked_mul(10).and_then(|v| v.checked_add((c - b'0') as u64)) {
                        Some(n) => v = n,
                        None => {
                            overflow = true;
                            break;
                        }
                    }
                }
                if !overflow && v <= i64::MAX as u64 {
                    Tok::Int(v as i64)
                } else {
                    let s: String = digits.iter().filter(|&&c| c != b'_').map(|&c| c as char).collect();
                    self.out.bigints.push(s.into_boxed_str());
                    Tok::BigInt((self.out.bigints.len() - 1) as u32)
                }
            }
        };
        self.line_has_tokens = true;
        self.push(tok, line, col);
        Ok(())
    }

    // ---- strings -------------------------------------------------------------

    /// A string literal whose prefix starts at `start` and opening quote is at `quote_pos`.
    fn string(&mut self, start: usize, quote_pos: usize, prefix: Prefix) -> LResult<()> {
        let line = self.line;
        let col = self.col_at(start);
        let q = self.at(quote_pos);
        let triple = self.at(quote_pos + 1) == q && self.at(quote_pos + 2) == q;
        let body_start = quote_pos + if triple { 3 } else { 1 };
        self.line_has_tokens = true;
        if prefix.fstr || prefix.tstr {
            self.pos = body_start;
            let scan = FScan { q, triple, raw: prefix.raw, build: true, template: prefix.tstr, start: (line, col) };
            let pieces = self.fstring_body(scan, 0)?;
            self.out.fstrs.push(FStrLit { pieces });
            let idx = (self.out.fstrs.len() - 1) as u32;
            self.push(if prefix.tstr { Tok::TStr(idx) } else { Tok::FStr(idx) }, line, col);
            return Ok(());
        }
        // Find the end; note whether the body needs decoding.
        let mut p = body_start;
        let mut plain = true;
        let body_end;
        loop {
            let c = self.at(p);
            if c == q {
                if !triple {
                    body_end = p;
                    p += 1;
                    break;
                }
                if self.at(p + 1) == q && self.at(p + 2) == q {
                    body_end = p;
                    p += 3;
                    break;
                }
                p += 1;
                continue;
            }
            match c {
                0 if p >= self.src.len() => return Err(self.unterminated(triple, line, col)),
                b'\\' => {
                    plain = false;
                    p += 1;
                    match self.at(p) {
                        b'\n' => {
                            p += 1;
                            self.newline_at(p);
                        }
                        b'\r' => {
                            p += 1;
                            if self.at(p) == b'\n' {
                                p += 1;
                            }
                            self.newline_at(p);
                        }
                        0 => {}
                        _ => p += 1,
                    }
                }
                b'\n' | b'\r' => {
                    if !triple {
                        return Err(self.unterminated(false, line, col));
                    }
                    if c == b'\r' {
                        plain = false;
                        if self.at(p + 1) == b'\n' {
                            p += 1;
                        }
                    }
                    p += 1;
                    self.newline_at(p);
                }
                c if c >= 0x80 && prefix.bytes => {
                    return Err(SyntaxError::new("bytes can only contain ASCII literal characters", line, col));
                }
                _ => p += 1,
            }
        }
        self.pos = p;
        let body = self.text.get(body_start..body_end).unwrap_or("");
        if prefix.bytes {
            let v: Vec<u8> = if plain || (prefix.raw && !body.contains('\r')) {
                body.as_bytes().to_vec()
            } else {
                decode_bytes(body.as_bytes(), prefix.raw).map_err(|e| e.at(line, col))?
            };
            self.out.bytes.push(v.into_boxed_slice());
            let idx = (self.out.bytes.len() - 1) as u32;
            self.push(Tok::Bytes(idx), line, col);
        } else {
            let s = if plain || (prefix.raw && !body.contains('\r')) {
                StrLit::Text(body.into())
            } else {
                StrLit::from_buf(decode_str(body, prefix.raw).map_err(|e| e.at(line, col))?)
            };
            self.out.strs.push(s);
            let idx = (self.out.strs.len() - 1) as u32;
            self.push(Tok::Str(idx), line, col);
        }
        Ok(())
    }

    fn unterminated(&self, triple: bool, line: u32, col: u32) -> SyntaxError {
        if triple {
            SyntaxError::new("unterminated triple-quoted string literal", line, col)
        } else {
            SyntaxError::new("unterminated string literal", line, col)
        }
    }

    /// The literal `s` describes ends before its closing quote.
    fn unterminated_fstring(&self, s: FScan) -> SyntaxError {
        let (line, col) = s.start;
        match (s.template, s.triple) {
            (false, _) => self.unterminated(s.triple, line, col),
            (true, false) => SyntaxError::new("unterminated t-string literal", line, col),
            (true, true) => SyntaxError::new("unterminated triple-quoted t-string literal", line, col),
        }
    }

    #[inline]
    fn at_close_quote(&self, p: usize, q: u8, triple: bool) -> bool {
        self.at(p) == q && (!triple || (self.at(p + 1) == q && self.at(p + 2) == q))
    }

    /// Scan an f-string or t-string body from `self.pos` (just past the opening
    /// quote) to just past the closing quote. With `s.build`, return its pieces
    /// with literal text decoded; without, only find the end (for literals nested
    /// in a replacement field's expression, which the expression's own lexer will
    /// decode later).
    fn fstring_body(&mut self, s: FScan, nest: u32) -> LResult<Vec<FPiece>> {
        let mut pieces = Vec::new();
        let mut lit = Wtf8Buf::new();
        loop {
            let p = self.pos;
            let c = self.at(p);
            if c == s.q && self.at_close_quote(p, s.q, s.triple) {
                self.pos = p + if s.triple { 3 } else { 1 };
                if s.build && !lit.is_empty() {
                    pieces.push(FPiece::Lit(lit));
                }
                return Ok(pieces);
            }
            match c {
                0 if p >= self.src.len() => return Err(self.unterminated_fstring(s)),
                b'\n' | b'\r' => {
                    if !s.triple {
                        return Err(self.unterminated_fstring(s));
                    }
                    let mut n = p + 1;
                    if c == b'\r' && self.at(n) == b'\n' {
                        n += 1;
                    }
                    if s.build {
                        lit.push('\n');
                    }
                    self.pos = n;
                    self.newline_at(n);
                }
                b'\\' => self.fstring_escape(s, &mut lit)?,
                b'{' if self.at(p + 1) == b'{' => {
                    if s.build {
                        lit.push('{');
                    }
                    self.pos = p + 2;
                }
                b'{' => {
                    if s.build && !lit.is_empty() {
                        pieces.push(FPiece::Lit(std::mem::take(&mut lit)));
                    }
                    self.pos = p + 1;
                    let field = self.fstring_field(s, nest + 1)?;
                    if let Some(f) = field {
                        pieces.push(FPiece::Field(Box::new(f)));
                    }
                }
                b'}' if self.at(p + 1) == b'}' => {
                    if s.build {
                        lit.push('}');
                    }
                    self.pos = p + 2;
                }
                b'}' => return Err(self.err_at(format!("{}: single '}}' is not allowed", s.kind()), p)),
                _ => {
                    // Copy a run of ordinary characters.
                    let mut e = p + 1;
                    while !matches!(self.at(e), b'\\' | b'{' | b'}' | b'\n' | b'\r' | 0) && self.at(e) != s.q {
                        e += 1;
                    }
                    if s.build {
                        lit.push_str(self.text.get(p..e).unwrap_or(""));
                    }
                    self.pos = e;
                }
            }
        }
    }

    /// A backslash in the literal part of an f-string or t-string (or its format spec).
    fn fstring_escape(&mut self, s: FScan, lit: &mut Wtf8Buf) -> LResult<()> {
        let p = self.pos;
        let n = self.at(p + 1);
        if n == b'\n' || n == b'\r' {
            let mut e = p + 2;
            if n == b'\r' && self.at(e) == b'\n' {
                e += 1;
            }
            if s.build && s.raw {
                lit.push('\\');
                lit.push('\n');
            }
            self.pos = e;
            self.newline_at(e);
            return Ok(());
        }
        if s.raw {
            // A raw backslash still keeps the next quote or backslash from acting.
            if n == s.q || n == b'\\' {
                if s.build {
                    lit.push('\\');
                    lit.push(n as char);
                }
                self.pos = p + 2;
            } else {
                if s.build {
                    lit.push('\\');
                }
                self.pos = p + 1;
            }
            return Ok(());
        }
        if !s.build {
            // Only find the end: skip the escaped character, and a `\N{...}` name whole.
            if n == b'N' && self.at(p + 2) == b'{' {
                let mut e = p + 3;
                while !matches!(self.at(e), b'}' | b'\n' | 0) && self.at(e) != s.q {
                    e += 1;
                }
                self.pos = if self.at(e) == b'}' { e + 1 } else { e };
            } else if n == 0 {
                self.pos = p + 1;
            } else {
                self.pos = p + 1 + self.text.get(p + 1..).and_then(|t| t.chars().next()).map_or(1, char::len_utf8);
            }
            return Ok(());
        }
        let mut i = p;
        decode_escape_str(self.text, &mut i, lit).map_err(|e| e.at(s.start.0, s.start.1))?;
        self.pos = i;
        Ok(())
    }

    /// A replacement field, from just after its `{` to just after its `}`.
    fn fstring_field(&mut self, s: FScan, nest: u32) -> LResult<Option<FField>> {
        if nest > MAX_FSTRING_NEST {
            return Err(self.err_at(format!("{}: expressions nested too deeply", s.kind()), self.pos));
        }
        let expr_start = self.pos;
        let line = self.line;
        let col = self.col_at(expr_start);
        let mut depth = 0u32;
        let expr_end;
        let mut debug_end = None;
        loop {
            let p = self.pos;
            let c = self.at(p);
            match c {
                0 if p >= self.src.len() => return Err(self.unterminated_fstring(s)),
                // Any quote here opens a nested string, even the enclosing
                // f-string's own quote (PEP 701, Python 3.12).
                b'\'' | b'"' => self.skip_nested_string(expr_start, nest, s)?,
                b'(' | b'[' | b'{' => {
                    depth += 1;
                    self.pos += 1;
                }
                b')' | b']' => {
                    depth = depth.saturating_sub(1);
                    self.pos += 1;
                }
                b'}' if depth > 0 => {
                    depth -= 1;
                    self.pos += 1;
                }
                b'}' => {
                    expr_end = p;
                    break;
                }
                b'=' | b'!' | b'<' | b'>' if self.at(p + 1) == b'=' => self.pos += 2,
                b'!' if depth == 0 => {
                    expr_end = p;
                    break;
                }
                b':' if depth == 0 => {
                    expr_end = p;
                    break;
                }
                b'=' if depth == 0 => {
                    expr_end = p;
                    let mut e = p + 1;
                    while matches!(self.at(e), b' ' | b'\t' | b'\x0c') {
                        e += 1;
                    }
                    self.pos = e;
                    debug_end = Some(e);
                    break;
                }
                b'\n' | b'\r' => {
                    if !s.triple {
                        return Err(self.unterminated_fstring(s));
                    }
                    let mut n = p + 1;
                    if c == b'\r' && self.at(n) == b'\n' {
                        n += 1;
                    }
                    self.pos = n;
                    self.newline_at(n);
                }
                b'#' => return Err(self.err_at(format!("{} expression part cannot include '#'", s.kind()), p)),
                _ => self.pos += 1,
            }
        }
        let expr_text = self.text.get(expr_start..expr_end).unwrap_or("");
        if expr_text.trim_matches(|c: char| c.is_ascii_whitespace()).is_empty() {
            let msg = if s.template {
                format!("t-string: valid expression required before '{}'", self.at(expr_end) as char)
            } else {
                "f-string: empty expression not allowed".to_owned()
            };
            return Err(self.err_at(msg, expr_start));
        }
        let debug_text = match debug_end {
            Some(e) if s.build => Some(self.text.get(expr_start..e).unwrap_or("").replace('\r', "")),
            _ => None,
        };
        if debug_end.is_none() {
            self.pos = expr_end;
        }
        let mut conversion = None;
        if self.at(self.pos) == b'!' {
            conversion = Some(if s.template { self.tstring_conversion()? } else { self.fstring_conversion()? });
        }
        let mut spec = None;
        let (mut spec_line, mut spec_col) = (0, 0);
        if self.at(self.pos) == b':' {
            self.pos += 1;
            spec_line = self.line;
            spec_col = self.col_at(self.pos);
            spec = Some(self.fstring_spec(s, nest)?);
        }
        if self.at(self.pos) != b'}' {
            let msg = match (s.template, debug_end.is_some() && conversion.is_none() && spec.is_none()) {
                (true, true) => "t-string: expecting '!', or ':', or '}'",
                _ if s.template => "t-string: expecting '}'",
                _ => "f-string: expecting '}'",
            };
            return Err(self.err_at(msg, self.pos));
        }
        self.pos += 1;
        if !s.build {
            return Ok(None);
        }
        Ok(Some(FField { expr_start, expr_end, line, col, debug_text, conversion, spec, spec_line, spec_col }))
    }

    /// An f-string's `!c` (at `self.pos`): one of `s`, `r`, `a`, followed at once
    /// by `:` or `}` (Python 3.11's rule).
    fn fstring_conversion(&mut self) -> LResult<char> {
        let c = self.at(self.pos + 1);
        let after = self.at(self.pos + 2);
        if !matches!(c, b's' | b'r' | b'a') || !matches!(after, b':' | b'}') {
            return Err(self.err_at("f-string: invalid conversion character: expected 's', 'r', or 'a'", self.pos));
        }
        self.pos += 2;
        Ok(c as char)
    }

    /// A t-string's `!c` (at `self.pos`), with CPython 3.14's rules and messages:
    /// the conversion name follows `!` at once, and blanks may come before the
    /// `:` or `}` after it.
    fn tstring_conversion(&mut self) -> LResult<char> {
        let bang = self.pos;
        let mut e = bang + 1;
        while IDENT_CONT[self.at(e) as usize] {
            e += 1;
        }
        let name = self.text.get(bang + 1..e).unwrap_or("");
        let c = match name {
            "s" | "r" | "a" => name.as_bytes()[0] as char,
            "" if matches!(self.at(e), b' ' | b'\t' | b'\x0c') => {
                return Err(self.err_at("t-string: conversion type must come right after the exclamanation mark", bang));
            }
            "" => return Err(self.err_at("t-string: missing conversion character", bang)),
            _ => {
                let msg = format!("t-string: invalid conversion character '{name}': expected 's', 'r', or 'a'");
                return Err(self.err_at(msg, bang));
            }
        };
        while matches!(self.at(e), b' ' | b'\t' | b'\x0c') {
            e += 1;
        }
        if !matches!(self.at(e), b':' | b'}') {
            return Err(self.err_at("t-string: expecting ':' or '}'", e));
        }
        self.pos = e;
        Ok(c)
    }

    /// The format spec after `:` up to (not including) the `}` that ends the field.
    fn fstring_spec(&mut self, s: FScan, nest: u32) -> LResult<Vec<FPiece>> {
        let mut pieces = Vec::new();
        let mut lit = Wtf8Buf::new();
        loop {
            let p = self.pos;
            let c = self.at(p);
            if c == s.q && self.at_close_quote(p, s.q, s.triple) {
                let msg =
                    if s.template { "t-string: expecting '}', or format specs" } else { "f-string: expecting '}'" };
                return Err(self.err_at(msg, p));
            }
            match c {
                0 if p >= self.src.len() => return Err(self.unterminated_fstring(s)),
                b'}' => {
                    if s.build && !lit.is_empty() {
                        pieces.push(FPiece::Lit(lit));
                    }
                    return Ok(pieces);
                }
                b'{' => {
                    if s.build && !lit.is_empty() {
                        pieces.push(FPiece::Lit(std::mem::take(&mut lit)));
                    }
                    self.pos = p + 1;
                    if let Some(f) = self.fstring_field(s, nest + 1)? {
                        pieces.push(FPiece::Field(Box::new(f)));
                    }
                }
                b'\\' => self.fstring_escape(s, &mut lit)?,
                b'\n' | b'\r' => {
                    if !s.triple {
                        return Err(self.unterminated_fstring(s));
                    }
                    let mut n = p + 1;
                    if c == b'\r' && self.at(n) == b'\n' {
                        n += 1;
                    }
                    if s.build {
                        lit.push('\n');
                    }
                    self.pos = n;
                    self.newline_at(n);
                }
                _ => {
                    let mut e = p + 1;
                    while !matches!(self.at(e), b'\\' | b'{' | b'}' | b'\n' | b'\r' | 0) && self.at(e) != s.q {
                        e += 1;
                    }
                    if s.build {
                        lit.push_str(self.text.get(p..e).unwrap_or(""));
                    }
                    self.pos = e;
                }
            }
        }
    }

    /// The string prefix (if any) written just before a quote at `p` inside an
    /// f-string expression.
    fn prefix_before(&self, expr_start: usize, p: usize) -> Option<Prefix> {
        let mut k = p;
        while k > expr_start && self.at(k - 1).is_ascii_alphabetic() {
            k -= 1;
        }
        if k > expr_start && IDENT_CONT[self.at(k - 1) as usize] {
            // The letters end a longer name (`x_rf'...'`): not a prefix.
            return None;
        }
        string_prefix(self.src.get(k..p)?)
    }

    /// Skip a string literal inside the expression of a field of the literal
    /// `outer`; `self.pos` is at its quote.
    fn skip_nested_string(&mut self, expr_start: usize, nest: u32, outer: FScan) -> LResult<()> {
        let p = self.pos;
        let q = self.at(p);
        let prefix = self.prefix_before(expr_start, p).unwrap_or_default();
        let triple = self.at(p + 1) == q && self.at(p + 2) == q;
        self.pos = p + if triple { 3 } else { 1 };
        if prefix.fstr || prefix.tstr {
            if nest >= MAX_FSTRING_NEST {
                return Err(self.err_at(format!("{}: expressions nested too deeply", outer.kind()), p));
            }
            let inner_start = (self.line, self.col_at(p));
            let inner = FScan { q, triple, raw: prefix.raw, build: false, template: prefix.tstr, start: inner_start };
            self.fstring_body(inner, nest + 1)?;
            return Ok(());
        }
        loop {
            let e = self.pos;
            let c = self.at(e);
            if c == q && self.at_close_quote(e, q, triple) {
                self.pos = e + if triple { 3 } else { 1 };
                return Ok(());
            }
            match c {
                0 if e >= self.src.len() => return Err(self.unterminated_fstring(outer)),
                b'\\' => {
                    let n = self.at(e + 1);
                    if n == b'\n' || n == b'\r' {
                        let mut m = e + 2;
                        if n == b'\r' && self.at(m) == b'\n' {
                            m += 1;
                        }
                        self.pos = m;
                        self.newline_at(m);
                    } else {
                        self.pos = e + if n == 0 { 1 } else { 2 };
                    }
                }
                b'\n' | b'\r' => {
                    if !triple {
                        return Err(self.unterminated_fstring(outer));
                    }
                    let mut m = e + 1;
                    if c == b'\r' && self.at(m) == b'\n' {
                        m += 1;
                    }
                    self.pos = m;
                    self.newline_at(m);
                }
                _ => self.pos = e + 1,
            }
        }
    }
}

// ---- escape decoding -----------------------------------------------------------

fn hex_value(digits: &[u8]) -> Option<u32> {
    let mut v: u32 = 0;
    for &d in digits {
        let x = digit_val(d);
        if x >= 16 {
            return None;
        }
        v = v.checked_mul(16)?.checked_add(x)?;
    }
    Some(v)
}

/// Decode one escape sequence of a `str` literal. `s[*i]` is the backslash; on
/// return `*i` is just past what was consumed. Unknown escapes are kept as
/// written (backslash included), as CPython does.
fn decode_escape_str(s: &str, i: &mut usize, out: &mut Wtf8Buf) -> Result<(), EscapeError> {
    let b = s.as_bytes();
    let p = *i;
    let c = b.get(p + 1).copied().unwrap_or(0);
    let simple = match c {
        b'\n' => {
            *i = p + 2;
            return Ok(());
        }
        b'\r' => {
            *i = if b.get(p + 2) == Some(&b'\n') { p + 3 } else { p + 2 };
            return Ok(());
        }
        b'\\' => '\\',
        b'\'' => '\'',
        b'"' => '"',
        b'a' => '\x07',
        b'b' => '\x08',
        b'f' => '\x0c',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'v' => '\x0b',
        b'0'..=b'7' => {
            let mut v = 0u32;
            let mut k = p + 1;
            while k < p + 4 && matches!(b.get(k), Some(b'0'..=b'7')) {
                v = v * 8 + (b[k] - b'0') as u32;
                k += 1;
            }
            *i = k;
            // Octal escapes reach at most 0o777, all valid scalar values.
            out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            return Ok(());
        }
        b'x' | b'u' | b'U' => {
            let n = match c {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let digits = b.get(p + 2..p + 2 + n);
            let v = match digits.and_then(hex_value) {
                Some(v) => v,
                None => {
                    let name = match c {
                        b'x' => "\\xXX",
                        b'u' => "\\uXXXX",
                        _ => "\\UXXXXXXXX",
                    };
                    return Err(format!("(unicode error) truncated {name} escape").into());
                }
            };
            // A lone surrogate is a code point like any other (kept as generalized UTF-8).
            if v > 0x10FFFF {
                return Err("(unicode error) illegal Unicode character".into());
            }
            out.push_code_point(v);
            *i = p + 2 + n;
            return Ok(());
        }
        // Naming characters needs Unicode's name table (over a megabyte); MicroPython
        // leaves it out too, with the same exception.
        b'N' => {
            return Err(EscapeError {
                kind: SyntaxErrorKind::NotImplementedError,
                msg: "\\N{...} escapes (Unicode character names) are not implemented".into(),
            })
        }
        _ => {
            // Unknown escape: keep the backslash; the next character is copied as usual.
            out.push('\\');
            *i = p + 1;
            return Ok(());
        }
    };
    out.push(simple);
    *i = p + 2;
    Ok(())
}

/// A bad escape sequence in a literal; placed by the caller, who knows where the
/// literal starts.
struct EscapeError {
    kind: SyntaxErrorKind,
    msg: String,
}

impl EscapeError {
    fn at(self, line: u32, col: u32) -> SyntaxError {
        SyntaxError { kind: self.kind, msg: self.msg, line, col }
    }
}

impl From<String> for EscapeError {
    fn from(msg: String) -> EscapeError {
        EscapeError { kind: SyntaxErrorKind::SyntaxError, msg }
    }
}

impl From<&str> for EscapeError {
    fn from(msg: &str) -> EscapeError {
        EscapeError::from(msg.to_owned())
    }
}

/// Decode the body of a `str` literal: escapes (unless raw) and newline normalisation.
fn decode_str(body: &str, raw: bool) -> Result<Wtf8Buf, EscapeError> {
    let b = body.as_bytes();
    let mut out = Wtf8Buf::with_capacity(b.len());
    let mut run = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if !raw => {
                out.push_str(body.get(run..i).unwrap_or(""));
                decode_escape_str(body, &mut i, &mut out)?;
                run = i;
            }
            b'\r' => {
                out.push_str(body.get(run..i).unwrap_or(""));
                out.push('\n');
                i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
                run = i;
            }
            _ => i += 1,
        }
    }
    out.push_str(body.get(run.min(b.len())..).unwrap_or(""));
    Ok(out)
}

/// Decode the body of a `bytes` literal (already checked to be ASCII).
fn decode_bytes(b: &[u8], raw: bool) -> Result<Vec<u8>, EscapeError> {
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\r' {
            out.push(b'\n');
            i += if b.get(i + 1) == Some(&b'\n') { 2 } else { 1 };
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            i += 1;
            continue;
        }
        let n = b.get(i + 1).copied().unwrap_or(0);
        let v = match n {
            b'\n' => {
                i += 2;
                continue;
            }
            b'\r' => {
                i += if b.get(i + 2) == Some(&b'\n') { 3 } else { 2 };
                continue;
            }
            b'\\' => b'\\',
            b'\'' => b'\'',
            b'"' => b'"',
            b'a' => 7,
            b'b' => 8,
            b'f' => 12,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'v' => 11,
            b'0'..=b'7' => {
                let mut v = 0u32;
                let mut k = i + 1;
                while k < i + 4 && matches!(b.get(k), Some(b'0'..=b'7')) {
                    v = v * 8 + (b[k] - b'0') as u32;
                    k += 1;
                }
                out.push((v & 0xff) as u8);
                i = k;
                continue;
            }
            b'x' => match b.get(i + 2..i + 4).and_then(hex_value) {
                Some(v) => {
                    out.push(v as u8);
                    i += 4;
                    continue;
                }
                None => return Err("(value error) invalid \\x escape".into()),
            },
            _ => {
                out.push(b'\\');
                i += 1;
                continue;
            }
        };
        out.push(v);
        i += 2;
    }
    Ok(out)
}

/// Convert the digits (with `_`s) of a big base-2/8/16 literal to decimal.
fn radix_to_decimal(digits: &[u8], radix: u32) -> String {
    const BASE: u64 = 1_000_000_000;
    // Little-endian limbs in base 1e9; digits are fed a few at a time so that
    // the multiplier stays below 2^32.
    let per_chunk = match radix {
        16 => 7,
        8 => 10,
        _ => 31,
    };
    let mut limbs: Vec<u32> = vec![0];
    let mut chunk_val: u64 = 0;
    let mut chunk_mul: u64 = 1;
    let mut n = 0;
    let feed = |limbs: &mut Vec<u32>, mul: u64, add: u64| {
        let mut carry = add;
        for limb in limbs.iter_mut() {
            let v = *limb as u64 * mul + carry;
            *limb = (v % BASE) as u32;
            carry = v / BASE;
        }
        while carry > 0 {
            limbs.push((carry % BASE) as u32);
            carry /= BASE;
        }
    };
    for &c in digits {
        if c == b'_' {
            continue;
        }
        chunk_val = chunk_val * radix as u64 + digit_val(c) as u64;
        chunk_mul *= radix as u64;
        n += 1;
        if n == per_chunk {
            feed(&mut limbs, chunk_mul, chunk_val);
            chunk_val = 0;
            chunk_mul = 1;
            n = 0;
        }
    }
    if n > 0 {
        feed(&mut limbs, chunk_mul, chunk_val);
    }
    while limbs.len() > 1 && limbs.last() == Some(&0) {
        limbs.pop();
    }
    let mut s = String::with_capacity(limbs.len() * 9);
    let mut iter = limbs.iter().rev();
    if let Some(first) = iter.next() {
        s.push_str(&first.to_string());
    }
    for limb in iter {
        s.push_str(&format!("{limb:09}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(src: &str) -> Vec<Tok> {
        let t = tokenize(src, LexConfig::file());
        if let Some(e) = t.error {
            panic!("lex error: {e}");
        }
        t.toks.iter().map(|t| t.tok).collect()
    }

    fn lex_err(src: &str) -> SyntaxError {
        tokenize(src, LexConfig::file()).error.expect("expected a lex error")
    }

    fn name(s: &str) -> Tok {
        Tok::Name(Qstr::new(s))
    }

    #[test]
    fn indentation_tokens() {
        use Tok::*;
        let t = toks("if x:\n    y\n\n  # c\n    z\nw\n");
        assert_eq!(
            t,
            vec![
                If,
                name("x"),
                Colon,
                Newline,
                Indent,
                name("y"),
                Newline,
                name("z"),
                Newline,
                Dedent,
                name("w"),
                Newline,
                EndMarker
            ]
        );
    }

    #[test]
    fn dedents_at_eof_without_newline() {
        use Tok::*;
        let t = toks("if a:\n  if b:\n    c");
        assert_eq!(
            t,
            vec![
                If,
                name("a"),
                Colon,
                Newline,
                Indent,
                If,
                name("b"),
                Colon,
                Newline,
                Indent,
                name("c"),
                Newline,
                Dedent,
                Dedent,
                EndMarker
            ]
        );
    }

    #[test]
    fn tabs_count_to_multiples_of_eight() {
        use Tok::*;
        let t = toks("if a:\n\tb\n        c\n");
        assert_eq!(
            t,
            vec![If, name("a"), Colon, Newline, Indent, name("b"), Newline, name("c"), Newline, Dedent, EndMarker]
        );
    }

    #[test]
    fn brackets_join_lines() {
        use Tok::*;
        let t = toks("x = (1,\n  2)\ny = \\\n 3\n");
        assert_eq!(
            t,
            vec![
                name("x"),
                Equal,
                LPar,
                Int(1),
                Comma,
                Int(2),
                RPar,
                Newline,
                name("y"),
                Equal,
                Int(3),
                Newline,
                EndMarker
            ]
        );
    }

    #[test]
    fn bad_dedent() {
        let e = lex_err("if x:\n    a\n  b\n");
        assert_eq!(e.kind, crate::SyntaxErrorKind::IndentationError);
        assert_eq!(e.msg, "unindent doesn't match any outer indent level");
        assert_eq!(e.line, 3);
    }

    #[test]
    fn numbers() {
        use Tok::*;
        assert_eq!(toks("0 00 0_0 10 1_000 0x_ff 0o17 0b1010 0XFF"), {
            vec![Int(0), Int(0), Int(0), Int(10), Int(1000), Int(255), Int(15), Int(10), Int(255), Newline, EndMarker]
        });
        assert_eq!(
            toks("1. .5 1e-3 1_0.0_1 1E+2 3j 1.5J 01.5 0e0"),
            vec![
                Float(1.0),
                Float(0.5),
                Float(1e-3),
                Float(10.01),
                Float(100.0),
                Imag(3.0),
                Imag(1.5),
                Float(1.5),
                Float(0.0),
                Newline,
                EndMarker
            ]
        );
        assert_eq!(toks("9223372036854775807"), vec![Int(i64::MAX), Newline, EndMarker]);
        let t =
            tokenize("9223372036854775808 0xffffffffffffffffffff 0o1_000_000_000_000_000_000_000", LexConfig::file());
        assert_eq!(&*t.bigints[0], "9223372036854775808");
        assert_eq!(&*t.bigints[1], "1208925819614629174706175");
        assert_eq!(&*t.bigints[2], "9223372036854775808");
        assert_eq!(toks("1if x else 2")[..2], [Int(1), If]);
    }

    #[test]
    fn number_errors() {
        for src in ["01", "1_", "1__0", "0x", "0b2", "1abc", "0o8", "1e", "0x_", "1_.5"] {
            let e = tokenize(src, LexConfig::file()).error;
            assert!(e.is_some(), "{src} should not lex");
        }
    }

    #[test]
    fn radix_conversion() {
        assert_eq!(radix_to_decimal(b"0", 16), "0");
        assert_eq!(radix_to_decimal(b"1_0000_0000_0000_0000", 16), "18446744073709551616");
        assert_eq!(radix_to_decimal(&[b'1'; 100], 2), "1267650600228229401496703205375");
    }

    fn one_str(src: &str) -> String {
        let t = tokenize(src, LexConfig::file());
        assert!(t.error.is_none(), "{:?}", t.error);
        match &t.strs[0] {
            StrLit::Text(s) => s.to_string(),
            StrLit::Surrogates(b) => panic!("surrogates in {b:?}"),
        }
    }

    #[test]
    fn string_escapes() {
        assert_eq!(one_str(r#"'a\nb\t\\\'\"'"#), "a\nb\t\\'\"");
        assert_eq!(one_str(r"'\x41\101\u00e9\U0001F600'"), "AA\u{e9}\u{1F600}");
        assert_eq!(one_str(r"'\d\w'"), "\\d\\w");
        assert_eq!(one_str(r"r'\n\''"), "\\n\\'");
        assert_eq!(one_str("'''a\nb'''"), "a\nb");
        assert_eq!(one_str("'a\\\nb'"), "ab");
        assert_eq!(one_str("'''a\r\nb'''"), "a\nb");
        assert_eq!(one_str("U'x'"), "x");
        let t = tokenize(r"b'\x00\xff\n\q' Rb'\n'", LexConfig::file());
        assert_eq!(&*t.bytes[0], b"\x00\xff\n\\q");
        assert_eq!(&*t.bytes[1], b"\\n");
    }

    #[test]
    fn string_errors() {
        assert_eq!(lex_err("'abc\n'").msg, "unterminated string literal");
        assert_eq!(lex_err("x = '''abc").msg, "unterminated triple-quoted string literal");
        assert!(lex_err(r"'\x4'").msg.contains("truncated"));
        let named = lex_err(r"'\N{DASH}'");
        assert!(named.msg.contains("\\N"));
        assert_eq!(named.kind, SyntaxErrorKind::NotImplementedError);
        assert!(lex_err("b'\u{e9}'").msg.contains("ASCII"));
        assert!(lex_err(r"'\U00110000'").msg.contains("illegal Unicode character"));
    }

    #[test]
    fn lone_surrogate_escapes() {
        let t = tokenize(r"'a\ud800\U0000DFFFb' '\ud83d\ude00'", LexConfig::file());
        assert!(t.error.is_none(), "{:?}", t.error);
        assert_eq!(t.strs[0], StrLit::Surrogates(Box::from(&b"a\xed\xa0\x80\xed\xbf\xbfb"[..])));
        // An escaped pair stays two code points, as in CPython.
        assert_eq!(t.strs[1], StrLit::Surrogates(Box::from(&b"\xed\xa0\xbd\xed\xb8\x80"[..])));
    }

    #[test]
    fn columns_count_characters() {
        let t = tokenize("\u{e9}t\u{e9} = '\u{e9}' + x\n", LexConfig::file());
        assert!(t.error.is_none());
        let cols: Vec<u32> = t.toks.iter().map(|t| t.col).collect();
        assert_eq!(cols, vec![0, 4, 6, 10, 12, 13, 0]);
    }

    #[test]
    fn bom_and_crlf() {
        use Tok::*;
        assert_eq!(toks("\u{feff}x\r\ny\r"), vec![name("x"), Newline, name("y"), Newline, EndMarker]);
    }

    #[test]
    fn bracket_errors() {
        assert_eq!(lex_err("(]").msg, "closing parenthesis ']' does not match opening parenthesis '('");
        assert_eq!(lex_err(")").msg, "unmatched ')'");
        let e = lex_err("x = (1,\n2\n");
        assert_eq!((e.msg.as_str(), e.line, e.col), ("'(' was never closed", 1, 4));
        let deep = "(".repeat(300);
        assert_eq!(lex_err(&deep).msg, "too many nested parentheses");
    }

    #[test]
    fn fstring_pieces() {
        let t = tokenize("f'a{x!r:>{w}}b{{c}}{y=}'", LexConfig::file());
        assert!(t.error.is_none(), "{:?}", t.error);
        let p = &t.fstrs[0].pieces;
        assert_eq!(p.len(), 4);
        assert_eq!(p[0], FPiece::Lit("a".into()));
        let FPiece::Field(f) = &p[1] else { panic!() };
        assert_eq!(f.conversion, Some('r'));
        assert_eq!(f.spec.as_ref().map(|s| s.len()), Some(2));
        assert_eq!(p[2], FPiece::Lit("b{c}".into()));
        let FPiece::Field(f) = &p[3] else { panic!() };
        assert_eq!(f.debug_text.as_deref(), Some("y="));
    }

    #[test]
    fn fstring_errors() {
        assert!(lex_err("f'{}'").msg.contains("empty expression"));
        assert!(lex_err("f'}'").msg.contains("single '}'"));
        assert!(lex_err("f'{x!z}'").msg.contains("conversion"));
        assert!(lex_err("f'{x'").msg.contains("unterminated") || lex_err("f'{x'").msg.contains("expecting"));
        assert!(lex_err("f'{x#}'").msg.contains("#"));
    }

    #[test]
    fn tstring_prefixes() {
        for src in ["t'{x}'", "T'{x}'", "rt'{x}'", "tr'{x}'", "Rt'{x}'", "tR'{x}'", "t'''{x}'''", "T\"{x}\""] {
            let t = tokenize(src, LexConfig::file());
            assert!(t.error.is_none(), "{src}: {:?}", t.error);
            assert!(matches!(t.toks[0].tok, Tok::TStr(0)), "{src}: {:?}", t.toks[0]);
        }
        // `t` goes with `r` only: these are a name and a string.
        for src in ["bt'x'", "tb'x'", "ft'x'", "tf'x'", "ut'x'", "tu'x'", "tt'x'", "rtr'x'"] {
            let t = tokenize(src, LexConfig::file());
            assert!(matches!(t.toks[0].tok, Tok::Name(_)), "{src}: {:?}", t.toks[0]);
            assert!(matches!(t.toks[1].tok, Tok::Str(_)), "{src}: {:?}", t.toks[1]);
        }
    }

    #[test]
    fn tstring_pieces() {
        let t = tokenize(r"rt'\d{x!a : {y}}{z = }'", LexConfig::file());
        assert!(t.error.is_none(), "{:?}", t.error);
        let p = &t.fstrs[0].pieces;
        assert_eq!(p.len(), 3);
        assert_eq!(p[0], FPiece::Lit("\\d".into()));
        let FPiece::Field(f) = &p[1] else { panic!() };
        // A t-string's conversion may have blanks after it (Python 3.12's grammar).
        assert_eq!(f.conversion, Some('a'));
        assert_eq!(f.spec.as_ref().map(|s| s.len()), Some(2));
        let FPiece::Field(f) = &p[2] else { panic!() };
        assert_eq!(f.debug_text.as_deref(), Some("z = "));
    }

    #[test]
    fn tstring_errors() {
        let msg = |src: &str| lex_err(src).msg;
        assert_eq!(msg("t'{}'"), "t-string: valid expression required before '}'");
        assert_eq!(msg("t'{ !r}'"), "t-string: valid expression required before '!'");
        assert_eq!(msg("t'{=}'"), "t-string: valid expression required before '='");
        assert_eq!(msg("t'a}'"), "t-string: single '}' is not allowed");
        assert_eq!(msg("t'{x!}'"), "t-string: missing conversion character");
        assert_eq!(msg("t'{x! r}'"), "t-string: conversion type must come right after the exclamanation mark");
        assert_eq!(msg("t'{x!q}'"), "t-string: invalid conversion character 'q': expected 's', 'r', or 'a'");
        assert_eq!(msg("t'{x!r!}'"), "t-string: expecting ':' or '}'");
        assert_eq!(msg("t'{x=y}'"), "t-string: expecting '!', or ':', or '}'");
        assert_eq!(msg("t'{x:'"), "t-string: expecting '}', or format specs");
        assert_eq!(msg("t'abc"), "unterminated t-string literal");
        assert_eq!(msg("t'''abc"), "unterminated triple-quoted t-string literal");
        // A literal nested in another's field has its own kind's wording.
        assert!(msg("t'{f\"{}\"}'").starts_with("f-string:"));
        assert!(msg("f'{t\"{}\"}'").starts_with("t-string:"));
    }
}
