//! CPU-time clocks: on a shared machine the wall clock also counts the time a benchmark waits
//! for a core, so timings and the ratios beside the Python peers are taken in CPU time.

use std::time::Duration;

/// CPU time this thread has used: unlike the wall clock, it does not count the time the
/// thread waits for a core, so per-stage figures stay comparable on a busy machine.
pub fn thread_cpu_time() -> Duration {
    cpu_time(libc::CLOCK_THREAD_CPUTIME_ID)
}

/// CPU time all threads of this process have used.
pub fn process_cpu_time() -> Duration {
    cpu_time(libc::CLOCK_PROCESS_CPUTIME_ID)
}

fn cpu_time(clock: libc::clockid_t) -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec; both CPU-time clocks are supported on
    // every Linux this runs on (a failure leaves zero, which shows as a zero time).
    unsafe {
        libc::clock_gettime(clock, &mut ts);
    }
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}
