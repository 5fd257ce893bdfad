//! The one skeleton every figure is drawn with: its joints, their ranges and neutral
//! values, the segments between them, and the sizes used for drawing and for contacts.
//! See the module doc of [`super`] for the conventions in full.

use serde::{Deserialize, Serialize};

use super::View;

/// A side of the body. In the side view the figure faces right, so its left side is
/// nearest the viewer and its right side is behind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Left,
    Right,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Left, Side::Right];

    pub fn prefix(self) -> &'static str {
        match self {
            Side::Left => "left_",
            Side::Right => "right_",
        }
    }

    /// +1 or -1: the mirror factor of this side in `view`. In the side view both sides
    /// bend the same way; in the front view the right side mirrors the left.
    pub fn mirror(self, view: View) -> f64 {
        match (view, self) {
            (View::Front, Side::Right) => -1.0,
            _ => 1.0,
        }
    }
}

/// The kind of a limb joint, one on each side.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LimbJoint {
    Shoulder,
    Elbow,
    Hip,
    Knee,
    Ankle,
}

impl LimbJoint {
    pub const ALL: [LimbJoint; 5] = [
        LimbJoint::Shoulder,
        LimbJoint::Elbow,
        LimbJoint::Hip,
        LimbJoint::Knee,
        LimbJoint::Ankle,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LimbJoint::Shoulder => "shoulder",
            LimbJoint::Elbow => "elbow",
            LimbJoint::Hip => "hip",
            LimbJoint::Knee => "knee",
            LimbJoint::Ankle => "ankle",
        }
    }
}

/// One angle of a pose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Joint {
    /// The whole body's tilt: the trunk from upright.
    Trunk,
    Neck,
    /// The chest turning about the trunk's long axis, shown by the arms.
    Twist,
    Limb(Side, LimbJoint),
}

/// How many angles a pose has.
pub const JOINTS: usize = 13;

impl Joint {
    /// Every joint, in the order of [`Angles`].
    pub const ALL: [Joint; JOINTS] = [
        Joint::Trunk,
        Joint::Neck,
        Joint::Twist,
        Joint::Limb(Side::Left, LimbJoint::Shoulder),
        Joint::Limb(Side::Left, LimbJoint::Elbow),
        Joint::Limb(Side::Left, LimbJoint::Hip),
        Joint::Limb(Side::Left, LimbJoint::Knee),
        Joint::Limb(Side::Left, LimbJoint::Ankle),
        Joint::Limb(Side::Right, LimbJoint::Shoulder),
        Joint::Limb(Side::Right, LimbJoint::Elbow),
        Joint::Limb(Side::Right, LimbJoint::Hip),
        Joint::Limb(Side::Right, LimbJoint::Knee),
        Joint::Limb(Side::Right, LimbJoint::Ankle),
    ];

    pub fn index(self) -> usize {
        match self {
            Joint::Trunk => 0,
            Joint::Neck => 1,
            Joint::Twist => 2,
            Joint::Limb(side, limb) => {
                let base = if side == Side::Left { 3 } else { 8 };
                base + limb as usize
            }
        }
    }

    /// The key writers use: `trunk`, `neck`, `left_knee`, ...
    pub fn name(self) -> String {
        match self {
            Joint::Trunk => "trunk".into(),
            Joint::Neck => "neck".into(),
            Joint::Twist => "twist".into(),
            Joint::Limb(side, limb) => format!("{}{}", side.prefix(), limb.name()),
        }
    }

    pub fn from_name(name: &str) -> Option<Joint> {
        Joint::ALL.into_iter().find(|j| j.is_named(name))
    }

    /// Whether `name` is this joint's [`Joint::name`], compared without building it:
    /// a large library names joints many thousands of times.
    fn is_named(self, name: &str) -> bool {
        match self {
            Joint::Trunk => name == "trunk",
            Joint::Neck => name == "neck",
            Joint::Twist => name == "twist",
            Joint::Limb(side, limb) => name.strip_prefix(side.prefix()) == Some(limb.name()),
        }
    }

