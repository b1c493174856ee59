//! Compiling source into code objects, and the import system: built-in modules,
//! `.py` modules and packages found on `sys.path`, relative imports.

use std::os::unix::ffi::OsStringExt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use krait_compiler::{Code, Const};
use krait_syntax::{q, Mode, Qstr};

use crate::error::{ExcKind, PyErr, PyResult};
use crate::gc::Gc;
use crate::obj::exception::{ExceptionObj, TbEntry};
use crate::obj::str::as_str;
use crate::obj::*;
use crate::value::Value;
use crate::vm::Vm;

/// Strings up to this long in code constants are interned.
const INTERN_CONST_MAX: usize = 64;

impl Vm {
    /// Compile source text into a code object.
    pub fn compile(&mut self, source: &str, filename: &str, mode: Mode) -> PyResult<Gc<CodeObj>> {
        let opts = krait_compiler::CompileOptions { optimize: self.options.optimize };
        match krait_compiler::compile_source_with(source, filename, mode, &opts) {
            Ok(code) => self.load_code(&code),
            Err(e) => Err(self.syntax_error(&e, filename)),
        }
    }

    /// A Python `SyntaxError` (or `IndentationError`) for a front-end error, with
    /// the file and line as its traceback entry.
    pub fn syntax_error(&mut self, e: &krait_syntax::SyntaxError, filename: &str) -> PyErr {
        let kind = match e.kind {
            krait_syntax::SyntaxErrorKind::SyntaxError => ExcKind::SyntaxError,
            krait_syntax::SyntaxErrorKind::IndentationError => ExcKind::IndentationError,
            krait_syntax::SyntaxErrorKind::NotImplementedError => ExcKind::NotImplementedError,
        };
        let err = self.new_exception(kind, &e.msg);
        if let Some(x) = err.0.downcast::<ExceptionObj>() {
            x.get_mut().traceback.push(TbEntry { file: Qstr::new(filename), line: e.line, func: q::EMPTY });
        }
        err
    }

    /// Turn compiled code into a heap code object, its constants into values.
    pub fn load_code(&mut self, code: &Rc<Code>) -> PyResult<Gc<CodeObj>> {
        let mut consts = Vec::with_capacity(code.consts.len());
        for c in &code.consts {
            let v = self.const_value(c)?;
            consts.push(v);
            // Keep what is built so far alive (a nested code object may allocate a lot).
            self.temp_roots.push(v);
        }
        let n = consts.len();
        let r = self.alloc(CodeObj::new(code.clone(), consts.into_boxed_slice()));
        self.temp_roots.truncate(self.temp_roots.len() - n);
        r
    }

    fn const_value(&mut self, c: &Const) -> PyResult<Value> {
        Ok(match c {
            Const::None => Value::NONE,
            Const::True => Value::TRUE,
            Const::False => Value::FALSE,
            Const::Ellipsis => Value::ELLIPSIS,
            Const::Int(i) => self.new_int(*i)?,
            Const::BigInt(digits) => match crate::num::int::parse_int(digits, 10) {
                Ok(iv) => match iv {
                    crate::num::IntValue::Small(i) => self.new_int(i)?,
                    crate::num::IntValue::Big(b) => self.new_bigint(b)?,
                },
                Err(e) => return Err(self.num_error(e, digits)),
            },
            Const::Float(f) => Value::float(*f),
            Const::Complex { real, imag } => crate::obj::complex::new_complex(self, *real, *imag)?,
            Const::Str(s) => {
                if s.len() <= INTERN_CONST_MAX {
                    Value::qstr(Qstr::new(s))
                } else {
                    self.new_str(s)?
                }
            }
            Const::SurrogateStr(b) => self.new_wtf8(b)?,
            Const::Bytes(b) => self.new_bytes(b.to_vec())?,
            Const::Tuple(items) => {
                let mut vs = Vec::with_capacity(items.len());
                for i in items.iter() {
                    let v = self.const_value(i)?;
                    self.temp_roots.push(v);
                    vs.push(v);
                }
                let n = vs.len();
                let t = self.new_tuple(vs);
                self.temp_roots.truncate(self.temp_roots.len() - n);
                t?
            }
            Const::Code(code) => self.load_code(code)?.value(),
        })
    }

