//! The backtracking matcher: an explicit stack of choice points (no native
//! recursion except for lookarounds, whose nesting the parser bounds), leftmost-first
//! semantics like CPython's `sre`, and a step budget so that catastrophic
//! backtracking ends in an error instead of running (practically) forever.

use super::compile::{fold, is_word, Inst, Item, Program};
use super::parse::Assert;

/// Slot or register value meaning "unset".
pub const UNSET: usize = usize::MAX;

/// Backtracking steps allowed per search: at least this many...
const MIN_BUDGET: u64 = 50_000_000;
/// ...or this many per (instruction × subject position), whichever is larger.
const BUDGET_PER_STATE: u64 = 64;

pub struct BudgetExceeded;

#[derive(Copy, Clone)]
enum Accept {
    /// Any match.
    Any,
    /// The match must end exactly here (`fullmatch`).
    End(usize),
    /// A match ending here is rejected (after an empty match, the next one must advance).
    NotEmptyAt(usize),
    /// A lookaround body (lookbehinds must end where they started from).
    Look(Option<usize>),
}

enum Bt {
    Alt {
        pc: u32,
        pos: usize,
    },
    Slot {
        i: u32,
        old: usize,
    },
    Reg {
        i: u32,
        old: usize,
    },
    /// A greedy single-item repeat that can give back characters down to `lo`.
    Greedy {
        next: u32,
        lo: usize,
        cur: usize,
    },
    /// A lazy single-item repeat that may take one more item.
    Lazy {
        inst: u32,
        pos: usize,
        count: u32,
    },
    /// A lazy counted loop that may run its body once more.
    EnterLoop {
        reg: u32,
        body: u32,
        pos: usize,
    },
}

pub struct Matcher<'a> {
    prog: &'a Program,
    /// Choice points, shared by nested lookaround runs (each works above its base).
    stack: Vec<Bt>,
    regs: Vec<usize>,
    s: &'a [u8],
    /// End of the subject (`endpos`), a character boundary.
    end: usize,
    utf8: bool,
    steps: u64,
    budget: u64,
}

#[inline]
fn decode(s: &[u8], i: usize, end: usize) -> (u32, usize) {
    let b0 = s[i] as u32;
    if b0 < 0x80 {
        return (b0, i + 1);
    }
    let cont = |k: usize| -> u32 {
        if k < end {
            (s[k] & 0x3f) as u32
        } else {
            0
        }
    };
    if b0 < 0xe0 {
        (((b0 & 0x1f) << 6) | cont(i + 1), (i + 2).min(end))
    } else if b0 < 0xf0 {
        (((b0 & 0x0f) << 12) | (cont(i + 1) << 6) | cont(i + 2), (i + 3).min(end))
    } else {
        (((b0 & 0x07) << 18) | (cont(i + 1) << 12) | (cont(i + 2) << 6) | cont(i + 3), (i + 4).min(end))
    }
}

