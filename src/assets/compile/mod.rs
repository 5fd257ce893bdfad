//! The half of the asset catalogue that runs when the binary is built: `build.rs`
//! includes these files, and the library compiles them for its tests only.

pub mod catalogue;
pub mod draw;
pub mod script;
