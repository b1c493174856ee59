//! Text that may hold lone surrogates (U+D800..U+DFFF).
//!
//! A Python `str` is a sequence of code points, and surrogates are code points
//! like any other (`chr(0xd800)`, `'\ud800'`, `b'\xff'.decode('utf-8',
//! 'surrogateescape')`). Rust's `str` can't hold them, so such text is kept as
//! *generalized UTF-8*: every code point, surrogates included, encoded on its
//! own in UTF-8's scheme, so a surrogate is the three bytes `ED A0..BF 80..BF`.
//! (This is WTF-8's byte form, except that a high surrogate followed by a low
//! one stays two 3-byte sequences: Python never pairs them, `'\ud83d' +
//! '\ude00'` is two characters.)
//!
//! Text without surrogates is plain UTF-8, and each code point has exactly one
//! encoding, so comparing bytes compares texts (equality and code point order
//! both), counting non-continuation bytes counts characters, and a match of one
//! text's bytes in another's falls on character boundaries.

/// Is `b` (generalized UTF-8) holding a lone surrogate?
#[inline]
pub fn has_surrogates(b: &[u8]) -> bool {
    // Valid UTF-8 never has `ED` followed by a byte above `9F`.
    let mut rest = b;
    while let Some(i) = rest.iter().position(|&x| x == 0xED) {
        if rest.get(i + 1).is_some_and(|&x| x >= 0xA0) {
            return true;
        }
        rest = &rest[i + 1..];
    }
    false
}

/// Is `cp` a surrogate code point?
#[inline]
pub fn is_surrogate(cp: u32) -> bool {
    (0xD800..0xE000).contains(&cp)
}

/// Append code point `cp` (at most `0x10FFFF`, surrogates allowed) to `out`.
#[inline]
pub fn push_code_point(out: &mut Vec<u8>, cp: u32) {
    debug_assert!(cp <= 0x10FFFF);
    if cp < 0x80 {
        out.push(cp as u8);
    } else if cp < 0x800 {
        out.extend_from_slice(&[0xC0 | (cp >> 6) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else if cp < 0x10000 {
        out.extend_from_slice(&[0xE0 | (cp >> 12) as u8, 0x80 | ((cp >> 6) & 0x3F) as u8, 0x80 | (cp & 0x3F) as u8]);
    } else {
        out.extend_from_slice(&[
            0xF0 | (cp >> 18) as u8,
            0x80 | ((cp >> 12) & 0x3F) as u8,
            0x80 | ((cp >> 6) & 0x3F) as u8,
            0x80 | (cp & 0x3F) as u8,
        ]);
    }
}

/// Bytes taken by the character whose first byte is `lead`.
#[inline]
pub fn char_width(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// The code point starting at byte `i` of well-formed generalized UTF-8 `b`, and its width.
#[inline]
pub fn code_point_at(b: &[u8], i: usize) -> (u32, usize) {
    let lead = b[i];
    let w = char_width(lead);
    let cont = |k: usize| u32::from(b.get(i + k).copied().unwrap_or(0x80) & 0x3F);
    let cp = match w {
        1 => u32::from(lead),
        2 => (u32::from(lead & 0x1F) << 6) | cont(1),
        3 => (u32::from(lead & 0x0F) << 12) | (cont(1) << 6) | cont(2),
        _ => (u32::from(lead & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3),
    };
    (cp, w)
}

/// The code points of well-formed generalized UTF-8 `b`, with their byte offsets.
pub fn code_points(b: &[u8]) -> impl DoubleEndedIterator<Item = (usize, u32)> + '_ {
    b.iter().enumerate().filter(|&(_, &x)| (x as i8) >= -0x40).map(move |(i, _)| (i, code_point_at(b, i).0))
}

/// Is `b` well-formed generalized UTF-8 (UTF-8 whose only extension is
/// surrogates encoded on their own)?
pub fn is_well_formed(b: &[u8]) -> bool {
    let mut rest = b;
    loop {
        match std::str::from_utf8(rest) {
            Ok(_) => return true,
            Err(e) => match rest[e.valid_up_to()..] {
                [0xED, 0xA0..=0xBF, 0x80..=0xBF, ..] => rest = &rest[e.valid_up_to() + 3..],
                _ => return false,
            },
        }
    }
}

/// Characters in generalized UTF-8 (its non-continuation bytes).
#[inline]
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x as i8) >= -0x40).count()
}

/// The first match of `needle` in `hay` (both generalized UTF-8), as a byte offset.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let Some((&first, rest)) = needle.split_first() else { return Some(0) };
    let mut from = 0;
    while from + needle.len() <= hay.len() {
        let i = from + hay[from..=hay.len() - needle.len()].iter().position(|&b| b == first)?;
        if hay[i + 1..i + needle.len()] == *rest {
            return Some(i);
        }
        from = i + 1;
    }
    None
}

