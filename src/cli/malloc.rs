//! How the server asks its allocator to give memory back.
//!
//! The binary allocates with jemalloc (`src/main.rs`): reading a large library is
//! thousands of small allocations on every core at once, where glibc's allocator spent
//! a fifth of start-up in its locks and bookkeeping. jemalloc's defaults suit a batch
//! job like the export, which compresses thousands of files as fast as it can. A server
//! should rather return the big buffers of rendering and compressing a page as soon as
//! they are freed, and keep few arenas on a small machine. Measured at a thousand
//! exercises after fetching every page once, the defaults left the server at 43 MB; with
//! [`settings`] it is 30 to 35 MB. Starting again costs about 2 ms; serving pages
//! already compressed costs nothing more.
//!
//! jemalloc reads its settings (`_RJEM_MALLOC_CONF`, the name this build of it looks
//! for) only when a process starts, and the site forbids unsafe code, so `serve` sets
//! them by starting itself again, once, before it does anything else. Whoever sets the
//! variable keeps their own settings.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;

/// The environment variable this build of jemalloc reads its settings from.
pub const VARIABLE: &str = "_RJEM_MALLOC_CONF";

/// The server's settings on a machine with `cores` cores: allocations of 128 KiB and
/// more go to an arena that unmaps them when freed, and there is one arena per core
/// for the rest (the default is four, for threads that the server does not have).
pub fn settings(cores: usize) -> String {
    format!("oversize_threshold:131072,narenas:{}", cores.max(1))
}

/// Starts this program again, with the same arguments, descriptors and process id,
/// with [`settings`] in [`VARIABLE`]; returns only when that is not needed (the
/// variable is already set) or not possible (then the server runs with jemalloc's
/// defaults, and says so).
pub fn restart_with_settings() {
    if std::env::var_os(VARIABLE).is_some() {
        return;
    }
    let Ok(program) = std::env::current_exe() else {
        return;
    };
    let value = settings(crate::parallel::cores());
    let mut args = std::env::args_os();
    let name = args.next().unwrap_or_else(|| OsString::from("runstrong"));
    let error = std::process::Command::new(program)
        .arg0(name)
        .args(args)
        .env(VARIABLE, &value)
        .exec();
    eprintln!(
        "runstrong: running with the allocator's defaults: cannot restart with {value}: {error}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_settings_name_one_arena_per_core_and_at_least_one() {
        assert_eq!(settings(2), "oversize_threshold:131072,narenas:2");
        assert_eq!(settings(0), "oversize_threshold:131072,narenas:1");
    }
}
