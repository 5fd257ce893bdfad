//! Draws the app icons ([`super::super::icons`]) from the favicon with resvg (usvg
//! parses, tiny-skia paints), when the binary is built.

use resvg::{tiny_skia, usvg};

use super::super::icons::{Icon, SOURCE};

/// How much of a maskable icon the drawing fills: the safe zone is the central circle of
/// 80% of the width, and the drawing keeps its own margin inside that.
const MASKABLE_SCALE: f32 = 0.8;

/// Renders `icon` from the SVG `svg` as PNG bytes. Panics, failing the build, if the
/// site's own SVG cannot be drawn.
pub fn render(svg: &[u8], icon: &Icon) -> Vec<u8> {
    let tree = usvg::Tree::from_data(svg, &usvg::Options::default())
        .unwrap_or_else(|e| panic!("static/{SOURCE} is not a drawable SVG: {e}"));
    let Some(mut pixmap) = tiny_skia::Pixmap::new(icon.size, icon.size) else {
        panic!("icon {} has no pixels", icon.name);
    };
    let side = icon.size as f32;
    let drawing = tree.size().width().max(tree.size().height());
    let mut scale = side / drawing;
    let mut offset = 0.0;
    if icon.maskable {
        if let Some(usvg::Paint::Color(c)) = background(&tree) {
            pixmap.fill(tiny_skia::Color::from_rgba8(c.red, c.green, c.blue, 255));
        }
        scale *= MASKABLE_SCALE;
        offset = side * (1.0 - MASKABLE_SCALE) / 2.0;
    }
    let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, offset, offset);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    pixmap
        .encode_png()
        .unwrap_or_else(|e| panic!("icon {} cannot be encoded: {e}", icon.name))
}

/// The fill of the drawing's first shape: the icon's background.
fn background(tree: &usvg::Tree) -> Option<&usvg::Paint> {
    tree.root().children().iter().find_map(|node| match node {
        usvg::Node::Path(path) => path.fill().map(usvg::Fill::paint),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::assets::icons::ICONS;

    const SVG: &[u8] = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5d4b"/><path d="M9 24l5-9" stroke="#fff" stroke-width="3"/></svg>"##;

    fn pixels(png: &[u8]) -> tiny_skia::Pixmap {
        tiny_skia::Pixmap::decode_png(png).expect("a PNG")
    }

    #[test]
    fn icons_have_their_size() {
        for icon in &ICONS {
            let image = pixels(&render(SVG, icon));
            assert_eq!((image.width(), image.height()), (icon.size, icon.size));
        }
    }

    #[test]
    fn a_maskable_icon_fills_its_corners_and_the_plain_one_keeps_them_round() {
        let corner = |icon: &Icon| {
            let image = pixels(&render(SVG, icon));
            let pixel = image.pixel(0, 0).expect("a corner");
            (pixel.red(), pixel.green(), pixel.blue(), pixel.alpha())
        };
        assert_eq!(corner(&ICONS[2]), (0x0b, 0x5d, 0x4b, 255));
        assert_eq!(corner(&ICONS[1]).3, 0, "rounded corners stay transparent");
    }
}
