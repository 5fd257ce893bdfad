//! The one place that renders Markdown. It sets the pulldown-cmark options, gives every
//! heading a stable, de-duplicated id, builds the table of contents from those ids,
//! rewrites internal links (`@/articles/plyometrics.md#benefits`) into site URLs, and
//! sanitises the result so raw HTML in content can never carry script.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::domain::TocEntry;

/// Prefix that marks a link to another content file.
pub const INTERNAL_PREFIX: &str = "@/";

/// Markdown rendered to safe HTML, with what the page around it needs.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub toc: Vec<TocEntry>,
    pub words: usize,
}

/// A problem found while rendering: the line is relative to the start of the Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LinkProblem {
    pub line: usize,
    pub message: String,
}

/// Turns a content path such as `articles/plyometrics.md` into its URL, or `None` when
/// no such file exists.
pub trait LinkResolver {
    fn resolve(&self, content_path: &str) -> Option<String>;
}

impl LinkResolver for HashMap<String, String> {
    fn resolve(&self, content_path: &str) -> Option<String> {
        self.get(content_path).cloned()
    }
}

/// Renders `markdown`, collecting a problem for every internal link that does not resolve.
pub fn render(markdown: &str, links: &dyn LinkResolver) -> (Rendered, Vec<LinkProblem>) {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_FOOTNOTES;
    let events: Vec<(Event, usize)> = Parser::new_ext(markdown, options)
        .into_offset_iter()
        .map(|(event, range)| (event, range.start))
        .collect();
    let mut pass = Pass {
        links,
        line_starts: std::iter::once(0)
            .chain(markdown.match_indices('\n').map(|(i, _)| i + 1))
            .collect(),
        problems: Vec::new(),
        toc: Vec::new(),
        used_ids: HashSet::new(),
        words: 0,
        out: Vec::with_capacity(events.len()),
    };
    let mut index = 0;
    while index < events.len() {
        index = match &events[index].0 {
            Event::Start(Tag::Heading { level, .. }) => pass.heading(*level, &events, index),
            event => {
                if let Event::Text(text) = event {
                    pass.words += count_words(text);
                }
                pass.push(&events[index]);
                index + 1
            }
        };
    }
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, pass.out.into_iter());
    let rendered = Rendered {
        html: sanitise(&unsafe_html),
        toc: pass.toc,
        words: pass.words,
    };
    (rendered, pass.problems)
}

/// One rendering pass: the events written so far and what was learnt on the way.
struct Pass<'a, 'e> {
    links: &'a dyn LinkResolver,
    /// Byte offset of the start of each line, for problem line numbers.
    line_starts: Vec<usize>,
    problems: Vec<LinkProblem>,
    toc: Vec<TocEntry>,
    used_ids: HashSet<String>,
    words: usize,
    out: Vec<Event<'e>>,
}

impl<'e> Pass<'_, 'e> {
    /// Writes an event, with internal links rewritten.
    fn push(&mut self, (event, offset): &(Event<'e>, usize)) {
        let line = self.line_starts.partition_point(|&start| start <= *offset);
        let rewritten = rewrite_link(event, line, self.links, &mut self.problems);
        self.out.push(rewritten);
    }

    /// Writes the heading starting at `events[index]` with a unique id, adds `##` and
    /// `###` headings to the table of contents, and returns the index after it.
    fn heading(
        &mut self,
        level: HeadingLevel,
        events: &[(Event<'e>, usize)],
        index: usize,
    ) -> usize {
        let end = heading_end(events, index);
        let title = heading_text(&events[index + 1..end]);
        let id = unique_id(&slugify(&title), &mut self.used_ids);
        if matches!(level, HeadingLevel::H2 | HeadingLevel::H3) {
            self.toc.push(TocEntry {
                level: level as u8,
                id: id.clone(),
                title: title.clone(),
            });
        }
        self.words += count_words(&title);
        self.out.push(Event::Start(Tag::Heading {
            level,
            id: Some(CowStr::from(id)),
            classes: Vec::new(),
            attrs: Vec::new(),
        }));
        for inner in &events[index + 1..end] {
            self.push(inner);
        }
        self.out.push(Event::End(TagEnd::Heading(level)));
        end + 1
    }
}

fn heading_end(events: &[(Event, usize)], start: usize) -> usize {
    events[start..]
        .iter()
        .position(|(e, _)| matches!(e, Event::End(TagEnd::Heading(_))))
        .map_or(events.len() - 1, |p| start + p)
}

fn heading_text(events: &[(Event, usize)]) -> String {
    events
        .iter()
        .filter_map(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect()
}

fn rewrite_link<'a>(
    event: &Event<'a>,
    line: usize,
    links: &dyn LinkResolver,
    problems: &mut Vec<LinkProblem>,
) -> Event<'a> {
    let Event::Start(Tag::Link {
        link_type,
        dest_url,
        title,
        id,
    }) = event
    else {
        return event.clone();
    };
    let Some(target) = dest_url.strip_prefix(INTERNAL_PREFIX) else {
        return event.clone();
    };
    let (path, fragment) = target.split_once('#').unwrap_or((target, ""));
    let url = match links.resolve(path) {
        Some(url) if fragment.is_empty() => url,
        Some(url) => format!("{url}#{fragment}"),
        None => {
            problems.push(LinkProblem {
                line,
                message: format!("broken internal link `{dest_url}`: no such content file"),
            });
            "#".to_string()
        }
    };
    Event::Start(Tag::Link {
        link_type: *link_type,
        dest_url: CowStr::from(url),
        title: title.clone(),
        id: id.clone(),
    })
}

/// A URL-safe id from heading text: lowercase ASCII letters and digits joined by `-`.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "section".to_string()
    } else {
        slug.to_string()
    }
}

