//! Small pieces of SVG text: numbers, escaping, colours and the page's scene frame.

use std::cell::Cell;
use std::fmt::Write;

use crate::domain::figure::V2;

thread_local! {
    /// Decimals written: 1, or 0 while drawing a thumbnail (see [`whole_numbers`]).
    static DECIMALS: Cell<u8> = const { Cell::new(1) };
}

/// Runs `draw` writing whole centimetres only: a thumbnail shown a few centimetres tall
/// loses nothing visible and a third of its bytes.
pub fn whole_numbers<T>(draw: impl FnOnce() -> T) -> T {
    let before = DECIMALS.with(|d| d.replace(0));
    let drawn = draw();
    DECIMALS.with(|d| d.set(before));
    drawn
}

/// A number as the drawing writes it: one decimal at most, no `-0`.
pub fn num(value: f64) -> String {
    if DECIMALS.with(Cell::get) == 0 {
        let rounded = value.round();
        return if rounded == 0.0 {
            "0".into()
        } else {
            format!("{rounded}")
        };
    }
    let rounded = (value * 10.0).round() / 10.0;
    if rounded == 0.0 {
        return "0".into();
    }
    let text = format!("{rounded:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// A ratio as the drawing writes it: three decimals at most.
pub fn num3(value: f64) -> String {
    let text = format!("{:.3}", (value * 1000.0).round() / 1000.0);
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

/// A point as `x y`.
pub fn xy(p: V2) -> String {
    format!("{} {}", num(p.x), num(p.y))
}

/// Escapes text for an element or an attribute value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// How colours are given. A page styles the drawing through classes (its stylesheet
/// knows the themes); a standalone file has no page stylesheet, so it also carries the
/// light theme's colours as presentation attributes (never `style`, which the CSP bans).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Paint {
    Classes,
    Attributes,
}

/// The drawing's colour roles: class name and light-theme colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Limbs on the far side (side view).
    Far,
    Working,
    /// Props and the floor.
    Prop,
    /// A prop's fill.
    PropFill,
    Band,
}

impl Role {
    fn class(self) -> &'static str {
        match self {
            Role::Far => "b",
            Role::Working => "w",
            Role::Prop => "p",
            Role::PropFill => "p q",
            Role::Band => "d",
        }
    }

    fn colours(self, far: bool) -> &'static str {
        match (self, far) {
            (Role::Far, _) => r##" stroke="#868d95""##,
            (Role::Working, false) => r##" stroke="#c2410c""##,
            (Role::Working, true) => r##" stroke="#d9733f""##,
            (Role::Prop, _) => r##" stroke="#747b83""##,
            (Role::PropFill, _) => r##" stroke="#747b83" fill="#e6e2dc""##,
            (Role::Band, _) => r##" stroke="#0a5a86""##,
        }
    }
}

/// ` class="…"` and, in a standalone file, the colours. `far` picks the far side's tone
/// of a working segment.
pub fn paint(paint: Paint, role: Role, far: bool) -> String {
    let mut out = format!(r#" class="{}""#, role.class());
    if paint == Paint::Attributes {
        out.push_str(role.colours(far));
    }
    out
}

/// The root element's presentation attributes in a standalone file.
pub const STANDALONE_ROOT: &str =
    r##" fill="none" stroke="#1b1f24" stroke-linecap="round" stroke-linejoin="round""##;
/// A standalone file's own background, so it reads on any page.
pub const STANDALONE_BACKGROUND: &str =
    r##"<rect width="100%" height="100%" rx="8" fill="#fbfaf8" stroke="none"/>"##;

/// A path through `points`, as `d`.
pub fn polyline(points: &[V2]) -> String {
    let mut d = String::new();
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{}", if i == 0 { 'M' } else { 'L' }, xy(*p));
    }
    d
}

/// A dot of diameter `width` at `p`: a zero-length stroke with round caps.
pub fn dot(p: V2) -> String {
    format!("M{}h0", xy(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short() {
        assert_eq!(num(12.34), "12.3");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(-0.04), "0");
        assert_eq!(num(-3.96), "-4");
        assert_eq!(whole_numbers(|| num(12.6)), "13");
        assert_eq!(whole_numbers(|| num(-0.4)), "0");
        assert_eq!(num(12.34), "12.3", "back to one decimal afterwards");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape(r#"<a href="x">&'"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&#39;"
        );
    }
}