impl<'a> Matcher<'a> {
    pub fn new(prog: &'a Program, s: &'a [u8], end: usize, utf8: bool) -> Matcher<'a> {
        let states = (prog.insts.len() as u64 + 1).saturating_mul(end as u64 + 1);
        let budget = states.saturating_mul(BUDGET_PER_STATE).max(MIN_BUDGET);
        Matcher { prog, stack: Vec::new(), regs: vec![UNSET; 2 * prog.nregs], s, end, utf8, steps: 0, budget }
    }

    /// The character at `i` and the position after it.
    #[inline]
    fn next_char(&self, i: usize) -> Option<(u32, usize)> {
        if i >= self.end {
            return None;
        }
        if !self.utf8 {
            return Some((self.s[i] as u32, i + 1));
        }
        Some(decode(self.s, i, self.end))
    }

    /// The character before `i` and where it starts.
    #[inline]
    fn prev_char(&self, i: usize) -> Option<(u32, usize)> {
        if i == 0 {
            return None;
        }
        if !self.utf8 || self.s[i - 1] < 0x80 {
            return Some((self.s[i - 1] as u32, i - 1));
        }
        let mut j = i - 1;
        while j > 0 && self.s[j] & 0xc0 == 0x80 {
            j -= 1;
        }
        Some((decode(self.s, j, self.end.max(i)).0, j))
    }

    /// The next character boundary after `i` (i < end).
    #[inline]
    pub fn advance(&self, i: usize) -> usize {
        match self.next_char(i) {
            Some((_, n)) => n,
            None => i + 1,
        }
    }

    #[inline]
    fn item(&self, item: Item, pos: usize) -> Option<usize> {
        let (c, next) = self.next_char(pos)?;
        let ok = match item {
            Item::Char(x) => c == x,
            Item::CharI(x) => fold(c) == x,
            Item::Any => c != '\n' as u32,
            Item::AnyAll => true,
            Item::Set(k) => self.prog.sets[k as usize].contains(c),
        };
        if ok {
            Some(next)
        } else {
            None
        }
    }

    fn assert(&self, a: Assert, pos: usize) -> bool {
        match a {
            Assert::Bol { multiline } => pos == 0 || (multiline && self.s[pos - 1] == b'\n'),
            Assert::Eol { multiline } => {
                pos == self.end || (self.s[pos] == b'\n' && (multiline || pos + 1 == self.end))
            }
            Assert::Start => pos == 0,
            Assert::End => pos == self.end,
            // CPython: `\B` never matches in an empty string.
            Assert::WordBoundary { negated: true, .. } if self.end == 0 => false,
            Assert::WordBoundary { negated, ascii } => {
                let before = self.prev_char(pos).is_some_and(|(c, _)| is_word(c, ascii || !self.utf8));
                let after = self.next_char(pos).is_some_and(|(c, _)| is_word(c, ascii || !self.utf8));
                (before != after) != negated
            }
        }
    }

    fn backref(&self, slots: &[usize], group: u32, icase: bool, pos: usize) -> Option<usize> {
        let (a, b) = (slots[2 * group as usize], slots[2 * group as usize + 1]);
        if a == UNSET || b == UNSET || b < a {
            return None;
        }
        let sub = &self.s[a..b];
        if !icase {
            let end = pos.checked_add(sub.len())?;
            if end <= self.end && &self.s[pos..end] == sub {
                return Some(end);
            }
            return None;
        }
        let mut i = a;
        let mut p = pos;
        while i < b {
            let (c1, ni) = decode_any(self.s, i, b, self.utf8);
            let (c2, np) = self.next_char(p)?;
            if fold(c1) != fold(c2) {
                return None;
            }
            i = ni;
            p = np;
        }
        Some(p)
    }

    /// Run the program from `pc` at `pos`; the end position of the match, if any.
    fn run(
        &mut self,
        pc0: usize,
        pos0: usize,
        slots: &mut [usize],
        accept: Accept,
    ) -> Result<Option<usize>, BudgetExceeded> {
        let base = self.stack.len();
        let r = self.run_inner(pc0, pos0, slots, accept, base);
        self.stack.truncate(base);
        r
    }

    fn run_inner(
        &mut self,
        pc0: usize,
        pos0: usize,
        slots: &mut [usize],
        accept: Accept,
        base: usize,
    ) -> Result<Option<usize>, BudgetExceeded> {
        let prog = self.prog;
        let insts = &prog.insts;
        let mut stack = std::mem::take(&mut self.stack);
        let mut regs = std::mem::take(&mut self.regs);
        let r = self.exec(insts, &mut stack, &mut regs, pc0, pos0, slots, accept, base);
        self.stack = stack;
        self.regs = regs;
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn exec(
        &mut self,
        insts: &[Inst],
        stack: &mut Vec<Bt>,
        regs: &mut Vec<usize>,
        pc0: usize,
        pos0: usize,
        slots: &mut [usize],
        accept: Accept,
        base: usize,
    ) -> Result<Option<usize>, BudgetExceeded> {
        let mut pc = pc0;
        let mut pos = pos0;
        loop {
            self.steps += 1;
            if self.steps > self.budget {
                return Err(BudgetExceeded);
            }
            let ok = match &insts[pc] {
                Inst::One(item) => match self.item(*item, pos) {
                    Some(n) => {
                        pos = n;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Lit(bytes) => {
                    let n = bytes.len();
                    if pos + n <= self.end && self.s[pos..pos + n] == bytes[..] {
                        pos += n;
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Assert(a) => {
                    if self.assert(*a, pos) {
                        pc += 1;
                        true
                    } else {
                        false
                    }
                }
                Inst::Split(a, b) => {
                    stack.push(Bt::Alt { pc: *b, pos });
                    pc = *a as usize;
                    true
                }
                Inst::Jmp(t) => {
                    pc = *t as usize;
                    true
                }
                Inst::Save(i) => {
                    let i = *i;
                    stack.push(Bt::Slot { i, old: slots[i as usize] });
                    slots[i as usize] = pos;
                    if i & 1 == 1 && i > 1 {
                        // The last slot records the group closed most recently (`lastindex`).
                        let li = slots.len() - 1;
                        stack.push(Bt::Slot { i: li as u32, old: slots[li] });
                        slots[li] = i as usize / 2;
                    }
                    pc += 1;
                    true
                }
                Inst::RepeatInit { reg } => {
                    let (c, st) = (2 * *reg, 2 * *reg + 1);
                    stack.push(Bt::Reg { i: c, old: regs[c as usize] });
                    stack.push(Bt::Reg { i: st, old: regs[st as usize] });
                    regs[c as usize] = 0;
                    regs[st as usize] = UNSET;
                    pc += 1;
                    true
                }
                Inst::RepeatLoop { reg, min, max, greedy, exit, nullable } => {
                    let (ci, si) = (2 * *reg as usize, 2 * *reg as usize + 1);
                    let count = regs[ci];
                    let body = pc + 1;
                    if count < *min as usize {
                        stack.push(Bt::Reg { i: si as u32, old: regs[si] });
                        regs[si] = pos;
                        pc = body;
                    } else if (*nullable && count > 0 && regs[si] == pos) || count >= *max as usize {
                        // The last iteration matched nothing (or the count is reached): stop looping.
                        pc = *exit as usize;
                    } else if *greedy {
                        stack.push(Bt::Alt { pc: *exit, pos });
                        stack.push(Bt::Reg { i: si as u32, old: regs[si] });
                        regs[si] = pos;
                        pc = body;
                    } else {
                        stack.push(Bt::EnterLoop { reg: *reg, body: body as u32, pos });
                        pc = *exit as usize;
                    }
                    true
                }
                Inst::RepeatNext { reg, lp } => {
                    let ci = 2 * *reg;
                    stack.push(Bt::Reg { i: ci, old: regs[ci as usize] });
                    regs[ci as usize] += 1;
                    pc = *lp as usize;
                    true
                }
                Inst::Single { item, min, max, greedy } => {
                    let (item, min, max) = (*item, *min, *max);
                    // The mandatory part.
                    let mut p = pos;
                    let mut n = 0u32;
                    let mut ok = true;
                    while n < min {
                        match self.item(item, p) {
                            Some(q) => {
                                p = q;
                                n += 1;
                            }
                            None => {
                                ok = false;
                                break;
                            }
                        }
                    }
                    if ok {
                        if *greedy {
                            let lo = p;
                            // Fast scans for the common cases.
                            while n < max {
                                match self.item(item, p) {
                                    Some(q) => {
                                        p = q;
                                        n += 1;
                                    }
                                    None => break,
                                }
                            }
                            self.steps += (p - lo) as u64 / 8;
                            if p > lo {
                                stack.push(Bt::Greedy { next: pc as u32 + 1, lo, cur: p });
                            }
                        } else if n < max {
                            stack.push(Bt::Lazy { inst: pc as u32, pos: p, count: n });
                        }
                        pos = p;
                        pc += 1;
                    }
                    ok
                }
                Inst::Backref { group, icase } => match self.backref(slots, *group, *icase, pos) {
                    Some(n) => {
                        pos = n;
                        pc += 1;
                        true
                    }
                    None => false,
                },
                Inst::Look { behind, negated, width, next } => {
                    let (behind, negated, width, next) = (*behind, *negated, *width, *next);
                    let start = if behind {
                        let mut p = Some(pos);
                        for _ in 0..width {
                            p = p.and_then(|q| self.prev_char(q).map(|(_, s)| s));
                        }
                        p
                    } else {
                        Some(pos)
                    };
                    let found = match start {
                        Some(st) => {
                            let mut sub = slots.to_vec();
                            let acc = Accept::Look(if behind { Some(pos) } else { None });
                            let sub_base = stack.len();
                            let r = self.exec(insts, stack, regs, pc + 1, st, &mut sub, acc, sub_base);
                            stack.truncate(sub_base);
                            let r = r?;
                            if r.is_some() && !negated {
                                for (i, (&new, old)) in sub.iter().zip(slots.iter_mut()).enumerate() {
                                    if new != *old {
                                        stack.push(Bt::Slot { i: i as u32, old: *old });
                                        *old = new;
                                    }
                                }
                            }
                            r.is_some()
                        }
                        None => false,
                    };
                    if found != negated {
                        pc = next as usize;
                        true
                    } else {
                        false
                    }
                }
                Inst::LookEnd => match accept {
                    Accept::Look(None) => return Ok(Some(pos)),
                    Accept::Look(Some(e)) if e == pos => return Ok(Some(pos)),
                    _ => false,
                },
                Inst::Match => match accept {
                    Accept::Any => return Ok(Some(pos)),
                    Accept::End(e) if e == pos => return Ok(Some(pos)),
                    Accept::NotEmptyAt(e) if e != pos => return Ok(Some(pos)),
                    _ => false,
                },
            };
            if ok {
                continue;
            }
            // Backtrack to the most recent choice point.
            loop {
                if stack.len() <= base {
                    return Ok(None);
                }
                match stack.pop() {
                    None => return Ok(None),
                    Some(Bt::Slot { i, old }) => slots[i as usize] = old,
                    Some(Bt::Reg { i, old }) => regs[i as usize] = old,
                    Some(Bt::Alt { pc: p, pos: q }) => {
                        pc = p as usize;
                        pos = q;
                        break;
                    }
                    Some(Bt::EnterLoop { reg, body, pos: q }) => {
                        let si = 2 * reg + 1;
                        stack.push(Bt::Reg { i: si, old: regs[si as usize] });
                        regs[si as usize] = q;
                        pc = body as usize;
                        pos = q;
                        break;
                    }
                    Some(Bt::Greedy { next, lo, cur }) => {
                        // Give back one character; skip positions where a following
                        // literal can't start.
                        let want = match &insts[next as usize] {
                            Inst::Lit(b) => Some(b[0]),
                            Inst::One(Item::Char(c)) if *c < 0x80 => Some(*c as u8),
                            _ => None,
                        };
                        let mut np = self.prev_char(cur).map_or(lo, |(_, s)| s.max(lo));
                        if let Some(w) = want {
                            while np > lo && (np >= self.end || self.s[np] != w) {
                                np = self.prev_char(np).map_or(lo, |(_, s)| s.max(lo));
                                self.steps += 1;
                            }
                        }
                        if np > lo {
                            stack.push(Bt::Greedy { next, lo, cur: np });
                        }
                        pc = next as usize;
                        pos = np;
                        break;
                    }
                    Some(Bt::Lazy { inst, pos: q, count }) => {
                        if let Inst::Single { item, max, .. } = insts[inst as usize] {
                            if count < max {
                                if let Some(np) = self.item(item, q) {
                                    if count + 1 < max {
                                        stack.push(Bt::Lazy { inst, pos: np, count: count + 1 });
                                    }
                                    pc = inst as usize + 1;
                                    pos = np;
                                    break;
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Find a match starting at `start` (only there when `anchored`), or at a later
    /// position. `slots` receives the groups (byte offsets). With `full`, the match
    /// must reach `end`; with `must_advance`, an empty match at `start` is skipped.
    #[allow(clippy::too_many_arguments)]
    pub fn search(
        &mut self,
        start: usize,
        anchored: bool,
        full: bool,
        must_advance: bool,
        prefix: &[u8],
        anchored_start: bool,
        slots: &mut [usize],
    ) -> Result<bool, BudgetExceeded> {
        let mut p = start;
        loop {
            if p > self.end {
                return Ok(false);
            }
            if !anchored && !prefix.is_empty() {
                match find(&self.s[p..self.end], prefix) {
                    Some(k) => p += k,
                    None => return Ok(false),
                }
            } else if !anchored {
                if let Some(first) = &self.prog.first {
                    // Skip positions no match can start at (the pattern isn't nullable).
                    match self.s[p..self.end].iter().position(|&b| first[b as usize]) {
                        Some(k) => p += k,
                        None => return Ok(false),
                    }
                }
            }
            if anchored_start && p > 0 {
                return Ok(false);
            }
            let accept = if full {
                Accept::End(self.end)
            } else if must_advance && p == start {
                Accept::NotEmptyAt(p)
            } else {
                Accept::Any
            };
            slots.fill(UNSET);
            if self.run(0, p, slots, accept)?.is_some() {
                return Ok(true);
            }
            if anchored || p >= self.end {
                return Ok(false);
            }
            p = self.advance(p);
        }
    }
}

/// A character from any slice (for backreference comparison).
fn decode_any(s: &[u8], i: usize, end: usize, utf8: bool) -> (u32, usize) {
    if !utf8 {
        return (s[i] as u32, i + 1);
    }
    decode(s, i, end)
}

/// First occurrence of `needle` in `hay`.
pub fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let first = needle[0];
    let last = hay.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last {
        match hay[i..=last].iter().position(|&b| b == first) {
            Some(k) => {
                i += k;
                if &hay[i..i + needle.len()] == needle {
                    return Some(i);
                }
                i += 1;
            }
            None => return None,
        }
    }
    None
}
