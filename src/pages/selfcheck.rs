//! The posterior-chain self-check from query parameters.

use super::Pages;
use crate::domain::selfcheck::{QUESTIONS, answer, assess};
use crate::params::QueryParams;
use crate::views::selfcheck::{FieldView, SelfCheckPage};

impl Pages {
    /// The page for these answers, and whether they were complete and valid. With no
    /// answers at all it is the blank form.
    pub fn self_check(&self, params: &QueryParams) -> (SelfCheckPage, bool) {
        let blank = QUESTIONS.iter().all(|q| !params.pairs_named(q.name));
        let mut answers = Vec::with_capacity(QUESTIONS.len());
        let mut fields = Vec::with_capacity(QUESTIONS.len());
        for question in QUESTIONS {
            let given = params.single(question.name).ok().flatten();
            let result = answer(question, given);
            let chosen = result.as_ref().ok().copied();
            fields.push(FieldView {
                name: question.name,
                text: question.text,
                options: question
                    .answers
                    .iter()
                    .map(|(v, l, _)| (*v, *l, Some(*v) == chosen))
                    .collect(),
                error: if blank {
                    None
                } else {
                    result.as_ref().err().cloned()
                },
            });
            answers.extend(chosen);
        }
        let complete = answers.len() == QUESTIONS.len();
        let outcome = complete.then(|| assess(&answers));
        let meta = self.live_only(self.meta(
            "Is my posterior chain weak?",
            "Five quick questions about sitting, knee and back pain, glutes and hip flexors, and what the answers suggest.",
            "/self-check",
            "",
        ));
        (SelfCheckPage::new(meta, fields, outcome), blank || complete)
    }
}
