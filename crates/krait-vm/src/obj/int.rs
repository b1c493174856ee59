//! `int` beyond the small-int range: heap integers.
//!
//! Ints in `[-2^47, 2^47)` are immediates (`value.rs`); everything else is an
//! `IntObj`. Every constructor normalises, so an `IntObj` never holds a value that
//! would fit in a small int — equal ints thus have one representation.
//!
//! Ints that fit in 128 bits (64-bit hashes, PRNG states, CRCs) are kept as an
//! `i128` and computed on with machine arithmetic (DESIGN.md decision 1); their
//! `BigInt` form is only built, once, when something asks for it (`big()`).

use std::cell::OnceCell;

use num_bigint::BigInt;
use num_traits::ToPrimitive;

use crate::gc::{ObjKind, PyObj, Tracer};

pub struct IntObj {
    /// The value, when it fits in an i128.
    wide: Option<i128>,
    /// The value as a BigInt: always set when `wide` is None, else built on demand.
    big: OnceCell<BigInt>,
}

impl IntObj {
    pub fn from_i128(i: i128) -> IntObj {
        IntObj { wide: Some(i), big: OnceCell::new() }
    }

    pub fn from_bigint(b: BigInt) -> IntObj {
        let wide = b.to_i128();
        let big = OnceCell::new();
        if wide.is_none() {
            let _ = big.set(b);
        }
        IntObj { wide, big }
    }

    /// The value when it fits in an i128.
    #[inline]
    pub fn wide(&self) -> Option<i128> {
        self.wide
    }

    /// The value as a BigInt.
    #[inline]
    pub fn big(&self) -> &BigInt {
        self.big.get_or_init(|| BigInt::from(self.wide.unwrap_or_default()))
    }
}

impl PyObj for IntObj {
    const KIND: ObjKind = ObjKind::Int;
    fn trace(&self, _t: &mut Tracer) {}
    fn extra_size(&self) -> usize {
        self.big.get().map_or(0, |b| (b.bits() as usize).div_ceil(64) * 8)
    }
}

mod methods {
    use crate::class::kwarg;
    use crate::error::PyResult;
    use crate::num::int::ByteOrder;
    use crate::num::IntValue;
    use crate::ops::{as_num, Num};
    use crate::sig;
    use crate::value::Value;
    use crate::vm::Vm;

    type R = PyResult<Value>;

    /// `self` as an int (bools count; a user subclass's base is used).
    fn this(vm: &mut Vm, args: &[Value], name: &str) -> PyResult<IntValue> {
        let v = args.first().map(|&v| vm.builtin_receiver(v)).unwrap_or(Value::NONE);
        match as_num(&v) {
            Some(Num::Int(i)) => Ok(IntValue::Small(i)),
            Some(Num::Big(b)) => Ok(IntValue::Big(b.clone())),
            _ => Err(vm.type_error(format!("descriptor '{name}' requires an 'int' object"))),
        }
    }

    fn int_value(vm: &mut Vm, v: IntValue) -> R {
        match v {
            IntValue::Small(i) => vm.new_int(i),
            IntValue::Big(b) => vm.new_bigint(b),
        }
    }

    fn byteorder(vm: &mut Vm, v: Option<Value>) -> PyResult<ByteOrder> {
        let Some(v) = v else { return Ok(ByteOrder::Big) };
        let Some(s) = crate::obj::str::as_str(&v).map(str::to_owned) else {
            if crate::obj::str::is_str(v) {
                return Err(vm.value_error("byteorder must be either 'little' or 'big'"));
            }
            return Err(vm.type_error("byteorder must be str"));
        };
        ByteOrder::parse(&s).map_err(|e| vm.num_error(e, ""))
    }

