//! The extent of a drawing: everything a figure draws over its animation, in scene
//! centimetres, and the frame that fits it.

use crate::domain::figure::props::{BALL_RADIUS, Place};
use crate::domain::figure::{Body, Figure, Point, PropKind, Shape, V2, View};

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
                PropKind::Ball => (-BALL_RADIUS, BALL_RADIUS + 2.0),
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
