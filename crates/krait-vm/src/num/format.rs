//! The format-spec mini-language (`format(x, spec)`, `str.format`, f-strings)
//! for int, float and str, and `%`-formatting (template parsing and the
//! conversions). Complex formatting is in [`super::complex`].
//!
//! Type-specific functions take the type name only through the error:
//! [`NumError::UnknownFormatCode`] and [`NumError::InvalidFormatSpec`] want
//! `type(x).__name__` as the `context` of [`NumError::message`].

use std::borrow::Cow;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

use super::float::{self, float_body, BodyOpts, Mode};
use super::int::{self, IntValue};
use super::{NumError, NumResult, MAX_FORMAT_LEN};

/// `<`, `>`, `^`, `=`.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
    /// `=`: padding between the sign (and prefix) and the digits.
    AfterSign,
}

/// `-`, `+`, or space.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum SignMode {
    Minus,
    Plus,
    Space,
}

/// `,` or `_` thousands separators.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Grouping {
    Comma,
    Underscore,
}

impl Grouping {
    fn sep(self) -> char {
        match self {
            Grouping::Comma => ',',
            Grouping::Underscore => '_',
        }
    }
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
///
/// Defaults that depend on the type (alignment, fill for the `0` flag) are
/// resolved by the type's format function, so one parse serves any object.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FormatSpec {
    /// An explicit fill character (only with an explicit alignment).
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<SignMode>,
    /// `z`: coerce negative zero to zero.
    pub no_neg_zero: bool,
    /// `#`.
    pub alternate: bool,
    /// The `0` flag (recorded only when no fill was given): fill `'0'`, and
    /// for numbers `=` alignment unless one was given.
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type, if any.
    pub ty: Option<char>,
}

fn too_many_digits() -> NumError {
    NumError::value("Too many decimal digits in format string")
}

fn is_align(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Parses a run of ASCII digits at `s[*pos..]`; `None` if there are none.
fn parse_count(s: &[u8], pos: &mut usize, limit: u64) -> Result<Option<usize>, ()> {
    let start = *pos;
    let mut v: u64 = 0;
    while let Some(&c) = s.get(*pos) {
        if !c.is_ascii_digit() {
            break;
        }
        v = v.checked_mul(10).and_then(|v| v.checked_add(u64::from(c - b'0'))).filter(|&v| v <= limit).ok_or(())?;
        *pos += 1;
    }
    Ok(if *pos == start { None } else { Some(v as usize) })
}

impl FormatSpec {
    /// Parses a format spec. Errors (`ValueError`): "Too many decimal digits
    /// in format string", "Cannot specify both ',' and '_'.", "Format
    /// specifier missing precision", and [`NumError::InvalidFormatSpec`].
    pub fn parse(spec: &str) -> NumResult<FormatSpec> {
        let mut f = FormatSpec::default();
        let b = spec.as_bytes();
        let mut pos = 0;
        let mut chars = spec.chars();
        let c0 = chars.next();
        let c1 = chars.next();
        if let (Some(c0), Some(a)) = (c0, c1.and_then(is_align)) {
            f.fill = Some(c0);
            f.align = Some(a);
            pos = c0.len_utf8() + 1;
        } else if let Some(a) = c0.and_then(is_align) {
            f.align = Some(a);
            pos = 1;
        }
        match b.get(pos) {
            Some(b'+') => f.sign = Some(SignMode::Plus),
            Some(b'-') => f.sign = Some(SignMode::Minus),
            Some(b' ') => f.sign = Some(SignMode::Space),
            _ => {}
        }
        if f.sign.is_some() {
            pos += 1;
        }
        if b.get(pos) == Some(&b'z') {
            f.no_neg_zero = true;
            pos += 1;
        }
        if b.get(pos) == Some(&b'#') {
            f.alternate = true;
            pos += 1;
        }
        if f.fill.is_none() && b.get(pos) == Some(&b'0') {
            f.zero_pad = true;
            pos += 1;
        }
        f.width = parse_count(b, &mut pos, isize::MAX as u64).map_err(|_| too_many_digits())?;
        if b.get(pos) == Some(&b',') {
            f.grouping = Some(Grouping::Comma);
            pos += 1;
        }
        if b.get(pos) == Some(&b'_') {
            if f.grouping.is_some() {
                return Err(NumError::value("Cannot specify both ',' and '_'."));
            }
            f.grouping = Some(Grouping::Underscore);
            pos += 1;
        }
        if b.get(pos) == Some(&b',') && f.grouping == Some(Grouping::Underscore) {
            return Err(NumError::value("Cannot specify both ',' and '_'."));
        }
        if b.get(pos) == Some(&b'.') {
            pos += 1;
            f.precision = parse_count(b, &mut pos, isize::MAX as u64).map_err(|_| too_many_digits())?;
            if f.precision.is_none() {
                return Err(NumError::value("Format specifier missing precision"));
            }
        }
        let mut rest = spec[pos..].chars();
        f.ty = rest.next();
        if rest.next().is_some() {
            return Err(NumError::InvalidFormatSpec(spec.to_string()));
        }
        Ok(f)
    }

    /// The fill character in effect.
    fn fill_char(&self) -> char {
        self.fill.unwrap_or(if self.zero_pad { '0' } else { ' ' })
    }

    /// The alignment in effect for numbers.
    fn number_align(&self) -> Align {
        self.align.unwrap_or(if self.zero_pad { Align::AfterSign } else { Align::Right })
    }
}

/// CPython's check that the grouping option suits the presentation type.
pub(crate) fn check_grouping(spec: &FormatSpec, ty: char) -> NumResult<()> {
    let Some(g) = spec.grouping else { return Ok(()) };
    match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(()),
        'b' | 'o' | 'x' | 'X' if g == Grouping::Underscore => Ok(()),
        _ => {
            let t = ty as u32;
            let msg = if t > 32 && t < 128 {
                format!("Cannot specify '{}' with '{ty}'.", g.sep())
            } else {
                format!("Cannot specify '{}' with '\\x{t:x}'.", g.sep())
            };
            Err(NumError::Value(msg.into()))
        }
    }
}

/// Inserts separators every `size` digits from the right, padding with
/// zeros (and separators) until the result is at least `min_width` long, the
/// way CPython does for the `0` flag: `1234` with min width 8 → `0,001,234`.
pub(crate) fn group_digits(digits: &str, sep: char, size: usize, min_width: usize) -> String {
    let d = digits.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(d.len() + d.len() / size + min_width + 1);
    let mut remaining = d.len();
    let mut min_width = min_width as isize;
    let mut first = true;
    loop {
        let l = remaining.max(min_width.max(0) as usize).max(1).min(size);
        let n_chars = remaining.min(l);
        let n_zeros = l - n_chars;
        if !first {
            out.push(sep as u8);
        }
        out.extend(d[remaining - n_chars..remaining].iter().rev());
        out.extend(std::iter::repeat_n(b'0', n_zeros));
        first = false;
        remaining -= n_chars;
        min_width -= size as isize;
        if remaining == 0 && min_width <= 0 {
            break;
        }
        min_width -= 1;
    }
    out.reverse();
    // Only ASCII digits, zeros and an ASCII separator.
    String::from_utf8(out).unwrap_or_default()
}

/// Appends `n` copies of `c`.
fn push_fill(s: &mut String, c: char, n: usize) {
    s.extend(std::iter::repeat_n(c, n));
}

