//! Calling: argument binding, frames for Python functions, and the call protocol
//! for every kind of callable.

use krait_compiler::bytecode::CodeFlags;
use krait_syntax::{q, Qstr};

use crate::error::{ExcKind, PyResult};
use crate::gc::{Gc, ObjKind};
use crate::interp::Exit;
use crate::obj::descriptor::{ClassMethodObj, StaticMethodObj};
use crate::obj::*;
use crate::value::Value;
use crate::vm::{Frame, Vm};

impl Vm {
    /// Push a frame to run `func` from the interpreter loop. Its arguments are on
    /// the stack: `npos` positional ones from index `args_at`, followed by the
    /// keyword pairs `kw`. The result will be written to `ret_slot`.
    #[inline]
    pub(crate) fn push_py_frame(
        &mut self,
        func: Gc<FunctionObj>,
        args_at: usize,
        npos: usize,
        kw: &[Value],
        ret_slot: usize,
    ) -> PyResult<()> {
        self.push_py_frame_with(func, args_at, npos, None, kw, ret_slot)
    }

    /// As `push_py_frame`; with `pos` given, the positional arguments come from
    /// that slice instead of the stack, and the frame starts above `args_at + npos + kw`.
    #[inline]
    pub(crate) fn push_py_frame_with(
        &mut self,
        func: Gc<FunctionObj>,
        args_at: usize,
        npos: usize,
        pos: Option<&[Value]>,
        kw: &[Value],
        ret_slot: usize,
    ) -> PyResult<()> {
        let code = func.code;
        let c = &*code.code;
        let nlocals = c.varnames.len();
        let ncells = c.ncells();
        let size = nlocals + ncells + c.max_stack as usize;
        let simple = pos.is_none()
            && kw.is_empty()
            && npos == c.argcount as usize
            && c.kwonlyargcount == 0
            && c.flags.0 & (CodeFlags::VARARGS | CodeFlags::VARKEYWORDS) == 0;
        let base = if simple { args_at } else { args_at + npos + kw.len() };
        self.check_stack_room(base, size)?;
        if simple {
            for i in base + npos..base + size {
                self.stack_set(i, Value::NULL);
            }
        } else {
            for i in base..base + size {
                self.stack_set(i, Value::NULL);
            }
            let pos = match pos {
                Some(p) => p,
                None => self.stack_slice(args_at, npos),
            };
            self.bind_args(func, pos, kw, base)?;
        }
        if ncells > 0 {
            self.init_cells(func, base)?;
        }
        let top = (base + size).max(self.stack_top);
        self.frames.push(Frame {
            code,
            func: func.value(),
            globals: func.globals,
            locals: Value::NULL,
            base,
            sp: base + nlocals + ncells,
            ip: 0,
            top,
            generator: Value::NULL,
            ret_slot,
            is_entry: false,
            init_self: Value::NULL,
            operator: None,
        });
        self.stack_top = top;
        Ok(())
    }

