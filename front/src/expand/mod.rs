//! `macro_rules!`: declarative macros, expanded before items are collected
//! (item position, [`items`]) and before each body is lowered (statement,
//! expression, pattern and type position, [`body`]).
//!
//! Scoping is rustc's legacy textual scope: a definition is visible after
//! it in its module and in the modules declared after it inside that
//! module (`#[macro_use] mod m` lets `m`'s definitions out); a
//! `#[macro_export]` macro is also at the crate root (`crate::m!`,
//! `$crate::m!`, and `m!` in the root module). Scopes are a persistent
//! list ([`ScopeNode`]): each definition is a node whose parent is the scope
//! it was defined in, so a position's scope is one id.
//!
//! Bodies are parsed on worker threads, so the table the item table carries
//! ([`MacroTable`]) is plain data: each definition's source range, parsed
//! again where it is needed ([`crate::ranges::parse_piece`] keeps those
//! tokens' spans pointing into the source); a function stamped out by an
//! item-position macro is found again by re-expanding its invocation
//! (expansion is deterministic) and taking its `fn_index`-th function.

mod body;
mod items;
mod matcher;
mod rules;
mod transcribe;

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use proc_macro2::{TokenStream, TokenTree};

pub use body::{body_for, expand_parsed};
pub use items::{expand_crate, ItemExpansion};

use crate::diag::{range_of, DResult, Diagnostic};
use crate::resolve::FnId;
use matcher::{failure_range, match_rule, Matching};
use rules::MacroRules;
use transcribe::Transcriber;

/// rustc's default `recursion_limit`.
const RECURSION_LIMIT: u32 = 128;

pub type ScopeId = usize;

/// One `macro_rules!` definition.
#[derive(Clone, Debug)]
pub struct MacroDefSrc {
    pub name: String,
    /// The definition's `{ .. }` (its rules), when it is written in the
    /// source (not produced by an expansion).
    pub range: Option<Range<usize>>,
    /// `macro_rules! name`.
    pub head: Range<usize>,
    /// Defined by an item-position call in the source: the call, the path of
    /// its module, its scope, and which definition of its
    /// expansion this is (to parse it again on a body thread).
    pub from_call: Option<(Range<usize>, String, Option<ScopeId>, usize)>,
}

impl MacroDefSrc {
    fn full_range(&self) -> Option<Range<usize>> {
        self.range.as_ref().map(|r| self.head.start..r.end)
    }
}

#[derive(Clone, Copy, Debug)]
pub struct ScopeNode {
    pub def: usize,
    pub parent: Option<ScopeId>,
}

/// What the body of a function needs to expand its macros.
#[derive(Clone, Debug, Default)]
pub struct FnTag {
    /// The macros in scope at the function.
    pub scope: Option<ScopeId>,
    pub expanded: Option<ExpandedFn>,
}

/// A function produced by an item-position macro call.
#[derive(Clone, Debug)]
pub struct ExpandedFn {
    /// The call `m! { .. }` in the source.
    pub invocation: Range<usize>,
    /// The path of the call's module (`a::b`, empty for the root).
    pub module: String,
    /// Its place among the functions of the expansion ([`items::fn_blocks`]).
    pub fn_index: usize,
}

/// The program's macros, as the item table carries them to body threads.
#[derive(Clone, Debug, Default)]
pub struct MacroTable {
    pub defs: Vec<MacroDefSrc>,
    pub scopes: Vec<ScopeNode>,
    pub fns: HashMap<FnId, FnTag>,
    /// Macros by (module path, name) for paths (`crate::m!`, `a::m!`): the
    /// `#[macro_export]`ed ones at the root, and `use`d ones.
    pub paths: HashMap<(String, String), usize>,
    /// The program may use `macro_rules!` (its text names it): bodies are
    /// expanded before they are lowered.
    pub active: bool,
    /// For the recursion limit's help.
    pub crate_name: String,
}

