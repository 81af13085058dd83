// References to zero-sized values (&(), &mut (), &[(); 3][1]) have an address
// (was an internal error in the Cranelift backend).
fn main() {
    let u = ();
    let r = &u;
    let s = &mut ();
    let t = [(); 3];
    let p = &t[1];
    println!("{:?} {:?} {:?} {:?}", r, s, p, t);
}
