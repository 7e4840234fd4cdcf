//! Arbitrary text and a "plain scalar" flag into `parse_figure` and `parse_target`.
//!
//! Must hold: no panic; a range has `min < maks`; a single target is exactly what
//! `parse_figure` gives; only plain scalars are ambiguous; a parsed value prints as a plain YAML
//! number that parses back to the same value and the same digits.

#![no_main]

use libfuzzer_sys::fuzz_target;
use sakip_site::number::{Target, parse_figure, parse_target};

fuzz_target!(|data: &[u8]| {
    let Some((&flag, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let plain = flag & 1 == 1;

    let figure = parse_figure(text, plain);
    assert_eq!(figure, parse_figure(text, plain), "not deterministic");
    if let Ok(fig) = figure {
        assert!(plain || !fig.ambiguous, "quoted {text:?} flagged ambiguous");
        round_trip(fig.value);
    }

    match parse_target(text, plain).map(|p| (p.target, p.ambiguous, p.unit)) {
        Ok((Target::Range { min, maks }, ambiguous, _)) => {
            assert!(min < maks, "{text:?}: range {min} .. {maks} out of order");
            assert!(!ambiguous, "{text:?}: range flagged ambiguous");
            round_trip(min);
            round_trip(maks);
        }
        Ok((Target::Single(value), ambiguous, unit)) => {
            let fig = parse_figure(text, plain).expect("single target but not a figure");
            assert_eq!((fig.value, fig.ambiguous, fig.unit), (value, ambiguous, unit), "{text:?}");
            assert_eq!(fig.value.to_string(), value.to_string(), "{text:?}");
        }
        Err(_) => {}
    }
});

/// What the site prints for a value must read back as exactly that value.
fn round_trip(value: rust_decimal::Decimal) {
    let shown = value.to_string();
    let back = parse_figure(&shown, true).unwrap_or_else(|e| panic!("{shown:?} does not parse back: {e}"));
    assert_eq!(back.value, value, "{shown:?}");
    assert_eq!(back.value.to_string(), shown, "{shown:?}");
}
