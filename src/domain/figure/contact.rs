//! Bearing contacts: the parts of the body that hold the figure up in a pose, and the
//! points of each that must touch a surface.

use serde::{Deserialize, Serialize};

use super::kinematics::Point;
use super::skeleton::Side;

/// A part of the body that bears weight.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Contact {
    /// The whole sole, heel and ball.
    Foot(Side),
    /// The ball of the foot, heel raised (from the front: the outer edge of the foot).
    Toe(Side),
    /// The heel alone, toes raised or resting on something.
    Heel(Side),
    Knee(Side),
    Hand(Side),
    /// The forearm from elbow to hand, as in a plank.
    Forearm(Side),
    Elbow(Side),
    /// The pelvis, whichever way it faces: the bottom when sitting, the front of the hips
    /// when lying face down on a pad.
    Seat,
    /// The upper back (or the chest, face down): the shoulder blades.
    Shoulders,
}

impl Contact {
    pub fn all() -> Vec<Contact> {
        let mut all = Vec::new();
        for side in Side::BOTH {
            all.extend([
                Contact::Foot(side),
                Contact::Toe(side),
                Contact::Heel(side),
                Contact::Knee(side),
                Contact::Hand(side),
                Contact::Forearm(side),
                Contact::Elbow(side),
            ]);
        }
        all.extend([Contact::Seat, Contact::Shoulders]);
        all
    }

    /// The name writers use: `left_foot`, `seat`, ...
    pub fn name(self) -> String {
        match self.side() {
            Some(side) => format!("{}{}", side.prefix(), self.part()),
            None => self.part().into(),
        }
    }

    pub fn from_name(name: &str) -> Option<Contact> {
        // Compared without building each name: a large library names contacts many
        // thousands of times.
        Contact::all().into_iter().find(|c| match c.side() {
            Some(side) => name.strip_prefix(side.prefix()) == Some(c.part()),
            None => name == c.part(),
        })
    }

    /// The side of the body, for the contacts that have one.
    fn side(self) -> Option<Side> {
        match self {
            Contact::Foot(s)
            | Contact::Toe(s)
            | Contact::Heel(s)
            | Contact::Knee(s)
            | Contact::Hand(s)
            | Contact::Forearm(s)
            | Contact::Elbow(s) => Some(s),
            Contact::Seat | Contact::Shoulders => None,
        }
    }

    /// The name without its side.
    fn part(self) -> &'static str {
        match self {
            Contact::Foot(_) => "foot",
            Contact::Toe(_) => "toe",
            Contact::Heel(_) => "heel",
            Contact::Knee(_) => "knee",
            Contact::Hand(_) => "hand",
            Contact::Forearm(_) => "forearm",
            Contact::Elbow(_) => "elbow",
            Contact::Seat => "seat",
            Contact::Shoulders => "shoulders",
        }
    }

    /// The points that must each lie on a surface.
    pub fn points(self) -> Vec<Point> {
        match self {
            Contact::Foot(s) => vec![Point::Toe(s), Point::Heel(s)],
            Contact::Toe(s) => vec![Point::Toe(s)],
            Contact::Heel(s) => vec![Point::Heel(s)],
            Contact::Knee(s) => vec![Point::Knee(s)],
            Contact::Hand(s) => vec![Point::Hand(s)],
            Contact::Forearm(s) => vec![Point::Elbow(s), Point::Hand(s)],
            Contact::Elbow(s) => vec![Point::Elbow(s)],
            Contact::Seat => vec![Point::Pelvis],
            Contact::Shoulders => vec![Point::Blades],
        }
    }

    /// The point placed at the pose's anchor position when this contact anchors a pose.
    /// A foot pivots about its ball, so rising onto the toes keeps the anchor still.
    pub fn anchor_point(self) -> Point {
        self.points()[0]
    }

    /// The limb this contact belongs to, if any: which leg or arm bears weight.
    pub fn leg(self) -> Option<Side> {
        match self {
            Contact::Foot(s) | Contact::Toe(s) | Contact::Heel(s) | Contact::Knee(s) => Some(s),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for contact in Contact::all() {
            assert_eq!(Contact::from_name(&contact.name()), Some(contact));
        }
        assert_eq!(Contact::from_name("left_paw"), None);
    }

    #[test]
    fn a_flat_foot_needs_heel_and_ball_down_and_pivots_on_the_ball() {
        let foot = Contact::Foot(Side::Left);
        assert_eq!(foot.points().len(), 2);
        assert_eq!(foot.anchor_point(), Point::Toe(Side::Left));
        assert_eq!(Contact::Toe(Side::Left).anchor_point(), foot.anchor_point());
    }
}
