//! `slant`: compare how news outlets cover the same story.
//!
//! `main` parses arguments, calls `run`, and maps the outcome to an exit code; each subcommand
//! lives in its own file.

mod args;
mod ingest;
mod input;
mod lexicon;
mod lexicons;
mod progress;
mod report;
mod synth;

use clap::Parser;
use std::process::ExitCode;

/// mimalloc: the report allocates and frees millions of small strings and maps, where it
/// spends about a tenth of its time in glibc's allocator. The v2 line (the `v2` feature) gives
/// freed memory back to the system after 10 ms, and `main` makes that at once; v3 waits a
/// second, which at 100,000 articles kept 70–100 MB more resident at the same speed.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc v2's `mi_option_purge_delay`: the sixteenth of its options (`mimalloc.h` of the
/// v2 line); its default is 10 ms.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Gives freed memory back to the system at once rather than 10 ms later, unless
/// `MIMALLOC_PURGE_DELAY` says otherwise: at 41,000 articles this lowered the report's peak
/// from 176–195 to 149–151 MiB for 0.5–1.4 s more, and at 100,000 it cost no time.
fn purge_freed_memory_at_once() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_none() {
        // SAFETY: mi_option_set stores a number in mimalloc's table of options, which any
        // thread may do at any time; the option number is in range.
        #[allow(unsafe_code)]
        unsafe {
            libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0)
        };
    }
}

fn main() -> ExitCode {
    purge_freed_memory_at_once();
    let cli = args::Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            // A closed pipe (`slant ... | head`) is not a failure.
            if closed_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("slant: error: {}", one_line(&chain_message(&err)));
            ExitCode::from(2)
        }
    }
}

/// Whether an error is stdout's reader having gone (`slant lexicon coverage … | head`): an IO
/// error of kind `BrokenPipe`, also where the CSV writer wraps it.
fn closed_pipe(err: &anyhow::Error) -> bool {
    let broken = |e: &std::io::Error| e.kind() == std::io::ErrorKind::BrokenPipe;
    err.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(broken)
            || c.downcast_ref::<csv::Error>()
                .is_some_and(|e| match e.kind() {
                    csv::ErrorKind::Io(io) => broken(io),
                    _ => false,
                })
    })
}

/// An error and its causes, joined by ": " as `{:#}` joins them, but a cause that the message
/// already ends with is not said again: `path: {source}` errors display their source, which
/// `{:#}` then repeated ("x.gz: corrupt deflate stream: corrupt deflate stream").
pub(crate) fn chain_message(err: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if !message.is_empty() {
            if message.ends_with(&text) {
                continue;
            }
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// A message for stderr on one line: line breaks and other control characters that input
/// text brings into it (an id, a column name) written as escapes (`\n`, `\u{1b}`). Tabs stay.
pub(crate) fn one_line(message: &str) -> std::borrow::Cow<'_, str> {
    if !message.chars().any(|c| c.is_control() && c != '\t') {
        return message.into();
    }
    message
        .chars()
        .map(|c| match c {
            '\t' => c.to_string(),
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

fn run(cli: args::Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        args::Command::Report(a) => report::run(&a),
        args::Command::Ingest(a) => ingest::run(&a),
        args::Command::Lexicon(a) => lexicon::run(&a),
        args::Command::Synth(a) => synth::run(&a),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_that_shows_its_cause_does_not_repeat_it() {
        let io = std::io::Error::new(std::io::ErrorKind::InvalidData, "corrupt deflate stream");
        let err = anyhow::Error::new(slant_corpus::CorpusError::Io {
            path: "t.jsonl.gz".into(),
            source: io,
        })
        .context("reading input");
        assert_eq!(
            chain_message(&err),
            "reading input: t.jsonl.gz: corrupt deflate stream"
        );
        let plain = anyhow::anyhow!("inner").context("outer");
        assert_eq!(chain_message(&plain), "outer: inner");
    }

    #[test]
    fn messages_keep_to_one_line() {
        assert_eq!(one_line("plain: `a b`\tc"), "plain: `a b`\tc");
        assert_eq!(
            one_line("duplicate id `a\nb\r` \u{1b}[31m"),
            "duplicate id `a\\nb\\r` \\u{1b}[31m"
        );
        assert_eq!(one_line("«Ильхам» — ok"), "«Ильхам» — ok");
    }

    /// The option number is mimalloc's purge delay: the only option of the v2 line whose
    /// default is 10 among its first twenty, and set to 0 by the call.
    #[test]
    fn the_purge_delay_option_is_the_one_set() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        #[allow(unsafe_code)]
        // SAFETY: reading an option is always allowed.
        let get = |o| unsafe { libmimalloc_sys::mi_option_get(o) };
        let tens: Vec<_> = (0..20).filter(|&o| get(o) == 10).collect();
        assert_eq!(tens, [MI_OPTION_PURGE_DELAY]);
        purge_freed_memory_at_once();
        assert_eq!(get(MI_OPTION_PURGE_DELAY), 0);
    }
}
