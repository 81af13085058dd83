// CUDA twin of blackscholes.rs: same size, block shape, types, formulas and check.
#include <cmath>
#include <cstdio>
#include <vector>
#define RISKFREE 0.02f
#define VOLATILITY 0.30f
__device__ float cnd(float d) {
    float k = 1.0f / (1.0f + 0.2316419f * fabsf(d));
    float poly = k * (0.31938153f + k * (-0.356563782f + k * (1.781477937f + k * (-1.821255978f + k * 1.330274429f))));
    float c = 0.3989422804f * expf(-0.5f * d * d) * poly;
    return d > 0.0f ? 1.0f - c : c;
}
extern "C" __global__ void black_scholes(size_t n, const float *price, const float *strike, const float *years, float *call, float *put) {
    size_t i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float s = price[i], x = strike[i], t = years[i];
        float sqrt_t = sqrtf(t);
        float d1 = (logf(s / x) + (RISKFREE + 0.5f * VOLATILITY * VOLATILITY) * t) / (VOLATILITY * sqrt_t);
        float d2 = d1 - VOLATILITY * sqrt_t;
        float c1 = cnd(d1), c2 = cnd(d2);
        float discount = expf(-RISKFREE * t);
        call[i] = s * c1 - x * discount * c2;
        put[i] = x * discount * (1.0f - c2) - s * (1.0f - c1);
    }
}
static double cnd64(double d) {
    double k = 1.0 / (1.0 + 0.2316419 * fabs(d));
    double poly = k * (0.31938153 + k * (-0.356563782 + k * (1.781477937 + k * (-1.821255978 + k * 1.330274429))));
    double c = 0.3989422804 * exp(-0.5 * d * d) * poly;
    return d > 0.0 ? 1.0 - c : c;
}
int main() {
    const size_t n = size_t(1) << 24;
    std::vector<float> price(n), strike(n), years(n), call(n), put(n);
    for (size_t i = 0; i < n; i++) {
        price[i] = 5.0f + (float)(i % 1000) * 0.03f;
        strike[i] = 1.0f + (float)(i % 777) * 0.05f;
        years[i] = 0.25f + (float)(i % 10) * 0.2f;
    }
    float *d[5];
    for (int k = 0; k < 5; k++) cudaMalloc(&d[k], n * 4);
    cudaMemcpy(d[0], price.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d[1], strike.data(), n * 4, cudaMemcpyHostToDevice);
    cudaMemcpy(d[2], years.data(), n * 4, cudaMemcpyHostToDevice);
    black_scholes<<<n / 256, 256>>>(n, d[0], d[1], d[2], d[3], d[4]);
    cudaMemcpy(call.data(), d[3], n * 4, cudaMemcpyDeviceToHost);
    cudaMemcpy(put.data(), d[4], n * 4, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (size_t s = 0; s < 4096; s++) {
        size_t i = (s * 4093) % n;
        double p = price[i], x = strike[i], t = years[i], r = RISKFREE, v = VOLATILITY;
        double d1 = (log(p / x) + (r + 0.5 * v * v) * t) / (v * sqrt(t)), d2 = d1 - v * sqrt(t);
        double discount = exp(-r * t);
        double want_call = p * cnd64(d1) - x * discount * cnd64(d2);
        double want_put = x * discount * (1.0 - cnd64(d2)) - p * (1.0 - cnd64(d1));
        if (fabs(call[i] - want_call) > 1e-3 * (1.0 + fabs(want_call)) || fabs(put[i] - want_put) > 1e-3 * (1.0 + fabs(want_put))) bad++;
    }
    if (bad) { printf("blackscholes WRONG: %d of 4096 samples\n", bad); return 1; }
    printf("blackscholes ok\n");
    return 0;
}
