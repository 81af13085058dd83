//! The LLVM lowering core shared by the device and host targets: one `FnLowering` per function over a `ModuleLowering`; `target` names what the targets do differently.

pub(crate) mod expr;
pub(crate) mod faults;
pub(crate) mod function;
pub(crate) mod math;
pub(crate) mod place;
pub(crate) mod shared;
pub(crate) mod target;
pub(crate) mod types;
