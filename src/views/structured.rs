//! schema.org structured data (JSON-LD) for pages where a type fits: Article for
//! articles, HowTo for exercises, Product with a price range for home equipment.

use serde_json::{Value, json};

use super::site_url;
use crate::domain::{Article, BuyingGuide, Equipment, Exercise};

/// Serialises for a `<script type="application/ld+json">` block: `<` is escaped so no
/// text from content can close the element.
fn script_safe(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c")
}

pub fn article(article: &Article) -> String {
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": article.title,
        "description": article.summary,
        "dateModified": article.updated,
        "url": format!("{}/articles/{}", site_url(), article.slug),
        "publisher": { "@type": "Organization", "name": "runstrong" },
    }))
}

pub fn exercise(exercise: &Exercise, equipment: &[Equipment]) -> String {
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
        "url": format!("{}/exercises/{}", site_url(), exercise.slug),
        "tool": tools,
        "step": steps,
    }))
}

pub fn product(item: &Equipment, guide: &BuyingGuide) -> String {
    let price = |pence: u32| format!("{}.{:02}", pence / 100, pence % 100);
    script_safe(&json!({
        "@context": "https://schema.org",
        "@type": "Product",
        "name": item.name,
        "description": item.summary,
        "url": format!("{}/equipment/{}", site_url(), item.slug),
        "offers": {
            "@type": "AggregateOffer",
            "priceCurrency": "GBP",
            "lowPrice": price(guide.price_min),
            "highPrice": price(guide.price_max),
        },
    }))
}
