//! The web server. A request passes, outermost first, through the tracing logger, the
//! draining flag ([`shutdown`]), the security headers ([`headers`]) and the request
//! limits ([`limits`]), then reaches a thin handler in [`routes`], which asks the current
//! [`site::Site`] for a page: a stored one, or one the page builders render for its query
//! and the [`cache`] keeps.

pub mod cache;
pub mod headers;
pub mod limits;
pub mod reload;
pub mod routes;
pub mod served;
pub mod server;
pub mod shutdown;
pub mod site;
pub mod watch;

pub use server::{Application, Settings, inherited_listener};
