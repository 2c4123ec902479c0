//! Hostile images (issue 29, item 1): every image the render would read is
//! checked by `check` with the same verdict and the same message. Images
//! are generated: PNGs and JPEGs of many sizes and colour types, each cut
//! short at several places, headers that claim sizes over the limit,
//! things that are not images, files that are not regular files, and paths
//! that leave the data or templates folder.

use std::path::Path;

use crate::util::{bin, stderr, AS_OF};

/// A one-event dataset in `data`, whose `[report]` logo is `logo`.
fn dataset(data: &Path, logo: &str) {
    std::fs::create_dir_all(data).unwrap();
    let text = format!(
        "[report]\ntitle = \"T\"\nlogo = \"{}\"\n\n[[pillar]]\nid = \"p\"\nname = \"Pillar\"\n\n[[event]]\nid = \"e\"\ntitle = \"An event\"\ndate = \"2025-03-01\"\npillar = \"p\"\nkind = \"summit\"\nsignificance = 3\nsummary = \"A summary.\"\nsources = [{{ name = \"S\" }}]\n",
        logo.replace('\\', "\\\\").replace('"', "\\\"")
    );
    std::fs::write(data.join("d.toml"), text).unwrap();
}

fn png(width: u32, height: u32, colour: png::ColorType) -> Vec<u8> {
    let channels = match colour {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        _ => 4,
    };
    let data: Vec<u8> = (0..(width * height) as usize * channels).map(|i| (i * 31 % 256) as u8).collect();
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_color(colour);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header().unwrap().write_image_data(&data).unwrap();
    out
}

fn jpeg(width: u16, height: u16, colour: jpeg_encoder::ColorType) -> Vec<u8> {
    let channels = if colour == jpeg_encoder::ColorType::Luma { 1 } else { 3 };
    let data: Vec<u8> = (0..usize::from(width) * usize::from(height) * channels).map(|i| (i * 37 % 251) as u8).collect();
    let mut out = Vec::new();
    jpeg_encoder::Encoder::new(&mut out, 75).encode(&data, width, height, colour).unwrap();
    out
}

/// `bytes` (a PNG) claiming to be `width` × `height`: its header rewritten,
/// with the checksum made right, so that only the size is a lie.
fn png_claiming(bytes: &[u8], width: u32, height: u32) -> Vec<u8> {
    let mut out = bytes.to_vec();
    out[16..20].copy_from_slice(&width.to_be_bytes());
    out[20..24].copy_from_slice(&height.to_be_bytes());
    let mut crc = flate2::Crc::new();
    crc.update(&out[12..29]);
    out[29..33].copy_from_slice(&crc.sum().to_be_bytes());
    out
}

/// A JPEG's header alone (no scan), claiming `width` × `height`.
fn jpeg_header_claiming(bytes: &[u8], width: u16, height: u16) -> Vec<u8> {
    let sos = bytes.windows(2).position(|w| w == [0xFF, 0xDA]).unwrap();
    let sof = bytes.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    let mut out = bytes[..sos].to_vec();
    out[sof + 5..sof + 7].copy_from_slice(&height.to_be_bytes());
    out[sof + 7..sof + 9].copy_from_slice(&width.to_be_bytes());
    out
}

/// A generated image file: its name, bytes, and whether it is good.
struct Case {
    name: String,
    bytes: Vec<u8>,
    good: bool,
}

/// Good images of several sizes and kinds, each also cut short at three
/// places; headers claiming sizes over the limit; things that are not
/// images.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    let mut seed = 7u32;
    let mut next = |n: u32| {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        1 + (seed >> 8) % n
    };
    let colours = [png::ColorType::Rgb, png::ColorType::Rgba, png::ColorType::Grayscale, png::ColorType::GrayscaleAlpha];
    for (i, colour) in colours.into_iter().enumerate() {
        let (w, h) = (next(48), next(48));
        cases.push(Case { name: format!("good{i}.png"), bytes: png(w, h, colour), good: true });
    }
    for (i, colour) in [jpeg_encoder::ColorType::Rgb, jpeg_encoder::ColorType::Luma].into_iter().enumerate() {
        let (w, h) = (next(64) as u16, next(64) as u16);
        cases.push(Case { name: format!("good{i}.jpg"), bytes: jpeg(w, h, colour), good: true });
    }
    let good: Vec<(String, Vec<u8>)> = cases.iter().map(|c| (c.name.clone(), c.bytes.clone())).collect();
    for (name, bytes) in &good {
        for (j, end) in [bytes.len() / 3, bytes.len() * 2 / 3, bytes.len() - 1].into_iter().enumerate() {
            cases.push(Case { name: format!("cut{j}-{name}"), bytes: bytes[..end].to_vec(), good: false });
        }
    }
    let small_png = png(2, 2, png::ColorType::Rgb);
    for (w, h) in [(60_000, 60_000), (40_000_001, 1), (6_000, 6_000), (1, 40_000_001)] {
        cases.push(Case { name: format!("claims-{w}x{h}.png"), bytes: png_claiming(&small_png, w, h), good: false });
    }
    let small_jpeg = jpeg(8, 8, jpeg_encoder::ColorType::Rgb);
    for (w, h) in [(65_500, 65_500), (8, 8), (10_000, 4_001)] {
        cases.push(Case { name: format!("claims-{w}x{h}.jpg"), bytes: jpeg_header_claiming(&small_jpeg, w, h), good: false });
    }
    let not_images: [(&str, &[u8]); 4] =
        [("gif.png", b"GIF89a\x01\x00\x01\x00"), ("text.png", b"hello"), ("svg.png", b"<svg/>"), ("empty.jpg", b"")];
    for (name, bytes) in not_images {
        cases.push(Case { name: name.to_owned(), bytes: bytes.to_vec(), good: false });
    }
    cases
}

