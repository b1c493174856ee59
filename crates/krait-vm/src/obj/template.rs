//! `string.templatelib.Template` (PEP 750): what a t-string evaluates to (the
//! `BuildTemplate` op), its constructor, concatenation, repr, and its iterator.

use krait_syntax::{q, Qstr};

use crate::error::PyResult;
use crate::gc::{Gc, ObjKind, PyObj, Tracer};
use crate::obj::interpolation::InterpolationObj;
use crate::obj::str::{as_str, is_str};
use crate::obj::{TupleObj, TypeObj};
use crate::value::Value;
use crate::vm::Vm;

pub struct TemplateObj {
    /// A tuple of strs: the literal parts, one more than the interpolations
    /// (empty strings included).
    pub strings: Value,
    /// A tuple of `Interpolation`s.
    pub interpolations: Value,
}

impl PyObj for TemplateObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark(self.strings);
        t.mark(self.interpolations);
    }
    fn class(&self, vm: &Vm) -> Gc<TypeObj> {
        vm.types.template
    }
}

impl TemplateObj {
    fn strings(&self) -> &[Value] {
        self.strings.downcast::<TupleObj>().map_or(&[], |t| t.items())
    }

    fn interpolations(&self) -> &[Value] {
        self.interpolations.downcast::<TupleObj>().map_or(&[], |t| t.items())
    }
}

/// Iterates a template's non-empty strings and its interpolations, in order.
pub struct TemplateIterObj {
    template: Gc<TemplateObj>,
    /// Position in `strings[0], interpolations[0], strings[1], ...`.
    index: usize,
}

impl PyObj for TemplateIterObj {
    const KIND: ObjKind = ObjKind::Other;
    fn trace(&self, t: &mut Tracer) {
        t.mark_gc(self.template);
    }
    fn class(&self, vm: &Vm) -> Gc<TypeObj> {
        vm.types.template_iter
    }
}

fn new_template(vm: &mut Vm, strings: Value, interpolations: Value) -> PyResult<Value> {
    Ok(vm.alloc(TemplateObj { strings, interpolations })?.value())
}

fn tuple_of(vm: &mut Vm, items: &[Value]) -> PyResult<Value> {
    if items.is_empty() {
        return Ok(vm.types.empty_tuple);
    }
    vm.new_tuple_from(items)
}

/// `BuildTemplate`: a t-string's template from its strings (a constant tuple)
/// and its interpolations (on the stack).
pub fn build(vm: &mut Vm, strings: Value, interpolations: &[Value]) -> PyResult<Value> {
    let well_formed = strings
        .downcast::<TupleObj>()
        .is_some_and(|t| t.items().len() == interpolations.len() + 1 && t.items().iter().all(|&s| is_str(s)))
        && interpolations.iter().all(|i| i.downcast::<InterpolationObj>().is_some());
    if !well_formed {
        return Err(vm.type_error("a template needs a tuple of n + 1 strs for n interpolations"));
    }
    let interpolations = tuple_of(vm, interpolations)?;
    new_template(vm, strings, interpolations)
}

/// `__template__(strings, fields)` or `__template__(strings, *fields)`:
/// MicroPython's built-in behind its t-strings, kept for programs that call it.
/// `strings` is a tuple of strs; `fields` holds each interpolation's `value,
/// expression, conversion, format_spec` in turn (flat), as one sequence or as
/// the further arguments.
pub fn builtin_template(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let fields: Vec<Value> = match args {
        [_, seq] => match (seq.downcast::<TupleObj>(), seq.downcast::<crate::obj::ListObj>()) {
            (Some(t), _) => t.items().to_vec(),
            (_, Some(l)) => l.items.clone(),
            _ => return Err(vm.type_error("__template__() fields must be a tuple or a list")),
        },
        _ => args[1..].to_vec(),
    };
    if !fields.len().is_multiple_of(4) {
        return Err(vm.type_error("__template__() fields come in fours: value, expression, conversion, format_spec"));
    }
    let mut interpolations = Vec::with_capacity(fields.len() / 4);
    for f in fields.chunks_exact(4) {
        interpolations.push(crate::obj::interpolation::new_checked(vm, [f[0], f[1], f[2], f[3]])?);
    }
    build(vm, args[0], &interpolations)
}

/// `Template(*args)`: strs and interpolations in any order; strs next to each
/// other are joined, and an empty str goes between interpolations next to each
/// other (and before a first or after a last one).
fn template_new(vm: &mut Vm, _cls: Gc<TypeObj>, args: &[Value], kw: &[Value]) -> PyResult<Value> {
    crate::obj::function::check_args(vm, args, kw, 0, usize::MAX, false)?;
    let mut strings: Vec<Value> = Vec::with_capacity(args.len() / 2 + 1);
    let mut interpolations: Vec<Value> = Vec::with_capacity(args.len() / 2);
    // The text of a run of several strs, joined when the run ends.
    let mut run: Option<String> = None;
    let mut last_was_str = false;
    for &a in args {
        if a.downcast::<InterpolationObj>().is_some() {
            if let Some(text) = run.take() {
                let joined = vm.new_string(text)?;
                *strings.last_mut().expect("a run follows a str") = joined;
            }
            if !last_was_str {
                strings.push(Value::qstr(q::EMPTY));
            }
            interpolations.push(a);
            last_was_str = false;
            continue;
        }
        let text = vm.builtin_receiver(a);
        let Some(text) = as_str(&text) else {
            return Err(vm.type_error("expected str or Interpolation"));
        };
        if !last_was_str {
            strings.push(a);
        } else {
            let prev = vm.builtin_receiver(*strings.last().expect("a str came before"));
            let run = run.get_or_insert_with(|| as_str(&prev).unwrap_or("").to_owned());
            run.push_str(text);
        }
        last_was_str = true;
    }
    if let Some(text) = run.take() {
        let joined = vm.new_string(text)?;
        *strings.last_mut().expect("a run follows a str") = joined;
    }
    if !last_was_str {
        strings.push(Value::qstr(q::EMPTY));
    }
    let strings = vm.new_tuple_from(&strings)?;
    let interpolations = tuple_of(vm, &interpolations)?;
    new_template(vm, strings, interpolations)
}

