//! `Node` tree → program for the backtracking matcher (`exec.rs`).

use super::parse::{Assert, Class, Node, SetSpec, INF};

/// A single-character matcher (what `Single` repeats).
#[derive(Copy, Clone, Debug)]
pub enum Item {
    Char(u32),
    /// Case-insensitive: the case-folded character.
    CharI(u32),
    /// Any character but a newline.
    Any,
    /// Any character at all (DOTALL).
    AnyAll,
    Set(u32),
}

#[derive(Clone, Debug)]
pub enum Inst {
    One(Item),
    /// A case-sensitive literal run of bytes (UTF-8 for str patterns).
    Lit(Box<[u8]>),
    Assert(Assert),
    /// Try `.0` first, then `.1`.
    Split(u32, u32),
    Jmp(u32),
    Save(u32),
    /// Start a counted loop: its count register is zeroed (restorably).
    RepeatInit {
        reg: u32,
    },
    /// Decide whether to run the body (at pc + 1) once more or leave for `exit`.
    RepeatLoop {
        reg: u32,
        min: u32,
        max: u32,
        greedy: bool,
        exit: u32,
        nullable: bool,
    },
    /// After the body: count one more iteration, back to the `RepeatLoop` at `lp`.
    RepeatNext {
        reg: u32,
        lp: u32,
    },
    /// `item{min,max}` for a single-character item, without per-character states.
    Single {
        item: Item,
        min: u32,
        max: u32,
        greedy: bool,
    },
    Backref {
        group: u32,
        icase: bool,
    },
    /// A lookaround whose body starts at pc + 1 and ends with `LookEnd`; `next` follows it.
    Look {
        behind: bool,
        negated: bool,
        width: u32,
        next: u32,
    },
    LookEnd,
    Match,
}

/// A compiled character set: a bitmap for ASCII, and ranges/classes beyond.
#[derive(Clone, Debug)]
pub struct CharSet {
    pub ascii: [u64; 2],
    pub ranges: Vec<(u32, u32)>,
    pub classes: Vec<Class>,
    pub negated: bool,
    pub icase: bool,
    pub ascii_classes: bool,
}

pub struct Program {
    pub insts: Vec<Inst>,
    pub sets: Vec<CharSet>,
    /// Counted loops (each has a count and an iteration-start register).
    pub nregs: usize,
    pub has_backrefs: bool,
    /// The bytes a match can start with (see `first_bytes`).
    pub first: Option<Box<[bool; 256]>>,
}

