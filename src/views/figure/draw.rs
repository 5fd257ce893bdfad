//! Drawing a body: nested `<g>` groups for the animated figure (each joint rotates about
//! its parent, so CSS keyframes need only rotations), or absolute paths for stills. One
//! style: limbs are thick round-capped strokes, the head a dot, far-side limbs behind in a
//! lighter tone, working segments in the accent colour.

use std::fmt::Write;

use super::kit::{kit, kit_on};
use super::svg::{Paint, Role, dot, num, num3, paint, polyline, xy};
use crate::domain::figure::kinematics::{
    SEGMENTS, arm_twist, foot_ends, parent, relative_rotation,
};
use crate::domain::figure::skeleton::{FOREARM, HEAD_RADIUS, NECK, SHIN, THIGH, TRUNK, UPPER_ARM};
use crate::domain::figure::{Body, Figure, Segment, Side, V2, View};

/// Index of a segment in [`SEGMENTS`]: its joint class is `j{index}`.
pub fn segment_index(segment: Segment) -> usize {
    SEGMENTS
        .iter()
        .position(|s| *s == segment)
        .unwrap_or_default()
}

/// The strokes of a segment in its own frame: a polyline (one point: a dot) and width.
fn strokes(view: View, segment: Segment) -> Vec<(Vec<V2>, f64)> {
    let line = |length: f64| vec![V2::default(), V2::new(0.0, length)];
    let width = segment.width();
    match segment {
        Segment::Trunk => vec![(line(-TRUNK), width)],
        Segment::Head => vec![
            (line(-NECK + HEAD_RADIUS / 2.0), width),
            (vec![V2::new(0.0, -NECK)], 2.0 * HEAD_RADIUS),
        ],
        Segment::UpperArm(_) => vec![(line(UPPER_ARM), width)],
        Segment::Forearm(_) => vec![(line(FOREARM), width)],
        Segment::Thigh(_) => vec![(line(THIGH), width)],
        Segment::Shin(_) => vec![(line(SHIN), width)],
        Segment::Foot(side) => {
            let (heel, toe) = foot_ends(view, side);
            vec![(vec![heel, toe], width)]
        }
    }
}

fn d_of(points: &[V2]) -> String {
    match points {
        [single] => dot(*single),
        _ => polyline(points),
    }
}

/// The side drawn behind, lighter: the right side in the side view; none from the front.
pub fn is_far(view: View, segment: Segment) -> bool {
    view == View::Side && segment.side() == Some(Side::Right)
}

/// Children of a segment, in drawing order (behind first).
fn children(view: View, segment: Segment) -> Vec<Segment> {
    match segment {
        Segment::Trunk => {
            let (near, far) = match view {
                View::Side => (Side::Left, Side::Right),
                View::Front => (Side::Right, Side::Left),
            };
            let mut order = vec![Segment::UpperArm(far), Segment::Thigh(far)];
            if view == View::Front {
                return vec![
                    Segment::Thigh(far),
                    Segment::Thigh(near),
                    Segment::Head,
                    Segment::UpperArm(far),
                    Segment::UpperArm(near),
                ];
            }
            order.extend([Segment::Head, Segment::Thigh(near), Segment::UpperArm(near)]);
            order
        }
        Segment::UpperArm(s) => vec![Segment::Forearm(s)],
        Segment::Thigh(s) => vec![Segment::Shin(s)],
        Segment::Shin(s) => vec![Segment::Foot(s)],
        _ => Vec::new(),
    }
}

/// Segment path markup: `<path d=… stroke-width=…/>`, with the working class.
fn segment_paths(
    out: &mut String,
    figure: &Figure,
    segment: Segment,
    map: impl Fn(V2) -> V2,
    mode: Paint,
) {
    for (class, width, d) in segment_strokes(figure, segment, map, mode) {
        let _ = write!(
            out,
            r#"<path{class} d="{d}" stroke-width="{}"/>"#,
            num(width)
        );
    }
}

