//! hybrid-link: hybridc's link step. Device images become LLVM OffloadBinary
//! containers in an offload descriptor object ([`write_offload_object`]),
//! which the linker joins with the host object and the shim into one
//! executable ([`link_executable`]): the shim pre-linked once into a small
//! object ([`shim_prelink`]), the driver's linker command line
//! ([`link_recipe`]) run by the wild linker in this process ([`in_process`])
//! or by a linker process. Takes bytes and names; depends on no
//! other compiler crate.

pub mod cubin;
pub mod descriptor;
pub mod fresh_executable;
pub mod image_elf;
pub mod image_link;
pub mod in_process;
pub mod link_recipe;
pub mod offload_binary;
pub mod runtime_image;
pub mod shim_prelink;
pub mod system_link;

pub use descriptor::write_offload_object;
pub use fresh_executable::start_fresh_executable;
pub use shim_prelink::prelinked_shim;
pub use system_link::{find_lld, link_executable, link_objects, LinkOptions, Linker, ObjectBytes};

/// The kind of a device image.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// PTX assembly text.
    Ptx,
    /// A CUDA binary (ELF for one `sm_XX`).
    Cubin,
}

/// One device image and what it was built for.
#[derive(Clone, Debug)]
pub struct DeviceImage {
    /// The image itself (PTX text or cubin bytes).
    pub bytes: Vec<u8>,
    pub kind: ImageKind,
    /// Target triple, e.g. `nvptx64-nvidia-cuda`.
    pub triple: String,
    /// GPU architecture, e.g. `sm_90`.
    pub arch: String,
}

/// One kernel: its symbol in the device image and its host-fallback entry.
#[derive(Clone, Debug)]
pub struct OffloadEntry {
    /// The kernel's symbol in the device image.
    pub kernel_name: String,
    /// The host-fallback entry (defined in one of the host objects); its address is the
    /// offload region id.
    pub host_symbol: String,
    /// The kernel's static block-shared memory in bytes
    /// (`hybrid_ir::Module::shared_bytes`), written into the entry's `size`
    /// field. The shim allocates this much per block as `ThreadCtx::shared`
    /// in host fallback; the CUDA path ignores it (the PTX declares its
    /// `.shared` variables itself).
    pub shared_bytes: u64,
    /// The kernel may reach a block barrier (`hybrid_ir::analysis::kernel_may_sync`);
    /// written as `ENTRY_FLAG_USES_BARRIER` in the entry's `flags` field. The
    /// shim's host fallback runs the blocks of such a kernel with one OS
    /// thread per block thread, the others with sequential threads; the CUDA
    /// path ignores it.
    pub uses_barrier: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("writing the offload descriptor object: {0}")]
    Object(#[from] object::write::Error),
    #[error("{0}")]
    InvalidInput(String),
    #[error("cannot run the linker `{program}`: {source}")]
    Spawn { program: String, source: std::io::Error },
    #[error("placing the program into the runtime image: {0}")]
    Image(#[from] image_link::ImageLinkError),
    #[error("linking failed ({status}): {command}\n{stderr}")]
    LinkerFailed { command: String, status: String, stderr: String },
}
