//! The LLVM target set hybridc links: NVPTX (kernels) and X86 (the LLVM host
//! backend), behind the `LLVM_Initialize{All,Native}*` entry points.
//!
//! llvm-sys implements these ten functions in one C object that calls the
//! initializers of *every* target LLVM was built with. inkwell refers to
//! them (its `Target::initialize_all` / `initialize_native`), so linking that
//! object would pull in all ~20 targets, whose ~210 static constructors
//! (`cl::opt` registrations) run at every start of hybridc (~1.5 ms and ~150
//! page faults of `hybridc --version`). These definitions live in the binary
//! crate, which the linker loads before any archive, so llvm-sys's object is
//! never extracted. They initialize exactly the targets hybridc uses; the
//! ones of targets hybridc does not link are not available.
#![allow(non_snake_case)]

use llvm_sys::target as t;

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllTargetInfos() {
    unsafe {
        t::LLVMInitializeNVPTXTargetInfo();
        t::LLVMInitializeX86TargetInfo();
    }
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllTargets() {
    unsafe {
        t::LLVMInitializeNVPTXTarget();
        t::LLVMInitializeX86Target();
    }
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllTargetMCs() {
    unsafe {
        t::LLVMInitializeNVPTXTargetMC();
        t::LLVMInitializeX86TargetMC();
    }
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllAsmPrinters() {
    unsafe {
        t::LLVMInitializeNVPTXAsmPrinter();
        t::LLVMInitializeX86AsmPrinter();
    }
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllAsmParsers() {
    unsafe { t::LLVMInitializeX86AsmParser() }
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeAllDisassemblers() {
    unsafe { t::LLVMInitializeX86Disassembler() }
}

/// `LLVMBool` 0: success (the host is x86-64, the only host hybridc targets).
#[no_mangle]
pub extern "C" fn LLVM_InitializeNativeTarget() -> i32 {
    unsafe {
        t::LLVMInitializeX86TargetInfo();
        t::LLVMInitializeX86Target();
        t::LLVMInitializeX86TargetMC();
    }
    0
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeNativeAsmPrinter() -> i32 {
    unsafe { t::LLVMInitializeX86AsmPrinter() }
    0
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeNativeAsmParser() -> i32 {
    unsafe { t::LLVMInitializeX86AsmParser() }
    0
}

#[no_mangle]
pub extern "C" fn LLVM_InitializeNativeDisassembler() -> i32 {
    unsafe { t::LLVMInitializeX86Disassembler() }
    0
}
