//! An exercise's `[figure]`: its poses and props as written in front matter, validated
//! into a [`Figure`] with every mistake reported at its line. The keys are documented in
//! `content/README.md`; the geometry in [`crate::domain::figure`].

mod pose;
mod props;

use serde::Deserialize;
use toml::Spanned;

use super::check;
use super::error::ContentErrors;
use super::source::SourceFile;
use crate::domain::figure::check::{Problem, check as check_geometry};
use crate::domain::figure::{Figure, Pose, Repeat, Segment, View, working_segments};
use pose::{PoseFront, PoseReader};
use props::PropFront;

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
    let view = view_of(file, front, errors);
    let (poses, spans) = read_poses(file, front, view, errors);
    let mut figure = Figure {
        says: check::text(file, &front.says, "says", errors),
        view,
        poses,
        props: front
            .props
            .iter()
            .filter_map(|p| props::prop(file, p, errors))
            .collect(),
        working: Vec::new(),
        repeat: repeat_of(file, front, errors),
    };
    figure.working = match &front.working {
        Some(names) => working(file, names, errors),
        None => {
            let primary: Vec<String> = primary.iter().map(|m| m.get_ref().clone()).collect();
            working_segments(&primary, &figure.poses)
        }
    };
    if figure.poses.len() == spans.len() && figure.poses.len() >= 2 {
        report_geometry(file, &figure, &spans, errors);
    }
    figure
}

fn view_of(file: &SourceFile, front: &FigureFront, errors: &mut ContentErrors) -> View {
    match front
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
    }
}

fn repeat_of(file: &SourceFile, front: &FigureFront, errors: &mut ContentErrors) -> Repeat {
    let Some(value) = front.repeat.as_ref() else {
        return Repeat::Back;
    };
    let found = [Repeat::Back, Repeat::Restart]
        .into_iter()
        .find(|r| r.name() == value.get_ref());
    found.unwrap_or_else(|| {
        errors.push(file.error_at(
            &value.span(),
            format!(
                "loop must be `back` or `restart`, not `{}`",
                value.get_ref()
            ),
        ));
        Repeat::Back
    })
}

/// The poses written, in order, and the span of each for messages.
fn read_poses(
    file: &SourceFile,
    front: &FigureFront,
    view: View,
    errors: &mut ContentErrors,
) -> (Vec<Pose>, Vec<std::ops::Range<usize>>) {
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
    (poses, spans)
}

/// Reports each geometric problem at the line of the pose it is in.
fn report_geometry(
    file: &SourceFile,
    figure: &Figure,
    spans: &[std::ops::Range<usize>],
    errors: &mut ContentErrors,
) {
    for problem in check_geometry(figure) {
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
    use crate::domain::figure::skeleton::{LimbJoint, Side};

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

    /// Fails unless some error starts with `prefix` (its file, line and message).
    fn assert_reported(errors: &[String], prefix: &str) {
        assert!(
            errors.iter().any(|e| e.starts_with(prefix)),
            "no `{prefix}` in {errors:?}"
        );
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
        assert_reported(&errors, "x.md:4: unknown contact `left_paw`");
        assert_reported(&errors, "x.md:5: the middle pose is in flight");
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
        assert_reported(&errors, "x.md:4: loop must be `back` or `restart`");
    }

    #[test]
    fn misplaced_props_are_reported_at_their_line() {
        let (figure, errors) = read(
            "[figure]\nsays = \"Sit\"\nprops = [\n\
             { kind = \"strap\", from = [60, 45], to = \"left_kneecap\" },\n\
             { kind = \"kettlebell\", at = \"belly\" },\n\
             { kind = \"plyo_box\", at = \"hands\" },\n\
             { kind = \"kettlebell\", at = \"chest\" },\n]\n\
             start = { on = [\"left_foot\"] }\nend = { on = [\"left_toe\"], ankle = -30 }\n",
        );
        let expected = [
            "x.md:5: unknown point of the body `left_kneecap`",
            "x.md:6: unknown grip `belly`",
            "x.md:7: plyo_box takes `x` and an optional `height`",
        ];
        for message in expected {
            assert_reported(&errors, message);
        }
        assert_eq!(errors.len(), expected.len(), "{errors:?}");
        assert_eq!(figure.props.len(), 1, "only the bell at the chest is drawn");
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
        assert_reported(&errors, "x.md:4: unknown prop `anvil`");
    }
}
