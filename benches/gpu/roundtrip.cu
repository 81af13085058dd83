// CUDA twin of roundtrip.rs: cudaMemcpy (pageable) + launch + cudaMemcpy of
// 1 KB, the device buffer allocated once; prints microseconds per round trip.
#include <chrono>
#include <cstdio>
__global__ void bump(float *x) { int i = threadIdx.x; x[i] = x[i] + 1.0f; }
int main() {
    static float x[256] = {0};
    float *d;
    cudaMalloc(&d, sizeof x);
    auto trip = [&] {
        cudaMemcpy(d, x, sizeof x, cudaMemcpyHostToDevice);
        bump<<<1, 256>>>(d);
        cudaMemcpy(x, d, sizeof x, cudaMemcpyDeviceToHost);
    };
    for (int r = 0; r < 100; r++) trip();
    const int reps = 10000;
    auto t0 = std::chrono::steady_clock::now();
    for (int r = 0; r < reps; r++) trip();
    double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t0).count() / reps;
    if (x[0] != reps + 100 || x[255] != reps + 100) { printf("roundtrip WRONG: x[0] = %g\n", x[0]); return 1; }
    printf("roundtrip_1kb_us %.2f\n", us);
    return 0;
}
