//! An exercise's `[figure]`: its poses and props as written in front matter, validated
//! into a [`Figure`] with every mistake reported at its line. The keys are documented in
//! `content/README.md`; the geometry in [`crate::domain::figure`].

use std::collections::BTreeMap;

use serde::Deserialize;
use toml::{Spanned, Value};

use super::check;
use super::error::ContentErrors;
use super::source::SourceFile;
use crate::domain::figure::check::{Problem, check as check_geometry};
use crate::domain::figure::kinematics::Point;
use crate::domain::figure::props::{End, Grip, Place};
use crate::domain::figure::skeleton::{LimbJoint, Side};
use crate::domain::figure::{
    Angles, Contact, Figure, Joint, Pose, Prop, PropKind, Repeat, Segment, V2, View,
    working_segments,
};

/// The `[figure]` table, last in the front matter.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FigureFront {
    /// The movement in words: the drawing's title.
    says: Spanned<String>,
    /// `side` (default) or `front`.
    view: Option<Spanned<String>>,
    /// Segments or limbs to draw as working, instead of those of the main muscles.
    working: Option<Vec<Spanned<String>>>,
    /// `back` (default) or `restart`: how the animation repeats.
    #[serde(rename = "loop")]
    repeat: Option<Spanned<String>>,
    #[serde(default)]
    props: Vec<Spanned<PropFront>>,
    start: Option<Spanned<PoseFront>>,
    middle: Option<Spanned<PoseFront>>,
    end: Option<Spanned<PoseFront>>,
}

/// A pose: joint angles, contacts and placement, checked key by key so that a mistyped
/// joint is named at its line.
type PoseFront = BTreeMap<Spanned<String>, Spanned<Value>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PropFront {
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

/// Validates a figure, or reports that the exercise has none.
pub fn validate(
    file: &SourceFile,
    front: Option<&FigureFront>,
    primary: &[Spanned<String>],
    errors: &mut ContentErrors,
) -> Figure {
    let Some(front) = front else {
        errors.push(file.error(
            "no figure: add a `[figure]` table with `says`, `start` and `end` poses at the end \
             of the front matter (see content/README.md)",
        ));
        return Figure::default();
    };
    let view = match front
        .view
        .as_ref()
        .map(|v| (v.get_ref().as_str(), v.span()))
    {
        None | Some(("side", _)) => View::Side,
        Some(("front", _)) => View::Front,
        Some((other, span)) => {
            errors.push(file.error_at(
                &span,
                format!("view must be `side` or `front`, not `{other}`"),
            ));
            View::Side
        }
    };
    let repeat = match front.repeat.as_ref() {
        None => Repeat::Back,
        Some(value) => match [Repeat::Back, Repeat::Restart]
            .into_iter()
            .find(|r| r.name() == value.get_ref())
        {
            Some(repeat) => repeat,
            None => {
                errors.push(file.error_at(
                    &value.span(),
                    format!(
                        "loop must be `back` or `restart`, not `{}`",
                        value.get_ref()
                    ),
                ));
                Repeat::Back
            }
        },
    };
    let mut poses = Vec::new();
    let mut spans = Vec::new();
    for (name, pose) in [
        ("start", &front.start),
        ("middle", &front.middle),
        ("end", &front.end),
    ] {
        match pose {
            Some(pose) => {
                let mut reader = PoseReader { file, view, errors };
                poses.push(reader.pose(name, pose));
                spans.push(pose.span());
            }
            None if name != "middle" => {
                errors.push(file.error(format!("the figure needs its `{name}` pose")));
            }
            None => {}
        }
    }
    let props = front
        .props
        .iter()
        .filter_map(|p| prop(file, p, errors))
        .collect();
    let mut figure = Figure {
        says: check::text(file, &front.says, "says", errors),
        view,
        poses,
        props,
        working: Vec::new(),
        repeat,
    };
    figure.working = match &front.working {
        Some(names) => working(file, names, errors),
        None => {
            let primary: Vec<String> = primary.iter().map(|m| m.get_ref().clone()).collect();
            working_segments(&primary, &figure.poses)
        }
    };
    if figure.poses.len() == spans.len() && figure.poses.len() >= 2 {
        for problem in check_geometry(&figure) {
            let (span, message) = match problem {
                Problem::OffSurface { pose, message, .. } => (&spans[pose], message),
                Problem::Sinks { pose, message } => (
                    &spans[pose],
                    format!("{} pose: {message}", figure.poses[pose].name),
                ),
                Problem::SameStartEnd => (
                    &spans[spans.len() - 1],
                    "the end pose is the same as the start: the figure would not move".into(),
                ),
            };
            errors.push(file.error_at(span, message));
        }
    }
    figure
}

struct PoseReader<'a> {
    file: &'a SourceFile,
    view: View,
    errors: &'a mut ContentErrors,
}

