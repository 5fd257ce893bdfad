//! Writes a contact sheet of every exercise's figure, to review them by eye:
//!
//! ```sh
//! cargo run -p runstrong-figure-sheet -- OUT_DIR [--content content] [--per-page 8] [--only SLUG,SLUG] [--at SECONDS]
//! ```
//!
//! Run it from the repository root: it reads `content/` and `static/site.css` there.
//! `OUT_DIR` receives `sheet-1.html`, `sheet-2.html`, ... (each exercise: the animated
//! figure as on its page, then a still of every pose and the thumbnail), each figure's
//! stylesheet (`SLUG.css`), standalone SVG (`SLUG.svg`) and page markup
//! (`SLUG.figure.html`), and a copy of `static/site.css`. It prints each
//! standalone figure's gzipped size. `--at 0.9` freezes every animation 0.9 s in, to see
//! the figures mid-move (a screenshot is otherwise taken at the start pose). Render a
//! sheet with headless Chromium, for example:
//!
//! ```sh
//! chromium --headless --no-sandbox --disable-gpu --user-data-dir="$(mktemp -d)" \
//!   --window-size=1280,2400 --screenshot=sheet-1.png OUT_DIR/sheet-1.html   # --force-dark-mode for dark
//! ```
//!
//! It is a crate of the workspace rather than an example, so that `cargo test` at the
//! root (which builds every example) never compiles it, as the fuzzer in `tests/fuzz`.

use std::io::Write as _;
use std::path::PathBuf;

use runstrong::views::figure;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let mut out: Option<PathBuf> = None;
    let mut content = PathBuf::from("content");
    let mut per_page = 8usize;
    let mut only: Option<Vec<String>> = None;
    let mut at: Option<f64> = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--content" => content = args.next().map(PathBuf::from).unwrap_or(content),
            "--per-page" => per_page = args.next().and_then(|n| n.parse().ok()).unwrap_or(8),
            "--only" => {
                only = args
                    .next()
                    .map(|s| s.split(',').map(String::from).collect())
            }
            "--at" => at = args.next().and_then(|s| s.parse().ok()),
            _ => out = Some(PathBuf::from(arg)),
        }
    }
    let out = out.ok_or_else(|| anyhow::anyhow!("usage: runstrong-figure-sheet OUT_DIR [--content DIR] [--per-page N] [--only SLUG,SLUG] [--at SECONDS]"))?;
    let site = match runstrong::content::load(&content) {
        Ok(site) => site,
        Err(errors) => {
            eprint!("{errors}");
            anyhow::bail!("the content has errors");
        }
    };
    std::fs::create_dir_all(&out)?;
    std::fs::copy("static/site.css", out.join("site.css"))?;
    let exercises: Vec<_> = site
        .exercises
        .iter()
        .filter(|e| only.as_ref().is_none_or(|o| o.contains(&e.slug)))
        .collect();
    let mut largest = (0, String::new());
    for (page, chunk) in exercises.chunks(per_page.max(1)).enumerate() {
        let mut html = String::from(
            "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Figures</title>\
             <link rel=\"stylesheet\" href=\"site.css\">",
        );
        let mut body = String::from("<body><main class=\"sheet\">");
        for exercise in chunk {
            let slug = &exercise.slug;
            let fig = &exercise.figure;
            let css = figure::keyframes_css(slug, fig);
            std::fs::write(out.join(format!("{slug}.css")), &css)?;
            let svg = figure::standalone_svg(slug, fig, &format!("{slug}.css"));
            std::fs::write(out.join(format!("{slug}.svg")), &svg)?;
            let inline = figure::inline_figure(slug, fig);
            std::fs::write(out.join(format!("{slug}.figure.html")), &inline)?;
            let gzipped = gzip_len(svg.as_bytes())?;
            println!(
                "{slug}: standalone {} bytes, {gzipped} gzipped; keyframes {} bytes, {} gzipped; inline {} gzipped",
                svg.len(),
                css.len(),
                gzip_len(css.as_bytes())?,
                gzip_len(inline.as_bytes())?,
            );
            if gzipped > largest.0 {
                largest = (gzipped, slug.clone());
            }
            html.push_str(&format!("<link rel=\"stylesheet\" href=\"{slug}.css\">"));
            body.push_str(&format!(
                "<section class=\"card\"><h2>{}</h2>{}<div class=\"row\">",
                exercise.name,
                figure::inline_figure(slug, fig)
            ));
            for i in 0..fig.poses.len() {
                body.push_str(&format!(
                    "<div><p>{}</p>{}</div>",
                    fig.poses[i].name,
                    figure::pose_svg(fig, i)
                ));
            }
            body.push_str(&format!(
                "<div><p>thumb</p>{}</div><div><p>pair</p>{}</div></div></section>",
                figure::thumbnail_svg(fig),
                figure::still_pair_svg(fig).replace("mv mv-pair", "mv")
            ));
        }
        html.push_str("<link rel=\"stylesheet\" href=\"sheet.css\"></head>");
        html.push_str(&body);
        html.push_str("</main></body></html>\n");
        std::fs::write(out.join(format!("sheet-{}.html", page + 1)), html)?;
    }
    let mut sheet_css = String::from(
        ".sheet{max-width:none;display:grid;grid-template-columns:repeat(auto-fill,minmax(300px,1fr));gap:1rem}\
         .card{border:1px solid var(--line);padding:.5rem}.card h2{margin:0;font-size:1rem}\
         .row{display:flex;flex-wrap:wrap;gap:.5rem}.row div{flex:1 1 90px}.row p{margin:0;font-size:.8rem}\
         .row .mv{max-height:8rem}.row .mv-thumb{width:3.5rem}\n",
    );
    if let Some(seconds) = at {
        sheet_css.push_str(&format!(
            ".mv *{{animation-play-state:paused!important;animation-delay:-{seconds}s!important}}\n"
        ));
    }
    std::fs::write(out.join("sheet.css"), sheet_css)?;
    println!(
        "largest standalone figure: {} ({} bytes gzipped)",
        largest.1, largest.0
    );
    Ok(())
}

fn gzip_len(bytes: &[u8]) -> std::io::Result<usize> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    Ok(encoder.finish()?.len())
}
