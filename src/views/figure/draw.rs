//! Drawing a body and its props: nested `<g>` groups for the animated figure (each joint
//! rotates about its parent, so CSS keyframes need only rotations), or absolute paths for
//! stills. One style: limbs are thick round-capped strokes, the head a dot, far-side limbs
//! behind in a lighter tone, working segments in the accent colour.

use std::fmt::Write;

use super::motion::{Timeline, body_at};
use super::svg::{Paint, Role, dot, num, num3, paint, polyline, xy};
use crate::domain::figure::kinematics::{
    SEGMENTS, arm_twist, foot_ends, parent, relative_rotation,
};
use crate::domain::figure::props::{Grip, HANDS_TOGETHER, PLATE_RADIUS, Place};
use crate::domain::figure::skeleton::{FOREARM, HEAD_RADIUS, NECK, SHIN, THIGH, TRUNK, UPPER_ARM};
use crate::domain::figure::{Body, Figure, Point, Prop, PropKind, Segment, Shape, Side, V2, View};

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

/// Held kit drawn in a segment's frame: which props, at which spot.
fn kit_on(figure: &Figure, segment: Segment, hands_apart: bool) -> Vec<(&Prop, V2)> {
    let mut found = Vec::new();
    for prop in &figure.props {
        let Place::Held(grip) = prop.place else {
            continue;
        };
        let grips: Vec<Grip> = match grip {
            Grip::Hands if prop.kind == PropKind::Dumbbells => Side::BOTH.map(Grip::Hand).to_vec(),
            Grip::Hands if hands_apart => Vec::new(),
            other => vec![other],
        };
        for grip in grips {
            let (carrier, spot) = grip.local(figure.view);
            if carrier == segment {
                found.push((prop, spot));
            }
        }
    }
    found
}

