//! The integration tests: one binary, one module per area (ripgrep style).

mod changes;
mod check;
mod edit_loop;
mod cli;
mod fidelity;
mod frame_words;
mod gfm;
mod cli_properties;
mod docs;
mod hardening;
mod hostile_text;
mod house;
mod layers;
mod manifest;
mod partners;
mod properties;
mod publication;
mod render;
mod source;
mod report_words;
mod tagged;
mod typeset;
mod util;
mod watch;
mod words;
mod summary_words;
