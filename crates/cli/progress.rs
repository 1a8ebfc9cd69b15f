//! Progress on a terminal: a spinner with documents read, their rate and the current stage.
//! Hidden with `--quiet` or when stderr is not a terminal (piped, redirected, CI), so logs and
//! scripts see only the final line and the warnings.

use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::time::Duration;

/// The progress display of one run.
pub struct Progress {
    bar: ProgressBar,
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
        Progress { bar }
    }

    /// Counts documents done.
    pub fn inc(&self, n: u64) {
        self.bar.inc(n);
    }

    /// Names the stage under way.
    pub fn stage(&self, what: &'static str) {
        self.bar.set_message(what);
    }

    /// Prints a warning on stderr without tearing the spinner; warnings show with `--quiet`
    /// too.
    pub fn warn(&self, line: &str) {
        self.bar.suspend(|| eprintln!("{line}"));
    }

    /// Removes the spinner.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
