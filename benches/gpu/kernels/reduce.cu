// CUDA twin of reduce.rs: same size, block shape, types and check.
#include <cstdio>
#include <vector>
extern "C" __global__ void block_sum(size_t n, const unsigned *xs, unsigned *total) {
    __shared__ unsigned cache[256];
    size_t tid = threadIdx.x;
    size_t i = blockIdx.x * blockDim.x + threadIdx.x;
    cache[tid] = i < n ? xs[i] : 0;
    __syncthreads();
    for (size_t stride = 128; stride > 0; stride /= 2) {
        if (tid < stride) cache[tid] += cache[tid + stride];
        __syncthreads();
    }
    if (tid == 0) atomicAdd(total, cache[0]);
}
int main() {
    const size_t n = size_t(1) << 26;
    std::vector<unsigned> xs(n);
    unsigned expected = 0;
    for (size_t i = 0; i < n; i++) { xs[i] = (unsigned)((unsigned long long)i * 2654435761ull % 100003 % 32); expected += xs[i]; }
    unsigned *dx, *dt, total = 0;
    cudaMalloc(&dx, n * 4); cudaMalloc(&dt, 4);
    cudaMemcpy(dx, xs.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(dt, &total, 4, cudaMemcpyHostToDevice);
    block_sum<<<n / 256, 256>>>(n, dx, dt);
    cudaMemcpy(&total, dt, 4, cudaMemcpyDeviceToHost);
    if (total != expected) { printf("reduce WRONG: %u expected %u\n", total, expected); return 1; }
    printf("reduce ok\n");
    return 0;
}
