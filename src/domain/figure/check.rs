//! The geometric rules a figure must meet: bearing contacts touch a surface, nothing
//! sinks into the floor, and the figure moves. Angle ranges are checked where they are
//! written (see [`super::Joint::range`]).

use super::kinematics::{Body, Point, V2};
use super::props::Place;
use super::skeleton::{Joint, LimbJoint, Segment};
use super::{Contact, Figure};

/// How far, in centimetres, a contact may miss its surface, or a part of the body or of
/// the equipment sink into the floor.
pub const TOLERANCE: f64 = 2.0;

/// Start and end differ when some angle differs by more than this many degrees.
pub const SAME_POSE_DEGREES: f64 = 1.0;

#[derive(Debug, Clone, PartialEq)]
pub enum Problem {
    /// A bearing contact of pose `pose` (its `contact`-th) misses every surface.
    OffSurface {
        pose: usize,
        contact: usize,
        message: String,
    },
    /// Part of the body or kit is below the floor in pose `pose`.
    Sinks { pose: usize, message: String },
    /// The first and last poses are the same: the figure would not move.
    SameStartEnd,
}

/// Every geometric problem of a figure.
pub fn check(figure: &Figure) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (index, pose) in figure.poses.iter().enumerate() {
        let body = figure.body(index);
        for (i, contact) in pose.on.iter().enumerate() {
            if let Some(message) = contact_problem(figure, &body, *contact) {
                problems.push(Problem::OffSurface {
                    pose: index,
                    contact: i,
                    message,
                });
            }
        }
        for message in sinking(figure, &body) {
            problems.push(Problem::Sinks {
                pose: index,
                message,
            });
        }
    }
    if let [first, .., last] = figure.poses.as_slice()
        && first.angles.max_difference(&last.angles) < SAME_POSE_DEGREES
        && first.on == last.on
        && (first.x - last.x).abs() < 1.0
        && (first.lift - last.lift).abs() < 1.0
    {
        problems.push(Problem::SameStartEnd);
    }
    problems
}

/// What is wrong with one contact, if anything.
fn contact_problem(figure: &Figure, body: &Body, contact: Contact) -> Option<String> {
    let shapes = figure.shapes_for(body);
    let mut worst: Option<(f64, String)> = None;
    for point in contact.points() {
        let at = body.point(point);
        let (name, gap) = shapes
            .iter()
            .map(|(name, shape)| (*name, shape.distance(at) - point.radius()))
            .min_by(|a, b| a.1.abs().total_cmp(&b.1.abs()))
            .unwrap_or(("the floor", at.height() - point.radius()));
        if gap.abs() > TOLERANCE && worst.as_ref().is_none_or(|(w, _)| gap.abs() > w.abs()) {
            let how = if gap > 0.0 {
                format!("{:.1} cm off {name}", gap)
            } else {
                format!("{:.1} cm into {name}", -gap)
            };
            worst = Some((
                gap,
                format!("{}: {} is {how}", contact.name(), point_name(point)),
            ));
        }
    }
    let (_, mut message) = worst?;
    if let Contact::Foot(side) = contact {
        message.push_str(&flat_foot_hint(body, side));
    }
    Some(message)
}

/// For a flat foot that is tilted, the ankle angle that would put it flat.
fn flat_foot_hint(body: &Body, side: super::Side) -> String {
    let tilt = normalise(body.frame(Segment::Foot(side)).rotation);
    if tilt.abs() < 1.0 {
        return String::new();
    }
    let joint = Joint::Limb(side, LimbJoint::Ankle);
    let wanted = body.angles.get(joint) + side.mirror(body.view) * tilt;
    let (low, high) = joint.range(body.view);
    if (low..=high).contains(&wanted) {
        format!(
            " (the foot is tilted {:.0}°; {} = {:.0} would set it flat)",
            tilt.abs(),
            joint.name(),
            wanted
        )
    } else {
        format!(
            " (the foot is tilted {:.0}°: change the knee or hip so the shin leans less)",
            tilt.abs()
        )
    }
}

fn normalise(degrees: f64) -> f64 {
    let d = degrees.rem_euclid(360.0);
    if d > 180.0 { d - 360.0 } else { d }
}

/// Parts of the body or held kit below the floor.
fn sinking(figure: &Figure, body: &Body) -> Vec<String> {
    let mut found = Vec::new();
    for point in Point::all() {
        let depth = point.radius() - body.point(point).height();
        if depth > TOLERANCE {
            found.push(format!(
                "the {} is {depth:.1} cm into the floor",
                point_name(point)
            ));
        }
    }
    for prop in &figure.props {
        if !matches!(prop.place, Place::Held(_)) {
            continue;
        }
        for centre in prop.centres(body) {
            let depth = prop.kind.held_radius() - centre.height();
            if depth > TOLERANCE {
                found.push(format!(
                    "the {} is {depth:.1} cm into the floor",
                    prop.kind.name().replace('_', " ")
                ));
            }
        }
    }
    found
}

