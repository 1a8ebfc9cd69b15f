use std::path::{Path, PathBuf};
use std::process::Output;

pub fn slant(args: &[&str], cwd: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_slant"))
        .args(args)
        .current_dir(cwd)
        .output()
        .expect("run slant")
}

/// Runs `slant COMMAND INPUT -o OUT -q EXTRA…` from the project root.
pub fn run_to(command: &str, input: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec![command, input.to_str().expect("utf-8 path"), "-o"];
    args.push(out.to_str().expect("utf-8 path"));
    args.push("-q");
    args.extend_from_slice(extra);
    slant(&args, &root())
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Writes a fixture file, making its folders.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("make fixture folder");
    }
    std::fs::write(path, bytes).expect("write fixture");
}

pub const ARTICLE: &str = "Officials in the capital said on Friday that the investigation into the crash of the passenger plane had been handed to a new team of experts.\n\nThe move follows weeks of pressure from the families of the victims, who have asked for a full and public account of what happened.\n";

pub fn read_csv(path: &Path) -> Vec<std::collections::HashMap<String, String>> {
    let mut r = csv::Reader::from_path(path).expect("open csv");
    let headers = r.headers().expect("headers").clone();
    r.records()
        .map(|rec| {
            headers
                .iter()
                .zip(rec.expect("record").iter())
                .map(|(h, v)| (h.to_string(), v.to_string()))
                .collect()
        })
        .collect()
}

/// Every file under a folder, as sorted relative paths with `/`.
pub fn files_under(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, out: &mut Vec<String>) {
        for e in std::fs::read_dir(dir).expect("read dir") {
            let p = e.expect("entry").path();
            if p.is_dir() {
                walk(base, &p, out);
            } else {
                let rel = p.strip_prefix(base).expect("under base");
                out.push(rel.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = Vec::new();
    walk(dir, dir, &mut out);
    out.sort();
    out
}

/// [`run_to`] `report`, failing the test if the report fails.
pub fn report(input: &Path, out: &Path, extra: &[&str]) {
    let o = run_to("report", input, out, extra);
    assert!(o.status.success(), "{}", stderr(&o));
}
