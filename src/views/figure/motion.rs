//! Timing: when each pose is reached, and the intermediate steps at which the placement
//! of the body (and of anything stretched or rolling) is given so that the anchored
//! contact stays put during the motion, not only at the poses.

use crate::domain::figure::{Body, Figure};

/// Samples between two poses for the root's placement.
pub const STEPS: usize = 8;
/// Pause on the first and last pose, in seconds (each end, each way).
const HOLD: f64 = 0.4;

/// One moment of the animation, start to end (it then plays back, end to start).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stop {
    /// Share of the animation's duration, 0 to 100.
    pub percent: f64,
    /// Between poses `from` and `from + 1`, eased progress `t`.
    pub from: usize,
    pub t: f64,
}

pub struct Timeline {
    /// One way, start to end, holds included.
    pub seconds: f64,
    poses: usize,
    hold: f64,
}

impl Timeline {
    pub fn new(figure: &Figure) -> Self {
        let poses = figure.poses.len().max(2);
        let flight = figure.poses.iter().any(|p| p.on.is_empty());
        let per_move = if flight { 0.45 } else { 1.1 };
        let moving = per_move * (poses - 1) as f64;
        let seconds = moving + 2.0 * HOLD;
        Self {
            seconds,
            poses,
            hold: HOLD / seconds,
        }
    }

    /// When pose `index` is reached, in percent.
    pub fn pose_percent(&self, index: usize) -> f64 {
        let span = 1.0 - 2.0 * self.hold;
        100.0 * (self.hold + span * index as f64 / (self.poses - 1) as f64)
    }

    /// Every sampled moment, in order: each move split into [`STEPS`], the progress
    /// eased as the joints' `ease-in-out` eases it, so the sampled placement and the
    /// interpolated angles agree at each stop.
    pub fn stops(&self) -> Vec<Stop> {
        let mut stops = Vec::new();
        for from in 0..self.poses - 1 {
            let (a, b) = (self.pose_percent(from), self.pose_percent(from + 1));
            let first = if from == 0 { 0 } else { 1 };
            for k in first..=STEPS {
                let u = k as f64 / STEPS as f64;
                stops.push(Stop {
                    percent: a + (b - a) * u,
                    from,
                    t: ease_in_out(u),
                });
            }
        }
        stops
    }
}

/// The body at a stop.
pub fn body_at(figure: &Figure, stop: Stop) -> Body {
    if stop.from + 1 >= figure.poses.len() {
        return figure.body(stop.from.min(figure.poses.len().saturating_sub(1)));
    }
    figure.body_between(stop.from, stop.from + 1, stop.t)
}

/// CSS `ease-in-out`, `cubic-bezier(0.42, 0, 0.58, 1)`: the progress at time `u`.
pub fn ease_in_out(u: f64) -> f64 {
    let (x1, x2) = (0.42, 0.58);
    let bezier = |s: f64, p1: f64, p2: f64| {
        let r = 1.0 - s;
        3.0 * r * r * s * p1 + 3.0 * r * s * s * p2 + s * s * s
    };
    // Solve x(s) = u by bisection (x is monotonic), then read y(s).
    let (mut low, mut high) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = (low + high) / 2.0;
        if bezier(mid, x1, x2) < u {
            low = mid;
        } else {
            high = mid;
        }
    }
    bezier((low + high) / 2.0, 0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn easing_starts_and_ends_slowly_and_is_symmetric() {
        assert!(ease_in_out(0.0).abs() < 1e-9);
        assert!((ease_in_out(1.0) - 1.0).abs() < 1e-9);
        assert!((ease_in_out(0.5) - 0.5).abs() < 1e-6);
        assert!(ease_in_out(0.1) < 0.1);
        assert!((ease_in_out(0.2) + ease_in_out(0.8) - 1.0).abs() < 1e-6);
    }
}
