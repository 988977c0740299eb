//! The one logger: the pipeline reports timings and notes through the `log`
//! crate, and this prints them on standard error. Debug messages (the
//! profile of a build or a rebuild) show when `PLAYBOOK_PROFILE` is set;
//! otherwise only warnings and errors.

/// Prints each record's message as it is, one line each.
struct StderrLogger;

impl log::Log for StderrLogger {
    fn enabled(&self, metadata: &log::Metadata<'_>) -> bool {
        metadata.level() <= log::max_level()
    }

    fn log(&self, record: &log::Record<'_>) {
        if self.enabled(record.metadata()) {
            match record.level() {
                log::Level::Error => eprintln!("error: {}", record.args()),
                log::Level::Warn => eprintln!("warning: {}", record.args()),
                _ => eprintln!("{}", record.args()),
            }
        }
    }

    fn flush(&self) {}
}

static LOGGER: StderrLogger = StderrLogger;

/// Install the logger (once, at start-up).
pub(crate) fn init() {
    let level = if std::env::var_os("PLAYBOOK_PROFILE").is_some() {
        log::LevelFilter::Debug
    } else {
        log::LevelFilter::Warn
    };
    if log::set_logger(&LOGGER).is_ok() {
        log::set_max_level(level);
    }
}
