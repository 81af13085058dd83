// CUDA twin of saxpy.rs: same size, block shape, types and check.
#include <cstdio>
#include <cstdlib>
#include <vector>
extern "C" __global__ void saxpy(size_t n, float a, const float *x, float *y) {
    size_t i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * x[i] + y[i];
}
int main() {
    const size_t n = size_t(1) << 26;
    std::vector<float> x(n), y(n);
    for (size_t i = 0; i < n; i++) { x[i] = (float)(i % 1000) * 0.5f; y[i] = (float)(i % 7); }
    float *dx, *dy;
    cudaMalloc(&dx, n * 4); cudaMalloc(&dy, n * 4);
    cudaMemcpy(dx, x.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(dy, y.data(), n * 4, cudaMemcpyHostToDevice);
    saxpy<<<n / 256, 256>>>(n, 2.0f, dx, dy);
    cudaMemcpy(y.data(), dy, n * 4, cudaMemcpyDeviceToHost);
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) if (y[i] != 2.0f * x[i] + (float)(i % 7)) bad++;
    if (bad) { printf("saxpy WRONG: %zu mismatches\n", bad); return 1; }
    printf("saxpy ok\n");
    return 0;
}
