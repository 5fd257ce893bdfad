//! Equipment and surfaces: what is drawn besides the body, where it is, and the shapes
//! that contacts rest on. Sizes are in centimetres, coordinates as in
//! [`super::kinematics`] (y down, the floor at 0).

use serde::{Deserialize, Serialize};

use super::kinematics::{Body, Point, V2};
use super::skeleton::{FOREARM, SHIN, Segment, Side, TRUNK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropKind {
    /// A weight bench (or a sofa or low bed): a block 110 cm long, 45 cm high.
    Bench,
    /// An aerobic step or a stair: a block 70 cm long, 18 cm high.
    Step,
    /// A wall, its middle at `x`.
    Wall,
    /// A round pad on a post, as on a back-extension bench: `height` is its centre.
    Pad,
    /// A post or door that a band is tied to.
    Post,
    /// A Swiss ball, 65 cm across, standing at `x` or rolling under a point of the body.
    Ball,
    Barbell,
    /// One dumbbell in each hand named (`hands`), or in one hand.
    Dumbbells,
    Kettlebell,
    MedicineBall,
    /// A machine's padded roller behind the ankle.
    Roller,
    /// An exercise band or tube, stretched between two points.
    Band,
}

impl PropKind {
    pub const ALL: [PropKind; 12] = [
        PropKind::Bench,
        PropKind::Step,
        PropKind::Wall,
        PropKind::Pad,
        PropKind::Post,
        PropKind::Ball,
        PropKind::Barbell,
        PropKind::Dumbbells,
        PropKind::Kettlebell,
        PropKind::MedicineBall,
        PropKind::Roller,
        PropKind::Band,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PropKind::Bench => "bench",
            PropKind::Step => "step",
            PropKind::Wall => "wall",
            PropKind::Pad => "pad",
            PropKind::Post => "post",
            PropKind::Ball => "ball",
            PropKind::Barbell => "barbell",
            PropKind::Dumbbells => "dumbbells",
            PropKind::Kettlebell => "kettlebell",
            PropKind::MedicineBall => "medicine_ball",
            PropKind::Roller => "roller",
            PropKind::Band => "band",
        }
    }

    pub fn from_name(name: &str) -> Option<PropKind> {
        PropKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Default height of things standing in the scene.
    pub fn default_height(self) -> f64 {
        match self {
            PropKind::Bench => 45.0,
            PropKind::Step => 18.0,
            PropKind::Wall => 200.0,
            PropKind::Post => 110.0,
            _ => 0.0,
        }
    }

    /// Half the length of a block.
    pub fn half_length(self) -> f64 {
        match self {
            PropKind::Bench => 55.0,
            PropKind::Step => 35.0,
            PropKind::Wall => 3.0,
            _ => 0.0,
        }
    }

    /// Radius of held kit (for side-view drawing and for keeping it off the floor).
    pub fn held_radius(self) -> f64 {
        match self {
            PropKind::Barbell => PLATE_RADIUS,
            PropKind::Dumbbells => 7.0,
            PropKind::Kettlebell => 10.0,
            PropKind::MedicineBall => 12.0,
            PropKind::Roller => 6.0,
            _ => 0.0,
        }
    }
}

pub const PLATE_RADIUS: f64 = 22.5;
pub const BALL_RADIUS: f64 = 32.5;
pub const PAD_RADIUS: f64 = 8.0;
/// A kettlebell hangs this far below the hand.
pub const KETTLEBELL_DROP: f64 = 13.0;

/// Where held kit sits on the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grip {
    /// Held in both hands: one bar or ball between them, or one dumbbell in each.
    Hands,
    Hand(Side),
    /// A bar across the upper back.
    Back,
    /// A bar across the front of the hips.
    Hips,
    /// Behind the ankle, as a machine's roller.
    Ankle(Side),
}

impl Grip {
    pub fn name(self) -> String {
        match self {
            Grip::Hands => "hands".into(),
            Grip::Hand(s) => format!("{}hand", s.prefix()),
            Grip::Back => "back".into(),
            Grip::Hips => "hips".into(),
            Grip::Ankle(s) => format!("{}ankle", s.prefix()),
        }
    }

    pub fn from_name(name: &str) -> Option<Grip> {
        let all = [
            Grip::Hands,
            Grip::Hand(Side::Left),
            Grip::Hand(Side::Right),
            Grip::Back,
            Grip::Hips,
            Grip::Ankle(Side::Left),
            Grip::Ankle(Side::Right),
        ];
        all.into_iter().find(|g| g.name() == name)
    }

    /// The segment carrying a one-place grip and the spot in its frame. `Hands` is
    /// carried by the left hand (see [`Prop::centres`] for where it really is).
    pub fn local(self) -> (Segment, V2) {
        match self {
            Grip::Hands => Grip::Hand(Side::Left).local(),
            Grip::Hand(s) => (Segment::Forearm(s), V2::new(0.0, FOREARM)),
            Grip::Back => (Segment::Trunk, V2::new(-9.0, 10.0 - TRUNK)),
            Grip::Hips => (Segment::Trunk, V2::new(9.0, -3.0)),
            Grip::Ankle(s) => (Segment::Shin(s), V2::new(-8.0, SHIN - 7.0)),
        }
    }
}

/// One end of a band.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum End {
    Body(Point),
    /// A fixed spot in the scene.
    Fixed(V2),
}

