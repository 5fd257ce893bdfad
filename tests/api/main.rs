//! The one integration test binary: every test starts the real server on port 0 with a
//! fresh database and talks to it over HTTP.

mod authoring;
mod browser;
mod content_depth;
mod content_errors;
mod content_rules;
mod delivery;
mod discovery;
mod equipment;
mod exercises;
mod faults;
mod figure_errors;
mod figures;
mod guidance;
mod helpers;
mod load;
mod offline;
mod pages;
mod paging;
mod plan;
mod programs;
mod reload;
mod restart;
mod robustness;
mod structure;
mod training;
