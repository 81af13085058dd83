// CUDA twin of matmul.rs: same size, tiles, block shape, types and check.
#include <cmath>
#include <cstdio>
#include <vector>
#define TILE 16
extern "C" __global__ void matmul(size_t n, const float *a, const float *b, float *c) {
    __shared__ float ta[256], tb[256];
    size_t tx = threadIdx.x, ty = threadIdx.y;
    size_t col = (size_t)blockIdx.x * TILE + tx, row = (size_t)blockIdx.y * TILE + ty;
    float acc = 0.0f;
    size_t tiles = (n + TILE - 1) / TILE;
    for (size_t t = 0; t < tiles; t++) {
        size_t ac = t * TILE + tx, br = t * TILE + ty;
        ta[ty * TILE + tx] = row < n && ac < n ? a[row * n + ac] : 0.0f;
        tb[ty * TILE + tx] = br < n && col < n ? b[br * n + col] : 0.0f;
        __syncthreads();
        for (size_t k = 0; k < TILE; k++) acc += ta[ty * TILE + k] * tb[k * TILE + tx];
        __syncthreads();
    }
    if (row < n && col < n) c[row * n + col] = acc;
}
int main() {
    const size_t n = 2048;
    std::vector<float> a(n * n), b(n * n), c(n * n);
    for (size_t i = 0; i < n * n; i++) {
        a[i] = (float)((i * 7) % 13) * 0.25f - 1.0f;
        b[i] = (float)((i * 5) % 11) * 0.5f - 2.0f;
    }
    float *da, *db, *dc;
    cudaMalloc(&da, n * n * 4); cudaMalloc(&db, n * n * 4); cudaMalloc(&dc, n * n * 4);
    cudaMemcpy(da, a.data(), n * n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(db, b.data(), n * n * 4, cudaMemcpyHostToDevice);
    dim3 grid(n / TILE, n / TILE), block(TILE, TILE);
    matmul<<<grid, block>>>(n, da, db, dc);
    cudaMemcpy(c.data(), dc, n * n * 4, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (size_t s = 0; s < 64; s++) {
        size_t row = (s * 977) % n, col = (s * 613 + 5) % n;
        double acc = 0;
        for (size_t k = 0; k < n; k++) acc += (double)a[row * n + k] * (double)b[k * n + col];
        double got = c[row * n + col];
        if (fabs(got - acc) > 1e-3 * (1.0 + fabs(acc))) bad++;
    }
    if (bad) { printf("matmul WRONG: %d of 64 samples\n", bad); return 1; }
    printf("matmul ok\n");
    return 0;
}