impl End {
    pub fn at(self, body: &Body) -> V2 {
        match self {
            End::Body(point) => body.point(point),
            End::Fixed(spot) => spot,
        }
    }
}

/// Where a prop is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// Standing still at `x` (its middle); `height` as [`PropKind::default_height`] or,
    /// for a pad, the height of its centre.
    Scene {
        x: f64,
        height: f64,
    },
    /// A ball kept under a point of the body as it rolls.
    Under(Point),
    Held(Grip),
    Stretched(End, End),
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Prop {
    pub kind: PropKind,
    pub place: Place,
}

/// A shape that contacts can rest on.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shape {
    Floor,
    /// A solid block from `x0` to `x1`, its top at `top` (negative: above the floor),
    /// standing on the floor.
    Block {
        x0: f64,
        x1: f64,
        top: f64,
    },
    Circle {
        centre: V2,
        radius: f64,
    },
}

impl Shape {
    /// Signed distance from the shape: negative inside.
    pub fn distance(&self, p: V2) -> f64 {
        match *self {
            Shape::Floor => -p.y,
            Shape::Block { x0, x1, top } => {
                let centre = V2::new((x0 + x1) / 2.0, top / 2.0);
                let half = V2::new((x1 - x0) / 2.0, -top / 2.0);
                let qx = (p.x - centre.x).abs() - half.x;
                let qy = (p.y - centre.y).abs() - half.y;
                V2::new(qx.max(0.0), qy.max(0.0)).length() + qx.max(qy).min(0.0)
            }
            Shape::Circle { centre, radius } => p.minus(centre).length() - radius,
        }
    }

    /// The y of the shape's top at `x`, if it has one there.
    pub fn top_at(&self, x: f64) -> Option<f64> {
        match *self {
            Shape::Floor => Some(0.0),
            Shape::Block { x0, x1, top } => (x0..=x1).contains(&x).then_some(top),
            Shape::Circle { centre, radius } => {
                let dx = x - centre.x;
                (dx.abs() < radius).then(|| centre.y - (radius * radius - dx * dx).sqrt())
            }
        }
    }
}

impl Prop {
    /// The surface this prop offers where it stands still, if any.
    pub fn fixed_shape(&self) -> Option<Shape> {
        let Place::Scene { x, height } = self.place else {
            return None;
        };
        let half = self.kind.half_length();
        match self.kind {
            PropKind::Bench | PropKind::Step | PropKind::Wall => Some(Shape::Block {
                x0: x - half,
                x1: x + half,
                top: -height,
            }),
            PropKind::Pad => Some(Shape::Circle {
                centre: V2::new(x, -height),
                radius: PAD_RADIUS,
            }),
            PropKind::Ball => Some(ball_at(x)),
            _ => None,
        }
    }

    /// The surface of a ball rolling under the body, placed for `body`.
    pub fn moving_shape(&self, body: &Body) -> Option<Shape> {
        match self.place {
            Place::Under(point) => Some(ball_at(body.point(point).x)),
            _ => None,
        }
    }

    /// Where held kit is for `body`: one centre, or one per hand for dumbbells in both
    /// hands. Used for drawing and to keep kit off the floor.
    pub fn centres(&self, body: &Body) -> Vec<V2> {
        let Place::Held(grip) = self.place else {
            return Vec::new();
        };
        let spot = |grip: Grip| {
            let (segment, local) = grip.local();
            let mut local = local;
            if self.kind == PropKind::Kettlebell {
                local.y += KETTLEBELL_DROP;
            }
            body.to_world(segment, local)
        };
        match (grip, self.kind) {
            (Grip::Hands, PropKind::Dumbbells | PropKind::Kettlebell) => {
                Side::BOTH.map(|s| spot(Grip::Hand(s))).to_vec()
            }
            (Grip::Hands, _) => {
                let (left, right) = (
                    body.point(Point::Hand(Side::Left)),
                    body.point(Point::Hand(Side::Right)),
                );
                vec![left.lerp(right, 0.5)]
            }
            (grip, _) => vec![spot(grip)],
        }
    }
}

fn ball_at(x: f64) -> Shape {
    Shape::Circle {
        centre: V2::new(x, -BALL_RADIUS),
        radius: BALL_RADIUS,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_are_signed() {
        let block = Shape::Block {
            x0: -10.0,
            x1: 10.0,
            top: -20.0,
        };
        assert!((block.distance(V2::new(0.0, -25.0)) - 5.0).abs() < 1e-9);
        assert!((block.distance(V2::new(15.0, -10.0)) - 5.0).abs() < 1e-9);
        assert!(block.distance(V2::new(0.0, -10.0)) < 0.0);
        assert!((Shape::Floor.distance(V2::new(3.0, -4.0)) - 4.0).abs() < 1e-9);
        let ball = ball_at(0.0);
        assert!(ball.distance(V2::new(0.0, -2.0 * BALL_RADIUS - 3.0)) - 3.0 < 1e-9);
    }

    #[test]
    fn tops_are_found_under_a_point() {
        let step = Shape::Block {
            x0: 0.0,
            x1: 70.0,
            top: -18.0,
        };
        assert_eq!(step.top_at(10.0), Some(-18.0));
        assert_eq!(step.top_at(80.0), None);
        let top = ball_at(0.0).top_at(0.0).expect("over the ball");
        assert!((top + 2.0 * BALL_RADIUS).abs() < 1e-9);
    }
}
