//! Drawing an exercise's figure ([`crate::domain::figure`]) as SVG and CSS: pure string
//! building from positions, every text escaped.
//!
//! - [`inline_figure`]: the exercise page's `<figure class="movement">`: the animated
//!   drawing, the still start and end pair shown instead under reduced motion and in
//!   print, and a caption.
//! - [`keyframes_css`]: the figure's own small stylesheet (served fingerprinted, linked
//!   only from its exercise page): per-joint `@keyframes` rotating each joint between
//!   the poses, and the root's placement at [`motion::STEPS`] steps per move so the
//!   anchored contact stays put throughout.
//! - [`standalone_svg`]: the same drawing as a file of its own, animated through an
//!   `<?xml-stylesheet?>` link to that stylesheet, its colours as attributes.
//! - [`pose_svg`], [`still_pair_svg`], [`thumbnail_svg`]: stills.
//!
//! The generic rules (themes, reduced motion, print, forced colours) are the "Movement
//! figures" block of `static/site.css`.
//!
//! Colours come only from classes (or, standalone, presentation attributes): no `style`
//! attribute and no `<style>` element, as the CSP (`style-src 'self'`) requires. All
//! figures share the class names `j0`..`j11` (joints, as [`SEGMENTS`] indexes them),
//! `s0`.. (moving props), `b` (far side), `w` (working), `p`, `q`, `d` (props, fills,
//! bands); one figure's keyframes are scoped by its class [`scope`].

mod bounds;
mod draw;
mod keyframes;
mod kit;
pub mod motion;
mod stills;
mod svg;

use std::fmt::Write;

use bounds::Bounds;
use draw::Nested;
pub use keyframes::keyframes_css;
use kit::{Transform, fixed_props, hands_apart, is_moving, moving_markup, moving_transform};
use motion::{Timeline, body_at};
use stills::stills;
use svg::{Paint, STANDALONE_BACKGROUND, STANDALONE_ROOT, escape, num};

use crate::domain::figure::kinematics::{SEGMENTS, relative_rotation};
use crate::domain::figure::{Body, Figure, Joint, Segment, V2};

/// Margin around a drawing, in centimetres.
const MARGIN: f64 = 4.0;

/// The class that scopes one figure's keyframes: `m-` and the exercise's slug.
pub fn scope(slug: &str) -> String {
    format!("m-{slug}")
}

/// What every drawing of one figure shares: timing, placement, which joints move.
struct Plan<'a> {
    figure: &'a Figure,
    timeline: Timeline,
    hands_apart: bool,
    /// Scene to viewBox, and the box.
    shift: V2,
    width: f64,
    height: f64,
    /// Per segment: does its joint turn between poses?
    animated: [bool; 12],
    /// Does the chest turn in some pose?
    twisted: bool,
}

impl<'a> Plan<'a> {
    fn new(figure: &'a Figure) -> Self {
        let timeline = Timeline::new(figure);
        let mut bounds = Bounds::new();
        bounds.fixed_props(figure);
        let stops = timeline.stops();
        for stop in &stops {
            bounds.body(figure, &body_at(figure, *stop));
        }
        let (shift, width, height) = bounds.frame(MARGIN);
        let mut animated = [false; 12];
        for (i, segment) in SEGMENTS.into_iter().enumerate().skip(1) {
            let first = relative_rotation(figure.view, &figure.poses[0].angles, segment);
            animated[i] = figure
                .poses
                .iter()
                .any(|p| (relative_rotation(figure.view, &p.angles, segment) - first).abs() > 0.05);
        }
        let start = root_transform(&figure.body(0), shift);
        animated[0] = stops
            .iter()
            .any(|s| root_transform(&body_at(figure, *s), shift) != start);
        let hands_apart = hands_apart(figure, &timeline);
        let twisted = figure
            .poses
            .iter()
            .any(|p| p.angles.get(Joint::Twist).abs() > 0.05);
        Plan {
            figure,
            timeline,
            hands_apart,
            shift,
            width,
            height,
            animated,
            twisted,
        }
    }