    fn bit_length(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "bit_length")?;
        vm.new_int(v.bit_length() as i64)
    }

    fn bit_count(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "bit_count")?;
        let n = match &v {
            IntValue::Small(i) => crate::num::int::i64_bit_count(*i),
            IntValue::Big(b) => crate::num::int::bit_count(b),
        };
        vm.new_int(n as i64)
    }

    fn to_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        let v = this(vm, args, "to_bytes")?;
        let length = match args.get(1).copied().or_else(|| kwarg(kw, "length")) {
            Some(l) => vm.to_index(l)?,
            None => 1,
        };
        let order = byteorder(vm, args.get(2).copied().or_else(|| kwarg(kw, "byteorder")))?;
        let signed = match kwarg(kw, "signed").or_else(|| args.get(3).copied()) {
            Some(s) => vm.truthy(s)?,
            None => false,
        };
        if length > 0 {
            vm.charge(length as usize)?;
        }
        match crate::num::int::to_bytes(&v.to_bigint(), length, order, signed) {
            Ok(b) => vm.new_bytes(b),
            Err(e) => Err(vm.num_error(e, "")),
        }
    }

    fn from_bytes(vm: &mut Vm, args: &[Value], kw: &[Value]) -> R {
        // Called as a class method: args[0] is the class.
        let src = match args.get(1).copied().or_else(|| kwarg(kw, "bytes")) {
            Some(b) => b,
            None => return Err(vm.type_error("from_bytes() missing required argument 'bytes'")),
        };
        let data = match vm.buffer_bytes(src) {
            Ok(d) => d,
            Err(_) => {
                let items = vm.collect_iterable(src)?;
                // An item's `__index__` can collect: the items after it stay rooted.
                vm.with_roots(&items, |vm| {
                    let mut d = Vec::with_capacity(items.len());
                    for &it in &items {
                        let b = vm.to_index(it)?;
                        if !(0..=255).contains(&b) {
                            return Err(vm.value_error("bytes must be in range(0, 256)"));
                        }
                        d.push(b as u8);
                    }
                    Ok(d)
                })?
            }
        };
        let order = byteorder(vm, args.get(2).copied().or_else(|| kwarg(kw, "byteorder")))?;
        let signed = match kwarg(kw, "signed").or_else(|| args.get(3).copied()) {
            Some(s) => vm.truthy(s)?,
            None => false,
        };
        let v = crate::num::int::from_bytes(&data, order, signed);
        let r = int_value(vm, v)?;
        match args.first().and_then(|c| c.downcast::<crate::obj::TypeObj>()) {
            Some(cls) if cls != vm.types.int => vm.call_value(cls.value(), &[r], &[]),
            _ => Ok(r),
        }
    }

    fn conjugate(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "conjugate")?;
        int_value(vm, v)
    }

    fn as_integer_ratio(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "as_integer_ratio")?;
        let n = int_value(vm, v)?;
        vm.new_tuple_from(&[n, Value::small_int(1)])
    }

    fn is_integer(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::TRUE)
    }

    fn index(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "__index__")?;
        int_value(vm, v)
    }

    fn get_real(vm: &mut Vm, args: &[Value], _kw: &[Value]) -> R {
        let v = this(vm, args, "real")?;
        int_value(vm, v)
    }

    fn get_imag(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::small_int(0))
    }

    fn get_one(_vm: &mut Vm, _args: &[Value], _kw: &[Value]) -> R {
        Ok(Value::small_int(1))
    }

    pub fn install(vm: &mut Vm) -> PyResult<()> {
        let t = vm.types.int;
        vm.add_methods(
            t,
            &[
                ("bit_length", sig!(bit_length, 1)),
                ("bit_count", sig!(bit_count, 1)),
                ("to_bytes", sig!(to_bytes, 1..=4, kw)),
                ("conjugate", sig!(conjugate, 1)),
                ("as_integer_ratio", sig!(as_integer_ratio, 1)),
                ("is_integer", sig!(is_integer, 1)),
                ("__index__", sig!(index, 1)),
                ("__int__", sig!(index, 1)),
            ],
        )?;
        let f = vm.new_builtin_fn("from_bytes", sig!(from_bytes, 1..=4, kw))?;
        let cm = vm.alloc(crate::obj::descriptor::ClassMethodObj { func: f })?;
        vm.add_class_attr(t, "from_bytes", cm.value());
        for (name, getter) in [
            ("real", get_real as crate::obj::NativeFn),
            ("imag", get_imag),
            ("numerator", get_real),
            ("denominator", get_one),
        ] {
            vm.add_property(t, name, getter)?;
        }
        Ok(())
    }
}

pub use methods::install;
