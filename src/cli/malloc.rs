//! How the server asks glibc's allocator to give memory back.
//!
//! By default glibc serves large allocations from `mmap` only until the first one is
//! freed; from then on it raises the threshold to that size, so the buffers of
//! rendering and compressing a page come from each thread's arena and stay resident
//! after they are freed. Measured at a thousand exercises, after fetching every page
//! once, that left the server at 48 MB; with the threshold fixed at 128 KiB it is
//! 38 to 41 MB. Starting again costs about 2 ms; serving pages already compressed
//! costs nothing more.
//!
//! glibc reads the setting (`GLIBC_TUNABLES`) only when a process starts, and the site
//! forbids unsafe code, so `serve` sets it by starting itself again, once, before it
//! does anything else. Whoever sets a malloc tunable of their own keeps it.

use std::ffi::OsString;
use std::os::unix::process::CommandExt;

/// The tunable set: allocations of 128 KiB and more are mapped, and unmapped when freed.
pub const TUNABLE: &str = "glibc.malloc.mmap_threshold=131072";

/// The `GLIBC_TUNABLES` to start with, given the current one; `None` when the current
/// one already chooses the malloc threshold.
fn tunables(current: Option<&str>) -> Option<String> {
    match current.filter(|c| !c.is_empty()) {
        Some(current) if current.contains("glibc.malloc.mmap_threshold") => None,
        Some(current) => Some(format!("{current}:{TUNABLE}")),
        None => Some(TUNABLE.to_string()),
    }
}

/// Starts this program again, with the same arguments, descriptors and process id,
/// with [`TUNABLE`] set; returns only when that is not needed or not possible (then
/// the server runs with glibc's defaults, and says so).
pub fn restart_with_tunable() {
    if !cfg!(all(target_os = "linux", target_env = "gnu")) {
        return;
    }
    let current = std::env::var("GLIBC_TUNABLES").ok();
    let Some(value) = tunables(current.as_deref()) else {
        return;
    };
    let Ok(program) = std::env::current_exe() else {
        return;
    };
    let mut args = std::env::args_os();
    let name = args.next().unwrap_or_else(|| OsString::from("runstrong"));
    let error = std::process::Command::new(program)
        .arg0(name)
        .args(args)
        .env("GLIBC_TUNABLES", value)
        .exec();
    eprintln!(
        "runstrong: running with glibc's malloc defaults: cannot restart with {TUNABLE}: {error}"
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tunable_is_added_to_others_and_never_overrides_a_choice() {
        assert_eq!(tunables(None).as_deref(), Some(TUNABLE));
        assert_eq!(tunables(Some("")).as_deref(), Some(TUNABLE));
        assert_eq!(
            tunables(Some("glibc.malloc.arena_max=2")),
            Some(format!("glibc.malloc.arena_max=2:{TUNABLE}"))
        );
        assert_eq!(tunables(Some("glibc.malloc.mmap_threshold=65536")), None);
        assert_eq!(tunables(Some(TUNABLE)), None);
    }
}
