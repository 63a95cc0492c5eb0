//! The public forms as plain data: the inquiry form (with its prefill from
//! other modules' links), the sender's reply and the request for a
//! forgotten status link. Each is parsed into strings and checked in one
//! place; errors name the field and a message id.

use dias_core::files::pdf_has_active_content;
use dias_core::validation::{self, FieldErrors};
use dias_web::upload::{FileKind, display_filename, sniff};

use crate::links;
use crate::store::{NewAttachment, NewInquiry};
use crate::vocab::{SenderType, Topic};

/// Largest attachment: 10 MB.
pub const MAX_ATTACHMENT_BYTES: usize = 10 * 1024 * 1024;
/// Request limit of the form, well above the largest attachment: a file a
/// little too large still reaches validation, so the form comes back with
/// the input and a size error instead of the server's bare 413 page.
pub const BODY_LIMIT: usize = 25 * 1024 * 1024;
/// File types people may attach.
pub const ATTACHMENT_KINDS: [FileKind; 3] = [FileKind::Pdf, FileKind::Png, FileKind::Jpeg];

pub const SUBJECT_MAX: usize = 200;
pub const MESSAGE_MAX: usize = 10_000;
pub const NAME_MAX: usize = 200;

/// The inquiry form as typed; also what the form shows again.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InquiryInput {
    pub sender_type: String,
    pub topic: String,
    /// AGS-8 of a Gemeinde, or empty.
    pub gemeinde: String,
    pub subject: String,
    pub message: String,
    pub name: String,
    pub email: String,
    pub consent: bool,
    /// A portal path the inquiry was started from; only local paths are
    /// kept ([`links::local_path`]).
    pub context: String,
}

impl InquiryInput {
    /// Reads the fields through `field` (a form's text lookup).
    pub fn from_fields(field: impl Fn(&str) -> String) -> Self {
        InquiryInput {
            sender_type: field("sender_type"),
            topic: field("topic"),
            gemeinde: field("gemeinde"),
            subject: field("subject"),
            message: field("message"),
            name: field("name"),
            email: field("email"),
            consent: !field("consent").is_empty(),
            context: links::local_path(&field("kontext")).unwrap_or_default(),
        }
    }

    /// The form opened from a link such as
    /// `/anfragen/neu?thema=breitband&gemeinde=14521010&kontext=/breitband/beratung`:
    /// known topics and Gemeinden and local paths are taken, anything else
    /// is ignored.
    pub fn prefill(query: &[(String, String)], gemeinde_exists: impl Fn(&str) -> bool) -> Self {
        let value = |key: &str| {
            query
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.trim().to_owned())
                .unwrap_or_default()
        };
        let topic = value("thema");
        let gemeinde = value("gemeinde");
        InquiryInput {
            topic: if Topic::parse(&topic).is_some() {
                topic
            } else {
                String::new()
            },
            gemeinde: if gemeinde_exists(&gemeinde) {
                gemeinde
            } else {
                String::new()
            },
            context: links::local_path(&value("kontext")).unwrap_or_default(),
            ..InquiryInput::default()
        }
    }
}

/// A file as the browser sent it.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    pub filename: &'a str,
    pub bytes: &'a [u8],
}

/// Who is sending, as far as the form needs it.
#[derive(Debug, Clone, Default)]
pub struct Sender {
    pub user_id: Option<i64>,
    pub locale: String,
}

