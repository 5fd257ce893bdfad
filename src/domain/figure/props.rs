//! Equipment and surfaces: what is drawn besides the body, where it is, and the shapes
//! that contacts rest on. Sizes are in centimetres, coordinates as in
//! [`super::kinematics`] (y down, the floor at 0).

use serde::{Deserialize, Serialize};

use super::View;
use super::kinematics::{Body, Point, V2};
use super::skeleton::{FOREARM, SHIN, Segment, Side, TRUNK};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PropKind {
    /// A weight bench (or a sofa or low bed): a block 110 cm long, 45 cm high.
    Bench,
    /// An aerobic step or a stair: a block 70 cm long, 18 cm high.
    Step,
    /// A plyometric box to jump onto: a block 60 cm long, 45 cm high, with a hand hold.
    PlyoBox,
    /// A wall, its middle at `x`.
    Wall,
    /// A round pad on a post, as on a back-extension bench: `height` is its centre.
    Pad,
    /// A post or door that a band or strap is tied to, or a banister to hold.
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
    /// A strap that does not stretch (a luggage or yoga strap), between two points.
    Strap,
}

impl PropKind {
    pub const ALL: [PropKind; 14] = [
        PropKind::Bench,
        PropKind::Step,
        PropKind::PlyoBox,
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
        PropKind::Strap,
    ];