/// Pads an already formatted text (`len` characters) to `width` with `fill`.
pub(crate) fn pad(text: &str, len: usize, width: usize, fill: char, align: Align) -> NumResult<String> {
    if width > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let padn = width.saturating_sub(len);
    if padn == 0 {
        return Ok(text.to_string());
    }
    let mut s = String::with_capacity(text.len() + padn * fill.len_utf8());
    let (left, right) = match align {
        Align::Left => (0, padn),
        Align::Right | Align::AfterSign => (padn, 0),
        Align::Center => (padn / 2, padn - padn / 2),
    };
    push_fill(&mut s, fill, left);
    s.push_str(text);
    push_fill(&mut s, fill, right);
    Ok(s)
}

/// Lays out a number: sign, prefix, integer digits `body[..int_len]` (grouped),
/// the rest of `body` (fraction, exponent, `%`), then fill/align/width.
fn layout_number(
    spec: &FormatSpec,
    neg: bool,
    prefix: &str,
    body: &str,
    int_len: usize,
    grouping: Option<(char, usize)>,
) -> NumResult<String> {
    let sign = if neg {
        "-"
    } else {
        match spec.sign {
            Some(SignMode::Plus) => "+",
            Some(SignMode::Space) => " ",
            _ => "",
        }
    };
    let fill = spec.fill_char();
    let align = spec.number_align();
    let width = spec.width.unwrap_or(0);
    if width > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let (int_part, rest) = body.split_at(int_len);
    let grouping = if int_len == 0 { None } else { grouping };
    let grouped: Cow<str> = match grouping {
        Some((sep, size)) => {
            let min_width = if fill == '0' && align == Align::AfterSign {
                width.saturating_sub(sign.len() + prefix.len() + rest.len())
            } else {
                0
            };
            Cow::Owned(group_digits(int_part, sep, size, min_width))
        }
        None => Cow::Borrowed(int_part),
    };
    let rest_len = if rest.is_ascii() { rest.len() } else { rest.chars().count() };
    let len = sign.len() + prefix.len() + grouped.len() + rest_len;
    let padn = width.saturating_sub(len);
    let mut s = String::with_capacity(len + padn * fill.len_utf8());
    match align {
        Align::AfterSign => {
            s.push_str(sign);
            s.push_str(prefix);
            push_fill(&mut s, fill, padn);
        }
        Align::Right => push_fill(&mut s, fill, padn),
        Align::Center => push_fill(&mut s, fill, padn / 2),
        Align::Left => {}
    }
    if align != Align::AfterSign {
        s.push_str(sign);
        s.push_str(prefix);
    }
    s.push_str(&grouped);
    s.push_str(rest);
    match align {
        Align::Left => push_fill(&mut s, fill, padn),
        Align::Center => push_fill(&mut s, fill, padn - padn / 2),
        _ => {}
    }
    Ok(s)
}

/// An int operand, borrowed.
#[derive(Copy, Clone)]
enum IntArg<'a> {
    Small(i64),
    Big(&'a BigInt),
}

impl IntArg<'_> {
    fn is_negative(self) -> bool {
        match self {
            IntArg::Small(v) => v < 0,
            IntArg::Big(b) => b.is_negative(),
        }
    }

    fn to_f64(self) -> NumResult<f64> {
        match self {
            IntArg::Small(v) => Ok(v as f64),
            IntArg::Big(b) => int::bigint_to_f64(b),
        }
    }

    /// Digits of the magnitude.
    fn push_digits(self, s: &mut String, radix: u32, upper: bool) {
        match self {
            IntArg::Small(v) => int::push_digits_u64(s, v.unsigned_abs(), radix, upper),
            IntArg::Big(b) => int::push_digits_big(s, b.magnitude(), radix, upper),
        }
    }

    /// The value as a character code (`%c`, format type `c`).
    fn to_char(self) -> NumResult<char> {
        let v = match self {
            IntArg::Small(v) => v,
            IntArg::Big(b) => b.to_i64().unwrap_or(-1),
        };
        if !(0..0x110000).contains(&v) {
            return Err(NumError::Overflow("%c arg not in range(0x110000)"));
        }
        // Lone surrogates cannot be held in a Rust string.
        char::from_u32(v as u32).ok_or(NumError::value("surrogates not allowed"))
    }
}

impl<'a> From<&'a IntValue> for IntArg<'a> {
    fn from(v: &'a IntValue) -> IntArg<'a> {
        match v {
            IntValue::Small(v) => IntArg::Small(*v),
            IntValue::Big(b) => IntArg::Big(b),
        }
    }
}

/// `format(v, spec)` for an int (or bool, as 0/1): types `b c d n o x X`
/// and none; `e E f F g G %` convert to float. Errors as CPython:
/// "Precision not allowed in integer format specifier", "Negative zero
/// coercion (z) not allowed in integer format specifier", "Sign not allowed
/// with integer format specifier 'c'", "Alternate form (#) not allowed with
/// integer format specifier 'c'", "Cannot specify ',' with 'x'.",
/// `OverflowError` "%c arg not in range(0x110000)", [`NumError::UnknownFormatCode`].
pub fn format_int(v: &IntValue, spec: &FormatSpec) -> NumResult<String> {
    format_int_arg(v.into(), spec)
}

/// [`format_int`] for an `i64`.
pub fn format_i64(v: i64, spec: &FormatSpec) -> NumResult<String> {
    format_int_arg(IntArg::Small(v), spec)
}

/// [`format_int`] for a `BigInt`.
pub fn format_bigint(v: &BigInt, spec: &FormatSpec) -> NumResult<String> {
    format_int_arg(IntArg::Big(v), spec)
}

fn format_int_arg(v: IntArg<'_>, spec: &FormatSpec) -> NumResult<String> {
    let ty = spec.ty.unwrap_or('d');
    check_grouping(spec, ty)?;
    let (radix, upper, prefix) = match ty {
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(v.to_f64()?, spec),
        'd' | 'n' | 'c' => (10, false, ""),
        'b' => (2, false, "0b"),
        'o' => (8, false, "0o"),
        'x' => (16, false, "0x"),
        'X' => (16, true, "0X"),
        c => return Err(NumError::UnknownFormatCode(c)),
    };
    if spec.precision.is_some() {
        return Err(NumError::value("Precision not allowed in integer format specifier"));
    }
    if spec.no_neg_zero {
        return Err(NumError::value("Negative zero coercion (z) not allowed in integer format specifier"));
    }
    if ty == 'c' {
        if spec.sign.is_some() {
            return Err(NumError::value("Sign not allowed with integer format specifier 'c'"));
        }
        if spec.alternate {
            return Err(NumError::value("Alternate form (#) not allowed with integer format specifier 'c'"));
        }
        let c = v.to_char()?;
        let mut buf = [0u8; 4];
        return layout_number(spec, false, "", c.encode_utf8(&mut buf), 0, None);
    }
    let mut digits = String::with_capacity(24);
    v.push_digits(&mut digits, radix, upper);
    let prefix = if spec.alternate { prefix } else { "" };
    let grouping = match (spec.grouping, ty) {
        (_, 'n') | (None, _) => None,
        (Some(g), _) => Some((g.sep(), if radix == 10 { 3 } else { 4 })),
    };
    let n = digits.len();
    layout_number(spec, v.is_negative(), prefix, &digits, n, grouping)
}

