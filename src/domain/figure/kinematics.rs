//! Forward kinematics: a pose's angles become the position and rotation of every segment
//! and the position of every named point of the body.
//!
//! Coordinates are the SVG ones, in centimetres: x to the right, y *down*, the floor at
//! y = 0 (so a point 30 cm above the floor has y = -30). Rotations are in degrees,
//! clockwise on screen, as SVG's `rotate()`. Each segment has a frame whose origin is the
//! joint it hangs from; a limb segment points along its frame's +y (down when at rest),
//! the trunk along -y (up). So a drawing can nest one `<g>` per segment, each rotating
//! about its parent joint by exactly [`relative_rotation`].

use serde::{Deserialize, Serialize};

use super::View;
use super::skeleton::{
    Angles, BALL, BLADES, FOOT_DROP, FOREARM, FRONT_BALL, FRONT_HEEL, HEAD_RADIUS, HEEL,
    HIP_HALF_WIDTH, Joint, LimbJoint, NECK, SHIN, SHOULDER_HALF_WIDTH, Segment, Side, THIGH, TRUNK,
    TRUNK_WIDTH, UPPER_ARM,
};

/// A position in centimetres (SVG axes: y down, floor at 0).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct V2 {
    pub x: f64,
    pub y: f64,
}

impl V2 {
    pub const fn new(x: f64, y: f64) -> Self {
        Self { x, y }
    }

    pub fn plus(self, o: V2) -> V2 {
        V2::new(self.x + o.x, self.y + o.y)
    }

    pub fn minus(self, o: V2) -> V2 {
        V2::new(self.x - o.x, self.y - o.y)
    }

    pub fn scale(self, k: f64) -> V2 {
        V2::new(self.x * k, self.y * k)
    }

    pub fn length(self) -> f64 {
        self.x.hypot(self.y)
    }

    pub fn lerp(self, o: V2, t: f64) -> V2 {
        self.plus(o.minus(self).scale(t))
    }

    /// Rotated clockwise on screen by `degrees` (SVG `rotate()`).
    pub fn rotate(self, degrees: f64) -> V2 {
        let (sin, cos) = degrees.to_radians().sin_cos();
        V2::new(self.x * cos - self.y * sin, self.x * sin + self.y * cos)
    }

    /// Height above the floor.
    pub fn height(self) -> f64 {
        -self.y
    }
}

/// Where a segment's frame is: the joint it turns about and its rotation on screen.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Frame {
    pub origin: V2,
    pub rotation: f64,
}

impl Frame {
    pub fn to_world(&self, local: V2) -> V2 {
        self.origin.plus(local.rotate(self.rotation))
    }
}

/// A named point of the body, for contacts, held equipment and checks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Point {
    /// The middle of the hips: the root of the skeleton.
    Pelvis,
    /// The base of the neck, between the shoulders.
    Neck,
    /// The shoulder blades, where the upper back rests on a bench or the floor.
    Blades,
    /// The centre of the head.
    Head,
    Shoulder(Side),
    Elbow(Side),
    Hand(Side),
    Hip(Side),
    Knee(Side),
    Ankle(Side),
    Heel(Side),
    /// The ball of the foot.
    Toe(Side),
}

impl Point {
    pub fn all() -> Vec<Point> {
        let mut all = vec![Point::Pelvis, Point::Neck, Point::Blades, Point::Head];
        for side in Side::BOTH {
            all.extend([
                Point::Shoulder(side),
                Point::Elbow(side),
                Point::Hand(side),
                Point::Hip(side),
                Point::Knee(side),
                Point::Ankle(side),
                Point::Heel(side),
                Point::Toe(side),
            ]);
        }
        all
    }

    /// The name content uses for the point: `pelvis`, `upper_back`, `left_knee`, ...
    pub fn key(self) -> String {
        let sided = |side: Side, part: &str| format!("{}{part}", side.prefix());
        match self {
            Point::Pelvis => "pelvis".into(),
            Point::Neck => "neck".into(),
            Point::Blades => "upper_back".into(),
            Point::Head => "head".into(),
            Point::Shoulder(s) => sided(s, "shoulder"),
            Point::Elbow(s) => sided(s, "elbow"),
            Point::Hand(s) => sided(s, "hand"),
            Point::Hip(s) => sided(s, "hip"),
            Point::Knee(s) => sided(s, "knee"),
            Point::Ankle(s) => sided(s, "ankle"),
            Point::Heel(s) => sided(s, "heel"),
            Point::Toe(s) => sided(s, "toe"),
        }
    }

