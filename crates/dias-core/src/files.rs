//! What an uploaded file is, judged by its bytes, and what it may be
//! called when shown or downloaded — pure checks for every module (the web
//! layer's multipart reading lives in `dias_web::upload`).

/// A file type accepted for uploads that people send to the agency:
/// documents (PDF) and pictures. What a file is comes from its first bytes
/// ([`sniff`]), never from its name or the browser's content type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Pdf,
    Png,
    Jpeg,
    Gif,
    Webp,
}

impl FileKind {
    pub const ALL: [FileKind; 5] = [
        FileKind::Pdf,
        FileKind::Png,
        FileKind::Jpeg,
        FileKind::Gif,
        FileKind::Webp,
    ];

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Pdf => "application/pdf",
            FileKind::Png => "image/png",
            FileKind::Jpeg => "image/jpeg",
            FileKind::Gif => "image/gif",
            FileKind::Webp => "image/webp",
        }
    }

    /// The usual extension (without dot).
    pub fn extension(self) -> &'static str {
        self.extensions()[0]
    }

    /// Every extension people give files of this kind, lower case.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            FileKind::Pdf => &["pdf"],
            FileKind::Png => &["png"],
            FileKind::Jpeg => &["jpg", "jpeg", "jpe"],
            FileKind::Gif => &["gif"],
            FileKind::Webp => &["webp"],
        }
    }

    /// The kind a file name's extension claims, if it is one of ours.
    pub fn from_name(name: &str) -> Option<FileKind> {
        let (_, ext) = name.rsplit_once('.')?;
        let ext = ext.to_ascii_lowercase();
        FileKind::ALL
            .into_iter()
            .find(|k| k.extensions().contains(&ext.as_str()))
    }
}

/// What a file is, from its magic number; `None` for anything else
/// (HTML, programs, archives, text), whatever its name says.
pub fn sniff(bytes: &[u8]) -> Option<FileKind> {
    if bytes.starts_with(b"%PDF-") {
        Some(FileKind::Pdf)
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some(FileKind::Png)
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        Some(FileKind::Jpeg)
    } else if bytes.starts_with(b"GIF87a") || bytes.starts_with(b"GIF89a") {
        Some(FileKind::Gif)
    } else if bytes.len() >= 12 && bytes.starts_with(b"RIFF") && &bytes[8..12] == b"WEBP" {
        Some(FileKind::Webp)
    } else {
        None
    }
}

/// A browser's file name made fit for display and for
/// `Content-Disposition`: the last path segment only, without control and
/// bidirectional-override characters (which can disguise `exe.pdf` as
/// `fdp.exe`), quotes, separators or leading dots, at most 120 characters.
/// May be empty; callers choose a fallback name then.
pub fn display_filename(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or("");
    let cleaned: String = base
        .chars()
        .filter(|c| {
            !c.is_control()
                && !matches!(c, '"' | '\\' | '/' | ';' | '<' | '>' | '*' | '?' | '|' | ':')
                && !matches!(*c as u32, 0x200b..=0x200f | 0x202a..=0x202e | 0x2066..=0x2069 | 0xfeff)
        })
        .collect();
    let trimmed = cleaned.trim().trim_start_matches('.').trim();
    // Keep the extension when shortening a long name.
    let limit = 120;
    if trimmed.chars().count() <= limit {
        return trimmed.to_owned();
    }
    match trimmed.rsplit_once('.') {
        Some((stem, ext)) if ext.chars().count() <= 10 => {
            let keep = limit - ext.chars().count() - 1;
            format!(
                "{}.{ext}",
                stem.chars().take(keep).collect::<String>().trim_end()
            )
        }
        _ => trimmed.chars().take(limit).collect(),
    }
}

/// PDF names that run or carry something when the file is opened:
/// scripts, launched programs, embedded files, Flash/3D media and XFA forms.
const ACTIVE_PDF_NAMES: [&[u8]; 7] = [
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
];