impl PoseReader<'_> {
    fn pose(&mut self, name: &str, front: &Spanned<PoseFront>) -> Pose {
        let mut angles = Angles::default();
        let (mut on, mut anchor, mut x, mut lift) = (None, None, 0.0, None);
        // Both-sides shorthands first, so a per-side key written beside one wins.
        let mut entries: Vec<_> = front.get_ref().iter().collect();
        entries.sort_by_key(|(key, _)| key.get_ref().contains('_'));
        for (key, value) in entries {
            let span = value.span();
            match key.get_ref().as_str() {
                "on" => on = Some(self.contacts(value)),
                "anchor" => anchor = self.contact(value),
                "x" => x = self.number(value, "x").unwrap_or(0.0),
                "lift" => lift = self.number(value, "lift"),
                other => {
                    let joints = joints_named(other);
                    if joints.is_empty() {
                        self.error(&key.span(), unknown_joint(other));
                        continue;
                    }
                    let Some(degrees) = self.number(value, other) else {
                        continue;
                    };
                    for joint in joints {
                        let (low, high) = joint.range(self.view);
                        if !(low..=high).contains(&degrees) {
                            self.error(
                                &span,
                                format!(
                                    "{} = {degrees} is outside its range, {low} to {high} in the {} view",
                                    joint.name(),
                                    self.view.name()
                                ),
                            );
                        }
                        angles.set(joint, degrees);
                    }
                }
            }
        }
        let span = front.span();
        let on = on.unwrap_or_else(|| {
            self.error(
                &span,
                format!("the {name} pose needs `on`: its bearing contacts, or `on = []` in flight"),
            );
            Vec::new()
        });
        let anchor = match (anchor, on.first()) {
            (Some(a), _) if on.is_empty() || on.contains(&a) => a,
            (Some(a), _) => {
                self.error(
                    &span,
                    format!("the anchor `{}` must be one of `on`", a.name()),
                );
                a
            }
            (None, Some(first)) => *first,
            (None, None) => {
                self.error(
                    &span,
                    format!("the {name} pose is in flight: name its `anchor` and `lift`"),
                );
                Contact::default()
            }
        };
        if lift.is_some() != on.is_empty() {
            self.error(
                &span,
                "`lift` is for poses in flight (`on = []`) only, and they need it",
            );
        }
        Pose {
            name: name.into(),
            angles,
            on,
            anchor,
            x,
            lift: lift.unwrap_or(0.0).max(0.0),
        }
    }

    fn error(&mut self, span: &std::ops::Range<usize>, message: impl Into<String>) {
        self.errors.push(self.file.error_at(span, message));
    }

    fn number(&mut self, value: &Spanned<Value>, what: &str) -> Option<f64> {
        match value.get_ref() {
            Value::Integer(n) => Some(*n as f64),
            Value::Float(n) => Some(*n),
            _ => {
                self.error(
                    &value.span(),
                    format!("{what} must be a number of degrees or centimetres"),
                );
                None
            }
        }
    }

    fn contact(&mut self, value: &Spanned<Value>) -> Option<Contact> {
        let name = value.get_ref().as_str().unwrap_or_default();
        let contact = Contact::from_name(name);
        if contact.is_none() {
            let names: Vec<String> = Contact::all().iter().map(|c| c.name()).collect();
            self.error(
                &value.span(),
                format!("unknown contact `{name}`: use one of {}", names.join(", ")),
            );
        }
        contact
    }

    fn contacts(&mut self, value: &Spanned<Value>) -> Vec<Contact> {
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                &value.span(),
                "`on` must be a list such as [\"left_foot\", \"right_foot\"]",
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.contact(&Spanned::new(value.span(), item.clone())))
            .collect()
    }
}

/// The joints a pose key sets: one, or both sides for `knee` and the like.
fn joints_named(key: &str) -> Vec<Joint> {
    if let Some(joint) = Joint::from_name(key) {
        return vec![joint];
    }
    LimbJoint::ALL
        .into_iter()
        .find(|limb| limb.name() == key)
        .map(|limb| Side::BOTH.map(|side| Joint::Limb(side, limb)).to_vec())
        .unwrap_or_default()
}

fn unknown_joint(key: &str) -> String {
    let names: Vec<String> = Joint::ALL.iter().map(|j| j.name()).collect();
    format!(
        "unknown joint `{key}`: a pose takes `on`, `anchor`, `x`, `lift` and the joints {} \
         (or `shoulder`, `elbow`, `hip`, `knee`, `ankle` for both sides)",
        names.join(", ")
    )
}

