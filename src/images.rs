//! The images a briefing embeds, read and decoded once by one function for
//! `check` and the render alike, so that the two agree on every image
//! (issue 29, item 1): the `[report] logo` from inside the data folder, any
//! other image a template names from inside the templates folder
//! (`check --templates DIR` reads those a template names by a plain address).
//!
//! Each image is read with [`input::read_within`] (a regular file, at most
//! [`MAX_IMAGE_BYTES`], never outside its folder) and decoded whole with
//! [`typeset::image::decode`] (PNG or JPEG, at most
//! [`typeset::image::MAX_PIXELS`]). A refusal is an error naming the file and
//! the reason (exit 65), never a silent substitution.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::dataset::{DataSource, Dataset};
use crate::typeset::image::Image;
use crate::{diag, input, report, typeset};

/// The largest image file read: 32 MiB.
pub const MAX_IMAGE_BYTES: u64 = 32 << 20;

/// The folder a dataset's images are read from: the data folder, or the
/// folder of a lone data file (the current folder for the built-in data).
pub fn data_folder(source: &DataSource) -> PathBuf {
    match source {
        DataSource::Path(p) if p.is_dir() => p.clone(),
        DataSource::Path(p) => match p.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        },
        DataSource::Builtin => PathBuf::from("."),
    }
}

/// Reads and decodes the image `src` from inside `folder`; the error says
/// why not, after the image's name.
pub fn read(folder: &Path, src: &str) -> Result<Image, String> {
    if src.contains("://") {
        return Err("images are read from files, not fetched".to_owned());
    }
    // The one bounded read of regular files every input goes through.
    let bytes = input::read_within(folder, src, MAX_IMAGE_BYTES).map_err(|e| match e {
        input::ReadError::Io(e) => e.to_string(),
        input::ReadError::TooLarge(limit) => format!("the file is over {} MiB, the limit", limit >> 20),
    })?;
    typeset::image::decode(&bytes)
}

/// The diagnostic for an image that could not be read, at its path.
fn refusal(folder: &Path, src: &str, why: &str) -> diag::Diagnostic {
    diag::Diagnostic::error_in(&folder.join(src).display().to_string(), format!("image `{src}`: {why}"))
}

/// `check`'s images: the dataset's logo, read as the render reads it.
pub fn check(source: &DataSource, dataset: &Dataset) -> Vec<diag::Diagnostic> {
    let Some(logo) = &dataset.report.logo else { return Vec::new() };
    let folder = data_folder(source);
    match read(&folder, logo) {
        Ok(_) => Vec::new(),
        Err(why) => {
            let named = dataset.report_file.as_deref().unwrap_or("the data");
            vec![refusal(&folder, logo, &why).with_help(format!("the `logo` of `[report]` in {named}"))]
        }
    }
}

/// `check --templates DIR`'s images: every image the templates name by a
/// plain address (`![Desk](img/desk.png)`, not one a helper writes), read
/// from inside `dir` as the render reads it; and the templates' own
/// problems of name (an override of no built-in template).
pub fn check_templates(dir: &Path) -> Vec<diag::Diagnostic> {
    let sources = match report::templates::with_overrides(dir) {
        Ok(sources) => sources,
        Err(report::ReportError::Invalid(problems)) => return problems,
        Err(e) => return vec![diag::Diagnostic::error_in(&dir.display().to_string(), e.to_string())],
    };
    let mut problems = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for template in &sources {
        for src in typeset::image::sources(&template.text).into_iter().filter(|s| !s.contains("{{")) {
            if !seen.insert(src.clone()) {
                continue;
            }
            if let Err(why) = read(dir, &src) {
                problems.push(refusal(dir, &src, &why).with_help(format!("named in {}", template.path)));
            }
        }
    }
    problems
}

/// The images of a render, by the address the Markdown gives, and the
/// files read for them (for `--watch`, which watches every file a render
/// read: issue 29, item 8).
#[derive(Default)]
pub struct Loaded {
    pub images: BTreeMap<String, Arc<Image>>,
    /// Each image's path as named (joined to its folder) and as resolved
    /// (links followed), in order.
    pub files: Vec<PathBuf>,
}

/// Reads and decodes every image the Markdown names but `drawn` (the maps,
/// drawn rather than read): the logo from the data folder, others from the
/// templates folder (`templates`; none with the built-in templates, which
/// name no image but the logo).
pub fn load(
    markdown: &str,
    source: &DataSource,
    templates: Option<&Path>,
    logo: Option<&str>,
    drawn: &dyn Fn(&str) -> bool,
) -> Result<Loaded, Vec<diag::Diagnostic>> {
    let data = data_folder(source);
    let mut loaded = Loaded::default();
    let mut problems = Vec::new();
    for src in typeset::image::sources(markdown).into_iter().filter(|s| !drawn(s)) {
        let folder = match templates {
            _ if logo == Some(src.as_str()) => data.as_path(),
            Some(folder) => folder,
            None => {
                let why = "the built-in templates embed no image but the `[report]` logo";
                problems.push(diag::Diagnostic::error_in("templates", format!("image `{src}`: {why}")));
                continue;
            }
        };
        let path = folder.join(&src);
        if let Ok(resolved) = path.canonicalize() {
            loaded.files.extend([path, resolved]);
        }
        match read(folder, &src) {
            Ok(image) => {
                loaded.images.insert(src, Arc::new(image));
            }
            Err(why) => problems.push(refusal(folder, &src, &why)),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}
