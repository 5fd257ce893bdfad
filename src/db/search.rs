//! Full-text search with SQLite FTS5: what is indexed, and how a runner's words become a
//! query that can never be read as FTS syntax.
//!
//! Every word typed is reduced to letters and digits and quoted, so `"`, `*`, `NEAR`,
//! `AND` and `column:` filters are just words. Each word matches as a prefix (`hamstr`
//! finds hamstrings) and is widened with everyday synonyms (`bum` finds glutes).

use rusqlite::{Connection, Transaction, params};

use super::DbError;
use crate::content::Content;
use crate::domain::{Article, Equipment, Exercise, Muscle, Program};
use crate::markdown::plain_text;

/// Longest query accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
/// Words beyond this are ignored: more words only narrow an AND query further.
const MAX_WORDS: usize = 12;
/// Marks around matched words in snippets; control characters never occur in content.
const MARK_OPEN: char = '\u{2}';
const MARK_CLOSE: char = '\u{3}';

/// Everyday words runners use, and the terms the content uses for them.
const SYNONYMS: &[(&str, &[&str])] = &[
    ("bum", &["glutes", "glute", "buttocks"]),
    ("butt", &["glutes", "glute", "buttocks"]),
    ("backside", &["glutes", "glute"]),
    ("buttocks", &["glutes", "glute"]),
    ("hammies", &["hamstrings"]),
    ("quads", &["quadriceps"]),
    ("abs", &["abdominals"]),
    ("tummy", &["abdominals"]),
    ("core", &["abdominals", "obliques"]),
    ("plyo", &["plyometric"]),
    ("plyos", &["plyometric"]),
    ("jumping", &["jump", "plyometric"]),
    ("shin", &["shins", "tibialis"]),
    ("itb", &["iliotibial"]),
    ("itbs", &["itb", "iliotibial"]),
    ("pfps", &["patellofemoral"]),
    ("fasciitis", &["plantar"]),
    ("rir", &["reserve"]),
    ("kit", &["equipment"]),
    ("pushup", &["press"]),
    ("pushups", &["press"]),
];

/// Phrases runners type whose words mean little alone ("it" is in every page), and the
/// word the content uses for them.
const PHRASES: &[(&str, &str)] = &[
    ("it band", "itb"),
    ("i t band", "itb"),
    ("iliotibial band", "itb"),
    ("runner's knee", "patellofemoral"),
    ("runners' knee", "patellofemoral"),
    ("runners knee", "patellofemoral"),
    ("runner knee", "patellofemoral"),
];

/// One search hit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub kind: String,
    pub url: String,
    pub title: String,
    /// The snippet as plain text in pieces, each marked when it matched the query.
    pub snippet: Vec<(String, bool)>,
}

/// Splits FTS5's snippet text at the [`MARK_OPEN`] and [`MARK_CLOSE`] marks.
fn fragments(snippet: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut current = String::new();
    let mut matched = false;
    for c in snippet.chars() {
        if c == MARK_OPEN || c == MARK_CLOSE {
            if !current.is_empty() {
                out.push((std::mem::take(&mut current), matched));
            }
            matched = c == MARK_OPEN;
        } else {
            current.push(c);
        }
    }
    if !current.is_empty() {
        out.push((current, matched));
    }
    out
}

