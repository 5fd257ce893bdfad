//! Figures: an exercise drawn as one stick figure moving between a few poses.
//!
//! Poses are content (joint angles in front matter), geometry is here (pure, no I/O),
//! drawing is a view ([`crate::views::figure`]). One skeleton and one set of conventions
//! serve every exercise, the exercise page, the standalone SVG and the JSON API.
//!
//! # The skeleton
//!
//! Lengths in centimetres, for a runner about 172 cm tall ([`skeleton`]): trunk 52 (hip
//! centre to the base of the neck, where the shoulders are), neck 17 to the centre of a
//! head of radius 10, upper arm 29, forearm 28 (elbow to the middle of the hand), thigh
//! 42, shin 42, and a foot whose sole is 4 below the ankle, from the heel 5 behind it to
//! the ball of the foot 14 ahead. The trunk is rigid: a hinge is a hip movement.
//!
//! # Views
//!
//! *Side* (the default): the figure faces right; its left side is nearest the viewer and
//! its right side is drawn behind in a lighter tone. Hips and shoulders are single points.
//! *Front*, for sideways movements: the figure faces the viewer, so its left side is on
//! the viewer's right; hips are 18 apart and shoulders 34, and a foot is a short stub
//! pointing outwards.
//!
//! # Angles
//!
//! Degrees, each relative to the segment above, all 0 when standing upright with the
//! arms hanging and the feet flat (the neutral value of a joint a pose leaves out).
//!
//! | joint | side view, positive | front view, positive | range side / front |
//! |---|---|---|---|
//! | `trunk` | leans forward (90: face down, level; -90: lying on the back) | leans to the figure's left (the viewer's right) | -180..180 |
//! | `neck` | chin to chest | head tilts to the figure's left | -45..60 |
//! | `twist` | the chest turns towards the viewer: the arms, seen across the trunk, foreshorten and the shoulders part | the chest turns: the arms and shoulders narrow (either way looks the same) | -80..80 |
//! | `shoulder` | flexion: the arm raised forward (180: overhead); negative swings it back | abduction: the arm raised out to the side; negative crosses the body | -80..180 / -150..180 |
//! | `elbow` | flexion: the forearm folds forward and up | the forearm turns the same way as abduction (out and up); negative across the body | -5..150 / -150..150 |
//! | `hip` | flexion: the thigh raised forward; negative behind the body | abduction: the leg out to the side; negative across (lying on the side, the rigid trunk puts the side bend here) | -30..140 / -45..90 |
//! | `knee` | flexion: the shin folds back | the shin swings towards the middle, as a bent knee turned in looks | -5..150 / -20..150 |
//! | `ankle` | dorsiflexion: toes towards the shin; negative points the toes | lifts the outer end of the foot | -55..40 / -40..40 |
//!
//! Each limb joint is given per side (`left_knee`, `right_knee`), so single-leg, split and
//! staggered stances work; writers may give `knee` for both at once.
//!
//! # Placing a pose
//!
//! A pose names its bearing contacts ([`contact`]): the feet, the hands in a press-up,
//! the forearms in a plank, the shoulders on a bench, the seat, or none in the flight of a
//! jump. The first is the anchor: forward kinematics starts from it, so it is put at the
//! pose's `x` on the highest surface there (the floor or a prop's top), and every other
//! contact must then touch a surface within [`check::TOLERANCE`]. A foot anchors at its
//! ball, which stays put as the heel rises. A pose with no contacts names an `anchor`
//! point and how far it is lifted off its surface. Between poses the anchored point stays
//! where it is when both poses share it, so a planted foot never slides.

pub mod check;
pub mod contact;
pub mod kinematics;
pub mod props;
pub mod skeleton;

use serde::{Deserialize, Serialize};

pub use contact::Contact;
pub use kinematics::{Body, Point, V2};
pub use props::{Prop, PropKind, Shape};
pub use skeleton::{Angles, Joint, Segment, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum View {
    #[default]
    Side,
    Front,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Side => "side",
            View::Front => "front",
        }
    }
}