    /// How far the drawn body reaches beyond the point: the half-thickness of the
    /// thickest stroke ending there, or the head's radius. A point touches a surface
    /// when it is this far from it.
    pub fn radius(self) -> f64 {
        match self {
            Point::Pelvis | Point::Neck | Point::Blades => TRUNK_WIDTH / 2.0,
            Point::Head => HEAD_RADIUS,
            Point::Shoulder(_) | Point::Elbow(_) | Point::Ankle(_) => 3.5,
            Point::Hand(_) => 3.0,
            Point::Hip(_) | Point::Knee(_) => 4.5,
            Point::Heel(_) | Point::Toe(_) => 2.5,
        }
    }

    /// The segment whose frame carries the point, and where it is in that frame.
    pub fn local(self, view: View) -> (Segment, V2) {
        match self {
            Point::Pelvis => (Segment::Trunk, V2::new(0.0, 0.0)),
            Point::Neck => (Segment::Trunk, V2::new(0.0, -TRUNK)),
            Point::Blades => (Segment::Trunk, V2::new(0.0, BLADES - TRUNK)),
            Point::Head => (Segment::Head, V2::new(0.0, -NECK)),
            Point::Shoulder(s) => (Segment::UpperArm(s), V2::default()),
            Point::Elbow(s) => (Segment::Forearm(s), V2::default()),
            Point::Hand(s) => (Segment::Forearm(s), V2::new(0.0, FOREARM)),
            Point::Hip(s) => (Segment::Thigh(s), V2::default()),
            Point::Knee(s) => (Segment::Shin(s), V2::default()),
            Point::Ankle(s) => (Segment::Foot(s), V2::default()),
            Point::Heel(s) => (Segment::Foot(s), foot_ends(view, s).0),
            Point::Toe(s) => (Segment::Foot(s), foot_ends(view, s).1),
        }
    }
}

/// Heel and ball of the foot in the foot's frame. From the side the foot points forward
/// (+x); from the front it is a short stub pointing outwards.
pub fn foot_ends(view: View, side: Side) -> (V2, V2) {
    let m = side.mirror(view);
    let (heel, ball) = match view {
        View::Side => (HEEL, BALL),
        View::Front => (FRONT_HEEL, FRONT_BALL),
    };
    (V2::new(-heel * m, FOOT_DROP), V2::new(ball * m, FOOT_DROP))
}

/// The segment a segment hangs from, and where its joint is in that parent's frame.
pub fn parent(view: View, segment: Segment) -> Option<(Segment, V2)> {
    let spread = |side: Side, half: f64| match view {
        View::Side => 0.0,
        View::Front => half * side.mirror(view),
    };
    Some(match segment {
        Segment::Trunk => return None,
        Segment::Head => (Segment::Trunk, V2::new(0.0, -TRUNK)),
        Segment::UpperArm(s) => (
            Segment::Trunk,
            V2::new(spread(s, SHOULDER_HALF_WIDTH), -TRUNK),
        ),
        Segment::Forearm(s) => (Segment::UpperArm(s), V2::new(0.0, UPPER_ARM)),
        Segment::Thigh(s) => (Segment::Trunk, V2::new(spread(s, HIP_HALF_WIDTH), 0.0)),
        Segment::Shin(s) => (Segment::Thigh(s), V2::new(0.0, THIGH)),
        Segment::Foot(s) => (Segment::Shin(s), V2::new(0.0, SHIN)),
    })
}

/// How far a segment's frame turns from its parent's, clockwise on screen. For the
/// trunk, its rotation from upright.
pub fn relative_rotation(view: View, angles: &Angles, segment: Segment) -> f64 {
    let limb = |side: Side, joint: LimbJoint| angles.limb(side, joint) * side.mirror(view);
    match segment {
        Segment::Trunk => angles.get(Joint::Trunk),
        Segment::Head => angles.get(Joint::Neck),
        Segment::UpperArm(s) => -limb(s, LimbJoint::Shoulder),
        Segment::Forearm(s) => -limb(s, LimbJoint::Elbow),
        Segment::Thigh(s) => -limb(s, LimbJoint::Hip),
        Segment::Shin(s) => limb(s, LimbJoint::Knee),
        Segment::Foot(s) => -limb(s, LimbJoint::Ankle),
    }
}

