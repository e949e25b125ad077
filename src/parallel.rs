//! Spreading independent work over the machine's cores (2 here): loading a
//! big folder, evaluating a whole kit ([`map`], which waits for the work),
//! and scoring a kit while the app stays responsive ([`Background`], which
//! never makes its caller wait).

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread::JoinHandle;

/// Threads for work spread over the machine: one a core, at most four.
fn threads() -> usize {
    std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(4)
}

/// `f` over `items`, in order, on up to four threads when there are at least
/// `min` items; on one thread otherwise.
pub fn map<T: Sync, R: Send>(items: &[T], min: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = threads();
    if threads < 2 || items.len() < min {
        return items.iter().map(&f).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let workers: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(f).collect::<Vec<R>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// `f` over `items` on background threads (one a core, at least one),
/// each result sent back as it is done, tagged with its item's index. The
/// caller never waits unless it asks to ([`Background::wait`]); the
/// threads take the items in order, one at a time, and each item is done
/// once — by a thread, or by the caller after [`Background::claim`].
/// Dropping it stops the threads after the item each is on.
pub struct Background<R> {
    shared: Arc<Shared>,
    results: mpsc::Receiver<(usize, R)>,
    threads: Vec<JoinHandle<()>>,
    /// Items whose result has come back, or that the caller claimed.
    finished: usize,
    len: usize,
}

struct Shared {
    /// The next item a thread looks at.
    next: AtomicUsize,
    /// One per item: taken by a thread or by the caller.
    claimed: Vec<AtomicBool>,
    stop: AtomicBool,
}

impl<R: Send + 'static> Background<R> {
    pub fn spawn<T: Send + Sync + 'static>(
        items: Vec<T>,
        f: impl Fn(&T) -> R + Send + Sync + 'static,
    ) -> Background<R> {
        let len = items.len();
        let shared = Arc::new(Shared {
            next: AtomicUsize::new(0),
            claimed: (0..len).map(|_| AtomicBool::new(false)).collect(),
            stop: AtomicBool::new(false),
        });
        let (sender, results) = mpsc::channel();
        let work = Arc::new((items, f));
        let threads = (0..threads().min(len))
            .map(|_| {
                let (shared, work, sender) =
                    (Arc::clone(&shared), Arc::clone(&work), sender.clone());
                std::thread::spawn(move || {
                    let (items, f) = &*work;
                    while !shared.stop.load(Ordering::Relaxed) {
                        let i = shared.next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        if shared.claimed[i].swap(true, Ordering::AcqRel) {
                            continue;
                        }
                        if sender.send((i, f(item))).is_err() {
                            break;
                        }
                    }
                })
            })
            .collect();
        Background {
            shared,
            results,
            threads,
            finished: 0,
            len,
        }
    }

    /// Takes item `index` from the threads, if none has started it: true
    /// when the caller now does it (and no result for it will come back).
    pub fn claim(&mut self, index: usize) -> bool {
        let won = self
            .shared
            .claimed
            .get(index)
            .is_some_and(|c| !c.swap(true, Ordering::AcqRel));
        self.finished += usize::from(won);
        won
    }

    /// The results that have come back since the last call; never waits.
    pub fn ready(&mut self) -> Vec<(usize, R)> {
        let mut out = Vec::new();
        while self.finished < self.len {
            match self.results.try_recv() {
                Ok(result) => {
                    self.finished += 1;
                    out.push(result);
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => self.lost(),
            }
        }
        out
    }

    /// Waits for up to `most` results (at least one, while any is missing).
    pub fn wait(&mut self, most: usize) -> Vec<(usize, R)> {
        let mut out = Vec::new();
        while self.finished < self.len && out.len() < most.max(1) {
            match self.results.recv() {
                Ok(result) => {
                    self.finished += 1;
                    out.push(result);
                }
                Err(mpsc::RecvError) => self.lost(),
            }
        }
        out
    }

    /// Every item is done (its result taken, or claimed).
    pub fn is_done(&self) -> bool {
        self.finished >= self.len
    }

    /// Every thread has ended with results missing: one panicked. Its
    /// panic goes on here, as [`map`]'s does.
    fn lost(&mut self) -> ! {
        for thread in self.threads.drain(..) {
            if let Err(panic) = thread.join() {
                std::panic::resume_unwind(panic);
            }
        }
        panic!("the background threads ended with work left");
    }
}

impl<R> Drop for Background<R> {
    fn drop(&mut self) {
        // Not joined: a thread ends once its current item is done.
        self.shared.stop.store(true, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u32> = (0..1000).collect();
        assert_eq!(
            super::map(&items, 10, |x| x * 2),
            items.iter().map(|x| x * 2).collect::<Vec<_>>()
        );
    }

    #[test]
    fn background_work_comes_back_once_per_item_and_claimed_items_never() {
        let items: Vec<u32> = (0..500).collect();
        let mut work = super::Background::spawn(items, |x| x * 2);
        // Claimed by the caller: no thread does it (or it was already taken).
        let claimed = work.claim(499);
        let mut seen = vec![0u32; 500];
        while !work.is_done() {
            for (i, r) in work.wait(7) {
                assert_eq!(r, i as u32 * 2);
                seen[i] += 1;
            }
        }
        assert!(work.ready().is_empty());
        assert!(seen[..499].iter().all(|&n| n == 1), "every item once");
        assert_eq!(seen[499], u32::from(!claimed));
    }

    #[test]
    fn a_panic_in_background_work_reaches_the_caller() {
        let mut work = super::Background::spawn(vec![1, 2, 3], |&x: &i32| {
            assert!(x != 2, "item two");
            x
        });
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            while !work.is_done() {
                work.wait(1);
            }
        }));
        assert!(caught.is_err());
    }
}