fn prop(file: &SourceFile, front: &Spanned<PropFront>, errors: &mut ContentErrors) -> Option<Prop> {
    let p = front.get_ref();
    let span = front.span();
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
    let point = |name: &Spanned<String>, errors: &mut ContentErrors| {
        let found = point_named(name.get_ref());
        if found.is_none() {
            errors.push(file.error_at(
                &name.span(),
                format!("unknown point of the body `{}`", name.get_ref()),
            ));
        }
        found
    };
    let end = |value: &Spanned<Value>, errors: &mut ContentErrors| match value.get_ref() {
        Value::String(name) => {
            point(&Spanned::new(value.span(), name.clone()), errors).map(End::Body)
        }
        Value::Array(xy) => match xy.as_slice() {
            [x, h] => Some(End::Fixed(V2::new(as_f64(x)?, -as_f64(h)?))),
            _ => None,
        },
        _ => None,
    };
    let place = match (kind, &p.at, &p.under, &p.from, &p.to) {
        (PropKind::Band | PropKind::Strap, None, None, Some(from), Some(to)) => {
            let (a, b) = (end(from, errors), end(to, errors));
            if a.is_none() || b.is_none() {
                errors.push(file.error_at(
                    &span,
                    format!("{} ends are points of the body or [x, height]", kind.name()),
                ));
            }
            Place::Stretched(a?, b?)
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
        ) => match Grip::from_name(at.get_ref()) {
            Some(grip) => Place::Held(grip),
            None => {
                errors.push(file.error_at(
                    &at.span(),
                    format!(
                        "unknown grip `{}`: use hands, left_hand, right_hand, back, hips, chest, left_ankle or right_ankle",
                        at.get_ref()
                    ),
                ));
                return None;
            }
        },
        (PropKind::Ball, None, Some(under), None, None) => Place::Under(point(under, errors)?),
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
        ) if p.x.is_some() => Place::Scene {
            x: p.x.unwrap_or_default(),
            height: p.height.unwrap_or(kind.default_height()),
        },
        _ => {
            errors.push(file.error_at(
                &span,
                format!("{} takes {}", kind.name(), placement_help(kind)),
            ));
            return None;
        }
    };
    Some(Prop { kind, place })
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

fn working(
    file: &SourceFile,
    names: &[Spanned<String>],
    errors: &mut ContentErrors,
) -> Vec<Segment> {
    let mut segments = Vec::new();
    for name in names {
        match Segment::parse_group(name.get_ref()) {
            Some(group) => segments.extend(group),
            None => errors.push(file.error_at(
                &name.span(),
                format!(
                    "unknown part `{}` in working: use trunk, left_leg, right_arm, left_thigh, \
                     right_shin, left_foot, left_upper_arm, right_forearm...",
                    name.get_ref()
                ),
            )),
        }
    }
    segments
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::domain::figure::skeleton::LimbJoint;

    /// Validates the `[figure]` of a small exercise file; returns it and the errors.
    fn read(figure: &str) -> (Figure, Vec<String>) {
        #[derive(Deserialize)]
        struct Front {
            figure: Option<FigureFront>,
        }
        let text = format!("+++\n{figure}+++\n");
        let file = SourceFile::parse(Path::new("x.md"), &text).expect("fenced");
        let front: Front = file.front_matter().expect("parses");
        let mut errors = ContentErrors::default();
        let primary = [Spanned::new(0..1, "calves".to_string())];
        let figure = validate(&file, front.figure.as_ref(), &primary, &mut errors);
        (figure, errors.0.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn both_sides_shorthands_yield_to_one_side() {
        let (figure, errors) = read(
            "[figure]\nsays = \"Up\"\nstart = { on = [\"left_foot\", \"right_foot\"] }\n\
             end = { on = [\"left_toe\", \"right_toe\"], right_ankle = -20, ankle = -30 }\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        let end = &figure.poses[1].angles;
        assert_eq!(end.limb(Side::Left, LimbJoint::Ankle), -30.0);
        assert_eq!(end.limb(Side::Right, LimbJoint::Ankle), -20.0);
        // Calves, both feet down throughout: both shins and feet work.
        for segment in [Segment::Shin(Side::Left), Segment::Foot(Side::Right)] {
            assert!(figure.working.contains(&segment), "{:?}", figure.working);
        }
    }

    #[test]
    fn unknown_contacts_and_flights_without_an_anchor_are_reported_at_their_line() {
        let (_, errors) = read(
            "[figure]\nsays = \"Hop\"\nstart = { on = [\"left_paw\"] }\n\
             middle = { on = [] }\nend = { on = [\"left_toe\"], ankle = -30 }\n",
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("x.md:4: unknown contact `left_paw`")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("x.md:5: the middle pose is in flight")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_figure_may_restart_instead_of_playing_back() {
        let poses =
            "start = { on = [\"left_foot\"] }\nend = { on = [\"left_toe\"], ankle = -30 }\n";
        let (figure, errors) = read(&format!(
            "[figure]\nsays = \"Up\"\nloop = \"restart\"\n{poses}"
        ));
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(figure.repeat, Repeat::Restart);
        let (figure, _) = read(&format!("[figure]\nsays = \"Up\"\n{poses}"));
        assert_eq!(figure.repeat, Repeat::Back);
        let (_, errors) = read(&format!(
            "[figure]\nsays = \"Up\"\nloop = \"sideways\"\n{poses}"
        ));
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("x.md:4: loop must be `back` or `restart`")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_missing_end_and_an_unknown_prop_are_reported() {
        let (_, errors) = read(
            "[figure]\nsays = \"Lift\"\nprops = [{ kind = \"anvil\", x = 3 }]\n\
             start = { on = [\"left_foot\"] }\n",
        );
        assert!(
            errors.iter().any(|e| e.contains("needs its `end` pose")),
            "{errors:?}"
        );
        assert!(
            errors
                .iter()
                .any(|e| e.starts_with("x.md:4: unknown prop `anvil`")),
            "{errors:?}"
        );
    }
}