/// Checks an attachment: not empty, at most [`MAX_ATTACHMENT_BYTES`], a
/// PDF, PNG or JPEG by its bytes, and not named as another type. Returns
/// the file with its type and a clean display name.
pub fn check_attachment(upload: Upload<'_>) -> Result<NewAttachment, &'static str> {
    if upload.bytes.is_empty() {
        return Err("desk-public-error-attachment-empty");
    }
    if upload.bytes.len() > MAX_ATTACHMENT_BYTES {
        return Err("desk-public-error-attachment-size");
    }
    let kind = sniff(upload.bytes)
        .filter(|k| ATTACHMENT_KINDS.contains(k))
        .ok_or("desk-public-error-attachment-type")?;
    if kind == FileKind::Pdf && pdf_has_active_content(upload.bytes) {
        return Err("desk-public-error-attachment-active");
    }
    let shown = display_filename(upload.filename);
    let filename = match FileKind::from_name(&shown) {
        Some(claimed) if claimed == kind => shown,
        // A picture named `.pdf` (or the reverse) is refused: either the
        // wrong file was chosen or someone disguises it.
        Some(_) => return Err("desk-public-error-attachment-mismatch"),
        None if shown.is_empty() => format!("anhang.{}", kind.extension()),
        None => format!("{shown}.{}", kind.extension()),
    };
    Ok(NewAttachment {
        filename,
        mime: kind.mime().to_owned(),
        data: upload.bytes.to_vec(),
    })
}

/// Checks the inquiry form. `gemeinde_exists` tells known AGS-8 codes.
pub fn validate(
    input: &InquiryInput,
    upload: Option<Upload<'_>>,
    sender: &Sender,
    gemeinde_exists: impl Fn(&str) -> bool,
) -> Result<NewInquiry, FieldErrors> {
    let mut errors = FieldErrors::new();
    let sender_type = SenderType::parse(input.sender_type.trim());
    if sender_type.is_none() {
        errors.add("sender_type", "desk-public-error-sender-type");
    }
    let topic = Topic::parse(input.topic.trim());
    if topic.is_none() {
        errors.add("topic", "desk-public-error-topic");
    }
    let gemeinde = input.gemeinde.trim();
    if !gemeinde.is_empty() && !gemeinde_exists(gemeinde) {
        errors.add("gemeinde", "desk-public-error-gemeinde");
    }
    let subject = required(
        &mut errors,
        "subject",
        &input.subject,
        SUBJECT_MAX,
        "desk-public-error-subject",
    );
    let message = required(
        &mut errors,
        "message",
        &input.message,
        MESSAGE_MAX,
        "desk-public-error-message",
    );
    let name = input.name.trim().to_owned();
    if name.chars().count() > NAME_MAX {
        errors.add("name", "error-too-long");
    }
    let email = email(&mut errors, &input.email);
    let attachment = match upload {
        Some(upload) => match check_attachment(upload) {
            Ok(file) => Some(file),
            Err(message) => {
                errors.add("attachment", message);
                None
            }
        },
        None => None,
    };
    if !input.consent {
        errors.add("consent", "desk-public-error-consent");
    }
    errors.into_result()?;
    let (Some(sender_type), Some(topic)) = (sender_type, topic) else {
        return Err(FieldErrors::single("topic", "desk-public-error-topic"));
    };
    Ok(NewInquiry {
        sender_type,
        topic,
        ags8: (!gemeinde.is_empty()).then(|| gemeinde.to_owned()),
        subject,
        message,
        sender_name: name,
        sender_email: email,
        user_id: sender.user_id,
        locale: sender.locale.clone(),
        context_path: links::local_path(&input.context),
        attachment,
    })
}

/// A required text whose emptiness is told by `empty_message` (what the
/// field asks for) rather than the generic "fill in this field".
fn required(
    errors: &mut FieldErrors,
    field: &str,
    value: &str,
    max_chars: usize,
    empty_message: &str,
) -> String {
    if value.trim().is_empty() {
        errors.add(field, empty_message);
        return String::new();
    }
    validation::required_text(errors, field, value, max_chars)
}

/// The sender's e-mail address, with a message saying what is missing.
fn email(errors: &mut FieldErrors, value: &str) -> String {
    if value.trim().is_empty() {
        errors.add("email", "desk-public-error-email");
        return String::new();
    }
    validation::email(errors, "email", value)
}

/// Checks a sender's reply through the status link.
pub fn validate_reply(message: &str) -> Result<String, FieldErrors> {
    let mut errors = FieldErrors::new();
    let message = required(
        &mut errors,
        "message",
        message,
        MESSAGE_MAX,
        "desk-public-error-reply",
    );
    errors.into_result()?;
    Ok(message)
}

/// Checks a request for a forgotten link: a reference in the form
/// `DIAS-2026-000123` (any case) and an e-mail address. Returns both
/// normalised.
pub fn validate_link_request(
    reference: &str,
    email: &str,
) -> Result<(String, String), FieldErrors> {
    let mut errors = FieldErrors::new();
    let reference = reference.trim().to_uppercase();
    let well_formed = {
        let parts: Vec<&str> = reference.split('-').collect();
        parts.len() == 3
            && parts[0] == "DIAS"
            && parts[1].len() == 4
            && parts[2].len() >= 6
            && parts[2].len() <= 12
            && parts[1..]
                .iter()
                .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    if reference.is_empty() {
        errors.add("reference", "desk-public-error-reference-missing");
    } else if !well_formed {
        errors.add("reference", "desk-public-error-reference");
    }
    let email = self::email(&mut errors, email);
    errors.into_result()?;
    Ok((reference, email))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PDF: &[u8] = b"%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n";
    const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";

    fn known(ags8: &str) -> bool {
        ags8 == "14521010"
    }

    fn filled() -> InquiryInput {
        InquiryInput {
            sender_type: "kommune".into(),
            topic: "breitband".into(),
            gemeinde: "14521010".into(),
            subject: " Markterkundung ".into(),
            message: "Wie läuft das Verfahren ab?".into(),
            name: "Erika Muster".into(),
            email: " Erika@Example.org ".into(),
            consent: true,
            context: "/breitband/beratung".into(),
        }
    }

    fn sender() -> Sender {
        Sender {
            user_id: Some(7),
            locale: "de".into(),
        }
    }

    fn fields(errors: &FieldErrors) -> Vec<&str> {
        errors.0.iter().map(|e| e.field.as_str()).collect()
    }

    #[test]
    fn a_complete_form_becomes_an_inquiry() {
        let upload = Upload {
            filename: "C:\\Daten\\Plan Amtsberg.pdf",
            bytes: PDF,
        };
        let new = validate(&filled(), Some(upload), &sender(), known).unwrap();
        assert_eq!(new.topic, Topic::Broadband);
        assert_eq!(new.sender_type, SenderType::Municipality);
        assert_eq!(new.subject, "Markterkundung");
        assert_eq!(new.sender_email, "erika@example.org");
        assert_eq!(new.ags8.as_deref(), Some("14521010"));
        assert_eq!(new.user_id, Some(7));
        assert_eq!(new.context_path.as_deref(), Some("/breitband/beratung"));
        let file = new.attachment.unwrap();
        assert_eq!(file.filename, "Plan Amtsberg.pdf");
        assert_eq!(file.mime, "application/pdf");
    }

    #[test]
    fn every_missing_or_wrong_field_is_named() {
        let input = InquiryInput {
            gemeinde: "99999999".into(),
            email: "keine-adresse".into(),
            name: "x".repeat(NAME_MAX + 1),
            ..InquiryInput::default()
        };
        let errors = validate(&input, None, &sender(), known).unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                "sender_type",
                "topic",
                "gemeinde",
                "subject",
                "message",
                "name",
                "email",
                "consent"
            ]
        );
        let mut no_mail = filled();
        no_mail.email = String::new();
        let errors = validate(&no_mail, None, &sender(), known).unwrap_err();
        assert_eq!(errors.get("email"), Some("desk-public-error-email"));
    }

    /// An empty form says for each field what is missing, not three times
    /// the same "please fill in this field".
    #[test]
    fn an_empty_form_names_what_each_field_needs() {
        let errors = validate(&InquiryInput::default(), None, &sender(), known).unwrap_err();
        let got: Vec<(&str, &str)> = errors
            .0
            .iter()
            .map(|e| (e.field.as_str(), e.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("sender_type", "desk-public-error-sender-type"),
                ("topic", "desk-public-error-topic"),
                ("subject", "desk-public-error-subject"),
                ("message", "desk-public-error-message"),
                ("email", "desk-public-error-email"),
                ("consent", "desk-public-error-consent"),
            ]
        );
        let mut long = filled();
        long.subject = "x".repeat(SUBJECT_MAX + 1);
        let errors = validate(&long, None, &sender(), known).unwrap_err();
        assert_eq!(errors.get("subject"), Some("error-too-long"));
    }

    #[test]
    fn the_body_limit_leaves_room_for_a_file_too_large() {
        const { assert!(BODY_LIMIT >= 2 * MAX_ATTACHMENT_BYTES) };
    }

    #[test]
    fn pdfs_with_active_content_are_refused() {
        let check = |bytes: &[u8]| {
            check_attachment(Upload {
                filename: "Plan.pdf",
                bytes,
            })
        };
        assert!(check(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF").is_ok());
        for active in [
            &b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"[..],
            b"%PDF-1.4\n<</S/JS(x)>>",
            b"%PDF-1.4\n<< /S /Launch /F (cmd.exe) >>",
            b"%PDF-1.4\n<< /Names << /EmbeddedFiles 3 0 R >> >>",
            b"%PDF-1.4\n<< /Type /EmbeddedFile >>",
            b"%PDF-1.4\n<< /Subtype /RichMedia >>",
            b"%PDF-1.4\n<< /AcroForm << /XFA 5 0 R >> >>",
            // Escaped characters in a name are the same name.
            b"%PDF-1.4\n<< /S /J#61vaScript >>",
            b"%PDF-1.4\n<< /S /JavaScript",
        ] {
            assert_eq!(
                check(active).unwrap_err(),
                "desk-public-error-attachment-active",
                "{}",
                String::from_utf8_lossy(active)
            );
        }
        // Longer names and plain text are not the names themselves.
        for harmless in [
            &b"%PDF-1.4\n<< /JSON /Launcher /XFAX >> (JavaScript)"[..],
            b"%PDF-1.4\n<< /Font /F1 >> stream\nBT (Launch JS) Tj ET",
        ] {
            assert!(
                check(harmless).is_ok(),
                "{}",
                String::from_utf8_lossy(harmless)
            );
        }
        // Only PDFs are read this way: a picture's bytes are not PDF syntax.
        let mut png = PNG.to_vec();
        png.extend_from_slice(b"/JavaScript");
        assert!(
            check_attachment(Upload {
                filename: "Foto.png",
                bytes: &png
            })
            .is_ok()
        );
    }

    #[test]
    fn attachments_are_checked_by_their_bytes() {
        let check = |filename: &str, bytes: &[u8]| check_attachment(Upload { filename, bytes });
        assert_eq!(check("Foto.png", PNG).unwrap().mime, "image/png");
        assert_eq!(
            check("Foto.JPG", &[0xff, 0xd8, 0xff, 0xe0]).unwrap().mime,
            "image/jpeg"
        );
        // An HTML page or a program named .pdf is refused.
        assert_eq!(
            check("Rechnung.pdf", b"<html><script>alert(1)</script>").unwrap_err(),
            "desk-public-error-attachment-type"
        );
        assert_eq!(
            check("Rechnung.pdf", b"MZ\x90\x00\x03").unwrap_err(),
            "desk-public-error-attachment-type"
        );
        // GIF is a picture, but not one of the accepted types.
        assert_eq!(
            check("a.gif", b"GIF89a\x01\0").unwrap_err(),
            "desk-public-error-attachment-type"
        );
        assert_eq!(
            check("Plan.pdf", PNG).unwrap_err(),
            "desk-public-error-attachment-mismatch"
        );
        assert_eq!(
            check("leer.pdf", b"").unwrap_err(),
            "desk-public-error-attachment-empty"
        );
        let mut big = PDF.to_vec();
        big.resize(MAX_ATTACHMENT_BYTES + 1, b' ');
        assert_eq!(
            check("gross.pdf", &big).unwrap_err(),
            "desk-public-error-attachment-size"
        );
        big.truncate(MAX_ATTACHMENT_BYTES);
        assert!(check("gross.pdf", &big).is_ok());
        // Names get the type's extension when they have none of ours.
        assert_eq!(check("scan", PDF).unwrap().filename, "scan.pdf");
        assert_eq!(check("bild.exe", PNG).unwrap().filename, "bild.exe.png");
        assert_eq!(check("../", PDF).unwrap().filename, "anhang.pdf");
    }

    #[test]
    fn prefill_takes_known_values_and_ignores_the_rest() {
        let q = |pairs: &[(&str, &str)]| -> Vec<(String, String)> {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect()
        };
        let input = InquiryInput::prefill(
            &q(&[
                ("thema", "breitband"),
                ("gemeinde", "14521010"),
                ("kontext", "/breitband/beratung"),
            ]),
            known,
        );
        assert_eq!(input.topic, "breitband");
        assert_eq!(input.gemeinde, "14521010");
        assert_eq!(input.context, "/breitband/beratung");
        let input = InquiryInput::prefill(
            &q(&[
                ("thema", "Raumfahrt"),
                ("gemeinde", "1452101"),
                ("kontext", "//evil.example"),
            ]),
            known,
        );
        assert_eq!(input, InquiryInput::default());
        // A submitted context that leads elsewhere is dropped too.
        let submitted = InquiryInput::from_fields(|k| {
            if k == "kontext" {
                "https://evil.example".into()
            } else {
                String::new()
            }
        });
        assert_eq!(submitted.context, "");
    }

    #[test]
    fn replies_and_link_requests() {
        assert_eq!(validate_reply("  Danke!  ").unwrap(), "Danke!");
        assert_eq!(
            validate_reply(" ").unwrap_err().get("message"),
            Some("desk-public-error-reply")
        );
        assert_eq!(
            validate_link_request(" dias-2026-000123 ", "A@B.de").unwrap(),
            ("DIAS-2026-000123".to_owned(), "a@b.de".to_owned())
        );
        let errors = validate_link_request("123", "").unwrap_err();
        assert_eq!(errors.get("reference"), Some("desk-public-error-reference"));
        assert_eq!(errors.get("email"), Some("desk-public-error-email"));
        let errors = validate_link_request(" ", "a@b.de").unwrap_err();
        assert_eq!(
            errors.get("reference"),
            Some("desk-public-error-reference-missing")
        );
    }
}
