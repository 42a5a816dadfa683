//! Splits a module into the code a page runs while it starts (the primary, which the page waits
//! for) and the rest (the secondary, fetched once the page's widgets are ready): a page waits for
//! fewer bytes. Used for the combined module only (`cchc_all`, pages with several widget kinds);
//! the one-widget modules are held by their byte budgets, which count every byte a page fetches.
//!
//! How (the scheme of binaryen's `wasm-split`, done here because the npm binaryen has no
//! `wasm-split`):
//!
//! - The functions named in `xtask/rest-functions.txt` (found by `cargo xtask rest-profile`: never
//!   called while the demo pages start, their failures included) move to the secondary.
//! - In the primary each keeps its index and type, with a stub for a body: make sure the
//!   secondary is there (`$ensure`), then `call_indirect` the real body through a table slot the
//!   secondary fills when it is instantiated. Calls, table entries and exports need no change.
//! - `$ensure` reads a global the glue sets once the secondary is in; while it is 0 it calls the
//!   import `c.r`, with which the glue fetches, checks and instantiates the secondary
//!   synchronously (a function the profile did not see was called before the secondary arrived:
//!   slower, never wrong).
//! - The secondary imports from the primary's exports (`p`) the memory, the tables, the globals
//!   and every other function its code calls; its function bodies are the original ones with the
//!   indices renumbered, byte for byte otherwise.
//! - Names and the producers section are dropped from both unless `CCHC_WASM_NAMES` is set.
//!
//! The glue side is `rest_glue` in main.rs.

use std::collections::{BTreeSet, HashMap};
use wasm_encoder::reencode::{self, Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, ConstExpr, ElementSection, Elements, EntityType, ExportKind, ExportSection,
    Function, FunctionSection, GlobalType, ImportSection, Instruction, MemoryType, Module, RefType,
    TableType, TypeSection, ValType,
};
use wasmparser::{KnownCustom, Name, Parser, Payload, TypeRef};

type Res<T> = Result<T, String>;

/// The two modules and what the report prints.
pub struct Split {
    pub primary: Vec<u8>,
    pub rest: Vec<u8>,
    /// Functions moved, their body bytes.
    pub moved: (usize, usize),
    /// The export name of the primary's loaded flag, which the glue sets.
    pub loaded: String,
}

/// What the first pass learns about the module.
struct Info<'a> {
    /// Type index of every function (imports first).
    func_types: Vec<u32>,
    imported_funcs: u32,
    /// How many of `tables` are imported (they come first).
    imported_tables: u32,
    types: u32,
    /// Tables, memories and globals: (imported?, type).
    tables: Vec<TableType>,
    memories: Vec<MemoryType>,
    globals: Vec<GlobalType>,
    export_names: BTreeSet<String>,
    names: HashMap<u32, String>,
    bodies: Vec<wasmparser::FunctionBody<'a>>,
    start: Option<u32>,
    /// The `() -> ()` type, if the module has one.
    unit_type: Option<u32>,
    /// The number of parameters of each type (`None`: not a function type).
    params: Vec<Option<u32>>,
}

