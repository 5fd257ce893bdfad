//! The app icons the web app manifest names, drawn from the site's own `favicon.svg`.
//!
//! This is which icons there are. `build.rs` draws them when the binary is built
//! (`src/assets/compile/draw.rs`) from the one SVG in `static/`, so there is no binary
//! image in the repository that could drift from it, and no drawing at start-up.

/// A PNG icon made from the favicon.
pub struct Icon {
    /// Plain name in the catalogue; served fingerprinted under `/static/`.
    pub name: &'static str,
    /// Width and height in pixels.
    pub size: u32,
    /// Drawn for masking: a full square of the background colour with the drawing
    /// inside the central safe zone, so any mask shape a platform applies keeps it whole.
    pub maskable: bool,
}

/// The sizes installable web apps need: 192 and 512 pixels, and a maskable 512.
pub const ICONS: [Icon; 3] = [
    Icon {
        name: "icon-192.png",
        size: 192,
        maskable: false,
    },
    Icon {
        name: "icon-512.png",
        size: 512,
        maskable: false,
    },
    Icon {
        name: "icon-maskable-512.png",
        size: 512,
        maskable: true,
    },
];

/// The SVG every icon is drawn from.
pub const SOURCE: &str = "favicon.svg";