/// Definitions and scopes: those of a base table plus those added while
/// expanding (body-local definitions, or all of them while collecting).
pub struct Env<'s> {
    source: &'s str,
    base: Option<&'s MacroTable>,
    defs: Vec<MacroDefSrc>,
    scopes: Vec<ScopeNode>,
    paths: HashMap<(String, String), usize>,
    parsed: HashMap<usize, Rc<MacroRules>>,
    /// Hygiene marks handed out so far.
    mark: u32,
    /// Calls being expanded, outermost first: (call range, macro name).
    stack: Vec<(Range<usize>, String)>,
    /// Every call expanded: (definition, call range).
    pub expanded: Vec<(usize, Range<usize>)>,
    crate_name: String,
    /// The program may define macros (else no item needs expanding).
    active: bool,
}

impl<'s> Env<'s> {
    pub fn new(source: &'s str, base: Option<&'s MacroTable>) -> Self {
        let crate_name = base.map(|b| b.crate_name.clone()).unwrap_or_default();
        Env {
            source,
            base,
            defs: Vec::new(),
            scopes: Vec::new(),
            paths: HashMap::new(),
            parsed: HashMap::new(),
            mark: 0,
            stack: Vec::new(),
            expanded: Vec::new(),
            crate_name,
            active: base.is_some_and(|b| b.active),
        }
    }

    fn base_defs(&self) -> usize {
        self.base.map_or(0, |b| b.defs.len())
    }

    fn base_scopes(&self) -> usize {
        self.base.map_or(0, |b| b.scopes.len())
    }

    fn def(&self, id: usize) -> &MacroDefSrc {
        match self.base {
            Some(b) if id < b.defs.len() => &b.defs[id],
            _ => &self.defs[id - self.base_defs()],
        }
    }

    fn node(&self, id: ScopeId) -> ScopeNode {
        match self.base {
            Some(b) if id < b.scopes.len() => b.scopes[id],
            _ => self.scopes[id - self.base_scopes()],
        }
    }

    fn all_defs(&self) -> impl Iterator<Item = (usize, &MacroDefSrc)> {
        let base = self.base.map(|b| b.defs.as_slice()).unwrap_or(&[]);
        base.iter().chain(self.defs.iter()).enumerate()
    }

    /// Add a definition in scope `parent`; the scope after it.
    pub fn define(&mut self, rules: MacroRules, range: Option<Range<usize>>, exported: bool, parent: Option<ScopeId>) -> ScopeId {
        let id = self.base_defs() + self.defs.len();
        self.defs.push(MacroDefSrc { name: rules.name.clone(), range, head: rules.head.clone(), from_call: None });
        if exported {
            self.bind_path("", &rules.name, id);
        }
        self.parsed.insert(id, Rc::new(rules));
        self.scopes.push(ScopeNode { def: id, parent });
        self.base_scopes() + self.scopes.len() - 1
    }

    /// Define the `macro_rules!` item `mc` (its name given) in `parent`.
    pub fn define_item(&mut self, mc: &syn::ItemMacro, in_source: bool, parent: Option<ScopeId>) -> DResult<ScopeId> {
        let Some(name) = &mc.ident else {
            return Err(Diagnostic::at(None, "macro_rules! needs a name", range_of(&mc.mac), ""));
        };
        let head = range_of(&mc.mac.path).start..range_of(name).end;
        let rules = rules::parse_rules(&name.to_string(), head, mc.mac.tokens.clone())?;
        if rules.rules.is_empty() {
            return Err(Diagnostic::at(None, "macros must contain at least one rule", range_of(&mc.mac), ""));
        }
        let exported = mc.attrs.iter().any(|a| a.path().is_ident("macro_export"));
        let range = in_source.then(|| crate::ranges::byte_range(mc.mac.delimiter.span().join()));
        Ok(self.define(rules, range, exported, parent))
    }

