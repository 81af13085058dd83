#![feature(abi_gpu_kernel, rustc_attrs, core_intrinsics)]
// N-body accelerations over a slice of structs, with methods compiled for
// both sides; compared with the host (sqrt is correctly rounded on both).
#[derive(Clone, Copy, Debug)]
#[repr(C)]
struct Body {
    x: f64,
    y: f64,
    z: f64,
    mass: f64,
}

#[derive(Clone, Copy)]
struct Accel {
    ax: f64,
    ay: f64,
    az: f64,
}

impl Body {
    fn new(i: usize) -> Body {
        let t = i as f64;
        Body { x: (t * 0.37) % 5.0, y: (t * 0.71) % 3.0 - 1.5, z: (t * 0.13) % 2.0, mass: 1.0 + (i % 3) as f64 }
    }

    fn pull(&self, other: &Body) -> Accel {
        let dx = other.x - self.x;
        let dy = other.y - self.y;
        let dz = other.z - self.z;
        let d2 = dx * dx + dy * dy + dz * dz + 0.01;
        let inv = 1.0 / (d2 * d2.sqrt());
        let s = other.mass * inv;
        Accel { ax: dx * s, ay: dy * s, az: dz * s }
    }
}

fn total_accel(bodies: &[Body], i: usize) -> Accel {
    let mut acc = Accel { ax: 0.0, ay: 0.0, az: 0.0 };
    for j in 0..bodies.len() {
        if j != i {
            let a = bodies[i].pull(&bodies[j]);
            acc.ax += a.ax;
            acc.ay += a.ay;
            acc.az += a.az;
        }
    }
    acc
}

#[offload_kernel]
fn accelerations(bodies: &[Body], out: &mut [f64]) {
    let i = gpu::global_idx_x() as usize;
    if i < bodies.len() {
        let a = total_accel(bodies, i);
        out[3 * i] = a.ax;
        out[3 * i + 1] = a.ay;
        out[3 * i + 2] = a.az;
    }
}

fn main() {
    let n = 300;
    let mut bodies = Vec::with_capacity(n);
    for i in 0..n {
        bodies.push(Body::new(i));
    }
    let mut out = vec![0.0; 3 * n];
    core::intrinsics::offload(accelerations, [(n as u32 + 63) / 64, 1, 1], [64, 1, 1], (&bodies, &mut out));
    let mut same = 0;
    let mut norm = 0.0;
    for i in 0..n {
        let a = total_accel(&bodies, i);
        if a.ax == out[3 * i] && a.ay == out[3 * i + 1] && a.az == out[3 * i + 2] {
            same += 1;
        }
        norm += (a.ax * a.ax + a.ay * a.ay + a.az * a.az).sqrt();
    }
    println!("nbody {} bodies, {} identical, mean |a| {:.6}", n, same, norm / n as f64);
    println!("{:?}", bodies[7].mass);
}
