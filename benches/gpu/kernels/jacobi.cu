// CUDA twin of jacobi.rs: same size, block shape, types and check.
#include <cstdio>
#include <vector>
extern "C" __global__ void step(size_t n, const float *src, float *dst) {
    size_t x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x < n && y < n) {
        size_t i = y * n + x;
        if (x == 0 || y == 0 || x == n - 1 || y == n - 1) dst[i] = src[i];
        else dst[i] = 0.25f * (src[i - 1] + src[i + 1] + src[i - n] + src[i + n]);
    }
}
int main() {
    const size_t n = 2048;
    std::vector<float> a(n * n), b(n * n);
    for (size_t i = 0; i < n * n; i++) a[i] = i < n ? 100.0f : (float)(i % 7);
    float *da, *db;
    cudaMalloc(&da, n * n * 4); cudaMalloc(&db, n * n * 4);
    cudaMemcpy(da, a.data(), n * n * 4, cudaMemcpyHostToDevice);
    step<<<dim3(n / 16, n / 16), dim3(16, 16)>>>(n, da, db);
    cudaMemcpy(b.data(), db, n * n * 4, cudaMemcpyDeviceToHost);
    size_t bad = 0;
    for (size_t y = 0; y < n; y++)
        for (size_t x = 0; x < n; x++) {
            size_t i = y * n + x;
            float want = (x == 0 || y == 0 || x == n - 1 || y == n - 1) ? a[i] : 0.25f * (a[i - 1] + a[i + 1] + a[i - n] + a[i + n]);
            if (b[i] != want) bad++;
        }
    if (bad) { printf("jacobi WRONG: %zu mismatches\n", bad); return 1; }
    printf("jacobi ok\n");
    return 0;
}