/// One page as the index holds it: (kind, slug, url, title, body).
type Row = (&'static str, String, String, String, String);

/// Adds every page to the search index.
pub fn index(tx: &Transaction, content: &Content) -> rusqlite::Result<()> {
    let mut insert = tx
        .prepare("INSERT INTO search (kind, slug, url, title, body) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    let rows = content
        .articles
        .iter()
        .map(article_row)
        // The exercises' rows, the bulk of the index, are made on every core.
        .chain(crate::parallel::map(
            content.exercises.iter().collect(),
            exercise_row,
        ))
        .chain(content.programs.iter().map(program_row))
        .chain(content.muscles.iter().map(muscle_row))
        .chain(content.equipment.iter().map(equipment_row));
    for (kind, slug, url, title, body) in rows {
        insert.execute(params![kind, slug, url, title, body])?;
    }
    Ok(())
}

fn article_row(a: &Article) -> Row {
    let body = format!("{} {}", a.summary, plain_text(&a.html));
    ("Article", a.slug.clone(), a.url(), a.title.clone(), body)
}

fn exercise_row(x: &Exercise) -> Row {
    // Slugs such as `lower-back` are written as words so they match `lower back`.
    let body = [
        x.summary.as_str(),
        x.category.label(),
        &x.primary.join(" "),
        &x.secondary.join(" "),
        &x.steps.join(" "),
        &x.cues.join(" "),
        &x.why,
        &plain_text(&x.html),
    ]
    .join(" ")
    .replace('-', " ");
    ("Exercise", x.slug.clone(), x.url(), x.name.clone(), body)
}

fn program_row(p: &Program) -> Row {
    let body = [
        p.summary.as_str(),
        &p.goal,
        &p.audience,
        &plain_text(&p.html),
    ]
    .join(" ");
    ("Programme", p.slug.clone(), p.url(), p.title.clone(), body)
}

fn muscle_row(m: &Muscle) -> Row {
    let body = format!(
        "{} {} {}",
        m.slug.replace('-', " "),
        m.summary,
        plain_text(&m.html)
    );
    ("Muscle", m.slug.clone(), m.url(), m.name.clone(), body)
}

fn equipment_row(e: &Equipment) -> Row {
    let mut body = format!("{} {}", e.summary, plain_text(&e.html));
    if let Some(guide) = &e.buying_guide {
        body.push(' ');
        body.push_str(&guide.uses.join(" "));
        body.push(' ');
        body.push_str(&guide.alternatives.join(" "));
    }
    ("Equipment", e.slug.clone(), e.url(), e.name.clone(), body)
}

/// The words of a query: letters and digits only, lowercased.
/// Single letters (the `s` of "runner's") are dropped: as prefixes they match everything.
pub fn words(query: &str) -> Vec<String> {
    let mut text = query.to_lowercase().replace('\u{2019}', "'");
    for (phrase, word) in PHRASES {
        text = text.replace(phrase, word);
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() > 1 || w.chars().any(|c| c.is_ascii_digit()))
        .map(str::to_string)
        .take(MAX_WORDS)
        .collect()
}

/// The FTS5 MATCH expression for `query`, or `None` when it has no words.
pub fn match_expression(query: &str) -> Option<String> {
    let terms: Vec<String> = words(query)
        .into_iter()
        .map(|word| {
            let mut alternatives = vec![word.clone()];
            if let Some((_, more)) = SYNONYMS.iter().find(|(w, _)| *w == word) {
                alternatives.extend(more.iter().map(|s| s.to_string()));
            }
            // Words are alphanumeric, so quoting them is always safe.
            let quoted: Vec<String> = alternatives.iter().map(|w| format!("\"{w}\"*")).collect();
            format!("({})", quoted.join(" OR "))
        })
        .collect();
    (!terms.is_empty()).then(|| terms.join(" AND "))
}

/// How many pages match `query`.
pub fn count(conn: &Connection, query: &str) -> Result<usize, DbError> {
    let Some(expression) = match_expression(query) else {
        return Ok(0);
    };
    let mut statement = conn.prepare_cached("SELECT count(*) FROM search WHERE search MATCH ?1")?;
    let n: i64 = statement.query_row([expression], |row| row.get(0))?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// Hits for `query`, best first, `limit` of them after the first `offset`: title
/// matches weigh ten times body matches.
pub fn search(
    conn: &Connection,
    query: &str,
    offset: usize,
    limit: usize,
) -> Result<Vec<Hit>, DbError> {
    let Some(expression) = match_expression(query) else {
        return Ok(Vec::new());
    };
    let mut statement = conn.prepare_cached(
        "SELECT kind, url, title, snippet(search, 4, ?2, ?3, '…', 16)
         FROM search WHERE search MATCH ?1
         ORDER BY bm25(search, 0.0, 0.0, 0.0, 10.0, 1.0), title
         LIMIT ?4 OFFSET ?5",
    )?;
    let rows = statement.query_map(
        params![
            expression,
            MARK_OPEN.to_string(),
            MARK_CLOSE.to_string(),
            i64::try_from(limit).unwrap_or(i64::MAX),
            i64::try_from(offset).unwrap_or(i64::MAX)
        ],
        |row| {
            Ok(Hit {
                kind: row.get(0)?,
                url: row.get(1)?,
                title: row.get(2)?,
                snippet: fragments(&row.get::<_, String>(3)?),
            })
        },
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_text_is_never_fts_syntax() {
        assert_eq!(match_expression("hamstr"), Some("(\"hamstr\"*)".into()));
        assert_eq!(
            match_expression("\"glute\" NEAR(bridge) title:* AND"),
            Some(
                "(\"glute\"*) AND (\"near\"*) AND (\"bridge\"*) AND (\"title\"*) AND (\"and\"*)"
                    .into()
            )
        );
        assert_eq!(match_expression("*** \"\" ()"), None);
    }

    #[test]
    fn runners_spellings_become_the_words_the_content_uses() {
        assert_eq!(
            words("Runner\u{2019}s knee pain"),
            ["patellofemoral", "pain"]
        );
        assert_eq!(words("a runner's guide"), ["runner", "guide"]);
        assert_eq!(words("IT band pain"), ["itb", "pain"]);
        assert_eq!(words("week 2"), ["week", "2"]);
    }

    #[test]
    fn synonyms_widen_a_word() {
        let expression = match_expression("bum").unwrap_or_default();
        assert!(expression.contains("\"glutes\"*"), "{expression}");
    }

    #[test]
    fn snippets_split_at_the_marks() {
        let pieces = fragments(&format!("a <b> {MARK_OPEN}glute{MARK_CLOSE} & c"));
        assert_eq!(
            pieces,
            [
                ("a <b> ".to_string(), false),
                ("glute".to_string(), true),
                (" & c".to_string(), false)
            ]
        );
    }
}
