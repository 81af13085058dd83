// CUDA twin of nbody.rs: same size, block shape, types and check.
#include <cmath>
#include <cstdio>
#include <vector>
extern "C" __global__ void accel(size_t n, const float *px, const float *py, const float *pz, const float *m, float *ax, float *ay, float *az) {
    size_t i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float xi = px[i], yi = py[i], zi = pz[i], sx = 0, sy = 0, sz = 0;
        for (size_t j = 0; j < n; j++) {
            float dx = px[j] - xi, dy = py[j] - yi, dz = pz[j] - zi;
            float d2 = dx * dx + dy * dy + dz * dz + 0.01f;
            float s = m[j] / (d2 * sqrtf(d2));
            sx += dx * s; sy += dy * s; sz += dz * s;
        }
        ax[i] = sx; ay[i] = sy; az[i] = sz;
    }
}
int main() {
    const size_t n = 16384;
    std::vector<float> px(n), py(n), pz(n), m(n), ax(n), ay(n), az(n);
    for (size_t i = 0; i < n; i++) {
        float t = (float)i;
        px[i] = fmodf(t * 0.37f, 5.0f); py[i] = fmodf(t * 0.71f, 3.0f) - 1.5f; pz[i] = fmodf(t * 0.13f, 2.0f);
        m[i] = 1.0f + (float)(i % 3);
    }
    float *d[7];
    for (int k = 0; k < 7; k++) cudaMalloc(&d[k], n * 4);
    cudaMemcpy(d[0], px.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d[1], py.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d[2], pz.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d[3], m.data(), n * 4, cudaMemcpyHostToDevice);
    accel<<<n / 256, 256>>>(n, d[0], d[1], d[2], d[3], d[4], d[5], d[6]);
    cudaMemcpy(ax.data(), d[4], n * 4, cudaMemcpyDeviceToHost);
    cudaMemcpy(ay.data(), d[5], n * 4, cudaMemcpyDeviceToHost);
    cudaMemcpy(az.data(), d[6], n * 4, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (size_t s = 0; s < 32; s++) {
        size_t i = (s * 509) % n;
        double sx = 0, sy = 0, sz = 0;
        for (size_t j = 0; j < n; j++) {
            double dx = px[j] - px[i], dy = py[j] - py[i], dz = pz[j] - pz[i];
            double d2 = dx * dx + dy * dy + dz * dz + 0.01;
            double s = m[j] / (d2 * sqrt(d2));
            sx += dx * s; sy += dy * s; sz += dz * s;
        }
        double err = fabs(ax[i] - sx) + fabs(ay[i] - sy) + fabs(az[i] - sz);
        if (err > 1e-3 * (1.0 + fabs(sx) + fabs(sy) + fabs(sz))) bad++;
    }
    if (bad) { printf("nbody WRONG: %d of 32 samples\n", bad); return 1; }
    printf("nbody ok\n");
    return 0;
}
