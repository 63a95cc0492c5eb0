//! The address file of a market survey (MEV), as `dias broadband evaluate`
//! and the upload check of the web app read it: `dias_mev::read_addresses`,
//! the streaming, chunked, parallel parse with per-row validation.
//!
//! Properties besides "no panic, no hang, bounded memory":
//! - the result does not depend on where the file is cut into chunks
//!   (whole file vs. 1-byte and odd-sized blocks): same rows, same
//!   rejections, same error;
//! - every kept address is found again by its id, and no two kept
//!   addresses share an id;
//! - rejections and kept rows name lines inside the file (≥ 2 unless the
//!   file has lone `\r` line ends, ≤ the number of lines).
#![no_main]

use dias_mev::input::fuzzing::read_addresses_in_blocks;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let whole = read_addresses_in_blocks(data, 1 << 24);
    let lines = data.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
    // Lines are counted by `\n`; after a lone `\r` line end (old Mac
    // exports) a row may be numbered 1.
    let lone_cr = data
        .iter()
        .enumerate()
        .any(|(i, &b)| b == b'\r' && data.get(i + 1) != Some(&b'\n'));
    let first = if lone_cr { 1 } else { 2 };
    let (addresses, rejected) = match &whole {
        Ok(ok) => ok,
        Err(e) => {
            // A broken header is a broken header however the file is cut.
            for block in [1, 1 + data.len() / 3, data.len().max(1)] {
                let other = read_addresses_in_blocks(data, block);
                assert_eq!(
                    other.as_ref().err().map(ToString::to_string),
                    Some(e.to_string()),
                    "block {block}"
                );
            }
            return;
        }
    };
    for r in rejected {
        assert!(r.line >= first && r.line <= lines, "{r:?} of {lines} lines");
        assert!(!r.reason.is_empty());
    }
    assert!(
        rejected.windows(2).all(|w| w[0].line <= w[1].line),
        "file order"
    );
    let n = addresses.len();
    assert_eq!(addresses.ags8.len(), n);
    assert_eq!(addresses.usage.len(), n);
    assert_eq!(addresses.households.len(), n);
    assert_eq!(addresses.businesses.len(), n);
    assert_eq!(addresses.line.len(), n);
    for a in 0..n as u32 {
        assert_eq!(addresses.index_of(addresses.id(a)), Some(a));
        let line = u64::from(addresses.line[a as usize]);
        assert!(line >= first && line <= lines, "line {line} of {lines}");
    }
    for block in [1, 7, 1 + data.len() / 3, data.len().max(1)] {
        let (a, rej) = read_addresses_in_blocks(data, block)
            .unwrap_or_else(|e| panic!("block {block}: {e}, whole file: ok"));
        assert_eq!(&rej, rejected, "block {block}");
        assert_eq!(a.len(), n, "block {block}");
        for i in 0..n as u32 {
            assert_eq!(a.id(i), addresses.id(i));
        }
        assert_eq!(a.ags8, addresses.ags8);
        assert_eq!(a.usage, addresses.usage);
        assert_eq!(a.households, addresses.households);
        assert_eq!(a.businesses, addresses.businesses);
        assert_eq!(a.line, addresses.line);
        let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&a.lat), bits(&addresses.lat));
        assert_eq!(bits(&a.lon), bits(&addresses.lon));
    }
});