    /// Fill the parameters of `func` at stack index `base` (already NULLed) from
    /// `pos` and the keyword pairs `kw`.
    pub(crate) fn bind_args(
        &mut self,
        func: Gc<FunctionObj>,
        pos: &[Value],
        kw: &[Value],
        base: usize,
    ) -> PyResult<()> {
        let c = &*func.code.code;
        let argcount = c.argcount as usize;
        let kwonly = c.kwonlyargcount as usize;
        let has_varargs = c.flags.has(CodeFlags::VARARGS);
        let has_varkw = c.flags.has(CodeFlags::VARKEYWORDS);
        let nparams = argcount + kwonly;
        let name = func.name;

        if pos.len() > argcount && !has_varargs {
            return Err(
                self.type_error(format!("{name}() takes {argcount} positional arguments but {} were given", pos.len()))
            );
        }
        let ncopy = pos.len().min(argcount);
        for (i, &v) in pos[..ncopy].iter().enumerate() {
            self.stack_set(base + i, v);
        }
        if has_varargs {
            let extra = if pos.len() > argcount { &pos[argcount..] } else { &[][..] };
            let t = self.new_tuple_from(extra)?;
            self.stack_set(base + nparams, t);
        }
        let kwdict = if has_varkw {
            let d = self.new_dict()?;
            self.stack_set(base + nparams + has_varargs as usize, d.value());
            Some(d)
        } else {
            None
        };
        for pair in kw.chunks_exact(2) {
            let key = pair[0];
            let kname = match key.as_qstr() {
                Some(qs) => qs,
                None => match crate::obj::str::as_str(&key) {
                    Some(s) => Qstr::new(s),
                    // Lone surrogates: no parameter has such a name, but `**kwargs` takes it.
                    None if crate::obj::str::has_surrogates(key) => match kwdict {
                        Some(d) => {
                            self.dict_set(d, key, pair[1])?;
                            continue;
                        }
                        None => {
                            let before = format!("{name}() got an unexpected keyword argument ");
                            return Err(crate::obj::str_surrogates::keyword_error(self, &before, key, ""));
                        }
                    },
                    None => return Err(self.type_error("keywords must be strings")),
                },
            };
            let posonly = c.posonlyargcount as usize;
            match c.varnames[posonly..nparams].iter().position(|&n| n == kname) {
                Some(j) => {
                    let slot = base + posonly + j;
                    if !self.stack_get(slot).is_null() {
                        return Err(self.type_error(format!("{name}() got multiple values for argument '{kname}'")));
                    }
                    self.stack_set(slot, pair[1]);
                }
                None => match kwdict {
                    Some(d) => d.get_mut().set_qstr(kname, pair[1]),
                    None => {
                        return Err(self.type_error(format!("{name}() got an unexpected keyword argument '{kname}'")))
                    }
                },
            }
        }
        // Defaults for missing positional parameters.
        if pos.len() < argcount {
            let defaults_obj = func.defaults.downcast::<TupleObj>();
            let defaults: &[Value] = match &defaults_obj {
                Some(t) => t.items(),
                None => &[],
            };
            let first_default = argcount - defaults.len().min(argcount);
            let mut missing = Vec::new();
            for i in pos.len()..argcount {
                if self.stack_get(base + i).is_null() {
                    if i >= first_default {
                        self.stack_set(base + i, defaults[i - first_default]);
                    } else {
                        missing.push(c.varnames[i]);
                    }
                }
            }
            if !missing.is_empty() {
                return Err(self.type_error(format!(
                    "{name}() missing {} required positional argument{}: {}",
                    missing.len(),
                    if missing.len() == 1 { "" } else { "s" },
                    missing.iter().map(|m| format!("'{m}'")).collect::<Vec<_>>().join(", ")
                )));
            }
        }
        for i in argcount..nparams {
            if self.stack_get(base + i).is_null() {
                let pname = c.varnames[i];
                let d = func.kwdefaults.downcast::<DictObj>().and_then(|d| d.get_qstr(pname));
                match d {
                    Some(v) => self.stack_set(base + i, v),
                    None => {
                        return Err(
                            self.type_error(format!("{name}() missing 1 required keyword-only argument: '{pname}'"))
                        )
                    }
                }
            }
        }
        Ok(())
    }

    /// Create the frame's cells: new ones for cellvars (taking over parameters
    /// they capture), and the closure's for freevars.
    fn init_cells(&mut self, func: Gc<FunctionObj>, base: usize) -> PyResult<()> {
        let c = &*func.code.code;
        let nlocals = c.varnames.len();
        for (i, &arg) in c.cell2arg.iter().enumerate() {
            let initial = if arg != u32::MAX { self.stack_get(base + arg as usize) } else { Value::NULL };
            let cell = self.alloc(CellObj { value: initial })?;
            self.stack_set(base + nlocals + i, cell.value());
        }
        for i in c.cell2arg.len()..c.cellvars.len() {
            let cell = self.alloc(CellObj { value: Value::NULL })?;
            self.stack_set(base + nlocals + i, cell.value());
        }
        if let Some(t) = func.closure.downcast::<TupleObj>() {
            let off = base + nlocals + c.cellvars.len();
            for (i, &cell) in t.items().iter().enumerate().take(c.freevars.len()) {
                self.stack_set(off + i, cell);
            }
        }
        Ok(())
    }