/// `format(x, spec)` for a float: types `e E f F g G n %` and none (like
/// `repr` without a precision, else like `g` but keeping a `.0`). Errors:
/// "precision too big", "Cannot specify ',' with 'n'.", [`NumError::UnknownFormatCode`].
pub fn format_float(x: f64, spec: &FormatSpec) -> NumResult<String> {
    check_grouping(spec, spec.ty.unwrap_or('\0'))?;
    let p = spec.precision;
    let mut opts = BodyOpts { alt: spec.alternate, add_dot_0: false, upper: false };
    let mut percent = false;
    let mode = match spec.ty {
        None => {
            opts.add_dot_0 = true;
            match p {
                None => Mode::Repr,
                Some(p) => Mode::General(p),
            }
        }
        Some(c @ ('e' | 'E')) => {
            opts.upper = c == 'E';
            Mode::Exp(p.unwrap_or(6))
        }
        Some(c @ ('f' | 'F')) => {
            opts.upper = c == 'F';
            Mode::Fixed(p.unwrap_or(6))
        }
        Some(c @ ('g' | 'G' | 'n')) => {
            opts.upper = c == 'G';
            Mode::General(p.unwrap_or(6))
        }
        Some('%') => {
            percent = true;
            Mode::Fixed(p.unwrap_or(6))
        }
        Some(c) => return Err(NumError::UnknownFormatCode(c)),
    };
    if p.is_some_and(|p| p > i32::MAX as usize) {
        return Err(NumError::value("precision too big"));
    }
    if p.is_some_and(|p| p > MAX_FORMAT_LEN) {
        return Err(NumError::Memory);
    }
    let (body, int_len, neg) = float_text(x, mode, opts, spec.no_neg_zero, percent);
    let grouping = spec.grouping.map(|g| (g.sep(), 3));
    layout_number(spec, neg, "", &body, int_len, grouping)
}

/// A float's text without sign: body, integer-digits length, and whether it is negative.
pub(crate) fn float_text(
    x: f64,
    mode: Mode,
    opts: BodyOpts,
    no_neg_zero: bool,
    percent: bool,
) -> (String, usize, bool) {
    let mut neg = x.is_sign_negative() && !x.is_nan();
    let a = if percent { x.abs() * 100.0 } else { x.abs() };
    let (mut body, int_len) = float_body(a, mode, opts);
    if neg && no_neg_zero && body.bytes().take_while(|&c| c != b'e' && c != b'E').all(|c| c == b'0' || c == b'.') {
        neg = false;
    }
    if percent {
        body.push('%');
    }
    (body, int_len, neg)
}

/// `format(s, spec)` for a str: type `s` or none; precision truncates (in
/// characters). Errors: "Sign not allowed in string format specifier" (or
/// "Space not allowed …" for a space),
/// "Negative zero coercion (z) not allowed in string format specifier",
/// "Alternate form (#) not allowed in string format specifier", "'='
/// alignment not allowed in string format specifier", "Cannot specify ','
/// with 's'.", [`NumError::UnknownFormatCode`].
pub fn format_str(s: &str, spec: &FormatSpec) -> NumResult<String> {
    check_str_spec(spec)?;
    let (text, len) = truncate_chars(s, spec.precision);
    pad(text, len, spec.width.unwrap_or(0), spec.fill_char(), spec.align.unwrap_or(Align::Left))
}

/// `format_str` of text holding lone surrogates (generalized UTF-8, see
/// `krait_syntax::wtf8`), giving generalized UTF-8.
pub fn format_str_wtf8(b: &[u8], spec: &FormatSpec) -> NumResult<Vec<u8>> {
    check_str_spec(spec)?;
    pad_wtf8(b, spec.precision, spec.width.unwrap_or(0), spec.fill_char(), spec.align.unwrap_or(Align::Left))
}

/// `b` (generalized UTF-8) cut to at most `max` characters, then padded to
/// `width` with `fill`.
fn pad_wtf8(b: &[u8], max: Option<usize>, width: usize, fill: char, align: Align) -> NumResult<Vec<u8>> {
    if width > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let starts = b.iter().enumerate().filter(|&(_, &x)| (x as i8) >= -0x40).map(|(i, _)| i);
    let n = krait_syntax::wtf8::count_chars(b);
    let (text, len) = match max {
        Some(m) if m < n => (&b[..starts.clone().nth(m).unwrap_or(b.len())], m),
        _ => (b, n),
    };
    let padn = width.saturating_sub(len);
    let (left, right) = match align {
        Align::Left => (0, padn),
        Align::Right | Align::AfterSign => (padn, 0),
        Align::Center => (padn / 2, padn - padn / 2),
    };
    let mut f = [0u8; 4];
    let f = fill.encode_utf8(&mut f).as_bytes();
    let mut out = Vec::with_capacity(text.len() + padn * f.len());
    (0..left).for_each(|_| out.extend_from_slice(f));
    out.extend_from_slice(text);
    (0..right).for_each(|_| out.extend_from_slice(f));
    Ok(out)
}

/// What a format spec for a str may not say.
fn check_str_spec(spec: &FormatSpec) -> NumResult<()> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec, ty)?;
    if ty != 's' {
        return Err(NumError::UnknownFormatCode(ty));
    }
    match spec.sign {
        Some(SignMode::Space) => return Err(NumError::value("Space not allowed in string format specifier")),
        Some(_) => return Err(NumError::value("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(NumError::value("Negative zero coercion (z) not allowed in string format specifier"));
    }
    if spec.alternate {
        return Err(NumError::value("Alternate form (#) not allowed in string format specifier"));
    }
    if spec.align == Some(Align::AfterSign) {
        return Err(NumError::value("'=' alignment not allowed in string format specifier"));
    }
    Ok(())
}

/// `s` cut to at most `max` characters, and its length in characters.
fn truncate_chars(s: &str, max: Option<usize>) -> (&str, usize) {
    if s.is_ascii() {
        let n = max.map_or(s.len(), |m| m.min(s.len()));
        return (&s[..n], n);
    }
    match max {
        Some(m) => match s.char_indices().nth(m) {
            Some((i, _)) => (&s[..i], m),
            None => (s, s.chars().count()),
        },
        None => (s, s.chars().count()),
    }
}

// ---------------------------------------------------------------------------
// %-formatting
// ---------------------------------------------------------------------------

/// The flags of a `%` conversion: `-`, `+`, space, `#`, `0`.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq)]
pub struct PercentFlags {
    pub left: bool,
    pub plus: bool,
    pub space: bool,
    pub alt: bool,
    pub zero: bool,
}

/// A width or precision: a number, or `*` (taken from the arguments).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Count {
    Fixed(usize),
    Star,
}

/// One `%` conversion: `%[(key)][flags][width][.precision][length]conv`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PercentSpec<'a> {
    /// The mapping key of `%(key)s`.
    pub key: Option<&'a str>,
    pub flags: PercentFlags,
    pub width: Option<Count>,
    pub precision: Option<Count>,
    /// One of `d i u o x X e E f F g G c s r a`.
    pub conv: char,
}

