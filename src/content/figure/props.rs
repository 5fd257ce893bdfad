//! Equipment and surfaces as written: each prop's kind and where it is, checked so that
//! a wrong placement says what that kind takes.

use serde::Deserialize;
use toml::{Spanned, Value};

use super::super::error::ContentErrors;
use super::super::source::SourceFile;
use crate::domain::figure::kinematics::Point;
use crate::domain::figure::props::{End, Grip, Place};
use crate::domain::figure::{Prop, PropKind, V2};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PropFront {
    kind: Spanned<String>,
    x: Option<f64>,
    height: Option<f64>,
    /// Held kit: `hands`, `left_hand`, `back`, `hips`, `left_ankle`...
    at: Option<Spanned<String>>,
    /// A ball kept under a point of the body.
    under: Option<Spanned<String>>,
    /// Band ends: a point of the body, or `[x, height]` in the scene.
    from: Option<Spanned<Value>>,
    to: Option<Spanned<Value>>,
}

pub fn prop(
    file: &SourceFile,
    front: &Spanned<PropFront>,
    errors: &mut ContentErrors,
) -> Option<Prop> {
    let p = front.get_ref();
    let Some(kind) = PropKind::from_name(p.kind.get_ref()) else {
        let names: Vec<&str> = PropKind::ALL.iter().map(|k| k.name()).collect();
        errors.push(file.error_at(
            &p.kind.span(),
            format!(
                "unknown prop `{}`: use one of {}",
                p.kind.get_ref(),
                names.join(", ")
            ),
        ));
        return None;
    };
    let place = place(file, kind, front, errors)?;
    Some(Prop { kind, place })
}

/// Where a prop of `kind` is, from the keys written; `None`, reported, when they do not
/// fit it or name something unknown.
fn place(
    file: &SourceFile,
    kind: PropKind,
    front: &Spanned<PropFront>,
    errors: &mut ContentErrors,
) -> Option<Place> {
    let p = front.get_ref();
    match (kind, &p.at, &p.under, &p.from, &p.to) {
        (PropKind::Band | PropKind::Strap, None, None, Some(from), Some(to)) => {
            let (a, b) = (end(file, from, errors), end(file, to, errors));
            Some(Place::Stretched(a?, b?))
        }
        (
            PropKind::Barbell
            | PropKind::Dumbbells
            | PropKind::Kettlebell
            | PropKind::MedicineBall
            | PropKind::Roller,
            Some(at),
            None,
            None,
            None,
        ) => held(file, at, errors),
        (PropKind::Ball, None, Some(under), None, None) => {
            Some(Place::Under(point(file, under, errors)?))
        }
        (
            PropKind::Bench
            | PropKind::Step
            | PropKind::PlyoBox
            | PropKind::Wall
            | PropKind::Pad
            | PropKind::Post
            | PropKind::Ball,
            None,
            None,
            None,
            None,
        ) if p.x.is_some() => Some(Place::Scene {
            x: p.x.unwrap_or_default(),
            height: p.height.unwrap_or(kind.default_height()),
        }),
        _ => {
            errors.push(file.error_at(
                &front.span(),
                format!("{} takes {}", kind.name(), placement_help(kind)),
            ));
            None
        }
    }
}

fn held(file: &SourceFile, at: &Spanned<String>, errors: &mut ContentErrors) -> Option<Place> {
    let grip = Grip::from_name(at.get_ref());
    if grip.is_none() {
        errors.push(file.error_at(
            &at.span(),
            format!(
                "unknown grip `{}`: use hands, left_hand, right_hand, back, hips, chest, \
                 left_ankle or right_ankle",
                at.get_ref()
            ),
        ));
    }
    grip.map(Place::Held)
}

/// One end of a band or strap: a point of the body, or `[x, height]` in the scene.
fn end(file: &SourceFile, value: &Spanned<Value>, errors: &mut ContentErrors) -> Option<End> {
    let found = match value.get_ref() {
        Value::String(name) => {
            return point(file, &Spanned::new(value.span(), name.clone()), errors).map(End::Body);
        }
        Value::Array(xy) => match xy.as_slice() {
            [x, h] => as_f64(x)
                .zip(as_f64(h))
                .map(|(x, h)| End::Fixed(V2::new(x, -h))),
            _ => None,
        },
        _ => None,
    };
    if found.is_none() {
        errors.push(file.error_at(
            &value.span(),
            "an end is a point of the body or [x, height]",
        ));
    }
    found
}

fn point(file: &SourceFile, name: &Spanned<String>, errors: &mut ContentErrors) -> Option<Point> {
    let found = point_named(name.get_ref());
    if found.is_none() {
        errors.push(file.error_at(
            &name.span(),
            format!("unknown point of the body `{}`", name.get_ref()),
        ));
    }
    found
}

fn placement_help(kind: PropKind) -> &'static str {
    match kind {
        PropKind::Band | PropKind::Strap => "`from` and `to`",
        PropKind::Ball => "`x`, or `under` a point of the body",
        PropKind::Bench
        | PropKind::Step
        | PropKind::PlyoBox
        | PropKind::Wall
        | PropKind::Pad
        | PropKind::Post => "`x` and an optional `height`",
        _ => "`at`: where it is held",
    }
}

fn as_f64(value: &Value) -> Option<f64> {
    value
        .as_float()
        .or_else(|| value.as_integer().map(|n| n as f64))
}

/// Points of the body by the names content uses.
fn point_named(name: &str) -> Option<Point> {
    Point::all().into_iter().find(|p| p.key() == name)
}