    pub fn name(self) -> &'static str {
        match self {
            PropKind::Bench => "bench",
            PropKind::Step => "step",
            PropKind::PlyoBox => "plyo_box",
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
            PropKind::Strap => "strap",
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
            PropKind::PlyoBox => 45.0,
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
            PropKind::PlyoBox => 30.0,
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
/// Hands closer than this hold kit as one: a bar or bell is carried by the near hand.
pub const HANDS_TOGETHER: f64 = 1.5;
/// A kettlebell hangs this far below the hand.
pub const KETTLEBELL_DROP: f64 = 13.0;
/// Kit hugged to the chest is gripped this far in front of the trunk's centre line and
/// this far below the base of the neck (a kettlebell then hangs against the breastbone).
pub const CHEST_AHEAD: f64 = 16.0;
pub const CHEST_BELOW_NECK: f64 = 5.0;

/// Where held kit sits on the body.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grip {
    /// Held in both hands: one bar, ball or kettlebell between them, or one dumbbell in
    /// each.
    Hands,
    Hand(Side),
    /// A bar across the upper back.
    Back,
    /// A bar across the front of the hips.
    Hips,
    /// Hugged against the chest, as a goblet squat holds a kettlebell by its horns.
    Chest,
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
            Grip::Chest => "chest".into(),
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
            Grip::Chest,
            Grip::Ankle(Side::Left),
            Grip::Ankle(Side::Right),
        ];
        all.into_iter().find(|g| g.name() == name)
    }

    /// The segment carrying a one-place grip and the spot in its frame. `Hands` is
    /// carried by the left hand (see [`Prop::centres`] for where it really is). Kit on
    /// the trunk sits behind or in front of it from the side, and on its midline from
    /// the front.
    pub fn local(self, view: View) -> (Segment, V2) {
        let ahead = |x: f64| if view == View::Side { x } else { 0.0 };
        match self {
            Grip::Hands => Grip::Hand(Side::Left).local(view),
            Grip::Hand(s) => (Segment::Forearm(s), V2::new(0.0, FOREARM)),
            Grip::Back => (Segment::Trunk, V2::new(ahead(-9.0), 10.0 - TRUNK)),
            Grip::Hips => (Segment::Trunk, V2::new(ahead(9.0), -3.0)),
            Grip::Chest => (
                Segment::Trunk,
                V2::new(ahead(CHEST_AHEAD), CHEST_BELOW_NECK - TRUNK),
            ),
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
            PropKind::Bench | PropKind::Step | PropKind::PlyoBox | PropKind::Wall => {
                Some(Shape::Block {
                    x0: x - half,
                    x1: x + half,
                    top: -height,
                })
            }
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
            let (segment, local) = grip.local(body.view);
            let mut local = local;
            if self.kind == PropKind::Kettlebell {
                local.y += KETTLEBELL_DROP;
            }
            body.to_world(segment, local)
        };
        let (left, right) = (
            body.point(Point::Hand(Side::Left)),
            body.point(Point::Hand(Side::Right)),
        );
        match (grip, self.kind) {
            (Grip::Hands, PropKind::Dumbbells) => Side::BOTH.map(|s| spot(Grip::Hand(s))).to_vec(),
            // One bell in both hands hangs from the near hand while they are together,
            // and straight down from between them when they are apart.
            (Grip::Hands, PropKind::Kettlebell) if left.minus(right).length() <= HANDS_TOGETHER => {
                vec![spot(Grip::Hands)]
            }
            (Grip::Hands, PropKind::Kettlebell) => {
                vec![left.lerp(right, 0.5).plus(V2::new(0.0, KETTLEBELL_DROP))]
            }
            (Grip::Hands, _) => vec![left.lerp(right, 0.5)],
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

    #[test]
    fn a_plyo_box_is_a_block_to_land_on_and_a_strap_is_stretched() {
        let plyo = Prop {
            kind: PropKind::PlyoBox,
            place: Place::Scene {
                x: 50.0,
                height: PropKind::PlyoBox.default_height(),
            },
        };
        let shape = plyo.fixed_shape().expect("a surface");
        assert_eq!(shape.top_at(50.0), Some(-45.0));
        assert_eq!(shape.top_at(79.0), Some(-45.0));
        assert_eq!(shape.top_at(81.0), None);
        for kind in [PropKind::PlyoBox, PropKind::Strap] {
            assert_eq!(PropKind::from_name(kind.name()), Some(kind));
        }
        assert_eq!(PropKind::from_name("plyo_box"), Some(PropKind::PlyoBox));
    }

    fn held(kind: PropKind, grip: Grip) -> Prop {
        Prop {
            kind,
            place: Place::Held(grip),
        }
    }

    #[test]
    fn a_kettlebell_in_both_hands_is_one_bell_and_dumbbells_are_two() {
        use crate::domain::figure::skeleton::{Angles, Joint, LimbJoint};
        let mut angles = Angles::default();
        for side in Side::BOTH {
            angles.set(Joint::Limb(side, LimbJoint::Shoulder), 90.0);
        }
        let body = Body::new(View::Side, &angles, V2::default());
        let bell = held(PropKind::Kettlebell, Grip::Hands).centres(&body);
        // Arms level in front: the bell continues the line of the arms.
        let hand = body.point(Point::Hand(Side::Left));
        assert_eq!(bell.len(), 1);
        assert!(
            bell[0]
                .minus(hand.plus(V2::new(KETTLEBELL_DROP, 0.0)))
                .length()
                < 1e-9
        );
        assert_eq!(
            held(PropKind::Dumbbells, Grip::Hands).centres(&body).len(),
            2
        );
        // From the front the hands are apart: the bell hangs from between them.
        let front = Body::new(View::Front, &Angles::default(), V2::default());
        let bell = held(PropKind::Kettlebell, Grip::Hands).centres(&front);
        let below = front
            .point(Point::Hand(Side::Left))
            .lerp(front.point(Point::Hand(Side::Right)), 0.5);
        assert!(
            bell[0]
                .minus(below.plus(V2::new(0.0, KETTLEBELL_DROP)))
                .length()
                < 1e-9
        );
    }

    #[test]
    fn kit_hugged_to_the_chest_is_in_front_from_the_side_and_centred_from_the_front() {
        let (segment, spot) = Grip::Chest.local(View::Side);
        assert_eq!(segment, Segment::Trunk);
        assert!(spot.x > 0.0 && spot.y < -TRUNK / 2.0, "{spot:?}");
        assert_eq!(Grip::Chest.local(View::Front).1.x, 0.0);
        assert_eq!(Grip::from_name("chest"), Some(Grip::Chest));
        let upright = Body::new(View::Side, &Default::default(), V2::default());
        let bell = held(PropKind::Kettlebell, Grip::Chest).centres(&upright)[0];
        let neck = upright.point(Point::Neck);
        assert!(
            bell.x > neck.x && bell.y > neck.y,
            "in front of the chest: {bell:?}"
        );
    }
}
