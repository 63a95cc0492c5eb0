//! `dias opinion analyze`: the opinion-group analysis of a vote file.

use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

pub struct AnalyzeArgs<'a> {
    pub votes: &'a Path,
    pub statements: Option<&'a PathBuf>,
    pub moderated_out: Option<&'a str>,
    pub out: &'a Path,
}

/// Reads STATEMENTS.csv (`statement[,moderated][,meta]`, other columns such
/// as `text` ignored; see [`dias_opinion::read_statements_into`]): registers
/// statements without votes and marks moderated-out (`-1`, `out`, `true`,
/// `1`) and meta statements. Bad rows are reported and skipped.
fn read_statements(path: &Path, builder: &mut dias_opinion::VotesBuilder) -> anyhow::Result<usize> {
    let file =
        std::fs::File::open(path).with_context(|| format!("cannot read {}", path.display()))?;
    let errors = dias_opinion::read_statements_into(std::io::BufReader::new(file), builder)
        .with_context(|| format!("{}", path.display()))?;
    for e in &errors {
        eprintln!("{}:{}: {}", path.display(), e.line, e.reason);
    }
    Ok(errors.len())
}

pub fn analyze(args: AnalyzeArgs<'_>) -> anyhow::Result<()> {
    let mut builder = dias_opinion::Votes::builder();
    if let Some(path) = args.statements {
        read_statements(path, &mut builder)?;
    }
    for id in args
        .moderated_out
        .unwrap_or("")
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        builder.moderate_out(id);
    }
    let file = std::fs::File::open(args.votes)
        .with_context(|| format!("cannot read {}", args.votes.display()))?;
    let row_errors = dias_opinion::read_into(std::io::BufReader::new(file), &mut builder)
        .with_context(|| format!("{}", args.votes.display()))?;
    for e in &row_errors {
        eprintln!("{}:{}: {}", args.votes.display(), e.line, e.reason);
    }
    let votes = builder.build();
    if votes.is_empty() {
        bail!("{} holds no valid votes", args.votes.display());
    }
    let analysis = dias_opinion::analyze(&votes, &dias_opinion::Options::default(), None);
    let file = std::fs::File::create(args.out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    analysis.write_json(std::io::BufWriter::new(file))?;
    eprintln!(
        "{} Stimmen von {} Teilnehmenden zu {} Aussagen: {} Meinungsgruppen ({} Zeilen übersprungen) → {}",
        votes.len(),
        votes.participants().len(),
        votes.statements().len(),
        analysis.k,
        row_errors.len(),
        args.out.display()
    );
    Ok(())
}