/// What `check` and a PDF render say of the dataset in `data`: exit codes
/// and stderr.
fn both(data: &Path, out: &Path) -> ((Option<i32>, String), (Option<i32>, String)) {
    let check = bin().args(["check", "--as-of", AS_OF, "--data"]).arg(data).output().unwrap();
    let render = bin()
        .args(["--format", "pdf", "--period", "2025", "--as-of", AS_OF, "-q", "-o"])
        .arg(out.join("b.pdf"))
        .arg("--data")
        .arg(data)
        .output()
        .unwrap();
    ((check.status.code(), stderr(&check)), (render.status.code(), stderr(&render)))
}

/// Asserts that check and the render agree: both succeed, or both exit 65
/// with the same line naming the image's file and `reason`.
fn agree(data: &Path, out: &Path, file: &str, good: bool, reason: &str) {
    let ((check_code, check_err), (render_code, render_err)) = both(data, out);
    if good {
        assert_eq!((check_code, render_code), (Some(0), Some(0)), "{file}: check: {check_err}\nrender: {render_err}");
        return;
    }
    assert_eq!((check_code, render_code), (Some(65), Some(65)), "{file}: check: {check_err}\nrender: {render_err}");
    let line = check_err.lines().find(|l| l.contains(&format!("image `{file}`"))).unwrap_or_else(|| panic!("{file}: {check_err}"));
    assert!(line.contains(reason) && line.contains(": error: "), "{file}: {line}");
    assert!(render_err.contains(line), "{file}: check said\n{line}\nthe render said\n{render_err}");
    assert!(!out.join("b.pdf").exists(), "{file}: a PDF was written");
}

#[test]
fn issue_29_check_and_the_render_agree_on_every_generated_image() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    for case in cases() {
        dataset(&data, &format!("assets/{}", case.name));
        std::fs::create_dir_all(data.join("assets")).unwrap();
        std::fs::write(data.join("assets").join(&case.name), &case.bytes).unwrap();
        let out = tempfile::tempdir().unwrap();
        let reason = if case.name.starts_with("claims") && !case.name.contains("8x8") && !case.name.contains("6000x6000") {
            "the limit is 40000000 pixels"
        } else if case.name.ends_with(".jpg") {
            "JPEG"
        } else {
            "PNG"
        };
        agree(&data, out.path(), &format!("assets/{}", case.name), case.good, reason);
    }
}

#[test]
fn issue_29_a_logo_that_is_no_regular_file_is_refused_by_check_and_render() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("assets/folder.png")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", data.join("assets/zero.png")).unwrap();
    let made = std::process::Command::new("mkfifo").arg(data.join("assets/fifo.png")).status().unwrap();
    assert!(made.success());
    let kinds = [
        ("assets/missing.png", "No such file or directory"),
        ("assets/folder.png", "it is a folder, not a regular file"),
        ("assets/zero.png", "it leaves the folder"),
        ("assets/fifo.png", "it is a FIFO (named pipe), not a regular file"),
    ];
    for (logo, reason) in kinds {
        dataset(&data, logo);
        let out = tempfile::tempdir().unwrap();
        agree(&data, out.path(), logo, false, reason);
    }
}