/// How the chest's twist shows on one arm, as `(shift, scale)` in the trunk's frame: the
/// arm, seen across the trunk, is foreshortened by `cos(twist)` (from the front, its
/// shoulder's offset too), and from the side its shoulder moves back (near side) or
/// forward (far side) by `sin(twist)` of half the shoulder width.
pub fn arm_twist(view: View, angles: &Angles, side: Side) -> (f64, f64) {
    let turn = angles.get(Joint::Twist).to_radians();
    let shift = match (view, side) {
        (View::Side, Side::Left) => -SHOULDER_HALF_WIDTH * turn.sin(),
        (View::Side, Side::Right) => SHOULDER_HALF_WIDTH * turn.sin(),
        (View::Front, _) => 0.0,
    };
    (shift, turn.cos())
}

/// Every segment, parents before children.
pub const SEGMENTS: [Segment; 12] = [
    Segment::Trunk,
    Segment::Head,
    Segment::UpperArm(Side::Left),
    Segment::Forearm(Side::Left),
    Segment::Thigh(Side::Left),
    Segment::Shin(Side::Left),
    Segment::Foot(Side::Left),
    Segment::UpperArm(Side::Right),
    Segment::Forearm(Side::Right),
    Segment::Thigh(Side::Right),
    Segment::Shin(Side::Right),
    Segment::Foot(Side::Right),
];

fn segment_index(segment: Segment) -> usize {
    SEGMENTS
        .iter()
        .position(|s| *s == segment)
        .unwrap_or_default()
}

/// A body placed in the scene: every segment's frame.
#[derive(Debug, Clone, PartialEq)]
pub struct Body {
    pub view: View,
    pub angles: Angles,
    frames: [Frame; 12],
}

impl Body {
    /// Forward kinematics with the pelvis at `pelvis`.
    pub fn new(view: View, angles: &Angles, pelvis: V2) -> Body {
        let mut frames = [Frame::default(); 12];
        for (i, segment) in SEGMENTS.into_iter().enumerate() {
            let turn = relative_rotation(view, angles, segment);
            frames[i] = match parent(view, segment) {
                None => Frame {
                    origin: pelvis,
                    rotation: turn,
                },
                Some((up, offset)) => {
                    let base = frames[segment_index(up)];
                    Frame {
                        origin: base.to_world(offset),
                        rotation: base.rotation + turn,
                    }
                }
            };
        }
        Body {
            view,
            angles: *angles,
            frames,
        }
    }

    pub fn frame(&self, segment: Segment) -> Frame {
        self.frames[segment_index(segment)]
    }

    pub fn point(&self, point: Point) -> V2 {
        let (segment, local) = point.local(self.view);
        self.to_world(segment, local)
    }

    /// A point given in a segment's frame, in the scene: the frame's rotation, and for
    /// an arm the chest's twist ([`arm_twist`]).
    pub fn to_world(&self, segment: Segment, local: V2) -> V2 {
        let world = self.frame(segment).to_world(local);
        let (Segment::UpperArm(side) | Segment::Forearm(side)) = segment else {
            return world;
        };
        let (shift, scale) = arm_twist(self.view, &self.angles, side);
        if shift == 0.0 && scale == 1.0 {
            return world;
        }
        let trunk = self.frame(Segment::Trunk);
        let across = world.minus(trunk.origin).rotate(-trunk.rotation);
        trunk.to_world(V2::new(across.x * scale + shift, across.y))
    }

    pub fn pelvis(&self) -> V2 {
        self.frame(Segment::Trunk).origin
    }

    /// The same body moved by `by`.
    pub fn shifted(&self, by: V2) -> Body {
        let mut body = self.clone();
        for frame in &mut body.frames {
            frame.origin = frame.origin.plus(by);
        }
        body
    }