/// A segment's strokes as `(class attribute, width, path data)`.
fn segment_strokes(
    figure: &Figure,
    segment: Segment,
    map: impl Fn(V2) -> V2,
    mode: Paint,
) -> Vec<(String, f64, String)> {
    let working = figure.is_working(segment) && segment != Segment::Head;
    let far = is_far(figure.view, segment);
    strokes(figure.view, segment)
        .into_iter()
        .map(|(points, width)| {
            let points: Vec<V2> = points.into_iter().map(&map).collect();
            let class = if working {
                paint(mode, Role::Working, far)
            } else {
                String::new()
            };
            (class, width, d_of(&points))
        })
        .collect()
}

/// The body as nested groups, placed as `body` (the start pose). Segments whose index is
/// in `animated` get their joint class, for the keyframes to turn them.
pub struct Nested<'a> {
    pub figure: &'a Figure,
    pub mode: Paint,
    pub animated: [bool; 12],
    pub hands_apart: bool,
    pub shift: V2,
    /// Whether the chest turns in some pose: arms then sit in a wrapper that
    /// foreshortens them (class `x{index}`, see [`arm_twist`]).
    pub twisted: bool,
}

impl Nested<'_> {
    pub fn body(&self, out: &mut String, body: &Body) {
        let root = body.frame(Segment::Trunk);
        let class = if self.animated[0] {
            r#" class="j0""#
        } else {
            ""
        };
        let _ = write!(
            out,
            r#"<g{class} transform="translate({}) rotate({})">"#,
            xy(root.origin.plus(self.shift)),
            num(root.rotation)
        );
        self.contents(out, Segment::Trunk);
        out.push_str("</g>");
    }

    fn contents(&self, out: &mut String, segment: Segment) {
        let figure = self.figure;
        let view = figure.view;
        let kids = children(view, segment);
        let (behind, front): (Vec<_>, Vec<_>) = if segment == Segment::Trunk {
            let split = kids.iter().position(|s| *s == Segment::Head).unwrap_or(0);
            (kids[..split].to_vec(), kids[split..].to_vec())
        } else {
            (Vec::new(), kids)
        };
        for child in behind {
            self.child(out, child);
        }
        segment_paths(out, figure, segment, |p| p, self.mode);
        for child in front {
            self.child(out, child);
        }
        for (prop, spot) in kit_on(figure, segment, self.hands_apart) {
            kit(out, prop, spot, view, self.mode);
        }
    }

    /// A child group, inside its twist wrapper if it is an arm of a twisting figure.
    fn child(&self, out: &mut String, segment: Segment) {
        let Segment::UpperArm(side) = segment else {
            return self.group(out, segment);
        };
        if !self.twisted {
            return self.group(out, segment);
        }
        let (shift, scale) = arm_twist(self.figure.view, &self.figure.poses[0].angles, side);
        let _ = write!(
            out,
            r#"<g class="x{}" transform="translate({} 0) scale({} 1)">"#,
            segment_index(segment),
            num(shift),
            num3(scale)
        );
        self.group(out, segment);
        out.push_str("</g>");
    }

    fn group(&self, out: &mut String, segment: Segment) {
        let view = self.figure.view;
        let Some((_, offset)) = parent(view, segment) else {
            return;
        };
        let turn = relative_rotation(view, &self.figure.poses[0].angles, segment);
        let far = if is_far(view, segment) && !is_far(view, parent_of(view, segment)) {
            paint(self.mode, Role::Far, true)
        } else {
            String::new()
        };
        let moved = offset != V2::default();
        let index = segment_index(segment);
        let translate = if moved {
            format!("translate({}) ", xy(offset))
        } else {
            String::new()
        };
        if self.animated[index] {
            if moved {
                let _ = write!(out, r#"<g{far} transform="{}">"#, translate.trim_end());
                let _ = write!(
                    out,
                    r#"<g class="j{index}" transform="rotate({})">"#,
                    num(turn)
                );
            } else {
                let class = if far.is_empty() {
                    format!(r#" class="j{index}""#)
                } else {
                    far.replacen("class=\"", &format!("class=\"j{index} "), 1)
                };
                let _ = write!(out, r#"<g{class} transform="rotate({})">"#, num(turn));
            }
        } else {
            let _ = write!(
                out,
                r#"<g{far} transform="{translate}rotate({})">"#,
                num(turn)
            );
        }
        self.contents(out, segment);
        out.push_str(if self.animated[index] && moved {
            "</g></g>"
        } else {
            "</g>"
        });
    }
}

fn parent_of(view: View, segment: Segment) -> Segment {
    parent(view, segment).map_or(Segment::Trunk, |(p, _)| p)
}

/// The body as absolute paths: for stills. Strokes of one colour and width share a path
/// (they draw the same whichever comes first), far limbs first in one lighter group.
pub fn flat_body(
    out: &mut String,
    figure: &Figure,
    body: &Body,
    shift: V2,
    mode: Paint,
    hands_apart: bool,
) {
    let flat = Flat {
        figure,
        body,
        shift,
        mode,
        hands_apart,
    };
    let view = figure.view;
    let mut order = Vec::new();
    collect_order(view, Segment::Trunk, &mut order);
    let (far, near): (Vec<Segment>, Vec<Segment>) = order
        .into_iter()
        .filter(|s| !is_far(view, *s) || !flat.hidden(*s))
        .partition(|s| is_far(view, *s));
    if !far.is_empty() {
        let _ = write!(out, "<g{}>", paint(mode, Role::Far, true));
        flat.segments(out, far);
        out.push_str("</g>");
    }
    flat.segments(out, near);
}

/// A body drawn still, with what it needs to draw each segment.
struct Flat<'a> {
    figure: &'a Figure,
    body: &'a Body,
    shift: V2,
    mode: Paint,
    hands_apart: bool,
}

impl Flat<'_> {
    /// Whether a far limb is hidden exactly behind its near twin (a symmetric pose), so
    /// that it can be left out.
    fn hidden(&self, segment: Segment) -> bool {
        let twin = match segment {
            Segment::UpperArm(Side::Right) => Segment::UpperArm(Side::Left),
            Segment::Forearm(Side::Right) => Segment::Forearm(Side::Left),
            Segment::Thigh(Side::Right) => Segment::Thigh(Side::Left),
            Segment::Shin(Side::Right) => Segment::Shin(Side::Left),
            Segment::Foot(Side::Right) => Segment::Foot(Side::Left),
            _ => return false,
        };
        let view = self.figure.view;
        let ends = |s: Segment| {
            let tip = self.body.to_world(s, strokes(view, s)[0].0[1]);
            (self.body.frame(s).origin, tip)
        };
        let ((a, b), (c, d)) = (ends(segment), ends(twin));
        a.minus(c).length() < 0.5 && b.minus(d).length() < 0.5
    }

    /// The segments' strokes, one path per colour and width, then the kit they carry.
    fn segments(&self, out: &mut String, segments: Vec<Segment>) {
        let (figure, body, shift) = (self.figure, self.body, self.shift);
        let mut paths: Vec<(String, f64, String)> = Vec::new();
        let mut kits = String::new();
        for segment in segments {
            let map = |p| body.to_world(segment, p).plus(shift);
            for (class, width, d) in segment_strokes(figure, segment, map, self.mode) {
                match paths
                    .iter_mut()
                    .find(|(c, w, _)| *c == class && *w == width)
                {
                    Some((_, _, path)) => path.push_str(&d),
                    None => paths.push((class, width, d)),
                }
            }
            let frame = body.frame(segment);
            for (prop, spot) in kit_on(figure, segment, self.hands_apart) {
                let _ = write!(
                    kits,
                    r#"<g transform="translate({}) rotate({})">"#,
                    xy(frame.origin.plus(shift)),
                    num(frame.rotation)
                );
                kit(&mut kits, prop, spot, figure.view, self.mode);
                kits.push_str("</g>");
            }
        }
        for (class, width, d) in paths {
            let _ = write!(
                out,
                r#"<path{class} d="{d}" stroke-width="{}"/>"#,
                num(width)
            );
        }
        out.push_str(&kits);
    }
}

fn collect_order(view: View, segment: Segment, order: &mut Vec<Segment>) {
    let kids = children(view, segment);
    if segment == Segment::Trunk {
        let split = kids.iter().position(|s| *s == Segment::Head).unwrap_or(0);
        for kid in &kids[..split] {
            collect_order(view, *kid, order);
        }
        order.push(segment);
        for kid in &kids[split..] {
            collect_order(view, *kid, order);
        }
        return;
    }
    order.push(segment);
    for kid in kids {
        collect_order(view, kid, order);
    }
}