/// One pose of a figure, with every angle resolved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pose {
    /// `start`, `middle` or `end`.
    pub name: String,
    pub angles: Angles,
    /// Bearing contacts; empty in flight.
    pub on: Vec<Contact>,
    /// The contact placed at `x`: the first of `on`, or the point named in flight.
    pub anchor: Contact,
    /// Where the anchor is along the floor, in centimetres.
    pub x: f64,
    /// How far the anchor is above its surface (flight only).
    pub lift: f64,
}

/// A pose as the JSON API gives it: its name and every angle.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct OpenPose<'a> {
    pub name: &'a str,
    pub angles: &'a Angles,
}

/// An exercise's figure: what it shows in words, its view, poses and props.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Figure {
    /// The movement in words, used as the drawing's title.
    pub says: String,
    pub view: View,
    /// Start, an optional middle, and end.
    pub poses: Vec<Pose>,
    pub props: Vec<Prop>,
    /// Segments drawn as working: from the exercise's main muscles unless the figure
    /// names them.
    pub working: Vec<Segment>,
    /// How the animation repeats: back from the end to the start (the default, as a
    /// squat goes down and up), or again from the start (a box jump, whose reverse would
    /// be a jump back down).
    #[serde(default)]
    pub repeat: Repeat,
}

/// How an animation repeats once it reaches the end pose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Repeat {
    /// End to start, then start to end again: the movement and its way back.
    #[default]
    Back,
    /// Cut from the end back to the start: for movements that do not reverse.
    Restart,
}

impl Repeat {
    pub fn name(self) -> &'static str {
        match self {
            Repeat::Back => "back",
            Repeat::Restart => "restart",
        }
    }
}

impl Default for Contact {
    fn default() -> Self {
        Contact::Foot(Side::Left)
    }
}

impl Figure {
    /// The floor and every prop that stands still, named for messages.
    pub fn fixed_shapes(&self) -> Vec<(&'static str, Shape)> {
        let mut shapes = vec![("the floor", Shape::Floor)];
        shapes.extend(
            self.props
                .iter()
                .filter_map(|p| Some((article(p.kind), p.fixed_shape()?))),
        );
        shapes
    }

    /// Every surface for a body: the fixed ones and balls rolling under it.
    pub fn shapes_for(&self, body: &Body) -> Vec<(&'static str, Shape)> {
        let mut shapes = self.fixed_shapes();
        shapes.extend(
            self.props
                .iter()
                .filter_map(|p| Some((article(p.kind), p.moving_shape(body)?))),
        );
        shapes
    }

    /// Where a pose's anchor point goes: at its `x`, resting on the highest fixed
    /// surface there, raised by `lift`.
    pub fn anchor_target(&self, pose: &Pose) -> V2 {
        let top = self
            .fixed_shapes()
            .iter()
            .filter_map(|(_, shape)| shape.top_at(pose.x))
            .fold(0.0, f64::min);
        let point = pose.anchor.anchor_point();
        V2::new(pose.x, top - point.radius() - pose.lift)
    }

    /// Pose `index` placed in the scene.
    pub fn body(&self, index: usize) -> Body {
        let pose = &self.poses[index];
        self.placed(&pose.angles, pose)
    }

    fn placed(&self, angles: &Angles, anchor: &Pose) -> Body {
        Body::new(self.view, angles, V2::default())
            .with_point_at(anchor.anchor.anchor_point(), self.anchor_target(anchor))
    }

    /// The body a fraction `t` of the way from pose `from` to pose `to`: angles
    /// interpolated, placed so that an anchor both poses share stays still; otherwise
    /// the placement slides from one anchor to the other, lifted where the slide would
    /// sink part of the body into the floor.
    pub fn body_between(&self, from: usize, to: usize, t: f64) -> Body {
        let (a, b) = (&self.poses[from], &self.poses[to]);
        let angles = a.angles.lerp(&b.angles, t);
        let first = self.placed(&angles, a);
        let shared = a.anchor.anchor_point() == b.anchor.anchor_point()
            && self.anchor_target(a).minus(self.anchor_target(b)).length() < 1e-6;
        if shared {
            return first;
        }
        let second = self.placed(&angles, b);
        let slid = first.shifted(second.pelvis().minus(first.pelvis()).scale(t));
        // Each placement pins its own anchor, even while that foot is still high (a
        // knee coming down in a running drill): half of each can put the other foot
        // through the floor. Nothing stands there mid-move, so rest it on the floor.
        let sunk = check::lowest(&slid).y;
        if sunk > 0.0 {
            slid.shifted(V2::new(0.0, -sunk))
        } else {
            slid
        }
    }

