//! Drawing equipment: kit carried in a segment's frame, props that stand still behind the
//! figure, and props that move through the scene on their own (bands, straps, a rolling
//! ball, a bar between hands that are apart), placed per keyframe by a [`Transform`].

use std::fmt::Write;

use super::motion::{Timeline, body_at};
use super::svg::{Paint, Role, dot, num, paint, polyline, xy};
use crate::domain::figure::props::{Grip, HANDS_TOGETHER, PLATE_RADIUS, Place};
use crate::domain::figure::{Body, Figure, Point, Prop, PropKind, Segment, Shape, Side, V2, View};

/// Held kit drawn in a segment's frame: which props, at which spot.
pub fn kit_on(figure: &Figure, segment: Segment, hands_apart: bool) -> Vec<(&Prop, V2)> {
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
pub fn kit(out: &mut String, prop: &Prop, spot: V2, view: View, paint_mode: Paint) {
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

/// Props that stand still: behind the figure.
pub fn fixed_props(out: &mut String, figure: &Figure, shift: V2, mode: Paint) {
    for prop in &figure.props {
        if let Place::Scene { x, height } = prop.place {
            fixed_prop(
                out,
                prop.kind,
                V2::new(x, -height).plus(shift),
                shift.y,
                mode,
            );
        }
    }
}

/// One standing prop whose middle top (a pad's centre) is at `top`, the floor at
/// `floor`, in viewBox units.
fn fixed_prop(out: &mut String, kind: PropKind, top: V2, floor: f64, mode: Paint) {
    let p = paint(mode, Role::Prop, false);
    let filled = paint(mode, Role::PropFill, false);
    let at = |dx: f64, dy: f64| xy(top.plus(V2::new(dx, dy)));
    let half = kind.half_length();
    // A block standing on the floor: steps, boxes and walls.
    let block = |out: &mut String, width: f64, stroke: &str| {
        write!(
            out,
            r#"<path{filled} d="M{} {}V{}h{}V{}z" stroke-width="{stroke}"/>"#,
            num(top.x - width / 2.0),
            num(floor),
            num(top.y),
            num(width),
            num(floor)
        )
    };
    let _ = match kind {
        PropKind::Bench => write!(
            out,
            r#"<path{p} d="M{}h{}" stroke-width="8"/><path{p} d="M{}V{floor}M{}V{floor}" stroke-width="4"/>"#,
            at(4.0 - half, 4.0),
            num(2.0 * half - 8.0),
            at(14.0 - half, 8.0),
            at(half - 14.0, 8.0),
            floor = num(floor),
        ),
        PropKind::Step => block(out, 2.0 * half, "2"),
        // A box with a hand hold cut into its face.
        PropKind::PlyoBox => block(out, 2.0 * half, "2").and_then(|()| {
            write!(
                out,
                r#"<path{p} d="M{}h12" stroke-width="4"/>"#,
                at(-6.0, 9.0)
            )
        }),
        PropKind::Wall => block(out, 6.0, "1"),
        PropKind::Pad => write!(
            out,
            r#"<path{p} d="M{}V{}" stroke-width="4"/><path{p} d="{}" stroke-width="16"/>"#,
            at(0.0, 0.0),
            num(floor),
            dot(top)
        ),
        PropKind::Post => write!(
            out,
            r#"<path{p} d="M{}V{}" stroke-width="5"/>"#,
            xy(V2::new(top.x, floor)),
            num(top.y)
        ),
        PropKind::Ball => write!(
            out,
            r#"<circle{filled} cx="{}" cy="{}" r="{}" stroke-width="2.5"/>"#,
            num(top.x),
            num(floor - BALL),
            num(BALL - 1.0)
        ),
        _ => Ok(()),
    };
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
