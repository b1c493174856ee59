//! Every object type, one file each. A file holds the payload struct, its
//! `PyObj` impl (how the collector traces it) and the type's Python-visible
//! methods and operations.

pub mod array;
pub mod bytes;
pub mod cell;
pub mod code;
pub mod complex;
pub mod descriptor;
pub mod dict;
pub mod dictview;
pub mod dunder;
pub mod exception;
pub mod float;
pub mod function;
pub mod generator;
pub mod instance;
pub mod int;
pub mod interpolation;
pub mod iter;
pub mod list;
pub mod memoryview;
pub mod module;
pub mod range;
pub mod set;
pub mod slice;
pub mod str;
pub mod str_surrogates;
pub mod str_tables;
pub mod template;
pub mod tuple;
pub mod type_;
pub mod weakref;

pub use bytes::BytesObj;
pub use cell::CellObj;
pub use code::CodeObj;
pub use dict::DictObj;
pub use exception::ExceptionObj;
pub use function::{BoundMethodObj, BuiltinFunctionObj, FunctionObj, NativeFn};
pub use generator::GeneratorObj;
pub use instance::InstanceObj;
pub use int::IntObj;
pub use list::ListObj;
pub use module::ModuleObj;
pub use range::RangeObj;
pub use set::SetObj;
pub use slice::SliceObj;
pub use str::StrObj;
pub use tuple::TupleObj;
pub use type_::TypeObj;

/// Install the methods of every built-in type.
pub fn install_methods(vm: &mut crate::vm::Vm) -> crate::error::PyResult<()> {
    list::install(vm)?;
    tuple::install(vm)?;
    slice::install(vm)?;
    range::install(vm)?;
    dict::install(vm)?;
    dictview::install(vm)?;
    set::install(vm)?;
    generator::install(vm)?;
    iter::install(vm)?;
    str::install(vm)?;
    bytes::install(vm)?;
    int::install(vm)?;
    float::install(vm)?;
    complex::install(vm)?;
    dunder::install(vm)?;
    template::install(vm)?;
    interpolation::install(vm)?;
    Ok(())
}
