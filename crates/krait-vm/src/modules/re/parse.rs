//! Regular expression syntax → `Node` tree, with CPython's syntax and error
//! messages (`nothing to repeat at position 0`, ...).

use super::flags;

/// A named character class (`\d`, `\w`, `\s` and their negations).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Class {
    Digit,
    NotDigit,
    Word,
    NotWord,
    Space,
    NotSpace,
}

#[derive(Clone, Debug)]
pub struct SetSpec {
    pub ranges: Vec<(u32, u32)>,
    pub classes: Vec<Class>,
    pub negated: bool,
    pub icase: bool,
    /// `\w` and friends are ASCII-only (bytes patterns, `re.ASCII`).
    pub ascii: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum Assert {
    /// `^`; `multiline` also after every newline.
    Bol { multiline: bool },
    /// `$`; at the end, before a final newline, or (multiline) before any newline.
    Eol { multiline: bool },
    /// `\A`
    Start,
    /// `\Z`
    End,
    /// `\b` / `\B`
    WordBoundary { negated: bool, ascii: bool },
}

#[derive(Clone, Debug)]
pub enum Node {
    Empty,
    Char { c: u32, icase: bool },
    Any { dotall: bool },
    Set(Box<SetSpec>),
    Assert(Assert),
    Group { index: Option<usize>, node: Box<Node> },
    Concat(Vec<Node>),
    Alt(Vec<Node>),
    Repeat { node: Box<Node>, min: u32, max: u32, greedy: bool },
    Backref { group: usize, icase: bool },
    Look { behind: bool, negated: bool, node: Box<Node> },
}

/// Unbounded repetition.
pub const INF: u32 = u32::MAX;
/// CPython's largest repeat count.
const MAX_REPEAT: u32 = 4_294_967_294;
/// Parentheses nested deeper than this are an error (the native stack stays small).
const MAX_DEPTH: usize = 500;
pub const TOO_LARGE: &str = "the repetition number is too large";
pub const TOO_DEEP: &str = "too many nested parentheses";

pub struct ParseError {
    pub msg: String,
    pub pos: Option<usize>,
}

pub struct Parsed {
    pub node: Node,
    pub groups: usize,
    pub names: Vec<(String, usize)>,
    pub flags: i64,
}

struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    flags: i64,
    bytes: bool,
    groups: usize,
    /// Groups whose closing parenthesis has been seen (valid backreference targets).
    closed: Vec<bool>,
    names: Vec<(String, usize)>,
    depth: usize,
    _src: &'a str,
}

fn err<T>(msg: impl Into<String>, pos: usize) -> Result<T, ParseError> {
    Err(ParseError { msg: msg.into(), pos: Some(pos) })
}

/// Parse `pattern` (for bytes patterns, one char per byte) with `flags`.
pub fn parse(pattern: &str, flags: i64, bytes: bool) -> Result<Parsed, ParseError> {
    let mut p = Parser {
        chars: pattern.chars().collect(),
        pos: 0,
        flags,
        bytes,
        groups: 0,
        closed: vec![true],
        names: Vec::new(),
        depth: 0,
        _src: pattern,
    };
    p.leading_flags()?;
    let node = p.alternation()?;
    if p.pos < p.chars.len() {
        // Only a `)` can stop the top level early.
        return err("unbalanced parenthesis", p.pos);
    }
    Ok(Parsed { node, groups: p.groups, names: p.names, flags: p.flags })
}

fn is_flag_char(c: char) -> bool {
    matches!(c, 'a' | 'i' | 'L' | 'm' | 's' | 'u' | 'x')
}

fn flag_value(c: char) -> i64 {
    match c {
        'a' => flags::ASCII,
        'i' => flags::IGNORECASE,
        'L' => flags::LOCALE,
        'm' => flags::MULTILINE,
        's' => flags::DOTALL,
        'u' => flags::UNICODE,
        'x' => flags::VERBOSE,
        _ => 0,
    }
}

