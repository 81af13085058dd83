// CUDA twin of saxpy_large.rs: per repetition cudaMemcpy (pageable) of x and
// y, the kernel, cudaMemcpy of y back; device buffers allocated once;
// prints milliseconds per repetition and the same checksum.
#include <chrono>
#include <cstdio>
#include <vector>
__global__ void saxpy(size_t n, float a, const float *x, float *y) {
    size_t i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}
int main() {
    const size_t n = size_t(1) << 26;
    std::vector<float> x(n, 1.0f), y(n);
    for (size_t i = 0; i < n; i++) y[i] = (float)(i % 1024);
    float *dx, *dy;
    cudaMalloc(&dx, n * 4);
    cudaMalloc(&dy, n * 4);
    auto offload = [&](float a) {
        cudaMemcpy(dx, x.data(), n * 4, cudaMemcpyHostToDevice);
        cudaMemcpy(dy, y.data(), n * 4, cudaMemcpyHostToDevice);
        saxpy<<<n / 256, 256>>>(n, a, dx, dy);
        cudaMemcpy(y.data(), dy, n * 4, cudaMemcpyDeviceToHost);
    };
    offload(0.0f);  // warm-up, as the hybridc program's
    const int reps = 5;
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; r++) offload(2.0f);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / reps;
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += y[i];
    printf("saxpy_2p26_offload_ms %.2f\n", ms);
    printf("saxpy checksum %.1f\n", sum);
    return 0;
}
