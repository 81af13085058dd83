//! A readable text form of the IR, for `--emit=ir` and snapshot tests.

use std::fmt::Write;

use crate::arena::Handle;
use crate::func::*;

/// Render a whole module. The output is deterministic.
pub fn print_module(module: &Module) -> String {
    let mut out = String::new();
    for (_, def) in module.types.structs.iter() {
        let fields: Vec<String> = def.fields.iter().map(|f| format!("{}: {}", f.name, module.types.display(f.ty))).collect();
        let _ = writeln!(out, "struct {} {{ {} }}", def.name, fields.join(", "));
    }
    for (i, a) in module.shared_arrays.iter().enumerate() {
        let _ = writeln!(out, "shared #{i}: {} at {}", module.types.display(a.ty), a.offset);
    }
    for (handle, func) in module.functions.iter() {
        out.push_str(&print_function(module, handle, func));
        out.push('\n');
    }
    out
}

pub fn print_function(module: &Module, _handle: Handle<Function>, func: &Function) -> String {
    let mut p = Printer { module, func, out: String::new(), indent: 0 };
    let sides = match (func.sides.host, func.sides.device) {
        (true, true) => "host+device",
        (true, false) => "host",
        (false, true) => "device",
        (false, false) => "unused",
    };
    let kind = if func.kind == FunctionKind::Kernel { "kernel " } else { "" };
    let params: Vec<String> = func.params.iter().map(|&l| format!("{}: {}", p.local(l), module.types.display(func.locals[l].ty))).collect();
    let _ = write!(p.out, "// {sides}\n{kind}fn {}({}) -> {} ", func.name, params.join(", "), module.types.display(func.ret));
    p.expr(func.body);
    p.out.push('\n');
    p.out
}

struct Printer<'a> {
    module: &'a Module,
    func: &'a Function,
    out: String,
    indent: usize,
}

