//! Scripts made small for sending: comments and spaces gone, local names shortened, simple
//! expressions folded. The files in `static/` stay written for people, with comments that
//! say why; what a browser downloads is the same program in fewer bytes, which keeps every
//! page's script under its budget (the README's "Page budget").
//!
//! Modules (everything under `static/js/`) may have their top-level names shortened, as
//! nothing outside a module sees them; a classic script (`static/sort.js`) keeps its
//! globals.

use oxc_allocator::Allocator;
use oxc_codegen::{Codegen, CodegenOptions};
use oxc_minifier::{Minifier, MinifierOptions};
use oxc_parser::Parser;
use oxc_span::SourceType;

/// `source`, the script at `static/{name}`, minified. Our own scripts always parse: one
/// that does not fails the build (and the unit tests) with what the parser found.
pub fn minified(name: &str, source: &str) -> String {
    let allocator = Allocator::default();
    let kind = SourceType::script().with_module(name.starts_with("js/"));
    let parsed = Parser::new(&allocator, source, kind).parse();
    assert!(
        parsed.diagnostics.is_empty(),
        "static/{name} does not parse: {:?}",
        parsed.diagnostics
    );
    let mut program = parsed.program;
    let names = Minifier::new(MinifierOptions::default()).minify(&allocator, &mut program);
    Codegen::new()
        .with_options(CodegenOptions::minify())
        .with_scoping(names.scoping)
        .build(&program)
        .code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_module_loses_comments_spaces_and_long_local_names() {
        let source = "// Why this exists.\nimport { h } from \"/static/js/dom.1a2b3c4d.js\";\nconst greeting = (person) => {\n  // Say hello.\n  return h(\"p\", {}, `Hello, ${person}`);\n};\nexport function greet(person) {\n  document.body.append(greeting(person));\n}\n";
        let small = minified("js/greet.js", source);
        assert!(small.len() < source.len() * 3 / 4, "{small}");
        assert!(
            small.contains("\"/static/js/dom.1a2b3c4d.js\""),
            "imports kept: {small}"
        );
        assert!(small.contains("greet"), "exports keep their names: {small}");
        assert!(
            !small.contains("greeting"),
            "local names shortened: {small}"
        );
        assert!(!small.contains("Why this exists"), "{small}");
    }

    #[test]
    fn a_classic_script_keeps_its_globals() {
        let small = minified(
            "sort.js",
            "var sortTables = function (all) { return all; };\n",
        );
        assert!(small.contains("sortTables"), "{small}");
    }

    #[test]
    #[should_panic(expected = "static/js/broken.js does not parse")]
    fn a_script_that_does_not_parse_is_reported_by_name() {
        minified("js/broken.js", "const = ;");
    }
}