    /// The documented human range in `view`, in degrees. Side-view ranges are the
    /// anatomical ones; front-view limb angles are what a bend looks like from the front
    /// (a knee bent and turned in shows as the shin swinging across), so they are wider.
    pub fn range(self, view: View) -> (f64, f64) {
        match (self, view) {
            (Joint::Trunk, _) => (-180.0, 180.0),
            (Joint::Neck, _) => (-45.0, 60.0),
            (Joint::Twist, _) => (-80.0, 80.0),
            (Joint::Limb(_, limb), View::Side) => match limb {
                LimbJoint::Shoulder => (-80.0, 180.0),
                LimbJoint::Elbow => (-5.0, 150.0),
                LimbJoint::Hip => (-30.0, 140.0),
                LimbJoint::Knee => (-5.0, 150.0),
                LimbJoint::Ankle => (-55.0, 40.0),
            },
            (Joint::Limb(_, limb), View::Front) => match limb {
                LimbJoint::Shoulder => (-150.0, 180.0),
                LimbJoint::Elbow => (-150.0, 150.0),
                LimbJoint::Hip => (-45.0, 90.0),
                LimbJoint::Knee => (-20.0, 150.0),
                LimbJoint::Ankle => (-40.0, 40.0),
            },
        }
    }
}

/// A full set of angles in degrees, one per joint, indexed as [`Joint::ALL`]. Every
/// joint a pose leaves out is neutral (0): standing upright, arms hanging, feet flat.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Angles(pub [f64; JOINTS]);

impl Angles {
    pub fn get(&self, joint: Joint) -> f64 {
        self.0[joint.index()]
    }

    pub fn set(&mut self, joint: Joint, degrees: f64) {
        self.0[joint.index()] = degrees;
    }

    pub fn limb(&self, side: Side, limb: LimbJoint) -> f64 {
        self.get(Joint::Limb(side, limb))
    }

    /// Each angle a fraction `t` of the way to `other`.
    pub fn lerp(&self, other: &Angles, t: f64) -> Angles {
        let mut out = *self;
        for (a, b) in out.0.iter_mut().zip(other.0) {
            *a += (b - *a) * t;
        }
        out
    }

    /// The largest difference between two poses' angles, in degrees.
    pub fn max_difference(&self, other: &Angles) -> f64 {
        self.0
            .iter()
            .zip(other.0)
            .map(|(a, b)| (a - b).abs())
            .fold(0.0, f64::max)
    }
}

/// Serialised as a map from joint name to degrees, every joint present, so another app
/// can draw a pose without knowing the neutral values.
impl Serialize for Angles {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(JOINTS))?;
        for joint in Joint::ALL {
            map.serialize_entry(&joint.name(), &self.get(joint))?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Angles {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, f64>::deserialize(deserializer)?;
        let mut angles = Angles::default();
        for (name, degrees) in map {
            let joint = Joint::from_name(&name)
                .ok_or_else(|| serde::de::Error::custom(format!("unknown joint `{name}`")))?;
            angles.set(joint, degrees);
        }
        Ok(angles)
    }
}

/// A drawn part of the body, from one joint to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Segment {
    Trunk,
    /// The neck and head.
    Head,
    UpperArm(Side),
    Forearm(Side),
    Thigh(Side),
    Shin(Side),
    Foot(Side),
}

impl Segment {
    /// Every segment of one side, upper to lower, arms then legs.
    pub fn limbs(side: Side) -> [Segment; 5] {
        [
            Segment::UpperArm(side),
            Segment::Forearm(side),
            Segment::Thigh(side),
            Segment::Shin(side),
            Segment::Foot(side),
        ]
    }

    pub fn side(self) -> Option<Side> {
        match self {
            Segment::Trunk | Segment::Head => None,
            Segment::UpperArm(s)
            | Segment::Forearm(s)
            | Segment::Thigh(s)
            | Segment::Shin(s)
            | Segment::Foot(s) => Some(s),
        }
    }