    /// A new module object registered nowhere yet.
    pub fn new_module(&mut self, name: &str) -> PyResult<Gc<ModuleObj>> {
        let dict = self.new_dict()?;
        let name_q = Qstr::new(name);
        dict.get_mut().set_qstr(q::__name__, Value::qstr(name_q));
        self.alloc(ModuleObj { name: name_q, dict })
    }

    /// Execute source as the module `name` and register it in `sys.modules`.
    pub fn exec_module_source(&mut self, name: &str, source: &str, filename: &str) -> PyResult<Gc<ModuleObj>> {
        let code = self.compile(source, filename, Mode::File)?;
        self.temp_roots.push(code.value());
        let m = self.new_module(name);
        self.temp_roots.pop();
        let m = m?;
        m.dict.get_mut().set_qstr(q::__file__, Value::qstr(Qstr::new(filename)));
        let key = Value::qstr(Qstr::new(name));
        self.dict_set(self.modules, key, m.value())?;
        match self.run_code(code, m.dict, Value::NULL) {
            Ok(_) => Ok(m),
            Err(e) => {
                let _ = self.dict_remove(self.modules, key);
                Err(e)
            }
        }
    }

    /// `ImportName`: `import a.b.c` / `from .x import y`.
    pub fn import_name(&mut self, name: Qstr, fromlist: Value, level: Value, globals: Gc<DictObj>) -> PyResult<Value> {
        let level = level.as_small_int().unwrap_or(0).max(0) as usize;
        let full =
            if level > 0 { self.resolve_relative(name.as_str(), level, globals)? } else { name.as_str().to_owned() };
        if full.is_empty() {
            return Err(self.new_exception(ExcKind::ImportError, "empty module name"));
        }
        // Import every prefix: `a`, `a.b`, `a.b.c`.
        let mut top = Value::NONE;
        let mut leaf = Value::NONE;
        let mut prefix = String::new();
        for (i, part) in full.split('.').enumerate() {
            if i > 0 {
                prefix.push('.');
            }
            prefix.push_str(part);
            let loaded = i > 0 && self.dict_get(self.modules, Value::qstr(Qstr::new(&prefix)))?.is_some();
            let m = self.import_one(&prefix, leaf)?;
            if i > 0 && !loaded {
                // Bind a submodule just loaded as an attribute of its parent (only
                // then: the parent may have rebound the name since).
                if let Some(p) = leaf.downcast::<ModuleObj>() {
                    p.dict.get_mut().set_qstr(Qstr::new(part), m);
                }
            }
            if i == 0 {
                top = m;
            }
            leaf = m;
        }
        let want_leaf = !fromlist.is_none() && !fromlist.is_null() && self.truthy(fromlist)?;
        if want_leaf || (level > 0 && name == q::EMPTY) {
            Ok(leaf)
        } else if level > 0 {
            // `from . import x` style handled above; `import .a` isn't valid syntax.
            Ok(leaf)
        } else {
            Ok(top)
        }
    }

    fn resolve_relative(&mut self, name: &str, level: usize, globals: Gc<DictObj>) -> PyResult<String> {
        let pkg_name = match globals.get_qstr(q::__name__) {
            Some(v) => crate::obj::str_surrogates::utf8(self, &v)?.map(str::to_owned).unwrap_or_default(),
            None => String::new(),
        };
        let is_pkg = globals.get_qstr(q::__path__).is_some();
        let mut parts: Vec<&str> = if pkg_name.is_empty() { vec![] } else { pkg_name.split('.').collect() };
        // A module's package is its name without the last part; a package is its own.
        let drop = if is_pkg { level - 1 } else { level };
        if drop > parts.len() || (pkg_name == "__main__" && !is_pkg) {
            return Err(self.new_exception(ExcKind::ImportError, "can't perform relative import"));
        }
        parts.truncate(parts.len() - drop);
        let mut base = parts.join(".");
        if !name.is_empty() {
            if !base.is_empty() {
                base.push('.');
            }
            base.push_str(name);
        }
        if base.is_empty() {
            return Err(self.new_exception(ExcKind::ImportError, "can't perform relative import"));
        }
        Ok(base)
    }

