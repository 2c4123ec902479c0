//! Data text in another language than the briefing's, marked for the
//! reader's software (issue 28, item 5).
//!
//! A dataset read for a language ([`crate::dataset::load_in`]) shows a
//! text that has none in it in the dataset's language, and records it
//! ([`Fallbacks`]). While a briefing is rendered inside [`marking`], data
//! text that is such a fallback comes out wrapped as
//! `<span lang="en">…</span>`, so that a screen reader speaks it, and the
//! PDF sets it, in its own language. The wrapping happens where data text
//! is escaped for the templates ([`escape`], the templates' escape
//! function, and the data a message is given): nothing else changes, and
//! a briefing with no fallbacks (every briefing in the dataset's own
//! language) is byte-identical to one rendered outside [`marking`].

use std::cell::RefCell;

use crate::dataset::lang::Fallbacks;

thread_local! {
    /// The fallbacks of the briefing being rendered on this thread.
    static MARKED: RefCell<Option<Fallbacks>> = const { RefCell::new(None) };
}

/// Runs `render` with the data texts of `fallbacks` marked with their
/// language wherever [`escape`] or [`wrap`] sees them; the marking ends
/// with `render`, also when it fails or panics.
pub fn marking<R>(fallbacks: &Fallbacks, render: impl FnOnce() -> R) -> R {
    struct Reset(Option<Fallbacks>);
    impl Drop for Reset {
        fn drop(&mut self) {
            let before = self.0.take();
            MARKED.with(|m| *m.borrow_mut() = before);
        }
    }
    let shown = (!fallbacks.is_empty()).then(|| fallbacks.clone());
    let _reset = Reset(MARKED.with(|m| m.replace(shown)));
    render()
}

/// The templates' escape function: data text escaped for Markdown
/// ([`super::escape::markdown`]) and, when it is a fallback, marked.
pub fn escape(text: &str) -> String {
    wrap(text, super::escape::markdown(text))
}

/// `escaped`, the Markdown of the data text `text`, wrapped in a span of
/// its language when `text` is a fallback of the briefing being rendered.
pub fn wrap(text: &str, escaped: String) -> String {
    if escaped.is_empty() {
        return escaped;
    }
    MARKED.with(|m| match m.borrow().as_ref().and_then(|f| f.language_of(text.trim())) {
        Some(lang) => format!("<span lang=\"{lang}\">{escaped}</span>"),
        None => escaped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::lang::TextKind;

    fn fallbacks() -> Fallbacks {
        let mut f = Fallbacks { asked: "ru".into(), dataset: "en".into(), ..Fallbacks::default() };
        f.record(TextKind::EventTitle, "COP29 in *Baku*", Some("en"));
        f.record(TextKind::EventTitle, "Саммит", None);
        f
    }

    #[test]
    fn a_fallback_is_wrapped_in_its_language_inside_marking_only() {
        let f = fallbacks();
        assert_eq!(escape("COP29 in *Baku*"), r"COP29 in \*Baku\*");
        let inside = marking(&f, || (escape("COP29 in *Baku*"), escape("Саммит"), escape("other")));
        assert_eq!(inside.0, r#"<span lang="en">COP29 in \*Baku\*</span>"#);
        assert_eq!(inside.1, "Саммит");
        assert_eq!(inside.2, "other");
        assert_eq!(escape("COP29 in *Baku*"), r"COP29 in \*Baku\*", "the marking ends with the render");
    }

    #[test]
    fn the_marking_ends_when_the_render_panics() {
        let f = fallbacks();
        let caught = std::panic::catch_unwind(|| marking(&f, || panic!("a bug")));
        assert!(caught.is_err());
        assert_eq!(escape("COP29 in *Baku*"), r"COP29 in \*Baku\*");
    }
}