/// Whether a PDF names active content ([`ACTIVE_PDF_NAMES`]) anywhere in
/// its bytes. A cheap heuristic, not a parser: names are compared whole
/// (`/JSON` is not `/JS`) and after decoding `#xx` escapes (`/J#61vaScript`),
/// but names inside compressed object streams (`/ObjStm`, PDF 1.5+) are not
/// seen, so a determined sender can hide them. Staff should therefore open
/// attachments in a viewer with scripting switched off.
pub fn pdf_has_active_content(bytes: &[u8]) -> bool {
    // PDF delimiters and white space end a name (ISO 32000-1, 7.2.2).
    let ends_name = |b: u8| b"()<>[]{}/%".contains(&b) || b.is_ascii_whitespace() || b == 0;
    let hex = |b: u8| char::from(b).to_digit(16);
    let mut at = 0;
    while let Some(offset) = bytes[at..].iter().position(|&b| b == b'/') {
        let start = at + offset + 1;
        let len = bytes[start..]
            .iter()
            .position(|&b| ends_name(b))
            .unwrap_or(bytes.len() - start);
        let raw = &bytes[start..start + len];
        let mut name = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            match (
                raw[i],
                raw.get(i + 1).and_then(|&b| hex(b)),
                raw.get(i + 2).and_then(|&b| hex(b)),
            ) {
                (b'#', Some(high), Some(low)) => {
                    name.push((high * 16 + low) as u8);
                    i += 3;
                }
                (b, _, _) => {
                    name.push(b);
                    i += 1;
                }
            }
        }
        if ACTIVE_PDF_NAMES.contains(&name.as_slice()) {
            return true;
        }
        at = start + len;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_documents_and_pictures_from_their_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n%\xe2\xe3"), Some(FileKind::Pdf));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), Some(FileKind::Png));
        assert_eq!(
            sniff(&[0xff, 0xd8, 0xff, 0xe0, 0, 0x10]),
            Some(FileKind::Jpeg)
        );
        assert_eq!(sniff(b"GIF89a\x01\0"), Some(FileKind::Gif));
        assert_eq!(sniff(b"RIFF\x24\0\0\0WEBPVP8 "), Some(FileKind::Webp));
        // Whatever the name claims, these are not documents or pictures.
        for other in [
            &b"<!DOCTYPE html><script>alert(1)</script>"[..],
            b"MZ\x90\x00\x03\x00\x00\x00",
            b"PK\x03\x04\x14\0",
            b"RIFF\x24\0\0\0WAVEfmt ",
            b"RIFF",
            b" %PDF-1.4",
            b"",
        ] {
            assert_eq!(sniff(other), None, "{other:?}");
        }
        for kind in FileKind::ALL {
            assert_eq!(
                FileKind::from_name(&format!("x.{}", kind.extension())),
                Some(kind)
            );
        }
        assert_eq!(FileKind::from_name("Foto.JPEG"), Some(FileKind::Jpeg));
        assert_eq!(FileKind::from_name("setup.exe"), None);
        assert_eq!(FileKind::from_name("ohne-endung"), None);
    }

    #[test]
    fn display_file_names_lose_paths_controls_and_disguises() {
        assert_eq!(display_filename("C:\\Users\\erika\\Plan.pdf"), "Plan.pdf");
        assert_eq!(display_filename("../../etc/passwd"), "passwd");
        assert_eq!(display_filename("..hidden.png"), "hidden.png");
        assert_eq!(display_filename("a\"b;c\r\n.pdf"), "abc.pdf");
        // With a right-to-left override „Rechnung<RLO>fdp.exe“ would show as „Rechnungexe.pdf“.
        assert_eq!(
            display_filename("Rechnung\u{202e}fdp.exe"),
            "Rechnungfdp.exe"
        );
        assert_eq!(
            display_filename("Straßenplan Döbeln.pdf"),
            "Straßenplan Döbeln.pdf"
        );
        assert_eq!(display_filename("   "), "");
        let long = format!("{}.pdf", "x".repeat(300));
        let shown = display_filename(&long);
        assert_eq!(shown.chars().count(), 120);
        assert!(shown.ends_with(".pdf"));
    }
}