impl Parser<'_> {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).copied()
    }

    fn peek_at(&self, k: usize) -> Option<char> {
        self.chars.get(self.pos + k).copied()
    }

    fn eat(&mut self, c: char) -> bool {
        if self.peek() == Some(c) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn icase(&self) -> bool {
        self.flags & flags::IGNORECASE != 0
    }

    fn ascii(&self) -> bool {
        self.bytes || self.flags & flags::ASCII != 0
    }

    fn verbose(&self) -> bool {
        self.flags & flags::VERBOSE != 0
    }

    /// `(?imsx)` groups at the very start apply to the whole pattern (anywhere else
    /// they are an error, as in CPython 3.11).
    fn leading_flags(&mut self) -> Result<(), ParseError> {
        loop {
            if self.verbose() {
                self.skip_verbose();
            }
            let save = self.pos;
            if self.peek() == Some('(') && self.peek_at(1) == Some('?') && self.peek_at(2).is_some_and(is_flag_char) {
                self.pos += 2;
                let mut f = 0;
                while let Some(c) = self.peek().filter(|&c| is_flag_char(c)) {
                    f |= flag_value(c);
                    self.pos += 1;
                }
                if self.eat(')') {
                    self.check_flags(f, save)?;
                    self.flags |= f;
                    continue;
                }
            }
            self.pos = save;
            return Ok(());
        }
    }

    fn check_flags(&self, f: i64, at: usize) -> Result<(), ParseError> {
        if f & flags::LOCALE != 0 && !self.bytes {
            return err("bad inline flags: cannot use 'L' flag with a str pattern", at);
        }
        if f & flags::UNICODE != 0 && self.bytes {
            return err("bad inline flags: cannot use 'u' flag with a bytes pattern", at);
        }
        if f & flags::ASCII != 0 && f & flags::UNICODE != 0 {
            return err("bad inline flags: flags 'a', 'u' and 'L' are incompatible", at);
        }
        Ok(())
    }

    fn skip_verbose(&mut self) {
        while let Some(c) = self.peek() {
            if c.is_whitespace() {
                self.pos += 1;
            } else if c == '#' {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == '\n' {
                        break;
                    }
                }
            } else {
                break;
            }
        }
    }

    fn alternation(&mut self) -> Result<Node, ParseError> {
        let mut alts = vec![self.concat()?];
        while self.eat('|') {
            alts.push(self.concat()?);
        }
        Ok(if alts.len() == 1 { alts.pop().unwrap_or(Node::Empty) } else { Node::Alt(alts) })
    }

    fn concat(&mut self) -> Result<Node, ParseError> {
        let mut items: Vec<Node> = Vec::new();
        loop {
            if self.verbose() {
                self.skip_verbose();
            }
            match self.peek() {
                None | Some('|') | Some(')') => break,
                _ => {}
            }
            let atom = self.atom()?;
            let atom = match atom {
                Some(a) => a,
                None => continue,
            };
            let node = self.quantifiers(atom)?;
            items.push(node);
        }
        Ok(match items.len() {
            0 => Node::Empty,
            1 => items.pop().unwrap_or(Node::Empty),
            _ => Node::Concat(items),
        })
    }

    /// Quantifiers after an atom.
    fn quantifiers(&mut self, atom: Node) -> Result<Node, ParseError> {
        let mut node = atom;
        let mut repeated = false;
        loop {
            if self.verbose() {
                self.skip_verbose();
            }
            let qpos = self.pos;
            let (min, max) = match self.peek() {
                Some('*') => {
                    self.pos += 1;
                    (0, INF)
                }
                Some('+') => {
                    self.pos += 1;
                    (1, INF)
                }
                Some('?') => {
                    self.pos += 1;
                    (0, 1)
                }
                Some('{') => match self.braces()? {
                    Some(mm) => mm,
                    None => return Ok(node),
                },
                _ => return Ok(node),
            };
            if repeated {
                return err("multiple repeat", qpos);
            }
            if matches!(node, Node::Assert(_) | Node::Empty) {
                return err("nothing to repeat", qpos);
            }
            let greedy = !self.eat('?');
            if self.peek() == Some('+') {
                return err("possessive quantifiers are not supported", self.pos);
            }
            node = Node::Repeat { node: Box::new(node), min, max, greedy };
            repeated = true;
        }
    }

    /// `{m}`, `{m,}`, `{,n}`, `{m,n}`; `None` (and nothing consumed) when the brace
    /// is a literal.
    fn braces(&mut self) -> Result<Option<(u32, u32)>, ParseError> {
        let start = self.pos;
        let mut i = self.pos + 1;
        let num = |i: &mut usize, chars: &[char]| -> Option<String> {
            let s = *i;
            while chars.get(*i).is_some_and(|c| c.is_ascii_digit()) {
                *i += 1;
            }
            if *i > s {
                Some(chars[s..*i].iter().collect())
            } else {
                None
            }
        };
        let lo = num(&mut i, &self.chars);
        let (min, max);
        if self.chars.get(i) == Some(&'}') {
            let Some(lo) = lo else { return Ok(None) };
            min = lo;
            max = Some(min.clone());
        } else if self.chars.get(i) == Some(&',') {
            i += 1;
            let hi = num(&mut i, &self.chars);
            if self.chars.get(i) != Some(&'}') {
                return Ok(None);
            }
            min = lo.unwrap_or_else(|| "0".into());
            max = hi;
        } else {
            return Ok(None);
        }
        self.pos = i + 1;
        let parse = |s: &str| -> Result<u32, ParseError> {
            match s.parse::<u64>() {
                Ok(n) if n <= MAX_REPEAT as u64 => Ok(n as u32),
                _ => err(TOO_LARGE, start + 1),
            }
        };
        let min = parse(&min)?;
        let max = match max {
            Some(m) => parse(&m)?,
            None => INF,
        };
        if max < min {
            return err("min repeat greater than max repeat", start + 1);
        }
        Ok(Some((min, max)))
    }

    fn literal(&self, c: u32) -> Node {
        Node::Char { c, icase: self.icase() }
    }

    /// One atom; `None` for something that matches nothing at all (a comment or
    /// an inline flag group).
    fn atom(&mut self) -> Result<Option<Node>, ParseError> {
        let start = self.pos;
        let Some(c) = self.peek() else { return Ok(Some(Node::Empty)) };
        self.pos += 1;
        Ok(Some(match c {
            '.' => Node::Any { dotall: self.flags & flags::DOTALL != 0 },
            '^' => Node::Assert(Assert::Bol { multiline: self.flags & flags::MULTILINE != 0 }),
            '$' => Node::Assert(Assert::Eol { multiline: self.flags & flags::MULTILINE != 0 }),
            '[' => self.set(start)?,
            '(' => return self.group(start),
            '\\' => self.escape(start)?,
            '*' | '+' | '?' => return err("nothing to repeat", start),
            '{' => {
                self.pos = start;
                if self.braces()?.is_some() {
                    return err("nothing to repeat", start);
                }
                self.pos = start + 1;
                self.literal('{' as u32)
            }
            c => self.literal(c as u32),
        }))
    }

    fn group(&mut self, start: usize) -> Result<Option<Node>, ParseError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return err(TOO_DEEP, start);
        }
        let r = self.group_inner(start);
        self.depth -= 1;
        r
    }

    fn close_group(&mut self, open: usize) -> Result<(), ParseError> {
        if !self.eat(')') {
            return err("missing ), unterminated subpattern", open);
        }
        Ok(())
    }

    fn group_inner(&mut self, start: usize) -> Result<Option<Node>, ParseError> {
        if !self.eat('?') {
            self.groups += 1;
            let index = self.groups;
            self.closed.push(false);
            let node = self.alternation()?;
            self.close_group(start)?;
            self.closed[index] = true;
            return Ok(Some(Node::Group { index: Some(index), node: Box::new(node) }));
        }
        let Some(c) = self.peek() else { return err("unexpected end of pattern", self.pos) };
        match c {
            ':' => {
                self.pos += 1;
                let node = self.alternation()?;
                self.close_group(start)?;
                Ok(Some(Node::Group { index: None, node: Box::new(node) }))
            }
            'P' => {
                self.pos += 1;
                if self.eat('<') {
                    let name = self.group_name('>')?;
                    if self.names.iter().any(|(n, _)| *n == name) {
                        return err(
                            format!(
                                "redefinition of group name '{name}' as group {}; was group {}",
                                self.groups + 1,
                                self.names.iter().find(|(n, _)| *n == name).map_or(0, |x| x.1)
                            ),
                            start + 4,
                        );
                    }
                    self.groups += 1;
                    let index = self.groups;
                    self.closed.push(false);
                    self.names.push((name, index));
                    let node = self.alternation()?;
                    self.close_group(start)?;
                    self.closed[index] = true;
                    Ok(Some(Node::Group { index: Some(index), node: Box::new(node) }))
                } else if self.eat('=') {
                    let at = self.pos;
                    let name = self.group_name(')')?;
                    let Some(&(_, index)) = self.names.iter().find(|(n, _)| *n == name) else {
                        return err(format!("unknown group name '{name}'"), at);
                    };
                    if !self.closed[index] {
                        return err("cannot refer to an open group", at - 4);
                    }
                    Ok(Some(Node::Backref { group: index, icase: self.icase() }))
                } else {
                    match self.peek() {
                        Some(c) => err(format!("unknown extension ?P{c}"), start + 1),
                        None => err("unexpected end of pattern", self.pos),
                    }
                }
            }
            '=' | '!' => {
                self.pos += 1;
                let node = self.alternation()?;
                self.close_group(start)?;
                Ok(Some(Node::Look { behind: false, negated: c == '!', node: Box::new(node) }))
            }
            '<' => {
                self.pos += 1;
                let Some(k) = self.peek() else { return err("unexpected end of pattern", self.pos) };
                if k != '=' && k != '!' {
                    if k.is_alphabetic() || k == '_' {
                        // `(?<name>...)`, new in CPython 3.11? Only `(?P<name>...)` there.
                        return err(format!("unknown extension ?<{k}"), start + 1);
                    }
                    return err(format!("unknown extension ?<{k}"), start + 1);
                }
                self.pos += 1;
                let node = self.alternation()?;
                self.close_group(start)?;
                if super::compile::fixed_width(&node).is_none() {
                    return Err(ParseError { msg: "look-behind requires fixed-width pattern".into(), pos: None });
                }
                Ok(Some(Node::Look { behind: true, negated: k == '!', node: Box::new(node) }))
            }
            '#' => {
                while let Some(c) = self.peek() {
                    self.pos += 1;
                    if c == ')' {
                        return Ok(None);
                    }
                }
                err("missing ), unterminated comment", start)
            }
            '(' => err("conditional groups are not supported", start + 1),
            '>' => err("atomic groups are not supported", start + 1),
            c if is_flag_char(c) || c == '-' => {
                let mut on = 0;
                while let Some(c) = self.peek().filter(|&c| is_flag_char(c)) {
                    on |= flag_value(c);
                    self.pos += 1;
                }
                let mut off = 0;
                if self.eat('-') {
                    while let Some(c) = self.peek().filter(|&c| is_flag_char(c)) {
                        off |= flag_value(c);
                        self.pos += 1;
                    }
                    if off == 0 {
                        return err("missing flag", self.pos);
                    }
                }
                self.check_flags(on, start)?;
                if self.eat(')') {
                    if off != 0 {
                        return err("missing :", self.pos - 1);
                    }
                    // Leading ones were taken by `leading_flags`.
                    return err("global flags not at the start of the expression", start);
                }
                if !self.eat(':') {
                    return match self.peek() {
                        Some(_) => err("missing -, : or )", self.pos),
                        None => err("missing -, : or )", self.pos),
                    };
                }
                let saved = self.flags;
                self.flags = (self.flags | on) & !off;
                let node = self.alternation();
                self.flags = saved;
                let node = node?;
                self.close_group(start)?;
                Ok(Some(Node::Group { index: None, node: Box::new(node) }))
            }
            c => err(format!("unknown extension ?{c}"), start + 1),
        }
    }

    fn group_name(&mut self, end: char) -> Result<String, ParseError> {
        let start = self.pos;
        let mut name = String::new();
        loop {
            match self.peek() {
                None => return err("missing >, unterminated name", start),
                Some(c) if c == end => {
                    self.pos += 1;
                    break;
                }
                Some(c) => {
                    name.push(c);
                    self.pos += 1;
                }
            }
        }
        if name.is_empty() {
            return err("missing group name", start);
        }
        let ok = name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
            && name.chars().all(|c| c.is_alphanumeric() || c == '_');
        if !ok {
            return err(format!("bad character in group name '{name}'"), start);
        }
        Ok(name)
    }

    /// Hex digits for `\x`, `\u`, `\U`.
    fn hex(&mut self, n: usize, what: char, start: usize) -> Result<u32, ParseError> {
        let mut v = 0u32;
        for k in 0..n {
            match self.peek().and_then(|c| c.to_digit(16)) {
                Some(d) => {
                    v = v.wrapping_mul(16).wrapping_add(d);
                    self.pos += 1;
                }
                None => {
                    let text: String = self.chars[start..self.pos].iter().collect();
                    let _ = k;
                    return err(format!("incomplete escape {text}"), start);
                }
            }
        }
        if what == 'U' && v > 0x10ffff {
            let text: String = self.chars[start..self.pos].iter().collect();
            return err(format!("bad escape {text}"), start);
        }
        Ok(v)
    }

    /// An escape common to sets and the top level: a character, or `Err` for the
    /// caller to handle (classes, anchors, backrefs).
    fn char_escape(&mut self, c: char, start: usize, in_set: bool) -> Result<Option<u32>, ParseError> {
        Ok(Some(match c {
            'n' => 10,
            't' => 9,
            'r' => 13,
            'f' => 12,
            'v' => 11,
            'a' => 7,
            'b' if in_set => 8,
            'x' => self.hex(2, 'x', start)?,
            'u' if !self.bytes => self.hex(4, 'u', start)?,
            'U' if !self.bytes => self.hex(8, 'U', start)?,
            '0' => {
                // Up to two more octal digits.
                let mut v = 0u32;
                for _ in 0..2 {
                    match self.peek().and_then(|c| c.to_digit(8)) {
                        Some(d) => {
                            v = v * 8 + d;
                            self.pos += 1;
                        }
                        None => break,
                    }
                }
                v
            }
            c if c.is_ascii_digit() => {
                // Three octal digits are a character; otherwise (outside sets) a backreference.
                let d1 = self.peek();
                let d2 = self.peek_at(1);
                if c <= '7'
                    && d1.is_some_and(|d| ('0'..='7').contains(&d))
                    && d2.is_some_and(|d| ('0'..='7').contains(&d))
                {
                    self.pos += 2;
                    let v = c.to_digit(8).unwrap_or(0) * 64
                        + d1.and_then(|d| d.to_digit(8)).unwrap_or(0) * 8
                        + d2.and_then(|d| d.to_digit(8)).unwrap_or(0);
                    if v > 0o377 {
                        let text: String = self.chars[start..self.pos].iter().collect();
                        return err(format!("octal escape value {text} outside of range 0-0o377"), start);
                    }
                    v
                } else {
                    if in_set {
                        let text: String = self.chars[start..self.pos].iter().collect();
                        return err(format!("bad escape {text}"), start);
                    }
                    return Ok(None);
                }
            }
            c if c.is_ascii_alphanumeric() => return Ok(None),
            c => c as u32,
        }))
    }

    fn escape(&mut self, start: usize) -> Result<Node, ParseError> {
        let Some(c) = self.peek() else { return err("bad escape (end of pattern)", start) };
        self.pos += 1;
        let ascii = self.ascii();
        let class = |k: Class| {
            Node::Set(Box::new(SetSpec { ranges: vec![], classes: vec![k], negated: false, icase: false, ascii }))
        };
        match c {
            'd' => return Ok(class(Class::Digit)),
            'D' => return Ok(class(Class::NotDigit)),
            'w' => return Ok(class(Class::Word)),
            'W' => return Ok(class(Class::NotWord)),
            's' => return Ok(class(Class::Space)),
            'S' => return Ok(class(Class::NotSpace)),
            'b' => return Ok(Node::Assert(Assert::WordBoundary { negated: false, ascii })),
            'B' => return Ok(Node::Assert(Assert::WordBoundary { negated: true, ascii })),
            'A' => return Ok(Node::Assert(Assert::Start)),
            'Z' => return Ok(Node::Assert(Assert::End)),
            _ => {}
        }
        if let Some(v) = self.char_escape(c, start, false)? {
            return Ok(self.literal(v));
        }
        if c.is_ascii_digit() {
            // A backreference: one or two digits.
            let mut n = c.to_digit(10).unwrap_or(0) as usize;
            if let Some(d) = self.peek().and_then(|d| d.to_digit(10)) {
                n = n * 10 + d as usize;
                self.pos += 1;
            }
            if n >= self.closed.len() || n == 0 {
                return err(format!("invalid group reference {n}"), start + 1);
            }
            if !self.closed[n] {
                return err("cannot refer to an open group", start);
            }
            return Ok(Node::Backref { group: n, icase: self.icase() });
        }
        err(format!("bad escape \\{c}"), start)
    }

    fn set(&mut self, start: usize) -> Result<Node, ParseError> {
        let mut spec =
            SetSpec { ranges: vec![], classes: vec![], negated: false, icase: self.icase(), ascii: self.ascii() };
        if self.eat('^') {
            spec.negated = true;
        }
        let mut first = true;
        loop {
            let Some(c) = self.peek() else { return err("unterminated character set", start) };
            let item_start = self.pos;
            if c == ']' && !first {
                self.pos += 1;
                break;
            }
            first = false;
            self.pos += 1;
            let lo = if c == '\\' {
                let Some(e) = self.peek() else { return err("unterminated character set", start) };
                self.pos += 1;
                let k = match e {
                    'd' => Some(Class::Digit),
                    'D' => Some(Class::NotDigit),
                    'w' => Some(Class::Word),
                    'W' => Some(Class::NotWord),
                    's' => Some(Class::Space),
                    'S' => Some(Class::NotSpace),
                    _ => None,
                };
                if let Some(k) = k {
                    spec.classes.push(k);
                    if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                        let text: String = self.chars[item_start..self.pos + 2].iter().collect();
                        return err(format!("bad character range {text}"), item_start);
                    }
                    continue;
                }
                match self.char_escape(e, item_start, true)? {
                    Some(v) => v,
                    None => return err(format!("bad escape \\{e}"), item_start),
                }
            } else {
                c as u32
            };
            // A range?
            if self.peek() == Some('-') && self.peek_at(1).is_some_and(|c| c != ']') {
                self.pos += 1;
                let hi_start = self.pos;
                let Some(h) = self.peek() else { return err("unterminated character set", start) };
                self.pos += 1;
                let hi = if h == '\\' {
                    let Some(e) = self.peek() else { return err("unterminated character set", start) };
                    self.pos += 1;
                    match self.char_escape(e, hi_start, true)? {
                        Some(v) => v,
                        None => {
                            let text: String = self.chars[item_start..self.pos].iter().collect();
                            return err(format!("bad character range {text}"), item_start);
                        }
                    }
                } else {
                    h as u32
                };
                if hi < lo {
                    let text: String = self.chars[item_start..self.pos].iter().collect();
                    return err(format!("bad character range {text}"), item_start);
                }
                spec.ranges.push((lo, hi));
            } else {
                spec.ranges.push((lo, lo));
            }
        }
        Ok(Node::Set(Box::new(spec)))
    }
}
