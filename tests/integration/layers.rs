//! The architecture as ARCHITECTURE.md draws it, checked from the code's own paths:
//! every `crate::` and `super::` path in `src/` (tests and comments aside) points down
//! the layers or within its own, and no module cycle is longer than two files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer of a module path and the layers it may use, top to bottom. A layer may
/// always use itself.
const LAYERS: &[(&str, &[&str])] = &[
    (
        "top",
        &[
            "options", "output", "write", "check", "read", "message", "model",
        ],
    ),
    ("write", &["options", "output", "check", "message", "model"]),
    ("check", &["options", "output", "read", "message", "model"]),
    ("options", &["message", "model"]),
    ("output", &["message", "model"]),
    ("read", &["model"]),
    ("message", &["model"]),
    ("model", &[]),
];

fn layer(module: &[String]) -> &'static str {
    match module.first().map(String::as_str) {
        None | Some("engine" | "checker") => "top",
        Some("error" | "report") => "output",
        Some("options" | "settings") => "options",
        Some("write") => "write",
        Some("check") => "check",
        Some("read") => "read",
        Some("message") => "message",
        Some("model") => "model",
        Some(other) => panic!("src/{other} is in no layer: add it to LAYERS"),
    }
}

type Module = Vec<String>;

fn source_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            source_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/read/csv/mod.rs` → `[read, csv]`; `src/lib.rs` → `[]`.
fn module_of(src: &Path, file: &Path) -> Module {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Module = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
        parts.pop();
    }
    parts
}

/// The names `lib.rs` re-exports, and the module each comes from.
fn reexports(lib: &str) -> BTreeMap<String, Module> {
    let mut names = BTreeMap::new();
    for line in lib.lines() {
        let Some(rest) = line.strip_prefix("pub use ") else {
            continue;
        };
        let rest = rest.trim_end_matches(';');
        let (path, items) = match rest.split_once("::{") {
            Some((path, items)) => (path, items.trim_end_matches('}')),
            None => rest.rsplit_once("::").unwrap(),
        };
        let module: Module = path.split("::").map(str::to_owned).collect();
        for item in items.split(',') {
            names.insert(item.trim().to_owned(), module.clone());
        }
    }
    names
}

/// The paths a file names, as segments after `crate::` or resolved from `super::`.
fn paths(text: &str, module: &Module) -> Vec<Module> {
    let code = text.split("\nmod tests {").next().unwrap_or_default();
    let mut found = Vec::new();
    for line in code.lines() {
        if line.trim_start().starts_with("//") {
            continue;
        }
        for (start, root) in [("crate::", None), ("super::", Some(()))] {
            let mut rest = line;
            while let Some(at) = rest.find(start) {
                let before = rest[..at].chars().last();
                rest = &rest[at + start.len()..];
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let mut base: Module = match root {
                    None => Vec::new(),
                    // `super` of `a/b.rs` and of `a/b/mod.rs` is `a`.
                    Some(()) => module[..module.len().saturating_sub(1)].to_vec(),
                };
                // `crate::{a::b, c}` names several paths.
                let (group, tail) = match rest.strip_prefix('{') {
                    Some(inner) => (inner.split('}').next().unwrap_or_default(), true),
                    None => (rest, false),
                };
                let items: Vec<&str> = if tail {
                    group.split(',').collect()
                } else {
                    vec![group]
                };
                for item in items {
                    let segments: Module = item
                        .trim()
                        .split("::")
                        .map(|s| {
                            s.chars()
                                .take_while(|c| c.is_alphanumeric() || *c == '_')
                                .collect::<String>()
                        })
                        .take_while(|s| !s.is_empty())
                        .collect();
                    let mut path = base.clone();
                    path.extend(segments);
                    found.push(path);
                }
                base.clear();
            }
        }
    }
    found
}

/// The longest prefix of `path` that is a module of the crate, after re-exports.
fn resolve(
    path: &[String],
    modules: &BTreeSet<Module>,
    names: &BTreeMap<String, Module>,
) -> Module {
    let path: Module = match path.first().and_then(|first| names.get(first)) {
        Some(module) if path.len() == 1 || !modules.contains(&path[..1].to_vec()) => module.clone(),
        _ => path.to_vec(),
    };
    let mut best = Vec::new();
    for end in 1..=path.len() {
        if modules.contains(&path[..end].to_vec()) {
            best = path[..end].to_vec();
        } else {
            break;
        }
    }
    best
}

fn graph() -> BTreeMap<Module, BTreeSet<Module>> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    let modules: BTreeSet<Module> = files.iter().map(|f| module_of(&src, f)).collect();
    let names = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut edges = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        let targets: BTreeSet<Module> = paths(&text, &module)
            .iter()
            .map(|path| resolve(path, &modules, &names))
            .filter(|target| *target != module)
            .collect();
        edges.insert(module, targets);
    }
    edges
}

fn name(module: &Module) -> String {
    if module.is_empty() {
        "lib".to_owned()
    } else {
        module.join("/")
    }
}

#[test]
fn every_path_points_down_the_layers() {
    let mut wrong = Vec::new();
    for (module, targets) in graph() {
        let from = layer(&module);
        let allowed = LAYERS.iter().find(|(l, _)| *l == from).unwrap().1;
        for target in targets {
            if module.is_empty() {
                continue; // lib.rs declares and re-exports every layer
            }
            let to = layer(&target);
            if to != from && !allowed.contains(&to) {
                wrong.push(format!(
                    "{} ({from}) uses {} ({to})",
                    name(&module),
                    name(&target)
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_module_cycle_is_longer_than_two_files() {
    let edges = graph();
    let mut long = Vec::new();
    // Every simple cycle through `start` whose other modules sort after it, once.
    fn walk(
        edges: &BTreeMap<Module, BTreeSet<Module>>,
        start: &Module,
        path: &mut Vec<Module>,
        long: &mut Vec<String>,
    ) {
        let Some(last) = path.last() else { return };
        for next in edges.get(last).into_iter().flatten() {
            if next == start && path.len() > 2 {
                long.push(path.iter().map(name).collect::<Vec<_>>().join(" → "));
            } else if next > start && !path.contains(next) && path.len() < 8 {
                path.push(next.clone());
                walk(edges, start, path, long);
                path.pop();
            }
        }
    }
    for start in edges.keys() {
        walk(&edges, start, &mut vec![start.clone()], &mut long);
    }
    assert!(
        long.is_empty(),
        "module cycles of three or more files:\n{}",
        long.join("\n")
    );
}

#[test]
fn the_graph_sees_the_imports() {
    // The checks above are only as good as the parsing: a known path of each kind.
    let edges = graph();
    let of = |path: &str| -> Module { path.split('/').map(str::to_owned).collect() };
    assert!(
        edges[&of("check")].contains(&of("read/row")),
        "use crate::read::row::…"
    );
    assert!(
        edges[&of("message/en")].contains(&of("message")),
        "use super::…"
    );
    assert!(
        edges[&of("engine")].contains(&of("options")),
        "use crate::options::…"
    );
    assert!(
        edges[&of("checker")].contains(&of("model/format")),
        "use crate::model::…"
    );
}

#[test]
fn the_top_of_src_holds_at_most_eight_files_and_no_file_is_over_600_lines() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top = std::fs::read_dir(&src)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "rs")
        })
        .count();
    assert!(top <= 8, "{top} files directly in src/");
    let mut files = Vec::new();
    source_files(&src, &mut files);
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let before_tests = text.split("\nmod tests {").next().unwrap_or_default();
        let lines = before_tests.lines().count();
        assert!(
            lines <= 600,
            "{}: {lines} lines before its tests",
            file.display()
        );
    }
}