    /// Drawn thickness, in centimetres.
    pub fn width(self) -> f64 {
        match self {
            Segment::Trunk => TRUNK_WIDTH,
            Segment::Head => 7.0,
            Segment::UpperArm(_) => 7.0,
            Segment::Forearm(_) => 6.0,
            Segment::Thigh(_) => 9.0,
            Segment::Shin(_) => 7.0,
            Segment::Foot(_) => 5.0,
        }
    }

    /// The names a figure's `working` list accepts: a segment (`left_thigh`) or a whole
    /// limb (`left_leg`, `right_arm`), or `trunk`.
    pub fn parse_group(name: &str) -> Option<Vec<Segment>> {
        if name == "trunk" {
            return Some(vec![Segment::Trunk]);
        }
        let (side, rest) = if let Some(rest) = name.strip_prefix("left_") {
            (Side::Left, rest)
        } else {
            (Side::Right, name.strip_prefix("right_")?)
        };
        Some(match rest {
            "leg" => vec![
                Segment::Thigh(side),
                Segment::Shin(side),
                Segment::Foot(side),
            ],
            "arm" => vec![Segment::UpperArm(side), Segment::Forearm(side)],
            "upper_arm" => vec![Segment::UpperArm(side)],
            "forearm" => vec![Segment::Forearm(side)],
            "thigh" => vec![Segment::Thigh(side)],
            "shin" => vec![Segment::Shin(side)],
            "foot" => vec![Segment::Foot(side)],
            _ => return None,
        })
    }
}

// Lengths in centimetres, for a runner about 172 cm tall.
/// Hip centre to the base of the neck, where the shoulders are.
pub const TRUNK: f64 = 52.0;
/// Base of the neck to the centre of the head.
pub const NECK: f64 = 17.0;
pub const HEAD_RADIUS: f64 = 10.0;
pub const UPPER_ARM: f64 = 29.0;
/// Elbow to the middle of the hand, where things are held.
pub const FOREARM: f64 = 28.0;
pub const THIGH: f64 = 42.0;
pub const SHIN: f64 = 42.0;
/// The sole of the foot sits this far below the ankle joint.
pub const FOOT_DROP: f64 = 4.0;
/// Heel and ball of the foot, behind and ahead of the ankle (side view).
pub const HEEL: f64 = 5.0;
pub const BALL: f64 = 14.0;
/// The same seen from the front: the foot is a short stub pointing outwards.
pub const FRONT_HEEL: f64 = 2.0;
pub const FRONT_BALL: f64 = 6.0;
/// Half the distance between the hips and between the shoulders, seen from the front.
pub const HIP_HALF_WIDTH: f64 = 9.0;
pub const SHOULDER_HALF_WIDTH: f64 = 17.0;
/// The top of the shoulder blades, just below the base of the neck: where the upper back
/// rests on a bench or the floor (close to the neck, as the trunk is one rigid line).
pub const BLADES: f64 = 3.0;
pub const TRUNK_WIDTH: f64 = 12.0;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joint_names_round_trip_and_index_in_order() {
        for (i, joint) in Joint::ALL.into_iter().enumerate() {
            assert_eq!(joint.index(), i);
            assert_eq!(Joint::from_name(&joint.name()), Some(joint));
        }
        assert_eq!(Joint::from_name("left_kne"), None);
    }

    #[test]
    fn angles_serialise_as_a_map_of_every_joint() {
        let mut angles = Angles::default();
        angles.set(Joint::Limb(Side::Left, LimbJoint::Knee), 95.0);
        let json = serde_json::to_value(angles).expect("serialises");
        assert_eq!(json["left_knee"], 95.0);
        assert_eq!(json.as_object().map(|m| m.len()), Some(JOINTS));
        let back: Angles = serde_json::from_value(json).expect("deserialises");
        assert_eq!(back, angles);
    }

    #[test]
    fn limbs_and_segments_parse() {
        assert_eq!(
            Segment::parse_group("left_arm"),
            Some(vec![
                Segment::UpperArm(Side::Left),
                Segment::Forearm(Side::Left)
            ])
        );
        assert_eq!(
            Segment::parse_group("right_shin"),
            Some(vec![Segment::Shin(Side::Right)])
        );
        assert_eq!(Segment::parse_group("left_wing"), None);
    }
}
