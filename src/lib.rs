//! runstrong: a server-rendered coaching website for runners.
//!
//! Data flows one way: [`content`] reads and validates `content/`, [`db`] imports it into
//! SQLite, [`site`] renders pages from the database through the askama templates in
//! [`views`], and [`routes`] serves them ([`store`] keeps pages rendered at start-up).

pub mod assets;
pub mod calendar;
pub mod cli;
pub mod content;
pub mod db;
pub mod domain;
pub mod error;
pub mod export;
pub mod limits;
pub mod markdown;
pub mod query;
pub mod routes;
pub mod shutdown;
pub mod site;
pub mod startup;
pub mod state;
pub mod store;
pub mod views;