    /// The animated drawing's contents: floor, props, the body in its start pose.
    fn scene(&self, out: &mut String, mode: Paint) {
        let figure = self.figure;
        floor(out, self.shift.y, self.width, mode);
        fixed_props(out, figure, self.shift, mode);
        let start = figure.body(0);
        let moving = |out: &mut String, in_front: bool| {
            for (i, prop) in figure.props.iter().enumerate() {
                if !is_moving(prop, self.hands_apart) || in_front != is_held(prop) {
                    continue;
                }
                let place = moving_transform(prop, &start, self.shift);
                let _ = write!(out, r#"<g class="s{i}" transform="{}">"#, place.attr());
                moving_markup(out, prop, figure.view, mode);
                out.push_str("</g>");
            }
        };
        moving(out, false);
        Nested {
            figure,
            mode,
            animated: self.animated,
            hands_apart: self.hands_apart,
            shift: self.shift,
            twisted: self.twisted,
        }
        .body(out, &start);
        moving(out, true);
    }
}

fn is_held(prop: &crate::domain::figure::Prop) -> bool {
    matches!(prop.place, crate::domain::figure::props::Place::Held(_))
}

fn root_transform(body: &Body, shift: V2) -> Transform {
    let root = body.frame(Segment::Trunk);
    Transform {
        at: root.origin.plus(shift),
        turn: Some(root.rotation),
        stretch: None,
    }
}

fn floor(out: &mut String, y: f64, width: f64, mode: Paint) {
    let _ = write!(
        out,
        r#"<path{} d="M0 {}h{}" stroke-width="2"/>"#,
        svg::paint(mode, svg::Role::Prop, false),
        num(y + 1.0),
        num(width)
    );
}

/// The animated drawing, for a page: `role="img"` with the movement in words as its
/// title. It shows the start pose until [`keyframes_css`] moves it.
pub fn animated_svg(slug: &str, figure: &Figure) -> String {
    let plan = Plan::new(figure);
    let mut out = format!(
        r#"<svg class="mv mv-anim {}" viewBox="0 0 {} {}" role="img"><title>{}</title>"#,
        scope(slug),
        num(plan.width),
        num(plan.height),
        escape(&figure.says)
    );
    plan.scene(&mut out, Paint::Classes);
    out.push_str("</svg>");
    out
}

/// The figure as an SVG file of its own. It links `stylesheet_url` (the figure's
/// [`keyframes_css`]) so that it moves when opened by itself, and carries its colours
/// as attributes and its own light background, so it reads anywhere.
pub fn standalone_svg(slug: &str, figure: &Figure, stylesheet_url: &str) -> String {
    let plan = Plan::new(figure);
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<?xml-stylesheet href=\"{}\" type=\"text/css\"?>\n\
         <svg xmlns=\"http://www.w3.org/2000/svg\" class=\"mv {}\" viewBox=\"0 0 {w} {h}\" width=\"{}\" height=\"{}\" role=\"img\"{STANDALONE_ROOT}><title>{}</title>{STANDALONE_BACKGROUND}",
        escape(stylesheet_url),
        scope(slug),
        num(plan.width * 2.0),
        num(plan.height * 2.0),
        escape(&figure.says),
        w = num(plan.width),
        h = num(plan.height),
    );
    plan.scene(&mut out, Paint::Attributes);
    out.push_str("</svg>\n");
    out
}

/// One pose, still: `role="img"` titled with the movement and the pose.
pub fn pose_svg(figure: &Figure, index: usize) -> String {
    let label = figure.poses.get(index).map_or("", |p| p.name.as_str());
    let title = format!("{} ({label})", figure.says);
    stills(
        figure,
        &[index],
        Some(&title),
        "mv mv-pose",
        false,
        Paint::Classes,
    )
}

/// The start and end poses side by side, labelled "Start" and "End": shown instead of the
/// animated drawing under reduced motion and in print.
pub fn still_pair_svg(figure: &Figure) -> String {
    let last = figure.poses.len().saturating_sub(1);
    let title = format!("{} Start and end positions.", figure.says);
    stills(
        figure,
        &[0, last],
        Some(&title),
        "mv mv-pair",
        true,
        Paint::Classes,
    )
}

/// A small still of the figure's key pose (the middle, else the end) for lists such as a
/// programme's week: decorative (`aria-hidden`), as the exercise is named beside it.
pub fn thumbnail_svg(figure: &Figure) -> String {
    svg::whole_numbers(|| {
        stills(
            figure,
            &[figure.key_pose()],
            None,
            "mv mv-thumb",
            false,
            Paint::Classes,
        )
    })
}

