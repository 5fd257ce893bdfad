//! A pose as written: joint angles, contacts and placement, checked key by key so that
//! a mistyped joint is named at its line.

use std::collections::BTreeMap;

use toml::{Spanned, Value};

use super::super::error::ContentErrors;
use super::super::source::SourceFile;
use crate::domain::figure::skeleton::{LimbJoint, Side};
use crate::domain::figure::{Angles, Contact, Joint, Pose, View};

/// A pose's keys and values, each with its span.
pub type PoseFront = BTreeMap<Spanned<String>, Spanned<Value>>;

pub struct PoseReader<'a> {
    pub file: &'a SourceFile,
    pub view: View,
    pub errors: &'a mut ContentErrors,
}

impl PoseReader<'_> {
    pub fn pose(&mut self, name: &str, front: &Spanned<PoseFront>) -> Pose {
        let mut angles = Angles::default();
        let (mut on, mut anchor, mut x, mut lift) = (None, None, 0.0, None);
        // Both-sides shorthands first, so a per-side key written beside one wins.
        let mut entries: Vec<_> = front.get_ref().iter().collect();
        entries.sort_by_key(|(key, _)| key.get_ref().contains('_'));
        for (key, value) in entries {
            match key.get_ref().as_str() {
                "on" => on = Some(self.contacts(value)),
                "anchor" => anchor = self.contact(value),
                "x" => x = self.number(value, "x").unwrap_or(0.0),
                "lift" => lift = self.number(value, "lift"),
                _ => self.angle(key, value, &mut angles),
            }
        }
        let span = front.span();
        let on = on.unwrap_or_else(|| {
            self.error(
                &span,
                format!("the {name} pose needs `on`: its bearing contacts, or `on = []` in flight"),
            );
            Vec::new()
        });
        let anchor = self.anchor(name, &span, &on, anchor);
        if lift.is_some() != on.is_empty() {
            self.error(
                &span,
                "`lift` is for poses in flight (`on = []`) only, and they need it",
            );
        }
        Pose {
            name: name.into(),
            angles,
            on,
            anchor,
            x,
            lift: lift.unwrap_or(0.0).max(0.0),
        }
    }

    /// Sets the joint or joints a key names, reporting an unknown joint or an angle out
    /// of its range.
    fn angle(&mut self, key: &Spanned<String>, value: &Spanned<Value>, angles: &mut Angles) {
        let name = key.get_ref();
        let joints = joints_named(name);
        if joints.is_empty() {
            self.error(&key.span(), unknown_joint(name));
            return;
        }
        let Some(degrees) = self.number(value, name) else {
            return;
        };
        for joint in joints {
            let (low, high) = joint.range(self.view);
            if !(low..=high).contains(&degrees) {
                self.error(
                    &value.span(),
                    format!(
                        "{} = {degrees} is outside its range, {low} to {high} in the {} view",
                        joint.name(),
                        self.view.name()
                    ),
                );
            }
            angles.set(joint, degrees);
        }
    }

    /// The contact placed at `x`: the one named (which must bear weight unless the pose
    /// is in flight), else the first of `on`.
    fn anchor(
        &mut self,
        name: &str,
        span: &std::ops::Range<usize>,
        on: &[Contact],
        named: Option<Contact>,
    ) -> Contact {
        match (named, on.first()) {
            (Some(a), _) if on.is_empty() || on.contains(&a) => a,
            (Some(a), _) => {
                self.error(
                    span,
                    format!("the anchor `{}` must be one of `on`", a.name()),
                );
                a
            }
            (None, Some(first)) => *first,
            (None, None) => {
                self.error(
                    span,
                    format!("the {name} pose is in flight: name its `anchor` and `lift`"),
                );
                Contact::default()
            }
        }
    }

    fn error(&mut self, span: &std::ops::Range<usize>, message: impl Into<String>) {
        self.errors.push(self.file.error_at(span, message));
    }

    fn number(&mut self, value: &Spanned<Value>, what: &str) -> Option<f64> {
        match value.get_ref() {
            Value::Integer(n) => Some(*n as f64),
            Value::Float(n) => Some(*n),
            _ => {
                self.error(
                    &value.span(),
                    format!("{what} must be a number of degrees or centimetres"),
                );
                None
            }
        }
    }

    fn contact(&mut self, value: &Spanned<Value>) -> Option<Contact> {
        let name = value.get_ref().as_str().unwrap_or_default();
        let contact = Contact::from_name(name);
        if contact.is_none() {
            let names: Vec<String> = Contact::all().iter().map(|c| c.name()).collect();
            self.error(
                &value.span(),
                format!("unknown contact `{name}`: use one of {}", names.join(", ")),
            );
        }
        contact
    }

    fn contacts(&mut self, value: &Spanned<Value>) -> Vec<Contact> {
        let Some(items) = value.get_ref().as_array() else {
            self.error(
                &value.span(),
                "`on` must be a list such as [\"left_foot\", \"right_foot\"]",
            );
            return Vec::new();
        };
        items
            .iter()
            .filter_map(|item| self.contact(&Spanned::new(value.span(), item.clone())))
            .collect()
    }
}

/// The joints a pose key sets: one, or both sides for `knee` and the like.
fn joints_named(key: &str) -> Vec<Joint> {
    if let Some(joint) = Joint::from_name(key) {
        return vec![joint];
    }
    LimbJoint::ALL
        .into_iter()
        .find(|limb| limb.name() == key)
        .map(|limb| Side::BOTH.map(|side| Joint::Limb(side, limb)).to_vec())
        .unwrap_or_default()
}

fn unknown_joint(key: &str) -> String {
    let names: Vec<String> = Joint::ALL.iter().map(|j| j.name()).collect();
    format!(
        "unknown joint `{key}`: a pose takes `on`, `anchor`, `x`, `lift` and the joints {} \
         (or `shoulder`, `elbow`, `hip`, `knee`, `ankle` for both sides)",
        names.join(", ")
    )
}
