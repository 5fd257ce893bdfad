//! Work spread over every core, with results in the order of the work.
//!
//! Building a site is many small independent jobs: a file to parse, a group of pages to
//! render, a body to compress, a file to write. [`map`] runs them on scoped threads, each
//! taking the next job when it finishes one, so a long job does not leave a core idle.
//! The calling thread only waits: measured on a large library, work done on it ran
//! slower than on fresh threads. The threads end with the call, so nothing lingers once
//! the site is built.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// How many threads [`map`] uses: one per core.
pub fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// `work` applied to every item, on every core, in the items' order. A panic in any job
/// is raised again here, with its message.
pub fn map<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    let threads = cores().min(items.len());
    if threads <= 1 {
        return items.into_iter().map(work).collect();
    }
    let count = items.len();
    // Each job is taken once: its slot is emptied by the thread that runs it.
    let jobs: Vec<Mutex<Option<T>>> = items.into_iter().map(|i| Mutex::new(Some(i))).collect();
    let next = AtomicUsize::new(0);
    let run = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(slot) = jobs.get(index) else {
                return done;
            };
            let item = slot.lock().ok().and_then(|mut s| s.take());
            if let Some(item) = item {
                done.push((index, work(item)));
            }
        }
    };
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let helpers: Vec<_> = (0..threads).map(|_| scope.spawn(run)).collect();
        let mut results = Vec::with_capacity(count);
        for helper in helpers {
            let done = helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            results.extend(done);
        }
        results
    });
    debug_assert_eq!(results.len(), count);
    results.sort_unstable_by_key(|(index, _)| *index);
    results.into_iter().map(|(_, result)| result).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_back_in_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        // Uneven jobs, so threads finish out of order.
        let squares = map(items, |n| {
            if n % 7 == 0 {
                std::thread::sleep(std::time::Duration::from_micros(50));
            }
            n * n
        });
        assert_eq!(squares.len(), 1000);
        assert!(
            squares
                .iter()
                .enumerate()
                .all(|(i, s)| *s == (i * i) as u64)
        );
    }

    #[test]
    fn no_items_and_one_item_need_no_threads() {
        assert!(map(Vec::<u8>::new(), |n| n).is_empty());
        assert_eq!(map(vec![3], |n| n + 1), vec![4]);
    }

    #[test]
    #[should_panic(expected = "job 5 failed")]
    fn a_panicking_job_panics_the_caller() {
        map((0..10).collect(), |n: i32| {
            assert!(n != 5, "job 5 failed");
            n
        });
    }
}
