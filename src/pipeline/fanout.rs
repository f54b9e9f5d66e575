//! The document fan-out: jobs run on plain scoped threads that pull from a shared queue.
//!
//! Not rayon tasks, on purpose. The PDF writer under typst calls `rayon::yield_now()` while
//! it waits; on a rayon worker that runs whatever job is queued next — another whole
//! document — on the same stack, so nesting (and memory) grew with the number of documents
//! until the stack overflowed. On a thread that is not a rayon worker `yield_now` does
//! nothing, while typst's own parallel work still runs on the global rayon pool.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

/// How many jobs run at once: as many as rayon would use (`RAYON_NUM_THREADS` holds).
pub fn threads() -> usize {
    rayon::current_num_threads().max(1)
}

/// Runs `job` on every item on `threads` threads, each taking the next item when it is free.
/// Returns the results in the order of `items`, or the error of the first failed item (in
/// that order); after a failure no new item is started.
pub fn run<T, R, E>(
    items: &[T],
    threads: usize,
    job: impl Fn(&T) -> Result<R, E> + Sync,
) -> Result<Vec<R>, E>
where
    T: Sync,
    R: Send,
    E: Send,
{
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let worker = || {
        let mut done = Vec::new();
        while !failed.load(Ordering::Relaxed) {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(item) = items.get(i) else { break };
            let result = job(item);
            failed.fetch_or(result.is_err(), Ordering::Relaxed);
            done.push((i, result));
        }
        done
    };
    let mut all: Vec<(usize, Result<R, E>)> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads.clamp(1, items.len().max(1)))
            .map(|_| s.spawn(worker))
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    });
    all.sort_by_key(|(i, _)| *i);
    all.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_and_no_job_runs_on_a_rayon_worker() {
        let items: Vec<u32> = (0..50).collect();
        let out = run(&items, 3, |&i| {
            assert!(rayon::current_thread_index().is_none());
            Ok::<_, ()>(i * 2)
        });
        assert_eq!(
            out.unwrap(),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn the_first_failure_in_order_is_returned_and_stops_new_jobs() {
        let started = AtomicUsize::new(0);
        let items: Vec<u32> = (0..1000).collect();
        let out = run(&items, 2, |&i| {
            started.fetch_add(1, Ordering::Relaxed);
            if i >= 3 { Err(i) } else { Ok(i) }
        });
        assert_eq!(out, Err(3));
        assert!(started.load(Ordering::Relaxed) < 10);
    }
}