    /// Import one dotted name whose parent (if any) is already imported.
    fn import_one(&mut self, full: &str, parent: Value) -> PyResult<Value> {
        let key = Value::qstr(Qstr::new(full));
        let top_level = !full.contains('.');
        // An empty `sys.path` forces a built-in module, as in MicroPython (a module
        // on the file system extending a built-in one imports it so).
        let forced = top_level && self.sys_path().is_empty();
        if !forced {
            if let Some(m) = self.dict_get(self.modules, key)? {
                return Ok(m);
            }
        }
        // Built-in modules win over the file system, except MicroPython's extensible
        // ones (`os`, `time`, `json`, …), which come after it.
        if top_level && (forced || !crate::modules::is_extensible(full)) {
            if let Some(m) = crate::modules::make_builtin_module(self, full)? {
                if self.dict_get(self.modules, key)?.is_none() {
                    self.dict_set(self.modules, key, m)?;
                }
                return Ok(m);
            }
        }
        let last = full.rsplit('.').next().unwrap_or(full);
        let search: Vec<PathBuf> = match parent.downcast::<ModuleObj>() {
            Some(p) => match p.dict.get_qstr(q::__path__).and_then(|v| crate::obj::str_surrogates::fs_bytes(&v)) {
                Some(dir) => vec![PathBuf::from(std::ffi::OsString::from_vec(dir))],
                None if crate::modules::is_builtin_submodule(full) => {
                    // A built-in submodule of a module that is not a package
                    // (`string.templatelib` of the frozen `string`).
                    if let Some(m) = crate::modules::make_builtin_module(self, full)? {
                        self.dict_set(self.modules, key, m)?;
                        return Ok(m);
                    }
                    return Err(self.module_not_found(full));
                }
                None => {
                    return Err(self.module_not_found(full));
                }
            },
            None => self.sys_path(),
        };
        for dir in search {
            let dir = if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir };
            let pkg_dir = dir.join(last);
            let init = pkg_dir.join("__init__.py");
            if init.is_file() {
                return self.load_source_module(full, &init, Some(&pkg_dir));
            }
            let file = dir.join(format!("{last}.py"));
            if file.is_file() {
                return self.load_source_module(full, &file, None);
            }
            if pkg_dir.is_dir() {
                // A namespace package (a directory without `__init__.py`).
                let m = self.new_module(full)?;
                let p = self.new_string(display_path(&pkg_dir))?;
                m.dict.get_mut().set_qstr(q::__path__, p);
                self.dict_set(self.modules, key, m.value())?;
                return Ok(m.value());
            }
        }
        if top_level {
            if let Some(m) = crate::modules::make_builtin_module(self, full)? {
                self.dict_set(self.modules, key, m)?;
                return Ok(m);
            }
        }
        Err(self.module_not_found(full))
    }

    fn module_not_found(&mut self, name: &str) -> PyErr {
        self.new_exception(ExcKind::ModuleNotFoundError, format!("no module named '{name}'"))
    }

    fn sys_path(&mut self) -> Vec<PathBuf> {
        let Some(path) = self.sys_dict.get_qstr(q::__path__).or_else(|| self.sys_dict.get_qstr(Qstr::new("path")))
        else {
            return vec![PathBuf::from(".")];
        };
        let items = match (path.downcast::<ListObj>(), path.downcast::<TupleObj>()) {
            (Some(l), _) => l.items.clone(),
            (_, Some(t)) => t.items().to_vec(),
            _ => return vec![PathBuf::from(".")],
        };
        // (Lone surrogates in an entry stand for the bytes they were decoded from.)
        items
            .iter()
            .filter_map(crate::obj::str_surrogates::fs_bytes)
            .map(|b| PathBuf::from(std::ffi::OsString::from_vec(b)))
            .collect()
    }

    fn load_source_module(&mut self, name: &str, file: &Path, pkg_dir: Option<&Path>) -> PyResult<Value> {
        let source = match std::fs::read(file) {
            Ok(b) => b,
            Err(e) => {
                return Err(self.new_exception(ExcKind::ImportError, format!("can't read {}: {e}", file.display())))
            }
        };
        let source = match String::from_utf8(source) {
            Ok(s) => s,
            Err(_) => {
                return Err(self.new_exception(ExcKind::SyntaxError, format!("invalid UTF-8 in {}", file.display())))
            }
        };
        let filename = display_path(file);
        let code = self.compile(&source, &filename, Mode::File)?;
        self.temp_roots.push(code.value());
        let m = self.new_module(name);
        self.temp_roots.pop();
        let m = m?;
        let fv = self.new_string(filename)?;
        m.dict.get_mut().set_qstr(q::__file__, fv);
        if let Some(dir) = pkg_dir {
            let p = self.new_string(display_path(dir))?;
            m.dict.get_mut().set_qstr(q::__path__, p);
        }
        let key = Value::qstr(Qstr::new(name));
        self.dict_set(self.modules, key, m.value())?;
        match self.run_code(code, m.dict, Value::NULL) {
            Ok(_) => Ok(m.value()),
            Err(e) => {
                let _ = self.dict_remove(self.modules, key);
                Err(e)
            }
        }
    }

    /// `ImportFrom`: `from m import name`.
    pub fn import_from(&mut self, m: Value, name: Qstr) -> PyResult<Value> {
        if let Some(v) = self.get_attr_opt(m, name)? {
            return Ok(v);
        }
        // Maybe a submodule not imported yet.
        if let Some(module) = m.downcast::<ModuleObj>() {
            let full = format!("{}.{}", module.name, name);
            if module.dict.get_qstr(q::__path__).is_some() || crate::modules::is_builtin_submodule(&full) {
                if let Ok(sub) = self.import_one(&full, m) {
                    module.dict.get_mut().set_qstr(name, sub);
                    return Ok(sub);
                }
            }
        }
        Err(self.new_exception(ExcKind::ImportError, format!("cannot import name '{name}'")))
    }

    /// `from m import *`: the names in `m.__all__` (found like any attribute, so a
    /// module's `__getattr__` may supply it), else every public name of the module
    /// (or, for any other object, of its `__dict__`).
    pub fn import_star(&mut self, m: Value, target: Gc<DictObj>) -> PyResult<()> {
        let all = match self.get_attr_opt(m, q::__all__) {
            Err(e) if self.exc_matches(e, ExcKind::AttributeError) => None,
            r => r?,
        };
        if let Some(all) = all {
            self.temp_roots.push(all);
            let names = self.collect_iterable(all);
            self.temp_roots.pop();
            for n in names? {
                let Some(s) = crate::obj::str_surrogates::utf8(self, &n)? else {
                    let t = self.type_name(n).to_owned();
                    return Err(self.type_error(format!("Item in __all__ must be str, not {t}")));
                };
                let nq = Qstr::new(s);
                let v = self.get_attr(m, nq)?;
                target.get_mut().set_qstr(nq, v);
            }
            return Ok(());
        }
        let dict = match m.downcast::<ModuleObj>() {
            Some(module) => module.dict,
            None => match self.get_attr_opt(m, q::__dict__)?.and_then(|d| d.downcast::<DictObj>()) {
                Some(d) => d,
                None => {
                    return Err(
                        self.new_exception(ExcKind::ImportError, "from-import-* object has no __dict__ and no __all__")
                    )
                }
            },
        };
        for (k, v) in dict.iter().collect::<Vec<_>>() {
            if let Some(s) = as_str(&k) {
                if !s.starts_with('_') {
                    target.get_mut().set_qstr(Qstr::new(s), v);
                }
            } else if crate::obj::str::has_surrogates(k) {
                // (A name with lone surrogates can't be interned; the dict takes it as it is.)
                self.dict_set(target, k, v)?;
            }
        }
        Ok(())
    }
}

fn display_path(p: &Path) -> String {
    let s = p.to_string_lossy();
    s.strip_prefix("./").unwrap_or(&s).to_owned()
}