#[test]
fn issue_29_no_image_is_read_from_outside_the_data_folder() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    std::fs::create_dir_all(data.join("assets")).unwrap();
    let outside = dir.path().join("outside.png");
    std::fs::write(&outside, png(3, 3, png::ColorType::Rgb)).unwrap();
    std::os::unix::fs::symlink(&outside, data.join("assets/link.png")).unwrap();
    std::os::unix::fs::symlink("..", data.join("assets/up")).unwrap();
    let absolute = outside.display().to_string();
    let escapes = [
        ("../outside.png", "it leaves the folder"),
        ("assets/../../outside.png", "it leaves the folder"),
        ("assets/link.png", "it leaves the folder"),
        ("assets/up/../outside.png", "it leaves the folder"),
        (absolute.as_str(), "it is an absolute path"),
    ];
    for (logo, reason) in escapes {
        dataset(&data, logo);
        let out = tempfile::tempdir().unwrap();
        agree(&data, out.path(), logo, false, reason);
    }
    // The same image inside the folder is embedded.
    std::fs::copy(&outside, data.join("assets/inside.png")).unwrap();
    dataset(&data, "assets/inside.png");
    let out = tempfile::tempdir().unwrap();
    agree(&data, out.path(), "assets/inside.png", true, "");
}

/// Issue 29, item 1: a template's images, generated as the logo's are,
/// and addresses that leave the templates folder: `check --templates` and
/// the render agree on each, naming the file and the reason.
#[test]
fn issue_29_check_and_the_render_agree_on_template_images() {
    let dir = tempfile::tempdir().unwrap();
    let templates = dir.path().join("templates");
    std::fs::create_dir_all(templates.join("img")).unwrap();
    std::fs::write(dir.path().join("secret.png"), png(2, 2, png::ColorType::Rgb)).unwrap();
    let run = |src: &str| {
        std::fs::write(templates.join("about.md.hbs"), format!("![desk]({src})\n")).unwrap();
        let out = tempfile::tempdir().unwrap();
        let render = bin()
            .args(["--format", "pdf", "--as-of", AS_OF, "-q", "-o"])
            .arg(out.path().join("b.pdf"))
            .arg("--templates")
            .arg(&templates)
            .output()
            .unwrap();
        let check = bin().args(["check", "--as-of", AS_OF, "--templates"]).arg(&templates).output().unwrap();
        ((check.status.code(), stderr(&check)), (render.status.code(), stderr(&render)))
    };
    let absolute = dir.path().join("secret.png").display().to_string();
    let mut addresses: Vec<(String, bool, &str)> =
        vec![("../secret.png".into(), false, "it leaves the folder"), ("img/../../secret.png".into(), false, "it leaves the folder"), (absolute, false, "it is an absolute path")];
    // Every fourth generated image: good ones, cut ones, false sizes, not
    // images.
    for case in cases().into_iter().step_by(4) {
        std::fs::write(templates.join("img").join(&case.name), &case.bytes).unwrap();
        addresses.push((format!("img/{}", case.name), case.good, "image `"));
    }
    assert!(addresses.len() > 8);
    for (src, good, reason) in addresses {
        let ((check_code, check_err), (render_code, render_err)) = run(&src);
        if good {
            assert_eq!((check_code, render_code), (Some(0), Some(0)), "{src}: {check_err}\n{render_err}");
            continue;
        }
        assert_eq!((check_code, render_code), (Some(65), Some(65)), "{src}: {check_err}\n{render_err}");
        let line = check_err.lines().find(|l| l.contains(&format!("image `{src}`: "))).unwrap_or_else(|| panic!("{src}: {check_err}"));
        assert!(line.contains(reason), "{src}: {line}");
        assert!(render_err.contains(line), "{src}: check said\n{line}\nthe render said\n{render_err}");
    }
}

/// Issue 29, item 1: `check FILE` (an editor's check on save) reports a bad
/// logo for the file that sets it, as the whole dataset's check does.
#[test]
fn issue_29_check_of_the_file_setting_the_logo_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    dataset(&data, "assets/logo.png");
    std::fs::write(data.join("other.toml"), "[[pillar]]\nid = \"q\"\nname = \"Other\"\n").unwrap();
    std::fs::create_dir_all(data.join("assets")).unwrap();
    let whole = png(6, 6, png::ColorType::Rgb);
    for end in [8, whole.len() / 2, whole.len() - 4] {
        std::fs::write(data.join("assets/logo.png"), &whole[..end]).unwrap();
        let check = |file: &str| {
            let output = bin().args(["check", "--as-of", AS_OF, "--data"]).arg(&data).arg(data.join(file)).output().unwrap();
            (output.status.code(), stderr(&output))
        };
        let (code, err) = check("d.toml");
        assert_eq!(code, Some(65), "{err}");
        assert!(err.contains("error: image `assets/logo.png`: cannot decode the PNG") && err.contains("the `logo` of `[report]` in"), "{err}");
        let (code, err) = check("other.toml");
        assert_eq!(code, Some(0), "{err}");
    }
}