/// Fold a character for case-insensitive comparison (simple one-to-one folding).
#[inline]
pub fn fold(c: u32) -> u32 {
    if c < 128 {
        return (c as u8).to_ascii_lowercase() as u32;
    }
    match char::from_u32(c) {
        Some(ch) => {
            let mut l = ch.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

fn upper(c: u32) -> u32 {
    match char::from_u32(c) {
        Some(ch) => {
            let mut u = ch.to_uppercase();
            match (u.next(), u.next()) {
                (Some(x), None) => x as u32,
                _ => c,
            }
        }
        None => c,
    }
}

pub fn is_word(c: u32, ascii: bool) -> bool {
    if c < 128 {
        let b = c as u8;
        return b.is_ascii_alphanumeric() || b == b'_';
    }
    if ascii {
        return false;
    }
    match char::from_u32(c) {
        Some(ch) => {
            crate::obj::str_tables::in_table(crate::obj::str_tables::ALPHA, ch)
                || crate::obj::str_tables::in_table(crate::obj::str_tables::NUMERIC, ch)
        }
        None => false,
    }
}

pub fn is_digit(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return (c as u8).is_ascii_digit();
    }
    !ascii && char::from_u32(c).is_some_and(|ch| crate::obj::str_tables::in_table(crate::obj::str_tables::DECIMAL, ch))
}

pub fn is_space(c: u32, ascii: bool) -> bool {
    if c < 128 {
        return matches!(c as u8, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) || (!ascii && (0x1c..=0x1f).contains(&c));
    }
    !ascii && char::from_u32(c).is_some_and(crate::obj::str::py_isspace)
}

fn class_has(k: Class, c: u32, ascii: bool) -> bool {
    match k {
        Class::Digit => is_digit(c, ascii),
        Class::NotDigit => !is_digit(c, ascii),
        Class::Word => is_word(c, ascii),
        Class::NotWord => !is_word(c, ascii),
        Class::Space => is_space(c, ascii),
        Class::NotSpace => !is_space(c, ascii),
    }
}

impl CharSet {
    fn raw_contains(&self, c: u32) -> bool {
        self.ranges.iter().any(|&(lo, hi)| lo <= c && c <= hi)
            || self.classes.iter().any(|&k| class_has(k, c, self.ascii_classes))
    }

    fn contains_slow(&self, c: u32) -> bool {
        let mut r = self.raw_contains(c);
        if !r && self.icase {
            let f = fold(c);
            let u = upper(c);
            r = (f != c && self.raw_contains(f)) || (u != c && self.raw_contains(u));
            if !r {
                // A range given in one case covering the other (`[A-Z]` against 'q').
                r = self.ranges.iter().any(|&(lo, hi)| hi - lo < 512 && (lo..=hi).any(|x| fold(x) == f));
            }
        }
        r != self.negated
    }

    #[inline]
    pub fn contains(&self, c: u32) -> bool {
        if c < 128 {
            return self.ascii[(c >> 6) as usize] & (1u64 << (c & 63)) != 0;
        }
        self.contains_slow(c)
    }

    fn from_spec(s: &SetSpec) -> CharSet {
        let mut cs = CharSet {
            ascii: [0, 0],
            ranges: s.ranges.clone(),
            classes: s.classes.clone(),
            negated: s.negated,
            icase: s.icase,
            ascii_classes: s.ascii,
        };
        for c in 0..128u32 {
            if cs.contains_slow(c) {
                cs.ascii[(c >> 6) as usize] |= 1u64 << (c & 63);
            }
        }
        cs
    }
}

/// Width in characters of a pattern that always matches the same number of them.
pub fn fixed_width(n: &Node) -> Option<u32> {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => Some(0),
        Node::Char { .. } | Node::Any { .. } | Node::Set(_) => Some(1),
        Node::Group { node, .. } => fixed_width(node),
        Node::Concat(v) => v.iter().try_fold(0u32, |acc, x| fixed_width(x).and_then(|w| acc.checked_add(w))),
        Node::Alt(v) => {
            let w = fixed_width(v.first()?)?;
            v.iter().all(|x| fixed_width(x) == Some(w)).then_some(w)
        }
        Node::Repeat { node, min, max, .. } if min == max => fixed_width(node).and_then(|w| w.checked_mul(*min)),
        Node::Repeat { .. } | Node::Backref { .. } => None,
    }
}

/// Can the pattern match the empty string?
pub fn nullable(n: &Node) -> bool {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } | Node::Backref { .. } => true,
        Node::Char { .. } | Node::Any { .. } | Node::Set(_) => false,
        Node::Group { node, .. } => nullable(node),
        Node::Concat(v) => v.iter().all(nullable),
        Node::Alt(v) => v.iter().any(nullable),
        Node::Repeat { node, min, .. } => *min == 0 || nullable(node),
    }
}

struct Compiler {
    insts: Vec<Inst>,
    sets: Vec<CharSet>,
    nregs: usize,
    bytes: bool,
    has_backrefs: bool,
}

pub const MAX_PROGRAM: usize = 1 << 22;

impl Compiler {
    fn pc(&self) -> u32 {
        self.insts.len() as u32
    }

    fn emit(&mut self, i: Inst) -> Result<u32, String> {
        if self.insts.len() >= MAX_PROGRAM {
            return Err("pattern too large".into());
        }
        self.insts.push(i);
        Ok(self.pc() - 1)
    }

    fn item(&mut self, n: &Node) -> Option<Item> {
        match n {
            Node::Char { c, icase } => {
                Some(if *icase && (fold(*c) != *c || upper(*c) != *c) { Item::CharI(fold(*c)) } else { Item::Char(*c) })
            }
            Node::Any { dotall } => Some(if *dotall { Item::AnyAll } else { Item::Any }),
            Node::Set(spec) => {
                let cs = CharSet::from_spec(spec);
                self.sets.push(cs);
                Some(Item::Set(self.sets.len() as u32 - 1))
            }
            _ => None,
        }
    }

    fn encode(&self, c: u32, out: &mut Vec<u8>) {
        if self.bytes {
            out.push(c as u8);
        } else if c <= 0x10ffff {
            // (Str subjects are generalized UTF-8: a lone surrogate is its 3 bytes.)
            krait_syntax::wtf8::push_code_point(out, c);
        }
    }