/// Markup of held kit at `spot` in the current frame.
fn kit(out: &mut String, prop: &Prop, spot: V2, view: View, paint_mode: Paint) {
    let p = paint(paint_mode, Role::Prop, false);
    let (x, y) = (num(spot.x), num(spot.y));
    let _ = match prop.kind {
        PropKind::Barbell if view == View::Front => write!(
            out,
            r#"<path{p} d="M{} {y}h150" stroke-width="3"/><path{p} d="M{} {}v45m140 0v-45" stroke-width="7"/>"#,
            num(spot.x - 75.0),
            num(spot.x - 70.0),
            num(spot.y - PLATE_RADIUS),
        ),
        PropKind::Barbell => write!(
            out,
            r#"<circle{p} cx="{x}" cy="{y}" r="{}" stroke-width="4"/><path{p} d="{}" stroke-width="7"/>"#,
            num(PLATE_RADIUS - 2.0),
            dot(spot)
        ),
        PropKind::Dumbbells => write!(
            out,
            r#"<path{p} d="M{} {y}h16" stroke-width="3"/><path{p} d="M{} {}v10m16 0v-10" stroke-width="6"/>"#,
            num(spot.x - 8.0),
            num(spot.x - 8.0),
            num(spot.y - 5.0)
        ),
        PropKind::Kettlebell => write!(
            out,
            r#"<path{p} d="M{x} {}v-9" stroke-width="3"/><path{p} d="{}" stroke-width="20"/>"#,
            num(spot.y + 13.0),
            dot(V2::new(spot.x, spot.y + 13.0))
        ),
        PropKind::MedicineBall => write!(out, r#"<path{p} d="{}" stroke-width="24"/>"#, dot(spot)),
        PropKind::Roller => write!(out, r#"<path{p} d="{}" stroke-width="12"/>"#, dot(spot)),
        _ => Ok(()),
    };
}

/// Whether a bar or ball held in both hands must be placed between the hands (they are
/// apart at some moment) rather than carried by the near hand.
pub fn hands_apart(figure: &Figure, timeline: &Timeline) -> bool {
    timeline.stops().into_iter().any(|stop| {
        let body = body_at(figure, stop);
        body.point(Point::Hand(Side::Left))
            .minus(body.point(Point::Hand(Side::Right)))
            .length()
            > HANDS_TOGETHER
    })
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
    let view = figure.view;
    let mut order = Vec::new();
    collect_order(view, Segment::Trunk, &mut order);
    // A far limb hidden exactly behind its near twin (a symmetric pose) is left out.
    let hidden = |segment: Segment| {
        let twin = match segment {
            Segment::UpperArm(Side::Right) => Segment::UpperArm(Side::Left),
            Segment::Forearm(Side::Right) => Segment::Forearm(Side::Left),
            Segment::Thigh(Side::Right) => Segment::Thigh(Side::Left),
            Segment::Shin(Side::Right) => Segment::Shin(Side::Left),
            Segment::Foot(Side::Right) => Segment::Foot(Side::Left),
            _ => return false,
        };
        let ends = |s: Segment| {
            let (a, b) = (body.frame(s), body.to_world(s, strokes(view, s)[0].0[1]));
            (a.origin, b)
        };
        let ((a, b), (c, d)) = (ends(segment), ends(twin));
        a.minus(c).length() < 0.5 && b.minus(d).length() < 0.5
    };
    let (far, near): (Vec<Segment>, Vec<Segment>) = order
        .into_iter()
        .filter(|s| !is_far(view, *s) || !hidden(*s))
        .partition(|s| is_far(view, *s));
    let draw = |out: &mut String, segments: Vec<Segment>| {
        let mut paths: Vec<(String, f64, String)> = Vec::new();
        let mut kits = String::new();
        for segment in segments {
            let map = |p| body.to_world(segment, p).plus(shift);
            for (class, width, d) in segment_strokes(figure, segment, map, mode) {
                match paths
                    .iter_mut()
                    .find(|(c, w, _)| *c == class && *w == width)
                {
                    Some((_, _, path)) => path.push_str(&d),
                    None => paths.push((class, width, d)),
                }
            }
            let frame = body.frame(segment);
            for (prop, spot) in kit_on(figure, segment, hands_apart) {
                let _ = write!(
                    kits,
                    r#"<g transform="translate({}) rotate({})">"#,
                    xy(frame.origin.plus(shift)),
                    num(frame.rotation)
                );
                kit(&mut kits, prop, spot, view, mode);
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
    };
    if !far.is_empty() {
        let _ = write!(out, "<g{}>", paint(mode, Role::Far, true));
        draw(out, far);
        out.push_str("</g>");
    }
    draw(out, near);
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

/// Props that stand still: behind the figure.
pub fn fixed_props(out: &mut String, figure: &Figure, shift: V2, mode: Paint) {
    let p = paint(mode, Role::Prop, false);
    let filled = paint(mode, Role::PropFill, false);
    for prop in &figure.props {
        let Place::Scene { x, height } = prop.place else {
            continue;
        };
        let at = |dx: f64, y: f64| xy(V2::new(x + dx, y).plus(shift));
        let half = prop.kind.half_length();
        let _ = match prop.kind {
            PropKind::Bench => write!(
                out,
                r#"<path{p} d="M{}H{}" stroke-width="8"/><path{p} d="M{}V{}M{}V{}" stroke-width="4"/>"#,
                at(4.0 - half, 4.0 - height),
                num(x + half - 4.0 + shift.x),
                at(14.0 - half, 8.0 - height),
                num(shift.y),
                at(half - 14.0, 8.0 - height),
                num(shift.y),
            ),
            PropKind::Step => write!(
                out,
                r#"<path{filled} d="M{}V{}H{}V{}z" stroke-width="2"/>"#,
                at(-half, 0.0),
                num(shift.y - height),
                num(x + half + shift.x),
                num(shift.y),
            ),
            // A block with a hand hold cut into its face.
            PropKind::PlyoBox => write!(
                out,
                r#"<path{filled} d="M{}V{}H{}V{}z" stroke-width="2"/><path{p} d="M{}h12" stroke-width="4"/>"#,
                at(-half, 0.0),
                num(shift.y - height),
                num(x + half + shift.x),
                num(shift.y),
                at(-6.0, 9.0 - height),
            ),
            PropKind::Wall => write!(
                out,
                r#"<path{filled} d="M{}V{}h6V{}z" stroke-width="1"/>"#,
                at(-3.0, 0.0),
                num(shift.y - height),
                num(shift.y)
            ),
            PropKind::Pad => write!(
                out,
                r#"<path{p} d="M{}V{}" stroke-width="4"/><path{p} d="{}" stroke-width="16"/>"#,
                at(0.0, -height),
                num(shift.y),
                dot(V2::new(x, -height).plus(shift))
            ),
            PropKind::Post => write!(
                out,
                r#"<path{p} d="M{}V{}" stroke-width="5"/>"#,
                at(0.0, 0.0),
                num(shift.y - height)
            ),
            PropKind::Ball => write!(
                out,
                r#"<circle{filled} cx="{}" cy="{}" r="{}" stroke-width="2.5"/>"#,
                num(x + shift.x),
                num(shift.y - BALL),
                num(BALL - 1.0)
            ),
            _ => Ok(()),
        };
    }
}

const BALL: f64 = crate::domain::figure::props::BALL_RADIUS;

/// A prop that moves through the scene on its own (not carried by one segment): a band,
/// a rolling ball, or a bar or ball held between hands that are apart. Its markup at
/// the origin, drawn under `transform`.
pub fn is_moving(prop: &Prop, hands_apart: bool) -> bool {
    match prop.place {
        Place::Stretched(..) | Place::Under(_) => true,
        Place::Held(Grip::Hands) => hands_apart && prop.kind != PropKind::Dumbbells,
        _ => false,
    }
}

/// Where a moving prop is for `body`.
pub fn moving_transform(prop: &Prop, body: &Body, shift: V2) -> Transform {
    match prop.place {
        Place::Stretched(a, b) => {
            let (a, b) = (a.at(body), b.at(body));
            let d = b.minus(a);
            Transform {
                at: a.plus(shift),
                turn: Some((-d.x).atan2(d.y).to_degrees()),
                stretch: Some(d.length().max(0.1)),
            }
        }
        Place::Under(_) => {
            let centre = match prop.moving_shape(body) {
                Some(Shape::Circle { centre, .. }) => centre,
                _ => V2::default(),
            };
            Transform {
                at: centre.plus(shift),
                turn: None,
                stretch: None,
            }
        }
        _ => {
            let (left, right) = (
                body.point(Point::Hand(Side::Left)),
                body.point(Point::Hand(Side::Right)),
            );
            let d = left.minus(right);
            Transform {
                at: left.lerp(right, 0.5).plus(shift),
                turn: Some(d.y.atan2(d.x).to_degrees()),
                stretch: None,
            }
        }
    }
}

/// A translation, an optional rotation and an optional stretch along y, written the
/// same way at every keyframe so that CSS interpolates each part.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Transform {
    pub at: V2,
    pub turn: Option<f64>,
    pub stretch: Option<f64>,
}

impl Transform {
    /// As an SVG `transform` attribute.
    pub fn attr(&self) -> String {
        let mut out = format!("translate({})", xy(self.at));
        if let Some(turn) = self.turn {
            let _ = write!(out, " rotate({})", num(turn));
        }
        if let Some(stretch) = self.stretch {
            let _ = write!(out, " scale(1 {})", num(stretch));
        }
        out
    }

    /// As a CSS `transform` value.
    pub fn css(&self) -> String {
        let mut out = format!("translate({}px,{}px)", num(self.at.x), num(self.at.y));
        if let Some(turn) = self.turn {
            let _ = write!(out, " rotate({}deg)", num(turn));
        }
        if let Some(stretch) = self.stretch {
            let _ = write!(out, " scale(1,{})", num(stretch));
        }
        out
    }
}

/// The markup of a moving prop, at the origin of its own group.
pub fn moving_markup(out: &mut String, prop: &Prop, view: View, mode: Paint) {
    match prop.kind {
        PropKind::Band | PropKind::Strap => {
            let (role, width) = stretched_style(prop.kind);
            let _ = write!(
                out,
                r#"<path{} d="M0 0v1" stroke-width="{width}" vector-effect="non-scaling-stroke"/>"#,
                paint(mode, role, false)
            );
        }
        PropKind::Ball => {
            let _ = write!(
                out,
                r#"<circle{} r="{}" stroke-width="2.5"/>"#,
                paint(mode, Role::PropFill, false),
                num(BALL - 1.0)
            );
        }
        _ => kit(out, prop, V2::default(), view, mode),
    }
}

/// How a stretched prop is drawn, moving: a band thin in the band colour, a strap that
/// does not stretch wider in the equipment colour. Stills draw each a unit thinner.
fn stretched_style(kind: PropKind) -> (Role, f64) {
    match kind {
        PropKind::Strap => (Role::Prop, 3.5),
        _ => (Role::Band, 2.5),
    }
}

/// A moving prop drawn still, for `body`.
pub fn still_moving(out: &mut String, prop: &Prop, body: &Body, shift: V2, mode: Paint) {
    if let Place::Stretched(a, b) = prop.place {
        let (role, width) = stretched_style(prop.kind);
        let _ = write!(
            out,
            r#"<path{} d="{}" stroke-width="{}"/>"#,
            paint(mode, role, false),
            polyline(&[a.at(body).plus(shift), b.at(body).plus(shift)]),
            width - 1.0
        );
        return;
    }
    let _ = write!(
        out,
        r#"<g transform="{}">"#,
        moving_transform(prop, body, shift).attr()
    );
    moving_markup(out, prop, body.view, mode);
    out.push_str("</g>");
}

/// The extent of everything drawn, in scene centimetres.
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub min: V2,
    pub max: V2,
}

impl Bounds {
    pub fn new() -> Self {
        Self {
            min: V2::new(f64::INFINITY, 0.0),
            max: V2::new(f64::NEG_INFINITY, 0.0),
        }
    }

    pub fn include(&mut self, p: V2, r: f64) {
        self.min = V2::new(self.min.x.min(p.x - r), self.min.y.min(p.y - r));
        self.max = V2::new(self.max.x.max(p.x + r), self.max.y.max(p.y + r));
    }

    pub fn body(&mut self, figure: &Figure, body: &Body) {
        for point in Point::all() {
            self.include(body.point(point), point.radius());
        }
        for prop in &figure.props {
            let reach = match (prop.kind, figure.view) {
                (PropKind::Barbell, View::Front) => 78.0,
                (kind, _) => {
                    kind.held_radius()
                        + if kind == PropKind::Kettlebell {
                            13.0
                        } else {
                            0.0
                        }
                }
            };
            for centre in prop.centres(body) {
                self.include(centre, reach);
            }
            match prop.place {
                Place::Stretched(a, b) => {
                    self.include(a.at(body), 2.0);
                    self.include(b.at(body), 2.0);
                }
                Place::Under(_) => {
                    if let Some(Shape::Circle { centre, radius }) = prop.moving_shape(body) {
                        self.include(centre, radius + 2.0);
                    }
                }
                _ => {}
            }
        }
    }

    /// Props standing still; the floor's own line only spans what else is drawn.
    pub fn fixed_props(&mut self, figure: &Figure) {
        for prop in &figure.props {
            let Place::Scene { x, height } = prop.place else {
                continue;
            };
            let half = prop.kind.half_length();
            let (top, r) = match prop.kind {
                PropKind::Pad => (-height, 9.0),
                PropKind::Ball => (-BALL, BALL + 2.0),
                _ => (-height, 2.0),
            };
            self.include(V2::new(x - half, top), r);
            self.include(V2::new(x + half, 0.0), r);
        }
    }

    /// The shift from scene to viewBox and the box's size, with a margin.
    pub fn frame(&self, margin: f64) -> (V2, f64, f64) {
        let shift = V2::new(margin - self.min.x, margin - self.min.y).scale(1.0);
        let width = (self.max.x - self.min.x + 2.0 * margin).ceil();
        let height = (self.max.y.max(1.5) - self.min.y + 2.0 * margin).ceil();
        (V2::new(shift.x.round(), shift.y.round()), width, height)
    }
}

impl Default for Bounds {
    fn default() -> Self {
        Self::new()
    }
}