    /// The pose a still beside a programme shows: the middle if there is one (the
    /// flight of a jump, the bottom of a lunge), else the end.
    pub fn key_pose(&self) -> usize {
        if self.poses.len() > 2 {
            1
        } else {
            self.poses.len().saturating_sub(1)
        }
    }

    /// The poses as open data: `[{"name": "start", "angles": {"left_knee": 95, ...}}]`,
    /// every joint present (see [`Angles`]'s serialisation).
    pub fn open_poses(&self) -> Vec<OpenPose<'_>> {
        self.poses
            .iter()
            .map(|p| OpenPose {
                name: &p.name,
                angles: &p.angles,
            })
            .collect()
    }

    /// Whether a segment is drawn as working.
    pub fn is_working(&self, segment: Segment) -> bool {
        self.working.contains(&segment)
    }
}

/// The segments an exercise's main muscles move, on the side(s) that do the work: when
/// one leg bears weight in every grounded pose and the other does not, only that leg's
/// muscles work (a single-leg squat, a step-up).
pub fn working_segments(primary: &[String], poses: &[Pose]) -> Vec<Segment> {
    let mut kinds: Vec<fn(Side) -> Segment> = Vec::new();
    let mut trunk = false;
    for muscle in primary {
        match muscle.as_str() {
            "calves" | "shins" => {
                kinds.extend([Segment::Shin as fn(Side) -> Segment, Segment::Foot])
            }
            "hamstrings" | "quadriceps" | "glutes" | "hip-flexors" | "adductors" | "abductors" => {
                kinds.push(Segment::Thigh)
            }
            "chest" => {
                trunk = true;
                kinds.push(Segment::UpperArm);
            }
            "shoulders" | "biceps" | "triceps" => kinds.push(Segment::UpperArm),
            "lower-back" | "abdominals" | "obliques" | "upper-back" => trunk = true,
            _ => {}
        }
    }
    let grounded: Vec<&Pose> = poses
        .iter()
        .filter(|p| p.on.iter().any(|c| c.leg().is_some()))
        .collect();
    let always = |side: Side| {
        grounded
            .iter()
            .all(|p| p.on.iter().any(|c| c.leg() == Some(side)))
    };
    let legs: Vec<Side> = match (always(Side::Left), always(Side::Right)) {
        (true, false) => vec![Side::Left],
        (false, true) => vec![Side::Right],
        _ => Side::BOTH.to_vec(),
    };
    let mut working = Vec::new();
    if trunk {
        working.push(Segment::Trunk);
    }
    for kind in kinds {
        for side in Side::BOTH {
            let segment = kind(side);
            let is_leg = matches!(
                segment,
                Segment::Thigh(_) | Segment::Shin(_) | Segment::Foot(_)
            );
            if (!is_leg || legs.contains(&side)) && !working.contains(&segment) {
                working.push(segment);
            }
        }
    }
    working
}

