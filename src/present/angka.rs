//! [`Angka`]: a figure of a view, kept as the exact `Decimal` until the one formatting call.
//!
//! Templates are fed through serde, which has no decimal type. An `Angka` serialises as a
//! minijinja object holding the `Decimal` (minijinja keeps objects when it serialises a value
//! for a template), so the filters of `site::filters` read the decimal itself rather than a
//! string made from it. Printed as it is (`{{ row.capaian }}`), or serialised by any other
//! serializer (JSON), it is its plain decimal text (`number::plain`).

use std::fmt;
use std::sync::Arc;

use minijinja::value::{Object, ObjectRepr, Value};
use rust_decimal::Decimal;
use serde::{Serialize, Serializer};

use crate::number::plain;

/// An exact figure on its way to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Angka(pub Decimal);

impl Object for Angka {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Plain
    }

    fn render(self: &Arc<Self>, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&plain(self.0))
    }
}

impl Serialize for Angka {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Value::from_object(*self).serialize(serializer)
    }
}

impl From<Decimal> for Angka {
    fn from(value: Decimal) -> Angka {
        Angka(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn a_template_gets_the_decimal_and_prints_it_plain() {
        let value = Value::from(minijinja::value::Serde(vec![Angka(d("82.50")), Angka(d("-0.00"))]));
        let first = value.get_item_by_index(0).unwrap();
        assert_eq!(first.downcast_object_ref::<Angka>(), Some(&Angka(d("82.50"))));
        assert_eq!(first.to_string(), "82.50");
        // A zero has no sign, as in the exports.
        assert_eq!(value.get_item_by_index(1).unwrap().to_string(), "0.00");
        assert!(first.is_true(), "a figure, even zero, is something to show");
        assert!(value.get_item_by_index(1).unwrap().is_true());
    }

    #[test]
    fn other_serializers_see_the_plain_text() {
        let json = serde_json::to_string(&[Angka(d("1250000.50")), Angka(d("7"))]).unwrap();
        assert_eq!(json, r#"["1250000.50","7"]"#);
    }
}
