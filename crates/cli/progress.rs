//! Progress on a terminal: a spinner with documents read, their rate and the current stage.
//! Hidden with `--quiet` or when stderr is not a terminal (piped, redirected, CI), so logs and
//! scripts see only the final line and the warnings.
//!
//! With `SLANT_TIMINGS=1` in the environment, the seconds spent in each stage, and the peak
//! resident memory when it ended (Linux), are printed on stderr at the end: what the scale
//! benchmark reports per stage.

use indicatif::{ProgressBar, ProgressStyle};
use std::cell::RefCell;
use std::io::IsTerminal;
use std::time::{Duration, Instant};

/// The progress display of one run.
pub struct Progress {
    bar: ProgressBar,
    /// Stages and when each began.
    stages: RefCell<Vec<(&'static str, Instant, Option<u64>)>>,
}

impl Progress {
    /// A spinner on stderr, or a hidden one.
    pub fn new(quiet: bool) -> Self {
        let bar = if quiet || !std::io::stderr().is_terminal() {
            ProgressBar::hidden()
        } else {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template(
                    "{spinner} {elapsed_precise} {human_pos} documents ({per_sec}) {msg}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            );
            bar.enable_steady_tick(Duration::from_millis(120));
            bar
        };
        bar.set_message("reading");
        Progress {
            bar,
            stages: RefCell::new(vec![("starting", Instant::now(), peak_rss_mb())]),
        }
    }

    /// Counts documents done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Names the stage under way.
    pub fn stage(&self, what: &'static str) {
        self.bar.set_message(what);
        self.stages
            .borrow_mut()
            .push((what, Instant::now(), peak_rss_mb()));
    }

    /// Prints a warning on stderr without tearing the spinner; warnings show with `--quiet`
    /// too.
    pub fn warn(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{}", crate::one_line(line)));
    }

    /// Removes the spinner; prints the stage timings when `SLANT_TIMINGS` is set.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
        if std::env::var_os("SLANT_TIMINGS").is_none() {
            return;
        }
        let mut stages = self.stages.borrow_mut();
        stages.push(("done", Instant::now(), peak_rss_mb()));
        for w in stages.windows(2) {
            let peak = w[1]
                .2
                .map_or(String::new(), |mb| format!("  (peak {mb} MB)"));
            eprintln!(
                "slant: timing {:>8.3} s  {}{peak}",
                (w[1].1 - w[0].1).as_secs_f64(),
                w[0].0
            );
        }
        stages.clear();
    }
}

/// The process's peak resident memory so far in MB (`VmHWM`), where /proc tells it.
fn peak_rss_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024)
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
