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
/// scripts, launched programs, embedded files, Flash/3D media, XFA forms,
/// form submission, data import and jumps into other documents.
const ACTIVE_PDF_NAMES: [&[u8]; 11] = [
    b"JavaScript",
    b"JS",
    b"Launch",
    b"EmbeddedFile",
    b"EmbeddedFiles",
    b"RichMedia",
    b"XFA",
    b"SubmitForm",
    b"GoToR",
    b"GoToE",
    b"ImportData",
];

/// How many bytes [`pdf_has_active_content`] inflates from a PDF's
/// compressed streams at most (a small file can inflate to gigabytes).
pub const PDF_MAX_INFLATED: usize = 20 * 1024 * 1024;

/// Whether a PDF names active content ([`ACTIVE_PDF_NAMES`]) anywhere in
/// its bytes or in its `/FlateDecode` streams once inflated (where PDF 1.5
/// object streams, `/ObjStm`, keep dictionaries). A cheap heuristic, not a
/// parser: names are compared whole (`/JSON` is not `/JS`) and after
/// decoding `#xx` escapes (`/J#61vaScript`). At most [`PDF_MAX_INFLATED`]
/// bytes are inflated; a PDF with object streams whose streams do not
/// inflate or exceed that counts as active (what it hides is unknown).
/// Other filters are not decoded, so staff should still open attachments in
/// a viewer with scripting switched off.
pub fn pdf_has_active_content(bytes: &[u8]) -> bool {
    let active = |name: &[u8]| ACTIVE_PDF_NAMES.contains(&name);
    if any_pdf_name(bytes, active) {
        return true;
    }
    let mut budget = PDF_MAX_INFLATED;
    let mut unreadable = false;
    for data in flate_streams(bytes) {
        match inflate(data, budget) {
            Some(decoded) => {
                budget -= decoded.len();
                if any_pdf_name(&decoded, active) {
                    return true;
                }
            }
            None => unreadable = true,
        }
    }
    unreadable && any_pdf_name(bytes, |name| name == b"ObjStm")
}

/// Whether any PDF name in `bytes` (after `#xx` decoding) satisfies `wanted`.
fn any_pdf_name(bytes: &[u8], wanted: impl Fn(&[u8]) -> bool) -> bool {
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
        if wanted(&name) {
            return true;
        }
        at = start + len;
    }
    false
}

fn find(haystack: &[u8], needle: &[u8], from: usize) -> Option<usize> {
    haystack
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| p + from)
}

/// The raw data of every stream whose dictionary names `/FlateDecode`
/// (or its abbreviation `/Fl`): from the line after `stream` to
/// `endstream`, the dictionary being the text since the object's `obj`.
fn flate_streams(bytes: &[u8]) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(pos) = find(bytes, b"stream", at) {
        at = pos + b"stream".len();
        if bytes[..pos].ends_with(b"end") {
            continue;
        }
        let data_start = match bytes.get(at..at + 2) {
            Some([b'\r', b'\n']) => at + 2,
            Some([b'\n', _]) | Some([b'\r', _]) => at + 1,
            _ => continue,
        };
        let dict_start = bytes[..pos]
            .windows(3)
            .rposition(|w| w == b"obj")
            .unwrap_or(0);
        let dict = &bytes[dict_start..pos];
        if !any_pdf_name(dict, |name| name == b"FlateDecode" || name == b"Fl") {
            continue;
        }
        let data_end = find(bytes, b"endstream", data_start).unwrap_or(bytes.len());
        out.push(&bytes[data_start..data_end]);
        at = data_end;
    }
    out
}

/// `data` inflated (zlib), `None` when it is not valid or would exceed
/// `budget` bytes.
fn inflate(data: &[u8], budget: usize) -> Option<Vec<u8>> {
    use std::io::Read;
    let mut decoded = Vec::new();
    let mut reader = flate2::read::ZlibDecoder::new(data).take(budget as u64 + 1);
    reader.read_to_end(&mut decoded).ok()?;
    (decoded.len() <= budget).then_some(decoded)
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

    fn deflated(data: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder =
            flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    /// A PDF 1.5 file whose catalog sits in a deflated object stream.
    fn with_object_stream(objects: &[u8], filter: &str) -> Vec<u8> {
        let data = deflated(objects);
        [
            b"%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter ".as_slice(),
            filter.as_bytes(),
            format!(" /Length {} >>\nstream\r\n", data.len()).as_bytes(),
            &data,
            b"\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
        ]
        .concat()
    }

    #[test]
    fn active_content_is_found_in_plain_and_deflated_pdf_objects() {
        let plain = b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 3 0 R >> endobj";
        assert!(!pdf_has_active_content(plain));
        for name in [
            "JavaScript",
            "J#61vaScript",
            "Launch",
            "SubmitForm",
            "GoToR",
            "GoToE",
            "ImportData",
        ] {
            let file = format!("%PDF-1.7\n1 0 obj << /OpenAction << /S /{name} >> >> endobj");
            assert!(pdf_has_active_content(file.as_bytes()), "{name}");
        }
        assert!(!pdf_has_active_content(
            b"%PDF-1.7 << /JSON 1 /GoToRemote 2 >>"
        ));

        // Padding that compresses, so the deflated bytes are not stored raw.
        let hidden = [
            b"1 0 << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
                .as_slice(),
            &[b' '; 200],
        ]
        .concat();
        let hidden = hidden.as_slice();
        let file = with_object_stream(hidden, "/FlateDecode");
        assert!(
            !any_pdf_name(&file, |n| ACTIVE_PDF_NAMES.contains(&n)),
            "the name is not in the raw bytes"
        );
        assert!(pdf_has_active_content(&file));
        assert!(pdf_has_active_content(&with_object_stream(hidden, "[/Fl]")));
        let harmless = with_object_stream(b"1 0 << /Type /Catalog /Pages 3 0 R >>", "/FlateDecode");
        assert!(!pdf_has_active_content(&harmless));
        // The review's file (catalog with /OpenAction JavaScript in an
        // object stream).
        let review = [
            b"%PDF-1.7\n2 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\n"
                .as_slice(),
            &deflated(b"1 0 << /Type /Catalog /OpenAction 4 0 R >> << /S /JavaScript /JS (x) >>"),
            b"\nendstream\nendobj\n",
        ]
        .concat();
        assert!(pdf_has_active_content(&review));
    }

    #[test]
    fn streams_that_do_not_inflate_count_only_with_object_streams() {
        let broken = |dict: &str| {
            format!(
                "%PDF-1.7\n2 0 obj\n<< {dict} /Filter /FlateDecode >>\nstream\nnot zlib at all\nendstream\nendobj\n"
            )
        };
        assert!(pdf_has_active_content(
            broken("/Type /ObjStm /N 1").as_bytes()
        ));
        assert!(!pdf_has_active_content(broken("/Length 15").as_bytes()));
        // A bomb: more than the cap once inflated.
        let bomb = deflated(&vec![b' '; PDF_MAX_INFLATED + 10]);
        let file = |dict: &str| {
            [
                format!("%PDF-1.7\n2 0 obj\n<< {dict} /Filter /FlateDecode >>\nstream\n")
                    .as_bytes(),
                &bomb,
                b"\nendstream\nendobj\n",
            ]
            .concat()
        };
        assert!(pdf_has_active_content(&file("/Type /ObjStm")));
        assert!(!pdf_has_active_content(&file("/Length 1")));
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
