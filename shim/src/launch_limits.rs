//! The launch limits of NVIDIA GPUs (compute capability 9.0, the same
//! thread and grid limits since 3.0), checked before every launch, on the
//! GPU and in host fallback alike, so a launch the GPU would refuse is the
//! same error in both (naming the kernel) instead of a driver error on one
//! and a run that takes forever on the other.
//!
//! FIXME(per-arch limits): the dynamic shared memory limit is sm_90's
//! (227 KiB per block); older GPUs allow less and their driver reports it.

/// Most threads in one block.
pub const MAX_BLOCK_THREADS: u64 = 1024;
/// Most threads along x, y, z of a block.
pub const MAX_BLOCK_DIM: [u32; 3] = [1024, 1024, 64];
/// Most blocks along x, y, z of a grid.
pub const MAX_GRID_DIM: [u32; 3] = [(1 << 31) - 1, 65535, 65535];
/// Most dynamic shared memory of one block (sm_90, opted in).
pub const MAX_DYN_SHARED: u32 = 227 * 1024;

/// `Ok` if a launch of `kernel` with this shape fits every limit.
pub fn check(kernel: &str, grid: [u32; 3], block: [u32; 3], dyn_shared: u32) -> Result<(), String> {
    if grid.contains(&0) || block.contains(&0) {
        return Err(format!("kernel `{kernel}` launched with a zero dimension: workgroup_dim {grid:?}, thread_dim {block:?}"));
    }
    const AXES: [&str; 3] = ["x", "y", "z"];
    for a in 0..3 {
        if block[a] > MAX_BLOCK_DIM[a] {
            return Err(format!(
                "kernel `{kernel}`: thread_dim {block:?} has {} threads along {}, more than the {} a GPU allows",
                block[a], AXES[a], MAX_BLOCK_DIM[a]
            ));
        }
        if grid[a] > MAX_GRID_DIM[a] {
            return Err(format!(
                "kernel `{kernel}`: workgroup_dim {grid:?} has {} blocks along {}, more than the {} a GPU allows",
                grid[a], AXES[a], MAX_GRID_DIM[a]
            ));
        }
    }
    let threads = block.iter().map(|&d| d as u64).product::<u64>();
    if threads > MAX_BLOCK_THREADS {
        return Err(format!(
            "kernel `{kernel}`: a block of {threads} threads ({block:?}) is more than the {MAX_BLOCK_THREADS} a GPU allows"
        ));
    }
    if dyn_shared > MAX_DYN_SHARED {
        return Err(format!(
            "kernel `{kernel}`: {dyn_shared} bytes of dynamic shared memory (dyn_cache) per block, more than the {MAX_DYN_SHARED} a GPU allows"
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::check;

    #[test]
    fn the_limits_of_a_gpu() {
        assert!(check("k", [1, 1, 1], [1024, 1, 1], 0).is_ok());
        assert!(check("k", [(1 << 31) - 1, 65535, 65535], [32, 32, 1], 227 * 1024).is_ok());
        let e = check("k", [1 << 31, 1, 1], [32, 1, 1], 0).unwrap_err();
        assert!(e.contains("2147483648 blocks along x, more than the 2147483647"), "{e}");
        assert!(check("k", [1, 65536, 1], [32, 1, 1], 0).unwrap_err().contains("along y"));
        assert!(check("k", [1, 1, 1], [1, 1, 65], 0).unwrap_err().contains("65 threads along z"));
        assert!(check("k", [1, 1, 1], [64, 32, 1], 0).unwrap_err().contains("a block of 2048 threads"));
        assert!(check("k", [1, 1, 1], [32, 1, 1], u32::MAX).unwrap_err().contains("dynamic shared memory"));
        assert!(check("k", [0, 1, 1], [32, 1, 1], 0).unwrap_err().contains("zero dimension"));
    }
}