    fn rules(&mut self, id: usize) -> DResult<Rc<MacroRules>> {
        if let Some(r) = self.parsed.get(&id) {
            return Ok(Rc::clone(r));
        }
        let def = self.def(id).clone();
        let Some(range) = def.range.clone() else {
            if let Some(origin) = &def.from_call {
                let rules = Rc::new(self.rules_from_call(origin)?);
                self.parsed.insert(id, Rc::clone(&rules));
                return Ok(rules);
            }
            // FIXME(nested macro-defining macros): only definitions a call in
            // the source expands to directly are found again
            return Err(Diagnostic::unsupported("a macro defined by a nested macro expansion, used in a function body,", def.head.clone()));
        };
        let Some(TokenTree::Group(g)) = crate::ranges::parse_piece(self.source, range.clone()).and_then(|t| t.into_iter().next()) else {
            return Err(Diagnostic::ice(format!("the definition of macro `{}` does not parse again", def.name)));
        };
        let rules = Rc::new(rules::parse_rules(&def.name, def.head.clone(), g.stream())?);
        self.parsed.insert(id, Rc::clone(&rules));
        Ok(rules)
    }

    /// The rules of the `k`-th definition a call expands to.
    fn rules_from_call(&mut self, (call, module, scope, k): &(Range<usize>, String, Option<ScopeId>, usize)) -> DResult<MacroRules> {
        let again = || Diagnostic::ice("a macro-defined macro is not found when its call is expanded again");
        let tokens = crate::ranges::parse_piece(self.source, call.clone()).ok_or_else(again)?;
        let mac: syn::Macro = syn::parse2(tokens).map_err(|_| again())?;
        let Some((id, rules)) = self.resolve(&mac.path, *scope, module)? else { return Err(again()) };
        let tokens = self.expand_call(id, &rules, &mac)?;
        let items = parse_items(tokens).map_err(|e| expansion_error(&e, call))?;
        let def = items
            .iter()
            .filter_map(|i| match i {
                syn::Item::Macro(m) if items::is_definition(m) => Some(m),
                _ => None,
            })
            .nth(*k)
            .ok_or_else(again)?;
        let name = def.ident.as_ref().ok_or_else(again)?;
        let head = range_of(&def.mac.path).start..range_of(name).end;
        rules::parse_rules(&name.to_string(), head, def.mac.tokens.clone())
    }

    /// The user macro a call's path names, if any (else it is a builtin
    /// macro or unknown, for lowering to tell).
    pub fn resolve(&mut self, path: &syn::Path, scope: Option<ScopeId>, module: &str) -> DResult<Option<(usize, Rc<MacroRules>)>> {
        let segs: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
        let found = match segs.as_slice() {
            [name] if path.leading_colon.is_none() => self.textual(name, scope).or_else(|| self.by_path(module, name)),
            [prefix @ .., name] if path.leading_colon.is_none() => {
                target_module(module, prefix).and_then(|target| self.by_path(&target, name))
            }
            _ => None,
        };
        match found {
            Some(id) => Ok(Some((id, self.rules(id)?))),
            None => Ok(None),
        }
    }

    /// The definition `name` in textual scope `scope`.
    fn textual(&self, name: &str, scope: Option<ScopeId>) -> Option<usize> {
        let mut cur = scope;
        while let Some(s) = cur {
            let node = self.node(s);
            if self.def(node.def).name == *name {
                return Some(node.def);
            }
            cur = node.parent;
        }
        None
    }

    /// The macro named `name` in module `module`'s path scope: imported
    /// there by `use`, or `#[macro_export]`ed when it is the root.
    fn by_path(&self, module: &str, name: &str) -> Option<usize> {
        let key = (module.to_string(), name.to_string());
        self.paths.get(&key).or_else(|| self.base.and_then(|b| b.paths.get(&key))).copied()
    }