fn this(vm: &mut Vm, v: Value) -> PyResult<Gc<TemplateObj>> {
    match v.downcast::<TemplateObj>() {
        Some(t) => Ok(t),
        None => Err(vm.type_error(format!("descriptor requires a 'Template' object, not '{}'", vm.type_name(v)))),
    }
}

fn strings(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.strings)
}

fn interpolations(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(this(vm, args[0])?.interpolations)
}

/// `values`: the interpolations' values, a new tuple each time (as in CPython).
fn values(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args[0])?;
    let interps = t.interpolations();
    if interps.is_empty() {
        return Ok(vm.types.empty_tuple);
    }
    vm.new_tuple_with(interps.len(), |out| {
        for (o, i) in out.iter_mut().zip(interps) {
            *o = i.downcast::<InterpolationObj>().map_or(Value::NONE, |i| i.value);
        }
    })
}

/// `template + template`: the last string of one joins the first of the other.
/// Anything else is not supported (PEP 750 rules out `str`: whether it would be
/// literal text or an interpolation is ambiguous).
fn add(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let a = this(vm, args[0])?;
    let Some(b) = args[1].downcast::<TemplateObj>() else {
        return Ok(Value::NOT_IMPLEMENTED);
    };
    let (sa, sb) = (a.strings(), b.strings());
    let (Some((&a_last, a_rest)), Some((&b_first, b_rest))) = (sa.split_last(), sb.split_first()) else {
        return Err(vm.type_error("Template with no strings"));
    };
    let mut joined = String::from(as_str(&a_last).unwrap_or(""));
    joined.push_str(as_str(&b_first).unwrap_or(""));
    let joined = vm.new_string(joined)?;
    let strings = vm.new_tuple_with(sa.len() + sb.len() - 1, |out| {
        let (left, right) = out.split_at_mut(a_rest.len());
        left.copy_from_slice(a_rest);
        right[0] = joined;
        right[1..].copy_from_slice(b_rest);
    })?;
    let (ia, ib) = (a.interpolations(), b.interpolations());
    let interpolations = if ib.is_empty() {
        a.interpolations
    } else if ia.is_empty() {
        b.interpolations
    } else {
        vm.new_tuple_with(ia.len() + ib.len(), |out| {
            let (left, right) = out.split_at_mut(ia.len());
            left.copy_from_slice(ia);
            right.copy_from_slice(ib);
        })?
    };
    new_template(vm, strings, interpolations)
}

/// `Template(strings=(...), interpolations=(...))`.
fn repr(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let t = this(vm, args[0])?;
    let mut s = String::from("Template(strings=");
    vm.repr_into(t.strings, &mut s)?;
    s.push_str(", interpolations=");
    vm.repr_into(t.interpolations, &mut s)?;
    s.push(')');
    vm.new_string(s)
}

fn iter(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let template = this(vm, args[0])?;
    Ok(vm.alloc(TemplateIterObj { template, index: 0 })?.value())
}

fn iter_next(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    let Some(it) = args[0].downcast::<TemplateIterObj>() else {
        return Err(vm.type_error("__next__ needs a TemplateIter"));
    };
    let template = it.template;
    let (strings, interps) = (template.strings(), template.interpolations());
    loop {
        let i = it.index;
        let item = if i % 2 == 0 { strings.get(i / 2) } else { interps.get(i / 2) };
        let Some(&item) = item else {
            return Err(vm.stop_iteration(Value::NONE));
        };
        it.get_mut().index = i + 1;
        // Empty strings are left out.
        if i % 2 == 1 || as_str(&item).is_some_and(|s| !s.is_empty()) {
            return Ok(item);
        }
    }
}

fn iter_self(_vm: &mut Vm, args: &[Value], _kw: &[Value]) -> PyResult<Value> {
    Ok(args[0])
}

pub fn install(vm: &mut Vm) -> PyResult<()> {
    let t = vm.types.template;
    t.get_mut().module = Qstr::from_static("string.templatelib");
    vm.set_make_new(t, template_new);
    vm.add_methods(
        t,
        &[("__add__", crate::sig!(add, 2)), ("__iter__", crate::sig!(iter, 1)), ("__repr__", crate::sig!(repr, 1))],
    )?;
    vm.add_property(t, "strings", crate::sig!(strings, 1))?;
    vm.add_property(t, "interpolations", crate::sig!(interpolations, 1))?;
    vm.add_property(t, "values", crate::sig!(values, 1))?;
    let it = vm.types.template_iter;
    it.get_mut().module = Qstr::from_static("string.templatelib");
    vm.add_methods(it, &[("__next__", crate::sig!(iter_next, 1)), ("__iter__", crate::sig!(iter_self, 1))])?;
    Ok(())
}