/// How a message names a prop.
fn article(kind: PropKind) -> &'static str {
    match kind {
        PropKind::Bench => "the bench",
        PropKind::Step => "the step",
        PropKind::PlyoBox => "the box",
        PropKind::Wall => "the wall",
        PropKind::Pad => "the pad",
        PropKind::Ball => "the ball",
        PropKind::Post => "the post",
        PropKind::Barbell => "the barbell",
        PropKind::Dumbbells => "the dumbbell",
        PropKind::Kettlebell => "the kettlebell",
        PropKind::MedicineBall => "the medicine ball",
        PropKind::Roller => "the roller",
        PropKind::Band => "the band",
        PropKind::Strap => "the strap",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skeleton::LimbJoint;

    pub(crate) fn standing(name: &str) -> Pose {
        Pose {
            name: name.into(),
            angles: Angles::default(),
            on: vec![Contact::Foot(Side::Left), Contact::Foot(Side::Right)],
            anchor: Contact::Foot(Side::Left),
            x: 0.0,
            lift: 0.0,
        }
    }

    #[test]
    fn a_standing_pose_puts_the_soles_on_the_floor() {
        let figure = Figure {
            poses: vec![standing("start")],
            ..Figure::default()
        };
        let body = figure.body(0);
        for point in [Point::Toe(Side::Left), Point::Heel(Side::Right)] {
            let height = body.point(point).height();
            assert!(
                (height - point.radius()).abs() < 1e-9,
                "{point:?} at {height}"
            );
        }
    }

    #[test]
    fn the_anchored_ball_of_the_foot_stays_put_while_rising_onto_the_toes() {
        let mut end = standing("end");
        end.on = vec![Contact::Toe(Side::Left), Contact::Toe(Side::Right)];
        end.anchor = Contact::Toe(Side::Left);
        for side in Side::BOTH {
            end.angles.set(Joint::Limb(side, LimbJoint::Ankle), -30.0);
        }
        let figure = Figure {
            poses: vec![standing("start"), end],
            ..Figure::default()
        };
        let toe = figure.body(0).point(Point::Toe(Side::Left));
        for step in 0..=8 {
            let body = figure.body_between(0, 1, f64::from(step) / 8.0);
            assert!(body.point(Point::Toe(Side::Left)).minus(toe).length() < 1e-9);
        }
        assert!(figure.body(1).point(Point::Heel(Side::Left)).height() > 5.0);
    }

    #[test]
    fn a_slide_from_one_foot_to_the_other_never_sinks_into_the_floor() {
        // On the right foot with the left heel up behind, then on the left foot with
        // the right heel up: halfway, each placement pins a foot still in the air.
        let flick = |name: &str, stance: Side, flicked: Side| {
            let mut pose = standing(name);
            pose.on = vec![Contact::Toe(stance)];
            pose.anchor = Contact::Toe(stance);
            pose.angles
                .set(Joint::Limb(flicked, LimbJoint::Knee), 140.0);
            pose.angles
                .set(Joint::Limb(stance, LimbJoint::Ankle), -20.0);
            pose
        };
        let figure = Figure {
            poses: vec![
                flick("start", Side::Right, Side::Left),
                flick("end", Side::Left, Side::Right),
            ],
            ..Figure::default()
        };
        for step in 0..=10 {
            let body = figure.body_between(0, 1, f64::from(step) / 10.0);
            assert!(check::lowest(&body).y < 1e-9, "step {step} sinks");
        }
        let halfway = figure.body_between(0, 1, 0.5);
        assert!(check::lowest(&halfway).y > -1e-9, "and rests on the floor");
    }

    #[test]
    fn an_anchor_on_a_step_stands_on_its_top() {
        let mut pose = standing("start");
        pose.x = 10.0;
        let figure = Figure {
            poses: vec![pose],
            props: vec![Prop {
                kind: PropKind::Step,
                place: props::Place::Scene {
                    x: 0.0,
                    height: 18.0,
                },
            }],
            ..Figure::default()
        };
        let toe = figure.body(0).point(Point::Toe(Side::Left));
        assert!((toe.height() - 18.0 - 2.5).abs() < 1e-9);
    }

    #[test]
    fn open_poses_name_every_angle() {
        let figure = Figure {
            poses: vec![standing("start"), standing("end")],
            ..Figure::default()
        };
        let json = serde_json::to_value(figure.open_poses()).expect("serialises");
        assert_eq!(json[1]["name"], "end");
        assert_eq!(json[0]["angles"]["left_knee"], 0.0);
        assert_eq!(json[0]["angles"].as_object().map(|m| m.len()), Some(13));
    }

    #[test]
    fn the_leg_that_bears_weight_in_every_pose_is_the_working_one() {
        let mut single = standing("start");
        single.on = vec![Contact::Foot(Side::Left)];
        let poses = vec![single.clone(), single];
        let working = working_segments(&["quadriceps".to_string()], &poses);
        assert_eq!(working, vec![Segment::Thigh(Side::Left)]);
        let both = working_segments(&["calves".into()], &[standing("start")]);
        assert_eq!(both.len(), 4);
        // The shin muscles lift the foot: a tibialis raise works the shins and feet.
        let shins = working_segments(&["shins".into()], &[standing("start")]);
        assert_eq!(shins, both);
    }
}
