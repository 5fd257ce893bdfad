//! Splits a content file into TOML front matter and Markdown body, and turns TOML byte
//! spans into file line numbers so every error can point at `path:line`.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use sha2::Digest;

use super::error::ContentError;

const FENCE: &str = "+++";

/// A content file read from disk, front matter split from body.
#[derive(Debug)]
pub struct SourceFile {
    pub path: PathBuf,
    /// File name without `.md`: the default slug.
    pub stem: String,
    front_matter: String,
    /// Line on which the front matter starts (the line after the opening fence).
    front_matter_line: usize,
    pub body: String,
    /// Line on which the Markdown body starts.
    pub body_line: usize,
    /// SHA-256 of the file as read, for the content's version.
    pub digest: [u8; 32],
}

impl SourceFile {
    pub fn read(path: &Path) -> Result<Self, ContentError> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| ContentError::new(path, 0, format!("cannot read file: {e}")))?;
        Self::parse(path, &text)
    }

    pub fn parse(path: &Path, text: &str) -> Result<Self, ContentError> {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default()
            .to_string();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let mut lines = text.split_inclusive('\n');
        let first = lines.next().unwrap_or_default();
        if first.trim_end() != FENCE {
            return Err(ContentError::new(
                path,
                1,
                "the file must start with a `+++` line opening the TOML front matter",
            ));
        }
        // Byte offsets, so that the front matter and the body are each copied once.
        let front_start = first.len();
        let mut offset = front_start;
        for (index, line) in lines.enumerate() {
            if line.trim_end() == FENCE {
                return Ok(Self {
                    digest: sha2::Sha256::digest(text.as_bytes()).into(),
                    path: path.to_path_buf(),
                    stem,
                    front_matter: text[front_start..offset].to_string(),
                    front_matter_line: 2,
                    body: text[offset + line.len()..].to_string(),
                    // The opening fence is line 1 and this one line `index + 2`.
                    body_line: index + 3,
                });
            }
            offset += line.len();
        }
        Err(ContentError::new(
            path,
            1,
            "the front matter is never closed: add a `+++` line after it",
        ))
    }

    /// Deserialises the front matter, reporting TOML and schema errors at their line.
    pub fn front_matter<T: DeserializeOwned>(&self) -> Result<T, ContentError> {
        toml::from_str(&self.front_matter).map_err(|e| {
            let line = e.span().map_or(0, |span| self.line_of(&span));
            ContentError::new(&self.path, line, clean_toml_message(e.message()))
        })
    }

    /// The file line of a byte span inside the front matter.
    pub fn line_of(&self, span: &Range<usize>) -> usize {
        let start = span.start.min(self.front_matter.len());
        self.front_matter_line + self.front_matter[..start].matches('\n').count()
    }

    /// An error at a span of the front matter.
    pub fn error_at(&self, span: &Range<usize>, message: impl Into<String>) -> ContentError {
        ContentError::new(&self.path, self.line_of(span), message)
    }

    /// An error about the file as a whole, reported at its first line.
    pub fn error(&self, message: impl Into<String>) -> ContentError {
        ContentError::new(&self.path, 1, message)
    }
}

fn clean_toml_message(message: &str) -> String {
    message.trim().replace('\n', " ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Deserialize, Debug)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Fm {
        title: String,
    }

    #[test]
    fn splits_front_matter_and_body_with_line_numbers() {
        let file = SourceFile::parse(Path::new("a.md"), "+++\ntitle = \"x\"\n+++\nHello\n")
            .expect("valid file");
        assert_eq!(file.stem, "a");
        assert_eq!(file.body, "Hello\n");
        assert_eq!(file.body_line, 4);
    }

    #[test]
    fn unknown_key_is_reported_on_its_line() {
        let file = SourceFile::parse(Path::new("a.md"), "+++\ntitle = \"x\"\ncolour = 1\n+++\n")
            .expect("valid file");
        let err = file.front_matter::<Fm>().expect_err("unknown key");
        assert_eq!(err.line, 3);
        assert!(err.message.contains("colour"), "{}", err.message);
    }

    #[test]
    fn missing_fences_are_errors() {
        assert!(SourceFile::parse(Path::new("a.md"), "title = 1\n").is_err());
        assert!(SourceFile::parse(Path::new("a.md"), "+++\ntitle = 1\n").is_err());
    }
}