    fn node(&mut self, n: &Node) -> Result<(), String> {
        match n {
            Node::Empty => Ok(()),
            Node::Char { .. } | Node::Any { .. } | Node::Set(_) => {
                if let Some(it) = self.item(n) {
                    self.emit(Inst::One(it))?;
                }
                Ok(())
            }
            Node::Assert(a) => self.emit(Inst::Assert(*a)).map(|_| ()),
            Node::Group { index, node } => {
                if let Some(i) = index {
                    self.emit(Inst::Save(2 * *i as u32))?;
                    self.node(node)?;
                    self.emit(Inst::Save(2 * *i as u32 + 1))?;
                    Ok(())
                } else {
                    self.node(node)
                }
            }
            Node::Concat(items) => {
                let mut i = 0;
                while i < items.len() {
                    // Runs of case-sensitive characters become one literal.
                    let mut run = Vec::new();
                    let mut j = i;
                    while let Some(Node::Char { c, icase }) = items.get(j) {
                        if *icase && (fold(*c) != *c || upper(*c) != *c) {
                            break;
                        }
                        self.encode(*c, &mut run);
                        j += 1;
                    }
                    if j - i >= 2 {
                        self.emit(Inst::Lit(run.into_boxed_slice()))?;
                        i = j;
                        continue;
                    }
                    self.node(&items[i])?;
                    i += 1;
                }
                Ok(())
            }
            Node::Alt(alts) => {
                let mut jumps = Vec::new();
                for (k, a) in alts.iter().enumerate() {
                    if k + 1 < alts.len() {
                        let split = self.emit(Inst::Split(0, 0))?;
                        self.node(a)?;
                        jumps.push(self.emit(Inst::Jmp(0))?);
                        let next = self.pc();
                        self.insts[split as usize] = Inst::Split(split + 1, next);
                    } else {
                        self.node(a)?;
                    }
                }
                let end = self.pc();
                for j in jumps {
                    self.insts[j as usize] = Inst::Jmp(end);
                }
                Ok(())
            }
            Node::Repeat { node, min, max, greedy } => self.repeat(node, *min, *max, *greedy),
            Node::Backref { group, icase } => {
                self.has_backrefs = true;
                self.emit(Inst::Backref { group: *group as u32, icase: *icase }).map(|_| ())
            }
            Node::Look { behind, negated, node } => {
                let width = if *behind { fixed_width(node).unwrap_or(0) } else { 0 };
                let at = self.emit(Inst::Look { behind: *behind, negated: *negated, width, next: 0 })?;
                self.node(node)?;
                self.emit(Inst::LookEnd)?;
                let next = self.pc();
                self.insts[at as usize] = Inst::Look { behind: *behind, negated: *negated, width, next };
                Ok(())
            }
        }
    }

    fn repeat(&mut self, node: &Node, min: u32, max: u32, greedy: bool) -> Result<(), String> {
        if max == 0 {
            return Ok(());
        }
        if min == 1 && max == 1 {
            return self.node(node);
        }
        if let Some(item) = self.item(node) {
            self.emit(Inst::Single { item, min, max, greedy })?;
            return Ok(());
        }
        let null = nullable(node);
        if min == 0 && max == 1 {
            let split = self.emit(Inst::Split(0, 0))?;
            self.node(node)?;
            let exit = self.pc();
            self.insts[split as usize] =
                if greedy { Inst::Split(split + 1, exit) } else { Inst::Split(exit, split + 1) };
            return Ok(());
        }
        if !null && max == INF && min <= 1 {
            if min == 0 {
                // L: split(body, exit); body; jmp L
                let l = self.emit(Inst::Split(0, 0))?;
                self.node(node)?;
                self.emit(Inst::Jmp(l))?;
                let exit = self.pc();
                self.insts[l as usize] = if greedy { Inst::Split(l + 1, exit) } else { Inst::Split(exit, l + 1) };
            } else {
                // L: body; split(L, exit)
                let l = self.pc();
                self.node(node)?;
                let s = self.pc();
                let exit = s + 1;
                self.emit(if greedy { Inst::Split(l, exit) } else { Inst::Split(exit, l) })?;
            }
            return Ok(());
        }
        let reg = self.nregs as u32;
        self.nregs += 1;
        self.emit(Inst::RepeatInit { reg })?;
        let lp = self.emit(Inst::RepeatLoop { reg, min, max, greedy, exit: 0, nullable: null })?;
        self.node(node)?;
        self.emit(Inst::RepeatNext { reg, lp })?;
        let exit = self.pc();
        self.insts[lp as usize] = Inst::RepeatLoop { reg, min, max, greedy, exit, nullable: null };
        Ok(())
    }
}

/// Compile a parsed pattern: the whole match is group 0.
pub fn compile(node: &Node, bytes: bool) -> Result<Program, String> {
    let mut c = Compiler { insts: Vec::new(), sets: Vec::new(), nregs: 0, bytes, has_backrefs: false };
    c.emit(Inst::Save(0))?;
    c.node(node)?;
    c.emit(Inst::Save(1))?;
    c.emit(Inst::Match)?;
    let first = first_bytes(node, bytes);
    Ok(Program { insts: c.insts, sets: c.sets, nregs: c.nregs, has_backrefs: c.has_backrefs, first })
}

/// A literal every match must start with (to skip ahead while searching).
pub fn literal_prefix(n: &Node, bytes: bool) -> Vec<u8> {
    let mut out = Vec::new();
    prefix_into(n, bytes, &mut out);
    out
}

