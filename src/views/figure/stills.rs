//! Poses drawn still, side by side on one floor: the reduced-motion and print pair, a
//! single pose, and the thumbnail.

use std::fmt::Write;

use super::bounds::Bounds;
use super::draw::flat_body;
use super::kit::{fixed_props, is_moving, still_moving};
use super::svg::{Paint, escape, num};
use super::{MARGIN, Plan, floor, is_held};
use crate::domain::figure::{Body, Figure, V2};

/// Room under the floor for the pair's "Start" and "End", in centimetres.
const LABEL_ROOM: f64 = 22.0;
/// Space between two poses drawn side by side.
const GAP: f64 = 6.0;

/// Poses drawn still, side by side, sharing one floor, coloured by classes (on a page)
/// or by attributes (a file of its own).
pub fn stills(
    figure: &Figure,
    poses: &[usize],
    title: Option<&str>,
    class: &str,
    labels: bool,
    paint: Paint,
) -> String {
    if figure.poses.is_empty() {
        return String::new();
    }
    let plan = Plan::new(figure);
    let bodies: Vec<Body> = poses.iter().map(|i| figure.body(*i)).collect();
    let boxes: Vec<Bounds> = bodies
        .iter()
        .map(|body| {
            let mut b = Bounds::new();
            b.fixed_props(figure);
            b.body(figure, body);
            b
        })
        .collect();
    let top = boxes.iter().map(|b| b.min.y).fold(0.0, f64::min);
    let label_room = if labels { LABEL_ROOM } else { 0.0 };
    let height = (-top + 2.0 * MARGIN + label_room + 1.5).ceil();
    let floor_y = height - MARGIN - label_room - 1.5;
    let mut x = 0.0;
    let mut inner = String::new();
    let mut marks = Vec::new();
    for (body, bounds) in bodies.iter().zip(&boxes) {
        let shift = V2::new(x + MARGIN - bounds.min.x, floor_y);
        let width = (bounds.max.x - bounds.min.x + 2.0 * MARGIN).ceil();
        still_scene(&mut inner, &plan, body, shift, paint);
        marks.push(x + width / 2.0);
        x += width + GAP;
    }
    let width = x - GAP;
    let head = match title {
        Some(title) => format!(r#" role="img"><title>{}</title>"#, escape(title)),
        None => r#" aria-hidden="true">"#.to_string(),
    };
    let mut out = format!(
        r#"<svg class="{class}" viewBox="0 0 {} {}"{head}"#,
        num(width),
        num(height)
    );
    floor(&mut out, floor_y, width, paint);
    out.push_str(&inner);
    if labels {
        start_and_end(&mut out, &marks, width, height);
    }
    out.push_str("</svg>");
    out
}

/// One pose's props and body, placed by `shift`: standing props, then moving ones that
/// are not held, the body, and kit held between the hands in front.
fn still_scene(out: &mut String, plan: &Plan, body: &Body, shift: V2, paint: Paint) {
    let figure = plan.figure;
    fixed_props(out, figure, shift, paint);
    let moving = |out: &mut String, held: bool| {
        for prop in figure
            .props
            .iter()
            .filter(|p| is_moving(p, plan.hands_apart) && is_held(p) == held)
        {
            still_moving(out, prop, body, shift, paint);
        }
    };
    moving(out, false);
    flat_body(out, figure, body, shift, paint, plan.hands_apart);
    moving(out, true);
}

/// "Start" and "End" under the poses centred at `marks`.
fn start_and_end(out: &mut String, marks: &[f64], width: f64, height: f64) {
    // Text scales with the drawing: size it from the pair's width so that a wide pair
    // squeezed onto a phone stays legible and a narrow one does not shout.
    let size = (width * 0.04).clamp(13.0, 20.0);
    for (mark, text) in marks.iter().zip(["Start", "End"]) {
        let _ = write!(
            out,
            r#"<text x="{}" y="{}" font-size="{}">{text}</text>"#,
            num(*mark),
            num(height - 3.0),
            num(size)
        );
    }
}
