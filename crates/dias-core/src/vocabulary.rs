//! The one way modules declare a fixed vocabulary: an enum whose values
//! each have a stable key (stored, used in URLs) and a message id for their
//! label, with `ALL`, `key`, `label_key` and `parse`.

/// Declares a vocabulary enum; see the module documentation.
///
/// ```
/// dias_core::vocabulary! {
///     /// Colours.
///     Colour {
///         Red = "rot", "colour-rot";
///         Blue = "blau", "colour-blau";
///     }
/// }
/// assert_eq!(Colour::parse("blau"), Some(Colour::Blue));
/// assert_eq!(Colour::Red.label_key(), "colour-rot");
/// ```
#[macro_export]
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident = $key:literal, $label:literal;)+ }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant,)+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The stored and URL key.
            pub fn key(self) -> &'static str {
                match self {
                    $($name::$variant => $key,)+
                }
            }

            /// Message id of the display name.
            pub fn label_key(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)+
                }
            }

            pub fn parse(key: &str) -> Option<$name> {
                Self::ALL.iter().copied().find(|v| v.key() == key)
            }
        }

        impl ::serde::Serialize for $name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.key())
            }
        }
    };
}
