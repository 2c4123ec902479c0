//! The integration tests: one binary, one module per area (ripgrep style).

mod changes;
mod check;
mod cli;
mod hardening;
mod partners;
mod properties;
mod render;
mod typeset;
mod util;
mod watch;
