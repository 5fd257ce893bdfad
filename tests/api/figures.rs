//! Every exercise's figure, drawn from the bundled content: small enough, accessible,
//! styled only through classes and stylesheets, and still under reduced motion.

use std::io::Write as _;

use runstrong::views::figure;

use crate::helpers::{content, repo_path};

/// A figure served alone must stay under this many bytes, gzipped.
const STANDALONE_BUDGET: usize = 2_500;
/// What a figure may add to its exercise page's first visit, gzipped: the inline
/// drawing plus its own stylesheet. The largest exercise page is about 4 KB and
/// `site.css` about 5 KB, so this keeps the page under 14,000 bytes with room for the
/// stylesheet's response headers.
const PAGE_BUDGET: usize = 2_000;

fn gzipped(text: &str) -> usize {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(text.as_bytes()).expect("gzip");
    encoder.finish().expect("gzip").len()
}

#[test]
fn every_standalone_figure_is_under_its_budget_and_valid_xml() {
    let mut largest = (0, String::new());
    for exercise in content().exercises {
        let svg = figure::standalone_svg(&exercise.slug, &exercise.figure, "/static/f.css");
        let size = gzipped(&svg);
        assert!(
            size < STANDALONE_BUDGET,
            "{}: {size} bytes gzipped",
            exercise.slug
        );
        largest = largest.max((size, exercise.slug.clone()));
        let doc = roxmltree::Document::parse(&svg)
            .unwrap_or_else(|e| panic!("{}: not XML: {e}", exercise.slug));
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "svg");
        assert_eq!(root.attribute("role"), Some("img"));
        assert!(svg.contains(r#"<?xml-stylesheet href="/static/f.css""#));
    }
    println!(
        "largest standalone figure: {} ({} bytes gzipped)",
        largest.1, largest.0
    );
}

#[test]
fn every_page_figure_is_accessible_small_and_styled_by_class_only() {
    for exercise in content().exercises {
        let slug = &exercise.slug;
        let fig = &exercise.figure;
        let html = figure::inline_figure(slug, fig);
        let css = figure::keyframes_css(slug, fig);
        assert!(html.starts_with(r#"<figure class="movement">"#), "{slug}");
        roxmltree::Document::parse(&html).unwrap_or_else(|e| panic!("{slug}: {e}"));
        let thumbnail = figure::thumbnail_svg(fig);
        roxmltree::Document::parse(&thumbnail).unwrap_or_else(|e| panic!("{slug}: {e}"));
        assert!(thumbnail.contains(r#"aria-hidden="true""#), "{slug}");
        assert!(
            html.contains(&format!(
                "<title>{}</title>",
                fig.says.replace('\'', "&#39;")
            )),
            "{slug}: the title says the movement"
        );
        assert_eq!(
            html.matches(r#"role="img""#).count(),
            2,
            "{slug}: moving and still"
        );
        assert!(
            html.contains(">Start</text>") && html.contains(">End</text>"),
            "{slug}"
        );
        assert!(!html.contains("style="), "{slug}: no inline style");
        assert!(!html.contains("<style"), "{slug}: no style element");
        assert!(!html.contains("<script"), "{slug}");
        assert!(css.contains("@keyframes"), "{slug}");
        assert!(css.contains("prefers-reduced-motion:reduce"), "{slug}");
        let size = gzipped(&html) + gzipped(&css);
        assert!(size < PAGE_BUDGET, "{slug}: the figure adds {size} bytes");
    }
}

#[test]
fn the_site_stylesheet_stills_figures_under_reduced_motion_and_in_print() {
    let css = std::fs::read_to_string(repo_path("static/site.css")).expect("site.css");
    assert!(css.contains(".mv-pair { display: none; }"));
    assert!(css.contains(
        "@media (prefers-reduced-motion: reduce) { .mv-anim { display: none; } .mv-pair { display: block; } }"
    ));
    let print = css
        .rsplit("@media print {")
        .find(|block| block.contains(".mv-anim"))
        .expect("a print block for figures");
    assert!(print.contains(".mv-anim { display: none; }"));
}

#[test]
fn the_figure_data_survives_the_database() {
    // Exercises are stored as JSON: a figure must come back as it went in.
    for exercise in content().exercises {
        let json = serde_json::to_string(&exercise).expect("serialises");
        let back: runstrong::domain::Exercise = serde_json::from_str(&json).expect("parses");
        assert_eq!(back.figure, exercise.figure, "{}", exercise.slug);
        assert!(back.figure.poses.len() >= 2);
    }
}