/// Text being built that may come to hold lone surrogates: a `String` as long
/// as only `str`s, `char`s and code points outside the surrogate range go in,
/// generalized UTF-8 bytes once a surrogate or raw generalized UTF-8 does.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wtf8Buf(Repr);

#[derive(Clone, Debug, PartialEq, Eq)]
enum Repr {
    Utf8(String),
    Wtf8(Vec<u8>),
}

impl Default for Wtf8Buf {
    fn default() -> Wtf8Buf {
        Wtf8Buf(Repr::Utf8(String::new()))
    }
}

impl Wtf8Buf {
    #[inline]
    pub fn new() -> Wtf8Buf {
        Wtf8Buf::default()
    }

    #[inline]
    pub fn with_capacity(n: usize) -> Wtf8Buf {
        Wtf8Buf(Repr::Utf8(String::with_capacity(n)))
    }

    /// Append generalized UTF-8, switching to bytes.
    #[inline]
    fn extend_wtf8(&mut self, b: &[u8]) {
        match &mut self.0 {
            Repr::Wtf8(v) => v.extend_from_slice(b),
            Repr::Utf8(s) => {
                let mut v = std::mem::take(s).into_bytes();
                v.extend_from_slice(b);
                self.0 = Repr::Wtf8(v);
            }
        }
    }

    #[inline]
    pub fn push_str(&mut self, s: &str) {
        match &mut self.0 {
            Repr::Utf8(t) => t.push_str(s),
            Repr::Wtf8(b) => b.extend_from_slice(s.as_bytes()),
        }
    }

    #[inline]
    pub fn push(&mut self, c: char) {
        match &mut self.0 {
            Repr::Utf8(t) => t.push(c),
            Repr::Wtf8(b) => b.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }

    /// Append code point `cp` (at most `0x10FFFF`; a surrogate is kept as one).
    #[inline]
    pub fn push_code_point(&mut self, cp: u32) {
        match char::from_u32(cp) {
            Some(c) => self.push(c),
            None => {
                let mut b = Vec::with_capacity(3);
                push_code_point(&mut b, cp);
                self.extend_wtf8(&b);
            }
        }
    }

    /// Append generalized UTF-8 `b` (which may or may not hold surrogates).
    #[inline]
    pub fn push_wtf8(&mut self, b: &[u8]) {
        self.extend_wtf8(b);
    }

    /// Append another buffer's text.
    #[inline]
    pub fn push_buf(&mut self, other: &Wtf8Buf) {
        match &other.0 {
            Repr::Utf8(s) => self.push_str(s),
            Repr::Wtf8(b) => self.push_wtf8(b),
        }
    }

    /// The text so far as a `String` to write to, while it holds only UTF-8.
    #[inline]
    pub fn as_mut_string(&mut self) -> Option<&mut String> {
        match &mut self.0 {
            Repr::Utf8(s) => Some(s),
            Repr::Wtf8(_) => None,
        }
    }

    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        match &self.0 {
            Repr::Utf8(s) => s.as_bytes(),
            Repr::Wtf8(b) => b,
        }
    }

    #[inline]
    pub fn len(&self) -> usize {
        self.as_bytes().len()
    }

    #[inline]
    pub fn is_empty(&self) -> bool {
        self.as_bytes().is_empty()
    }

