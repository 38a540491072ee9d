//! A counting global allocator: the peak bytes allocated by one thread while a closure
//! runs. Tests run in parallel, so the counts are kept per thread; `parse` runs on the
//! calling thread only.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::time::{Duration, Instant};

struct Counting;

thread_local! {
    static CURRENT: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = CURRENT.try_with(|current| {
        let now = current.get().saturating_add(bytes);
        current.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrink(bytes: usize) {
    let _ = CURRENT.try_with(|current| current.set(current.get().saturating_sub(bytes)));
}

// SAFETY: every call is passed straight to the system allocator; the counting touches
// only const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrink(layout.size());
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        grow(new_size);
        shrink(layout.size());
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// What running a closure cost.
#[derive(Debug, Clone, Copy)]
pub struct Cost {
    /// The most bytes allocated at once beyond what was allocated before it started.
    pub peak: usize,
    pub elapsed: Duration,
}

/// Runs `f`, measuring the peak of its allocations on this thread and its time.
pub fn measure<R>(f: impl FnOnce() -> R) -> (R, Cost) {
    let base = CURRENT.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    let start = Instant::now();
    let result = f();
    let elapsed = start.elapsed();
    let peak = PEAK.with(Cell::get).saturating_sub(base);
    (result, Cost { peak, elapsed })
}

/// Runs `f` and drops what it returns: how many more bytes are allocated on this thread
/// afterwards than before (what the thread keeps between calls; less than 0 if it let
/// go of some).
pub fn retained<R>(f: impl FnOnce() -> R) -> isize {
    let base = CURRENT.with(Cell::get);
    drop(f());
    let now = CURRENT.with(Cell::get);
    let signed = |bytes: usize| isize::try_from(bytes).unwrap_or(isize::MAX);
    signed(now) - signed(base)
}

pub const MIB: usize = 1024 * 1024;
