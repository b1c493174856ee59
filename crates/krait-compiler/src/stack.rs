//! Each op's stack effect, as documented in `bytecode.rs`: the compiler tracks
//! `max_stack` with it, and the verifier (and the emitters) can walk code with it.

use crate::bytecode::Op;

/// How many values an instruction pops and then pushes. `jump` selects the
/// effect on the branch-taken path of a conditional jump or `ForIter`.
#[inline]
pub fn effect(op: Op, arg: u32, jump: bool) -> (u32, u32) {
    use Op::*;
    match op {
        Nop => (0, 0),
        LoadConst | LoadSmallInt | LoadNone | LoadTrue | LoadFalse | LoadNull => (0, 1),
        PopTop => (1, 0),
        DupTop => (1, 2),
        DupTopTwo => (2, 4),
        RotTwo => (2, 2),
        RotThree => (3, 3),
        RotFour => (4, 4),

        LoadFast | LoadDeref | LoadClosure | LoadGlobal | LoadName => (0, 1),
        StoreFast | StoreDeref | StoreGlobal | StoreName => (1, 0),
        DeleteFast | DeleteDeref | DeleteGlobal | DeleteName => (0, 0),

        LoadAttr => (1, 1),
        StoreAttr => (2, 0),
        DeleteAttr => (1, 0),
        LoadMethod => (1, 2),
        BinarySubscr => (2, 1),
        StoreSubscr => (3, 0),
        DeleteSubscr => (2, 0),
        BuildSlice => (arg, 1),

        UnaryNeg | UnaryPos | UnaryInvert | UnaryNot => (1, 1),
        BinaryAdd | BinarySub | BinaryMul | BinaryMatMul | BinaryTrueDiv | BinaryFloorDiv | BinaryMod | BinaryPow
        | BinaryLShift | BinaryRShift | BinaryAnd | BinaryOr | BinaryXor | InplaceAdd | InplaceSub | InplaceMul
        | InplaceMatMul | InplaceTrueDiv | InplaceFloorDiv | InplaceMod | InplacePow | InplaceLShift
        | InplaceRShift | InplaceAnd | InplaceOr | InplaceXor | CompareLt | CompareLe | CompareEq | CompareNe
        | CompareGt | CompareGe | CompareIs | CompareIsNot | CompareIn | CompareNotIn => (2, 1),

        Jump | JumpBack => (0, 0),
        PopJumpIfFalse | PopJumpIfTrue => (1, 0),
        JumpIfFalseOrPop | JumpIfTrueOrPop => {
            if jump {
                (1, 1)
            } else {
                (1, 0)
            }
        }
        GetIter => (1, 1),
        ForIter => {
            if jump {
                (1, 0)
            } else {
                (1, 2)
            }
        }
        ReturnValue => (1, 0),

        BuildTuple | BuildList | BuildSet | BuildString => (arg, 1),
        BuildMap => (arg.saturating_mul(2), 1),
        ListAppend | SetAdd | ListExtend | SetUpdate | DictUpdate | DictMerge => (arg + 1, arg),
        MapAdd => (arg + 2, arg),
        ListToTuple => (1, 1),
        UnpackSequence => (1, arg),
        UnpackEx => (1, (arg & 0xff) + (arg >> 8) + 1),
        FormatValue => {
            if arg & 4 != 0 {
                (2, 1)
            } else {
                (1, 1)
            }
        }
        BuildInterpolation => {
            if arg & 4 != 0 {
                (3, 1)
            } else {
                (2, 1)
            }
        }
        BuildTemplate => (arg + 1, 1),

        CallFunction => (1 + (arg & 0xfff) + 2 * (arg >> 12), 1),
        CallMethod => (2 + (arg & 0xfff) + 2 * (arg >> 12), 1),
        CallFunctionEx => (2 + (arg & 1), 1),
        MakeFunction => (1 + (arg & 1) + ((arg >> 1) & 1) + ((arg >> 2) & 1) + ((arg >> 3) & 1), 1),
        LoadBuildClass => (0, 1),

        RaiseVarargs => (arg.min(2), 0),
        Reraise => (1, 0),
        PushExcInfo => (1, 2),
        PopExcept => (1, 0),
        CheckExcMatch => (2, 2),
        LoadAssertionError => (0, 1),
        BeforeWith => (1, 2),
        WithExceptStart => (3, 4),

        YieldValue => (1, 1),
        GetYieldFromIter => (1, 1),
        YieldFrom => (2, 1),
        GetAwaitable => (1, 1),
        GetAiter => (1, 1),
        GetAnext => (1, 2),
        EndAsyncFor => (2, 0),
        BeforeAsyncWith => (1, 2),

        ImportName => (2, 1),
        ImportFrom => (1, 2),
        ImportStar => (1, 0),

        PrintExpr => (1, 0),
        SetupAnnotations => (0, 0),
    }
}

/// Ops after which execution never falls through to the next instruction.
#[inline]
pub fn is_terminal(op: Op) -> bool {
    matches!(op, Op::Jump | Op::JumpBack | Op::ReturnValue | Op::RaiseVarargs | Op::Reraise)
}

/// Ops whose argument is a jump target.
#[inline]
pub fn is_jump(op: Op) -> bool {
    matches!(
        op,
        Op::Jump
            | Op::JumpBack
            | Op::PopJumpIfFalse
            | Op::PopJumpIfTrue
            | Op::JumpIfFalseOrPop
            | Op::JumpIfTrueOrPop
            | Op::ForIter
    )
}