    /// The macro a `use` path names from module `module` in scope `scope`.
    pub fn resolve_use(&self, path: &[String], scope: Option<ScopeId>, module: &str) -> Option<usize> {
        match path {
            [name] => self.textual(name, scope).or_else(|| self.by_path(module, name)),
            [prefix @ .., name] => target_module(module, prefix).and_then(|t| self.by_path(&t, name)),
            [] => None,
        }
    }

    /// Bind `name` to definition `def` in module `module`'s path scope.
    pub fn bind_path(&mut self, module: &str, name: &str, def: usize) {
        self.paths.insert((module.to_string(), name.to_string()), def);
    }

    /// Match a call against the macro's rules and transcribe the first
    /// rule that matches.
    pub fn expand_call(&mut self, id: usize, rules: &MacroRules, mac: &syn::Macro) -> DResult<TokenStream> {
        let call = range_of(mac);
        if self.stack.len() as u32 >= RECURSION_LIMIT {
            let outer = self.stack.first().map_or(call.clone(), |(r, _)| r.clone());
            let crate_name = &self.crate_name;
            let mut d = Diagnostic::at(None, format!("recursion limit reached while expanding `{}!`", rules.name), call.clone(), "")
                .help(format!(
                    "consider increasing the recursion limit by adding a `#![recursion_limit = \"256\"]` attribute to your crate (`{crate_name}`)"
                ));
            if outer != call {
                d = d.secondary(outer, "in this macro invocation");
            }
            d.helps_first = true;
            return Err(d.note(origin_note(&rules.name)));
        }
        let toks: Vec<TokenTree> = mac.tokens.clone().into_iter().collect();
        let end = mac.delimiter.span().close();
        let mut m = Matching { best: None };
        for rule in &rules.rules {
            if let Some(binds) = match_rule(&rule.matcher, &toks, end, &mut m) {
                self.mark += 1;
                self.expanded.push((id, call));
                return Transcriber::new(&binds, &rule.transcriber, self.mark).run(&rule.transcriber);
            }
        }
        Err(no_rules(rules, m, end))
    }

    /// Run `f` with a call pushed on the expansion stack.
    pub fn nested<T>(&mut self, call: Range<usize>, name: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.stack.push((call, name.to_string()));
        let r = f(self);
        self.stack.pop();
        r
    }

    /// The definitions and scopes added, as a table.
    pub fn into_table(self) -> MacroTable {
        MacroTable { defs: self.defs, scopes: self.scopes, paths: self.paths, ..MacroTable::default() }
    }

    /// Add rustc's "in this macro invocation" and "this error originates in
    /// the macro" to an error whose primary span is inside a definition.
    pub fn annotate(&self, mut d: Diagnostic) -> Diagnostic {
        let Some(at) = d.primary.as_ref().map(|l| l.range.clone()) else { return d };
        let ranges: Vec<(String, Range<usize>)> =
            self.all_defs().filter_map(|(_, def)| def.full_range().map(|r| (def.name.clone(), r))).collect();
        let inside = |r: &Range<usize>| ranges.iter().find(|(_, dr)| dr.start <= r.start && r.end <= dr.end);
        let Some((name, _)) = inside(&at) else { return d };
        if TRANSCRIPTION_ERRORS.iter().any(|p| d.message.starts_with(p)) {
            return d;
        }
        let note = origin_note(name);
        if d.notes.contains(&note) {
            return d;
        }
        // the call that led there: the last call of the macro whose
        // definition holds the span, and so on out to a call in the source
        let mut span = at.clone();
        let mut call = None;
        for _ in 0..RECURSION_LIMIT {
            let Some((def_name, _)) = inside(&span) else { break };
            let Some((_, c)) = self.expanded.iter().rev().find(|(id, _)| self.def(*id).name == *def_name) else { break };
            call = Some(c.clone());
            span = c.clone();
        }
        if let Some(call) = call.filter(|c| inside(c).is_none()) {
            if !d.secondary.iter().any(|l| l.range == call) {
                d = d.secondary(call, "in this macro invocation");
            }
        }
        d.note(note)
    }
}

