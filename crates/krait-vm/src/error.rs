//! Python exceptions as Rust errors: every fallible VM operation returns
//! `PyResult<T>`, whose error is the raised exception instance.

use crate::value::Value;

/// A raised Python exception (an `ExceptionObj` value).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct PyErr(pub Value);

impl PyErr {
    /// Not an exception: the interpreter's signal, inside its dispatch loop
    /// only, that an operation pushed a Python frame for the loop to run
    /// (`Vm::operator_or_frame`). It travels the error path because every
    /// instruction already has one, so the signal costs the hot paths nothing.
    pub(crate) const FRAME_PUSHED: PyErr = PyErr(Value::NULL);
}

pub type PyResult<T> = Result<T, PyErr>;

macro_rules! exc_kinds {
    ($($name:ident : $parent:ident,)*) => {
        /// The built-in exception classes, in an order where every parent comes
        /// before its children.
        #[derive(Copy, Clone, Debug, PartialEq, Eq)]
        #[repr(u8)]
        pub enum ExcKind {
            BaseException,
            $($name,)*
        }

        impl ExcKind {
            pub const ALL: &'static [ExcKind] = &[ExcKind::BaseException, $(ExcKind::$name,)*];

            pub fn name(self) -> &'static str {
                match self {
                    ExcKind::BaseException => "BaseException",
                    $(ExcKind::$name => stringify!($name),)*
                }
            }

            pub fn parent(self) -> Option<ExcKind> {
                match self {
                    ExcKind::BaseException => None,
                    $(ExcKind::$name => Some(ExcKind::$parent),)*
                }
            }
        }
    };
}

exc_kinds! {
    SystemExit: BaseException,
    KeyboardInterrupt: BaseException,
    GeneratorExit: BaseException,
    Exception: BaseException,
    StopIteration: Exception,
    StopAsyncIteration: Exception,
    ArithmeticError: Exception,
    OverflowError: ArithmeticError,
    ZeroDivisionError: ArithmeticError,
    FloatingPointError: ArithmeticError,
    AssertionError: Exception,
    AttributeError: Exception,
    EOFError: Exception,
    ImportError: Exception,
    ModuleNotFoundError: ImportError,
    LookupError: Exception,
    IndexError: LookupError,
    KeyError: LookupError,
    MemoryError: Exception,
    NameError: Exception,
    UnboundLocalError: NameError,
    OSError: Exception,
    FileNotFoundError: OSError,
    FileExistsError: OSError,
    PermissionError: OSError,
    IsADirectoryError: OSError,
    NotADirectoryError: OSError,
    TimeoutError: OSError,
    BlockingIOError: OSError,
    ChildProcessError: OSError,
    InterruptedError: OSError,
    ProcessLookupError: OSError,
    ConnectionError: OSError,
    BrokenPipeError: ConnectionError,
    ConnectionAbortedError: ConnectionError,
    ConnectionRefusedError: ConnectionError,
    ConnectionResetError: ConnectionError,
    BufferError: Exception,
    ReferenceError: Exception,
    RuntimeError: Exception,
    NotImplementedError: RuntimeError,
    SyntaxError: Exception,
    IndentationError: SyntaxError,
    TabError: IndentationError,
    SystemError: Exception,
    TypeError: Exception,
    ValueError: Exception,
    UnicodeError: ValueError,
    UnicodeDecodeError: UnicodeError,
    UnicodeEncodeError: UnicodeError,
    UnicodeTranslateError: UnicodeError,
    Warning: Exception,
    UserWarning: Warning,
    DeprecationWarning: Warning,
    RuntimeWarning: Warning,
    SyntaxWarning: Warning,
    FutureWarning: Warning,
    PendingDeprecationWarning: Warning,
    ImportWarning: Warning,
    UnicodeWarning: Warning,
    BytesWarning: Warning,
    ResourceWarning: Warning,
    EncodingWarning: Warning,
}

impl ExcKind {
    #[inline]
    pub fn index(self) -> usize {
        self as usize
    }
}