impl PercentSpec<'_> {
    /// Resolves a `*` width from its argument (negative: left-justify).
    pub fn set_star_width(&mut self, w: i64) {
        if w < 0 {
            self.flags.left = true;
        }
        self.width = Some(Count::Fixed(usize::try_from(w.unsigned_abs()).unwrap_or(usize::MAX)));
    }

    /// Resolves a `*` precision from its argument (negative counts as 0).
    pub fn set_star_precision(&mut self, p: i64) {
        self.precision = Some(Count::Fixed(usize::try_from(p.max(0)).unwrap_or(usize::MAX)));
    }

    fn width(&self) -> usize {
        match self.width {
            Some(Count::Fixed(w)) => w,
            _ => 0,
        }
    }

    fn precision(&self) -> Option<usize> {
        match self.precision {
            Some(Count::Fixed(p)) => Some(p),
            _ => None,
        }
    }
}

/// A piece of a `%` template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text copied as is (`%%` becomes a `"%"` literal).
    Literal(&'a str),
    Spec(PercentSpec<'a>),
}

/// Splits a `%` template into literals and conversions. `ValueError`:
/// "incomplete format", "incomplete format key", "width too big",
/// "precision too big", "unsupported format character 'y' (0x79) at index 1".
/// (CPython reports a bad conversion only when it reaches it with an
/// argument; this reports it up front.)
pub fn parse_percent_template(t: &str) -> NumResult<Vec<Piece<'_>>> {
    let b = t.as_bytes();
    let mut pieces = Vec::new();
    let mut lit_start = 0;
    let mut i = 0;
    let incomplete = || NumError::value("incomplete format");
    while i < b.len() {
        if b[i] != b'%' {
            i += 1;
            continue;
        }
        if i > lit_start {
            pieces.push(Piece::Literal(&t[lit_start..i]));
        }
        i += 1;
        if i == b.len() {
            return Err(incomplete());
        }
        if b[i] == b'%' {
            pieces.push(Piece::Literal(&t[i..i + 1]));
            i += 1;
            lit_start = i;
            continue;
        }
        let mut key = None;
        if b[i] == b'(' {
            let mut depth = 1;
            let mut j = i + 1;
            while j < b.len() && depth > 0 {
                match b[j] {
                    b'(' => depth += 1,
                    b')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(NumError::value("incomplete format key"));
            }
            key = Some(&t[i + 1..j - 1]);
            i = j;
        }
        let mut flags = PercentFlags::default();
        while i < b.len() {
            match b[i] {
                b'-' => flags.left = true,
                b'+' => flags.plus = true,
                b' ' => flags.space = true,
                b'#' => flags.alt = true,
                b'0' => flags.zero = true,
                _ => break,
            }
            i += 1;
        }
        let mut width = None;
        if b.get(i) == Some(&b'*') {
            width = Some(Count::Star);
            i += 1;
        } else if let Some(w) =
            parse_count(b, &mut i, isize::MAX as u64).map_err(|_| NumError::value("width too big"))?
        {
            width = Some(Count::Fixed(w));
        }
        let mut precision = None;
        if b.get(i) == Some(&b'.') {
            i += 1;
            if b.get(i) == Some(&b'*') {
                precision = Some(Count::Star);
                i += 1;
            } else {
                let p = parse_count(b, &mut i, i32::MAX as u64).map_err(|_| NumError::value("precision too big"))?;
                precision = Some(Count::Fixed(p.unwrap_or(0)));
            }
        }
        if matches!(b.get(i), Some(b'h' | b'l' | b'L')) {
            i += 1;
        }
        let Some(conv) = t[i..].chars().next() else { return Err(incomplete()) };
        if !"diuoxXeEfFgGcsrab".contains(conv) {
            let shown = if (31..=126).contains(&(conv as u32)) { conv } else { '?' };
            return Err(NumError::Value(
                format!(
                    "unsupported format character '{shown}' (0x{:x}) at index {}",
                    conv as u32,
                    t[..i].chars().count()
                )
                .into(),
            ));
        }
        pieces.push(Piece::Spec(PercentSpec { key, flags, width, precision, conv }));
        i += conv.len_utf8();
        lit_start = i;
    }
    if lit_start < b.len() {
        pieces.push(Piece::Literal(&t[lit_start..]));
    }
    Ok(pieces)
}

/// Pads `sign + prefix + body` per `%` flags: left-justified with spaces,
/// zero-filled after the sign and prefix, or right-justified with spaces.
fn percent_pad(spec: &PercentSpec<'_>, sign: &str, prefix: &str, body: &str) -> NumResult<String> {
    let width = spec.width();
    if width > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let len = sign.len() + prefix.len() + body.len();
    let padn = width.saturating_sub(len);
    let mut s = String::with_capacity(len + padn);
    if spec.flags.left {
        s.push_str(sign);
        s.push_str(prefix);
        s.push_str(body);
        push_fill(&mut s, ' ', padn);
    } else if spec.flags.zero {
        s.push_str(sign);
        s.push_str(prefix);
        push_fill(&mut s, '0', padn);
        s.push_str(body);
    } else {
        push_fill(&mut s, ' ', padn);
        s.push_str(sign);
        s.push_str(prefix);
        s.push_str(body);
    }
    Ok(s)
}

fn percent_sign(spec: &PercentSpec<'_>, neg: bool) -> &'static str {
    if neg {
        "-"
    } else if spec.flags.plus {
        "+"
    } else if spec.flags.space {
        " "
    } else {
        ""
    }
}

/// `'%d' % v` and friends for an int: `d i u o x X` (precision = minimum
/// digits), `e E f F g G` (converted to float: `OverflowError` "int too large
/// to convert to float"), `c` (`OverflowError` "%c arg not in
/// range(0x110000)"), and `s r a` (the decimal text).
pub fn percent_format_int(v: &IntValue, spec: &PercentSpec<'_>) -> NumResult<String> {
    percent_int_arg(v.into(), spec)
}

/// [`percent_format_int`] for an `i64`.
pub fn percent_format_i64(v: i64, spec: &PercentSpec<'_>) -> NumResult<String> {
    percent_int_arg(IntArg::Small(v), spec)
}

/// [`percent_format_int`] for a `BigInt`.
pub fn percent_format_bigint(v: &BigInt, spec: &PercentSpec<'_>) -> NumResult<String> {
    percent_int_arg(IntArg::Big(v), spec)
}

fn percent_int_arg(v: IntArg<'_>, spec: &PercentSpec<'_>) -> NumResult<String> {
    let (radix, upper, prefix) = match spec.conv {
        'd' | 'i' | 'u' => (10, false, ""),
        'o' => (8, false, "0o"),
        'x' => (16, false, "0x"),
        'X' => (16, true, "0X"),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => return percent_format_float(v.to_f64()?, spec),
        'c' => {
            let c = v.to_char()?;
            let mut buf = [0u8; 4];
            return percent_format_str(c.encode_utf8(&mut buf), spec);
        }
        _ => {
            let mut s = String::new();
            if v.is_negative() {
                s.push('-');
            }
            v.push_digits(&mut s, 10, false);
            return percent_format_str(&s, spec);
        }
    };
    let prec = spec.precision().unwrap_or(0);
    if prec > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let mut digits = String::with_capacity(24);
    v.push_digits(&mut digits, radix, upper);
    if digits.len() < prec {
        let mut z = String::with_capacity(prec);
        push_fill(&mut z, '0', prec - digits.len());
        z.push_str(&digits);
        digits = z;
    }
    let prefix = if spec.flags.alt { prefix } else { "" };
    percent_pad(spec, percent_sign(spec, v.is_negative()), prefix, &digits)
}

/// `'%f' % x` and friends for a float: `e E f F g G` (default precision 6;
/// `#` keeps the point and `g`'s zeros), `d i u` (truncated to an int), `s r a`
/// (the repr). `TypeError` for `o x X` ("%x format: an integer is required,
/// not float") and `c` ("%c requires int or char").
pub fn percent_format_float(x: f64, spec: &PercentSpec<'_>) -> NumResult<String> {
    let p = spec.precision().unwrap_or(6);
    let mut opts = BodyOpts { alt: spec.flags.alt, add_dot_0: false, upper: false };
    let mode = match spec.conv {
        c @ ('e' | 'E') => {
            opts.upper = c == 'E';
            Mode::Exp(p)
        }
        c @ ('f' | 'F') => {
            opts.upper = c == 'F';
            Mode::Fixed(p)
        }
        c @ ('g' | 'G') => {
            opts.upper = c == 'G';
            Mode::General(p)
        }
        'd' | 'i' | 'u' => return percent_format_int(&int::from_f64(x)?, spec),
        c @ ('o' | 'x' | 'X') => {
            return Err(NumError::Type(format!("%{c} format: an integer is required, not float").into()))
        }
        'c' => return Err(NumError::type_error("%c requires int or char")),
        _ => return percent_format_str(&float::float_repr(x), spec),
    };
    if p > MAX_FORMAT_LEN {
        return Err(NumError::Memory);
    }
    let (body, _, neg) = float_text(x, mode, opts, false, false);
    percent_pad(spec, percent_sign(spec, neg), "", &body)
}

/// `'%s' % v` (also `%r`, `%a`, `%c` once the VM has the text): precision
/// truncates `s r a` (in characters), width pads with spaces (`-` left-justifies).
pub fn percent_format_str(s: &str, spec: &PercentSpec<'_>) -> NumResult<String> {
    let max = if spec.conv == 'c' { None } else { spec.precision() };
    let (text, len) = truncate_chars(s, max);
    let align = if spec.flags.left { Align::Left } else { Align::Right };
    pad(text, len, spec.width(), ' ', align)
}

/// `percent_format_str` of text holding lone surrogates (generalized UTF-8).
pub fn percent_format_str_wtf8(b: &[u8], spec: &PercentSpec<'_>) -> NumResult<Vec<u8>> {
    let max = if spec.conv == 'c' { None } else { spec.precision() };
    let align = if spec.flags.left { Align::Left } else { Align::Right };
    pad_wtf8(b, max, spec.width(), ' ', align)
}

/// The character for `'%c' % v` with an int `v`. `OverflowError` "%c arg not in range(0x110000)".
pub fn percent_char_from_int(v: &IntValue) -> NumResult<char> {
    IntArg::from(v).to_char()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(s: &str) -> FormatSpec {
        FormatSpec::parse(s).unwrap()
    }

    fn fi(v: i64, s: &str) -> String {
        format_i64(v, &spec(s)).unwrap_or_else(|e| format!("ERR {}", e.message("int")))
    }

    fn fbig(v: &str, s: &str) -> String {
        format_bigint(&v.parse().unwrap(), &spec(s)).unwrap_or_else(|e| format!("ERR {}", e.message("int")))
    }

    fn ff(x: f64, s: &str) -> String {
        format_float(x, &spec(s)).unwrap_or_else(|e| format!("ERR {}", e.message("float")))
    }

    fn fs(x: &str, s: &str) -> String {
        format_str(x, &spec(s)).unwrap_or_else(|e| format!("ERR {}", e.message("str")))
    }

    fn perr(s: &str) -> String {
        match FormatSpec::parse(s) {
            Ok(f) => format!("OK {f:?}"),
            Err(e) => format!("ERR {}", e.message("int")),
        }
    }

    #[test]
    fn parse_spec() {
        let f = spec("*^+z#012,.3f");
        assert_eq!(f.fill, Some('*'));
        assert_eq!(f.align, Some(Align::Center));
        assert_eq!(f.sign, Some(SignMode::Plus));
        assert!(f.no_neg_zero && f.alternate && !f.zero_pad);
        assert_eq!(f.width, Some(12));
        assert_eq!(f.grouping, Some(Grouping::Comma));
        assert_eq!(f.precision, Some(3));
        assert_eq!(f.ty, Some('f'));
        let f = spec("010");
        assert!(f.zero_pad && f.fill.is_none());
        assert_eq!(f.width, Some(10));
        assert_eq!(spec("x<05").width, Some(5));
        assert!(!spec("x<05").zero_pad);
        assert!(spec("<05").zero_pad);
        assert_eq!(spec("").ty, None);
        assert_eq!(spec("\u{1F600}>5").fill, Some('\u{1F600}'));
        assert_eq!(spec("\u{1F600}").ty, Some('\u{1F600}'));
        assert_eq!(spec("<<").align, Some(Align::Left));
        assert_eq!(perr(",_"), "ERR Cannot specify both ',' and '_'.");
        assert_eq!(perr("_,"), "ERR Cannot specify both ',' and '_'.");
        assert_eq!(perr("."), "ERR Format specifier missing precision");
        assert_eq!(perr("10.x"), "ERR Format specifier missing precision");
        assert_eq!(perr("99999999999999999999"), "ERR Too many decimal digits in format string");
        assert_eq!(perr(".99999999999999999999"), "ERR Too many decimal digits in format string");
        assert_eq!(perr("1.2.3"), "ERR Invalid format specifier '1.2.3' for object of type 'int'");
        assert_eq!(perr("dd"), "ERR Invalid format specifier 'dd' for object of type 'int'");
        assert_eq!(perr("z+c"), "ERR Invalid format specifier 'z+c' for object of type 'int'");
    }

    #[test]
    fn ints() {
        let cases: &[(i64, &str, &str)] = &[
            (1234, "010,", "00,001,234"),
            (1234, "09,", "0,001,234"),
            (1234, "08,", "0,001,234"),
            (1234, "07,", "001,234"),
            (1234, "06,", "01,234"),
            (1234, "05,", "1,234"),
            (-1234, "08,", "-001,234"),
            (1234, "0=8,", "0,001,234"),
            (1234, "x<010,", "1,234xxxxx"),
            (1234, "=010,", "00,001,234"),
            (1234, "x=10,", "xxxxx1,234"),
            (0x12345, "#012_x", "0x0_0001_2345"),
            (0x12345, "#011_x", "0x0001_2345"),
            (0x12345, "_b", "1_0010_0011_0100_0101"),
            (1234, "_o", "2322"),
            (1234, "_", "1_234"),
            (1234, ",", "1,234"),
            (123, ",", "123"),
            (0, ",", "0"),
            (-5, "#x", "-0x5"),
            (-5, "#o", "-0o5"),
            (-5, "#b", "-0b101"),
            (255, "#X", "0XFF"),
            (255, "X", "FF"),
            (-5, "+", "-5"),
            (5, "+", "+5"),
            (5, " ", " 5"),
            (5, " 05", " 0005"),
            (5, "#010x", "0x00000005"),
            (5, "<#010x", "0x50000000"),
            (5, "^10", "    5     "),
            (5, "*^10", "****5*****"),
            (5, "\u{1F600}>5", "\u{1F600}\u{1F600}\u{1F600}\u{1F600}5"),
            (1, "<<", "1"),
            (65, "c", "A"),
            (65, "=5c", "    A"),
            (65, "05c", "0000A"),
            (65, "<05c", "A0000"),
            (0x1F600, "^5c", "  \u{1F600}  "),
            (1, "e", "1.000000e+00"),
            (123, "%", "12300.000000%"),
            (12345, ".2e", "1.23e+04"),
            (1234, "n", "1234"),
            (-1234, "010", "-000001234"),
            (i64::MIN, "", "-9223372036854775808"),
            (i64::MIN, "#x", "-0x8000000000000000"),
            (i64::MIN, ",", "-9,223,372,036,854,775,808"),
            (1234567, "+,d", "+1,234,567"),
            (5, "zf", "5.000000"),
            (-5, "-^7", "---5---"),
            (-5, "^7", "  -5   "),
            (-5, "=7", "-     5"),
            (42, "08b", "00101010"),
            (42, "#08b", "0b101010"),
        ];
        for &(v, s, want) in cases {
            assert_eq!(fi(v, s), want, "format({v}, {s:?})");
        }
        let errs: &[(i64, &str, &str)] = &[
            (1234, ",x", "Cannot specify ',' with 'x'."),
            (1234, "_n", "Cannot specify '_' with 'n'."),
            (1234, ",c", "Cannot specify ',' with 'c'."),
            (1234, ",s", "Cannot specify ',' with 's'."),
            (1, ",,", "Cannot specify ',' with ','."),
            (1, "__", "Cannot specify '_' with '_'."),
            (5, "s", "Unknown format code 's' for object of type 'int'"),
            (1, "{", "Unknown format code '{' for object of type 'int'"),
            (1, "\u{0}", "Unknown format code '\\x0' for object of type 'int'"),
            (1, "é", "Unknown format code '\\xe9' for object of type 'int'"),
            (1, ".2", "Precision not allowed in integer format specifier"),
            (1, ".2x", "Precision not allowed in integer format specifier"),
            (5, "+.2c", "Precision not allowed in integer format specifier"),
            (65, "+c", "Sign not allowed with integer format specifier 'c'"),
            (65, "#c", "Alternate form (#) not allowed with integer format specifier 'c'"),
            (-1, "c", "%c arg not in range(0x110000)"),
            (0x110000, "c", "%c arg not in range(0x110000)"),
            (5, "z", "Negative zero coercion (z) not allowed in integer format specifier"),
            (5, "+zc", "Negative zero coercion (z) not allowed in integer format specifier"),
            (5, "zx", "Negative zero coercion (z) not allowed in integer format specifier"),
            (5, ".2+", "Unknown format code '+' for object of type 'int'"),
            (5, ",é", "Cannot specify ',' with '\\xe9'."),
        ];
        for &(v, s, want) in errs {
            assert_eq!(fi(v, s), format!("ERR {want}"), "format({v}, {s:?})");
        }
        assert_eq!(fbig("-123456789012345678901234567890", ","), "-123,456,789,012,345,678,901,234,567,890");
        assert_eq!(fbig("340282366920938463463374607431768211455", "#_X"), "0XFFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF_FFFF");
        assert_eq!(fbig("18446744073709551616", "o"), "2000000000000000000000");
        assert_eq!(fbig("18446744073709551616", "e"), "1.844674e+19");
        assert_eq!(fbig(&"9".repeat(400), "e"), "ERR int too large to convert to float");
        assert_eq!(format_int(&IntValue::Small(7), &spec("03")).unwrap(), "007");
        assert_eq!(fi(1, "2000000000"), "ERR ");
    }

    #[test]
    fn floats() {
        let inf = f64::INFINITY;
        let nan = f64::NAN;
        let cases: &[(f64, &str, &str)] = &[
            (1.0, "", "1.0"),
            (1e20, "", "1e+20"),
            (1.5, ".3", "1.5"),
            (inf, "010", "0000000inf"),
            (-inf, "010", "-000000inf"),
            (nan, "+010", "+000000nan"),
            (-nan, "", "nan"),
            (-nan, "+", "+nan"),
            (1.0, ".3", "1.0"),
            (1234.0, ".3", "1.23e+03"),
            (100.0, ".3", "1e+02"),
            (1e5, ".3", "1e+05"),
            (1e16, "", "1e+16"),
            (1e15, "", "1000000000000000.0"),
            (1.0, "+", "+1.0"),
            (1.0, "#.0f", "1."),
            (1.0, "#g", "1.00000"),
            (1.0, "#.0e", "1.e+00"),
            (1.0, "#", "1.0"),
            (1.0, "#.3", "1.00"),
            (1e16, "#", "1.e+16"),
            (-0.0001, "z.2f", "0.00"),
            (-0.0, "z", "0.0"),
            (-0.0, "", "-0.0"),
            (-0.0, "z.1e", "0.0e+00"),
            (-0.0, "zg", "0"),
            (1234567.25, ",", "1,234,567.25"),
            (1234567.25, ",.2f", "1,234,567.25"),
            (1234567.25, "_e", "1.234567e+06"),
            (1234567.25, "015,.2f", "0,001,234,567.25"),
            (0.25, "%", "25.000000%"),
            (0.25, ".0%", "25%"),
            (1.5, "n", "1.5"),
            (1234567.0, "n", "1.23457e+06"),
            (0.0001, "g", "0.0001"),
            (0.00001, "g", "1e-05"),
            (123456.0, "g", "123456"),
            (1234567.0, "g", "1.23457e+06"),
            (1.0, ".0g", "1"),
            (1.0, "G", "1"),
            (1e-10, "G", "1E-10"),
            (inf, "F", "INF"),
            (nan, "E", "NAN"),
            (inf, "%", "inf%"),
            (1.0, "=+10", "+      1.0"),
            (1.0, "^10", "   1.0    "),
            (1.0, "0<10", "1.00000000"),
            (-1.0, "010", "-0000001.0"),
            (1.0, "x=+10", "+xxxxxx1.0"),
            (1.0, ".0f", "1"),
            (2.5, ".0f", "2"),
            (1e22, "f", "10000000000000000000000.000000"),
            (1.5, "e", "1.500000e+00"),
            (1e100, ".2e", "1.00e+100"),
            (12345.678, ".3n", "1.23e+04"),
            (inf, "010,", "0000000inf"),
            (inf, "09,", "000000inf"),
            (nan, "=+10,", "+      nan"),
            (1e300, "010,.0e", "0,001e+300"),
            (12.5, "010,e", "1.250000e+01"),
            (12.5, "_", "12.5"),
            (123456.5, "_", "123_456.5"),
            (1.5e20, ",", "1.5e+20"),
            (1.0, ".1", "1e+00"),
            (12.0, ".3", "12.0"),
            (1.0, "_%", "100.000000%"),
            (1234.5, "_%", "123_450.000000%"),
            (1e-5, "", "1e-05"),
            (1.5e-5, ".3", "1.5e-05"),
            (-1e-5, "+", "-1e-05"),
            (0.0, ".3", "0.0"),
            (0.0, "e", "0.000000e+00"),
            (-0.0, "g", "-0"),
            (123456789.0, ".3", "1.23e+08"),
            (5e-324, "", "5e-324"),
            (5e-324, ".3", "4.94e-324"),
            (0.1, ".17", "0.10000000000000001"),
            (0.1, ".17g", "0.10000000000000001"),
            (123.456, ".2f", "123.46"),
            (0.5, ".0f", "0"),
            (1.5, ".0f", "2"),
            (-1.5, ".0f", "-2"),
            (-0.5, ".0f", "-0"),
            (-0.5, "z.0f", "0"),
            (999.9999, ".2f", "1000.00"),
            (9.9999, ".3g", "10"),
            (9.9999e-5, ".3g", "0.0001"),
            (0.000099999, ".3", "0.0001"),
            (1e16, ".16", "1e+16"),
            (1e16, ".17", "1e+16"),
            (123.0, "#.0", "1.e+02"),
            (100.0, "#.3", "1.00e+02"),
            (1e-7, "#", "1.e-07"),
            (1.0, "z", "1.0"),
            (-1234.5, "+012,.1f", "-0,001,234.5"),
            (-0.0, "+z", "+0.0"),
            (-0.001, "z.1%", "-0.1%"),
            (-0.0001, "z.1%", "0.0%"),
            (1e300, ",.0f", "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160"),
            (0.1, ".60f", "0.100000000000000005551115123125782702118158340454101562500000"),
            (123.0, "", "123.0"),
            (1.5, ">8.3e", "1.500e+00"),
            (1.5, ">12.3e", "   1.500e+00"),
            (1e200, "g", "1e+200"),
            (1e-200, "E", "1.000000E-200"),
        ];
        for &(x, s, want) in cases {
            assert_eq!(ff(x, s), want, "format({x:e}, {s:?})");
        }
        let errs: &[(f64, &str, &str)] = &[
            (1.5, ",d", "Unknown format code 'd' for object of type 'float'"),
            (1.0, "d", "Unknown format code 'd' for object of type 'float'"),
            (1e300, "x", "Unknown format code 'x' for object of type 'float'"),
            (1.0, ",n", "Cannot specify ',' with 'n'."),
            (1.0, "_n", "Cannot specify '_' with 'n'."),
            (1.0, ".2147483648f", "precision too big"),
            (1.0, ",.2147483648f", "precision too big"),
            (1.0, "s", "Unknown format code 's' for object of type 'float'"),
        ];
        for &(x, s, want) in errs {
            assert_eq!(ff(x, s), format!("ERR {want}"), "format({x}, {s:?})");
        }
        assert_eq!(format_float(1.0, &spec(".2147483647f")), Err(NumError::Memory));
    }

    #[test]
    fn strings() {
        let cases: &[(&str, &str, &str)] = &[
            ("ab", "05", "ab000"),
            ("ab", "<05", "ab000"),
            ("ab", ".1", "a"),
            ("ab", "x^7.1", "xxxaxxx"),
            ("ab", "", "ab"),
            ("ab", "s", "ab"),
            ("ab", ">5", "   ab"),
            ("ab", "^5", " ab  "),
            ("ab", "^6", "  ab  "),
            ("héllo", ".2", "hé"),
            ("héllo", "*>7", "**héllo"),
            ("日本語", "_^7.2s", "__日本___"),
            ("ab", ".0", ""),
            ("ab", ".10", "ab"),
        ];
        for &(x, s, want) in cases {
            assert_eq!(fs(x, s), want, "format({x:?}, {s:?})");
        }
        let errs: &[(&str, &str)] = &[
            ("+", "Sign not allowed in string format specifier"),
            ("-", "Sign not allowed in string format specifier"),
            (" ", "Space not allowed in string format specifier"),
            ("= 5", "Space not allowed in string format specifier"),
            ("#", "Alternate form (#) not allowed in string format specifier"),
            ("=5", "'=' alignment not allowed in string format specifier"),
            ("z", "Negative zero coercion (z) not allowed in string format specifier"),
            ("+z#=", "Unknown format code '=' for object of type 'str'"),
            ("#=", "'=' alignment not allowed in string format specifier"),
            ("+=,", "Cannot specify ',' with 's'."),
            (",", "Cannot specify ',' with 's'."),
            (",d", "Unknown format code 'd' for object of type 'str'"),
            (",x", "Cannot specify ',' with 'x'."),
            ("d", "Unknown format code 'd' for object of type 'str'"),
        ];
        for &(s, want) in errs {
            assert_eq!(fs("ab", s), format!("ERR {want}"), "format('ab', {s:?})");
        }
        let ss = FormatSpec::parse("ss").unwrap_err();
        assert_eq!(ss.message("str"), "Invalid format specifier 'ss' for object of type 'str'");
    }

    #[test]
    fn grouping_helper() {
        assert_eq!(group_digits("1234", ',', 3, 0), "1,234");
        assert_eq!(group_digits("1234", ',', 3, 8), "0,001,234");
        assert_eq!(group_digits("1", ',', 3, 0), "1");
        assert_eq!(group_digits("123456", '_', 4, 0), "12_3456");
        assert_eq!(group_digits("", ',', 3, 3), "000");
        assert_eq!(group_digits("12", ',', 3, 4), "0,012");
    }

    fn pf(template: &str, arg: Arg) -> String {
        let pieces = match parse_percent_template(template) {
            Ok(p) => p,
            Err(e) => return format!("ERR {}", e.message("")),
        };
        let mut out = String::new();
        let mut stars = match &arg {
            Arg::Star(v, _) => v.clone(),
            _ => vec![],
        }
        .into_iter();
        for p in pieces {
            match p {
                Piece::Literal(s) => out.push_str(s),
                Piece::Spec(mut s) => {
                    if s.width == Some(Count::Star) {
                        s.set_star_width(stars.next().unwrap());
                    }
                    if s.precision == Some(Count::Star) {
                        s.set_star_precision(stars.next().unwrap());
                    }
                    let r = match &arg {
                        Arg::I(v) => percent_format_i64(*v, &s),
                        Arg::F(x) | Arg::Star(_, x) => percent_format_float(*x, &s),
                        Arg::S(t) => percent_format_str(t, &s),
                        Arg::Big(b) => percent_format_bigint(&b.parse().unwrap(), &s),
                        Arg::None => Ok(String::new()),
                    };
                    match r {
                        Ok(t) => out.push_str(&t),
                        Err(e) => return format!("ERR {}", e.message("")),
                    }
                }
            }
        }
        out
    }

    enum Arg {
        I(i64),
        F(f64),
        S(&'static str),
        Big(String),
        Star(Vec<i64>, f64),
        None,
    }

    #[test]
    fn percent() {
        use Arg::*;
        let inf = f64::INFINITY;
        let cases: Vec<(&str, Arg, &str)> = vec![
            ("%%", None, "%"),
            ("%s%%", S("1"), "1%"),
            ("a%%b%%", None, "a%b%"),
            ("%.5d", I(42), "00042"),
            ("%#.5x", I(42), "0x0002a"),
            ("%x", I(-42), "-2a"),
            ("%#o", I(42), "0o52"),
            ("%#X", I(255), "0XFF"),
            ("%c", I(65), "A"),
            ("%c", S("a"), "a"),
            ("%.0c", S("a"), "a"),
            ("%5c", S("a"), "    a"),
            ("%5c", I(0x1F600), "    \u{1F600}"),
            ("%c", I(-1), "ERR %c arg not in range(0x110000)"),
            ("%010.2f", F(-1.5), "-000001.50"),
            ("%010f", F(inf), "0000000inf"),
            ("%-010f", F(inf), "inf       "),
            ("%+f", F(-f64::NAN), "+nan"),
            ("%F", F(inf), "INF"),
            ("%e", F(1.5), "1.500000e+00"),
            ("%#.0e", F(1.5), "2.e+00"),
            ("%g", F(1e20), "1e+20"),
            ("%#g", F(1.0), "1.00000"),
            ("% d", I(5), " 5"),
            ("%+d", I(5), "+5"),
            ("%+ d", I(5), "+5"),
            ("% +d", I(5), "+5"),
            ("%-05d", I(5), "5    "),
            ("%05d", I(-5), "-0005"),
            ("%5.3s", S("abcdef"), "  abc"),
            ("%*d", Star(vec![5], 1.0), "    1"),
            ("%-*d", Star(vec![-5], 1.0), "1    "),
            ("%*d", Star(vec![-5], 1.0), "1    "),
            ("%.*f", Star(vec![2], 1.2345), "1.23"),
            ("%.*f", Star(vec![-2], 1.2345), "1"),
            ("%*.*f|", Star(vec![8, 3], 1.23456), "   1.235|"),
            ("%ld", I(5), "5"),
            ("%hd %Lf", I(5), "5 5.000000"),
            ("%10.3d", I(-5), "      -005"),
            ("%#5x", I(0), "  0x0"),
            ("%#x", I(0), "0x0"),
            ("%.0d", I(0), "0"),
            ("%.0x", I(0), "0"),
            ("%#.0o", I(0), "0o0"),
            ("%#d", I(5), "5"),
            ("%#f", I(1), "1.000000"),
            ("%.3g", F(100.0), "100"),
            ("%#.3g", F(100.0), "100."),
            ("%g", F(100.0), "100"),
            ("%.0f", F(0.5), "0"),
            ("%i %u", I(3), "3 3"),
            ("%05s", S("ab"), "   ab"),
            ("% s", S("ab"), "ab"),
            ("%+s", S("ab"), "ab"),
            ("%#s", S("ab"), "ab"),
            ("%.f", F(1.5), "2"),
            ("%.d", I(5), "5"),
            ("%5.s", S("ab"), "     "),
            ("%-#010x", I(255), "0xff      "),
            ("%0-10d", I(5), "5         "),
            ("%0 10d", I(5), " 000000005"),
            ("%d", F(3.7), "3"),
            ("%d", F(-3.7), "-3"),
            ("%x", F(3.7), "ERR %x format: an integer is required, not float"),
            ("%c", F(3.7), "ERR %c requires int or char"),
            ("%s", F(1.5), "1.5"),
            ("%r", F(1e16), "1e+16"),
            ("%s", I(-12), "-12"),
            ("%5r", I(12), "   12"),
            ("%f", Big("9".repeat(400)), "ERR int too large to convert to float"),
            ("%d", Big("-123456789012345678901234567890".into()), "-123456789012345678901234567890"),
            ("%#x", Big("-340282366920938463463374607431768211455".into()), "-0xffffffffffffffffffffffffffffffff"),
            ("%.3d", I(-5), "-005"),
            ("%+.3d", I(5), "+005"),
            ("%#.3o", I(8), "0o010"),
            ("%#o", I(0), "0o0"),
            ("%#X", I(-255), "-0XFF"),
            ("% 05.1f", F(2.25), " 02.2"),
            ("%+.0e", F(12345.0), "+1e+04"),
            ("%#.0f", F(0.5), "0."),
            ("%10.4s|", S("abcdef"), "      abcd|"),
            ("%-10.4s|", S("abcdef"), "abcd      |"),
            ("%e", F(-inf), "-inf"),
            ("%+g", F(f64::NAN), "+nan"),
            ("% g", F(inf), " inf"),
            ("%G", F(1e-10), "1E-10"),
            ("%.3G", F(f64::NAN), "NAN"),
            ("%.100f", F(0.1), "0.1000000000000000055511151231257827021181583404541015625000000000000000000000000000000000000000000000"),
            ("%.20e", F(0.1), "1.00000000000000005551e-01"),
            ("%.30g", F(0.1), "0.100000000000000005551115123126"),
            ("%g", F(0.0), "0"),
            ("%g", F(-0.0), "-0"),
            ("%.0e", F(0.0), "0e+00"),
            ("%(a)s-%(b(c))d", I(7), "7-7"),
            ("%.3s", S("日本語x"), "日本語"),
            ("%5.2s|", S("日本語"), "   日本|"),
        ];
        for (t, a, want) in cases {
            assert_eq!(pf(t, a), want, "{t:?}");
        }
        let errs: &[(&str, &str)] = &[
            ("%5%", "unsupported format character '%' (0x25) at index 2"),
            ("%-5%|", "unsupported format character '%' (0x25) at index 3"),
            ("%(a)%", "unsupported format character '%' (0x25) at index 4"),
            ("%.2%", "unsupported format character '%' (0x25) at index 3"),
            ("%", "incomplete format"),
            ("abc%", "incomplete format"),
            ("%(a", "incomplete format key"),
            ("%y", "unsupported format character 'y' (0x79) at index 1"),
            ("%é", "unsupported format character '?' (0xe9) at index 1"),
            ("é%é", "unsupported format character '?' (0xe9) at index 2"),
            ("%\u{1F600}", "unsupported format character '?' (0x1f600) at index 1"),
            ("%\u{0}", "unsupported format character '?' (0x0) at index 1"),
            ("%\u{1f}", "unsupported format character '\u{1f}' (0x1f) at index 1"),
            ("%\u{7f}", "unsupported format character '?' (0x7f) at index 1"),
            ("%~", "unsupported format character '~' (0x7e) at index 1"),
            ("%(a)", "incomplete format"),
            ("%-", "incomplete format"),
            ("%.", "incomplete format"),
            ("%5", "incomplete format"),
            ("%*", "incomplete format"),
            ("% ", "incomplete format"),
            ("%lld", "unsupported format character 'l' (0x6c) at index 2"),
            ("%99999999999999999999d", "width too big"),
            ("%.99999999999999999999d", "precision too big"),
            ("%.2147483648f", "precision too big"),
        ];
        for &(t, want) in errs {
            assert_eq!(pf(t, Arg::I(1)), format!("ERR {want}"), "{t:?}");
        }
        let p = parse_percent_template("x%(k)-+ #012.3ly").unwrap_err();
        assert_eq!(p.message(""), "unsupported format character 'y' (0x79) at index 15");
        let p = parse_percent_template("x%(k)-+ #012.3lf z").unwrap();
        assert_eq!(
            p,
            vec![
                Piece::Literal("x"),
                Piece::Spec(PercentSpec {
                    key: Some("k"),
                    flags: PercentFlags { left: true, plus: true, space: true, alt: true, zero: true },
                    width: Some(Count::Fixed(12)),
                    precision: Some(Count::Fixed(3)),
                    conv: 'f',
                }),
                Piece::Literal(" z"),
            ]
        );
        assert_eq!(percent_char_from_int(&IntValue::Small(0x10FFFF)), Ok('\u{10FFFF}'));
        assert_eq!(
            percent_char_from_int(&IntValue::Small(0x110000)),
            Err(NumError::Overflow("%c arg not in range(0x110000)"))
        );
    }
}