fn read(wasm: &[u8]) -> Res<Info<'_>> {
    let bad = |e: wasmparser::BinaryReaderError| format!("wasm: {e}");
    let mut i = Info {
        func_types: Vec::new(),
        imported_funcs: 0,
        imported_tables: 0,
        types: 0,
        tables: Vec::new(),
        memories: Vec::new(),
        globals: Vec::new(),
        export_names: BTreeSet::new(),
        names: HashMap::new(),
        bodies: Vec::new(),
        start: None,
        unit_type: None,
        params: Vec::new(),
    };
    let mut rt = RoundtripReencoder;
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(bad)? {
            Payload::TypeSection(s) => {
                for group in s {
                    for ty in group.map_err(bad)?.into_types() {
                        let mut params = None;
                        if let wasmparser::CompositeInnerType::Func(f) = &ty.composite_type.inner {
                            if f.params().is_empty()
                                && f.results().is_empty()
                                && i.unit_type.is_none()
                            {
                                i.unit_type = Some(i.types);
                            }
                            params = Some(f.params().len() as u32);
                        }
                        i.params.push(params);
                        i.types += 1;
                    }
                }
            }
            Payload::ImportSection(s) => {
                for imp in s.into_imports() {
                    match imp.map_err(bad)?.ty {
                        TypeRef::Func(t) => {
                            i.func_types.push(t);
                            i.imported_funcs += 1;
                        }
                        TypeRef::Table(t) => {
                            i.tables.push(rt.table_type(t).map_err(|e| e.to_string())?);
                            i.imported_tables += 1;
                        }
                        TypeRef::Memory(m) => i
                            .memories
                            .push(rt.memory_type(m).map_err(|e| e.to_string())?),
                        TypeRef::Global(g) => i
                            .globals
                            .push(rt.global_type(g).map_err(|e| e.to_string())?),
                        _ => return Err("wasm: an import of an unexpected kind".into()),
                    }
                }
            }
            Payload::FunctionSection(s) => {
                for t in s {
                    i.func_types.push(t.map_err(bad)?);
                }
            }
            Payload::TableSection(s) => {
                for t in s {
                    i.tables.push(
                        rt.table_type(t.map_err(bad)?.ty)
                            .map_err(|e| e.to_string())?,
                    );
                }
            }
            Payload::MemorySection(s) => {
                for m in s {
                    i.memories
                        .push(rt.memory_type(m.map_err(bad)?).map_err(|e| e.to_string())?);
                }
            }
            Payload::GlobalSection(s) => {
                for g in s {
                    i.globals.push(
                        rt.global_type(g.map_err(bad)?.ty)
                            .map_err(|e| e.to_string())?,
                    );
                }
            }
            Payload::ExportSection(s) => {
                for e in s {
                    i.export_names.insert(e.map_err(bad)?.name.to_string());
                }
            }
            Payload::StartSection { func, .. } => i.start = Some(func),
            Payload::CodeSectionEntry(body) => i.bodies.push(body),
            Payload::CustomSection(c) => {
                if let KnownCustom::Name(names) = c.as_known() {
                    for n in names {
                        if let Name::Function(map) = n.map_err(bad)? {
                            for naming in map {
                                let naming = naming.map_err(bad)?;
                                i.names.insert(naming.index, naming.name.to_string());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if i.memories.len() != 1 {
        return Err("wasm: expected one memory".into());
    }
    Ok(i)
}

/// A function's name as the rest list records it: without the symbol hashes (`[0123…]`) and
/// binaryen's `[n]` suffix for names it has seen before, which move when the code changes.
pub fn group_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut rest = name;
    while let Some(open) = rest.find('[') {
        let close = rest[open..].find(']').map(|c| open + c);
        match close {
            Some(close) if rest[open + 1..close].bytes().all(|b| b.is_ascii_hexdigit()) => {
                out.push_str(&rest[..open]);
                rest = &rest[close + 1..];
            }
            _ => {
                out.push_str(&rest[..=open]);
                rest = &rest[open + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The function names of a module built with names, grouped as the rest list records them, each
/// with the indices of the functions of that name (for `cargo xtask rest-profile`).
pub fn names(wasm: &[u8]) -> Res<Vec<(u32, String)>> {
    let i = read(wasm)?;
    let mut out: Vec<(u32, String)> = (i.imported_funcs..i.func_types.len() as u32)
        .map(|f| {
            (
                f,
                group_name(i.names.get(&f).map(String::as_str).unwrap_or("")),
            )
        })
        .collect();
    out.sort();
    Ok(out)
}

/// Splits `wasm` (built with names) so that the functions whose group names are in `rest` move
/// to the secondary. `keep_names` keeps the name section in the primary (profiling builds).
pub fn split(wasm: &[u8], rest: &BTreeSet<String>, keep_names: bool) -> Res<Split> {
    let info = read(wasm)?;
    if info.names.is_empty() {
        return Err("wasm: no function names (the combined module is built with `-g`)".into());
    }
    let nfi = info.imported_funcs;
    // A group moves only when every function of that name is listed (the list holds groups).
    let moved: Vec<u32> = (nfi..info.func_types.len() as u32)
        .filter(|f| Some(*f) != info.start)
        .filter(|f| {
            info.names
                .get(f)
                .is_some_and(|n| !n.is_empty() && rest.contains(&group_name(n)))
        })
        .collect();
    let slot_of: HashMap<u32, u32> = moved
        .iter()
        .enumerate()
        .map(|(k, f)| (*f, k as u32))
        .collect();
    // The function table the stubs call through: the first funcref table, defined here.
    let table = info
        .tables
        .iter()
        .position(|t| t.element_type == RefType::FUNCREF)
        .ok_or("wasm: no function table")? as u32;
    if table < info.imported_tables {
        return Err("wasm: the function table is imported; the split grows it in place".into());
    }
    let base = info.tables[table as usize].minimum as u32;

    // What the moved code uses from the primary (first pass: record every index it names).
    let mut uses = Uses::default();
    for f in &moved {
        let body = &info.bodies[(f - nfi) as usize];
        let mut scratch = CodeSection::new();
        uses.parse_function_body(&mut scratch, body.clone())
            .map_err(|e| format!("wasm: {e}"))?;
    }
    if uses.unsupported {
        return Err("wasm: moved code uses data, element or function references".into());
    }
    let called: Vec<u32> = uses
        .funcs
        .iter()
        .copied()
        .filter(|f| !slot_of.contains_key(f))
        .collect();

    // Export names for what the secondary imports: `_` and a short name for a function, `$`
    // and a letter before one for the rest (no two can meet); `$la` is the loaded flag.
    let mut taken = info.export_names.clone();
    let mut fresh = |prefix: &str, n: usize| -> Res<String> {
        let name = format!("{prefix}{}", super::short_name(n));
        if !taken.insert(name.clone()) {
            return Err(format!("wasm: an export is already named {name}"));
        }
        Ok(name)
    };
    let loaded_export = fresh("$l", 0)?;
    let memory_export = fresh("$m", 0)?;
    let func_exports: Vec<(u32, String)> = called
        .iter()
        .enumerate()
        .map(|(n, f)| Ok((*f, fresh("_", n)?)))
        .collect::<Res<_>>()?;
    let table_exports: Vec<(u32, String)> = uses
        .tables
        .iter()
        .chain(std::iter::once(&table))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .enumerate()
        .map(|(n, t)| Ok((*t, fresh("$t", n)?)))
        .collect::<Res<_>>()?;
    let global_exports: Vec<(u32, String)> = uses
        .globals
        .iter()
        .enumerate()
        .map(|(n, g)| Ok((*g, fresh("$g", n)?)))
        .collect::<Res<_>>()?;

    // The primary.
    let mut p = Primary {
        info: &info,
        nfi,
        unit_type: info.unit_type.unwrap_or(info.types),
        add_unit_type: info.unit_type.is_none(),
        slot_of: &slot_of,
        table,
        base,
        grow: moved.len() as u32,
        loaded_global: info.globals.len() as u32,
        exports: Vec::new(),
        keep_names,
        next_body: nfi,
    };
    p.exports
        .push((loaded_export, ExportKind::Global, p.loaded_global));
    p.exports.push((memory_export, ExportKind::Memory, 0));
    for (f, name) in &func_exports {
        let f = p.func(*f);
        p.exports.push((name.clone(), ExportKind::Func, f));
    }
    for (t, name) in &table_exports {
        p.exports.push((name.clone(), ExportKind::Table, *t));
    }
    for (g, name) in &global_exports {
        p.exports.push((name.clone(), ExportKind::Global, *g));
    }
    let mut primary = Module::new();
    p.parse_core_module(&mut primary, Parser::new(0), wasm)
        .map_err(|e| format!("wasm: {e}"))?;

    // The secondary.
    let mut types = TypeSection::new();
    let mut rt = RoundtripReencoder;
    for payload in Parser::new(0).parse_all(wasm) {
        if let Payload::TypeSection(s) = payload.map_err(|e| format!("wasm: {e}"))? {
            rt.parse_type_section(&mut types, s)
                .map_err(|e| format!("wasm: {e}"))?;
        }
    }
    let mut imports = ImportSection::new();
    let mut remap = Remap {
        funcs: HashMap::new(),
        tables: HashMap::new(),
        globals: HashMap::new(),
    };
    for (n, (f, name)) in func_exports.iter().enumerate() {
        imports.import(
            "p",
            name,
            EntityType::Function(info.func_types[*f as usize]),
        );
        remap.funcs.insert(*f, n as u32);
    }
    let imported = func_exports.len() as u32;
    for (k, f) in moved.iter().enumerate() {
        remap.funcs.insert(*f, imported + k as u32);
    }
    for (n, (t, name)) in table_exports.iter().enumerate() {
        let mut ty = info.tables[*t as usize];
        if *t == table {
            ty.minimum += moved.len() as u64;
            ty.maximum = ty.maximum.map(|m| m + moved.len() as u64);
        }
        imports.import("p", name, EntityType::Table(ty));
        remap.tables.insert(*t, n as u32);
    }
    imports.import("p", &p.exports[1].0, EntityType::Memory(info.memories[0]));
    for (n, (g, name)) in global_exports.iter().enumerate() {
        imports.import("p", name, EntityType::Global(info.globals[*g as usize]));
        remap.globals.insert(*g, n as u32);
    }
    let mut functions = FunctionSection::new();
    let mut code = CodeSection::new();
    for f in &moved {
        functions.function(info.func_types[*f as usize]);
        remap
            .parse_function_body(&mut code, info.bodies[(f - nfi) as usize].clone())
            .map_err(|e| format!("wasm: {e}"))?;
    }
    let mut elements = ElementSection::new();
    let slots: Vec<u32> = (0..moved.len() as u32).map(|k| imported + k).collect();
    elements.active(
        Some(remap.tables[&table]),
        &ConstExpr::i32_const(base as i32),
        Elements::Functions(slots.into()),
    );
    let mut secondary = Module::new();
    secondary
        .section(&types)
        .section(&imports)
        .section(&functions)
        .section(&elements)
        .section(&code);
    let bytes: usize = moved
        .iter()
        .map(|f| info.bodies[(f - nfi) as usize].range().count())
        .sum();
    let out = Split {
        primary: primary.finish(),
        rest: secondary.finish(),
        moved: (moved.len(), bytes),
        loaded: p.exports[0].0.clone(),
    };
    for m in [&out.primary, &out.rest] {
        wasmparser::Validator::new_with_features(wasmparser::WasmFeatures::default())
            .validate_all(m)
            .map_err(|e| format!("split: the result does not validate: {e}"))?;
    }
    Ok(out)
}

/// First pass: the functions, tables and globals the moved code names.
#[derive(Default)]
struct Uses {
    funcs: BTreeSet<u32>,
    tables: BTreeSet<u32>,
    globals: BTreeSet<u32>,
    unsupported: bool,
}

impl Reencode for Uses {
    type Error = std::convert::Infallible;
    fn function_index(&mut self, f: u32) -> Result<u32, reencode::Error> {
        self.funcs.insert(f);
        Ok(f)
    }
    fn table_index(&mut self, t: u32) -> Result<u32, reencode::Error> {
        self.tables.insert(t);
        Ok(t)
    }
    fn global_index(&mut self, g: u32) -> Result<u32, reencode::Error> {
        self.globals.insert(g);
        Ok(g)
    }
    fn data_index(&mut self, d: u32) -> Result<u32, reencode::Error> {
        self.unsupported = true;
        Ok(d)
    }
    fn element_index(&mut self, e: u32) -> Result<u32, reencode::Error> {
        self.unsupported = true;
        Ok(e)
    }
    fn instruction<'a>(
        &mut self,
        op: wasmparser::Operator<'a>,
    ) -> Result<Instruction<'a>, reencode::Error> {
        if matches!(op, wasmparser::Operator::RefFunc { .. }) {
            self.unsupported = true;
        }
        reencode::utils::instruction(self, op)
    }
}

/// Second pass: the moved bodies with the secondary's indices.
struct Remap {
    funcs: HashMap<u32, u32>,
    tables: HashMap<u32, u32>,
    globals: HashMap<u32, u32>,
}

impl Reencode for Remap {
    type Error = std::convert::Infallible;
    fn function_index(&mut self, f: u32) -> Result<u32, reencode::Error> {
        Ok(self.funcs[&f])
    }
    fn table_index(&mut self, t: u32) -> Result<u32, reencode::Error> {
        Ok(self.tables[&t])
    }
    fn global_index(&mut self, g: u32) -> Result<u32, reencode::Error> {
        Ok(self.globals[&g])
    }
}

/// The primary: the module with one more import (`c.r`), the stubs, `$ensure`, the loaded flag,
/// the table grown by one slot per moved function, and the exports the secondary imports.
struct Primary<'a> {
    info: &'a Info<'a>,
    nfi: u32,
    unit_type: u32,
    add_unit_type: bool,
    slot_of: &'a HashMap<u32, u32>,
    table: u32,
    base: u32,
    grow: u32,
    loaded_global: u32,
    exports: Vec<(String, ExportKind, u32)>,
    keep_names: bool,
    /// The original index of the next body in the code section.
    next_body: u32,
}

impl Primary<'_> {
    /// A function's index in the primary: one more import shifts the module's own functions.
    fn func(&self, f: u32) -> u32 {
        if f >= self.nfi {
            f + 1
        } else {
            f
        }
    }
    fn info_params(&self, ty: u32) -> Option<u32> {
        self.info.params.get(ty as usize).copied().flatten()
    }
    /// `$ensure`'s index: after every original function.
    fn ensure(&self) -> u32 {
        self.info.func_types.len() as u32 + 1
    }
}

impl Reencode for Primary<'_> {
    type Error = std::convert::Infallible;
    fn function_index(&mut self, f: u32) -> Result<u32, reencode::Error> {
        Ok(self.func(f))
    }
    fn parse_type_section(
        &mut self,
        types: &mut TypeSection,
        section: wasmparser::TypeSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_type_section(self, types, section)?;
        if self.add_unit_type {
            types.ty().function([], []);
        }
        Ok(())
    }
    fn parse_import_section(
        &mut self,
        imports: &mut ImportSection,
        section: wasmparser::ImportSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_import_section(self, imports, section)?;
        imports.import("c", "r", EntityType::Function(self.unit_type));
        Ok(())
    }
    fn parse_function_section(
        &mut self,
        functions: &mut FunctionSection,
        section: wasmparser::FunctionSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_function_section(self, functions, section)?;
        functions.function(self.unit_type);
        Ok(())
    }
    fn parse_table_section(
        &mut self,
        tables: &mut wasm_encoder::TableSection,
        section: wasmparser::TableSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        let imported = self.info.imported_tables;
        for (n, t) in section.into_iter().enumerate() {
            let t = t?;
            let mut ty = self.table_type(t.ty)?;
            if n as u32 + imported == self.table {
                ty.minimum += self.grow as u64;
                ty.maximum = ty.maximum.map(|m| m + self.grow as u64);
            }
            match t.init {
                wasmparser::TableInit::RefNull => tables.table(ty),
                wasmparser::TableInit::Expr(e) => {
                    let e = self.const_expr(e)?;
                    tables.table_with_init(ty, &e)
                }
            };
        }
        Ok(())
    }
    fn parse_global_section(
        &mut self,
        globals: &mut wasm_encoder::GlobalSection,
        section: wasmparser::GlobalSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_global_section(self, globals, section)?;
        globals.global(
            GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            },
            &ConstExpr::i32_const(0),
        );
        Ok(())
    }
    fn parse_export_section(
        &mut self,
        exports: &mut ExportSection,
        section: wasmparser::ExportSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_export_section(self, exports, section)?;
        for (name, kind, index) in &self.exports {
            exports.export(name, *kind, *index);
        }
        Ok(())
    }
    fn parse_function_body(
        &mut self,
        code: &mut CodeSection,
        body: wasmparser::FunctionBody<'_>,
    ) -> Result<(), reencode::Error> {
        let original = self.next_body;
        self.next_body += 1;
        let Some(slot) = self.slot_of.get(&original) else {
            return reencode::utils::parse_function_body(self, code, body);
        };
        // The stub: the secondary in, then its body through the table.
        let ty = self.info.func_types[original as usize];
        let mut f = Function::new([]);
        f.instruction(&Instruction::Call(self.ensure()));
        let params = match self.info_params(ty) {
            Some(n) => n,
            None => return reencode::utils::parse_function_body(self, code, body),
        };
        for l in 0..params {
            f.instruction(&Instruction::LocalGet(l));
        }
        f.instruction(&Instruction::I32Const((self.base + slot) as i32));
        f.instruction(&Instruction::CallIndirect {
            type_index: ty,
            table_index: self.table,
        });
        f.instruction(&Instruction::End);
        code.function(&f);
        Ok(())
    }
    fn parse_code_section(
        &mut self,
        code: &mut CodeSection,
        section: wasmparser::CodeSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        reencode::utils::parse_code_section(self, code, section)?;
        // `$ensure`: while the loaded flag is 0, ask the glue for the secondary.
        let mut f = Function::new([]);
        f.instruction(&Instruction::GlobalGet(self.loaded_global));
        f.instruction(&Instruction::I32Eqz);
        f.instruction(&Instruction::If(wasm_encoder::BlockType::Empty));
        f.instruction(&Instruction::Call(self.nfi));
        f.instruction(&Instruction::End);
        f.instruction(&Instruction::End);
        code.function(&f);
        Ok(())
    }
    fn parse_custom_section(
        &mut self,
        module: &mut Module,
        section: wasmparser::CustomSectionReader<'_>,
    ) -> Result<(), reencode::Error> {
        match section.name() {
            "name" if self.keep_names => {
                reencode::utils::parse_custom_section(self, module, section)
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_encoder::{NameMap, NameSection, TableSection};

    /// A module like wasm-bindgen's: imports, a stack-pointer global, a function table with
    /// entries, and functions that call each other.
    fn module() -> Vec<u8> {
        let mut m = Module::new();
        let mut types = TypeSection::new();
        types.ty().function([ValType::I32], [ValType::I32]); // 0
        types.ty().function([], []); // 1
        m.section(&types);
        let mut imports = ImportSection::new();
        imports.import("wbg", "log", EntityType::Function(0)); // f0
        m.section(&imports);
        let mut funcs = FunctionSection::new();
        for _ in 0..4 {
            funcs.function(0); // f1..f4
        }
        m.section(&funcs);
        let mut tables = TableSection::new();
        tables.table(TableType {
            element_type: RefType::FUNCREF,
            minimum: 2,
            maximum: Some(2),
            table64: false,
            shared: false,
        });
        m.section(&tables);
        let mut mems = wasm_encoder::MemorySection::new();
        mems.memory(MemoryType {
            minimum: 1,
            maximum: None,
            memory64: false,
            shared: false,
            page_size_log2: None,
        });
        m.section(&mems);
        let mut globals = wasm_encoder::GlobalSection::new();
        globals.global(
            GlobalType {
                val_type: ValType::I32,
                mutable: true,
                shared: false,
            },
            &ConstExpr::i32_const(1024),
        );
        m.section(&globals);
        let mut exports = ExportSection::new();
        exports.export("memory", ExportKind::Memory, 0);
        exports.export("start", ExportKind::Func, 1);
        m.section(&exports);
        let mut elems = ElementSection::new();
        elems.active(
            Some(0),
            &ConstExpr::i32_const(0),
            Elements::Functions(vec![3, 4].into()),
        );
        m.section(&elems);
        let mut code = CodeSection::new();
        // f1 (hot): calls f2 (hot) and f3 (cold).
        let mut f = Function::new([]);
        f.instructions().local_get(0).call(2).call(3).end();
        code.function(&f);
        // f2 (hot): the import.
        let mut f = Function::new([]);
        f.instructions().local_get(0).call(0).end();
        code.function(&f);
        // f3 (cold): the stack pointer, f2, f4 (cold) and an indirect call.
        let mut f = Function::new([]);
        f.instructions()
            .global_get(0)
            .local_get(0)
            .call(2)
            .i32_add()
            .call(4)
            .i32_const(1)
            .call_indirect(0, 0)
            .end();
        code.function(&f);
        // f4 (cold).
        let mut f = Function::new([]);
        f.instructions().local_get(0).i32_const(1).i32_add().end();
        code.function(&f);
        m.section(&code);
        let mut names = NameMap::new();
        for (i, n) in [
            "log",
            "start[0123456789abcdef]",
            "hot",
            "cold::a",
            "cold::b[1]",
        ]
        .iter()
        .enumerate()
        {
            names.append(i as u32, n);
        }
        let mut section = NameSection::new();
        section.functions(&names);
        m.section(&section);
        m.finish()
    }

    #[test]
    fn group_names_drop_hashes_and_binaryen_suffixes() {
        assert_eq!(group_name("a::b[0123456789abcdef]::c[2]"), "a::b::c");
        assert_eq!(group_name("<[u8] as x>::f"), "<[u8] as x>::f");
        assert_eq!(group_name("<[T; 3usize]>::g"), "<[T; 3usize]>::g");
    }

    #[test]
    fn the_listed_functions_move_and_both_halves_validate() {
        let rest: BTreeSet<String> = ["cold::a", "cold::b"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let out = split(&module(), &rest, false).expect("split");
        assert_eq!(out.moved.0, 2);
        // The primary imports `c.r`, exports the loaded flag, and keeps no names.
        let mut imports = Vec::new();
        let mut exports = Vec::new();
        let mut custom = Vec::new();
        for p in Parser::new(0).parse_all(&out.primary) {
            match p.unwrap() {
                Payload::ImportSection(s) => {
                    for i in s.into_imports() {
                        let i = i.unwrap();
                        imports.push(format!("{}.{}", i.module, i.name));
                    }
                }
                Payload::ExportSection(s) => {
                    for e in s {
                        exports.push(e.unwrap().name.to_string());
                    }
                }
                Payload::CustomSection(c) => custom.push(c.name().to_string()),
                _ => {}
            }
        }
        assert_eq!(imports, ["wbg.log", "c.r"]);
        assert!(exports.contains(&out.loaded));
        assert!(custom.is_empty(), "{custom:?}");
        // The rest imports what its code uses from the primary: the function it calls, the
        // table, the memory and the stack pointer, and fills the table's new slots.
        let mut rest_imports = Vec::new();
        let mut functions = 0;
        for p in Parser::new(0).parse_all(&out.rest) {
            match p.unwrap() {
                Payload::ImportSection(s) => {
                    for i in s.into_imports() {
                        rest_imports.push(i.unwrap().ty);
                    }
                }
                Payload::FunctionSection(s) => functions = s.count(),
                _ => {}
            }
        }
        assert_eq!(functions, 2);
        assert_eq!(rest_imports.len(), 4, "{rest_imports:?}");
    }

    #[test]
    fn nothing_listed_moves_nothing() {
        let out = split(&module(), &BTreeSet::new(), false).expect("split");
        assert_eq!(out.moved, (0, 0));
    }
}
