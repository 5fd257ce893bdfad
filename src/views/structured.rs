//! schema.org structured data (JSON-LD) for pages where a type fits: Article for
//! articles, HowTo for exercises, Product with a price range for home equipment.

use serde_json::{Value, json};

use crate::domain::{Article, BuyingGuide, Equipment, Exercise, decimal_pounds};

/// Serialises for a `<script type="application/ld+json">` block: `<` is escaped so no
/// text from content can close the element.
fn script_safe(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

/// `site` is the absolute URL the site is served at.
pub fn article(article: &Article, site: &str) -> String {
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "dateModified": article.updated,
        "url": format!("{site}{}", article.url()),
        "publisher": { "@type": "Organization", "name": "runstrong" },
    }))
}

pub fn exercise(exercise: &Exercise, equipment: &[Equipment], site: &str) -> String {
    let steps: Vec<Value> = exercise
        .steps
        .iter()
        .enumerate()
        .map(|(i, text)| json!({ "@type": "HowToStep", "position": i + 1, "text": text }))
        .collect();
    let tools: Vec<Value> = equipment
        .iter()
        .map(|e| json!({ "@type": "HowToTool", "name": e.name }))
        .collect();
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "HowTo",
        "name": exercise.name,
        "description": exercise.summary,
        "url": format!("{site}{}", exercise.url()),
        "tool": tools,
        "step": steps,
    }))
}

pub fn product(item: &Equipment, guide: &BuyingGuide, site: &str) -> String {
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": item.name,
        "description": item.summary,
        "url": format!("{site}{}", item.url()),
        "offers": {
            "@type": "AggregateOffer",
            "priceCurrency": "GBP",
            "lowPrice": decimal_pounds(guide.price_min),
            "highPrice": decimal_pounds(guide.price_max),
        },
    }))
}
