//! Builds the asset catalogue (`src/assets.rs` says what it holds) when the binary is
//! built, so that the server neither minifies scripts nor draws icons at start-up: every
//! asset is written under `OUT_DIR/static/` by its fingerprinted name, and
//! `OUT_DIR/assets.rs` lists them for `include!`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

#[path = "src/assets/compile/mod.rs"]
mod compile;
#[path = "src/assets/icons.rs"]
mod icons;

fn main() {
    println!("cargo::rerun-if-changed=static");
    println!("cargo::rerun-if-changed=src/assets");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let sources = compile::catalogue::read_sources(Path::new("static")).expect("static/");
    let mut list = String::from("static ASSETS: &[Asset] = &[\n");
    for asset in compile::catalogue::build(&sources) {
        let file = out.join(asset.url.trim_start_matches('/'));
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).expect("a folder in OUT_DIR");
        }
        std::fs::write(&file, &asset.bytes).expect("an asset in OUT_DIR");
        let _ = writeln!(
            list,
            "    Asset {{ name: {:?}, url: {:?}, content_type: {:?}, \
             bytes: include_bytes!(concat!(env!(\"OUT_DIR\"), {:?})) }},",
            asset.name, asset.url, asset.content_type, asset.url
        );
    }
    list.push_str("];\n");
    std::fs::write(out.join("assets.rs"), list).expect("OUT_DIR/assets.rs");
}