    /// The same body moved so that `point` is at `target`.
    pub fn with_point_at(&self, point: Point, target: V2) -> Body {
        self.shifted(target.minus(self.point(point)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: V2, b: V2) -> bool {
        a.minus(b).length() < 1e-9
    }

    #[test]
    fn standing_upright_stacks_the_joints() {
        let body = Body::new(View::Side, &Angles::default(), V2::default());
        assert!(close(
            body.point(Point::Knee(Side::Left)),
            V2::new(0.0, THIGH)
        ));
        assert!(close(
            body.point(Point::Ankle(Side::Left)),
            V2::new(0.0, THIGH + SHIN)
        ));
        assert!(close(
            body.point(Point::Toe(Side::Left)),
            V2::new(BALL, THIGH + SHIN + FOOT_DROP)
        ));
        assert!(close(
            body.point(Point::Hand(Side::Right)),
            V2::new(0.0, UPPER_ARM + FOREARM - TRUNK)
        ));
        assert!(close(body.point(Point::Head), V2::new(0.0, -TRUNK - NECK)));
    }

    #[test]
    fn a_known_pose_gives_known_coordinates() {
        // Side view: thigh raised level (hip 90), shin hanging (knee 90), arm forward
        // level (shoulder 90) and forearm up (elbow 90).
        let mut angles = Angles::default();
        angles.set(Joint::Limb(Side::Left, LimbJoint::Hip), 90.0);
        angles.set(Joint::Limb(Side::Left, LimbJoint::Knee), 90.0);
        angles.set(Joint::Limb(Side::Left, LimbJoint::Shoulder), 90.0);
        angles.set(Joint::Limb(Side::Left, LimbJoint::Elbow), 90.0);
        let body = Body::new(View::Side, &angles, V2::new(10.0, -100.0));
        let knee = body.point(Point::Knee(Side::Left));
        assert!(close(knee, V2::new(10.0 + THIGH, -100.0)), "{knee:?}");
        let ankle = body.point(Point::Ankle(Side::Left));
        assert!(
            close(ankle, V2::new(10.0 + THIGH, -100.0 + SHIN)),
            "{ankle:?}"
        );
        let elbow = body.point(Point::Elbow(Side::Left));
        assert!(
            close(elbow, V2::new(10.0 + UPPER_ARM, -100.0 - TRUNK)),
            "{elbow:?}"
        );
        let hand = body.point(Point::Hand(Side::Left));
        assert!(
            close(hand, V2::new(10.0 + UPPER_ARM, -100.0 - TRUNK - FOREARM)),
            "{hand:?}"
        );
    }

    #[test]
    fn leaning_forward_tips_the_trunk_towards_the_face() {
        let mut angles = Angles::default();
        angles.set(Joint::Trunk, 90.0);
        let body = Body::new(View::Side, &angles, V2::default());
        assert!(close(body.point(Point::Neck), V2::new(TRUNK, 0.0)));
    }

    #[test]
    fn the_front_view_mirrors_the_right_side() {
        let mut angles = Angles::default();
        for side in Side::BOTH {
            angles.set(Joint::Limb(side, LimbJoint::Shoulder), 90.0);
        }
        let body = Body::new(View::Front, &angles, V2::default());
        let left = body.point(Point::Hand(Side::Left));
        let right = body.point(Point::Hand(Side::Right));
        let reach = SHOULDER_HALF_WIDTH + UPPER_ARM + FOREARM;
        assert!(close(left, V2::new(reach, -TRUNK)), "{left:?}");
        assert!(close(right, V2::new(-reach, -TRUNK)), "{right:?}");
    }

    #[test]
    fn a_twist_foreshortens_arms_held_across_the_trunk() {
        // Arms straight forward (shoulder 90), chest turned 60 degrees to the viewer:
        // the near hand comes back by half its reach, its shoulder by sin 60 of half
        // the shoulder width.
        let mut angles = Angles::default();
        angles.set(Joint::Twist, 60.0);
        for side in Side::BOTH {
            angles.set(Joint::Limb(side, LimbJoint::Shoulder), 90.0);
        }
        let body = Body::new(View::Side, &angles, V2::default());
        let reach = UPPER_ARM + FOREARM;
        let shift = SHOULDER_HALF_WIDTH * 60f64.to_radians().sin();
        let near = body.point(Point::Hand(Side::Left));
        assert!(
            close(near, V2::new(reach / 2.0 - shift, -TRUNK)),
            "{near:?}"
        );
        let far = body.point(Point::Hand(Side::Right));
        assert!(close(far, V2::new(reach / 2.0 + shift, -TRUNK)), "{far:?}");
        assert!(close(body.point(Point::Head), V2::new(0.0, -TRUNK - NECK)));
    }

    #[test]
    fn moving_a_point_to_a_target_moves_the_whole_body() {
        let body = Body::new(View::Side, &Angles::default(), V2::default())
            .with_point_at(Point::Toe(Side::Left), V2::new(0.0, -2.5));
        assert!(close(
            body.point(Point::Toe(Side::Left)),
            V2::new(0.0, -2.5)
        ));
        assert!(close(
            body.point(Point::Heel(Side::Left)),
            V2::new(-HEEL - BALL, -2.5)
        ));
    }
}
