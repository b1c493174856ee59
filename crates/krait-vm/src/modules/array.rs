//! `array`: the module of the `array.array` typed sequence (the type lives in
//! `obj/array.rs`).

use krait_syntax::Qstr;

use crate::error::PyResult;
use crate::value::Value;
use crate::vm::Vm;

pub fn make(vm: &mut Vm) -> PyResult<Value> {
    let m = crate::modules::new_native_module(vm, "array", &[])?;
    let t = crate::obj::array::make_type(vm)?;
    if let Some(md) = m.downcast::<crate::obj::ModuleObj>() {
        md.dict.get_mut().set_qstr(Qstr::new("array"), t.value());
        md.dict.get_mut().set_qstr(Qstr::new("ArrayType"), t.value());
        md.dict.get_mut().set_qstr(Qstr::new("typecodes"), Value::qstr(Qstr::new("bBhHiIlLqQfd")));
    }
    Ok(m)
}