impl Printer<'_> {
    fn local(&self, l: Handle<Local>) -> String {
        format!("{}_{}", self.func.locals[l].name, l.index())
    }
    fn newline(&mut self) {
        self.out.push('\n');
        for _ in 0..self.indent {
            self.out.push_str("    ");
        }
    }
    fn list(&mut self, items: &[Handle<Expr>]) {
        for (i, &e) in items.iter().enumerate() {
            if i > 0 {
                self.out.push_str(", ");
            }
            self.expr(e);
        }
    }
    fn expr(&mut self, e: Handle<Expr>) {
        let expr = &self.func.exprs[e];
        let ty = self.module.types.display(expr.ty);
        match &expr.kind {
            ExprKind::Literal(lit) => match lit {
                Literal::Int(v) => {
                    let _ = write!(self.out, "{v}_{ty}");
                }
                Literal::Float(v) => {
                    let _ = write!(self.out, "{v:?}_{ty}");
                }
                Literal::Bool(b) => {
                    let _ = write!(self.out, "{b}");
                }
                Literal::Unit => self.out.push_str("()"),
            },
            ExprKind::Local(l) => {
                let s = self.local(*l);
                self.out.push_str(&s);
            }
            ExprKind::Unary { op, operand } => {
                self.out.push_str(match op {
                    UnaryOp::Neg => "-",
                    UnaryOp::Not => "!",
                });
                self.expr(*operand);
            }
            ExprKind::Binary { op, lhs, rhs } => {
                self.out.push('(');
                self.expr(*lhs);
                let _ = write!(self.out, " {} ", op.symbol());
                self.expr(*rhs);
                self.out.push(')');
            }
            ExprKind::Cast { value } => {
                self.out.push('(');
                self.expr(*value);
                let _ = write!(self.out, " as {ty})");
            }
            ExprKind::Call { func, args } => {
                let _ = write!(self.out, "{}(", self.module.functions[*func].name);
                self.list(args);
                self.out.push(')');
            }
            ExprKind::CallIndirect { callee, args } => {
                self.out.push('(');
                self.expr(*callee);
                self.out.push_str(")(");
                self.list(args);
                self.out.push(')');
            }
            ExprKind::FnAddr(func) => {
                let _ = write!(self.out, "&fn {}", self.module.functions[*func].name);
            }
            ExprKind::Intrinsic { op, args } => {
                let _ = write!(self.out, "@{op:?}<{ty}>(");
                self.list(args);
                self.out.push(')');
            }
            ExprKind::Field { base, index } => {
                self.expr(*base);
                let _ = write!(self.out, ".{index}");
            }
            ExprKind::Index { base, index } => {
                self.expr(*base);
                self.out.push('[');
                self.expr(*index);
                self.out.push(']');
            }
            ExprKind::Deref(p) => {
                self.out.push_str("(*");
                self.expr(*p);
                self.out.push(')');
            }
            ExprKind::AddrOf { place, mutable } => {
                self.out.push_str(if *mutable { "&mut " } else { "&" });
                self.expr(*place);
            }
            ExprKind::SliceRange { base, start, end } => {
                self.out.push('&');
                self.expr(*base);
                self.out.push('[');
                if let Some(s) = start {
                    self.expr(*s);
                }
                self.out.push_str("..");
                if let Some(s) = end {
                    self.expr(*s);
                }
                self.out.push(']');
            }
            ExprKind::Assign { place, value } => {
                self.expr(*place);
                self.out.push_str(" = ");
                self.expr(*value);
            }
            ExprKind::AssignOp { op, place, value } => {
                self.expr(*place);
                let _ = write!(self.out, " {}= ", op.symbol());
                self.expr(*value);
            }
            ExprKind::Block(block) => {
                self.out.push('{');
                self.indent += 1;
                for stmt in &block.stmts {
                    self.newline();
                    match stmt {
                        Stmt::Let { local, init } => {
                            let l = &self.func.locals[*local];
                            let _ = write!(
                                self.out,
                                "let {}{}: {}",
                                if l.mutable { "mut " } else { "" },
                                self.local(*local),
                                self.module.types.display(l.ty)
                            );
                            if let Some(init) = init {
                                self.out.push_str(" = ");
                                self.expr(*init);
                            }
                        }
                        Stmt::Expr(e) => self.expr(*e),
                    }
                    self.out.push(';');
                }
                if let Some(tail) = block.tail {
                    self.newline();
                    self.expr(tail);
                }
                self.indent -= 1;
                self.newline();
                self.out.push('}');
            }
            ExprKind::If { cond, then, otherwise } => {
                self.out.push_str("if ");
                self.expr(*cond);
                self.out.push(' ');
                self.expr(*then);
                if let Some(o) = otherwise {
                    self.out.push_str(" else ");
                    self.expr(*o);
                }
            }
            ExprKind::Loop { body, id } => {
                let _ = write!(self.out, "'l{}: loop ", id.0);
                self.expr(*body);
            }
            ExprKind::Break { target, value } => {
                let _ = write!(self.out, "break 'l{}", target.0);
                if let Some(v) = value {
                    self.out.push(' ');
                    self.expr(*v);
                }
            }
            ExprKind::Continue { target } => {
                let _ = write!(self.out, "continue 'l{}", target.0);
            }
            ExprKind::Return(v) => {
                self.out.push_str("return");
                if let Some(v) = v {
                    self.out.push(' ');
                    self.expr(*v);
                }
            }
            ExprKind::Tuple(items) => {
                self.out.push('(');
                self.list(items);
                self.out.push(')');
            }
            ExprKind::Array(items) => {
                self.out.push('[');
                self.list(items);
                self.out.push(']');
            }
            ExprKind::ArrayRepeat { value, count } => {
                self.out.push('[');
                self.expr(*value);
                let _ = write!(self.out, "; {count}]");
            }
            ExprKind::Struct { fields } => {
                let _ = write!(self.out, "{ty} {{ ");
                self.list(fields);
                self.out.push_str(" }");
            }
            ExprKind::StaticBytes(bytes) => {
                let _ = write!(self.out, "@static_bytes({:?})", String::from_utf8_lossy(bytes));
            }
            ExprKind::Print { target, pieces, newline } => {
                let _ = write!(self.out, "@print<{target:?}{}>(", if *newline { ", ln" } else { "" });
                for (i, piece) in pieces.iter().enumerate() {
                    if i > 0 {
                        self.out.push_str(", ");
                    }
                    match piece {
                        FmtPiece::Literal(s) => {
                            let _ = write!(self.out, "{s:?}");
                        }
                        FmtPiece::Arg { value, spec } => {
                            self.expr(*value);
                            if *spec != FmtSpec::default() {
                                let _ = write!(self.out, " : {spec:?}");
                            }
                        }
                    }
                }
                self.out.push(')');
            }
            ExprKind::Offload { kernel, blocks, threads, dyn_cache, device, args } => {
                let _ = write!(self.out, "@offload({}, [", self.module.functions[*kernel].name);
                self.list(blocks);
                self.out.push_str("], [");
                self.list(threads);
                self.out.push_str("], ");
                self.expr(*dyn_cache);
                self.out.push_str(", ");
                self.expr(*device);
                self.out.push_str(", (");
                self.list(args);
                self.out.push_str("))");
            }
        }
    }
}
