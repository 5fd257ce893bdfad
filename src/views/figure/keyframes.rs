//! A figure's stylesheet: one `@keyframes` rule per moving part, scoped to the figure.

use std::fmt::Write;

use super::kit::{is_moving, moving_transform};
use super::motion::{Stop, body_at};
use super::svg::{self, num};
use super::{Plan, draw, root_transform, scope};
use crate::domain::figure::kinematics::{SEGMENTS, arm_twist, relative_rotation};
use crate::domain::figure::{Body, Figure, Pose, Prop, Repeat, Segment, Side};

/// The figure's stylesheet: its keyframes, scoped by [`scope`]. Nothing moves under
/// `prefers-reduced-motion: reduce`.
pub fn keyframes_css(slug: &str, figure: &Figure) -> String {
    let plan = Plan::new(figure);
    let mut sheet = Sheet {
        css: String::new(),
        scope: scope(slug),
        seconds: num(plan.timeline.seconds),
        // `alternate` plays each cycle back the other way; without it, each starts afresh.
        direction: match figure.repeat {
            Repeat::Back => " alternate",
            Repeat::Restart => "",
        },
    };
    let stops = plan.timeline.stops();
    let bodies: Vec<Body> = stops.iter().map(|s| body_at(figure, *s)).collect();
    if plan.animated[0] {
        let frames = stops
            .iter()
            .zip(&bodies)
            .map(|(stop, body)| (stop.percent, root_transform(body, plan.shift).css()))
            .collect();
        sheet.rule("j0", "linear", frames);
    }
    for (i, segment) in SEGMENTS.into_iter().enumerate().skip(1) {
        if plan.animated[i] {
            sheet.rule(
                &format!("j{i}"),
                "ease-in-out",
                joint_frames(&plan, segment),
            );
        }
    }
    if plan.twisted {
        for side in Side::BOTH {
            let class = format!("x{}", draw::segment_index(Segment::UpperArm(side)));
            sheet.rule(&class, "ease-in-out", twist_frames(&plan, side));
        }
    }
    for (i, prop) in figure.props.iter().enumerate() {
        if is_moving(prop, plan.hands_apart) {
            let frames = prop_frames(&plan, prop, &stops, &bodies);
            sheet.rule(&format!("s{i}"), "linear", frames);
        }
    }
    let _ = writeln!(
        sheet.css,
        "@media (prefers-reduced-motion:reduce){{.{} *{{animation:none!important}}}}",
        sheet.scope
    );
    sheet.css
}

/// The stylesheet being written, and what every rule in it shares.
struct Sheet {
    css: String,
    scope: String,
    seconds: String,
    direction: &'static str,
}

impl Sheet {
    /// An animation for the elements of `class`, through `frames` of (percent, transform).
    fn rule(&mut self, class: &str, easing: &str, frames: Vec<(f64, String)>) {
        let (scope, seconds, direction) = (&self.scope, &self.seconds, self.direction);
        let name = format!("{scope}-{class}");
        let _ = write!(
            self.css,
            ".{scope} .{class}{{animation:{name} {seconds}s {easing} infinite{direction} both}}@keyframes {name}{{"
        );
        let count = frames.len();
        for (i, (percent, value)) in frames.into_iter().enumerate() {
            let at = match i {
                0 => format!("0%,{}%", num(percent)),
                _ if i + 1 == count => format!("{}%,100%", num(percent)),
                _ => format!("{}%", num(percent)),
            };
            let _ = write!(self.css, "{at}{{transform:{value}}}");
        }
        self.css.push_str("}\n");
    }
}

/// A joint's turn at each pose.
fn joint_frames(plan: &Plan, segment: Segment) -> Vec<(f64, String)> {
    let view = plan.figure.view;
    pose_frames(plan, |pose| {
        let turn = relative_rotation(view, &pose.angles, segment);
        format!("rotate({}deg)", num(turn))
    })
}

/// How one arm shows the chest's twist at each pose.
fn twist_frames(plan: &Plan, side: Side) -> Vec<(f64, String)> {
    let view = plan.figure.view;
    pose_frames(plan, |pose| {
        let (shift, scale) = arm_twist(view, &pose.angles, side);
        format!(
            "translate({}px,0) scale({},1)",
            num(shift),
            svg::num3(scale)
        )
    })
}

/// A transform at each pose, at the moment the animation reaches it.
fn pose_frames(plan: &Plan, transform: impl Fn(&Pose) -> String) -> Vec<(f64, String)> {
    let poses = plan.figure.poses.iter().enumerate();
    poses
        .map(|(p, pose)| (plan.timeline.pose_percent(p), transform(pose)))
        .collect()
}

/// Where a moving prop is at each stop.
fn prop_frames(plan: &Plan, prop: &Prop, stops: &[Stop], bodies: &[Body]) -> Vec<(f64, String)> {
    // A turn given as an angle wraps at ±180°: keep each one within half a turn of the
    // one before, or CSS would spin the prop the long way round between stops.
    let mut previous: Option<f64> = None;
    stops
        .iter()
        .zip(bodies)
        .map(|(stop, body)| {
            let mut place = moving_transform(prop, body, plan.shift);
            if let (Some(turn), Some(before)) = (place.turn, previous) {
                place.turn = Some(turn - 360.0 * ((turn - before) / 360.0).round());
            }
            previous = place.turn;
            (stop.percent, place.css())
        })
        .collect()
}