fn prefix_into(n: &Node, bytes: bool, out: &mut Vec<u8>) -> bool {
    // Returns true when the whole node was literal (so the prefix may continue).
    match n {
        Node::Char { c, icase } => {
            if *icase && (fold(*c) != *c || upper(*c) != *c) {
                return false;
            }
            if bytes {
                out.push(*c as u8);
            } else if *c <= 0x10ffff {
                krait_syntax::wtf8::push_code_point(out, *c);
            } else {
                return false;
            }
            true
        }
        Node::Group { node, .. } => prefix_into(node, bytes, out),
        Node::Concat(items) => {
            for it in items {
                if !prefix_into(it, bytes, out) {
                    return false;
                }
            }
            true
        }
        Node::Repeat { node, min, max, .. } if *min >= 1 => {
            let all = prefix_into(node, bytes, out);
            all && min == max && *min == 1
        }
        _ => false,
    }
}

/// Does every match have to start at the beginning of the string (`\A`, or `^`
/// without MULTILINE)?
pub fn anchored_start(n: &Node) -> bool {
    match n {
        Node::Assert(Assert::Start) | Node::Assert(Assert::Bol { multiline: false }) => true,
        Node::Group { node, .. } => anchored_start(node),
        Node::Concat(items) => items.first().is_some_and(anchored_start),
        Node::Alt(alts) => alts.iter().all(anchored_start),
        _ => false,
    }
}

/// The bytes a match can start with, when that is a proper subset of all bytes
/// (the pattern can't match the empty string), to skip impossible start positions.
pub fn first_bytes(n: &Node, bytes: bool) -> Option<Box<[bool; 256]>> {
    let mut set = Box::new([false; 256]);
    if !first_into(n, bytes, &mut set)? {
        return None;
    }
    if !bytes {
        // Matches start on character boundaries: never at a continuation byte.
        for slot in &mut set[0x80..0xc0] {
            *slot = false;
        }
    }
    if set.iter().all(|&b| b) {
        return None;
    }
    Some(set)
}

fn add_char(c: u32, icase: bool, bytes: bool, set: &mut [bool; 256]) -> Option<()> {
    if bytes || c < 0x80 {
        let b = (c & 0xff) as u8;
        set[b as usize] = true;
        if icase {
            set[b.to_ascii_lowercase() as usize] = true;
            set[b.to_ascii_uppercase() as usize] = true;
            if !bytes && (b == b'k' || b == b'K' || b == b's' || b == b'S') {
                // Kelvin sign and long s fold to ASCII letters.
                set[0xe2] = true;
                set[0xc5] = true;
            }
        }
        return Some(());
    }
    if icase {
        return None;
    }
    if c > 0x10ffff {
        return None;
    }
    let mut buf = Vec::with_capacity(4);
    krait_syntax::wtf8::push_code_point(&mut buf, c);
    set[buf[0] as usize] = true;
    Some(())
}

/// Add the possible first bytes of `n` to `set`; `Some(true)` when `n` can't match
/// empty (so what follows it can't start a match), `None` when unknown.
fn first_into(n: &Node, bytes: bool, set: &mut [bool; 256]) -> Option<bool> {
    match n {
        Node::Empty | Node::Assert(_) | Node::Look { .. } => Some(false),
        Node::Char { c, icase } => add_char(*c, *icase, bytes, set).map(|_| true),
        Node::Any { dotall } => {
            for (i, slot) in set.iter_mut().enumerate() {
                if *dotall || i != b'\n' as usize {
                    *slot = true;
                }
            }
            Some(true)
        }
        Node::Set(spec) => {
            let cs = CharSet::from_spec(spec);
            for c in 0..128u32 {
                if cs.contains(c) {
                    set[c as usize] = true;
                }
            }
            if bytes {
                for c in 128..256u32 {
                    if cs.contains(c) {
                        set[c as usize] = true;
                    }
                }
            } else {
                // Any non-ASCII character may be in it: every lead byte.
                for slot in set.iter_mut().skip(0xc0) {
                    *slot = true;
                }
            }
            Some(true)
        }
        Node::Group { node, .. } => first_into(node, bytes, set),
        Node::Concat(items) => {
            for it in items {
                if first_into(it, bytes, set)? {
                    return Some(true);
                }
            }
            Some(false)
        }
        Node::Alt(alts) => {
            let mut all = true;
            for a in alts {
                all &= first_into(a, bytes, set)?;
            }
            Some(all)
        }
        Node::Repeat { node, min, .. } => {
            let solid = first_into(node, bytes, set)?;
            Some(solid && *min > 0)
        }
        Node::Backref { .. } => None,
    }
}