    /// False when the text is known to be UTF-8 (no surrogate or raw
    /// generalized UTF-8 went in).
    #[inline]
    pub fn may_have_surrogates(&self) -> bool {
        matches!(self.0, Repr::Wtf8(_))
    }

    /// Make room for `n` more bytes, or `Err` when the allocator can't.
    #[inline]
    pub fn try_reserve(&mut self, n: usize) -> Result<(), std::collections::TryReserveError> {
        match &mut self.0 {
            Repr::Utf8(s) => s.try_reserve(n),
            Repr::Wtf8(b) => b.try_reserve(n),
        }
    }

    /// The text as a `String` when it is UTF-8 (holds no surrogate), else its
    /// bytes. (Only text that took raw generalized UTF-8 is checked.)
    #[inline]
    pub fn into_string(self) -> Result<String, Vec<u8>> {
        match self.0 {
            Repr::Utf8(s) => Ok(s),
            Repr::Wtf8(b) => String::from_utf8(b).map_err(|e| e.into_bytes()),
        }
    }
}

impl From<&str> for Wtf8Buf {
    #[inline]
    fn from(s: &str) -> Wtf8Buf {
        Wtf8Buf(Repr::Utf8(s.to_owned()))
    }
}

impl From<String> for Wtf8Buf {
    #[inline]
    fn from(s: String) -> Wtf8Buf {
        Wtf8Buf(Repr::Utf8(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn enc(cps: &[u32]) -> Vec<u8> {
        let mut v = Vec::new();
        for &c in cps {
            push_code_point(&mut v, c);
        }
        v
    }

    #[test]
    fn code_points_match_utf8_outside_surrogates() {
        for cp in [0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000, 0x10FFFF] {
            let c = char::from_u32(cp).unwrap();
            assert_eq!(enc(&[cp]), c.to_string().into_bytes());
            assert!(!has_surrogates(&enc(&[cp])));
        }
    }

    #[test]
    fn surrogates_round_trip_and_keep_order() {
        let b = enc(&[0x61, 0xD800, 0xDFFF, 0x1F600]);
        assert_eq!(&b[1..4], &[0xED, 0xA0, 0x80]);
        assert!(has_surrogates(&b));
        assert_eq!(count_chars(&b), 4);
        let cps: Vec<u32> = code_points(&b).map(|(_, c)| c).collect();
        assert_eq!(cps, [0x61, 0xD800, 0xDFFF, 0x1F600]);
        // Byte order is code point order across the surrogate range.
        assert!(enc(&[0xD7FF]) < enc(&[0xD800]) && enc(&[0xDFFF]) < enc(&[0xE000]));
        // A pair stays two characters.
        assert_eq!(count_chars(&enc(&[0xD83D, 0xDE00])), 2);
    }

    #[test]
    fn find_bytes() {
        let hay = enc(&[0x61, 0xD800, 0x62, 0xD800]);
        assert_eq!(find(&hay, &enc(&[0xD800])), Some(1));
        assert_eq!(find(&hay, &enc(&[0xD800, 0x62])), Some(1));
        assert_eq!(find(&hay, &enc(&[0x62, 0xD800])), Some(4));
        assert_eq!(find(&hay, &enc(&[0xDC00])), None);
        assert_eq!(find(&hay, b""), Some(0));
        assert_eq!(find(b"", b"a"), None);
    }

    #[test]
    fn buffer_tracks_surrogates() {
        let mut w = Wtf8Buf::new();
        w.push_str("ab");
        w.push('é');
        assert_eq!(w.clone().into_string().unwrap(), "abé");
        assert!(!w.may_have_surrogates());
        w.push_code_point(0x10000);
        assert!(w.as_mut_string().is_some());
        w.push_code_point(0xDC80);
        assert!(w.may_have_surrogates() && w.as_mut_string().is_none());
        w.push_str("z");
        assert_eq!(w.into_string().unwrap_err().len(), 2 + 2 + 4 + 3 + 1);
        // Raw bytes without a surrogate are UTF-8 after all.
        let mut w = Wtf8Buf::new();
        w.push_wtf8("é".as_bytes());
        assert_eq!(w.into_string().unwrap(), "é");
    }
}