/// Errors of transcription itself, which rustc reports without the notes.
const TRANSCRIPTION_ERRORS: &[&str] = &["meta-variable `", "variable `", "attempted to repeat"];

/// The path of the module a macro path's `prefix` names from module
/// `module` (`crate::a`, `self::`, `super::`, or a child module), if it
/// names one of the program's.
fn target_module(module: &str, prefix: &[String]) -> Option<String> {
    let mut parts: Vec<&str> = if module.is_empty() { Vec::new() } else { module.split("::").collect() };
    let mut rest = prefix;
    match prefix.first().map(String::as_str) {
        Some("crate") => {
            parts.clear();
            rest = &prefix[1..];
        }
        Some("self") => rest = &prefix[1..],
        Some("super") => {
            while let Some("super") = rest.first().map(String::as_str) {
                parts.pop()?;
                rest = &rest[1..];
            }
        }
        Some("std" | "core" | "alloc") => return None,
        _ => {}
    }
    parts.extend(rest.iter().map(String::as_str));
    Some(parts.join("::"))
}

fn origin_note(name: &str) -> String {
    format!("this error originates in the macro `{name}` (in Nightly builds, run with -Z macro-backtrace for more info)")
}

/// rustc's error for a call no rule matches.
fn no_rules(rules: &MacroRules, m: Matching, end: proc_macro2::Span) -> Diagnostic {
    let Some(f) = m.best else {
        return Diagnostic::at(
            None,
            "unexpected end of macro invocation",
            crate::ranges::byte_range(end),
            "missing tokens in macro arguments",
        )
        .secondary(rules.head.clone(), "when calling this macro");
    };
    let mut d = match &f.shown {
        Some(shown) => {
            Diagnostic::at(None, format!("no rules expected `{shown}`"), failure_range(&f), "no rules expected this token in macro call")
        }
        None => Diagnostic::at(None, "unexpected end of macro invocation", failure_range(&f), "missing tokens in macro arguments"),
    };
    d = d.secondary(rules.head.clone(), "when calling this macro");
    if let Some((what, span)) = &f.expected {
        d = d.span_note(crate::ranges::byte_range(*span), format!("while trying to match {}", quoted(what)));
    }
    d
}

fn quoted(what: &str) -> String {
    if what.starts_with("meta-variable") {
        what.to_string()
    } else {
        format!("`{what}`")
    }
}

/// The error for a call of a macro that is neither the program's nor one
/// hybridc knows.
pub fn unknown_macro(name: &str, path_range: Range<usize>) -> Diagnostic {
    const STD: &[&str] = &[
        "format",
        "write",
        "writeln",
        "matches",
        "concat",
        "stringify",
        "include",
        "include_str",
        "env",
        "line",
        "column",
        "file",
        "module_path",
        "cfg",
        "dbg",
        "debug_assert",
        "compile_error",
        "format_args",
        "option_env",
        "todo",
    ];
    if STD.contains(&name) {
        Diagnostic::unsupported(&format!("the macro `{name}!`"), path_range)
    } else {
        Diagnostic::at(None, format!("cannot find macro `{name}` in this scope"), path_range, "")
    }
}

/// Parse an expansion in item position.
pub fn parse_items(ts: TokenStream) -> syn::Result<Vec<syn::Item>> {
    use syn::parse::Parser;
    let parser = |input: syn::parse::ParseStream<'_>| {
        let mut v = Vec::new();
        while !input.is_empty() {
            v.push(input.parse()?);
        }
        Ok(v)
    };
    parser.parse2(ts)
}

/// A syntax error in an expansion, at its token or else at the call.
fn expansion_error(e: &syn::Error, call: &Range<usize>) -> Diagnostic {
    let mut d = crate::syntax_error(e);
    if d.primary.as_ref().is_none_or(|l| l.range.is_empty()) {
        d.primary = Some(crate::diag::Label { range: call.clone(), message: String::new() });
    }
    d
}