fn unique_id(base: &str, used: &mut HashSet<String>) -> String {
    let mut candidate = base.to_string();
    let mut n = 1;
    while !used.insert(candidate.clone()) {
        candidate = format!("{base}-{n}");
        n += 1;
    }
    candidate
}

fn count_words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Removes scripts, event handlers and dangerous URLs while keeping heading ids.
fn sanitise(unsafe_html: &str) -> String {
    // Made once: building the allow-lists was a twentieth of reading a large library.
    static SANITISER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
        let mut builder = ammonia::Builder::default();
        for tag in ["h1", "h2", "h3", "h4", "h5", "h6", "sup", "li"] {
            builder.add_tag_attributes(tag, &["id"]);
        }
        builder.link_rel(None);
        builder
    });
    SANITISER.clean(unsafe_html).to_string()
}

/// The text of rendered HTML, tags dropped and common entities decoded, for search.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links() -> HashMap<String, String> {
        HashMap::from([(
            "articles/plyometrics.md".to_string(),
            "/articles/plyometrics".to_string(),
        )])
    }

    #[test]
    fn headings_get_unique_ids_and_a_toc() {
        let (out, problems) = render(
            "## Why it works\n\ntext\n\n## Why it works\n\n### Sub *part*\n",
            &links(),
        );
        assert!(problems.is_empty());
        assert!(
            out.html.contains(r#"<h2 id="why-it-works">"#),
            "{}",
            out.html
        );
        assert!(
            out.html.contains(r#"<h2 id="why-it-works-1">"#),
            "{}",
            out.html
        );
        let ids: Vec<_> = out.toc.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["why-it-works", "why-it-works-1", "sub-part"]);
        assert_eq!(out.toc[2].level, 3);
    }

    #[test]
    fn internal_links_become_urls_and_broken_ones_are_reported_with_lines() {
        let md =
            "See [this](@/articles/plyometrics.md#benefits).\n\nAnd [that](@/articles/nope.md).\n";
        let (out, problems) = render(md, &links());
        assert!(
            out.html
                .contains(r#"href="/articles/plyometrics#benefits""#),
            "{}",
            out.html
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, 3);
        assert!(problems[0].message.contains("@/articles/nope.md"));
    }

    #[test]
    fn raw_html_is_sanitised() {
        let md = "<script>alert(1)</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[x](javascript:alert(1)) <a href=\"javascript:alert(2)\" onclick=\"y()\">y</a>\n";
        let (out, _) = render(md, &links());
        let html = out.html.to_lowercase();
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("onerror"), "{html}");
        assert!(!html.contains("onclick"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn slugify_keeps_ascii_words() {
        assert_eq!(
            slugify("Signs your posterior chain is weak!"),
            "signs-your-posterior-chain-is-weak"
        );
        assert_eq!(slugify("60% → 70%"), "60-70");
        assert_eq!(slugify("???"), "section");
    }
}
