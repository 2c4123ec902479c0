//! How the allocator takes memory from the kernel, by the size of the
//! dataset: a small briefing in as little memory as it needs, a large one
//! in as little time.
//!
//! The binary's allocator, mimalloc, asks for transparent huge pages, so
//! each first touch of its memory clears 2 MiB (fewer page faults, more
//! memory), and gives freed memory back a second after it is freed, which
//! a process that lives 30 ms never reaches. With them, the default
//! briefing's PDF held 36 MB for about 5 MB of live heap.
//!
//! [`start`] (run by the binary before `main`, ahead of the standard
//! library's first allocation) turns huge pages off, and [`for_dataset`]
//! keeps them off. A small dataset gives its memory back after 1 ms: the
//! default PDF peaks at 15.5 MB instead of 36 at the same speed. A dataset
//! of [`LARGE_DATASET`] bytes or more gives freed memory back after
//! [`LARGE_PURGE_DELAY`]: each phase (the Markdown, the layout, the PDF)
//! frees most of what the one before it took, and given back it is not
//! counted twice. Huge pages once saved a large run a tenth of its time
//! on an idle machine; on one whose memory other processes have used (the
//! yardstick's Typst takes 860 MB just before) the kernel compacts memory
//! to find each 2 MiB page, and a 10,000-event PDF took 0.4 s of system
//! time with them, 0.15 s without. Without them, and with the delay, it
//! peaks at 71 MB instead of 108 (`docs/performance.md`).
//!
//! What the user or a parent process chose wins: huge pages turned off
//! before the process started stay off, and `MIMALLOC_ALLOW_THP` or
//! `MIMALLOC_PURGE_DELAY` in the environment are left to mimalloc.

use std::os::raw::{c_int, c_long};
use std::sync::atomic::{AtomicBool, Ordering};

/// Datasets from this size on (about 2,000 events) are large: their runs
/// give memory back less eagerly.
pub const LARGE_DATASET: u64 = 1 << 20;

/// mimalloc's `mi_option_purge_delay` (mimalloc.h, v3: options are
/// numbered, not exported as constants): milliseconds before freed memory
/// is given back.
const PURGE_DELAY: c_int = 15;
/// The purge delay of a small run. (0 gives back 1 MB more and costs 3–5%
/// of the default PDF's time in faults on memory given back too soon.)
const SMALL_PURGE_DELAY: c_long = 1;

/// The purge delay of a large run: long enough that memory freed and
/// taken again at once (a page's content stream, the next page's) is not
/// given back in between, short enough that what a finished phase freed
/// is given back before the next phase's peak.
const LARGE_PURGE_DELAY: c_long = 10;

/// Huge pages were off when the process started (a parent's choice).
static OFF_AT_START: AtomicBool = AtomicBool::new(false);

/// Huge pages off until the dataset is known. Allocates nothing.
pub fn start() {
    OFF_AT_START.store(huge_pages_off(), Ordering::Relaxed);
    set_huge_pages(false);
}

/// The settings for a dataset of `bytes` bytes.
///
/// # Safety
///
/// No other thread may be running: mimalloc's options are read and
/// written without a lock (`set_option`). Call it before the process
/// starts a thread of its own (the signal handler's, the watcher's).
pub unsafe fn for_dataset(bytes: u64) {
    let small = bytes < LARGE_DATASET;
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        let delay = if small { SMALL_PURGE_DELAY } else { LARGE_PURGE_DELAY };
        // SAFETY: our caller runs us before any other thread exists.
        unsafe { set_option(PURGE_DELAY, delay) };
    }
    let on = match std::env::var("MIMALLOC_ALLOW_THP") {
        Ok(value) => !matches!(value.trim().to_ascii_lowercase().as_str(), "0" | "false" | "off" | "no"),
        Err(_) => false,
    };
    set_huge_pages(on && !OFF_AT_START.load(Ordering::Relaxed));
}

/// Sets mimalloc's option number `option` to `value`.
///
/// # Safety
///
/// No other thread may be running: mimalloc reads its options on every
/// allocation and writes them here without a lock or atomics, so a thread
/// allocating meanwhile is a data race.
unsafe fn set_option(option: c_int, value: c_long) {
    // SAFETY: the caller guarantees no other thread runs; the option's
    // number is checked against mimalloc's defaults by this module's test.
    unsafe { libmimalloc_sys::mi_option_set(option, value) };
}

/// Whether huge pages are off for this process.
fn huge_pages_off() -> bool {
    #[cfg(target_os = "linux")]
    return prctl(libc::PR_GET_THP_DISABLE, 0) == 1;
    #[cfg(not(target_os = "linux"))]
    false
}

fn set_huge_pages(on: bool) {
    // On a kernel without the option the call fails and changes nothing.
    #[cfg(target_os = "linux")]
    prctl(libc::PR_SET_THP_DISABLE, libc::c_ulong::from(!on));
    #[cfg(not(target_os = "linux"))]
    let _ = on;
}

/// `prctl(option, argument)`, its unused arguments zero as the kernel
/// requires.
#[cfg(target_os = "linux")]
fn prctl(option: c_int, argument: libc::c_ulong) -> c_int {
    // SAFETY: the huge-page options read or set a flag of the process and
    // touch no memory of ours.
    unsafe { libc::prctl(option, argument, 0 as libc::c_ulong, 0 as libc::c_ulong, 0 as libc::c_ulong) }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_purge_delay_is_the_option_it_is_taken_for() {
        // Only mimalloc's purge delay defaults to 1000 (its neighbours to 1
        // and 0): a renumbering in a new mimalloc fails here instead of
        // setting another option.
        let get = |option| {
            // SAFETY: reads an option; nothing writes them in the tests.
            unsafe { libmimalloc_sys::mi_option_get(option) }
        };
        assert_eq!(get(PURGE_DELAY), 1000);
        assert_eq!(get(PURGE_DELAY - 1), 1);
        assert_eq!(get(PURGE_DELAY + 1), 0);
    }
}