/// The thumbnail as an SVG file of its own (`/exercises/{slug}/still.svg`), coloured by
/// attributes on its own light background: lists such as a programme's week show it as
/// an image, so a week of exercises costs the page's first visit nothing.
pub fn still_file(figure: &Figure) -> String {
    let drawing = svg::whole_numbers(|| {
        stills(
            figure,
            &[figure.key_pose()],
            Some(&figure.says),
            "mv",
            false,
            Paint::Attributes,
        )
    });
    // The drawing opens with `<svg class="mv" viewBox="..." role="img">`: a file also
    // needs the namespace, the root's paint and a background.
    let body = drawing.strip_prefix("<svg").unwrap_or(&drawing);
    let (attributes, rest) = body.split_once('>').unwrap_or((body, ""));
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"{attributes}{STANDALONE_ROOT}>{STANDALONE_BACKGROUND}{rest}\n"
    )
}

/// The page's `<figure class="movement">`: the animated drawing, the still pair for
/// reduced motion and print, and the movement in words as the caption.
pub fn inline_figure(slug: &str, figure: &Figure) -> String {
    format!(
        r#"<figure class="movement">{}{}<figcaption>{}</figcaption></figure>"#,
        animated_svg(slug, figure),
        still_pair_svg(figure),
        escape(&figure.says)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::figure::{Contact, Pose, Repeat, Side};

    fn calf_raise(says: &str) -> Figure {
        let pose = |name: &str, on: Contact, ankle: f64| {
            let mut angles = crate::domain::figure::Angles::default();
            for side in Side::BOTH {
                angles.set(
                    Joint::Limb(side, crate::domain::figure::skeleton::LimbJoint::Ankle),
                    ankle,
                );
            }
            Pose {
                name: name.into(),
                angles,
                on: vec![on],
                anchor: on,
                x: 0.0,
                lift: 0.0,
            }
        };
        Figure {
            says: says.into(),
            poses: vec![
                pose("start", Contact::Foot(Side::Left), 0.0),
                pose("end", Contact::Toe(Side::Left), -30.0),
            ],
            ..Figure::default()
        }
    }

    #[test]
    fn a_strap_is_drawn_wider_than_a_band_in_the_equipment_colour() {
        use crate::domain::figure::kinematics::Point;
        use crate::domain::figure::props::{End, Place};
        use crate::domain::figure::{Prop, PropKind};
        let stretched = |kind| Prop {
            kind,
            place: Place::Stretched(
                End::Fixed(V2::new(60.0, -45.0)),
                End::Body(Point::Knee(Side::Left)),
            ),
        };
        let mut figure = calf_raise("Hold");
        figure.props = vec![stretched(PropKind::Strap), stretched(PropKind::Band)];
        let html = inline_figure("hold", &figure);
        assert!(
            html.contains(r#"class="p" d="M0 0v1" stroke-width="3.5""#),
            "{html}"
        );
        assert!(
            html.contains(r#"class="d" d="M0 0v1" stroke-width="2.5""#),
            "{html}"
        );
    }

    #[test]
    fn a_figure_that_restarts_plays_one_way_only() {
        let mut figure = calf_raise("Up");
        assert!(keyframes_css("calf", &figure).contains(" infinite alternate both}"));
        figure.repeat = Repeat::Restart;
        let css = keyframes_css("calf", &figure);
        assert!(css.contains(" infinite both}"), "{css}");
        assert!(!css.contains("alternate"), "{css}");
    }

    #[test]
    fn text_is_escaped_everywhere_it_is_written() {
        let figure = calf_raise("Up <script>&\"down\"");
        let escaped = "Up &lt;script&gt;&amp;&quot;down&quot;";
        let html = inline_figure("calf", &figure);
        assert!(!html.contains("<script>"));
        assert_eq!(
            html.matches(escaped).count(),
            3,
            "two titles and the caption"
        );
        let svg = standalone_svg("calf", &figure, "/f.css?a=1&b=\"2\"");
        assert!(svg.contains(r#"href="/f.css?a=1&amp;b=&quot;2&quot;""#));
    }

    #[test]
    fn only_the_joints_that_move_are_animated_and_the_root_stays_anchored() {
        let figure = calf_raise("Calf raise");
        let css = keyframes_css("calf", &figure);
        // The ankles turn; the knees, hips, arms and head do not.
        assert!(css.contains(".m-calf .j6{animation:m-calf-j6 "));
        assert!(!css.contains(".j5{"));
        assert!(!css.contains(".j2{"));
        // The root moves (the body rises) at every step of the move.
        let root = css
            .lines()
            .find(|l| l.starts_with(".m-calf .j0"))
            .expect("root");
        assert_eq!(root.matches("transform:").count(), motion::STEPS + 1);
        assert!(css.contains(
            "@media (prefers-reduced-motion:reduce){.m-calf *{animation:none!important}}"
        ));
    }
}