    /// Call a Python function from Rust: push its frame above everything and run
    /// the loop until it returns.
    pub fn call_function_obj(&mut self, func: Gc<FunctionObj>, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        let flags = func.code.code.flags.0;
        if flags & (CodeFlags::GENERATOR | CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR) != 0 {
            return self.make_generator(func, pos, kw);
        }
        if self.native_depth > 4000 {
            return Err(self.recursion_error());
        }
        // Arguments may live in Rust memory: copy them onto the stack first so
        // `push_py_frame` sees them where it expects them.
        let at = self.stack_top;
        let n = pos.len() + kw.len();
        self.check_stack_room(at, n)?;
        for (i, &v) in pos.iter().chain(kw.iter()).enumerate() {
            self.stack_set(at + i, v);
        }
        let saved_top = self.stack_top;
        self.stack_top = at + n;
        let kw_on_stack = self.stack_slice(at + pos.len(), kw.len());
        let depth = self.frames.len();
        let r = self.push_py_frame(func, at, pos.len(), kw_on_stack, at);
        if let Err(e) = r {
            self.stack_top = saved_top;
            return Err(e);
        }
        self.frames[depth].is_entry = true;
        self.native_depth += 1;
        let r = self.run_frames(None);
        self.native_depth -= 1;
        self.stack_top = saved_top;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.new_exception(ExcKind::SystemError, "unexpected yield")),
        }
    }

    /// Run module-level (or `exec`) code with the given namespaces.
    pub fn run_code(&mut self, code: Gc<CodeObj>, globals: Gc<DictObj>, locals: Value) -> PyResult<Value> {
        self.run_entry_frame(code, Value::NULL, globals, locals)
    }

    /// Call a class body function with `ns` as its namespace; returns what the
    /// body returns (the `__class__` cell, or None).
    pub fn run_class_body(&mut self, func: Gc<FunctionObj>, ns: Gc<DictObj>) -> PyResult<Value> {
        self.run_entry_frame(func.code, func.value(), func.globals, ns.value())
    }

    /// Push a frame for argument-less code above everything (its cells made:
    /// fresh ones, plus the closure's when `func` is a function) and run the loop
    /// until it returns.
    fn run_entry_frame(
        &mut self,
        code: Gc<CodeObj>,
        func: Value,
        globals: Gc<DictObj>,
        locals: Value,
    ) -> PyResult<Value> {
        let c = &*code.code;
        let base = self.stack_top;
        let size = c.varnames.len() + c.ncells() + c.max_stack as usize;
        self.check_stack_room(base, size)?;
        self.clear_stack(base, base + size);
        match func.downcast::<FunctionObj>() {
            Some(f) => self.init_cells(f, base)?,
            None => {
                for i in 0..c.cellvars.len() {
                    let cell = self.alloc(CellObj { value: Value::NULL })?;
                    self.stack_set(base + c.varnames.len() + i, cell.value());
                }
            }
        }
        let saved_top = self.stack_top;
        let top = base + size;
        self.frames.push(Frame {
            code,
            func,
            globals,
            locals,
            base,
            sp: base + c.varnames.len() + c.ncells(),
            ip: 0,
            top,
            generator: Value::NULL,
            ret_slot: 0,
            is_entry: true,
            init_self: Value::NULL,
            operator: None,
        });
        self.stack_top = top;
        self.native_depth += 1;
        let r = self.run_frames(None);
        self.native_depth -= 1;
        self.stack_top = saved_top;
        match r? {
            Exit::Return(v) => Ok(v),
            Exit::Yield(_) => Err(self.new_exception(ExcKind::SystemError, "unexpected yield")),
        }
    }

    /// Calling a generator function: bind the arguments into a new generator.
    fn make_generator(&mut self, func: Gc<FunctionObj>, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        let c = &*func.code.code;
        let nfixed = c.varnames.len() + c.ncells();
        let at = self.stack_top;
        self.check_stack_room(at, nfixed + pos.len() + kw.len())?;
        // Bind on the stack (above everything), then move into the generator.
        for i in at..at + nfixed {
            self.stack_set(i, Value::NULL);
        }
        let saved_top = self.stack_top;
        self.stack_top = at + nfixed;
        let r = self.bind_args(func, pos, kw, at).and_then(|_| self.init_cells(func, at));
        self.stack_top = saved_top;
        r?;
        let g = self.alloc(GeneratorObj::new(func, self.stack_slice(at, nfixed)))?;
        Ok(g.value())
    }

    /// Call any callable with positional arguments and keyword pairs.
    pub fn call_value(&mut self, f: Value, pos: &[Value], kw: &[Value]) -> PyResult<Value> {
        match f.kind() {
            Some(ObjKind::Function) => self.call_function_obj(Gc::from_value_unchecked(f), pos, kw),
            Some(ObjKind::BuiltinFunction) => {
                let b = Gc::<BuiltinFunctionObj>::from_value_unchecked(f);
                // (`call_native`: a str method may ask to run again, see `str_surrogates`.)
                if b.bound_self.is_null() {
                    crate::obj::str_surrogates::call_native(self, b.f, pos, kw)
                } else {
                    let mut args = Vec::with_capacity(pos.len() + 1);
                    args.push(b.bound_self);
                    args.extend_from_slice(pos);
                    crate::obj::str_surrogates::call_native(self, b.f, &args, kw)
                }
            }
            Some(ObjKind::BoundMethod) => {
                let m = Gc::<BoundMethodObj>::from_value_unchecked(f);
                let mut args = Vec::with_capacity(pos.len() + 1);
                args.push(m.self_);
                args.extend_from_slice(pos);
                let func = m.func;
                self.call_value(func, &args, kw)
            }
            Some(ObjKind::Type) => self.call_type(Gc::from_value_unchecked(f), pos, kw),
            Some(ObjKind::StaticMethod) => {
                let func = Gc::<StaticMethodObj>::from_value_unchecked(f).func;
                self.call_value(func, pos, kw)
            }
            Some(ObjKind::ClassMethod) => {
                let func = Gc::<ClassMethodObj>::from_value_unchecked(f).func;
                self.call_value(func, pos, kw)
            }
            _ => {
                let t = self.type_of(f);
                if let Some(call) = t.lookup(q::__call__) {
                    let mut args = Vec::with_capacity(pos.len() + 1);
                    args.push(f);
                    args.extend_from_slice(pos);
                    return self.call_value(call, &args, kw);
                }
                Err(self.type_error(format!("'{}' object isn't callable", t.name)))
            }
        }
    }

    /// `f(*args, **kwargs)`: `args` any iterable, `kwargs` a mapping or NULL.
    pub fn call_ex(&mut self, f: Value, args: Value, kwargs: Value) -> PyResult<Value> {
        let base_mark = self.temp_roots.len();
        let pos: Vec<Value> =
            if let Some(t) = args.downcast::<TupleObj>() { t.items().to_vec() } else { self.collect_iterable(args)? };
        let mut kw = Vec::new();
        if !kwargs.is_null() {
            if let Some(d) = kwargs.downcast::<DictObj>() {
                for (k, v) in d.iter() {
                    if !crate::obj::str::is_str(k) {
                        return Err(self.type_error("keywords must be strings"));
                    }
                    kw.push(k);
                    kw.push(v);
                }
            } else {
                if self.type_of(kwargs).lookup(q::keys).is_none() {
                    return Err(
                        self.type_error(format!("argument after ** must be a mapping, not {}", self.type_name(kwargs)))
                    );
                }
                // The pairs stay rooted until the call is over (`base_mark`).
                match self.user_mapping_items(kwargs, true) {
                    Ok(pairs) => kw.extend(pairs.into_iter().flat_map(|(k, v)| [k, v])),
                    Err(e) => {
                        self.temp_roots.truncate(base_mark);
                        return Err(e);
                    }
                }
            }
        }
        self.temp_roots.push(args);
        self.temp_roots.push(kwargs);
        if !args.is_kind(ObjKind::Tuple) {
            // Gathered from an iterable (or a copy of a list the call may change):
            // a built-in `f` gets them as they are, and may run Python code.
            self.temp_roots.extend_from_slice(&pos);
        }
        let r = self.call_value(f, &pos, &kw);
        self.temp_roots.truncate(base_mark);
        r
    }

    /// Call `obj.name(*args)`.
    pub fn call_method(&mut self, obj: Value, name: Qstr, args: &[Value]) -> PyResult<Value> {
        let (m, s) = self.load_method(obj, name)?;
        if s.is_null() {
            self.call_value(m, args, &[])
        } else {
            let mut all = Vec::with_capacity(args.len() + 1);
            all.push(s);
            all.extend_from_slice(args);
            self.call_value(m, &all, &[])
        }
    }

    /// Look up a special method on the *type* of `obj` and call it bound to `obj`;
    /// `None` when the type doesn't define it.
    pub fn call_special(&mut self, obj: Value, name: Qstr, args: &[Value]) -> PyResult<Option<Value>> {
        let t = self.type_of(obj);
        let Some(m) = t.lookup(name) else { return Ok(None) };
        self.call_dunder(m, obj, args).map(Some)
    }

    /// Call `m`, an attribute found on the type of `obj`, as a method of `obj`:
    /// functions get `obj` first, static methods don't, class methods get the class.
    pub fn call_dunder(&mut self, m: Value, obj: Value, args: &[Value]) -> PyResult<Value> {
        // The receiver and arguments in one slice: on the Rust stack for the few
        // arguments a special method takes (no allocation per operator call).
        let mut buf = [Value::NULL; 4];
        let mut heap_buf = Vec::new();
        match m.kind() {
            Some(ObjKind::StaticMethod) => {
                let f = Gc::<StaticMethodObj>::from_value_unchecked(m).func;
                self.call_value(f, args, &[])
            }
            Some(ObjKind::ClassMethod) => {
                let f = Gc::<ClassMethodObj>::from_value_unchecked(m).func;
                let all = prepend(self.type_of(obj).value(), args, &mut buf, &mut heap_buf);
                self.call_value(f, all, &[])
            }
            Some(ObjKind::Function) | Some(ObjKind::BuiltinFunction) => {
                let all = prepend(obj, args, &mut buf, &mut heap_buf);
                self.call_value(m, all, &[])
            }
            _ => {
                let t = self.type_of(obj);
                let bound = self.bind_class_attr(m, obj, t)?;
                self.call_value(bound, args, &[])
            }
        }
    }

    /// `MakeFunction`.
    pub(crate) fn make_function(
        &mut self,
        code_v: Value,
        globals: Gc<DictObj>,
        defaults: Value,
        kwdefaults: Value,
        closure: Value,
    ) -> PyResult<Value> {
        let code = Gc::<CodeObj>::from_value_unchecked(code_v);
        let f = self.alloc(FunctionObj {
            code,
            globals,
            name: code.code.name,
            qualname: code.code.qualname,
            defaults,
            kwdefaults,
            closure,
            dict: Value::NULL,
            native_entry: 0,
        })?;
        Ok(f.value())
    }
}

/// `first` followed by `args`, in `buf` when they fit (else in `heap`).
fn prepend<'a>(first: Value, args: &[Value], buf: &'a mut [Value; 4], heap: &'a mut Vec<Value>) -> &'a [Value] {
    if args.len() < buf.len() {
        buf[0] = first;
        buf[1..=args.len()].copy_from_slice(args);
        &buf[..=args.len()]
    } else {
        heap.push(first);
        heap.extend_from_slice(args);
        heap
    }
}