/// A point as a message names it: `left knee`, `ball of the left foot`.
pub fn point_name(point: Point) -> String {
    match point {
        Point::Neck => "base of the neck".into(),
        Point::Toe(side) => format!("ball of the {} foot", side.prefix().trim_end_matches('_')),
        _ => point.key().replace('_', " "),
    }
}

/// The lowest point of a body, for drawing and tests.
pub fn lowest(body: &Body) -> V2 {
    Point::all()
        .into_iter()
        .map(|p| {
            let at = body.point(p);
            V2::new(at.x, at.y + p.radius())
        })
        .max_by(|a, b| a.y.total_cmp(&b.y))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figure::skeleton::Angles;
    use crate::domain::figure::{Pose, Side};

    fn pose(name: &str, on: Vec<Contact>, angles: &[(Joint, f64)]) -> Pose {
        let mut all = Angles::default();
        for (joint, degrees) in angles {
            all.set(*joint, *degrees);
        }
        Pose {
            name: name.into(),
            angles: all,
            anchor: on.first().copied().unwrap_or_default(),
            on,
            x: 0.0,
            lift: 0.0,
        }
    }

    fn knee(side: Side) -> Joint {
        Joint::Limb(side, LimbJoint::Knee)
    }

    #[test]
    fn contacts_end_on_the_floor_in_a_squat_with_flat_feet() {
        // Hip 100, knee 100, trunk 40: the shin leans 40 forward, the ankle makes up
        // the rest so the sole is flat.
        let mut angles = vec![(Joint::Trunk, 40.0)];
        for side in Side::BOTH {
            angles.extend([
                (Joint::Limb(side, LimbJoint::Hip), 100.0),
                (knee(side), 100.0),
                (Joint::Limb(side, LimbJoint::Ankle), 40.0),
            ]);
        }
        let feet = vec![Contact::Foot(Side::Left), Contact::Foot(Side::Right)];
        let figure = Figure {
            poses: vec![pose("start", feet.clone(), &[]), pose("end", feet, &angles)],
            ..Figure::default()
        };
        assert_eq!(check(&figure), vec![]);
        let body = figure.body(1);
        for point in [Point::Heel(Side::Left), Point::Toe(Side::Right)] {
            assert!((body.point(point).height() - point.radius()).abs() < 0.01);
        }
    }

    #[test]
    fn a_tilted_foot_is_off_the_floor_and_the_fix_is_suggested() {
        let feet = vec![Contact::Foot(Side::Left)];
        let figure = Figure {
            poses: vec![
                pose("start", feet.clone(), &[]),
                pose(
                    "end",
                    feet,
                    &[(Joint::Limb(Side::Left, LimbJoint::Ankle), -30.0)],
                ),
            ],
            ..Figure::default()
        };
        let problems = check(&figure);
        let [
            Problem::OffSurface {
                pose: 1,
                contact: 0,
                message,
            },
        ] = problems.as_slice()
        else {
            panic!("{problems:?}");
        };
        assert!(message.contains("left heel is"), "{message}");
        assert!(message.contains("left_ankle = 0"), "{message}");
    }

    #[test]
    fn a_hand_in_the_air_is_not_a_contact_and_a_knee_may_not_sink() {
        let figure = Figure {
            poses: vec![
                pose(
                    "start",
                    vec![Contact::Foot(Side::Left), Contact::Hand(Side::Left)],
                    &[],
                ),
                pose(
                    "end",
                    vec![Contact::Knee(Side::Left)],
                    &[(knee(Side::Left), 10.0)],
                ),
            ],
            ..Figure::default()
        };
        let problems = check(&figure);
        assert!(problems.iter().any(|p| matches!(
            p,
            Problem::OffSurface { pose: 0, contact: 1, message } if message.contains("off the floor")
        )), "{problems:?}");
        assert!(
            problems.iter().any(|p| matches!(
                p,
                Problem::Sinks { pose: 1, message } if message.contains("into the floor")
            )),
            "{problems:?}"
        );
    }

    #[test]
    fn start_and_end_must_differ() {
        let feet = vec![Contact::Foot(Side::Left)];
        let figure = Figure {
            poses: vec![pose("start", feet.clone(), &[]), pose("end", feet, &[])],
            ..Figure::default()
        };
        assert_eq!(check(&figure), vec![Problem::SameStartEnd]);
    }
}
