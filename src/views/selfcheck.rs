//! The self-check page: the form, and the result when answered.

use askama::Template;

use super::PageMeta;
use crate::domain::selfcheck::{
    BENCHMARK_NOTE, BENCHMARKS, Benchmark, Outcome, SEE_A_PROFESSIONAL,
};

#[derive(Template)]
#[template(path = "selfcheck.html")]
pub struct SelfCheckPage {
    pub meta: PageMeta,
    pub fields: Vec<FieldView>,
    pub has_errors: bool,
    pub outcome: Option<Outcome>,
    pub see_a_professional: &'static [&'static str],
    pub benchmarks: &'static [Benchmark],
    pub benchmark_note: &'static str,
}

/// One question as the form shows it.
pub struct FieldView {
    pub name: &'static str,
    pub text: &'static str,
    /// (value, label, checked)
    pub options: Vec<(&'static str, &'static str, bool)>,
    pub error: Option<String>,
}

impl SelfCheckPage {
    pub fn new(meta: PageMeta, fields: Vec<FieldView>, outcome: Option<Outcome>) -> Self {
        Self {
            meta,
            has_errors: fields.iter().any(|f| f.error.is_some()),
            fields,
            outcome,
            see_a_professional: SEE_A_PROFESSIONAL,
            benchmarks: BENCHMARKS,
            benchmark_note: BENCHMARK_NOTE,
        }
    }
}
